package extract

import (
	"encoding/binary"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-osint/dossier/internal/annotate"
	"github.com/dossier-osint/dossier/internal/catalog"
)

// The rules test the word before a phrase against lists of words many
// times a sentence. These helpers answer what annotate.LastField and
// annotate.LowerIs would, turning most words away at their last or
// first byte.

// lastWordIn is the one of words (lower-case ASCII letters, none empty)
// that annotate.LastField(text) lowers to, and where it starts; "" and -1
// if none.
func lastWordIn(text string, words ...string) (string, int) {
	end := len(text)
	for end > 0 && asciiSpace[text[end-1]] {
		end--
	}
	if end == 0 {
		return "", -1
	}
	last := text[end-1]
	if last >= utf8.RuneSelf {
		if r, _ := utf8.DecodeLastRuneInString(text[:end]); !unicode.IsSpace(r) && unicode.ToLower(r) >= utf8.RuneSelf {
			return "", -1 // the word ends in a rune that lowers into none of words
		}
		return lastWordInRunes(text, words)
	}
	for _, w := range words {
		if last|0x20 != w[len(w)-1] {
			continue // as endsInWord would tell, of most words
		}
		switch endsInWord(text[:end], w) {
		case wordFound:
			return w, end - len(w)
		case wordUnsure:
			return lastWordInRunes(text, words)
		}
	}
	return "", -1
}

// lastWordInRunes is lastWordIn for a text whose last word or the white
// space around it reaches beyond ASCII.
func lastWordInRunes(text string, words []string) (string, int) {
	last, start := annotate.LastField(text)
	for _, w := range words {
		if annotate.LowerIs(last, w) {
			return w, start
		}
	}
	return "", -1
}

// wordEnding tells whether a text ends in a word.
type wordEnding int

const (
	wordNotFound wordEnding = iota
	wordFound
	wordUnsure // a byte beyond ASCII stands where it counts
)

// endsInWord tells whether text, ending in no ASCII white space, has w
// (lower-case ASCII letters) for its last word, in any case. Read from the
// end, an ASCII byte that does not fit tells it has not; a byte beyond
// ASCII may be white space, or a rune (İ, the Kelvin sign) that lowers
// into w, so it leaves the answer to annotate.LastField and
// annotate.LowerIs.
func endsInWord(text, w string) wordEnding {
	if len(text) < len(w) {
		return wordNotFound // its words are shorter in runes too
	}
	at := len(text) - len(w)
	for k := len(w) - 1; k >= 0; k-- {
		// For a letter, c|0x20 is its lower case: only it and its upper case fit.
		if c := text[at+k]; c|0x20 != w[k] {
			if c >= utf8.RuneSelf {
				return wordUnsure
			}
			return wordNotFound
		}
	}
	switch {
	case at == 0 || asciiSpace[text[at-1]]:
		return wordFound
	case text[at-1] >= utf8.RuneSelf:
		return wordUnsure
	}
	return wordNotFound // a longer word
}

// lastFieldMayEndWith: the last field of text (annotate.LastField) may
// end with one of ends (lower-case ASCII letters) in either case, as far
// as its last ASCII bytes tell: only a letter and its upper case lower
// into it, and a byte beyond ASCII among them leaves it unsure (true), as
// it may lower into a letter (İ into i, the Kelvin sign into k).
func lastFieldMayEndWith(text string, ends ...string) bool {
	end := len(text)
	for end > 0 && asciiSpace[text[end-1]] {
		end--
	}
	for _, e := range ends {
		k := len(e) - 1
		for ; k >= 0 && end-len(e)+k >= 0; k-- {
			c := text[end-len(e)+k]
			if c >= utf8.RuneSelf {
				return true
			}
			if c|0x20 != e[k] {
				break
			}
		}
		if k < 0 {
			return true
		}
	}
	return false
}

// asciiSpace holds the ASCII bytes that unicode.IsSpace calls space.
var asciiSpace = byteSetOf("\t\n\v\f\r ")

// lowerIsAny is annotate.LowerIs(w, word) for one of words (lower-case
// ASCII, none empty); the first bytes, compared here, turn most words away
// without a call.
func lowerIsAny(w string, words ...string) bool {
	for _, d := range words {
		if len(w) >= len(d) && (w[0] >= utf8.RuneSelf || w[0]|0x20 == d[0]) && annotate.LowerIs(w, d) {
			return true
		}
	}
	return false
}

// plainWord: every rune of w, lowered, is a letter, a digit or a hyphen;
// strings.IndexFunc(w, notWordRune) < 0, read from a table over ASCII.
func plainWord(w string) bool {
	for k := 0; k < len(w); k++ {
		if w[k] >= utf8.RuneSelf {
			return strings.IndexFunc(w[k:], notWordRune) < 0
		}
		if !plainASCII[w[k]] {
			return false
		}
	}
	return true
}

// plainASCII holds the ASCII letters, digits and hyphen.
var plainASCII = byteSetOf("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")

// anchoredWords are words (lower-case ASCII, each opening on a letter)
// that all hold one letter rare in text, by which to find them.
type anchoredWords struct {
	letter byte
	words  []string
	places []int // where letter stands in each word
}

