package catalog

// edgeTable holds the edges of the matcher's trie, from a node and the key
// of the piece that follows it to the child node: one open-addressed table
// for the whole trie, in place of a Go map per node.
type edgeTable struct {
	slots []edgeSlot // a power of two long, at most half full
	used  int
	// filter has a bit set for the hash of each edge, four bits a slot.
	// Most words of a text go on no name, and the filter, which stays in
	// cache where the table does not, turns most of them away without
	// reading the table.
	filter     []uint64
	filterBits uint // log2 of the filter's length in bits
}

func newEdgeTable(slots int) edgeTable {
	t := edgeTable{slots: make([]edgeSlot, slots), filter: make([]uint64, slots/16)}
	for 1<<t.filterBits < 4*slots {
		t.filterBits++
	}
	return t
}

type edgeSlot struct {
	key    uint64
	parent uint32 // with longParent set for a long key
	child  uint32 // 0 marks an empty slot: the root is no child
}

const longParent = 1 << 31

// The top bits of an edge's child say what the child holds, so that a walk
// of the trie reads a node itself only where a name ends: the nodes are
// too many to stay in cache, the slot just read is in it.
const (
	childHasChildren = 1 << 31
	childEndsName    = 1 << 30
	childIndex       = childEndsName - 1 // the rest is the node's index
)

// slotHash mixes the parent into the key, so that the slot index (the low
// bits) and the filter's bit (the high bits) depend on every bit of both:
// one multiply spreads the low bits of their XOR upward, and the fold of the
// high half brings them down again. Every walk of the trie hashes at each
// step, where splitmix64's finaliser took twice the instructions.
func slotHash(parent uint32, key uint64) uint64 {
	z := (key ^ uint64(parent)*0x9e3779b97f4a7c15) * slotMixer
	return z ^ z>>32
}

const slotMixer = 0xbf58476d1ce4e5b9

// rootHash is slotHash(0, key), less the multiply of the parent: every
// walk of the trie begins with a look-up from the root.
func rootHash(key uint64) uint64 {
	z := key * slotMixer
	return z ^ z>>32
}

// edgesFrom is the table of the edges from node parent: the root's many
// edges, which every word of a text is looked up in, have a table of
// their own, small enough to stay in cache.
func (m *Matcher) edgesFrom(parent uint32) *edgeTable {
	if parent == 0 {
		return &m.rootEdges
	}
	return &m.edges
}

// filterBit is the word and bit of the filter for a slot hash.
func (t *edgeTable) filterBit(h uint64) (word int, bit uint64) {
	b := h >> ((64 - t.filterBits) & 63) // the table indexes by the low bits
	return int(b >> 6), 1 << (b & 63)
}

// child returns the child of node parent under key, which is that of piece
// p of text (of its singular when singular is set), with its flags, or 0
// when there is none.
func (m *Matcher) child(parent uint32, key pieceKey, text string, p *piece, singular bool) uint32 {
	if !key.long {
		return m.shortChild(parent, key.word)
	}
	t := m.edgesFrom(parent)
	parent |= longParent
	h := slotHash(parent, key.word)
	if w, bit := t.filterBit(h); t.filter[w]&bit == 0 {
		return 0
	}
	slots := t.slots
	mask := uint64(len(slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &slots[i]
		if s.child == 0 {
			return 0
		}
		if s.key == key.word && s.parent == parent && p.foldsTo(text, singular, m.pieceOf(s.child&childIndex)) {
			return s.child
		}
	}
}

// shortChild is child under the key of a piece of at most eight bytes,
// which is the piece itself, so a slot with the key holds the piece: most
// pieces. It repeats child's filter test and probe loop, less the compare
// of the text, for speed: it is one of the hottest look-ups, taking two
// arguments where child takes seven (83d16f2 measured the split), and a
// probe loop shared with child would put a call back into each look-up.
//
// A look-up from the root skips the filter: the start filter has let
// through only pieces that mostly begin a name, and the root's table
// stays in cache. Its hash is rootHash, made in its own branch, which
// spares it the parent's multiply.
func (m *Matcher) shortChild(parent uint32, key uint64) uint32 {
	var t *edgeTable
	var h uint64
	if parent == 0 {
		t, h = &m.rootEdges, rootHash(key)
	} else {
		t, h = &m.edges, slotHash(parent, key)
		if w, bit := t.filterBit(h); t.filter[w]&bit == 0 {
			return 0
		}
	}
	slots := t.slots
	mask := uint64(len(slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &slots[i]
		if s.child == 0 {
			return 0
		}
		if s.key == key && s.parent == parent {
			return s.child
		}
	}
}

// addChild makes a child of node parent under key, that of piece p of text.
func (m *Matcher) addChild(parent uint32, key pieceKey, text string, p *piece) uint32 {
	child := uint32(len(m.nodes))
	var n node
	if key.long {
		// Only a look-up by hash reads the piece.
		n.pieceStart = uint32(m.pieceBuf.Len())
		m.pieceBuf.WriteString(foldPiece(text[p.start:p.end()]))
		n.pieceEnd = uint32(m.pieceBuf.Len())
		m.pieceText = m.pieceBuf.String() // the pieces so far, not copied
	}
	m.nodes = append(m.nodes, n)
	m.nodeRefs = append(m.nodeRefs, nil)
	m.nodes[parent].hasChildren = true
	t := m.edgesFrom(parent)
	t.used++
	if 2*t.used > len(t.slots) {
		old, used := t.slots, t.used
		*t = newEdgeTable(2 * len(old))
		t.used = used
		for _, s := range old {
			if s.child != 0 {
				t.place(s)
			}
		}
	}
	if key.long {
		parent |= longParent
	}
	t.place(edgeSlot{key: key.word, parent: parent, child: child})
	return child
}

// flagEdges sets the flags of every edge's child, once the trie is built.
func (m *Matcher) flagEdges() {
	for _, t := range []*edgeTable{&m.rootEdges, &m.edges} {
		for i := range t.slots {
			s := &t.slots[i]
			if s.child == 0 {
				continue
			}
			s.child &= childIndex
			n := &m.nodes[s.child]
			if n.hasChildren {
				s.child |= childHasChildren
			}
			if n.refEnd > n.refStart {
				s.child |= childEndsName
			}
		}
	}
}

func (t *edgeTable) place(s edgeSlot) {
	h := slotHash(s.parent, s.key)
	w, bit := t.filterBit(h)
	t.filter[w] |= bit
	mask := uint64(len(t.slots) - 1)
	i := h & mask
	for t.slots[i].child != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = s
}
