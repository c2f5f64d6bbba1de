package catalog

import "math/bits"

// startFilter turns away, before any walk of the trie, most pieces of a
// text that begin no name. Most words of a text begin none, and a walk
// that fails at once still costs far more than a multiply and a load.
//
// It tests a piece twice. First: a bit per hash of the key of each first
// piece of a name and of its plural. Then, for the few that pass, most of
// which are words like "the" or "to" that begin some name but not here: a
// bit per hash of the pair of keys of the piece and the piece after it,
// set for the first two pieces of each name (the second also plural), or
// of the first piece with no key after it where a name is that piece alone.
type startFilter struct {
	firsts startBits
	pairs  startBits
}

// startBits is a set of hashes of keys, with false hits.
type startBits struct {
	bits  []uint64
	shift uint // 64 less log2 of the bits' number
}

// newStartBits is a set for n keys, sixteen bits a key so that few keys
// pass by chance.
func newStartBits(n int) startBits {
	b := startBits{shift: 64 - 10}
	for 1<<(64-b.shift) < 16*n {
		b.shift--
	}
	b.bits = make([]uint64, 1<<(64-b.shift)/64)
	return b
}

func (b *startBits) bit(h uint64) (word uint64, bit uint64) {
	h = (h * 0x9e3779b97f4a7c15) >> (b.shift & 63) // masked: a bare shift, untested for 64 or more
	return h >> 6, 1 << (h & 63)
}

func (b *startBits) set(h uint64) {
	w, bit := b.bit(h)
	b.bits[w] |= bit
}

func (b *startBits) has(h uint64) bool {
	w, bit := b.bit(h)
	return b.bits[w]&bit != 0
}

// pairHash mixes the keys of two pieces into one word for startBits; a
// second key of 0 stands for no piece.
func pairHash(first, second uint64) uint64 { return first*0xbf58476d1ce4e5b9 ^ second }

// newStartFilter sets the bits of the root's edges, of the edges from the
// root's children and of their plurals, so that a piece that steps from
// the root, itself or by its singular, finds its first bit set, and its
// pair bit too when a name ends there or the next piece steps on.
func newStartFilter(m *Matcher) startFilter {
	firstKey := map[uint32]uint64{} // of each child of the root
	for _, s := range m.rootEdges.slots {
		if s.child != 0 {
			firstKey[s.child&childIndex] = s.key
		}
	}
	var pairs []uint64
	for _, s := range m.rootEdges.slots {
		// A name of one piece is found by the piece or its plural; a
		// name of more, whose walk steps on, only by the piece itself.
		if s.child&childEndsName != 0 {
			pairs = append(pairs, pairHash(s.key, 0), pairHash(m.pluralKey(s), 0))
		}
	}
	for _, s := range m.edges.slots {
		if s.child == 0 {
			continue
		}
		if first, ok := firstKey[s.parent&^longParent]; ok {
			pairs = append(pairs, pairHash(first, s.key), pairHash(first, m.pluralKey(s)))
		}
	}
	f := startFilter{firsts: newStartBits(2 * m.rootEdges.used), pairs: newStartBits(len(pairs))}
	for _, s := range m.rootEdges.slots {
		if s.child != 0 {
			f.firsts.set(s.key)
			f.firsts.set(m.pluralKey(s))
		}
	}
	for _, h := range pairs {
		f.pairs.set(h)
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
// in a few instructions each. A piece without its key, which appendPieces
// leaves a piece beyond ASCII to make, is let through, and so is one
// before such a piece.
func (f *startFilter) next(pieces []piece, i int) int {
	// A copy of the first set, kept in registers; the pairs, read for a
	// few pieces, are left in memory, where a copy would push the first
	// set's words out of the registers.
	firsts := f.firsts
	for ; i < len(pieces); i++ {
		key := pieces[i].key
		if key != 0 && !firsts.has(key) {
			continue
		}
		// Inside a word, "2C" of "VN2C" starts no name.
		if i > 0 && pieces[i].start == pieces[i-1].end() {
			continue
		}
		if key == 0 || f.pairs.has(pairHash(key, 0)) {
			return i
		}
		if i+1 < len(pieces) {
			if next := pieces[i+1].key; next == 0 || f.pairs.has(pairHash(key, next)) {
				return i
			}
		}
	}
	return i
}

// shortKeyText is the folded piece that a key of at most eight bytes packs.
func shortKeyText(key uint64) string {
	var b []byte
	for ; key != 0; key >>= 8 {
		b = append(b, byte(key))
	}
	return string(b)
}
