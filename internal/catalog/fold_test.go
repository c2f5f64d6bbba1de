package catalog

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// lowerASCII lowers only the ASCII capitals of s, as EqualFoldASCII does.
func lowerASCII(s string) string {
	b := []byte(s)
	for k, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[k] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// ContainsFoldASCII finds word in text wherever it stands in any ASCII
// case, at whichever byte of word it looks for; ContainsFoldASCIIWith
// finds it where its byte at is the one asked for. Texts are random
// bytes around the words, cased at random.
func TestContainsFoldASCII(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 8))
	words := []string{"batch", "replac", "newsletter", "a", "ab", "x-9", "9mm", "a b"}
	bytes := []byte{'a', 'b', 'c', 'h', 'A', 'B', 'C', 'H', 'e', 'r', 'p', 'l', 'x', 'X', '9', '-', ' ', 0, 0x80, 0xc3, 0xff, 'b' | 0x80, 'B' | 0x80}
	for range 200000 {
		word := words[rng.IntN(len(words))]
		var b []byte
		for range rng.IntN(12) {
			b = append(b, bytes[rng.IntN(len(bytes))])
		}
		if rng.IntN(2) == 0 {
			at := rng.IntN(len(b) + 1)
			w := []byte(word)
			for k := range w {
				if rng.IntN(2) == 0 && 'a' <= w[k] && w[k] <= 'z' {
					w[k] -= 'a' - 'A'
				}
			}
			if rng.IntN(3) == 0 && len(w) > 1 { // cut short or changed
				w[rng.IntN(len(w))] = bytes[rng.IntN(len(bytes))]
			}
			b = append(b[:at:at], append(w, b[at:]...)...)
		}
		text := string(b)
		want := strings.Contains(lowerASCII(text), word)
		at := rng.IntN(len(word))
		if got := ContainsFoldASCII(text, word, at); got != want {
			t.Fatalf("ContainsFoldASCII(%q, %q, %d) = %v", text, word, at, got)
		}
		// With c its capital, only the words with byte at a capital count.
		c := word[at]
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		wantWith := false
		for i := 0; i+len(word) <= len(text); i++ {
			if text[i+at] == c && lowerASCII(text[i:i+len(word)]) == word {
				wantWith = true
			}
		}
		if got := ContainsFoldASCIIWith(text, word, at, c); got != wantWith {
			t.Fatalf("ContainsFoldASCIIWith(%q, %q, %d, %q) = %v", text, word, at, c, got)
		}
	}
}

// IsASCII agrees with utf8.RuneSelf's bound on every byte and on strings.
func TestIsASCII(t *testing.T) {
	for c := range 256 {
		if got := IsASCII("ab" + string([]byte{byte(c)})); got != (c < utf8.RuneSelf) {
			t.Errorf("IsASCII(ab%#x) = %v", c, got)
		}
	}
	if !IsASCII("") {
		t.Error(`IsASCII("") is false`)
	}
}

// EqualFoldASCII, which lowers by a table, agrees with lowering a byte by
// compares on every pair of bytes, alone and inside longer words.
func TestEqualFoldASCIIComparesLoweredBytes(t *testing.T) {
	lowered := func(c byte) byte {
		if 'A' <= c && c <= 'Z' {
			return c + 'a' - 'A'
		}
		return c
	}
	for a := range 256 {
		for b := range 256 {
			want := lowered(byte(a)) == byte(b)
			w, l := string([]byte{byte(a)}), string([]byte{byte(b)})
			if got := EqualFoldASCII(w, l); got != want {
				t.Fatalf("EqualFoldASCII(%q, %q) = %v", w, l, got)
			}
			if got := EqualFoldASCII("Ba"+w+"Tch", "ba"+l+"tch"); got != want {
				t.Fatalf("EqualFoldASCII(%q, %q) = %v", "Ba"+w+"Tch", "ba"+l+"tch", got)
			}
		}
	}
}
