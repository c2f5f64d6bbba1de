package catalog

// The matcher keeps its trie in one hash table and folds each piece of a
// text once. This file keeps the matcher it replaced, whose trie was a Go
// map at each node, as a reference, and checks that both find the same
// names in news text and in phrases made of catalog names.

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-osint/dossier/internal/annotate/testtext"
)

type refNode struct {
	children map[string]*refNode
	refs     []Ref
}

type refMatcher struct {
	root      *refNode
	spellings strings.Builder // as the matcher's, for equal refs
}

type refPiece struct{ start, end int }

func newRefMatcher(c *Catalog) *refMatcher {
	m := &refMatcher{root: &refNode{}}
	c.eachName(m.add)
	return m
}

func (m *refMatcher) findAll(text string) []Match {
	return m.findPieces(text, appendRefPieces(nil, text))
}

func (m *refMatcher) add(name string, kind EntryKind, index int) {
	pieces := appendRefPieces(nil, name)
	if len(pieces) == 0 || len(pieces) > 64 {
		return
	}
	ref := Ref{Kind: kind, Index: index, LettersOnly: true}
	ref.spellingStart, ref.spellingEnd = addSpelling(&m.spellings, name)
	n := m.root
	for i, p := range pieces {
		text := name[p.start:p.end]
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
				n.children = map[string]*refNode{}
			}
			child = &refNode{}
			n.children[key] = child
		}
		n = child
	}
	if !ref.LettersOnly {
		// A designation's digits identify it whatever the case, but for a
		// capital "S" glued to them.
		var keep uint64
		if k := len(pieces) - 1; k > 0 && name[pieces[k].start:pieces[k].end] == "S" &&
			pieces[k-1].end == pieces[k].start && unicode.IsDigit(rune(name[pieces[k-1].start])) {
			keep = 1 << k
		}
		ref.upperMask, ref.acronymMask = ref.upperMask&keep, 0
		for k := 0; k+1 < len(pieces); k++ {
			w := name[pieces[k].start:pieces[k].end]
			if pieces[k].end != pieces[k+1].start && unicode.IsDigit(rune(name[pieces[k+1].start])) && isUpper(w) &&
				w[0] >= 'A' && w[0] <= 'Z' {
				ref.markedCaps |= 1 << k
			}
		}
	}
	for k, r := range n.refs {
		if r.Kind == kind && r.Index == index {
			// Two spellings of one entry that differ only in capitals
			// ("LUNA NG", "Luna NG"): either is fine in text.
			n.refs[k].upperMask &= ref.upperMask
			n.refs[k].acronymMask &= ref.acronymMask
			n.refs[k].markedCaps &= ref.markedCaps
			return
		}
	}
	n.refs = append(n.refs, ref)
}

func appendRefPieces(out []refPiece, text string) []refPiece {
	start, class := -1, 0
	for i := 0; i < len(text); {
		var c int
		if b := text[i]; b < utf8.RuneSelf {
			c = int(byteClass[b])
			i++
		} else {
			r, size := utf8.DecodeRuneInString(text[i:])
			c = int(runeClass(r))
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
			out = append(out, refPiece{start, at})
		}
		start, class = at, c
	}
	if class != 0 {
		out = append(out, refPiece{start, len(text)})
	}
	return out
}

// TestPiecesAreTheReferencePieces checks the pieces that appendPieces cuts,
// eight bytes at a time where it can, against appendRefPieces, a rune at a
// time, on news text and on runs of the bytes either side of the classes'
// bounds, glued.
func TestPiecesAreTheReferencePieces(t *testing.T) {
	bytes := []string{"a", "Z", "m", "0", "9", "@", "[", "`", "{", "/", ":", " ", "\x7f", "é", "\xc1", "\xe1", "\xb0",
		"\xba", "\xfb", "\xff", "ł", "٣", "\u0301", "abcdefgh", "12345678", "Typhoons"}
	texts := append(testtext.ArticleLines(t), testtext.Phrases(6, 20000, 30, bytes, []string{"", "", " "})...)
	for _, text := range texts {
		if checkPieces(t, text); t.Failed() {
			return
		}
	}
}

