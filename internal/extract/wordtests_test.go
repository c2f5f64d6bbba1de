package extract

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dossier-osint/dossier/internal/annotate"
	"github.com/dossier-osint/dossier/internal/annotate/testtext"
	"github.com/dossier-osint/dossier/internal/catalog"
)

// wordTestWords are the words the rules of wordtests.go's users compare,
// near misses, and words whose runes beyond ASCII lower into ASCII (İ, the
// Kelvin sign) or do not (ſ, é, a broken byte).
var wordTestWords = append(strings.Fields(`just only simply not than rather of instead used delivering covered covers
	picked chose expects added to up deliver supply send donate give provide over would will pay for the its
	these those their this that one more a an first second third last final latest from by with in at against
	THE The İts İTS ıts ſend ſimply mé thé justs jus o ofs in- 12 A-4
	abcdefghijklmnop abcdefghijklmnopq İİİİİİİİİİİİİİİİ İİİİİİİİİİİİİİİİİ`), "\u212Aeep", "TaL\u212A", "\xffthe", "the\xff", "\xff")

// wordTestSeps part the words of the random phrases, with white space
// beyond ASCII that annotate.LastField counts.
var wordTestSeps = []string{" ", " ", " ", "  ", "\t", "\n", "\v", ", ", ". ", "-", "", "\u00a0", "\u2003", "\u3000", "é ", "'s "}

// wordTestTexts are the development lines and random phrases of
// wordTestWords.
func wordTestTexts(t *testing.T) []string {
	texts := []string{"", " ", "the", "the ", "not just ", "rather than", "\u00a0of", "of\u00a0", "é of"}
	texts = append(texts, testtext.Phrases(8, 4000, 6, wordTestWords, wordTestSeps)...)
	for _, line := range testtext.ArticleLines(t) {
		texts = append(texts, line[:min(len(line), 300)])
	}
	return texts
}

// wordTestLists are lists of words the rules ask about at once.
var wordTestLists = [][]string{{"the", "its"}, {"just", "only", "simply", "than", "of"}, {"not"}, {"rather"}, {"instead"},
	{"from", "by", "with", "of", "in", "at", "against", "to", "for"}, {"deliver", "supply", "send", "donate", "give", "provide", "over"},
	setWords, ordinalWords, {"the", "these", "those", "its", "their", "this", "that"}, {"one", "of", "more"}, {"a", "an"}, {"keep", "talk"}}

func TestLastWordInIsLastFieldLowered(t *testing.T) {
	for _, s := range wordTestTexts(t) {
		for i := range len(s) + 1 {
			last, start := annotate.LastField(s[:i])
			for _, words := range wordTestLists {
				want, wantAt := "", -1
				for _, w := range words {
					if annotate.LowerIs(last, w) {
						want, wantAt = w, start
						break
					}
				}
				if got, at := lastWordIn(s[:i], words...); got != want || at != wantAt {
					t.Fatalf("lastWordIn(%q, %q) = %q, %d, want %q, %d", s[:i], words, got, at, want, wantAt)
				}
			}
		}
	}
}

// TestDeterminerBeforeASCII holds up determinerBefore, which reads the
// ASCII words at a text's end itself, against the general path, on every
// window of the test texts, with runes beyond ASCII or without.
func TestDeterminerBeforeASCII(t *testing.T) {
	asciiRead := 0
	for _, s := range wordTestTexts(t) {
		for i := range len(s) + 1 {
			text := s[max(0, i-40):i]
			for _, words := range wordTestLists {
				for between := range 4 {
					if _, ascii := determinerBeforeASCII(text, between, words); ascii {
						asciiRead++
					}
					if got, want := determinerBefore(text, between, words...), determinerBeforeFields(text, between, words); got != want {
						t.Fatalf("determinerBefore(%q, %d, %q) = %v, want %v", text, between, words, got, want)
					}
				}
			}
		}
	}
	if asciiRead < 10000 {
		t.Fatalf("only %d windows read by the ASCII path", asciiRead)
	}
}

