package annotate

import (
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
		space, size := spaceRuneBefore(s, end)
		if !space {
			break
		}
		end -= size
	}
	start := end
	for start > 0 {
		if c := s[start-1]; c < utf8.RuneSelf {
			if asciiSpace[c] {
				break
			}
			start--
			continue
		}
		space, size := spaceRuneBefore(s, start)
		if space {
			break
		}
		start -= size
	}
	return s[start:end], start
}

// spaceRuneBefore says whether the rune that ends at byte i of s is white
// space to unicode.IsSpace, and gives its size.
func spaceRuneBefore(s string, i int) (space bool, size int) {
	r, size := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsSpace(r), size
}

// asciiSpace is unicode.IsSpace for ASCII.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// FieldsAtMost reports whether len(strings.Fields(s)) <= n.
func FieldsAtMost(s string, n int) bool {
	fields, inField := 0, false
	for i := 0; i < len(s); {
		var space bool
		size := 1
		if c := s[i]; c < utf8.RuneSelf {
			space = asciiSpace[c]
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		if !space && !inField {
			if fields++; fields > n {
				return false
			}
		}
		inField = !space
		i += size
	}
	return true
}

// LowerIs reports whether strings.ToLower(w) == lower, for lower in ASCII.
func LowerIs(w, lower string) bool {
	k := 0
	for _, r := range w {
		if k == len(lower) || unicode.ToLower(r) != rune(lower[k]) {
			return false
		}
		k++
	}
	return k == len(lower)
}
