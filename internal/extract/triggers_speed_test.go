package extract

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// ofAmongFirstWordsRef is ofAmongFirstWords read plainly: the text split
// at Go's \s, one of its first three words "of" in any case.
func ofAmongFirstWordsRef(text string) bool {
	words := strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune(" \t\n\f\r", r) })
	for k, w := range words {
		if k < 3 && len(w) == len("of") && strings.EqualFold(w, "of") {
			return true
		}
	}
	return false
}

func TestOfAmongFirstWords(t *testing.T) {
	words := []string{"of", "OF", "Of", "oF", "o", "f", "ofx", "xof", "of,", "off", "the", "fighters", "MiG-29",
		"Île", "ſ", "\u212a", ",", "2", "\xff", "\u00a0of", "of\u00a0", "of\v"}
	seps := []string{"", " ", "  ", "\t", "\n", "\f", "\r", "\v", " \n "}
	texts := []string{"", " ", "of", "OF ", " of", "x of", "x y of", "x y z of", " x\ty\nof the air force", "o", "f"}
	rng := rand.New(rand.NewPCG(3, 5))
	for range 100000 {
		var b strings.Builder
		for range rng.IntN(6) {
			b.WriteString(seps[rng.IntN(len(seps))])
			b.WriteString(words[rng.IntN(len(words))])
		}
		b.WriteString(seps[rng.IntN(len(seps))])
		texts = append(texts, b.String())
	}
	found := 0
	for _, s := range texts {
		got := ofAmongFirstWords(s)
		if want := ofAmongFirstWordsRef(s); got != want {
			t.Fatalf("ofAmongFirstWords(%q) = %v, want %v", s, got, want)
		}
		if got {
			found++
		}
	}
	if found == 0 || found == len(texts) {
		t.Fatalf("ofAmongFirstWords held for %d of %d texts: the texts test nothing", found, len(texts))
	}
}
