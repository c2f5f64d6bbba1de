package catalog

import "math/bits"

// startFilter turns away, before any walk of the trie, most pieces of a
// text that begin no name. Most words of a text begin none, and a walk
// that fails at once still costs far more than a multiply and a load.
//
// It tests a piece twice. First: a bit per hash of the key of each first
// piece of a name and of its plural. Then, for the few that pass, most of
// which are words like "the" or "to" that begin some name but not here:
// the bit of the same hash in the set of the pieces that are a name alone
// (themselves or plural), else a bit per hash of the pair of keys of the
// piece and the piece after it, set for the first two pieces of each name
// (the second also plural).
//
// The sets are of sizes fixed for all matchers: a constant shift and an
// index the compiler knows to be in bounds keep the test of most pieces
// to a few instructions. 2^18 bits give the catalog's some 12,000 first
// keys twenty bits each, and 2^19 its 30,000 pairs sixteen.
type startFilter struct {
	firsts, alone keyBits
	pairs         pairBits
	// mixer is keyMixer, which next reads from here once into a register:
	// a constant, the compiler loaded again for each piece.
	mixer uint64
}

type (
	keyBits  [1 << (keyBitsLog - 6)]uint64
	pairBits [1 << (pairBitsLog - 6)]uint64
)

const (
	keyBitsLog  = 18
	pairBitsLog = 19
)

// keyMixer is the multiplier of the hash of a key, whose top bits index a
// keyBits. It serves the pairs' hash too, which keeps next's loop to one
// multiplier.
const keyMixer = 0x9e3779b97f4a7c15

// keyIndex is the index of the bit of a key in a keyBits; mixer is
// keyMixer.
func keyIndex(key, mixer uint64) uint64 { return key * mixer >> (64 - keyBitsLog) }

// keyBit is the word and bit in a keyBits of the bit at index.
func keyBit(index uint64) (word uint64, bit uint64) {
	return index >> 6, 1 << (index & 63)
}

// pairBit is the word and bit in a pairBits of the pair of keys of two
// pieces, the first by its keyIndex, which next has at hand (its mix, in
// place of the index, would cost next a register copy on every piece).
func pairBit(firstIndex, second, mixer uint64) (word uint64, bit uint64) {
	h := (firstIndex ^ second*mixer) * mixer >> (64 - pairBitsLog)
	return h >> 6, 1 << (h & 63)
}

func (b *keyBits) set(key uint64) {
	w, bit := keyBit(keyIndex(key, keyMixer))
	b[w] |= bit
}

func (b *pairBits) set(first, second uint64) {
	w, bit := pairBit(keyIndex(first, keyMixer), second, keyMixer)
	b[w] |= bit
}

// newStartFilter sets the bits of the root's edges, of the edges from the
// root's children and of their plurals, so that a piece that steps from
// the root, itself or by its singular, finds its first bit set, and its
// alone or pair bit too when a name ends there or the next piece steps on.
func newStartFilter(m *Matcher) *startFilter {
	f := &startFilter{mixer: keyMixer}
	// A piece without its key, 0, is let through (see next).
	f.firsts.set(0)
	f.alone.set(0)
	firstKey := map[uint32]uint64{} // of each child of the root
	for _, s := range m.rootEdges.slots {
		if s.child == 0 {
			continue
		}
		firstKey[s.child&childIndex] = s.key
		f.firsts.set(s.key)
		f.firsts.set(m.pluralKey(s))
		// A name of one piece is found by the piece or its plural; a
		// name of more, whose walk steps on, only by the piece itself.
		if s.child&childEndsName != 0 {
			f.alone.set(s.key)
			f.alone.set(m.pluralKey(s))
		}
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
// in a few instructions each; the alone test reads the first test's word
// and bit in its own set. A piece without its key, which appendPieces
// leaves a piece beyond ASCII to make, is let through (its key, 0, is
// alone), and so is one before such a piece.
func (f *startFilter) next(pieces []piece, i int) int {
	firsts, alone, pairs, mixer := &f.firsts, &f.alone, &f.pairs, f.mixer // one nil check, of f
	// The unsigned compare, and >= below, spare the loop its bounds checks.
	for ; uint(i) < uint(len(pieces)); i++ {
		// The key is read on the line of keyBit's call, whose inlined body
		// then needs no inline mark (a no-op instruction) of its own.
		w, bit := keyBit(keyIndex(pieces[i].key, mixer))
		if firsts[w]&bit == 0 {
			continue
		}
		if alone[w]&bit == 0 {
			if i+1 >= len(pieces) {
				break
			}
			next := pieces[i+1].key
			if w, bit := pairBit(keyIndex(pieces[i].key, mixer), next, mixer); pairs[w]&bit == 0 && next != 0 {
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
