package annotate

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestHoldsClassLowersAsToLower holds holdsClass to its definition,
// strings.Contains(strings.ToLower(name), "class"), over names of the
// letters of "class" in either case, runes that lower or fold near them
// (İ, the Kelvin sign, the long s, the capital sharp s), other runes and
// a stray byte.
func TestHoldsClassLowersAsToLower(t *testing.T) {
	pieces := []string{"c", "C", "l", "L", "a", "A", "s", "S", "ſ", "K", "İ", "ẞ", "é", " ", "-", "\xff", "class", "CLASS", "Class", "cla", "ss"}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(9) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		name := b.String()
		if got, want := holdsClass(name), strings.Contains(strings.ToLower(name), "class"); got != want {
			t.Fatalf("holdsClass(%q) = %v, want %v", name, got, want)
		}
	}
	for _, name := range []string{"", "class", "Ulsan-class", "ULSAN CLASS", "Clas", "claſs", "Ulsan"} {
		if got, want := holdsClass(name), strings.Contains(strings.ToLower(name), "class"); got != want {
			t.Fatalf("holdsClass(%q) = %v, want %v", name, got, want)
		}
	}
}
