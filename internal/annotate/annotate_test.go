package annotate

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dossier-osint/dossier/internal/catalog"
)

func sentenceTexts(body, title string) []string {
	var out []string
	for _, s := range splitSentences(body, title) {
		if !s.Boilerplate {
			out = append(out, s.Text)
		}
	}
	return out
}

func TestSentencesHoldUpOnNews(t *testing.T) {
	cases := []struct {
		name string
		body string
		want []string
	}{
		{"abbreviations and titles",
			"Col. Sadio Camara met Gen. Smith on Jan. 5. The U.S. State Department approved it. No. 3 squadron flew.",
			[]string{"Col. Sadio Camara met Gen. Smith on Jan. 5.", "The U.S. State Department approved it.", "No. 3 squadron flew."}},
		{"initials and decimals",
			"J. R. Smith said the 12.7 mm gun works. It fired 3.5 rounds.",
			[]string{"J. R. Smith said the 12.7 mm gun works.", "It fired 3.5 rounds."}},
		{"quotes",
			`"We can watch our waters," Diatta said. "It is done." He left.`,
			[]string{`"We can watch our waters," Diatta said.`, `"It is done."`, "He left."}},
		{"a sentence broken across lines by scraping",
			"Mali took delivery of WZ-551 wheeled infantry fighting \n vehicles\n and VP11 MRAPs.\n\nNext paragraph.",
			[]string{"Mali took delivery of WZ-551 wheeled infantry fighting   vehicles  and VP11 MRAPs.", "Next paragraph."}},
		{"a headline line without a full stop",
			"Estonia receives six more howitzers\n\nThe guns arrived.",
			[]string{"Estonia receives six more howitzers", "The guns arrived."}},
		{"U.S. ends a sentence when a new one starts",
			"The radars came from the U.S. The army uses them.",
			[]string{"The radars came from the U.S.", "The army uses them."}},
	}
	for _, tc := range cases {
		got := sentenceTexts(tc.body, "")
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

func TestBoilerplateIsLeftOutButKeepsOffsets(t *testing.T) {
	body := "Headline here\n\nShare this:\n\nThe army received six tanks.\n\nRead more: Other story\nExit mobile version"
	sents := splitSentences(body, "Headline here")
	var facts []string
	for _, s := range sents {
		if body[s.Start:s.End] != strings.ReplaceAll(s.Text, " ", " ") && !strings.Contains(body[s.Start:s.End], "\n") {
			t.Errorf("sentence text %q does not match its body span %q", s.Text, body[s.Start:s.End])
		}
		if !s.Boilerplate {
			facts = append(facts, s.Text)
		}
	}
	if len(facts) != 1 || facts[0] != "The army received six tanks." {
		t.Errorf("facts = %q, want only the article sentence", facts)
	}
	if len(sents) != 5 {
		t.Errorf("got %d sentences, want 5 (4 boilerplate kept for offsets)", len(sents))
	}
}

func TestDoubledParagraphIsMarkedAsCopy(t *testing.T) {
	p := "The visit ended with a contract. It covers new equipment."
	body := p + "\n\nSomething else happened.\n\n" + p
	sents := splitSentences(body, "")
	if len(sents) != 5 {
		t.Fatalf("got %d sentences, want 5", len(sents))
	}
	if sents[3].CopyOf != 0 || sents[4].CopyOf != 1 {
		t.Errorf("copies: got CopyOf %d and %d, want 0 and 1", sents[3].CopyOf, sents[4].CopyOf)
	}
	if len(sents[0].Copies) != 1 || sents[0].Copies[0] != 3 {
		t.Errorf("first printing should list its copy, got %v", sents[0].Copies)
	}
	if sents[2].CopyOf != -1 {
		t.Error("a sentence printed once was marked as a copy")
	}
}

func day(y, m, d int) Date { return Date{y, m, d, Day} }

func TestDates(t *testing.T) {
	ref := day(2024, 5, 23) // a Thursday
	cases := []struct {
		text string
		want []string
	}{
		{"On September 2, 2024, he visited.", []string{"2024-09-02"}},
		{"It arrived on 7 November and on 14 November 2023.", []string{"2024-11-07", "2023-11-14"}},
		{"In March 2023 and in 2021.", []string{"2023-03", "2021"}},
		{"He spoke on Tuesday and met them on Wednesday.", []string{"2024-05-21", "2024-05-22"}},
		{"They met on Thursday.", []string{"2024-05-23"}},
		{"It came last month, late last month and last year.", []string{"2024-04", "2024-04", "2023"}},
		{"It was delivered yesterday.", []string{"2024-05-22"}},
		{"In April it inducted one.", []string{"2024-04"}},
		{"later this year and next month", []string{"2024", "2024-06"}},
		{"The date 2024-09-02 is ISO.", []string{"2024-09-02"}},
		{"It fired 2,000 rounds and costs $2024.", nil},
	}
	for _, tc := range cases {
		var got []string
		for _, m := range FindDates(tc.text, 0, ref) {
			got = append(got, m.Date.String())
		}
		if strings.Join(got, ",") != strings.Join(tc.want, ",") {
			t.Errorf("%q: got %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestDateRoles(t *testing.T) {
	ms := FindDates("the third batch handed over since 2018, and 12 more by 2026", 0, day(2024, 1, 1))
	if len(ms) != 2 || ms[0].Role != Since || ms[1].Role != By {
		t.Fatalf("got %+v, want a Since and a By date", ms)
	}
}

func TestRelativeDatesNeedAReference(t *testing.T) {
	if ms := FindDates("on Monday and last month", 0, Date{}); len(ms) != 0 {
		t.Errorf("relative dates resolved without a reference: %+v", ms)
	}
	ms := FindDates("last month", 0, Date{Y: 2021, M: 6, Precision: Month})
	if len(ms) != 1 || ms[0].Date.String() != "2021-05" {
		t.Errorf("a month reference should resolve last month, got %+v", ms)
	}
}

func TestQuantities(t *testing.T) {
	cases := []struct {
		text string
		want []string // value/qualifier
	}{
		{"at least six Norinco VN2C IFV", []string{"6/at_least"}},
		{"50 Kia KM450 trucks and 1,200 more", []string{"50/exact", "1200/exact"}},
		{"half a dozen BRDM-2 and a dozen tanks and two dozen guns", []string{"6/approx", "12/approx", "24/approx"}},
		{"at least a couple of BTR-70", []string{"2/at_least"}},
		{"a couple of EMB-312", []string{"2/approx"}},
		{"a pair of second-hand C-212", []string{"2/exact"}},
		{"about 20 UH-60 and some 35 Su-30 and nearly forty jets", []string{"20/approx", "35/approx", "40/approx"}},
		{"more than 2,000 of the type", []string{"2000/at_least"}},
		{"between 10 and 12 T-72B1MS tanks", []string{"10/at_least"}},
		{"dozens of vehicles, several radars and a batch of Cobra II", []string{"0/unknown", "0/unknown", "0/unknown"}},
		{"twenty-four jets and two hundred and fifty trucks", []string{"24/exact", "250/exact"}},
		{"the second of three vessels", []string{"1/exact"}},
		{"the first four aircraft", []string{"4/exact"}},
		{"the navy took over two corvettes and handed over three", []string{"2/exact", "3/exact"}},
		{"a force built around eight jets and based around nearly 30 trainers", []string{"8/exact", "30/approx"}},
		{"88 of the eight-wheeled vehicles, two-seat trainers, four-engine aircraft and a 28-aircraft order", []string{"88/exact", "28/exact"}},
		// A capital and a hyphen before digits is a designation, not a
		// unit ("t" for tonnes): "64 T-90S".
		{"64 T-90S and T-90SK tanks and 12 MQ-9B drones", []string{"64/exact", "12/exact"}},
	}
	for _, tc := range cases {
		var got []string
		for _, q := range FindQuantities(tc.text, 0) {
			got = append(got, itoa(q.Value)+"/"+q.Qualifier)
		}
		if strings.Join(got, ",") != strings.Join(tc.want, ",") {
			t.Errorf("%q: got %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestMeasuresAreNotQuantities(t *testing.T) {
	for _, text := range []string{
		"a 155 mm gun", "a 12.7 mm machine gun", "weighs 20 tonnes", "the 47-tonne K9", "1,550 kg of weapons",
		"$380 million", "100 million euros", "€160 million", "62 metres long", "targets 40 km away", "a crew of 24",
		"in 2019", "delivered between 2026 and 2028", "the 6x6 vehicle", "4×4 MRAP", "creating 450 jobs", "three weeks at sea", "carries 20 t of cargo", "20 T of fuel", "the FA-50 jet", "speeds of 60 km/h",
	} {
		for _, q := range FindQuantities(text, 0) {
			if q.Value > 0 {
				t.Errorf("%q: read %d as a quantity of equipment", text, q.Value)
			}
		}
	}
}

func TestParseNumber(t *testing.T) {
	for in, want := range map[string]int{"six": 6, "twenty-four": 24, "a hundred": 100, "three thousand": 3000, "1,200": 1200, "two hundred and fifty": 250} {
		if got, ok := parseNumber(in); !ok || got != want {
			t.Errorf("parseNumber(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
}

func TestRuneOffsets(t *testing.T) {
	body := "Mali’s army — Goïta’s — got VN2C."
	d := &Doc{Body: body}
	b := strings.Index(body, "VN2C")
	if got, want := d.RuneOffset(b), utf8.RuneCountInString(body[:b]); got != want {
		t.Errorf("RuneOffset = %d, want %d", got, want)
	}
	long := strings.Repeat("é", 1000) + "X"
	d = &Doc{Body: long}
	if got := d.RuneOffset(strings.Index(long, "X")); got != 1000 {
		t.Errorf("RuneOffset past the index stride = %d, want 1000", got)
	}
}

// TestRuneOffsetsOfAnnotatedDocuments: the table RuneOffset keeps in the
// memory Release hands on serves each document, before and after Release.
func TestRuneOffsetsOfAnnotatedDocuments(t *testing.T) {
	cat := catalog.MustDefault()
	bodies := []string{strings.Repeat("é", 300) + " X", "Mali’s army got X.", strings.Repeat("a’", 200) + " X", "plain X"}
	for round := range 2 {
		for _, body := range bodies {
			d := Annotate(cat, body, "", "", "")
			b := strings.LastIndex(body, "X")
			want := utf8.RuneCountInString(body[:b])
			if got := d.RuneOffset(b); got != want {
				t.Errorf("round %d: RuneOffset(%d) of %.20q = %d, want %d", round, b, body, got, want)
			}
			d.Release()
			if got := d.RuneOffset(b); got != want {
				t.Errorf("round %d: after Release, RuneOffset(%d) of %.20q = %d, want %d", round, b, body, got, want)
			}
		}
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	for n > 0 {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	return s
}

// TestAmbiguousNamesNeedContext shows both sides of names that are also
// words: a system near a category word, its maker or a designation; an
// animal, a storm or a people elsewhere.
func TestAmbiguousNamesNeedContext(t *testing.T) {
	cat := catalog.MustDefault()
	for _, tc := range []struct {
		text   string
		system bool
	}{
		{"The army took delivery of Tiger attack helicopters.", true},
		{"The tiger population grew in the reserve.", false},
		{"Kuwait received Eurofighter Typhoon jets.", true},
		{"Typhoon Haiyan hit the coast last year.", false},
		{"Apache helicopters flew overhead.", true},
		{"Apache tribal leaders met officials.", false},
		{"Leopard 2A4 tanks were delivered.", true},
		{"A Leopard was seen near the base.", false},
		{"Mali acquired Lynx CS/VP11 ATVs.", true},
		{"Lynx sightings are rare in Mali.", false},
	} {
		d := Annotate(cat, tc.text, "", "2024-01-01", "")
		found := false
		for _, ms := range d.Mentions {
			for _, m := range ms {
				found = found || m.Kind == MSystem
			}
		}
		if found != tc.system {
			t.Errorf("%q: system found = %v, want %v", tc.text, found, tc.system)
		}
	}
}

func TestOrganisationFoundByShapeDropsItsState(t *testing.T) {
	d := Annotate(catalog.MustDefault(), "Officials met Chinese firm Lotus Rare Metals Group and Brazil's Serra Azul Mining on Monday.", "", "2024-01-10", "")
	var names []string
	for _, m := range d.Mentions[0] {
		if m.Kind == MName {
			names = append(names, m.Name)
		}
	}
	if strings.Join(names, "|") != "Lotus Rare Metals Group|Serra Azul Mining" {
		t.Errorf("organisations found by shape: %q", names)
	}
}

// namesOf annotates text as one sentence and joins the names of its
// mentions of kind with "|".
func namesOf(text string, kind MentionKind) string {
	d := Annotate(catalog.MustDefault(), text, "", "2025-01-10", "")
	var names []string
	for _, m := range d.Mentions[0] {
		if m.Kind == kind {
			names = append(names, m.Name)
		}
	}
	return strings.Join(names, "|")
}

func TestStateNameAsSurnameIsAPerson(t *testing.T) {
	for text, want := range map[string]string{
		"Navy spokesperson Rear Admiral Roy Trinidad said the missiles had arrived.": "Roy Trinidad",
		"Colonel Michael Jordan met the delegation.":                                 "Michael Jordan",
	} {
		if people, states := namesOf(text, MPerson), namesOf(text, MCountry); people != want || states != "" {
			t.Errorf("%q: people %q, states %q; want only %q", text, people, states, want)
		}
	}
}

// A designation's shape before an equipment word makes an uncatalogued
// system, but a month and year never do.
func TestDesignationShapesLeaveDatesAlone(t *testing.T) {
	for text, want := range map[string]string{
		"Mali received 50 Tarvos TX450 military trucks.":                         "TX450",
		"Greece signed a deal in July 2024 for 20 F-35A fighters.":               "",
		"The navy ordered two Sept 2025 patrol boats, the ministry said in May.": "",
	} {
		if shapes := namesOf(text, MUncatalogued); shapes != want {
			t.Errorf("%q: uncatalogued %q, want %q", text, shapes, want)
		}
	}
}

// People are named as a reader expects: surnames printed in capitals and
// runs of white space inside a name are written plainly.
func TestPersonNamesAreWrittenPlainly(t *testing.T) {
	for text, want := range map[string]string{
		"President Assimi GOITA visited the plant.":       "Assimi Goita",
		"Defence Minister Sadio  Camara signed the deal.": "Sadio Camara",
		"General Abdel-Fattah AL-BURHAN was there.":       "Abdel-Fattah Al-Burhan",
		"Ambassador Shane O'NEILL spoke.":                 "Shane O'Neill",
		"Ambassador Massimo D’ALEMA spoke.":               "Massimo D’Alema",
		"Minister Pat DON'T spoke.":                       "Pat Don't",
	} {
		if people := namesOf(text, MPerson); people != want {
			t.Errorf("%q: people %q, want %q", text, people, want)
		}
	}
}

// TestAnnotateForgetsTheDocumentBefore annotates a document, another that
// names other people, systems and acronyms, and the first again: the
// buffers and the memory Release hands on must carry nothing from one to
// the next.
func TestAnnotateForgetsTheDocumentBefore(t *testing.T) {
	cat := catalog.MustDefault()
	first := "Goita said on 2 May 2024 that the FAB and the Typhoons met six Kaya vehicles."
	second := "President Assimi GOITA thanked the Bolivian Air Force (FAB) for 12 Typhoon jets.\n\nMali bought 18 Kaya armoured vehicles from Qilin Nonferrous Metals."
	// What a document's annotations print, read before Release zeroes them.
	type printed struct{ mentions, dates, quantities, sentences string }
	annotate := func(body string) printed {
		d := Annotate(cat, body, "", "2024-05-03", "")
		defer d.Release()
		return printed{fmt.Sprintf("%+v", d.Mentions), fmt.Sprintf("%+v", d.Dates), fmt.Sprintf("%+v", d.Qty), fmt.Sprintf("%+v", d.Sentences)}
	}
	want := annotate(first)
	annotate(second)
	if got := annotate(first); got != want {
		t.Errorf("annotated again after another document:\n got %+v\nwant %+v", got, want)
	}
	if want.mentions == "[[]]" || want.sentences == "[]" {
		t.Errorf("the first document printed empty: %+v", want)
	}
	// Sentences that name nothing, where the document before named things.
	annotate(second)
	if got := annotate("It rained.\n\nIt rained again."); got.mentions != "[[] []]" || got.quantities != "[[] []]" {
		t.Errorf("a document that names nothing after another: %+v", got)
	}
}

// TestDropSurnameStates holds dropSurnameStates, which drops in place, to
// what it keeps when it copies, for mentions of every kind and place
// around a name [4, 8).
func TestDropSurnameStates(t *testing.T) {
	copied := func(out []Mention, a, b int) ([]Mention, bool) {
		var kept []Mention
		for _, m := range out {
			if m.End <= a || m.Start >= b {
				kept = append(kept, m)
				continue
			}
			if m.Kind != MCountry || m.Start <= a || m.End > b {
				return out, false
			}
		}
		return kept, true
	}
	var all []Mention
	for start := range 10 {
		for end := start + 1; end <= 11; end++ {
			for _, kind := range []MentionKind{MCountry, MPerson} {
				all = append(all, Mention{Start: start, End: end, Kind: kind})
			}
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		out := make([]Mention, rng.IntN(4))
		for k := range out {
			out[k] = all[rng.IntN(len(all))]
		}
		want, wantOK := copied(slices.Clone(out), 4, 8)
		got, ok := dropSurnameStates(slices.Clone(out), 4, 8)
		if ok != wantOK || len(got) != len(want) || len(got) > 0 && !slices.Equal(got, want) {
			t.Fatalf("dropSurnameStates(%v) = %v, %v, want %v, %v", out, got, ok, want, wantOK)
		}
	}
}

// TestGatheredKeepsEachSentencesItems holds gathered, whose add keeps in
// place the items a finder appended to its room, to copying each
// sentence's items: finders that append to the room, outgrow it, drop
// items in place or return other memory. What add returns must hold to
// the end of the document, as g outgrows its blocks, and forget must
// leave nothing behind, to the capacity.
func TestGatheredKeepsEachSentencesItems(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var g gathered[Mention]
	for round := range 300 {
		sentences := rng.IntN(12)
		want := make([][]Mention, sentences)
		got := make([][]Mention, sentences)
		for i := range sentences {
			var items []Mention
			switch rng.IntN(4) {
			case 0: // another slice, or none
				for range rng.IntN(3) {
					items = append(items, Mention{Start: round, End: i, Name: "other"})
				}
			default: // appended to the room, some perhaps dropped in place
				items = g.room()
				for k := range rng.IntN(6) {
					items = append(items, Mention{Start: round, End: i, Index: k, Name: "found"})
				}
				kept := items[:0] // as the filters drop, leaving the rest behind
				for _, m := range items {
					if rng.IntN(4) > 0 {
						kept = append(kept, m)
					}
				}
				items = kept
			}
			if len(items) > 0 {
				want[i] = slices.Clone(items)
			}
			got[i] = g.add(items)
			if cap(got[i]) != len(got[i]) {
				t.Fatalf("round %d, sentence %d: add returned %d items with room for %d: an append would overwrite the next", round, i, len(got[i]), cap(got[i]))
			}
		}
		for i := range sentences {
			if !slices.Equal(got[i], want[i]) || (got[i] == nil) != (want[i] == nil) {
				t.Fatalf("round %d, sentence %d: kept %v, want %v", round, i, got[i], want[i])
			}
		}
		g.forget()
		if k := slices.IndexFunc(g.items[:cap(g.items)], func(m Mention) bool { return m != Mention{} }); k >= 0 {
			t.Fatalf("round %d: forget left %v at %d", round, g.items[:cap(g.items)][k], k)
		}
	}
}
