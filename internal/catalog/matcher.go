package catalog

import (
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

// Ref points from a matched name to its catalog entry.
type Ref struct {
	Kind  EntryKind
	Index int // into Countries, Organisations, Systems or Terms
	// Name is the catalog spelling that matched.
	Name string
	// LettersOnly is true for names without a digit ("Lynx", "Super
	// Tucano"), which may be ordinary words and need context to count.
	LettersOnly bool
	// upperMask has bit i set when piece i of Name starts with a capital,
	// which the text must then have too ("Puma" the system, not "puma").
	upperMask uint64
	// acronymMask has bit i set when piece i is an all-capital acronym,
	// which the text must write in capitals too ("PLAN", not "Plan").
	acronymMask uint64
}

// Match is one name found in text: byte offsets [Start, End) and every entry
// the name stands for.
type Match struct {
	Start, End int
	Refs       []Ref
}

type node struct {
	children map[string]*node
	refs     []Ref
}

// Matcher finds catalog names in text, leftmost-longest. Names are compared
// piece by piece, where a piece is a run of letters or of digits, so
// "VN2C", "VN-2C" and "vn 2c" are one name; a plural "s" is allowed at the
// end ("K9s", "Typhoons").
type Matcher struct {
	root *node
}

func newMatcher(c *Catalog) *Matcher {
	m := &Matcher{root: &node{}}
	for i, k := range c.Countries {
		m.add(k.Name, CountryName, i)
		for _, a := range k.Aliases {
			m.add(a, CountryName, i)
		}
		for _, d := range k.Demonyms {
			m.add(d, Demonym, i)
		}
		for _, cap := range k.Capitals {
			m.add(cap, Capital, i)
		}
	}
	for i, o := range c.Organisations {
		m.add(o.Name, OrgName, i)
		for _, a := range o.Aliases {
			m.add(a, OrgName, i)
		}
	}
	for i, s := range c.Systems {
		m.add(s.Designation, SystemName, i)
		for _, a := range s.Aliases {
			m.add(a, SystemName, i)
		}
		// A ship class is named by its lead ship too: "Talwar-class"
		// frigates are "Talwar frigates".
		for _, suffix := range []string{"-class", " class"} {
			if base, ok := strings.CutSuffix(s.Designation, suffix); ok && base != "" {
				m.add(base, SystemName, i)
			}
		}
	}
	for i, t := range c.Terms {
		m.add(t.Text, TermName, i)
	}
	for i, p := range c.Places {
		m.add(p, PlaceName, i)
	}
	return m
}

// NewPhraseMatcher matches a list of phrases the same way as catalog names;
// a Ref's Index is the phrase's index in the list.
func NewPhraseMatcher(phrases []string) *Matcher {
	m := &Matcher{root: &node{}}
	for i, p := range phrases {
		m.add(p, PhraseName, i)
	}
	return m
}

func (m *Matcher) add(name string, kind EntryKind, index int) {
	pieces := Pieces(name)
	if len(pieces) == 0 || len(pieces) > 64 {
		return
	}
	ref := Ref{Kind: kind, Index: index, Name: name, LettersOnly: true}
	n := m.root
	for i, p := range pieces {
		text := name[p.Start:p.End]
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
		key := foldPiece(text)
		child := n.children[key]
		if child == nil {
			if n.children == nil {
				n.children = map[string]*node{}
			}
			child = &node{}
			n.children[key] = child
		}
		n = child
	}
	if !ref.LettersOnly {
		// A designation's digits identify it whatever the case.
		ref.upperMask, ref.acronymMask = 0, 0
	}
	for k, r := range n.refs {
		if r.Kind == kind && r.Index == index {
			// Two spellings of one entry that differ only in capitals
			// ("LUNA NG", "Luna NG"): either is fine in text.
			n.refs[k].upperMask &= ref.upperMask
			n.refs[k].acronymMask &= ref.acronymMask
			return
		}
	}
	n.refs = append(n.refs, ref)
}

// Piece is a run of letters or a run of digits in text, as byte offsets.
type Piece struct {
	Start, End int
}

// Pieces splits text into runs of letters and runs of digits.
func Pieces(text string) []Piece {
	return appendPieces(make([]Piece, 0, len(text)/5), text)
}

func appendPieces(out []Piece, text string) []Piece {
	start, class := -1, 0
	for i := 0; i < len(text); {
		var c int
		if b := text[i]; b < utf8.RuneSelf {
			c = asciiClass[b]
			i++
		} else {
			r, size := utf8.DecodeRuneInString(text[i:])
			c = runeClass(r)
			i += size
		}
		if c == class {
			continue
		}
		at := i - 1
		if text[at] >= utf8.RuneSelf {
			_, size := utf8.DecodeLastRuneInString(text[:i])
			at = i - size
		}
		if class != 0 {
			out = append(out, Piece{start, at})
		}
		start, class = at, c
	}
	if class != 0 {
		out = append(out, Piece{start, len(text)})
	}
	return out
}

// asciiClass is runeClass for the ASCII bytes.
var asciiClass = func() (t [utf8.RuneSelf]int) {
	for b := range t {
		t[b] = runeClass(rune(b))
	}
	return t
}()

// pieceBuffers reuse the piece lists of FindAll, which would otherwise be
// the matcher's main allocation.
var pieceBuffers = sync.Pool{New: func() any { return new([]Piece) }}

func runeClass(r rune) int {
	switch {
	case r < utf8.RuneSelf:
		switch {
		case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z':
			return 1
		case '0' <= r && r <= '9':
			return 2
		}
		return 0
	case unicode.IsLetter(r), unicode.Is(unicode.Mn, r):
		return 1
	case unicode.IsDigit(r):
		return 2
	}
	return 0
}

// joins says whether the text between two pieces keeps them in one name:
// nothing (a letter-digit boundary), a little white space with at most one
// line break (scraped text breaks lines mid-name), or one mark such as a
// hyphen, slash, dot, apostrophe or ampersand.
func joins(gap string) bool {
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
	buf := pieceBuffers.Get().(*[]Piece)
	*buf = appendPieces((*buf)[:0], text)
	out := m.FindPieces(text, *buf)
	pieceBuffers.Put(buf)
	return out
}

// FindPieces is FindAll over pieces the caller already has.
func (m *Matcher) FindPieces(text string, pieces []Piece) []Match {
	var out []Match
	for i := 0; i < len(pieces); {
		if i > 0 && pieces[i-1].End == pieces[i].Start {
			i++ // inside a word: "2C" of "VN2C" starts no name
			continue
		}
		end, refs, next := m.longestAt(text, pieces, i)
		if refs == nil {
			i++
			continue
		}
		out = append(out, Match{Start: pieces[i].Start, End: end, Refs: refs})
		i = next
	}
	return out
}

// longestAt walks the trie from piece i and returns the longest accepted name.
func (m *Matcher) longestAt(text string, pieces []Piece, i int) (end int, refs []Ref, next int) {
	n := m.root
	var buf [48]byte
	for j := i; j < len(pieces); j++ {
		if j > i && !joins(text[pieces[j-1].End:pieces[j].Start]) {
			break
		}
		child, plural := n.step(text[pieces[j].Start:pieces[j].End], &buf)
		if child == nil {
			break
		}
		n = child
		if len(n.refs) == 0 {
			if plural {
				break
			}
			continue
		}
		stop := pieces[j].End
		after := j + 1
		if !plural && after < len(pieces) && pieces[after].Start == stop {
			// Glued to more letters or digits: only a plural "s" may follow.
			if text[pieces[after].Start:pieces[after].End] != "s" ||
				(after+1 < len(pieces) && pieces[after+1].Start == pieces[after].End) {
				if plural {
					break
				}
				continue
			}
			stop, after = pieces[after].End, after+1
		}
		if ok := acceptable(text, pieces[i:j+1], n.refs); ok != nil {
			end, refs, next = stop, ok, after
		}
		if plural {
			break
		}
	}
	return end, refs, next
}

// step follows the piece word from n, or its singular ("Typhoons"), with
// the word folded in buf so that no string is made for the look-up.
func (n *node) step(word string, buf *[48]byte) (child *node, plural bool) {
	if n.children == nil {
		return nil, false
	}
	key := buf[:0]
	ascii := len(word) <= len(buf)
	for i := 0; ascii && i < len(word); i++ {
		c := word[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		key = append(key, c)
	}
	if !ascii {
		key = []byte(foldPiece(word))
	}
	if child = n.children[string(key)]; child != nil {
		return child, false
	}
	if len(key) > 2 && key[len(key)-1] == 's' {
		return n.children[string(key[:len(key)-1])], true
	}
	return nil, false
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

// acceptable keeps the refs whose capitalisation the text honours.
func acceptable(text string, pieces []Piece, refs []Ref) []Ref {
	var mask, caps uint64
	for k, p := range pieces {
		word := text[p.Start:p.End]
		r, _ := utf8.DecodeRuneInString(word)
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			mask |= 1 << k
		}
		if isUpper(strings.TrimSuffix(word, "s")) {
			caps |= 1 << k // "IFVs" is the plural of an acronym
		}
	}
	all := true
	for _, r := range refs {
		all = all && r.upperMask&^mask == 0 && r.acronymMask&^caps == 0
	}
	if all {
		return refs
	}
	var out []Ref
	for _, r := range refs {
		if r.upperMask&^mask == 0 && r.acronymMask&^caps == 0 {
			out = append(out, r)
		}
	}
	return out
}
