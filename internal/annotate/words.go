package annotate

import (
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// The rules read the words around a mention many times a sentence; these
// helpers answer what strings.Fields and strings.ToLower would tell without
// making the strings.

// LastField is the last of strings.Fields(s) and where it starts; "" if
// there is none.
func LastField(s string) (string, int) {
	end := len(s)
	for end > 0 {
		if c := s[end-1]; c < utf8.RuneSelf {
			if !asciiSpace[c] {
				break
			}
			end--
			continue
		}
		space, size := runeBefore(s, end)
		if !space {
			break
		}
		end -= size
	}
	start := end
	for start > 0 {
		// Where the word starts is found eight ASCII bytes at a time.
		if start >= 8 {
			if w := load8(s, start-8); w&(lowBits<<7) == 0 {
				if spaces := asciiSpaces(w); spaces != 0 {
					start -= bits.LeadingZeros64(spaces) / 8
					break
				}
				start -= 8
				continue
			}
		}
		if c := s[start-1]; c < utf8.RuneSelf {
			if asciiSpace[c] {
				break
			}
			start--
			continue
		}
		space, size := runeBefore(s, start)
		if space {
			break
		}
		start -= size
	}
	return s[start:end], start
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
		space, size := false, 1
		if c := s[i]; c < utf8.RuneSelf { // ASCII without a call
			space = asciiSpace[c]
		} else {
			space, size = runeAt(s, i)
		}
		if !space && afterSpace {
			if fields++; fields > n {
				return false
			}
		}
		afterSpace = space
		i += size
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
		// As long only when its runes are all ASCII, lowered a byte at a time.
		for k := range len(w) {
			c := w[k]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != lower[k] || c >= utf8.RuneSelf {
				return false
			}
		}
		return true
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
