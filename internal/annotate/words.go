package annotate

import (
	"math/bits"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-osint/dossier/internal/catalog"
)

// The rules read the words around a mention many times a sentence; these
// helpers answer what strings.Fields and strings.ToLower would tell without
// making the strings.

// LastField is the last of strings.Fields(s) and where it starts; "" if
// there is none.
func LastField(s string) (string, int) {
	start, end := prevField(s, len(s))
	return s[start:end], start
}

// nextField is the span of the first field (a run of runes that are not
// white space) at or after byte from of s; a == b when there is none.
func nextField(s string, from int) (a, b int) {
	a = spacesEnd(s, from)
	return a, fieldEnd(s, a)
}

// The walkers below look an ASCII byte up in place and call runeAt or
// runeBefore only beyond ASCII: they run over most of each sentence.

// spacesEnd is the end of the white space at byte i of s.
func spacesEnd(s string, i int) int {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if !asciiSpace[c] {
				break
			}
			i++
			continue
		}
		space, size := runeAt(s, i)
		if !space {
			break
		}
		i += size
	}
	return i
}

// spacesBefore is the start of the run of white space that ends at byte
// i of s: i when none does.
func spacesBefore(s string, i int) int {
	for i > 0 {
		if c := s[i-1]; c < utf8.RuneSelf {
			if !asciiSpace[c] {
				break
			}
			i--
			continue
		}
		space, size := runeBefore(s, i)
		if !space {
			break
		}
		i -= size
	}
	return i
}

// fieldEnd is the end of the run of runes that are not white space at
// byte i of s.
func fieldEnd(s string, i int) int {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if asciiSpace[c] {
				break
			}
			i++
			continue
		}
		space, size := runeAt(s, i)
		if space {
			break
		}
		i += size
	}
	return i
}

// prevField is the span of the last field that ends at or before byte to
// of s; a == b when there is none. It is one function, not a walk back
// over white space and one over the field, to spare LastField a call.
func prevField(s string, to int) (a, b int) {
	// spacesBefore(s, to), written out: LastField runs it so often that
	// the call costs.
	b = to
	for b > 0 {
		if c := s[b-1]; c < utf8.RuneSelf {
			if !asciiSpace[c] {
				break
			}
			b--
			continue
		}
		space, size := runeBefore(s, b)
		if !space {
			break
		}
		b -= size
	}
	a = b
	for a > 0 {
		// Eight ASCII bytes at a time: the last space among them, if any,
		// is where the field starts.
		if a >= 8 {
			if w := load8(s, a-8); w&(lowBits<<7) == 0 {
				if spaces := asciiSpaces(w); spaces != 0 {
					return a - bits.LeadingZeros64(spaces)/8, b
				}
				a -= 8
				continue
			}
		}
		if c := s[a-1]; c < utf8.RuneSelf {
			if asciiSpace[c] {
				break
			}
			a--
			continue
		}
		space, size := runeBefore(s, a)
		if space {
			break
		}
		a -= size
	}
	return a, b
}

// runeAt tells whether the rune at byte i of s is white space, and its size.
func runeAt(s string, i int) (space bool, size int) {
	if c := s[i]; c < utf8.RuneSelf {
		return asciiSpace[c], 1
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r), size
}

// runeBefore tells whether the rune that ends at byte i of s is white
// space, and its size.
func runeBefore(s string, i int) (space bool, size int) {
	if c := s[i-1]; c < utf8.RuneSelf {
		return asciiSpace[c], 1
	}
	r, size := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsSpace(r), size
}

// asciiSpace is unicode.IsSpace for ASCII.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// FieldsAtMost reports whether len(strings.Fields(s)) <= n.
func FieldsAtMost(s string, n int) bool {
	fields, afterSpace := 0, true
	for i := 0; i < len(s); {
		// Eight ASCII bytes at a time: a field starts at each byte that
		// is no space and follows one.
		if i+8 <= len(s) {
			if w := load8(s, i); w&(lowBits<<7) == 0 {
				spaces := asciiSpaces(w)
				before := spaces << 8
				if afterSpace {
					before |= 0x80
				}
				if fields += bits.OnesCount64(before &^ spaces); fields > n {
					return false
				}
				afterSpace = spaces>>63 != 0
				i += 8
				continue
			}
		}
		// Else a rune at a time, an ASCII one looked up in place: the
		// texts asked about are mostly short gaps, shorter than a word
		// of eight bytes.
		var space bool
		size := 1
		if c := s[i]; c < utf8.RuneSelf {
			space = asciiSpace[c]
		} else {
			space, size = runeAt(s, i)
		}
		if !space && afterSpace {
			if fields++; fields > n {
				return false
			}
		}
		i, afterSpace = i+size, space
	}
	return true
}

// LowerIs reports whether strings.ToLower(w) == lower, for lower in ASCII.
// It is inlined, to turn down the words shorter than lower without a call.
func LowerIs(w, lower string) bool {
	// Each rune of w lowers to one rune of lower, so w is no shorter.
	return len(w) >= len(lower) && lowerIs(w, lower)
}

// lowerIs is LowerIs for a w no shorter than lower.
func lowerIs(w, lower string) bool {
	// Most words the rules ask about differ at their first byte.
	if len(lower) > 0 && w[0] < utf8.RuneSelf && w[0]|0x20 != lower[0]|0x20 {
		return false
	}
	if len(w) == len(lower) {
		// As long only when its runes are all ASCII, so its ASCII case is
		// all there is to fold (a byte beyond ASCII differs from lower's).
		return catalog.EqualFoldASCII(w, lower)
	}
	k := 0
	for _, r := range w {
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
		} else {
			r = unicode.ToLower(r)
		}
		if k == len(lower) || r != rune(lower[k]) {
			return false
		}
		k++
	}
	return k == len(lower)
}
