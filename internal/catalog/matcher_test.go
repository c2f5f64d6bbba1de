package catalog

import (
	"math/rand/v2"
	"reflect"
	"testing"
	"testing/fstest"

	"github.com/dossier-osint/dossier/internal/annotate/testtext"
)

// testFS is a small catalog written for the matcher's tests.
func testFS() fstest.MapFS {
	return fstest.MapFS{
		"data/countries.tsv": {Data: []byte("iso3\tiso2\tname\taliases\tdemonyms\tcapitals\tkind\tsource\n" +
			"MLI\tML\tMali\tRepublic of Mali\tMalian|Malians\tBamako\tstate\tt\n" +
			"CHN\tCN\tChina\tPRC\tChinese\tBeijing\tstate\tt\n" +
			"CIV\tCI\tCôte d'Ivoire\tIvory Coast\tIvorian\tYamoussoukro\tstate\tt\n" +
			"USA\tUS\tUnited States\tU.S.|US|America\tAmerican\tWashington\tstate\tt\n" +
			"CHN2\t\tPLAN Test\tPLAN\t\t\tstate\tt\n")},
		"data/organisations/makers.tsv": {Data: []byte("name\tcountry\tkind\taliases\tsource\n" +
			"Norinco\tCHN\tmaker\tChina North Industries Group Corporation\tt\n" +
			"Larsen & Toubro\tIND\tmaker\tL&T\tt\n")},
		"data/systems/a.tsv": {Data: []byte("designation\taliases\tcategory\tmaker\tcountry\tfamily\tsource\n" +
			"VN2C\tVN-2C\tarmoured vehicle\tNorinco\tCHN\tVN2\tt\n" +
			"CS/VP11\tLynx\tunarmoured vehicle\tNorinco\tCHN\t\tt\n" +
			"VP11\t\tarmoured vehicle\tNorinco\tCHN\t\tt\n" +
			"K9\tK9 Thunder\tartillery\tHanwha Aerospace\tKOR\t\tt\n" +
			"T-72\t\tarmoured vehicle\t\tSUN\t\tt\n" +
			"T-72B1MS\tWhite Eagle\tarmoured vehicle\t\tRUS\tT-72\tt\n" +
			"Eurofighter Typhoon\tTyphoon\taircraft\tEurofighter GmbH\tDEU\t\tt\n" +
			"OPV 58 S\t\tnaval vessel\tPiriou\tFRA\t\tt\n" +
			"9M117 Bastion\tAT-10\tmissile\t\tRUS\t\tt\n")},
		"data/places.tsv": {Data: []byte("name\tsource\nLatin America\tt\n")},
		"data/categories.tsv": {Data: []byte("term\tcategory\tgeneric\tsource\n" +
			"infantry fighting vehicles\tarmoured vehicle\tyes\tt\nIFV\tarmoured vehicle\tyes\tt\n")},
	}
}

func names(t *testing.T, c *Catalog, text string) []string {
	t.Helper()
	var out []string
	for _, m := range c.Matcher().FindAll(text) {
		out = append(out, text[m.Start:m.End]+"="+c.Matcher().Spelling(m.Refs[0]))
	}
	return out
}

func TestMatcherFindsVariantSpellings(t *testing.T) {
	c, err := Load(testFS())
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		text string
		want []string
	}{
		{"six Norinco VN-2C IFVs", []string{"Norinco=Norinco", "VN-2C=VN2C", "IFVs=IFV"}},
		{"the vn 2c and the VN2C", []string{"vn 2c=VN2C", "VN2C=VN2C"}},
		{"Lynx CS/VP11 ATV and VP11 4x4", []string{"Lynx=Lynx", "CS/VP11=CS/VP11", "VP11=VP11"}},
		{"the 24 K9s the army operates", []string{"K9s=K9"}},
		{"K9 Thunder howitzers", []string{"K9 Thunder=K9 Thunder"}},
		{"T-72B1MS tanks, not T-72B", []string{"T-72B1MS=T-72B1MS"}},
		{"The Typhoons landed", []string{"Typhoons=Typhoon"}},
		{"a lynx is a cat", nil},
		{"the OPV 58 S vessel", []string{"OPV 58 S=OPV 58 S"}},
		{"Côte d'Ivoire and Cote d’Ivoire", []string{"Côte d'Ivoire=Côte d'Ivoire", "Cote d’Ivoire=Côte d'Ivoire"}},
		{"U.S.-built and Larsen & Toubro", []string{"U.S=U.S.", "Larsen & Toubro=Larsen & Toubro"}},
		{"Malian troops in Bamako", []string{"Malian=Malian", "Bamako=Bamako"}},
		{"wheeled infantry fighting \n vehicles", []string{"infantry fighting \n vehicles=infantry fighting vehicles"}},
		{"Norinco's plant", []string{"Norinco=Norinco"}},
		{"flown in Latin America and by American pilots", []string{"Latin America=Latin America", "American=American"}},
	}
	for _, tc := range cases {
		got := names(t, c, tc.text)
		if len(got) != len(tc.want) {
			t.Errorf("%q: got %q, want %q", tc.text, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%q: got %q, want %q", tc.text, got, tc.want)
				break
			}
		}
	}
}