// TestTrimOpeningQuotes holds up trimOpeningQuotes against
// strings.TrimLeft, on quotes, spaces, broken and other runes.
func TestTrimOpeningQuotes(t *testing.T) {
	parts := []string{"", " ", "\"", "“", "”", "\xe2\x80", "\xe2", "\xff", "\t", "\u00a0", "to ", "a", "é", "“\""}
	texts := testtext.Phrases(4, 3000, 5, parts, []string{""})
	texts = append(texts, wordTestTexts(t)...)
	for _, s := range texts {
		if got, want := trimOpeningQuotes(s, false), strings.TrimLeft(s, "\"“"); got != want {
			t.Fatalf("trimOpeningQuotes(%q, false) = %q, want %q", s, got, want)
		}
		if got, want := trimOpeningQuotes(s, true), strings.TrimLeft(s, " \"“"); got != want {
			t.Fatalf("trimOpeningQuotes(%q, true) = %q, want %q", s, got, want)
		}
	}
}

// TestHoldsLetter holds up holdsLetter against lowering the text, on
// texts with runes that lower into ASCII and others.
func TestHoldsLetter(t *testing.T) {
	for _, s := range wordTestTexts(t) {
		for _, c := range []byte("abfoptz") {
			if got, want := holdsLetter(s, c), strings.IndexByte(strings.ToLower(s), c) >= 0; got != want {
				t.Fatalf("holdsLetter(%q, %q) = %v, want %v", s, c, got, want)
			}
		}
	}
}

// TestSameDesignation holds up sameDesignation against catalog.SameFold
// on the catalog's designations, their case and spacing changed.
func TestSameDesignation(t *testing.T) {
	var names []string
	for _, sys := range catalog.MustDefault().Systems {
		names = append(names, sys.Designation, strings.ToLower(sys.Designation), strings.ReplaceAll(sys.Designation, "-", " "))
	}
	names = append(names, "", " ", "-", "İ", "\u212a")
	for k, a := range names {
		for _, b := range names[max(0, k-40):min(len(names), k+40)] {
			if got, want := sameDesignation(a, b), catalog.SameFold(a, b); got != want {
				t.Fatalf("sameDesignation(%q, %q) = %v, want %v", a, b, got, want)
			}
		}
	}
}

