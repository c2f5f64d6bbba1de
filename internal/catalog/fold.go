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

// SameFold reports whether Fold(a) == Fold(b), without folding ASCII
// strings.
func SameFold(a, b string) bool {
	if a == b {
		return true // most callers compare a designation with itself
	}
	i, j := 0, 0
	for {
		for i < len(a) && foldedASCII[a[i]] == 0 {
			i++
		}
		for j < len(b) && foldedASCII[b[j]] == 0 {
			j++
		}
		switch {
		case i == len(a) && j == len(b):
			return true
		case i == len(a) && b[j] < utf8.RuneSelf, j == len(b) && a[i] < utf8.RuneSelf:
			// One has ended where the other goes on with a letter or
			// digit ("F-16" and "F-16V"): no need to fold the rest.
			return false
		case i == len(a) || j == len(b) || a[i] >= utf8.RuneSelf || b[j] >= utf8.RuneSelf:
			// What is left may fold to nothing, or hold runes beyond
			// ASCII: folded on the stack when they are Latin.
			var roomA, roomB [64]byte
			foldA, okA := appendFoldLatinName(roomA[:0], a[i:])
			foldB, okB := appendFoldLatinName(roomB[:0], b[j:])
			if okA && okB {
				return string(foldA) == string(foldB)
			}
			return Fold(a[i:]) == Fold(b[j:])
		}
		if foldedASCII[a[i]] != foldedASCII[b[j]] {
			return false
		}
		i, j = i+1, j+1
	}
}

// foldedASCII is what Fold keeps of each ASCII byte, lower-cased, or 0;
// the bytes beyond ASCII map to themselves, for SameFold to stop at.
var foldedASCII = func() (t [256]byte) {
	for c := range 256 {
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c >= utf8.RuneSelf:
			t[c] = byte(c)
		case 'A' <= c && c <= 'Z':
			t[c] = byte(c + 'a' - 'A')
		}
	}
	return t
}()

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
	if f, ok := foldLatin(s); ok {
		return f
	}
	return foldPieceSlow(s)
}

// foldPieceSlow is foldPiece of any run of letters or digits.
func foldPieceSlow(s string) string {
	var b strings.Builder
	foldInto(&b, s, false)
	return b.String()
}

// Latin letters beyond ASCII, from À to the end of Latin Extended-B, fold
// a rune at a time: each decomposes into a letter and combining marks,
// which folding drops, so their order, which is all that decomposing a
// string rather than a rune can change, does not matter.
const (
	latinLow  = 0xc0
	latinHigh = 0x24f
)

// latinFolds[r-latinLow] is the fold of rune r.
var latinFolds = func() (t [latinHigh - latinLow + 1]string) {
	for r := rune(latinLow); r <= latinHigh; r++ {
		t[r-latinLow] = foldPieceSlow(string(r))
	}
	return t
}()

// foldLatin is foldPiece of s when s holds no rune beyond ASCII but Latin
// letters (see latinFolds); ok is false for others.
func foldLatin(s string) (folded string, ok bool) {
	var buf [64]byte
	out, ok := appendFoldLatin(buf[:0], s)
	return string(out), ok
}

// appendFoldLatin appends foldLatin of s to dst.
func appendFoldLatin(dst []byte, s string) ([]byte, bool) {
	for _, r := range s {
		switch {
		case 'A' <= r && r <= 'Z':
			dst = append(dst, byte(r)+'a'-'A')
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			dst = append(dst, byte(r))
		case latinLow <= r && r <= latinHigh:
			dst = append(dst, latinFolds[r-latinLow]...)
		default:
			return dst, false
		}
	}
	return dst, true
}

// appendFoldLatinName appends Fold of s to dst when s holds no rune beyond
// ASCII but Latin ones (see latinFolds): those fold as in a piece, less
// the letters beyond ASCII that Fold drops ("ð"). ok is false for others.
func appendFoldLatinName(dst []byte, s string) ([]byte, bool) {
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if c := foldedASCII[r]; c != 0 {
				dst = append(dst, c)
			}
		case latinLow <= r && r <= latinHigh:
			folded := latinFolds[r-latinLow]
			for k := 0; k < len(folded); k++ {
				if folded[k] < utf8.RuneSelf {
					dst = append(dst, folded[k])
				}
			}
		default:
			return dst, false
		}
	}
	return dst, true
}

// appendFoldPiece appends foldPiece of s, a run beyond ASCII, to dst: a
// caller with room for it on the stack folds a Latin run without
// allocating, where foldPiece makes a string.
func appendFoldPiece(dst []byte, s string) []byte {
	if out, ok := appendFoldLatin(dst, s); ok {
		return out
	}
	return append(dst, foldPieceSlow(s)...) // over what the Latin fold left
}

func foldInto(b *strings.Builder, s string, dropOther bool) {
	if !IsASCII(s) {
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

// EqualFoldASCII compares w with lower-case l of the same length, ignoring
// ASCII case.
func EqualFoldASCII(w, l string) bool {
	for k := range len(l) {
		if asciiLower[w[k]] != l[k] {
			return false
		}
	}
	return true
}

// asciiLower is each byte with the ASCII capitals lowered, for
// EqualFoldASCII: a load in place of two compares and an add.
var asciiLower = func() (t [256]byte) {
	for c := range 256 {
		t[c] = byte(c)
		if 'A' <= c && c <= 'Z' {
			t[c] += 'a' - 'A'
		}
	}
	return t
}()

// IsASCII: s holds no byte beyond ASCII.
func IsASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// ContainsFoldASCII reports whether text holds word (lower-case ASCII) in
// any ASCII case. It looks only where word's byte at stands, as it is or
// as a capital, which strings.IndexByte finds reading many bytes at once:
// pick at for a letter rare in text (the b of "batch").
func ContainsFoldASCII(text, word string, at int) bool {
	c := word[at]
	return ContainsFoldASCIIWith(text, word, at, c) || 'a' <= c && c <= 'z' && ContainsFoldASCIIWith(text, word, at, c-'a'+'A')
}

// ContainsFoldASCIIWith is ContainsFoldASCII for only the places where
// text has the byte c at word's byte at: with c the capital of word's
// first letter, it looks for word capitalised.
func ContainsFoldASCIIWith(text, word string, at int, c byte) bool {
	for from := at; from < len(text); {
		k := strings.IndexByte(text[from:], c)
		if k < 0 {
			return false
		}
		if start := from + k - at; len(word) <= len(text)-start && EqualFoldASCII(text[start:start+len(word)], word) {
			return true
		}
		from += k + 1
	}
	return false
}
