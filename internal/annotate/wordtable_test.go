package annotate

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/dossier-osint/dossier/internal/catalog"
)

// refFind is wordTable.find comparing every word whole.
func refFind(t *wordTable, w string) (int, bool) {
	for k, l := range t.words {
		if len(w) == len(l) && catalog.EqualFoldASCII(w, l) {
			return t.vals[k], true
		}
	}
	return 0, false
}

// find, which compares only what follows the first two letters, finds what
// comparing whole words finds: on the tables' words in any case, and on
// those words with a byte changed, dropped or added.
func TestWordTableFindComparesWholeWords(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 32))
	bytes := []byte{'a', 'e', 'z', 'A', 'E', 'Z', '0', '9', '_', '-', ' ', '.', '@', '`', '{', '[', 0, 0x7f, 0x80, 0xc3, 0xe2, 0xff, 'a' | 0x80, 'e' - 0x20 | 0x80}
	for _, table := range []*wordTable{dateWords, qtyWords, numberTable, units, adjectiveParts} {
		for range 200000 {
			w := []byte(table.words[rng.IntN(len(table.words))])
			for k := range w {
				if rng.IntN(3) == 0 {
					w[k] -= 'a' - 'A'
				}
			}
			switch rng.IntN(4) {
			case 0:
				w[rng.IntN(len(w))] = bytes[rng.IntN(len(bytes))]
			case 1:
				k := rng.IntN(len(w))
				w = append(w[:k], w[k+1:]...)
			case 2:
				k := rng.IntN(len(w) + 1)
				w = append(w[:k], append([]byte{bytes[rng.IntN(len(bytes))]}, w[k:]...)...)
			}
			got, ok := table.find(string(w))
			want, wantOK := refFind(table, string(w))
			if got != want || ok != wantOK {
				t.Fatalf("find(%q) = %d, %v; comparing whole words %d, %v", w, got, ok, want, wantOK)
			}
		}
		for _, w := range []string{"", "a", "A", "_", "é", strings.Repeat("a", 15), strings.Repeat("a", 16)} {
			got, ok := table.find(w)
			want, wantOK := refFind(table, w)
			if got != want || ok != wantOK {
				t.Fatalf("find(%q) = %d, %v; comparing whole words %d, %v", w, got, ok, want, wantOK)
			}
		}
	}
}

// firstByteIndex.of, filtered by strings.HasPrefix, keeps the words of its
// list that a text begins with, in the list's order: on each word, each
// word cut or run on, and texts that begin otherwise.
func TestFirstByteIndexKeepsThePrefixes(t *testing.T) {
	lists := [][]string{titlePrefixes, ministryWords, deputyMinisters, plainTitles, nameParticles, orgClosings}
	for _, words := range lists {
		x := indexByFirstByte(words)
		texts := []string{"", " ", "é", "\xff", "a", "A", "z"}
		for _, w := range words {
			texts = append(texts, w, w[:1], w[:len(w)-1], w+" Smith", strings.ToUpper(w), strings.ToLower(w))
		}
		for _, s := range texts {
			var got, want []string
			for _, w := range x.of(s) {
				if strings.HasPrefix(s, w) {
					got = append(got, w)
				}
			}
			for _, w := range words {
				if strings.HasPrefix(s, w) {
					want = append(want, w)
				}
			}
			if !slices.Equal(got, want) {
				t.Fatalf("of(%q) keeps %q, want %q", s, got, want)
			}
		}
	}
}