func TestLowerIsAnyAndPlainWord(t *testing.T) {
	words := slices.Clone(wordTestWords)
	for _, s := range wordTestTexts(t) {
		words = append(words, strings.Fields(s)...)
	}
	for _, w := range words {
		for _, list := range wordTestLists {
			want := slices.ContainsFunc(list, func(d string) bool { return annotate.LowerIs(w, d) })
			if got := lowerIsAny(w, list...); got != want {
				t.Fatalf("lowerIsAny(%q, %q) = %v, want %v", w, list, got, want)
			}
		}
		if got, want := plainWord(w), strings.IndexFunc(w, notWordRune) < 0; got != want {
			t.Fatalf("plainWord(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestWordTestsAsBefore holds the rules that test words by fold to the
// code they were written from, at every byte of the texts.
func TestWordTestsAsBefore(t *testing.T) {
	for _, s := range wordTestTexts(t) {
		x := &docState{d: &annotate.Doc{Body: s, Sentences: []annotate.Sentence{{End: len(s), Text: s}}, Mentions: [][]annotate.Mention{nil}}}
		for i := range len(s) + 1 {
			if got, want := ordinalOfBefore(s[:i]), refOrdinalOfBefore(s[:i]); got != want {
				t.Fatalf("ordinalOfBefore(%q) = %v, want %v", s[:i], got, want)
			}
			for _, preps := range [][]string{{"by"}, {"from", "by"}, {"from", "by", "with", "of", "in", "at", "against", "to", "for"}} {
				if got, want := x.afterPreposition(i, preps...), refAfterPreposition(x, i, preps...); got != want {
					t.Fatalf("afterPreposition(%q, %q) = %v, want %v", s[:i], preps, got, want)
				}
			}
			// Triggers of one to three words from byte i.
			end := i
			for range 3 {
				if end = wordEnd(s, end); end < 0 {
					break
				}
				g := trigger{Start: i, End: end}
				if got, want := x.contrasted(g), refContrasted(x, g); got != want {
					t.Fatalf("contrasted(%q) = %v, want %v", s[:end], got, want)
				}
				if got, want := x.looseVerb(0, g), refLooseVerb(x, 0, g); got != want {
					t.Fatalf("looseVerb(%q) = %v, want %v", s[:end], got, want)
				}
				if got, want := x.handoverVerb(g), refHandoverVerb(x, g); got != want {
					t.Fatalf("handoverVerb(%q) = %v, want %v", s[:end], got, want)
				}
			}
		}
	}
}

// wordEnd is where the word after byte from of s ends, or -1.
func wordEnd(s string, from int) int {
	k := from
	for k < len(s) && s[k] == ' ' {
		k++
	}
	for k < len(s) && s[k] != ' ' {
		k++
	}
	if k == from {
		return -1
	}
	return k
}

// The code the rules were written from.

func refContrasted(x *docState, t trigger) bool {
	before := x.text(t.Start-20, t.Start)
	w, at := annotate.LastField(before)
	prev, _ := annotate.LastField(before[:at])
	switch {
	case annotate.LowerIs(w, "just"), annotate.LowerIs(w, "only"), annotate.LowerIs(w, "simply"):
		return annotate.LowerIs(prev, "not")
	case annotate.LowerIs(w, "than"):
		return annotate.LowerIs(prev, "rather")
	case annotate.LowerIs(w, "of"):
		return annotate.LowerIs(prev, "instead")
	}
	return false
}

func refLooseVerb(x *docState, i int, t trigger) bool {
	verb := x.text(t.Start, t.End)
	next, _ := firstWord(x.text(t.End, t.End+12))
	switch {
	case annotate.LowerIs(verb, "used"):
		return next == "to" || !x.stateRightBeforeVerb(i, t.Start)
	case annotate.LowerIs(verb, "delivering"):
		return !x.stateRightBeforeVerb(i, t.Start)
	case annotate.LowerIs(verb, "covered"), annotate.LowerIs(verb, "covers"):
		return !containsLower(x.text(x.d.Sentences[i].Start, t.Start), "contract", "deal", "agreement", "order")
	case annotate.LowerIs(verb, "picked"), annotate.LowerIs(verb, "chose"):
		return next == "up" || next == "to"
	case annotate.LowerIs(verb, "expects"):
		return !x.equipmentRightAfter(i, t.End)
	case t.Class == Delivered && annotate.LowerIs(verb, "leased"):
		return x.attributive(i, t)
	case t.Class == Planned && lowerSuffix(verb, " build"):
		return !x.buildsFor(i, t)
	case t.Class == Contracted && lowerSuffix(verb, "paid for"):
		return x.asked(i, t)
	case t.Class == Contracted && annotate.LowerIs(verb, "sale of"):
		return x.kindAfter(i, t)
	case annotate.LowerIs(verb, "added"):
		return !x.equipmentRightAfter(i, t.End) && !batchRightAfter(x.text(t.End, t.End+30))
	}
	return false
}

func refAfterPreposition(x *docState, at int, preps ...string) bool {
	before := x.text(at-30, at)
	last, start := annotate.LastField(before)
	for annotate.LowerIs(last, "the") || annotate.LowerIs(last, "its") {
		last, start = annotate.LastField(before[:start])
	}
	for _, p := range preps {
		if annotate.LowerIs(last, p) {
			return true
		}
	}
	return false
}

func refHandoverVerb(x *docState, g trigger) bool {
	verb := x.text(g.Start, g.End)
	last, _ := annotate.LastField(verb)
	return slices.ContainsFunc([]string{"deliver", "supply", "send", "donate", "give", "provide", "over"}, func(v string) bool { return annotate.LowerIs(last, v) }) ||
		endsWithLower(verb, "would pay for") || endsWithLower(verb, "will pay for")
}

func refOrdinalOfBefore(text string) bool {
	if !strings.HasSuffix(text, " ") {
		return false
	}
	var f [4]string
	for k := 3; k >= 0; k-- {
		var at int
		if f[k], at = annotate.LastField(text); f[k] == "" {
			return false
		}
		text = text[:at]
	}
	return annotate.LowerIs(f[0], "the") && slices.ContainsFunc(ordinalWords, func(w string) bool { return annotate.LowerIs(f[1], w) }) &&
		annotate.LowerIs(f[2], "of") && slices.ContainsFunc(setWords, func(w string) bool { return annotate.LowerIs(f[3], w) })
}

func TestHoldsReportWordIsInLower(t *testing.T) {
	words := append(slices.Clone(reportWords.words), "report", "claİmed that", "speculatİon that", "REPORTED THAT", "Rumour", "rumo", "that", "m", "p",
		"ć", "İ", "MP", "Pm")
	texts := append(wordTestTexts(t), testtext.Phrases(9, 4000, 5, words, wordTestSeps)...)
	for _, s := range texts {
		for i := range len(s) + 1 {
			if got, want := holdsReportWord(s[i:]), reportWords.inLower(s[i:]); got != want {
				t.Fatalf("holdsReportWord(%q) = %v, want %v", s[i:], got, want)
			}
		}
	}
}

// TestIsOriginModifierAsBefore holds isOriginModifier to the code it was
// written from over the mentions of the articles and of built phrases.
func TestIsOriginModifierAsBefore(t *testing.T) {
	cat := catalog.MustDefault()
	bodies := []string{}
	for _, pattern := range []string{"testdata/articles/*.txt", "../../samples/*.txt"} {
		files, _ := filepath.Glob(pattern)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			bodies = append(bodies, string(data))
		}
	}
	states := []string{"U.S.", "Chinese", "Turkey", "Turkey's", "India", "Indian", "France", "French"}
	suffixes := []string{"-built", ".-built", "-made", "-designed", "-supplied", ".-supplied", "-origin", "-Origin", "-", "", "'s", "’s", " ", ",", "."}
	nexts := []string{" Otokar", " FK-3 batteries", " shipbuilder", " system", " request for Rafale", " order for Rafale jets", " government", " Naval Group", " weaponry"}
	var b strings.Builder
	for _, s := range states {
		for _, suf := range suffixes {
			for _, n := range nexts {
				b.WriteString("Mali bought the " + s + suf + n + " from Russia. ")
			}
		}
	}
	bodies = append(bodies, b.String())
	for _, body := range bodies {
		x := newDocState(annotate.Annotate(cat, body, "", "2024-05-23", ""))
		for i, ms := range x.d.Mentions {
			for k := range ms {
				if got, want := x.isOriginModifier(i, k), refIsOriginModifier(x, i, k); got != want {
					t.Fatalf("isOriginModifier of %q in %q = %v, want %v", x.text(ms[k].Start, ms[k].End), x.d.Sentences[i].Text, got, want)
				}
			}
		}
	}
}

func refIsOriginModifier(x *docState, i, k int) bool {
	ms := x.d.Mentions[i]
	m := ms[k]
	after := strings.TrimPrefix(x.text(m.End, m.End+40), ".") // "U.S.-built"
	if strings.HasPrefix(after, "-built") || strings.HasPrefix(after, "-made") || strings.HasPrefix(after, "-designed") ||
		strings.HasPrefix(after, "-supplied") || strings.HasPrefix(after, "-origin") {
		return true
	}
	if k+1 < len(ms) {
		next := ms[k+1]
		gap := x.text(m.End, next.Start)
		switch next.Kind {
		case annotate.MOrg, annotate.MName:
			if next.OrgKind != "government" && (gap == "'s " || gap == "’s " || gap == " " ||
				m.Form == catalog.Demonym && annotate.FieldsAtMost(gap, 1) && !strings.ContainsAny(gap, ",;.")) {
				return true
			}
		case annotate.MSystem, annotate.MUncatalogued:
			if m.Form == catalog.Demonym && annotate.FieldsAtMost(gap, 2) && !strings.ContainsAny(gap, ",;.") && !dealNounLead(gap) {
				return true
			}
		case annotate.MTerm:
			if m.Form == catalog.Demonym && strings.TrimSpace(gap) == "" {
				return true
			}
		}
	}
	return false
}

// TestLoweredMatchesToLower: lowered is strings.ToLower for every word,
// ASCII or not, short or longer than its room.
func TestLoweredMatchesToLower(t *testing.T) {
	words := []string{"", "Not", "NEVER", "said", "Announced", "K\u212aelvin", "\u0130stanbul", "Stra\u00dfe", "\u017fays",
		"ConfirmedAndMoreThanSixteen", "exactlysixteen16", "EXACTLYSEVENTEEN7", "a-B_c'D", "\u00c9t\u00e9"}
	r := rand.New(rand.NewPCG(8, 8))
	// The bytes either side of A to Z and a to z, for the word-at-a-time lowering.
	letters := []rune("aZqM-'.@[`{Az\x7f\u00e9\u00c9\u212a\u0130\u017f")
	for range 2000 {
		w := make([]rune, r.IntN(20))
		for i := range w {
			w[i] = letters[r.IntN(len(letters))]
		}
		words = append(words, string(w))
	}
	for _, w := range words {
		var room [loweredRoom]byte
		if got, want := string(lowered(&room, w)), strings.ToLower(w); got != want {
			t.Errorf("lowered(%q) = %q, strings.ToLower gives %q", w, got, want)
		}
	}
}

func TestPrepositionEndsAsByLastWord(t *testing.T) {
	for _, s := range wordTestTexts(t) {
		for i := range len(s) + 1 {
			for _, preps := range wordTestLists {
				if got, want := prepositionEnds(s[:i], preps), prepositionEndsByLastWord(s[:i], preps); got != want {
					t.Fatalf("prepositionEnds(%q, %q) = %v, want %v", s[:i], preps, got, want)
				}
			}
		}
	}
}

// TestNoTriggerInWhiteSpace backs gapTrigger's shortcut: every trigger
// phrase holds more than white space, so the matcher finds none in a gap
// of white space alone.
func TestNoTriggerInWhiteSpace(t *testing.T) {
	rows, err := catalog.ReadTSV(triggerData, "data/triggers.tsv", []string{"phrase", "class", "forward", "backward"})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if strings.TrimSpace(r[0]) == "" {
			t.Errorf("trigger phrase %q is white space", r[0])
		}
	}
	for _, gap := range []string{"", " ", "  ", "\t", "\n", "\v", "\f", "\r\n", " \u00a0 ", "\u2003", "\u3000", "\u0085"} {
		if ts := findTriggers(gap, 0); len(ts) > 0 {
			t.Errorf("findTriggers(%q) = %v", gap, ts)
		}
	}
}

// TestHandoverVerbAsBefore holds handoverVerb, which reads the last byte
// before "pay for", to the test it was written from, on every start of
// the texts.
func TestHandoverVerbAsBefore(t *testing.T) {
	texts := append(wordTestTexts(t), "would pay for", "Will Pay For", "WILL PAY FOR", "will pay foR", "pay for", "would pay fo",
		"will pay fоr", "would pay for\u0280", "will deliver", "to supply")
	for _, s := range texts {
		x := &docState{d: &annotate.Doc{Body: s}}
		for i := range len(s) + 1 {
			verb := s[:i]
			last, _ := lastWordIn(verb, "deliver", "supply", "send", "donate", "give", "provide", "over")
			want := last != "" || endsWithLower(verb, "would pay for") || endsWithLower(verb, "will pay for")
			if got := x.handoverVerb(trigger{End: i}); got != want {
				t.Fatalf("handoverVerb(%q) = %v, want %v", verb, got, want)
			}
		}
	}
}

// TestWordBeforeCountAsByFields holds furtherBefore and allBefore, which
// turn a text away by the last byte of its last field, to their reading
// of the fields alone, on every prefix of the test texts and of words
// that end so.
func TestWordBeforeCountAsByFields(t *testing.T) {
	furtherByFields := func(text string) bool {
		last, start := annotate.LastField(text)
		if annotate.LowerIs(last, "another") {
			return true
		}
		prev, _ := annotate.LastField(text[:start])
		return annotate.LowerIs(last, "next") && annotate.LowerIs(prev, "the")
	}
	allByFields := func(text string) bool {
		last, start := annotate.LastField(text)
		return annotate.LowerIs(last, "all") && start > 0 && lastSpaceRun(text, len(text)) < len(text) && annotate.IsRegexpSpace(text[start-1])
	}
	texts := append(wordTestTexts(t), "another ", "ANOTHER\u00a0", "the next ", "The NEXT\t", "all ", " ALL ", " aLl\v", " all\u2003", "x all\u00a0 ",
		"anotheR", "the nexT", "the nex\u212A", "anothe\u0280 ", " al\u029f ", "\u0130 all ", "another\xff ", " all\n\n",
		"fall ", "\u0130ALL ", "the ne\u0130t ", "the Next", "xt ", "er ")
	for _, s := range texts {
		for i := range len(s) + 1 {
			text := s[:i]
			if got, want := furtherBefore(text), furtherByFields(text); got != want {
				t.Fatalf("furtherBefore(%q) = %v, want %v", text, got, want)
			}
			if got, want := allBefore(text), allByFields(text); got != want {
				t.Fatalf("allBefore(%q) = %v, want %v", text, got, want)
			}
		}
	}
}
