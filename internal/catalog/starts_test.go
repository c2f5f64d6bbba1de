package catalog

import (
	"testing"

	"github.com/dossier-osint/dossier/internal/annotate/testtext"
)

// startTexts are news lines and phrases of catalog names, plural, glued
// and cut.
func startTexts(t *testing.T, c *Catalog) []string {
	var names []string
	c.eachName(func(name string, _ EntryKind, _ int) { names = append(names, name, name[:len(name)/2]) })
	texts := append(testtext.ArticleLines(t), "a", "ab", "abcdefgh", "abcdefghi", "Typhoons", "IFVs", "K9s", "Łódź")
	return append(texts, testtext.Phrases(4, 5000, 5, names, []string{" ", "s ", "-", "", "’s "})...)
}

// TestPieceKeysAreKeyOf checks the keys appendPieces makes against keyOf.
func TestPieceKeysAreKeyOf(t *testing.T) {
	for _, text := range startTexts(t, MustDefault()) {
		for _, p := range appendPieces(nil, text) {
			if p.nonASCII() {
				if p.key != 0 {
					t.Errorf("%q: piece %q beyond ASCII has a key", text, text[p.start:p.end()])
				}
				continue
			}
			if want := p.keyOf(text, false).word; p.key != want {
				t.Errorf("%q: piece %q has key %x, want %x", text, text[p.start:p.end()], p.key, want)
			}
		}
	}
}

// TestStartFilterTurnsAwayNoStart checks that every piece with an edge from
// the root, itself or its singular, passes the start filter, with the key
// it was cut with and with the key a walk made (pieces beyond ASCII).
func TestStartFilterTurnsAwayNoStart(t *testing.T) {
	c := MustDefault()
	phrases := NewPhraseMatcher([]string{"delivered", "took delivery of", "ordered", "the first", "batch", "K9s",
		"Łódź", "Côte d’Ivoire", "Türkiye", "Москва", "Αθήνα"})
	for _, text := range append(startTexts(t, c), "Łódźs", "Türkiyes", "CÔTES", "Škodas", "Türkiyeś",
		"Москваs", "МОСКВАS", "Αθήναs") {
		pieces := appendPieces(nil, text)
		for _, m := range []*Matcher{c.Matcher(), phrases} {
			for i := range pieces {
				p := pieces[i]
				if child, _ := m.step(0, text, &p); child != 0 && (!m.starts.mayStart(&pieces[i]) || !m.starts.mayStart(&p)) {
					t.Errorf("%q: piece %q starts a name but is turned away", text, text[p.start:p.end()])
				}
			}
		}
	}
}
