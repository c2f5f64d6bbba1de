package extract_test

import (
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dossier-osint/dossier/internal/annotate"
	"github.com/dossier-osint/dossier/internal/catalog"
	"github.com/dossier-osint/dossier/internal/extract"
	"github.com/dossier-osint/dossier/internal/record"
)

// testCatalog is the small catalog of testdata/ with the embedded
// equipment words, so the rules are tested apart from the catalog's growth.
func testCatalog(t *testing.T) *catalog.Catalog {
	t.Helper()
	m := fstest.MapFS{}
	for _, name := range []string{"data/categories.tsv", "data/places.tsv"} {
		data, err := fs.ReadFile(catalog.Embedded(), name)
		if err != nil {
			t.Fatal(err)
		}
		m[name] = &fstest.MapFile{Data: data}
	}
	err := fs.WalkDir(os.DirFS("testdata/catalog"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile("testdata/catalog/" + p)
		m[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	cat, err := catalog.Load(m)
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

func run(t *testing.T, cat *catalog.Catalog, body, published string) []record.Record {
	t.Helper()
	return extract.Extract(annotate.Annotate(cat, body, "", published, ""), "test")
}

// transfers renders transfers as "recipient supplier designation qty/qualifier status date".
func transfers(recs []record.Record) []string {
	var out []string
	for _, r := range recs {
		if r.Kind != record.KindTransfer {
			continue
		}
		q := "?"
		if r.Quantity.Value != nil {
			q = strings.TrimSpace(strings.Repeat(" ", 0)) + itoa(*r.Quantity.Value)
		}
		out = append(out, strings.Join([]string{r.Recipient, dash(record.Str(r.Supplier)), dash(record.Str(r.Designation)),
			q + "/" + r.Quantity.Qualifier, r.Status, dash(record.Str(r.Date))}, " "))
	}
	return out
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func itoa(n int) string {
	s := ""
	for {
		s = string(rune('0'+n%10)) + s
		n /= 10
		if n == 0 {
			return s
		}
	}
}

func TestTransferRules(t *testing.T) {
	cat := testCatalog(t)
	cases := []struct {
		name, body string
		want       []string
	}{
		{"supplier named with from, full date",
			"Niger received six Bayraktar TB2 drones from Turkey on 3 March 2023.",
			[]string{"NER TUR Bayraktar TB2 6/exact delivered 2023-03-03"}},
		{"recipient named with to, supplier from the maker",
			"Baykar delivered four TB2 drones to Mali in 2022.",
			[]string{"MLI TUR Bayraktar TB2 4/exact delivered 2022"}},
		{"a reference back: the first of an order",
			"Senegal ordered three OPV 58 S vessels from Piriou in 2019. The first was handed over in March 2023.",
			[]string{"SEN FRA OPV 58 S 3/exact contracted 2019", "SEN FRA OPV 58 S 1/exact delivered 2023-03"}},
		{"two batches stay two",
			"Laos received four Yak-130 jets from Russia in 2018, and a second batch of two followed in 2019.",
			[]string{"LAO RUS Yak-130 4/exact delivered 2018", "LAO RUS Yak-130 2/exact delivered 2019"}},
		{"in service has no date",
			"Jordan's air force already operates about 20 UH-60 helicopters.",
			[]string{"JOR USA UH-60 20/approx in_service -"}},
		{"a plan dated the day it was told",
			"Malaysia intends to buy a further 12 FA-50 jets, its air force chief said on Tuesday.",
			[]string{"MYS KOR FA-50 12/exact planned 2024-05-21"}},
		{"unspecified equipment that is the news",
			"Russia supplied military equipment to Mali in March 2024.",
			[]string{"MLI RUS - ?/unknown delivered 2024-03"}},
		{"a designation the catalog lacks, found by its shape",
			"Cameroon took delivery of a dozen ZX-900 armoured vehicles from China's Norinco.",
			[]string{"CMR CHN ZX-900 12/approx delivered -"}},
		{"a month later than the article is last year's",
			"Mali took delivery of six TB2 drones from Turkey in November.",
			[]string{"MLI TUR Bayraktar TB2 6/exact delivered 2023-11"}},
		{"the supplier's own forces are no transfer",
			"China's People's Liberation Army fields the HQ-22 in large numbers.", nil},
		{"equipment shown at a fair is no transfer",
			"Baykar displayed the Bayraktar TB2 at the fair in Ankara.", nil},
		{"an exercise is no transfer",
			"Russian troops brought their BTR-82A vehicles to the exercise near Vientiane.", nil},
		{"a loss is no transfer",
			"Rebels destroyed two BTR-70 vehicles of the army last week.", nil},
		{"the first of a series with the order it came from",
			"Jordan received on Friday the first six of 24 UH-60 helicopters it bought from the United States in 2021.",
			[]string{"JOR USA UH-60 6/exact delivered 2024-05-17", "JOR USA UH-60 24/exact contracted 2021"}},
		{"a part of a series arriving after the purchase is told",
			"The first four of 12 FA-50 jets that Malaysia bought from Korea Aerospace Industries landed at Kuantan on Tuesday.",
			[]string{"MYS KOR FA-50 4/exact delivered 2024-05-21", "MYS KOR FA-50 12/exact contracted -"}},
		{"a series told after a delivery is the order",
			"Niger took delivery of two TB2 drones from Turkey on Monday, the first of six ordered in 2022.",
			[]string{"NER TUR Bayraktar TB2 2/exact delivered 2024-05-20", "NER TUR Bayraktar TB2 6/exact contracted 2022"}},
		{"what a type can do is not who flies it",
			"Malaysia bought FA-50 jets in 2023. Each FA-50 can fly at up to Mach 1.5.",
			[]string{"MYS KOR FA-50 ?/unknown delivered 2023"}},
		{"talks of a possible purchase are a plan",
			"Senegal's minister met Piriou on Friday to discuss a possible purchase of two OPV 58 S vessels.",
			[]string{"SEN FRA OPV 58 S 2/exact planned 2024-05-17"}},
		{"a fleet that includes a system has it in service",
			"Mali's fleet also includes about 20 UH-60 helicopters.",
			[]string{"MLI USA UH-60 20/approx in_service -"}},
		{"the design a system is a version of is no equipment of its own",
			"Cameroon's ZX-900 armoured vehicles, a version of the BTR-82A, entered service last year.",
			[]string{"CMR - ZX-900 ?/unknown delivered 2023"}},
		{"along with carries the verb past a comma",
			"Jordan's air force operates about 20 UH-60 helicopters, along with Russian-built Yak-130 jets.",
			[]string{"JOR USA UH-60 20/approx in_service -", "JOR RUS Yak-130 ?/unknown in_service -"}},
		{"equipment on order is contracted",
			"Malaysia has 18 FA-50 jets on order.",
			[]string{"MYS KOR FA-50 18/exact contracted -"}},
		{"a bare count with more is a further batch, dated by its own date",
			"Mali ordered six TB2 drones in 2021 and four more in 2023.",
			[]string{"MLI TUR Bayraktar TB2 6/exact contracted 2021", "MLI TUR Bayraktar TB2 4/exact contracted 2023"}},
		{"a bare count with more before on order is only the order",
			"Jordan received two UH-60 helicopters in March 2023 and has 12 more on order.",
			[]string{"JOR USA UH-60 2/exact delivered 2023-03", "JOR USA UH-60 12/exact contracted -"}},
		{"a bare count after a verb is a batch of the system named last, and lost after a comma is another clause",
			"Mali already flies six TB2 drones; it ordered four in 2019 and two more in 2021, and lost one in a crash in 2022.",
			[]string{"MLI TUR Bayraktar TB2 6/exact in_service -", "MLI TUR Bayraktar TB2 4/exact contracted 2019",
				"MLI TUR Bayraktar TB2 2/exact contracted 2021"}},
		{"a further batch shares its clause's verb across commas",
			"Mali ordered 18 TB2 drones, most of them armed, in January 2021 and six more in March 2022.",
			[]string{"MLI TUR Bayraktar TB2 18/exact contracted 2021-01", "MLI TUR Bayraktar TB2 6/exact contracted 2022-03"}},
		{"the count after the is a batch of the system named last",
			"Jordan is in talks over 12 more UH-60 helicopters, on top of the 20 it already operates.",
			[]string{"JOR USA UH-60 12/exact planned -", "JOR USA UH-60 20/exact in_service -"}},
		{"the design a system is built under licence from is no antecedent",
			"The FA-50 jet is built by Korea Aerospace Industries under licence from Russia's Yak-130, and Niger ordered six in 2020.",
			[]string{"NER KOR FA-50 6/exact contracted 2020"}},
		{"a date right before the trigger dates it, not the date of the news",
			"Mali cancelled the rest of its 2019 order for 12 TB2 drones, officials said on Monday.",
			[]string{"MLI TUR Bayraktar TB2 12/exact contracted 2019"}},
		{"an agreement that provides for equipment is its contract",
			"The drones were built under an agreement signed with Baykar in May 2022, which provides for 30 TB2 drones for Mali.",
			[]string{"MLI TUR Bayraktar TB2 30/exact contracted 2022-05"}},
		{"took over is a delivery, and over is no modifier of the count",
			"In December 2023 the Senegalese navy took over two OPV 58 S vessels from France.",
			[]string{"SEN FRA OPV 58 S 2/exact delivered 2023-12"}},
		{"talks under way with a maker are a plan",
			"Senegal said talks were under way with Korea Aerospace Industries on FA-50 jets.",
			[]string{"SEN KOR FA-50 ?/unknown planned -"}},
		{"air defences built around a system have it in service",
			"Laos's air defences are built around Chinese HQ-22 batteries.",
			[]string{"LAO CHN HQ-22 ?/unknown in_service -"}},
		{"a long subject without a comma still reaches its verb",
			"The first three TB2 drones assembled in Mali under licence from the Turkish company Baykar for the air force were handed over on 12 March.",
			[]string{"MLI TUR Bayraktar TB2 3/exact delivered 2024-03-12"}},
		{"the Korean jets refer to the Korean system, not the one replaced",
			"Malaysia signed a contract for four FA-50 jets on Monday, part of a plan to replace its Yak-130 trainers with up to 12 of the Korean jets. The air force intends to order the remaining eight aircraft later.",
			[]string{"MYS KOR FA-50 4/exact contracted 2024-05-20", "MYS RUS Yak-130 ?/unknown in_service -",
				"MYS KOR FA-50 12/approx planned 2024-05-20", "MYS KOR FA-50 8/exact planned 2024-05-20"}},
		{"the giver sends, the state right after the verb receives",
			"Turkey sent Mali four TB2 drones in 2022.",
			[]string{"MLI TUR Bayraktar TB2 4/exact delivered 2022"}},
		{"would send is a plan",
			"Turkey would send six TB2 drones to Niger, its minister said on Tuesday.",
			[]string{"NER TUR Bayraktar TB2 6/exact planned 2024-05-21"}},
		{"reached a capital is a delivery to its state",
			"Niger ordered six TB2 drones in 2021. Other TB2 drones reached Bamako in January 2023. Talks on TB2 drones reached an advanced stage.",
			[]string{"NER TUR Bayraktar TB2 6/exact contracted 2021", "MLI TUR Bayraktar TB2 ?/unknown delivered 2023-01"}},
		{"a delivery told in the future is a schedule, and years in a range count nothing",
			"Mali signed a contract for six TB2 drones in 2024. They will be built in Turkey and delivered between 2026 and 2028.",
			[]string{"MLI TUR Bayraktar TB2 6/exact contracted 2024"}},
		{"weighing a system is a plan",
			"Mali is also weighing the Turkish TB2 drones.",
			[]string{"MLI TUR Bayraktar TB2 ?/unknown planned -"}},
		{"what it received looks back at the system",
			"Mali is pleased with the TB2 drones it received in 2021.",
			[]string{"MLI TUR Bayraktar TB2 ?/unknown delivered 2021"}},
		{"a signed agreement for equipment is its contract",
			"Mali signed an agreement with Turkey on Monday for six TB2 drones.",
			[]string{"MLI TUR Bayraktar TB2 6/exact contracted 2024-05-20"}},
		{"calibres, weights and prices are not quantities",
			"Mali ordered TB2 drones worth $120 million, each carrying 150 kg of 70 mm rockets, in 2021.",
			[]string{"MLI TUR Bayraktar TB2 ?/unknown contracted 2021"}},
		{"a date right before a later contract is the contract's, and its count of a kind is the system's",
			"Irkut handed over six Yak-130 jets to Laos in October, under a 2019 contract for 14 aircraft.",
			[]string{"LAO RUS Yak-130 6/exact delivered 2023-10", "LAO RUS Yak-130 14/exact contracted 2019"}},
		{"the corvettes refer back to the ship named before",
			"Senegal took delivery of its first OPV 58 S vessel on Monday. Dakar ordered three of the corvettes from Piriou in 2019.",
			[]string{"SEN FRA OPV 58 S ?/unknown delivered 2024-05-20", "SEN FRA OPV 58 S 3/exact contracted 2019"}},
		{"the first ones are a delivery of the system named last",
			"Niger ordered TB2 drones in 2020, and the first ones arrived in December 2021.",
			[]string{"NER TUR Bayraktar TB2 ?/unknown contracted 2020", "NER TUR Bayraktar TB2 ?/unknown delivered 2021-12"}},
		{"a count of batteries ordered is an order of the system named before",
			"Mali took delivery of its first HQ-22 battery on Monday. Niger followed with an order for eight batteries in September 2023.",
			[]string{"MLI CHN HQ-22 ?/unknown delivered 2024-05-20", "NER CHN HQ-22 8/exact contracted 2023-09"}},
		{"two batches on two dates told in one sentence are two records",
			"Mali ordered 12 TB2 drones in 2021. The drones were delivered in two batches of six, in May 2023 and in February 2024.",
			[]string{"MLI TUR Bayraktar TB2 12/exact contracted 2021", "MLI TUR Bayraktar TB2 6/exact delivered 2023-05",
				"MLI TUR Bayraktar TB2 6/exact delivered 2024-02"}},
		{"the parts a battery comprises are no equipment of their own",
			"Mali ordered four HQ-22 batteries in 2019. The first battery, comprising a radar and four launchers, arrived in Bamako in April 2020.",
			[]string{"MLI CHN HQ-22 4/exact contracted 2019", "MLI CHN HQ-22 ?/unknown delivered 2020-04"}},
		{"a relative clause on a system tells its transfer to the state that is its subject",
			"Officials praised the FA-50, which Malaysia intends to acquire. Mali praised the Bayraktar TB2, which Niger received in 2022.",
			[]string{"MYS KOR FA-50 ?/unknown planned -", "NER TUR Bayraktar TB2 ?/unknown delivered 2022"}},
		{"a delivery completing a dated order is also that year's contract, of a size untold",
			"Niger received two TB2 drones from Turkey on Monday, completing a 2020 order.",
			[]string{"NER TUR Bayraktar TB2 2/exact delivered 2024-05-20", "NER TUR Bayraktar TB2 ?/unknown contracted 2020"}},
		{"the last of a dated order: the year is the order's, not the delivery's",
			"Laos received the last Yak-130 jet of a 2019 order on Monday.",
			[]string{"LAO RUS Yak-130 ?/unknown delivered 2024-05-20", "LAO RUS Yak-130 ?/unknown contracted 2019"}},
		{"an order noun without a year is no contract",
			"Mali took delivery of TB2 drones in 2021 in order to patrol the north.",
			[]string{"MLI TUR Bayraktar TB2 ?/unknown delivered 2021"}},
		{"continuing to field, operate or fly is in service",
			"Mali continues to field TB2 drones. Jordan's air force continues to operate UH-60 helicopters. Laos still flies Yak-130 jets.",
			[]string{"MLI TUR Bayraktar TB2 ?/unknown in_service -", "JOR USA UH-60 ?/unknown in_service -", "LAO RUS Yak-130 ?/unknown in_service -"}},
		{"a bare count before a force as subject is in service",
			"Malaysia ordered four FA-50 jets, adding to the two the air force already flies.",
			[]string{"MYS KOR FA-50 4/exact contracted -", "MYS KOR FA-50 2/exact in_service -"}},
	}
	for _, tc := range cases {
		got := transfers(run(t, cat, tc.body, "2024-05-23"))
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s:\n%s\n got %q\nwant %q", tc.name, tc.body, got, tc.want)
		}
	}
}

// TestTitleFocus checks what a title tells of the article's state: a
// bare "the Air Force" is the main state's; a demonym before a common noun
// ("Turkish armed drones") or right before a system's name ("Australian
// Bushmasters") tells where the equipment comes from, so the giver named
// often in the body does not become the article's state; a demonym before
// a minister ("Ghanaian defence minister") names the state the minister
// acts for; a state's forces ("Royal Malaysian Air Force") stand for it.
func TestTitleFocus(t *testing.T) {
	cat := catalog.MustDefault()
	for _, c := range []struct{ title, body, want string }{
		{"Army receives Turkish armed drones",
			"Mali took delivery of six TB2 drones from Turkey's Baykar in Ankara on Friday. The Air Force already flies four UH-60 helicopters.",
			"MLI TUR Bayraktar TB2 6/exact delivered 2024-05-17\nMLI USA UH-60 4/exact in_service -"},
		{"Fiji gets Australian Bushmasters",
			"The army received its first vehicles on Monday, when Australia handed over two Bushmaster personnel carriers. Australia's envoy spoke. Australia has long helped Fiji.",
			"FJI AUS Bushmaster 2/exact delivered 2024-05-20"},
		{"Ghanaian defence minister in Ankara: Turkey pledges closer ties",
			"The ministry confirmed it was in talks with Baykar on two TB2 drones.",
			"GHA TUR Bayraktar TB2 2/exact planned -"},
		{"Royal Malaysian Air Force signs for Chinese HQ-22",
			"The air force ordered a dozen TB2 drones in 2021.",
			"MYS TUR Bayraktar TB2 12/approx contracted 2021"},
	} {
		d := annotate.Annotate(cat, c.body, c.title, "2024-05-23", "")
		if got := strings.Join(transfers(extract.Extract(d, "test")), "\n"); got != c.want {
			t.Errorf("title %q:\n got %q\nwant %q", c.title, got, c.want)
		}
	}
}

// A variant code after a catalogued name ("King Air 350ER") is the
// variant's own row, not the family's shorter name.
func TestVariantAfterCatalogedName(t *testing.T) {
	got := transfers(run(t, catalog.MustDefault(), "Colombia received two Beechcraft King Air 350ER aircraft from the United States in 2024.", "2024-05-23"))
	want := []string{"COL USA King Air 350ER 2/exact delivered 2024"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestDoubledParagraphGivesOneRecordWithTwoSpans(t *testing.T) {
	cat := testCatalog(t)
	p := "Mali took delivery of six TB2 drones from Turkey in 2022."
	recs := run(t, cat, p+"\n\nThe army is pleased.\n\n"+p, "2024-05-23")
	ts := transfers(recs)
	if len(ts) != 1 {
		t.Fatalf("got %q, want one record", ts)
	}
	for _, r := range recs {
		if r.Kind == record.KindTransfer && len(r.Evidence) != 2 {
			t.Errorf("evidence = %v, want one span per printing", r.Evidence)
		}
	}
}

func TestEvidenceIsInCodePoints(t *testing.T) {
	cat := testCatalog(t)
	body := "Côte d’Ivoire’s “news” — and Mali took delivery of six TB2 drones from Turkey in 2022."
	for _, r := range run(t, cat, body, "2024-05-23") {
		for _, e := range r.Evidence {
			runes := []rune(body)
			if e.End > len(runes) || !strings.HasSuffix(string(runes[e.Start:e.End]), "2022.") {
				t.Errorf("evidence %v does not cover the sentence in code points: %q", e, string(runes[e.Start:min(e.End, len(runes))]))
			}
		}
	}
}

func TestEvents(t *testing.T) {
	cat := testCatalog(t)
	body := "Defence Minister Sadio Camara visited Ankara on Monday and met executives of Baykar. " +
		"The two sides then signed a memorandum of understanding on training.\n\n" +
		"A second agreement is expected to be signed when Turkey's defence minister visits Bamako in December."
	got := map[string]int{}
	for _, r := range run(t, cat, body, "2024-05-23") {
		if r.Kind != record.KindEvent {
			continue
		}
		key := r.Type
		if r.Planned {
			key += " planned"
		}
		got[key]++
		if r.Type == record.EventVisit && !r.Planned {
			if record.Str(r.Date) != "2024-05-20" || record.Str(r.Country) != "TUR" {
				t.Errorf("visit: date %q country %q, want 2024-05-20 in TUR", record.Str(r.Date), record.Str(r.Country))
			}
			found := false
			for _, a := range r.Actors {
				found = found || a == "Sadio Camara"
			}
			if !found {
				t.Errorf("visit actors %q lack the minister", r.Actors)
			}
		}
	}
	want := map[string]int{"visit": 1, "meeting": 1, "agreement": 1, "agreement planned": 1, "visit planned": 1}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("%s: got %d events, want %d (all: %v)", k, got[k], n, got)
		}
	}
}

func TestEventWordings(t *testing.T) {
	cat := testCatalog(t)
	for _, tc := range []struct{ body, typ, date string }{
		{"Mali and Turkey signed a plan of bilateral military cooperation on Monday.", record.EventAgreement, "2024-05-20"},
		{"Mali and Japan signed and exchanged notes concerning the provision of equipment on Monday.", record.EventAgreement, "2024-05-20"},
		{"Mali and Turkey signed a protocol on defence industry on Monday.", record.EventAgreement, "2024-05-20"},
		// A signing referred to with its own date, told nowhere else.
		{"The contract for TB2 drones, signed with Baykar in August 2022, is being implemented.", record.EventAgreement, "2022-08"},
		{"Baykar said it was considering setting up an assembly line in Mali.", record.EventInvestment, ""},
	} {
		var got []string
		for _, r := range run(t, cat, tc.body, "2024-05-23") {
			if r.Kind == record.KindEvent {
				got = append(got, r.Type+" "+record.Str(r.Date))
			}
		}
		if want := tc.typ + " " + tc.date; len(got) != 1 || got[0] != want {
			t.Errorf("%q: events %q, want [%s]", tc.body, got, want)
		}
	}
}

func TestSigningsToldVerbFirstAreTheirOwnEvents(t *testing.T) {
	cat := testCatalog(t)
	for body, want := range map[string]int{
		// "the ministry signed" is a subject, not a reference to the first signing.
		"Mali signed a contract with Baykar for TB2 drones in 2021. In March 2023, the ministry signed a contract with Norinco for armoured vehicles.": 2,
		"Jordan signed a letter of offer and acceptance for 12 UH-60 helicopters in 2022.":                                                             1,
	} {
		n := 0
		for _, r := range run(t, cat, body, "2024-05-23") {
			if r.Kind == record.KindEvent && r.Type == record.EventAgreement {
				n++
			}
		}
		if n != want {
			t.Errorf("%q: %d agreements, want %d", body, n, want)
		}
	}
}

// TestNewsWritingRules covers how defence news tells transfers beyond a
// plain sentence: a recipient named only in the title, a giver's article,
// further batches, back references by origin, relative clauses and
// receipts still to come.
func TestNewsWritingRules(t *testing.T) {
	cat := testCatalog(t)
	cases := []struct {
		name, title, body string
		want              []string
	}{
		{"a capital acting in the title is the focus, not a city named in the body",
			"Bamako takes delivery of Turkish drones",
			"The army received six TB2 drones on Friday, officials in Paris said.",
			[]string{"MLI TUR Bayraktar TB2 6/exact delivered 2024-05-17"}},
		{"a giver's own equipment goes where its other deals go",
			"", "France will send four UH-60 helicopters to Mali. France has already delivered two OPV 58 S vessels.",
			[]string{"MLI FRA UH-60 4/exact planned -", "MLI FRA OPV 58 S 2/exact delivered -"}},
		{"a pledge is a plan",
			"", "Russia pledged six Yak-130 jets to Laos in March.",
			[]string{"LAO RUS Yak-130 6/exact planned 2024-03"}},
		{"another count is a further batch",
			"", "Malaysia ordered 18 FA-50 jets in 2021 and another six in 2022.",
			[]string{"MYS KOR FA-50 18/exact contracted 2021", "MYS KOR FA-50 6/exact contracted 2022"}},
		{"the next batch shares the verb told before it",
			"", "Malaysia ordered ten FA-50 jets in 2022. The first four arrived in March and the next six in April.",
			[]string{"MYS KOR FA-50 10/exact contracted 2022", "MYS KOR FA-50 4/exact delivered 2024-03", "MYS KOR FA-50 6/exact delivered 2024-04"}},
		{"the last of them completes the deliveries",
			"", "Laos ordered ten Yak-130 jets in 2017, and the last of them arrived in 2019.",
			[]string{"LAO RUS Yak-130 10/exact contracted 2017", "LAO RUS Yak-130 ?/unknown delivered 2019"}},
		{"a count and a made-in state before a noun refer back to that state's system",
			"", "Mali ordered four UH-60 helicopters in 2022. It ordered six TB2 drones in 2023. The first 2 American-made aircraft arrived in March.",
			[]string{"MLI USA UH-60 4/exact contracted 2022", "MLI TUR Bayraktar TB2 6/exact contracted 2023", "MLI USA UH-60 2/exact delivered 2024-03"}},
		{"a receipt to come is dated by its deal, not by the expected arrival",
			"", "Senegal is due to receive a third OPV 58 S vessel in June.",
			[]string{"SEN FRA OPV 58 S 1/exact contracted -"}},
		{"a relative clause with that names who acquires the item",
			"", "Baykar displayed the TB2 drones that Mali intends to buy at the fair.",
			[]string{"MLI TUR Bayraktar TB2 ?/unknown planned -"}},
		{"a relative clause without a state as subject tells no transfer",
			"", "Baykar displayed the TB2, which competed for Malian orders, at the fair.", nil},
	}
	for _, tc := range cases {
		d := annotate.Annotate(cat, tc.body, tc.title, "2024-05-23", "")
		got := transfers(extract.Extract(d, "test"))
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s:\n%s\n got %q\nwant %q", tc.name, tc.body, got, tc.want)
		}
	}
}
