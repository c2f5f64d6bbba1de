package extract

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestIndexByAsIndex holds indexBy to strings.Index for the words the
// rules look for, at each byte they may be found by, in texts of random
// pieces of them, short and long.
func TestIndexByAsIndex(t *testing.T) {
	words := []string{", the first ", "fleet", "inventory", "batches", ", with ", "quantity of "}
	pieces := append([]string{"", " ", ",", ", the", "fleet", "flee", "inv", "ventory", "batch", "es", "v", "é", "x", ", wit", "quantity", " of "}, words...)
	r := rand.New(rand.NewPCG(3, 3))
	texts := []string{"", "v", "fl", "inventor", "inventory", "xinventory", "batches batches"}
	for range 20000 {
		var b strings.Builder
		for range r.IntN(30) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		for _, w := range words {
			for at := range len(w) {
				if got, want := indexBy(s, w, at), strings.Index(s, w); got != want {
					t.Fatalf("indexBy(%q, %q, %d) = %d, want %d", s, w, at, got, want)
				}
			}
		}
	}
}