// TestLowerCaseWordBeforeANumberIsNoDesignation: "at 10:00" is a time,
// not the AT-10 missile, whose capitals the catalog parts from its digits;
// the capitals, or the digits glued on, still match.
func TestLowerCaseWordBeforeANumberIsNoDesignation(t *testing.T) {
	c, err := Load(testFS())
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]string{
		"the briefing at 10:00 local time": "",
		"fired an AT-10 missile":           "AT-10=AT-10",
		"fired an AT 10 missile":           "AT 10=AT-10",
		"fired an at-10 missile":           "at-10=AT-10",
		"the vn 2c":                        "vn 2c=VN2C",
	} {
		got := names(t, c, text)
		if want == "" && len(got) != 0 || want != "" && (len(got) != 1 || got[0] != want) {
			t.Errorf("%q: got %q, want %q", text, got, want)
		}
	}
}

func TestAcronymsMustBeCapitals(t *testing.T) {
	c, err := Load(testFS())
	if err != nil {
		t.Fatal(err)
	}
	if got := names(t, c, "The PLAN fleet grew. Plan ahead."); len(got) != 1 || got[0] != "PLAN=PLAN" {
		t.Errorf("got %q, want only the capitalised acronym", got)
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{"VN-2C": "vn2c", "Goïta": "goita", "CS/VP11": "csvp11", "Łódź": "lodz", "Türkiye": "turkiye"} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseTSVRejectsBadRows(t *testing.T) {
	if _, err := parseTSV("x.tsv", "a\tb\n1\t2\t3\n", []string{"a", "b"}); err == nil {
		t.Error("a row with too many cells was accepted")
	}
	if _, err := parseTSV("x.tsv", "a\tc\n", []string{"a", "b"}); err == nil {
		t.Error("a wrong header was accepted")
	}
}

func TestSpellingsDifferingInCapitalsBothMatch(t *testing.T) {
	fsys := testFS()
	fsys["data/systems/b.tsv"] = &fstest.MapFile{Data: []byte("designation\taliases\tcategory\tmaker\tcountry\tfamily\tsource\n" +
		"LUNA\tLUNA NG|Luna NG\tdrone\t\tDEU\t\tt\n")}
	c, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"the LUNA NG drone", "the Luna NG drone"} {
		if got := names(t, c, text); len(got) != 1 {
			t.Errorf("%q: got %q, want the system", text, got)
		}
	}
}

func TestPluralIsNotAVariantEndingInS(t *testing.T) {
	fs := testFS()
	fs["data/systems/b.tsv"] = &fstest.MapFile{Data: []byte("designation\taliases\tcategory\tmaker\tcountry\tfamily\tsource\n" +
		"MiG-29\t\taircraft\t\tSUN\t\tt\nMiG-29S\t\taircraft\t\tSUN\tMiG-29\tt\n")}
	c, err := Load(fs)
	if err != nil {
		t.Fatal(err)
	}
	got := names(t, c, "about 30 MiG-29s and two MiG-29S jets")
	want := []string{"MiG-29s=MiG-29", "MiG-29S=MiG-29S"}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestFoldLatinFoldsAsStrings checks the fold of Latin letters a rune at a
// time against the fold of whole strings, on every pair of the letters
// and on longer strings that mix them with ASCII.
func TestFoldLatinFoldsAsStrings(t *testing.T) {
	var runes []rune
	for r := rune(latinLow); r <= latinHigh; r++ {
		runes = append(runes, r)
	}
	check := func(s string) {
		if got, ok := foldLatin(s); !ok || got != foldPieceSlow(s) {
			t.Fatalf("foldLatin(%q) = %q, %v; want %q", s, got, ok, foldPieceSlow(s))
		}
	}
	for _, a := range runes {
		for _, b := range runes {
			check(string([]rune{a, b}))
		}
	}
	for _, s := range mixedStrings(1, []rune("aZ09qQ"), runes, 3) {
		check(s)
	}
	for _, s := range []string{"e\u0301", "Ωmega", "x-y", "日本"} {
		if _, ok := foldLatin(s); ok {
			t.Errorf("foldLatin(%q) took a rune it does not fold", s)
		}
	}
}

// TestAppendFoldPieceIsFoldPiece checks the fold onto a caller's room
// against foldPiece, for runs that foldLatin folds and for those it leaves
// half-way to the slow fold ("e" and a combining accent), after bytes
// already in the room.
func TestAppendFoldPieceIsFoldPiece(t *testing.T) {
	for _, s := range []string{"Akıncı", "Göta", "ÆGIS", "Straße", "ðe", "e\u0301", "Ωmega", "日本", "Zoë\u0301"} {
		if got, want := string(appendFoldPiece([]byte("x"), s)), "x"+foldPiece(s); got != want {
			t.Errorf("appendFoldPiece(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestFoldLatinNameIsFold checks the fold of names of Latin letters a rune
// at a time against Fold, on every pair of the letters, marks between, and
// on longer strings that mix them with ASCII letters, digits and marks.
func TestFoldLatinNameIsFold(t *testing.T) {
	var runes []rune
	for r := rune(latinLow); r <= latinHigh; r++ {
		runes = append(runes, r)
	}
	check := func(s string) {
		if got, ok := appendFoldLatinName([]byte("x"), s); !ok || string(got) != "x"+Fold(s) {
			t.Fatalf("appendFoldLatinName(%q) = %q, %v; want %q", s, got, ok, "x"+Fold(s))
		}
	}
	for _, a := range runes {
		for _, b := range runes {
			check(string([]rune{a, '-', b}))
		}
	}
	for _, s := range mixedStrings(3, []rune("aZ09qQ -./'"), runes, 2) {
		check(s)
	}
	for _, s := range []string{"e\u0301", "Ωmega", "日本", "a\xffb", "F–16"} {
		if _, ok := appendFoldLatinName(nil, s); ok {
			t.Errorf("appendFoldLatinName(%q) took a rune it does not fold", s)
		}
	}
}

// TestFindAllResultsStayAsFound checks that the matches of FindAll, whose
// calls fill shared blocks, stay as found when later calls go on filling
// the block and when a caller appends to those of an earlier call.
func TestFindAllResultsStayAsFound(t *testing.T) {
	c := MustDefault()
	texts := startTexts(t, c)
	var results [][]Match
	for _, text := range texts {
		found := c.Matcher().FindAll(text)
		if len(results) > 0 {
			_ = append(results[len(results)-1], Match{Start: -1})
		}
		results = append(results, found)
	}
	for i, text := range texts {
		if want := c.Matcher().FindAll(text); !reflect.DeepEqual(results[i], want) {
			t.Fatalf("%q:\nfound %v\nnow   %v", text, results[i], want)
		}
	}
}

// mixedStrings returns 2,000 random strings of up to eleven runes, one
// rune in oneIn from ascii and the others from latin (seeded: the same
// seed gives the same strings).
func mixedStrings(seed uint64, ascii, latin []rune, oneIn int) []string {
	rng := rand.New(rand.NewPCG(seed, seed+1))
	out := make([]string, 2000)
	for k := range out {
		var s []rune
		for range rng.IntN(12) {
			if rng.IntN(oneIn) == 0 {
				s = append(s, ascii[rng.IntN(len(ascii))])
			} else {
				s = append(s, latin[rng.IntN(len(latin))])
			}
		}
		out[k] = string(s)
	}
	return out
}

// TestRepeatedTextsTakeTheMatchesOfTheFirst checks that texts cut together,
// some repeating others, match as each would alone, whichever matchers
// read them in turn: sharing pieces and taking matches found for the first
// printing changes nothing.
func TestRepeatedTextsTakeTheMatchesOfTheFirst(t *testing.T) {
	c := MustDefault()
	phrases := NewPhraseMatcher([]string{"delivered", "took delivery of", "ordered", "the first", "batch", "Łódź", "to be delivered"})
	lines := testtext.ArticleLines(t)
	if len(lines) > 400 {
		lines = lines[:400]
	}
	lines = append(lines, "Łódź delivered", "", "K9s", "the first batch", "a")
	// Each text once, then repeated in the order of a document that
	// prints paragraphs twice, and some thrice.
	var texts []string
	for k := 0; k < len(lines); k += 7 {
		group := lines[k:min(k+7, len(lines))]
		texts = append(texts, group...)
		texts = append(texts, group...)
		if k%3 == 0 {
			texts = append(texts, group[len(group)/2:]...)
		}
	}
	matchers := []*Matcher{c.Matcher(), phrases}
	orders := [][]int{{0, 1}, {1, 0}, {0, 0}}
	for _, order := range orders {
		cut := NewTexts(texts)
		var found []Match
		// Matcher by matcher over all texts, as annotate then extract.
		for _, mi := range order {
			for i := range cut.List {
				found = matchers[mi].AppendAllText(found[:0], &cut.List[i])
				if want := matchers[mi].FindAll(texts[i]); !reflect.DeepEqual(found, want) && (len(found) > 0 || len(want) > 0) {
					t.Fatalf("matcher %d, text %d %q:\ngot  %v\nwant %v", mi, i, texts[i], found, want)
				}
			}
		}
		// Matchers in turn on each text.
		for i := range cut.List {
			for _, mi := range order {
				found = matchers[mi].AppendAllText(found[:0], &cut.List[i])
				if want := matchers[mi].FindAll(texts[i]); !reflect.DeepEqual(found, want) && (len(found) > 0 || len(want) > 0) {
					t.Fatalf("in turn, matcher %d, text %d %q:\ngot  %v\nwant %v", mi, i, texts[i], found, want)
				}
			}
		}
		cut.Release()
	}
}

// TestFindsInIsFindAllOfTheWindow checks FindsIn, which reads the pieces
// of a text cut before, against FindAll of the window cut alone, and the
// window's pieces against those cut alone: on news lines, phrases of
// names and texts beyond ASCII, with windows that cut pieces and runes.
func TestFindsInIsFindAllOfTheWindow(t *testing.T) {
	c := MustDefault()
	phrases := NewPhraseMatcher([]string{"will", "is to", "to be", "plans", "next year", "Łódź", "F-16", "K9", "Typhoon"})
	texts := append(startTexts(t, c), "Łódź will", "éwill", "xwill", "F16s", "K9 s", "plan s", "næxt year")
	texts = append(texts, mixedStrings(7, []rune("wil toF16K9 "), []rune("łóéŁ\u0301٣"), 3)...)
	rng := rand.New(rand.NewPCG(1, 2))
	for _, text := range texts {
		cut := NewTexts([]string{text})
		tx := &cut.List[0]
		for range 8 {
			start := rng.IntN(len(text) + 1)
			end := start + rng.IntN(len(text)-start+1)
			checkWindow(t, tx, start, end)
			for _, m := range []*Matcher{c.Matcher(), phrases} {
				if got, want := m.FindsIn(tx, start, end), m.FindAll(text[start:end]) != nil; got != want {
					t.Fatalf("%q [%d:%d] %q: FindsIn %v, want %v", text, start, end, text[start:end], got, want)
				}
			}
		}
		cut.Release()
	}
}

func checkWindow(t *testing.T, tx *Text, start, end int) {
	t.Helper()
	var room [64]piece
	got, want := tx.window(room[:0], start, end), appendPiecesAt(nil, tx.text, start, end)
	if len(got) != len(want) {
		t.Fatalf("%q [%d:%d]: %d pieces, want %d", tx.text, start, end, len(got), len(want))
	}
	for k := range got {
		g, w := got[k], want[k]
		if g.start != w.start || g.stop != w.stop || w.key != 0 && g.key != w.key {
			t.Fatalf("%q [%d:%d]: piece %d is %+v, want %+v", tx.text, start, end, k, g, w)
		}
	}
}
