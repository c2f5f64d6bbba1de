package catalog

import (
	"math/bits"
	"strings"
	"testing"
)

// TestNodeAsksAreItsRefs checks what each node asks of capitals, and its
// flag that it asks any, against its refs, of the catalog's matcher and of
// a phrase matcher.
func TestNodeAsksAreItsRefs(t *testing.T) {
	asking := 0
	for _, m := range []*Matcher{MustDefault().Matcher(), NewPhraseMatcher([]string{"PLAN", "the Plan", "AT-10", "will"})} {
		for n := range m.nodes {
			var want capitalsAsked
			for _, r := range m.refsOf(uint32(n)) {
				want.upper |= r.upperMask
				want.acronym |= r.acronymMask
				want.marked |= r.markedCaps
			}
			if got := m.nodes[n].asks; got != want {
				t.Errorf("node %d asks %+v, its refs %+v", n, got, want)
			}
			if m.nodes[n].asksCapitals != want.any() {
				t.Errorf("node %d: asksCapitals is %v, its refs ask %+v", n, m.nodes[n].asksCapitals, want)
			}
			if want.any() {
				asking++
			}
		}
	}
	if asking == 0 {
		t.Error("no node asks for capitals")
	}
}

// TestCapitalsHonouredKeepsWhatAcceptableKeeps checks the shortcut of
// nameEnds: where capitalsHonoured says the text honours a name's capitals,
// acceptable keeps all its refs; on news lines and names in several cases,
// with what the catalog's nodes ask.
func TestCapitalsHonouredKeepsWhatAcceptableKeeps(t *testing.T) {
	m := MustDefault().Matcher()
	texts := startTexts(t, MustDefault())
	for _, text := range []string{"Puma PUMA puma", "the PLAN the Plan", "AT-10 at 10 At 10", "Łódź ŁÓDŹ łódź", "Ñandú ñandú", "F-16 f-16"} {
		texts = append(texts, text)
	}
	honoured, not := 0, 0
	seen := map[capitalsAsked]bool{}
	for n := range m.nodes {
		asks := &m.nodes[n].asks
		if !asks.any() || seen[*asks] {
			continue
		}
		seen[*asks] = true
		refs := m.refsOf(uint32(n))
		size := bits.Len64(asks.upper | asks.acronym | asks.marked)
		for _, text := range texts[:400] {
			pieces := appendPieces(nil, text)
			for i := 0; i+size <= len(pieces); i++ {
				window := pieces[i : i+size]
				if !capitalsHonoured(text, window, asks) {
					not++
					continue
				}
				honoured++
				if got := acceptable(text, window, refs, asks); len(got) != len(refs) {
					t.Fatalf("%q from piece %d: capitals honoured for %+v, but acceptable keeps %d of %d refs", text, i, *asks, len(got), len(refs))
				}
			}
		}
	}
	if honoured == 0 || not == 0 {
		t.Errorf("capitals honoured %d times, not %d: the texts test only one side", honoured, not)
	}
}

// TestFoldsToWordsIsEqualFoldASCII checks the compare of long pieces,
// eight bytes at a time, against EqualFoldASCII, on pieces of letters or
// digits and folded pieces that differ from them at each byte.
func TestFoldsToWordsIsEqualFoldASCII(t *testing.T) {
	pieces := []string{"abcdefgh", "ABCDEFGHI", "Typhoons1", "Eurofighter", "EUROFIGHTERTYPHOON", "0123456789",
		"12345678901234567", "MachineryGroupsAb", "zZzZzZzZzZzZzZzZzZzZzZzZz"}
	for _, w := range pieces {
		lower := []byte(strings.ToLower(w))
		fs := []string{string(lower), strings.ToUpper(w), w}
		for k := range lower {
			for _, c := range []byte{'a', 'z', '0', '@', '`', '{', 0x80, 0xe9, lower[k] ^ 0x20} {
				f := append([]byte(nil), lower...)
				f[k] = c
				fs = append(fs, string(f))
			}
		}
		for _, f := range fs {
			if got, want := foldsToWords(w, f), EqualFoldASCII(w, f); got != want {
				t.Errorf("foldsToWords(%q, %q) = %v, EqualFoldASCII %v", w, f, got, want)
			}
		}
	}
}