func checkPieces(t *testing.T, text string) {
	t.Helper()
	got, want := appendPieces(nil, text), appendRefPieces(nil, text)
	if len(got) != len(want) {
		t.Fatalf("%q: %d pieces, want %d", text, len(got), len(want))
	}
	for k, p := range got {
		w := want[k]
		if int(p.start) != w.start || int(p.end()) != w.end || p.nonASCII() != !isASCII(text[w.start:w.end]) {
			t.Fatalf("%q: piece %d is %q (beyond ASCII %v), want %q", text, k, text[p.start:p.end()], p.nonASCII(), text[w.start:w.end])
		}
		// The key an ASCII piece is cut with, which appendPieces makes
		// in several ways.
		if !p.nonASCII() && p.key != p.keyOf(text, false).word {
			t.Fatalf("%q: piece %d, %q, has key %x, want %x", text, k, text[p.start:p.end()], p.key, p.keyOf(text, false).word)
		}
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func (m *refMatcher) findPieces(text string, pieces []refPiece) []Match {
	var out []Match
	for i := 0; i < len(pieces); {
		if i > 0 && pieces[i-1].end == pieces[i].start {
			i++ // inside a word: "2C" of "VN2C" starts no name
			continue
		}
		end, refs, next := m.longestAt(text, pieces, i)
		if refs == nil {
			i++
			continue
		}
		out = append(out, Match{Start: pieces[i].start, End: end, Refs: refs})
		i = next
	}
	return out
}

func (m *refMatcher) longestAt(text string, pieces []refPiece, i int) (end int, refs []Ref, next int) {
	n := m.root
	var buf [48]byte
	for j := i; j < len(pieces); j++ {
		if j > i && !joins(text[pieces[j-1].end:pieces[j].start]) {
			break
		}
		child, plural := n.step(text[pieces[j].start:pieces[j].end], &buf)
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
		stop := pieces[j].end
		after := j + 1
		if !plural && after < len(pieces) && pieces[after].start == stop {
			// Glued to more letters or digits: only a plural "s" may follow.
			if text[pieces[after].start:pieces[after].end] != "s" ||
				(after+1 < len(pieces) && pieces[after+1].start == pieces[after].end) {
				if plural {
					break
				}
				continue
			}
			stop, after = pieces[after].end, after+1
		}
		if ok := refAcceptable(text, pieces[i:j+1], n.refs); ok != nil {
			end, refs, next = stop, ok, after
		}
		if plural {
			break
		}
	}
	return end, refs, next
}

// refAcceptable keeps the refs whose capitalisation the text honours,
// looking at every piece of the name.
func refAcceptable(text string, pieces []refPiece, refs []Ref) []Ref {
	var mask, caps, lowSpaced uint64
	for k, p := range pieces {
		word := text[p.start:p.end]
		r, _ := utf8.DecodeRuneInString(word)
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			mask |= 1 << k
		} else if k+1 < len(pieces) && pieces[k+1].start > p.end && strings.ContainsAny(text[p.end:pieces[k+1].start], " \t\n\r\u00a0") {
			lowSpaced |= 1 << k // "at 10"
		}
		if isUpper(strings.TrimSuffix(word, "s")) {
			caps |= 1 << k // "IFVs" is the plural of an acronym
		}
	}
	var out []Ref
	for _, r := range refs {
		if r.upperMask&^mask == 0 && r.acronymMask&^caps == 0 && r.markedCaps&lowSpaced == 0 {
			out = append(out, r)
		}
	}
	return out
}

func (n *refNode) step(word string, buf *[48]byte) (child *refNode, plural bool) {
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

func checkMatchersAgree(t *testing.T, m *Matcher, ref *refMatcher, text string) {
	t.Helper()
	if got, want := m.FindAll(text), ref.findAll(text); !reflect.DeepEqual(got, want) {
		t.Errorf("in %q:\ngot  %v\nwant %v", text, got, want)
	}
	if got, want := m.FindAllText(&NewTexts([]string{text}).List[0]), ref.findAll(text); !reflect.DeepEqual(got, want) {
		t.Errorf("FindAllText in %q:\ngot  %v\nwant %v", text, got, want)
	}
	prior := Match{Start: -1}
	if got, want := m.AppendAllText([]Match{prior}, &NewTexts([]string{text}).List[0]), append([]Match{prior}, ref.findAll(text)...); !reflect.DeepEqual(got, want) {
		t.Errorf("AppendAllText in %q:\ngot  %v\nwant %v", text, got, want)
	}
}

func TestMatcherFindsWhatTheMapTrieFound(t *testing.T) {
	c := MustDefault()
	m, ref := c.Matcher(), newRefMatcher(c)
	for _, line := range testtext.ArticleLines(t) {
		checkMatchersAgree(t, m, ref, line)
	}
	// Phrases of catalog names, whole and cut, glued, plural, in other cases.
	var names []string
	c.eachName(func(name string, _ EntryKind, _ int) { names = append(names, name, name[:len(name)/2]) })
	for _, s := range testtext.Phrases(4, 20000, 5, names, []string{" ", " ", "-", "", "s ", "’s ", ", ", "\n", " the ", "/"}) {
		if checkMatchersAgree(t, m, ref, s); t.Failed() {
			return
		}
	}
}

func FuzzMatcherFindsWhatTheMapTrieFound(f *testing.F) {
	c := MustDefault()
	m, ref := c.Matcher(), newRefMatcher(c)
	for _, s := range []string{"six Norinco VN-2C IFVs", "Côte d’Ivoire", "the Eurofighter Typhoons", "Łódź", "a\xffb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkPieces(t, text)
		checkMatchersAgree(t, m, ref, text)
		// Windows of the text, as FindsIn reads them from its pieces.
		cut := NewTexts([]string{text})
		for _, start := range []int{0, len(text) / 3, len(text) / 2} {
			for _, end := range []int{len(text), start + (len(text)-start)/2, start + 1} {
				if end <= len(text) {
					checkWindow(t, &cut.List[0], start, end)
					if got, want := m.FindsIn(&cut.List[0], start, end), m.FindAll(text[start:end]) != nil; got != want {
						t.Fatalf("%q [%d:%d]: FindsIn %v, want %v", text, start, end, got, want)
					}
				}
			}
		}
		cut.Release()
	})
}
