package extract

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// lastASCIIWordByBytes is lastASCIIWord read a byte at a time, for tests.
func lastASCIIWordByBytes(text string) (w string, start int, ascii bool) {
	end := len(text)
	for end > 0 && asciiSpace[text[end-1]] {
		end--
	}
	for start = end; start > 0; start-- {
		c := text[start-1]
		if c >= utf8.RuneSelf {
			return "", 0, false
		}
		if asciiSpace[c] {
			break
		}
	}
	return text[start:end], start, true
}

// TestLastASCIIWord holds lastASCIIWord, which reads eight bytes at once,
// to a byte at a time: words of every length up to past eight bytes, after
// each byte (white space of every kind, its neighbours, runes beyond
// ASCII, bytes that are no UTF-8), with white space after them or none.
func TestLastASCIIWord(t *testing.T) {
	var befores []string
	for c := range 256 {
		befores = append(befores, string([]byte{byte(c)}))
	}
	befores = append(befores, "", "é", "’", "\u212a")
	var texts []string
	for _, before := range befores {
		for n := range 27 {
			for _, after := range []string{"", " ", "\t\n", "\v\f\r"} {
				word := strings.Repeat("w", n)
				texts = append(texts, before+word+after, "the "+before+word+after, "éé "+before+word+after,
					"of"+before+"é"+word+after, before+"x\x7fy"+word+after)
			}
		}
	}
	for _, text := range texts {
		for k := range len(text) + 1 {
			s := text[k:]
			w, start, ascii := lastASCIIWord(s)
			ww, wstart, wascii := lastASCIIWordByBytes(s)
			if w != ww || start != wstart || ascii != wascii {
				t.Fatalf("lastASCIIWord(%q) = %q, %d, %v, want %q, %d, %v", s, w, start, ascii, ww, wstart, wascii)
			}
		}
	}
}

// TestASCIISpaceBytes checks asciiSpaceBytes on each ASCII byte at each
// place of a word, among others that are and are not white space.
func TestASCIISpaceBytes(t *testing.T) {
	for c := range utf8.RuneSelf {
		for j := range 8 {
			for _, fill := range []byte{'a', ' ', '\t', '\r', 0, 0x7f, '!', 0x1f} {
				b := []byte(strings.Repeat(string(rune(fill)), 8))
				b[j] = byte(c)
				var want uint64
				for k, x := range b {
					if asciiSpace[x] {
						want |= 0x80 << (8 * k)
					}
				}
				if got := asciiSpaceBytes(load8(string(b), 0)); got != want {
					t.Fatalf("asciiSpaceBytes(%q) = %#x, want %#x", b, got, want)
				}
			}
		}
	}
}
