package catalog

import (
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// EntryKind says what a catalog name stands for.
type EntryKind uint8

// Kinds of names in the matcher.
const (
	CountryName EntryKind = iota
	Demonym
	Capital
	OrgName
	SystemName
	TermName
	PlaceName
	// PhraseName marks the entries of a matcher made by NewPhraseMatcher.
	PhraseName
)

// Ref points from a matched name to its catalog entry. It holds no
// pointer, so that the garbage collector skips the matcher's refs.
type Ref struct {
	Kind EntryKind
	// LettersOnly is true for names without a digit ("Lynx", "Super
	// Tucano"), which may be ordinary words and need context to count.
	LettersOnly bool
	// The catalog spelling that matched is the matcher's
	// spellings[spellingStart:spellingEnd] (see Matcher.Spelling).
	spellingStart, spellingEnd uint32
	Index                      int // into Countries, Organisations, Systems or Terms
	// upperMask has bit i set when piece i of the name starts with a capital,
	// which the text must then have too ("Puma" the system, not "puma").
	upperMask uint64
	// acronymMask has bit i set when piece i is an all-capital acronym,
	// which the text must write in capitals too ("PLAN", not "Plan").
	acronymMask uint64
	// markedCaps has bit i set when piece i is in capitals and set off by a
	// mark from the digits after it ("AT-10"), which text then may not
	// write in lower case and a space before the digits ("at 10:00").
	markedCaps uint64
}

// Match is one name found in text: byte offsets [Start, End) and every entry
// the name stands for.
type Match struct {
	Start, End int
	Refs       []Ref
}

// node is a node of the trie of names; the edges between nodes are in the
// matcher's edge table. A node holds no pointer, so that the garbage
// collector, which marks the matcher each cycle, skips the nodes whole.
type node struct {
	// The node's refs are the matcher's refs[refStart:refEnd] once the
	// trie is finished (see packRefs).
	refStart, refEnd uint32
	// The matcher's pieceText[pieceStart:pieceEnd] is the folded piece of
	// a long key's edge into the node, to check a look-up by hash (see
	// pieceKey); empty for the others.
	pieceStart, pieceEnd uint32
	hasChildren          bool
	// asksCapitals is asks.any(), which nameEnds reads in one byte: most
	// names of a phrase matcher ask none.
	asksCapitals bool
	// asks is what the node's refs together ask of the text's capitals,
	// made with the refs once the trie is finished (see packRefs), so that
	// a name found need not go over its refs to learn it.
	asks capitalsAsked
}

// capitalsAsked are the pieces of a name that one of its refs or more asks
// a capital of, by what they ask (see Ref).
type capitalsAsked struct {
	upper, acronym, marked uint64
}

// any says whether some piece is asked a capital; many names ask none.
func (a *capitalsAsked) any() bool { return a.upper|a.acronym|a.marked != 0 }

// Matcher finds catalog names in text, leftmost-longest. Names are compared
// piece by piece, where a piece is a run of letters or of digits, so
// "VN2C", "VN-2C" and "vn 2c" are one name; a plural "s" is allowed at the
// end ("K9s", "Typhoons").
type Matcher struct {
	nodes     []node // nodes[0] is the root
	refs      []Ref  // of all nodes, each node's together
	pieceText string // the pieces of long keys' edges, end to end
	spellings string // the names added, end to end
	rootEdges edgeTable
	edges     edgeTable // from the other nodes
	starts    *startFilter

	// While the trie is built: the refs of each node, and where pieceText
	// and spellings grow.
	nodeRefs              [][]Ref
	pieceBuf, spellingBuf strings.Builder
}

func emptyMatcher() *Matcher {
	return &Matcher{nodes: make([]node, 1), nodeRefs: make([][]Ref, 1), rootEdges: newEdgeTable(1024), edges: newEdgeTable(1024)}
}

// refsOf is the refs of node n.
func (m *Matcher) refsOf(n uint32) []Ref {
	nd := &m.nodes[n]
	return m.refs[nd.refStart:nd.refEnd:nd.refEnd]
}

// pieceOf is the folded piece of the edge into node n, when its key is long.
func (m *Matcher) pieceOf(n uint32) string {
	nd := &m.nodes[n]
	return m.pieceText[nd.pieceStart:nd.pieceEnd]
}

func newMatcher(c *Catalog) *Matcher {
	m := emptyMatcher()
	c.eachName(m.add)
	m.finish()
	return m
}

// finish readies the trie, once built, for look-ups.
func (m *Matcher) finish() {
	m.packRefs()
	m.flagEdges()
	m.starts = newStartFilter(m)
}

// packRefs moves the refs of all nodes into one array. The matcher lives
// as long as the program, and the garbage collector marks one object each
// cycle where it would mark thousands of small ones.
func (m *Matcher) packRefs() {
	n := 0
	for _, refs := range m.nodeRefs {
		n += len(refs)
	}
	m.refs = make([]Ref, 0, n)
	for i, refs := range m.nodeRefs {
		m.nodes[i].refStart = uint32(len(m.refs))
		m.refs = append(m.refs, refs...)
		m.nodes[i].refEnd = uint32(len(m.refs))
		for _, r := range refs {
			a := &m.nodes[i].asks
			a.upper, a.acronym, a.marked = a.upper|r.upperMask, a.acronym|r.acronymMask, a.marked|r.markedCaps
		}
		m.nodes[i].asksCapitals = m.nodes[i].asks.any()
	}
	m.spellings = m.spellingBuf.String()
	m.nodeRefs, m.pieceBuf, m.spellingBuf = nil, strings.Builder{}, strings.Builder{}
}

// Spelling is the catalog spelling of a name that r was found by.
func (m *Matcher) Spelling(r Ref) string { return m.spellings[r.spellingStart:r.spellingEnd] }

// eachName calls add with each name of the catalog, what it names and the
// entry's index.
func (c *Catalog) eachName(add func(name string, kind EntryKind, index int)) {
	for i, k := range c.Countries {
		add(k.Name, CountryName, i)
		for _, a := range k.Aliases {
			add(a, CountryName, i)
		}
		for _, d := range k.Demonyms {
			add(d, Demonym, i)
		}
		for _, cap := range k.Capitals {
			add(cap, Capital, i)
		}
	}
	for i, o := range c.Organisations {
		add(o.Name, OrgName, i)
		for _, a := range o.Aliases {
			add(a, OrgName, i)
		}
	}
	for i, s := range c.Systems {
		add(s.Designation, SystemName, i)
		for _, a := range s.Aliases {
			add(a, SystemName, i)
		}
		// A ship class is named by its lead ship too: "Talwar-class"
		// frigates are "Talwar frigates".
		for _, suffix := range []string{"-class", " class"} {
			if base, ok := strings.CutSuffix(s.Designation, suffix); ok && base != "" {
				add(base, SystemName, i)
			}
		}
	}
	for i, t := range c.Terms {
		add(t.Text, TermName, i)
	}
	for i, p := range c.Places {
		add(p, PlaceName, i)
	}
}

// NewPhraseMatcher matches a list of phrases the same way as catalog names;
// a Ref's Index is the phrase's index in the list.
func NewPhraseMatcher(phrases []string) *Matcher {
	m := emptyMatcher()
	for i, p := range phrases {
		m.add(p, PhraseName, i)
	}
	m.finish()
	return m
}

func (m *Matcher) add(name string, kind EntryKind, index int) {
	pieces := appendPieces(nil, name)
	if len(pieces) == 0 || len(pieces) > 64 {
		return
	}
	ref := Ref{Kind: kind, Index: index, LettersOnly: true}
	ref.spellingStart, ref.spellingEnd = addSpelling(&m.spellingBuf, name)
	n := uint32(0)
	for i := range pieces {
		p := &pieces[i]
		text := name[p.start:p.end()]
		key := p.keyOf(name, false)
		r, _ := utf8.DecodeRuneInString(text)
		if unicode.IsDigit(r) {
			ref.LettersOnly = false
		}
		if unicode.IsUpper(r) {
			ref.upperMask |= 1 << i
			if len(text) > 1 && strings.ToUpper(text) == text {
				ref.acronymMask |= 1 << i
			}
		}
		child := m.child(n, key, name, p, false) & childIndex
		if child == 0 {
			child = m.addChild(n, key, name, p)
		}
		n = child
	}
	if !ref.LettersOnly {
		// A designation's digits identify it whatever the case, but a
		// capital "S" glued to them must stay one: "MiG-29s" are plural
		// MiG-29s, not the MiG-29S.
		ref.upperMask, ref.acronymMask = ref.upperMask&finalS(name, pieces), 0
		ref.markedCaps = markedCaps(name, pieces)
	}
	refs := &m.nodeRefs[n]
	for k, r := range *refs {
		if r.Kind == kind && r.Index == index {
			// Two spellings of one entry that differ only in capitals
			// ("LUNA NG", "Luna NG"): either is fine in text.
			(*refs)[k].upperMask &= ref.upperMask
			(*refs)[k].acronymMask &= ref.acronymMask
			(*refs)[k].markedCaps &= ref.markedCaps
			return
		}
	}
	*refs = append(*refs, ref)
}

// addSpelling appends name to the spellings and returns its bounds.
func addSpelling(b *strings.Builder, name string) (start, end uint32) {
	start = uint32(b.Len())
	b.WriteString(name)
	return start, uint32(b.Len())
}

// finalS is the bit of the last piece of a name when it is an "S" glued to
// digits, else 0.
func finalS(name string, pieces []piece) uint64 {
	k := len(pieces) - 1
	if k < 1 || name[pieces[k].start:pieces[k].end()] != "S" || pieces[k-1].end() != pieces[k].start ||
		!unicode.IsDigit(rune(name[pieces[k-1].start])) {
		return 0
	}
	return 1 << k
}

// markedCaps are the pieces of a name in capital letters that a mark or
// a space parts from the digits after them ("AT" of "AT-10").
func markedCaps(name string, pieces []piece) uint64 {
	var mask uint64
	for k := 0; k+1 < len(pieces); k++ {
		w, next := name[pieces[k].start:pieces[k].end()], name[pieces[k+1].start]
		if pieces[k].end() != pieces[k+1].start && next >= '0' && next <= '9' && w[0] >= 'A' && w[0] <= 'Z' && isUpper(w) {
			mask |= 1 << k
		}
	}
	return mask
}

// shortText is the length of the texts that FindAll cuts on the stack.
const shortText = 16

// pieceBuffers reuse the piece lists of FindAll, which would otherwise be
// the matcher's main allocation.
var pieceBuffers = sync.Pool{New: func() any { return new([]piece) }}

// joins says whether the text between two pieces keeps them in one name:
// nothing (a letter-digit boundary), a little white space with at most one
// line break (scraped text breaks lines mid-name), or one mark such as a
// hyphen, slash, dot, apostrophe or ampersand.
func joins(gap string) bool {
	if gap == " " {
		return true // most gaps
	}
	if len(gap) > 6 {
		return false
	}
	marks, breaks := 0, 0
	for _, r := range gap {
		switch r {
		case ' ', '\t', '\u00a0', '\r':
		case '\n':
			breaks++
		case '-', '/', '.', '\'', '’', '–', '‑', '&':
			marks++
		default:
			return false
		}
	}
	return marks <= 1 && breaks <= 1
}

// FindAll returns the catalog names in text, leftmost-longest, in order.
func (m *Matcher) FindAll(text string) []Match {
	if len(text) <= shortText {
		// A short text has few pieces, at most one a byte: cut on the
		// stack, without the pool's round trip.
		var room [shortText]piece
		return m.find(text, appendPieces(room[:0], text))
	}
	buf := pieceBuffers.Get().(*[]piece)
	*buf = appendPieces((*buf)[:0], text)
	out := m.find(text, *buf)
	pieceBuffers.Put(buf)
	return out
}

// Text is a text cut into the pieces that matchers compare, for several
// matchers to read in turn.
type Text struct {
	text   string
	pieces []piece
	// first is the earlier text of the same Texts that this one repeats
	// (a paragraph printed twice), whose pieces it shares and whose
	// matches it takes; nil for a first printing.
	first *Text
	// For a text that later ones repeat, room is the buffers that keep
	// the matches of the last matcher that read it (see AppendAllText).
	room      *textBuffer
	matchedBy *Matcher
	matches   []Match
}

// Pieces are the pieces a text is cut into, for other packages to read
// (see piece.Bounds).
type Pieces []piece

// Pieces are the pieces of the text, which the caller must not change.
func (t *Text) Pieces() Pieces { return t.pieces }

// Bounds are the bytes [start, end) of the piece, a longest run of letters
// or of digits of its text (see appendPieces), and whether any is beyond
// ASCII.
func (p piece) Bounds() (start, end int, beyondASCII bool) {
	return int(p.start), int(p.end()), p.nonASCII()
}

// Texts are texts cut into pieces, in buffers that Release hands back for
// later texts to reuse.
type Texts struct {
	List []Text // one for each text, in order
	buf  *textBuffer
}

type textBuffer struct {
	pieces  []piece
	list    []Text
	matches []Match // of the texts that later ones repeat
	printed []int32 // 1 + the index of the first printing of each text, by hash
}

var textBuffers = sync.Pool{New: func() any { return new(textBuffer) }}

// NewTexts cuts each of texts into pieces. A text that repeats an earlier
// one, as scraped pages repeat paragraphs, shares its pieces.
func NewTexts(texts []string) Texts {
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	buf := textBuffers.Get().(*textBuffer)
	if need := size/5 + len(texts); cap(buf.pieces) < need {
		buf.pieces = make([]piece, 0, need)
	}
	pieces := buf.pieces[:0]
	out := slices.Grow(buf.list[:0], len(texts))[:len(texts)]
	buf.clearPrinted(len(texts))
	for i, t := range texts {
		if first := buf.firstPrinting(texts, i); first != i {
			out[first].room = buf
			out[i] = Text{text: t, pieces: out[first].pieces, first: &out[first]}
			continue
		}
		start := len(pieces)
		pieces = appendPieces(pieces, t)
		out[i] = Text{text: t, pieces: pieces[start:len(pieces):len(pieces)]}
	}
	buf.pieces, buf.list, buf.matches = pieces, out, buf.matches[:0]
	return Texts{List: out, buf: buf}
}

// clearPrinted readies the table of first printings for n texts: at most
// half full, so that a look-up probes a slot or two.
func (b *textBuffer) clearPrinted(n int) {
	size := 16
	for size < 2*n {
		size *= 2
	}
	if cap(b.printed) < size {
		b.printed = make([]int32, size)
	}
	b.printed = b.printed[:size]
	clear(b.printed)
}

// firstPrinting is the index of the first of texts[:i+1] that is the same
// as texts[i], which is i itself when none before is. Empty texts (which
// have no pieces) are all first printings.
func (b *textBuffer) firstPrinting(texts []string, i int) int {
	t := texts[i]
	if t == "" {
		return i
	}
	mask := uint64(len(b.printed) - 1)
	for k := textHash(t) & mask; ; k = (k + 1) & mask {
		first := int(b.printed[k]) - 1
		if first < 0 {
			b.printed[k] = int32(i + 1)
			return i
		}
		if texts[first] == t {
			return first
		}
	}
}

// textHash mixes the length and the first and last eight bytes of t, which
// tell most texts of a document apart.
func textHash(t string) uint64 {
	n := len(t)
	if n < 8 {
		return mixWord(uint64(n), loadUpTo8(t, 0, n))
	}
	return mixWord(mixWord(uint64(n), load8(t, 0)), load8(t, n-8))
}

// Release hands the buffers back: no matcher may read the texts after.
func (t *Texts) Release() {
	if t.buf != nil {
		clear(t.buf.list) // which would keep the texts alive
		clear(t.buf.matches)
		textBuffers.Put(t.buf)
		t.buf, t.List = nil, nil
	}
}

// FindAllText is FindAll of a text cut before.
func (m *Matcher) FindAllText(t *Text) []Match { return m.find(t.text, t.pieces) }

// AppendAllText appends the matches of FindAllText to dst, for a caller
// that reads them at once to reuse dst. A text that repeats one this
// matcher read last takes that one's matches, which the matcher would
// find again: the matches of a text are those of its bytes alone.
func (m *Matcher) AppendAllText(dst []Match, t *Text) []Match {
	if f := t.first; f != nil && f.matchedBy == m {
		return append(dst, f.matches...)
	}
	from := len(dst)
	dst = m.appendMatches(dst, t.text, t.pieces)
	if b := t.room; b != nil {
		start := len(b.matches)
		b.matches = append(b.matches, dst[from:]...)
		t.matchedBy, t.matches = m, b.matches[start:len(b.matches):len(b.matches)]
	}
	return dst
}

// FindsIn says whether FindAll of the text of t from byte start to end,
// which must be a slice of it, would find a name: of t's pieces, it reads
// those between, and cuts again only those that start or end cuts in two.
func (m *Matcher) FindsIn(t *Text, start, end int) bool {
	var room [64]piece // of a window of some tens of words, on the stack
	return m.anyName(t.text, t.window(room[:0], start, end))
}

// window appends to room the pieces of text[start:end], with their
// offsets in text, and returns them; or returns a slice of t's pieces,
// when start and end cut none.
func (t *Text) window(room []piece, start, end int) []piece {
	pieces := t.pieces
	first := endingPast(pieces, 0, start)
	last := endingPast(pieces, first, end)
	if first == len(pieces) || int(pieces[first].start) >= start && (last == len(pieces) || int(pieces[last].start) >= end) {
		return pieces[first:last]
	}
	// A piece that start cuts is cut again from start, as FindAll would;
	// so is one that end cuts, to end.
	inner := first
	if int(pieces[first].start) < start {
		room = appendPart(room, t.text, pieces[first], start, min(int(pieces[first].end()), end))
		inner++
	}
	room = append(room, pieces[min(inner, last):last]...)
	if last < len(pieces) && int(pieces[last].start) < end && last >= inner {
		room = appendPart(room, t.text, pieces[last], int(pieces[last].start), end)
	}
	return room
}

// endingPast is the first of pieces from k on that ends past byte at: a
// binary search, as the pieces end in order.
func endingPast(pieces []piece, k, at int) int {
	for hi := len(pieces); k < hi; {
		mid := int(uint(k+hi) >> 1)
		if int(pieces[mid].end()) <= at {
			k = mid + 1
		} else {
			hi = mid
		}
	}
	return k
}

// appendPart appends the pieces of text[start:end], a part of piece p,
// with their offsets in text. The part of an ASCII piece, a run of letters
// or of digits, is one piece itself; a piece of runes beyond ASCII may be
// cut inside a rune, so its part is cut like a text of its own.
func appendPart(room []piece, text string, p piece, start, end int) []piece {
	if p.nonASCII() || end <= start {
		return appendPiecesAt(room, text, start, end)
	}
	return append(room, piece{start: int32(start), stop: uint32(end), key: keyOf(text, start, end, asciiFold).word})
}

// appendPiecesAt appends the pieces of text[start:end], with their
// offsets in text.
func appendPiecesAt(out []piece, text string, start, end int) []piece {
	from := len(out)
	out = appendPieces(out, text[start:end])
	for k := from; k < len(out); k++ {
		out[k].start += int32(start)
		out[k].stop += uint32(start)
	}
	return out
}

// anyName says whether text, cut into pieces, holds a name: whether
// appendMatches would find one.
func (m *Matcher) anyName(text string, pieces []piece) bool {
	for i := m.starts.next(pieces, 0); i < len(pieces); i = m.starts.next(pieces, i+1) {
		if _, refs, _ := m.longestAt(text, pieces, i); refs != nil {
			return true
		}
	}
	return false
}

// find is the matches of text, cut into pieces, in a full slice (its
// capacity its length) of a block that later calls go on filling: one
// allocation serves many calls, where each made a slice of its own, and
// a caller that appends to its matches copies them rather than write over
// those of another.
func (m *Matcher) find(text string, pieces []piece) []Match {
	if m.starts.next(pieces, 0) == len(pieces) {
		return nil // the most texts, which begin no name
	}
	block := matchBlocks.Get().(*[]Match)
	if cap(*block)-len(*block) < minMatchRoom {
		*block = make([]Match, 0, matchBlockSize)
	}
	start := len(*block)
	*block = m.appendMatches(*block, text, pieces) // into a new block when it overflows
	var out []Match
	if end := len(*block); end > start {
		out = (*block)[start:end:end]
	}
	matchBlocks.Put(block)
	return out
}

// appendMatches appends the matches of text, cut into pieces, to found.
func (m *Matcher) appendMatches(found []Match, text string, pieces []piece) []Match {
	for i := m.starts.next(pieces, 0); i < len(pieces); {
		end, refs, next := m.longestAt(text, pieces, i)
		if refs == nil {
			next = i + 1
		} else {
			if len(found) == cap(found) {
				// Callers reuse found from text to text: room for the
				// names of most sentences at once, where append would
				// make room for one, then two, then four; then twice the
				// room.
				found = slices.Grow(found, max(4, len(found)))
			}
			// The match is written in place, field by field, where append
			// (or a Match written whole) built it on the stack and copied.
			found = found[:len(found)+1]
			at := &found[len(found)-1]
			at.Start, at.End, at.Refs = int(pieces[i].start), end, refs
		}
		i = m.starts.next(pieces, next)
	}
	return found
}

// matchBlocks are the blocks that find fills, one for each goroutine at a
// time. A text of a find has a few names or none, and a block room for
// the names of some tens of them; a block less than minMatchRoom from
// full is left to the results that hold it.
var matchBlocks = sync.Pool{New: func() any { return new([]Match) }}

const (
	matchBlockSize = 64
	minMatchRoom   = 8
)

// longestAt walks the trie from piece i and returns the longest accepted name.
func (m *Matcher) longestAt(text string, pieces []piece, i int) (end int, refs []Ref, next int) {
	var best longest
	at := uint32(childHasChildren) // the root, with its flags
	for j := i; j < len(pieces) && at&childHasChildren != 0; j++ {
		if j > i {
			// The gap between the pieces, tested for one space, the most
			// common, before any slicing.
			end, start := pieces[j-1].end(), pieces[j].start
			if (start != end+1 || text[end] != ' ') && !joins(text[end:start]) {
				break
			}
		}
		var child uint32
		var plural bool
		if p := &pieces[j]; p.key&0xff != 0 {
			// A short key, as most pieces have: looked up without step's
			// call (see step).
			if child = m.shortChild(at&childIndex, p.key); child == 0 && shortKeyMayBePlural(p.key) {
				child, plural = m.singularStep(at&childIndex, text, p)
			}
		} else {
			child, plural = m.step(at&childIndex, text, p)
		}
		if child == 0 {
			break
		}
		at = child
		if at&childEndsName != 0 {
			best.nameEnds(m, text, pieces, i, j, at&childIndex, plural)
		}
		if plural {
			break
		}
	}
	return best.end, best.refs, best.next
}

// longest is the longest accepted name of a walk so far. It is kept out
// of the walk's loop, which most walks leave before any name ends, so that
// the loop keeps what it reads in registers.
type longest struct {
	end  int
	refs []Ref
	next int
}

// nameEnds takes the name of pieces i to j, which ends at node n, when the
// text allows it there.
func (l *longest) nameEnds(m *Matcher, text string, pieces []piece, i, j int, n uint32, plural bool) {
	stop := int(pieces[j].end())
	after := j + 1
	if !plural && after < len(pieces) && int(pieces[after].start) == stop {
		// Glued to more letters or digits: only a plural "s" may follow.
		if text[pieces[after].start:pieces[after].end()] != "s" ||
			(after+1 < len(pieces) && pieces[after+1].start == pieces[after].end()) {
			return
		}
		stop, after = int(pieces[after].end()), after+1
	}
	refs := m.refsOf(n)
	if nd := &m.nodes[n]; nd.asksCapitals && !capitalsHonoured(text, pieces[i:j+1], &nd.asks) {
		refs = acceptable(text, pieces[i:j+1], refs, &nd.asks)
	}
	if refs != nil {
		l.end, l.refs, l.next = stop, refs, after
	}
}

// step follows piece p from node at, or its singular ("Typhoons"), to a
// child with its flags.
func (m *Matcher) step(at uint32, text string, p *piece) (child uint32, plural bool) {
	if p.key == 0 {
		p.key = p.keyOf(text, false).word
	}
	if p.key&0xff != 0 { // a short key (see pieceKey)
		child = m.shortChild(at, p.key)
	} else {
		child = m.child(at, keyWord(p.key), text, p, false)
	}
	if child != 0 {
		return child, false
	}
	return m.singularStep(at, text, p)
}

// singularStep follows the singular of piece p from node at, when p may
// be a plural: step, when p itself has no child there.
func (m *Matcher) singularStep(at uint32, text string, p *piece) (child uint32, plural bool) {
	if p.mayBePlural(text) {
		return m.child(at, p.keyOf(text, true), text, p, true), true
	}
	return 0, false
}

// isUpper: every letter of w is a capital.
func isUpper(w string) bool {
	for i := 0; i < len(w); i++ {
		if 'a' <= w[i] && w[i] <= 'z' {
			return false
		}
	}
	return true
}

// capitalsHonoured says, for most names, that the text honours what asks
// asks of it, and so acceptable would keep all refs: when they ask only
// for capitals that begin pieces, and the text has them in ASCII. It says
// false for the others, which acceptable then tells apart. Small enough
// to inline, it spares most names found acceptable's call.
func capitalsHonoured(text string, pieces []piece, asks *capitalsAsked) bool {
	if asks.acronym|asks.marked != 0 {
		return false
	}
	for upper := asks.upper; upper != 0; upper &= upper - 1 {
		if !capitalOrDigitByte[text[pieces[bits.TrailingZeros64(upper)].start]] {
			return false
		}
	}
	return true
}

// acceptable keeps the refs whose capitalisation the text honours, of
// those that ask together what asks says (the pieces they ask about: few).
func acceptable(text string, pieces []piece, refs []Ref, asks *capitalsAsked) []Ref {
	upper, acronym, marked := asks.upper, asks.acronym, asks.marked
	var mask, caps, lowSpaced uint64
	for asked := upper | marked; asked != 0; asked &= asked - 1 {
		k := bits.TrailingZeros64(asked)
		p := &pieces[k]
		if capitalOrDigitAt(text, p) {
			mask |= 1 << k
		} else if marked&(1<<k) != 0 && k+1 < len(pieces) && pieces[k+1].start > p.end() &&
			strings.ContainsAny(text[p.end():pieces[k+1].start], " \t\n\r\u00a0") {
			lowSpaced |= 1 << k // "at 10"
		}
	}
	for asked := acronym; asked != 0; asked &= asked - 1 {
		k := bits.TrailingZeros64(asked)
		if p := &pieces[k]; isUpper(strings.TrimSuffix(text[p.start:p.end()], "s")) {
			caps |= 1 << k // "IFVs" is the plural of an acronym
		}
	}
	if upper&^mask == 0 && acronym&^caps == 0 && marked&lowSpaced == 0 {
		// The text honours what all refs together ask, and so each: most
		// names, which it needs no loop over the refs to tell.
		return refs
	}
	honoured := func(r *Ref) bool {
		return r.upperMask&^mask == 0 && r.acronymMask&^caps == 0 && r.markedCaps&lowSpaced == 0
	}
	all := true
	for i := range refs {
		all = all && honoured(&refs[i])
	}
	if all {
		return refs
	}
	var out []Ref
	for i := range refs {
		if honoured(&refs[i]) {
			out = append(out, refs[i])
		}
	}
	return out
}

// capitalOrDigitAt: piece p of text begins with a capital letter or a
// digit. Its test of an ASCII byte, which reads the byte alone, is small
// enough to inline.
func capitalOrDigitAt(text string, p *piece) bool {
	if c := text[p.start]; c < utf8.RuneSelf {
		return capitalOrDigitByte[c]
	}
	return capitalOrDigitRune(text[p.start:]) // its first rune
}

var capitalOrDigitByte = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

func capitalOrDigitRune(word string) bool {
	r, _ := utf8.DecodeRuneInString(word)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}