// anchorWords are words found by letter.
func anchorWords(letter byte, words ...string) *anchoredWords {
	a := &anchoredWords{letter: letter, words: words}
	for _, w := range words {
		if w == "" || w[0] < 'a' || w[0] > 'z' || strings.IndexByte(w, letter) < 0 {
			panic("anchorWords: " + w + " does not open on a letter and hold " + string(letter)) // a rule's constant
		}
		a.places = append(a.places, strings.IndexByte(w, letter))
	}
	return a
}

// heldIn says whether text holds one of the words in any ASCII case,
// looking only where their letter stands, which strings.IndexByte finds
// reading many bytes at once: faster than searchFoldASCII, which reads
// each byte.
func (a *anchoredWords) heldIn(text string) bool {
	for _, c := range [2]byte{a.letter, a.letter - ('a' - 'A')} {
		for from := 0; from < len(text); {
			k := strings.IndexByte(text[from:], c)
			if k < 0 {
				break
			}
			k += from
			if a.at(text, k) {
				return true
			}
			from = k + 1
		}
	}
	return false
}

// at says whether one of the words stands in text, in any ASCII case,
// with its letter at byte k.
func (a *anchoredWords) at(text string, k int) bool {
	for j, w := range a.words {
		// The first letter, compared here, turns most places away without a call.
		if start := k - a.places[j]; start >= 0 && len(w) <= len(text)-start && text[start]|0x20 == w[0] &&
			catalog.EqualFoldASCII(text[start:start+len(w)], w) {
			return true
		}
	}
	return false
}

// holdsLetter says whether text holds the ASCII letter c (lower case, not
// i or k) in either case, as strings.ToLower(text) must to hold any word
// with c: no rune beyond ASCII lowers into it (only İ and the Kelvin sign
// lower into ASCII, into an i and a k). Two calls of strings.IndexByte
// read many bytes at once, where a search for the word reads each.
func holdsLetter(text string, c byte) bool {
	return strings.IndexByte(text, c) >= 0 || strings.IndexByte(text, c-('a'-'A')) >= 0
}

// loweredRoom is as long as a word that lowered writes in place may be;
// every word the switches it serves name is shorter.
const loweredRoom = 16

// lowered is strings.ToLower(w) as bytes, written into room when w is
// short ASCII. A `switch string(lowered(&room, w))` then allocates
// nothing (the compiler compares a switch's converted bytes in place),
// where `switch strings.ToLower(w)` copies every capitalised word. Other
// words take strings.ToLower itself, so Unicode lowers exactly as before.
func lowered(room *[loweredRoom]byte, w string) []byte {
	if len(w) > len(room) {
		return []byte(strings.ToLower(w))
	}
	b := room[:len(w)]
	switch {
	case len(w) >= 8:
		// Two words of 8 bytes, which overlap where w is shorter than 16,
		// lower all of it a word at a time.
		head, tail := load8(w, 0), load8(w, len(w)-8)
		if (head|tail)&(0x80*lowBits) != 0 {
			return []byte(strings.ToLower(w))
		}
		binary.LittleEndian.PutUint64(b, lowerASCII8(head))
		binary.LittleEndian.PutUint64(b[len(w)-8:], lowerASCII8(tail))
		return b
	case len(w) >= 4:
		// Two halves of 4 bytes, which overlap where w is shorter than 8,
		// lowered in one word.
		halves := uint64(load4(w, 0)) | uint64(load4(w, len(w)-4))<<32
		if halves&(0x80*lowBits) != 0 {
			return []byte(strings.ToLower(w))
		}
		halves = lowerASCII8(halves)
		binary.LittleEndian.PutUint32(b, uint32(halves))
		binary.LittleEndian.PutUint32(b[len(w)-4:], uint32(halves>>32))
		return b
	}
	// One pass lowers each byte through a table and gathers their high
	// bits, which tell afterwards whether w was ASCII.
	var high byte
	for i := range len(w) {
		c := w[i]
		high |= c
		b[i] = asciiLowered[c]
	}
	if high >= utf8.RuneSelf {
		return []byte(strings.ToLower(w))
	}
	return b
}

// lowerASCII8 lowers the capitals of w, whose bytes are all ASCII: adding
// to each byte sets its high bit from A, or past Z, and carries into no
// other byte, so the bits differ just from A to Z, and two bits down is
// each capital's 0x20.
func lowerASCII8(w uint64) uint64 {
	fromA := w + (0x80-'A')*lowBits
	pastZ := w + (0x80-'Z'-1)*lowBits
	return w | ((fromA^pastZ)&(0x80*lowBits))>>2
}

// load4 reads s[i:i+4] as a little-endian word (one load).
func load4(s string, i int) uint32 {
	s = s[i : i+4]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// asciiLowered is each ASCII byte lowered (bytes beyond ASCII as they
// are).
var asciiLowered = func() (t [256]byte) {
	for c := range t {
		t[c] = byte(c)
		if 'A' <= c && c <= 'Z' {
			t[c] += 'a' - 'A'
		}
	}
	return t
}()
