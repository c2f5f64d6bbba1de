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

// TestStartFilterTurnsAwayNoStart checks that every piece that begins a
// name, one that steps from the root, itself or by its singular, to a
// node where a name ends or on with the next piece, passes the start
// filter, with the keys it was cut with and with the keys a walk made
// (pieces beyond ASCII).
func TestStartFilterTurnsAwayNoStart(t *testing.T) {
	c := MustDefault()
	phrases := NewPhraseMatcher([]string{"delivered", "took delivery of", "ordered", "the first", "batch", "K9s",
		"Łódź", "Côte d’Ivoire", "Türkiye", "Москва", "Αθήνα", "the first Łódź", "Łódź delivered", "to be delivered"})
	for _, text := range append(startTexts(t, c), "Łódźs", "Türkiyes", "CÔTES", "Škodas", "Türkiyeś",
		"Москваs", "МОСКВАS", "Αθήναs", "the first Łódźs", "Łódźs delivered") {
		for _, m := range []*Matcher{c.Matcher(), phrases} {
			cut := appendPieces(nil, text)
			walked := appendPieces(nil, text)
			for i := range walked {
				child, plural := m.step(0, text, &walked[i])
				begins := child&childEndsName != 0
				if child != 0 && !plural && i+1 < len(walked) {
					next, _ := m.step(child&childIndex, text, &walked[i+1])
					begins = begins || next != 0
				}
				inWord := i > 0 && walked[i].start == walked[i-1].end()
				if begins && !inWord && (m.starts.next(cut, i) != i || m.starts.next(walked, i) != i) {
					t.Errorf("%q: piece %q begins a name but is turned away", text, text[walked[i].start:walked[i].end()])
				}
			}
		}
	}
}

func TestLowBytes(t *testing.T) {
	for n := 1; n <= 8; n++ {
		want := uint64(0)
		for k := range n {
			want |= 0xff << (8 * k)
		}
		if got := lowBytes(n); got != want {
			t.Errorf("lowBytes(%d) = %x, want %x", n, got, want)
		}
	}
}

// TestShortKeyMayBePlural checks the test of a short key against
// mayBePlural of its piece, for pieces of ASCII and beyond.
func TestShortKeyMayBePlural(t *testing.T) {
	texts := append(startTexts(t, MustDefault()), "s", "as", "AS", "ass", "ASS", "bus", "buses", "Łódźs", "Łódź",
		"ŁÓDŹS", "Škodas", "gaſ", "gaſſ", "ſſ", "Türkiyeś", "12s", "abcdefgs", "abcdefghs", "Ωs", "ωΣ")
	for _, text := range texts {
		for _, p := range appendPieces(nil, text) {
			p.key = p.keyOf(text, false).word
			if p.key&0xff == 0 {
				continue // a long key
			}
			if got, want := shortKeyMayBePlural(p.key), p.mayBePlural(text); got != want {
				t.Errorf("%q: piece %q: shortKeyMayBePlural = %v, mayBePlural %v", text, text[p.start:p.end()], got, want)
			}
		}
	}
}
