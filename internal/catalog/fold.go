package catalog

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// undecomposable letters have no accent to strip under NFD.
var undecomposable = strings.NewReplacer("ł", "l", "Ł", "L", "ø", "o", "Ø", "O", "đ", "d", "Đ", "D",
	"ß", "ss", "æ", "ae", "Æ", "AE", "œ", "oe", "Œ", "OE", "ı", "i")

// Fold reduces a name to lowercase ASCII letters and digits, without accents
// or punctuation, the way the evaluation compares names: "VN-2C" and "vn2c",
// "Goïta" and "GOITA" fold alike.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	foldInto(&b, s, true)
	return b.String()
}

// foldPiece folds one run of letters or digits; it keeps non-ASCII letters
// that have no ASCII form so that such names still match themselves.
func foldPiece(s string) string {
	ascii := true
	lower := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if 'A' <= c && c <= 'Z' {
			lower = false
		}
	}
	if ascii {
		if lower {
			return s
		}
		return strings.ToLower(s)
	}
	var b strings.Builder
	foldInto(&b, s, false)
	return b.String()
}

func foldInto(b *strings.Builder, s string, dropOther bool) {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if !ascii {
		s = norm.NFD.String(undecomposable.Replace(s))
	}
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9'):
			b.WriteRune(r)
		case 'A' <= r && r <= 'Z':
			b.WriteRune(r + 'a' - 'A')
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if !dropOther || r < utf8.RuneSelf {
				b.WriteRune(unicode.ToLower(r))
			}
		}
	}
}
