package catalog

// startFilter turns away, before any walk of the trie, most pieces of a
// text that begin no name: a bit per hash of the key of each first piece
// of a name and of its plural. Most words of a text begin none, and a walk
// that fails at once still costs far more than a multiply and a load.
type startFilter struct {
	bits  []uint64
	shift uint // 64 less log2 of the bits' number
}

// newStartFilter sets the bits of the root's edges and of their plurals,
// so that a piece that steps from the root, itself or by its singular,
// finds its bit set.
func newStartFilter(m *Matcher) startFilter {
	f := startFilter{shift: 64 - 10}
	// Sixteen bits a key, two keys an edge: few pieces pass by chance.
	for 1<<(64-f.shift) < 32*m.rootEdges.used {
		f.shift--
	}
	f.bits = make([]uint64, 1<<(64-f.shift)/64)
	for _, s := range m.rootEdges.slots {
		if s.child == 0 {
			continue
		}
		f.set(s.key)
		// A plural's key is that of the folded piece with an "s" after
		// it, which a text's piece that folds to it has too.
		folded := m.pieceOf(s.child & childIndex)
		if s.parent&longParent == 0 {
			folded = shortKeyText(s.key)
		}
		plural := folded + "s"
		f.set(keyOf(plural, 0, len(plural), 0).word)
	}
	return f
}

func (f *startFilter) bit(key uint64) (word uint64, bit uint64) {
	h := (key * 0x9e3779b97f4a7c15) >> (f.shift & 63) // masked: a bare shift, untested for 64 or more
	return h >> 6, 1 << (h & 63)
}

func (f *startFilter) set(key uint64) {
	w, b := f.bit(key)
	f.bits[w] |= b
}

// mayStart is false when piece p begins no name, true when it may. A
// piece without its key, which appendPieces leaves a piece beyond ASCII
// to make, is let through.
func (f *startFilter) mayStart(p *piece) bool {
	if p.key == 0 {
		return true
	}
	w, b := f.bit(p.key)
	return f.bits[w]&b != 0
}

// shortKeyText is the folded piece that a key of at most eight bytes packs.
func shortKeyText(key uint64) string {
	var b []byte
	for ; key != 0; key >>= 8 {
		b = append(b, byte(key))
	}
	return string(b)
}
