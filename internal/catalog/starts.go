package catalog

import "math/bits"

// startFilter turns away, before any walk of the trie, most pieces of a
// text that begin no name. Most words of a text begin none, and a walk
// that fails at once still costs far more than a multiply and a load.
//
// It tests a piece twice. First: a byte per hash of the key of each first
// piece of a name and of its plural, which says whether any begins a name
// and whether any is a name alone (itself or plural). Then, for the few
// that pass but are no name alone, most of which are words like "the" or
// "to" that begin some name but not here: a bit per hash of the pair of
// keys of the piece and the piece after it, set for the first two pieces
// of each name (the second also plural).
//
// The tables are of sizes fixed for all matchers: a constant shift and an
// index the compiler knows to be in bounds keep the test of most pieces
// to a few instructions. A byte, not a bit, for each first hash spares
// each piece the split of its hash into a word and a bit (two shifts and
// a bit test): 2^18 of them give the catalog's some 12,000 first keys
// twenty each, and 2^19 bits its 30,000 pairs sixteen.
type startFilter struct {
	firsts keyBytes
	pairs  pairBits
	// mixer is keyMixer, which next reads from here once into a register:
	// a constant, the compiler loaded again for each piece.
	mixer uint64
}

type (
	keyBytes [1 << keyBytesLog]uint8
	pairBits [1 << (pairBitsLog - 6)]uint64
)

// What a byte of keyBytes says of the keys of its hash.
const (
	beginsName uint8 = 1 << iota // some key begins a name
	nameAlone                    // some key is a name alone, itself or plural
)

const (
	keyBytesLog = 18
	pairBitsLog = 19
)

// keyMixer is the multiplier of the hash of a key, whose top bits index a
// keyBytes. It serves the pairs' hash too, which keeps next's loop to one
// multiplier.
const keyMixer = 0x9e3779b97f4a7c15

// keyIndex is the index of the byte of a key in a keyBytes; mixer is
// keyMixer.
func keyIndex(key, mixer uint64) uint64 { return key * mixer >> (64 - keyBytesLog) }

// pairBit is the word and bit in a pairBits of the pair of keys of two
// pieces, the first by its keyIndex, which next has at hand (its mix, in
// place of the index, would cost next a register copy on every piece).
func pairBit(firstIndex, second, mixer uint64) (word uint64, bit uint64) {
	h := (firstIndex ^ second*mixer) * mixer >> (64 - pairBitsLog)
	return h >> 6, 1 << (h & 63)
}

func (b *keyBytes) set(key uint64, flags uint8) {
	b[keyIndex(key, keyMixer)] |= flags
}

func (b *pairBits) set(first, second uint64) {
	w, bit := pairBit(keyIndex(first, keyMixer), second, keyMixer)
	b[w] |= bit
}

// newStartFilter sets the bits of the root's edges, of the edges from the
// root's children and of their plurals, so that a piece that steps from
// the root, itself or by its singular, finds its byte's beginsName flag
// set, and its nameAlone flag or its pair bit too when a name ends there
// or the next piece steps on.
func newStartFilter(m *Matcher) *startFilter {
	f := &startFilter{mixer: keyMixer}
	// A piece without its key, 0, is let through (see next).
	f.firsts.set(0, beginsName|nameAlone)
	firstKey := map[uint32]uint64{} // of each child of the root
	for _, s := range m.rootEdges.slots {
		if s.child == 0 {
			continue
		}
		firstKey[s.child&childIndex] = s.key
		// A name of one piece is found by the piece or its plural; a
		// name of more, whose walk steps on, only by the piece itself.
		flags := beginsName
		if s.child&childEndsName != 0 {
			flags |= nameAlone
		}
		f.firsts.set(s.key, flags)
		f.firsts.set(m.pluralKey(s), flags)
	}
	for _, s := range m.edges.slots {
		if s.child == 0 {
			continue
		}
		if first, ok := firstKey[s.parent&^longParent]; ok {
			f.pairs.set(first, s.key)
			f.pairs.set(first, m.pluralKey(s))
		}
	}
	return f
}

// pluralKey is the key of the plural of the piece of edge s: that of the
// folded piece with an "s" after it, which a text's piece that folds to it
// has too.
func (m *Matcher) pluralKey(s edgeSlot) uint64 {
	folded := m.pieceOf(s.child & childIndex)
	if s.parent&longParent == 0 {
		if n := bits.Len64(s.key); n <= 56 {
			return s.key | 's'<<((n+7)/8*8) // the bytes of a short key are never 0
		}
		folded = shortKeyText(s.key)
	}
	plural := folded + "s"
	return keyOf(plural, 0, len(plural), 0).word
}

// next is the first piece from i on that may begin a name. Most pieces
// fail the first test, and this loop, which calls nothing, turns them away
// in a few instructions each; the alone test reads the first test's byte.
// A piece without its key, which appendPieces leaves a piece beyond ASCII
// to make, is let through (its key, 0, is alone), and so is one before
// such a piece.
func (f *startFilter) next(pieces []piece, i int) int {
	firsts, pairs, mixer := &f.firsts, &f.pairs, f.mixer // one nil check, of f
	// The unsigned compare, and >= below, spare the loop its bounds checks.
	for ; uint(i) < uint(len(pieces)); i++ {
		index := keyIndex(pieces[i].key, mixer)
		flags := firsts[index]
		if flags == 0 {
			continue
		}
		if flags&nameAlone == 0 {
			if i+1 >= len(pieces) {
				break
			}
			next := pieces[i+1].key
			if w, bit := pairBit(index, next, mixer); pairs[w]&bit == 0 && next != 0 {
				continue
			}
		}
		// Inside a word, "2C" of "VN2C" starts no name.
		if i == 0 || pieces[i].start != pieces[i-1].end() {
			return i
		}
	}
	return len(pieces)
}

// shortKeyText is the folded piece that a key of at most eight bytes packs.
func shortKeyText(key uint64) string {
	var b []byte
	for ; key != 0; key >>= 8 {
		b = append(b, byte(key))
	}
	return string(b)
}
