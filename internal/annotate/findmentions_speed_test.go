package annotate

import (
	"slices"
	"strings"
	"testing"

	"github.com/dossier-osint/dossier/internal/annotate/testtext"
	"github.com/dossier-osint/dossier/internal/catalog"
)

var gateTestWords = []string{"class", "Class", "classes", "clas", "cLass", "clear", "cl", "c", "Keris", "the",
	"claSSified", "clxxxxxxxxxxxxxxxxxxxx", "carrier", "é", "٣", "Pohang", "Keris-class", "Ulsan-class", "class_",
	"class5", "classX", "frigate", "Navy", "a", "claims", "INS", "Tabar", "2024", "Rosoboronexport", "Group",
	"Hanwha", "Aerospace", "Industries", "Inc.", "Corp.", "Ltd", "Shipyard", "Defence", "Systems", "Korea",
	"President", "Col.", "General", "Lt. Gen.", "spokesman", "deputy minister", "Ali", "Hassan", "van", "Chief"}

// TestListedKindsTellClassWords holds what appendWordSpansStarts tells of
// the listed words to what findMentions reads off it: classWord when one
// begins with "class".
func TestListedKindsTellClassWords(t *testing.T) {
	held := 0
	for _, text := range testtext.Phrases(23, 20000, 6, gateTestWords, []string{" ", "-", "", "\n", ", ", "é", "’"}) {
		_, listed := wordSpansListed(text)
		class := slices.ContainsFunc(listed.starts, func(i int) bool { return strings.HasPrefix(text[i:], "class") })
		if class && listed.kinds&classWord == 0 {
			t.Fatalf("appendWordSpansStarts(%q) lists no word that may begin with \"class\"", text)
		}
		if class {
			held++
		}
	}
	if held == 0 {
		t.Fatal("no text held \"class\"")
	}
}

// TestListedKindsTellTitles holds listed.kinds to titleRe: where it
// matches at a listed start, titleFirst is told.
func TestListedKindsTellTitles(t *testing.T) {
	held := 0
	var room [4]int
	for _, text := range testtext.Phrases(31, 20000, 6, gateTestWords, []string{" ", "-", "", ", ", "é"}) {
		_, listed := wordSpansListed(text)
		if m, _ := titleRe.nextAt(room[:0], text, listed.starts); m != nil {
			if listed.kinds&titleFirst == 0 {
				t.Fatalf("appendWordSpansStarts(%q) lists no word that may begin a title", text)
			}
			held++
		}
	}
	if held == 0 {
		t.Fatal("no text held a title")
	}
}

// TestFindMentionsGatedByListedKinds holds findMentions, which skips the
// finders of what no listed word may begin, to findMentions told that
// they may begin anything.
func TestFindMentionsGatedByListedKinds(t *testing.T) {
	cat := catalog.MustDefault()
	var room [4]int
	var known docNames
	classes, orgs, people := 0, 0, 0
	for _, text := range testtext.Phrases(29, 20000, 8, gateTestWords, []string{" ", "-", ", ", ""}) {
		s := Sentence{Text: text, End: len(text)}
		names := cat.Matcher().FindAll(text)
		_, listed := wordSpansListed(text)
		anything := listedWords{starts: listed.starts, kinds: ^phraseKinds(0)}
		want := findMentions(cat, &s, names, &known, &anything, room[:], nil)
		got := findMentions(cat, &s, names, &known, listed, room[:], nil)
		if !slices.Equal(got, want) {
			t.Fatalf("findMentions(%q) finds %v told kinds %b, %v told all", text, got, listed.kinds, want)
		}
		for _, m := range want {
			switch {
			case m.Kind == MUncatalogued && strings.HasSuffix(m.Name, "class"):
				classes++
			case m.Kind == MOrg:
				orgs++
			case m.Kind == MPerson:
				people++
			}
		}
	}
	if classes == 0 || orgs == 0 || people == 0 {
		t.Fatalf("the sentences named %d classes, %d organisations and %d people", classes, orgs, people)
	}
}
