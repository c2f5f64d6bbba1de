package annotate

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The rules read the words around a mention many times a sentence; these
// helpers answer what strings.Fields and strings.ToLower would tell without
// making the strings.

// LastField is the last of strings.Fields(s) and where it starts; "" if
// there is none.
func LastField(s string) (string, int) {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	at := 0
	if i := strings.LastIndexFunc(s, unicode.IsSpace); i >= 0 {
		_, n := utf8.DecodeRuneInString(s[i:])
		at = i + n
	}
	return s[at:], at
}

// FieldsAtMost reports whether len(strings.Fields(s)) <= n.
func FieldsAtMost(s string, n int) bool {
	fields, inField := 0, false
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		space := unicode.IsSpace(r)
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
