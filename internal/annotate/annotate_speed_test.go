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
		name := joinRandomPieces(rng, pieces, 9)
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

// TestFieldsAtMostCountsAsFields holds FieldsAtMost, which reads eight
// ASCII bytes at a time and the rest a rune at a time, to strings.Fields,
// on texts of words, ASCII and Unicode white space, runes beyond ASCII
// and stray bytes, of every length about eight bytes and beyond.
func TestFieldsAtMostCountsAsFields(t *testing.T) {
	pieces := []string{"a", "word", "abcdefgh", " ", "  ", "\t", "\n", "\v", "\u00a0", "\u0085", "\u2003", "\u3000", "é", "中", "\xff", "\xe2\x80", ",", "7"}
	rng := rand.New(rand.NewPCG(9, 10))
	for range 50000 {
		s := joinRandomPieces(rng, pieces, 12)
		fields := len(strings.Fields(s))
		for n := range 6 {
			if got, want := FieldsAtMost(s, n), fields <= n; got != want {
				t.Fatalf("FieldsAtMost(%q, %d) = %v, want %v (%d fields)", s, n, got, want, fields)
			}
		}
	}
}

// joinRandomPieces joins fewer than most pieces picked at random.
func joinRandomPieces(rng *rand.Rand, pieces []string, most int) string {
	var b strings.Builder
	for range rng.IntN(most) {
		b.WriteString(pieces[rng.IntN(len(pieces))])
	}
	return b.String()
}
