package catalog

import (
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// piece is a run of letters or a run of digits of a text, as byte offsets.
// A text has many, so a piece is kept to two words.
type piece struct {
	start int32
	// stop is the end offset, with nonASCIIBit set when the piece holds
	// runes beyond ASCII, which folding may change.
	stop uint32
	// key is the word of the pieceKey of the folded piece, which the edge
	// table is looked up by: made with the piece when it is ASCII, else
	// the first time the matcher needs it; 0 until then (no key is 0 but a
	// rare hash, which is then made again).
	key uint64
}

const nonASCIIBit = 1 << 31

// newPiece is the piece of bytes [start, end).
func newPiece(start, end int, beyondASCII bool) piece {
	p := piece{start: int32(start), stop: uint32(end)}
	if beyondASCII {
		p.stop |= nonASCIIBit
	}
	return p
}

func (p piece) end() int32 { return int32(p.stop &^ nonASCIIBit) }

func (p piece) nonASCII() bool { return p.stop&nonASCIIBit != 0 }

// pieceKey stands for a folded piece in the edge table. A piece of at most
// eight bytes is its own key, packed into a word (its bytes are never
// zero, so its length shows); a longer one has a hash for key, and long
// set, and a look-up that finds it compares the piece itself. The hash's
// low byte is zero, which no piece's first byte is, so the word tells
// long keys from the others (see keyWord).
type pieceKey struct {
	word uint64
	long bool
}

// keyWord is the key whose word is w.
func keyWord(w uint64) pieceKey { return pieceKey{word: w, long: w&0xff == 0} }

// asciiFold folds the bytes of an ASCII piece, letters or digits, to lower
// case when OR-ed into them.
const asciiFold = 0x2020202020202020

// keyOf is the key of the piece of text, or of its singular (the piece
// less its last byte).
func (p *piece) keyOf(text string, singular bool) pieceKey {
	s, start, end, lower := text, int(p.start), int(p.end()), uint64(asciiFold)
	if p.nonASCII() {
		var room [64]byte
		s = string(p.appendFolded(room[:0], text))
		start, end, lower = 0, len(s), 0
	}
	if singular {
		end--
	}
	return keyOf(s, start, end, lower)
}

// appendFolded appends the fold of the piece of text, which holds runes
// beyond ASCII, to room. The callers' room is on the stack, and so is the
// string they make of it, which none keeps: a Latin piece folds without
// allocating.
func (p *piece) appendFolded(room []byte, text string) []byte {
	return appendFoldPiece(room, text[p.start:p.end()])
}

// mayBePlural: the folded piece has more than two bytes and ends in "s".
func (p *piece) mayBePlural(text string) bool {
	w := text[p.start:p.end()]
	if p.nonASCII() {
		var room [64]byte
		w = string(p.appendFolded(room[:0], text))
	}
	return len(w) > 2 && w[len(w)-1]|0x20 == 's'
}

// shortKeyMayBePlural is mayBePlural of a piece by its short key, which
// packs the folded piece: a test in registers, which spares most walks the
// call of singularStep for a word that is no plural.
func shortKeyMayBePlural(key uint64) bool {
	last := (bits.Len64(key) - 1) &^ 7 // the shift of the piece's last byte
	return last >= 16 && byte(key>>last)|0x20 == 's'
}

// keyOf is the key of s[start:end], each byte OR-ed with lower.
func keyOf(s string, start, end int, lower uint64) pieceKey {
	n := end - start
	if n <= 8 {
		return pieceKey{word: loadUpTo8(s, start, end) | lower&lowBytes(n)}
	}
	h := uint64(n)
	for ; start+8 < end; start += 8 {
		h = mixWord(h, load8(s, start)|lower)
	}
	h = mixWord(h, loadUpTo8(s, start, end)|lower&lowBytes(end-start))
	return pieceKey{word: h &^ 0xff, long: true}
}

// twoWordKey is the word of keyOf of n bytes, from 9 to 16, without its
// loop: first is the first eight bytes and last the rest, as keyOf reads
// them (OR-ed with lower, the rest masked).
func twoWordKey(n int, first, last uint64) uint64 {
	return mixWord(mixWord(uint64(n), first), last) &^ 0xff
}

func mixWord(h, w uint64) uint64 {
	h = (h ^ w) * 0x9e3779b97f4a7c15
	return h ^ h>>32
}

// lowBytes has the low n bytes set, for n from 1 to 8: a shift by a
// masked count, which compiles to one instruction where the shift of a
// count that may reach 64 takes a compare and a mask too.
func lowBytes(n int) uint64 {
	return ^uint64(0) >> ((64 - 8*n) & 63)
}

// load8 reads s[i:i+8] as a little-endian word (one load).
func load8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// loadUpTo8 reads s[start:end], at most eight bytes, as a little-endian
// word.
func loadUpTo8(s string, start, end int) uint64 {
	if start+8 <= len(s) {
		return load8(s, start) & lowBytes(end-start)
	}
	var w uint64
	for k := end - 1; k >= start; k-- {
		w = w<<8 | uint64(s[k])
	}
	return w
}

// foldsTo says whether the piece of text, less its last byte when
// singular, folds to f.
func (p *piece) foldsTo(text string, singular bool, f string) bool {
	w := text[p.start:p.end()]
	if p.nonASCII() {
		var room [64]byte
		w = string(p.appendFolded(room[:0], text))
	}
	if singular {
		w = w[:len(w)-1]
	}
	if p.nonASCII() {
		return w == f
	}
	if len(w) != len(f) {
		return false
	}
	if len(w) >= 8 {
		return foldsToWords(w, f) // the long pieces, which only this compare tells apart
	}
	return EqualFoldASCII(w, f)
}

// foldsToWords is EqualFoldASCII of w, ASCII letters or digits, and f, of
// the same length, eight or more, eight bytes at a time (the last eight
// overlap those before): OR-ed with asciiFold, a letter or digit is its
// lower case, as asciiLower makes it.
func foldsToWords(w, f string) bool {
	n := len(w)
	for k := 0; k+8 < n; k += 8 {
		if load8(w, k)|asciiFold != load8(f, k) {
			return false
		}
	}
	return load8(w, n-8)|asciiFold == load8(f, n-8)
}

// appendPieces appends the pieces of text: its longest runs of runes of
// one class, letters or digits. A piece takes five bytes of news text on
// average, which sizes out when it is empty.
func appendPieces(out []piece, text string) []piece {
	if out == nil {
		out = make([]piece, 0, len(text)/5+1)
	}
	for i := 0; uint(i) < uint(len(text)); { // unsigned: no bounds check of text[i]
		class := byteClass[text[i]]
		if class == 0 {
			i++
			continue
		}
		if i < len(text)-7 && len(out) < cap(out) {
			// Most pieces are ASCII and under sixteen bytes, and so is the
			// byte after them: the one or two words read at once hold
			// the piece, its end and its key (see keyOf). Every piece
			// that starts a word is looked up, by more than one matcher,
			// so its key is made at once, while in cache. This path
			// calls nothing, so that the loop keeps what it reads in
			// registers: hence the room in out, tested above, which
			// spares it append's call to grow the slice. A piece beyond
			// ASCII needs no test of its own: its first byte is a stop
			// (see classStops), beyond ASCII, which the test after the
			// piece sends to appendPiece. (i < len(text)-7 is i+8 <= len(text)
			// in the form that spares load8 its bounds check.)
			w := load8(text, i)
			// folded is made on the line of lowestStop's call, which its
			// inlined body then needs no inline mark (an instruction) for.
			stop, folded := lowestStop(w, w|asciiFold, class), w|asciiFold
			key := folded & (stop>>7 - 1) // the bytes before stop; all for none
			// w holds the byte after the piece, at stop: it must be
			// ASCII, else it may be a letter or digit of the piece. The
			// pieces of one word and of two are cut apart, where a path
			// that joined them again tested stop twice.
			if stop != 0 {
				if w&stop == 0 {
					out, i = cutPiece(out, text, i, i+bits.TrailingZeros64(stop)/8, key)
					continue
				}
			} else if i+8 < len(text) {
				// The next eight bytes; or, nearer the end, the last
				// eight shifted down to them, as appendLastPiece reads.
				at := min(i+8, len(text)-8)
				w = load8(text, at) >> ((i + 8 - at) * 8 & 63)
				folded = w | asciiFold
				if stop = lowestStop(w, folded, class); stop != 0 && w&stop == 0 {
					m := bits.TrailingZeros64(stop) / 8
					if m > 0 {
						key = twoWordKey(8+m, key, folded&(stop>>7-1))
					}
					out, i = cutPiece(out, text, i, i+8+m, key)
					continue
				}
			}
		}
		if class != beyondASCII && i+8 > len(text) && len(text) >= 8 {
			out, i = appendLastPiece(out, text, i, class)
			continue
		}
		out, i = appendPiece(out, text, i, class)
	}
	return out
}

// cutPiece appends the ASCII piece of text from start to end, with its
// key, to out, which has room for it, and returns where the next piece may
// begin: past the space or mark after most pieces.
func cutPiece(out []piece, text string, start, end int, key uint64) ([]piece, int) {
	out = out[:len(out)+1]
	out[len(out)-1] = piece{start: int32(start), stop: uint32(end), key: key}
	if end < len(text) && byteClass[text[end]] == 0 {
		end++
	}
	return out, end
}

// appendLastPiece appends the piece that begins at i with a byte of class
// letter or digit, less than eight bytes from the end of text, which is
// eight bytes long at least, and returns where it ends. It reads the last
// eight bytes as one word, as appendPieces reads a piece farther from the
// end: the bytes of the word past the end are zero, of no class, where the
// piece stops (or before).
func appendLastPiece(out []piece, text string, i int, class uint8) ([]piece, int) {
	w := load8(text, len(text)-8) >> ((i + 8 - len(text)) * 8 & 63)
	folded := w | asciiFold
	stop := lowestStop(w, folded, class)
	if w&stop != 0 {
		return appendPiece(out, text, i, class) // a byte beyond ASCII after the piece
	}
	end := i + bits.TrailingZeros64(stop)/8
	return append(out, piece{start: int32(i), stop: uint32(end), key: folded & (stop>>7 - 1)}), end
}

// appendPiece appends any other piece of text, which begins at i with a
// byte of byteClass class, and returns where it ends; or skips the rune at
// i, when that is of no class.
func appendPiece(out []piece, text string, i int, class uint8) ([]piece, int) {
	start, nonASCII := i, class == beyondASCII
	if nonASCII {
		r, size := utf8.DecodeRuneInString(text[i:])
		if class = runeClass(r); class == 0 {
			return out, i + size
		}
		i += size
	} else {
		i++
	}
	for {
		for i < len(text) && byteClass[text[i]] == class {
			i++
		}
		if i == len(text) || text[i] < utf8.RuneSelf {
			break
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if runeClass(r) != class {
			break
		}
		i += size
		nonASCII = true
	}
	p := newPiece(start, i, nonASCII)
	if !nonASCII {
		p.key = keyOf(text, start, i, asciiFold).word
	}
	return append(out, p), i
}

// lowestStop is the high bit of the first byte of w, eight bytes of text
// read as a little-endian word, that is no ASCII letter, or digit, as
// class asks; or 0: a bit at 8n+7 for the byte at n, and so 1<<8n - 1 the
// bytes before it, where a shift by n would need a count register. folded
// is w|asciiFold, which the callers' keys need too.
//
// The bytes are tested all eight at once, where a loop of a byte at a
// time took most of the cutting. A sum below carries into the next byte
// only from a byte beyond ASCII, which is of no class anyway: a stop for
// either test, and so for class beyondASCII, which takes the digits'. One
// function, not two, so that its inlined body costs one inline mark.
func lowestStop(w, folded uint64, class uint8) uint64 {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	// stops has the high bit of each byte set in those out of the class.
	// Each branch masks its own: a mask after them both, which the compiler
	// moved past the negation below, took two instructions more. Letters,
	// the most pieces, come second, where the branch jumps to them.
	var stops uint64
	if class != letter {
		stops = ((w + 0x46*ones) | ^(w + 0x50*ones)) & high // not '0' <= w <= '9'
	} else {
		stops = ((folded + 0x05*ones) | ^(folded + 0x1f*ones)) & high // not 'a' <= lower case <= 'z'
	}
	return stops & -stops
}

// byteClass is runeClass for the ASCII bytes, and beyondASCII for the
// bytes of longer runes.
var byteClass = func() (t [256]uint8) {
	for b := range t {
		t[b] = runeClass(rune(b))
		if b >= utf8.RuneSelf {
			t[b] = beyondASCII
		}
	}
	return t
}()

// Classes of runes.
const (
	letter      uint8 = 1
	digit       uint8 = 2
	beyondASCII uint8 = 3 // in byteClass only: a byte of a rune beyond ASCII
)

// runeClass is letter, digit or 0 for any other rune.
func runeClass(r rune) uint8 {
	switch {
	case r < utf8.RuneSelf:
		switch {
		case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z':
			return letter
		case '0' <= r && r <= '9':
			return digit
		}
		return 0
	case unicode.IsLetter(r), unicode.Is(unicode.Mn, r):
		return letter
	case unicode.IsDigit(r):
		return digit
	}
	return 0
}
