package annotate

import (
	"math/bits"
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode"
	"unicode/utf8"
)

// WordRegexp is a regular expression whose matches start at the start of a
// word. Go's regexp simulates every pattern at every byte of its input,
// which for large alternations runs at about one megabyte a second; a
// WordRegexp tries the pattern, anchored, only at the word starts where a
// match can begin: whose first byte can begin one, which begin with one of
// the pattern's start strings (see startSet), and which pass its user's
// test (see Where). That is a small share of them.
//
// The word starts of MustCompileWords follow no letter or digit of any
// script, and each attempt reads a window of the text. Those of
// MustCompileSearch are where Go's \b holds, and its methods find exactly
// what regexp's find.
type WordRegexp struct {
	pattern  string
	anchored *regexp.Regexp
	first    [256]bool // bytes that can begin a match
	// pairs[b] has bit c&63 set when a match can begin with the bytes b
	// then c (every bit, when what follows b is not listed); it is zero
	// when no match begins with b. next tries only the word starts it
	// lets through, most of which the first two bytes rule out.
	pairs [256]uint64
	// otherFirsts is lowBits<<7 when an ASCII byte other than a letter
	// can begin a match, else 0 (see next).
	otherFirsts uint64
	starts      startSet
	// mayStart, when set, is a test that the text passes at the start of
	// every match, which the pattern's user knows and is cheaper than it.
	mayStart func(text string, i int) bool
	// appendAnchored, when set, stands for anchored.FindStringSubmatchIndex,
	// and may append the match to dst, a slice its caller reuses. It folds
	// ASCII case only, where the pattern's does: where that folds a letter
	// with a rune beyond ASCII (foldsCase), the pattern reads the texts
	// with such a rune.
	appendAnchored func(dst []int, s string) []int
	foldsCase      bool
	// search marks the patterns of MustCompileSearch. plain is such a
	// pattern unanchored, for the texts in which a rune beyond ASCII may
	// begin a match (in beyondASCII, pairs of bounds).
	search      bool
	plain       *regexp.Regexp
	beyondASCII []rune
	// maxLen bounds the bytes of a match, -1 when the pattern has none.
	maxLen int
	// lettersFirst: only ASCII letters can begin a match, so that the
	// matches begin where appendWordSpansStarts finds words (see nextAt).
	lettersFirst bool
	// startsListed: lettersBeginning took its first letters, so that the
	// word starts appendWordSpansStarts lists include all of its matches'.
	startsListed bool
}

// MustCompileWords compiles pattern (Perl syntax, as regexp.MustCompile).
func MustCompileWords(pattern string) *WordRegexp {
	w, _ := compileWords(pattern)
	return w
}

// MustCompileSearch compiles a pattern every match of which begins where
// \b holds, before a letter, digit or underscore, and holds at least one
// of them (Perl syntax, as regexp.MustCompile). It panics on other
// patterns.
func MustCompileSearch(pattern string) *WordRegexp {
	w, prog := compileWords(pattern)
	w.search = true
	w.plain = regexp.MustCompile(pattern)
	if !boundaryThenRune(prog, uint32(prog.Start), false, map[uint32]bool{}) {
		panic("annotate: " + pattern + " can match without a word boundary before a word")
	}
	for b, ok := range w.first[:utf8.RuneSelf] {
		if ok && !wordBytes[b] {
			panic("annotate: " + pattern + " can begin with " + string(rune(b)))
		}
	}
	w.beyondASCII = firstRunesBeyondASCII(prog)
	return w
}

func compileWords(pattern string) (*WordRegexp, *syntax.Prog) {
	w := &WordRegexp{pattern: pattern, anchored: regexp.MustCompile(`^(?:` + pattern + `)`)}
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		panic(err)
	}
	re = re.Simplify()
	prog, err := syntax.Compile(re)
	if err != nil {
		panic(err)
	}
	w.firstBytes(prog)
	for c, ok := range w.first[:utf8.RuneSelf] {
		if ok && !ASCIILetter(byte(c)) {
			w.otherFirsts = lowBits << 7
		}
	}
	w.firstPairs(re)
	w.lettersFirst = lettersFirst(prog)
	w.foldsCase = foldsBeyondASCII(re)
	w.starts = newStartSet(re)
	w.maxLen = maxBytes(re)
	return w, prog
}

// maxBytes is the most bytes a match of re can hold, or -1 for no bound.
func maxBytes(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpLiteral:
		n := 0
		for _, r := range re.Rune {
			size := utf8.RuneLen(r)
			if re.Flags&syntax.FoldCase != 0 {
				for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
					size = max(size, utf8.RuneLen(f))
				}
			}
			n += size
		}
		return n
	case syntax.OpCharClass:
		if len(re.Rune) == 0 {
			return 0
		}
		return utf8.RuneLen(re.Rune[len(re.Rune)-1])
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return utf8.UTFMax
	case syntax.OpCapture, syntax.OpQuest:
		return maxBytes(re.Sub[0])
	case syntax.OpConcat, syntax.OpAlternate:
		n := 0
		for _, sub := range re.Sub {
			m := maxBytes(sub)
			if m < 0 {
				return -1
			}
			if re.Op == syntax.OpConcat {
				n += m
			} else {
				n = max(n, m)
			}
		}
		return n
	case syntax.OpRepeat:
		if m := maxBytes(re.Sub[0]); m >= 0 && re.Max >= 0 {
			return re.Max * m
		}
		return -1
	case syntax.OpStar, syntax.OpPlus:
		return -1
	}
	return 0 // an empty match or a test
}

// Where returns w trying its pattern only at word starts where mayStart
// holds.
func (w *WordRegexp) Where(mayStart func(text string, i int) bool) *WordRegexp {
	w.mayStart = mayStart
	return w
}

// firstInsts lists the instructions that the program can run first
// after ones that read nothing: those reading the first rune, or matching
// or failing at once.
func firstInsts(prog *syntax.Prog) []*syntax.Inst {
	var out []*syntax.Inst
	seen := map[uint32]bool{}
	var walk func(pc uint32)
	walk = func(pc uint32) {
		if seen[pc] {
			return
		}
		seen[pc] = true
		switch inst := &prog.Inst[pc]; inst.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			walk(inst.Out)
			walk(inst.Arg)
		case syntax.InstCapture, syntax.InstEmptyWidth, syntax.InstNop:
			walk(inst.Out)
		default:
			out = append(out, inst)
		}
	}
	walk(uint32(prog.Start))
	return out
}

// lettersFirst: only ASCII letters can begin a match. (first is wider
// where the pattern folds case: "[Dd]" reads as a folded "d".)
func lettersFirst(prog *syntax.Prog) bool {
	for _, inst := range firstInsts(prog) {
		if inst.Op != syntax.InstRune && inst.Op != syntax.InstRune1 {
			return false
		}
		if len(inst.Rune) == 1 { // one rune, folded or not
			r := inst.Rune[0]
			if r >= utf8.RuneSelf || !ASCIILetter(byte(r)) {
				return false
			}
			if syntax.Flags(inst.Arg)&syntax.FoldCase != 0 {
				for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
					if f >= utf8.RuneSelf {
						return false
					}
				}
			}
			continue
		}
		for k := 0; k+1 < len(inst.Rune); k += 2 {
			for r := inst.Rune[k]; r <= inst.Rune[k+1]; r++ {
				if r >= utf8.RuneSelf || !ASCIILetter(byte(r)) {
					return false
				}
			}
		}
	}
	return true
}

// lettersBeginning marks the bytes that can begin a match of one of ws,
// which only ASCII letters begin, and lets nextAt run them.
func lettersBeginning(ws ...*WordRegexp) (t [256]bool) {
	for _, w := range ws {
		if !w.lettersFirst {
			panic("annotate: " + w.pattern + " can begin with a byte other than an ASCII letter")
		}
		w.startsListed = true
		for c := range utf8.RuneSelf {
			t[c] = t[c] || w.first[c]
		}
	}
	return t
}

// firstBytes marks the bytes that can begin a match.
func (w *WordRegexp) firstBytes(prog *syntax.Prog) {
	for _, inst := range firstInsts(prog) {
		switch inst.Op {
		case syntax.InstRune, syntax.InstRune1:
			fold := syntax.Flags(inst.Arg)&syntax.FoldCase != 0
			if len(inst.Rune) == 1 { // one rune, folded or not
				w.markRange(inst.Rune[0], inst.Rune[0], fold)
				continue
			}
			for i := 0; i+1 < len(inst.Rune); i += 2 {
				w.markRange(inst.Rune[i], inst.Rune[i+1], fold)
			}
		default: // any rune, or a match of nothing: every byte may start one
			for b := range w.first {
				w.first[b] = true
			}
		}
	}
}

func (w *WordRegexp) markRange(lo, hi rune, fold bool) {
	if hi >= utf8.RuneSelf {
		for b := 0x80; b < 256; b++ {
			w.first[b] = true
		}
		if lo >= utf8.RuneSelf {
			return
		}
		hi = utf8.RuneSelf - 1
	}
	for r := lo; r <= hi; r++ {
		w.first[r] = true
		if fold && 'a' <= r && r <= 'z' {
			w.first[r-'a'+'A'] = true
		} else if fold && 'A' <= r && r <= 'Z' {
			w.first[r-'A'+'a'] = true
		}
	}
	if fold {
		// Letters whose case fold leaves ASCII: K (Kelvin sign), S (long s).
		for b := 0x80; b < 256; b++ {
			w.first[b] = true
		}
	}
}

// firstPairs sets pairs, after first, from the strings of two bytes that
// the matches begin with. Go's regexp reads a byte that is not UTF-8 as
// U+FFFD, which a pattern would list by other bytes: so where a match can
// begin beyond ASCII, any byte beyond ASCII may begin one, and where a byte
// beyond ASCII can follow the first, any byte may follow it.
func (w *WordRegexp) firstPairs(re *syntax.Regexp) {
	const anyByte = ^uint64(0) // any second byte
	starts, listed := startsOf(re, 2, 0)
	beyondASCII := false
	for _, s := range starts {
		switch {
		case s.text == "": // a match can begin in ways not listed
			listed = false
		case s.text[0] >= utf8.RuneSelf:
			beyondASCII = true
		case len(s.text) == 1 || s.text[1] >= utf8.RuneSelf:
			w.pairs[s.text[0]] = anyByte
		default:
			w.pairs[s.text[0]] |= 1 << (s.text[1] & 63)
		}
	}
	for b, ok := range w.first {
		switch {
		case !ok:
			w.pairs[b] = 0
		case !listed || b >= utf8.RuneSelf && beyondASCII:
			w.pairs[b] = anyByte
		}
	}
}

// pairAllows: a match can begin at byte k of text, as far as pairs
// tells from its first two bytes.
func pairAllows(pairs *[256]uint64, text string, k int) bool {
	p := pairs[text[k]]
	return p != 0 && (k+1 == len(text) || p>>(text[k+1]&63)&1 != 0)
}

// boundaryThenRune: every path from pc meets \b, unless boundary says
// it has, and then reads a rune before it matches.
func boundaryThenRune(prog *syntax.Prog, pc uint32, boundary bool, seen map[uint32]bool) bool {
	if boundary {
		pc |= 1 << 31 // the same instruction, met after \b
	}
	if seen[pc] {
		return true
	}
	seen[pc] = true
	inst := &prog.Inst[pc&^(1<<31)]
	switch inst.Op {
	case syntax.InstAlt, syntax.InstAltMatch:
		return boundaryThenRune(prog, inst.Out, boundary, seen) && boundaryThenRune(prog, inst.Arg, boundary, seen)
	case syntax.InstEmptyWidth:
		return boundaryThenRune(prog, inst.Out, boundary || syntax.EmptyOp(inst.Arg)&syntax.EmptyWordBoundary != 0, seen)
	case syntax.InstCapture, syntax.InstNop:
		return boundaryThenRune(prog, inst.Out, boundary, seen)
	case syntax.InstFail:
		return true
	case syntax.InstMatch:
		return false
	}
	return boundary // a rune
}

// firstRunesBeyondASCII lists, as pairs of bounds, the runes beyond ASCII
// that can begin a match, case folds included.
func firstRunesBeyondASCII(prog *syntax.Prog) []rune {
	var out []rune
	for _, inst := range firstInsts(prog) {
		switch inst.Op {
		case syntax.InstRune, syntax.InstRune1:
			if len(inst.Rune) == 1 && syntax.Flags(inst.Arg)&syntax.FoldCase != 0 {
				r := inst.Rune[0]
				for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
					if f >= utf8.RuneSelf {
						out = append(out, f, f)
					}
				}
			}
			for k := 0; k+1 < len(inst.Rune); k += 2 {
				if inst.Rune[k+1] >= utf8.RuneSelf {
					out = append(out, max(inst.Rune[k], utf8.RuneSelf), inst.Rune[k+1])
				}
			}
			if len(inst.Rune) == 1 && inst.Rune[0] >= utf8.RuneSelf {
				out = append(out, inst.Rune[0], inst.Rune[0])
			}
		case syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			out = append(out, utf8.RuneSelf, unicode.MaxRune)
		}
	}
	return out
}

// beyondASCIIStart: a rune of text beyond ASCII can begin a match.
func (w *WordRegexp) beyondASCIIStart(text string) bool {
	for i := 0; i < len(text); i++ {
		if text[i] < utf8.RuneSelf {
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		for k := 0; k+1 < len(w.beyondASCII); k += 2 {
			if w.beyondASCII[k] <= r && r <= w.beyondASCII[k+1] {
				return true
			}
		}
		i += size - 1
	}
	return false
}

// MatchedBy returns w trying its pattern with matchAnchored, the same
// pattern written out in Go: it returns what the pattern, anchored at the
// start of s, returns for FindStringSubmatchIndex(s), folding only ASCII
// letters where the pattern ignores case.
func (w *WordRegexp) MatchedBy(matchAnchored func(s string) []int) *WordRegexp {
	return w.AppendedBy(func(_ []int, s string) []int { return matchAnchored(s) })
}

// AppendedBy is MatchedBy with a matcher that appends the match to dst,
// an empty slice, and returns it (nil for none): FindSubmatchIndexIn then
// finds a match in its caller's room, allocating nothing.
func (w *WordRegexp) AppendedBy(appendAnchored func(dst []int, s string) []int) *WordRegexp {
	w.appendAnchored = appendAnchored
	return w
}

// anchoredAt is the anchored pattern's match in s, in dst where the
// matcher appends it there.
func (w *WordRegexp) anchoredAt(dst []int, s string) []int {
	if w.appendAnchored != nil && !(w.foldsCase && foldsIntoASCII(s)) {
		return w.appendAnchored(dst, s)
	}
	return w.anchored.FindStringSubmatchIndex(s)
}

// startsWord: byte i of text, which can begin a match, starts a word as
// the pattern's matches do.
func (w *WordRegexp) startsWord(text string, i int) bool {
	if w.search {
		return text[i] < utf8.RuneSelf && (i == 0 || !wordBytes[text[i-1]])
	}
	return wordStart(text, i)
}

// next returns the first match that starts at or after byte from, with its
// groups, as byte offsets of text (in dst where the matcher appends it
// there); or nil. Eight bytes at a time, it looks up only the letters that
// follow no ASCII letter (any byte that does, when the pattern can begin
// with another ASCII byte) and the bytes beyond ASCII; mayMatchAt turns
// down those that follow a digit or underscore.
func (w *WordRegexp) next(dst []int, text string, from int) []int {
	const high = lowBits << 7
	pairs := &w.pairs // read through w, each byte took two more instructions
	i := from
	if i+8 <= len(text) {
		// The letters of the eight bytes before i, of which only the last
		// one's counts.
		var afterLetter uint64
		if i > 0 && ASCIILetter(text[i-1]) {
			afterLetter = high
		}
		for ; i+8 <= len(text); i += 8 {
			x := load8(text, i)
			letters := bytesIn(x|0x20*lowBits, 'a', 'z') // either case
			for m := ((letters|w.otherFirsts)&^(letters<<8|afterLetter>>56) | x) & high; m != 0; m &= m - 1 {
				if k := i + bits.TrailingZeros64(m)/8; pairAllows(pairs, text, k) && w.starts.mayAdmit(text, k) {
					if found := w.matchAt(dst, text, k); found != nil {
						return found
					}
				}
			}
			afterLetter = letters
		}
	}
	for ; i < len(text); i++ {
		if c := text[i]; pairAllows(pairs, text, i) && w.starts.mayAdmit(text, i) && (i == 0 || !wordBytes[text[i-1]] || c >= utf8.RuneSelf) {
			if found := w.matchAt(dst, text, i); found != nil {
				return found
			}
		}
	}
	return nil
}

// matchAt returns the match that starts at byte i, a candidate of next, as
// byte offsets of text; or nil.
func (w *WordRegexp) matchAt(dst []int, text string, i int) []int {
	if !w.startsWord(text, i) {
		return nil
	}
	return w.matchAtWord(dst, text, i)
}

// matchAtWord is matchAt at a byte that starts a word (startsWord): it
// runs the pattern where the text passes the cheap tests that every match
// passes.
func (w *WordRegexp) matchAtWord(dst []int, text string, i int) []int {
	if w.starts.prefixLen != 0 && !w.starts.admits(text, i) || w.mayStart != nil && !w.mayStart(text, i) {
		return nil
	}
	m := w.match(dst, text, i)
	if m == nil || m[1] == 0 {
		return nil
	}
	for k := range m {
		if m[k] >= 0 {
			m[k] += i
		}
	}
	return m
}

// ASCIILetter: c is an ASCII letter (c|0x20 lowers a capital and moves
// no other byte into a to z).
func ASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// window bounds the text one attempt of MustCompileWords reads. Go runs
// its fast backtracking matcher only on short inputs, and no phrase these
// patterns look for is this long.
const window = 96

// match tries the pattern at byte i: on as much of the text as a match
// can read, when that is bounded. Otherwise MustCompileWords' patterns
// read a window of the text, and a match that reaches the window's end is
// tried again on the whole rest, since the window's end may have faked a
// word boundary.
func (w *WordRegexp) match(dst []int, text string, i int) []int {
	if w.maxLen >= 0 {
		// A match reads no further than the byte after its end.
		return w.anchoredAt(dst, text[i:min(len(text), i+w.maxLen+1)])
	}
	if w.search {
		return w.anchoredAt(dst, text[i:])
	}
	end := min(len(text), i+window)
	m := w.anchoredAt(dst, text[i:end])
	if m != nil && m[1] == end-i && end < len(text) {
		m = w.anchoredAt(dst, text[i:])
	}
	return m
}

// usePlain: the text needs the unanchored pattern.
func (w *WordRegexp) usePlain(text string) bool {
	return w.search && len(w.beyondASCII) > 0 && w.beyondASCIIStart(text)
}

// FindAllSubmatchIndex returns, like regexp's, the leftmost non-overlapping
// matches and their groups as byte offsets of text.
func (w *WordRegexp) FindAllSubmatchIndex(text string) [][]int {
	if w.usePlain(text) {
		return w.plain.FindAllStringSubmatchIndex(text, -1)
	}
	var out [][]int
	for m := w.next(nil, text, 0); m != nil; m = w.next(nil, text, m[1]) {
		out = append(out, m)
	}
	return out
}

// nextAt is next for a text whose word starts (appendWordSpansStarts)
// are listed in words: a pattern that only ASCII letters begin can match
// only there, and tries no other byte (those starts pass wordStart). It
// returns the first match, in dst
// where the matcher appends it there, and the words after it, for the
// next call; or nil.
func (w *WordRegexp) nextAt(dst []int, text string, words []int) (m, rest []int) {
	if len(words) == 0 { // as most lists of starts before a closing word are: no call
		return nil, nil
	}
	return w.nextAtSome(dst, text, words)
}

// nextAtSome is nextAt for a list of words that is not empty.
func (w *WordRegexp) nextAtSome(dst []int, text string, words []int) (m, rest []int) {
	if !w.startsListed || w.search { // whose matches may begin at starts not listed
		panic("annotate: nextAt cannot run " + w.pattern + ": its first letters are not in mentionFirsts")
	}
	for k, i := range words {
		if !pairAllows(&w.pairs, text, i) || !w.starts.mayAdmit(text, i) {
			continue
		}
		if m := w.matchAtWord(dst, text, i); m != nil {
			for k < len(words) && words[k] < m[1] {
				k++
			}
			return m, words[k:]
		}
	}
	return nil, nil
}

// FindSubmatchIndex returns the first match and its groups, or nil.
func (w *WordRegexp) FindSubmatchIndex(text string) []int {
	return w.FindSubmatchIndexIn(nil, text)
}

// FindSubmatchIndexIn is FindSubmatchIndex, returning the match in the
// memory of room, which it overwrites, where the pattern's matcher appends
// it there (AppendedBy) and room has the capacity: a caller that reads
// each match before the next reuses room.
func (w *WordRegexp) FindSubmatchIndexIn(room []int, text string) []int {
	if w.usePlain(text) {
		return w.plain.FindStringSubmatchIndex(text)
	}
	return w.next(room[:0], text, 0)
}

// FindIndex returns the first match, or nil.
func (w *WordRegexp) FindIndex(text string) []int {
	if m := w.FindSubmatchIndex(text); m != nil {
		return m[:2]
	}
	return nil
}

// MatchString reports whether text holds a match.
func (w *WordRegexp) MatchString(text string) bool { return w.FindSubmatchIndex(text) != nil }

// String returns the pattern.
func (w *WordRegexp) String() string { return w.pattern }

// wordStart: byte i starts a word: it is not a continuation byte and the
// rune before it is no letter or digit.
func wordStart(text string, i int) bool {
	if !utf8.RuneStart(text[i]) {
		return false
	}
	if i == 0 {
		return true
	}
	if c := text[i-1]; c < utf8.RuneSelf {
		return !wordBytes[c]
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_')
}

// startSet holds strings that every match of a pattern begins with one
// of, by length: those of the set's greatest length, and whole matches
// shorter than that. A pattern that begins with a choice of words
// ("President|Colonel|...") tests most word starts that way without
// running. The strings of a case-insensitive pattern are folded (see
// startKey), which can only let more word starts through.
type startSet struct {
	fold uint64 // OR-ed into each byte of a key
	// prefixes are the strings cut to the shortest one's length, a first
	// test that takes one look-up, and which tells the lengths of the
	// strings that begin with each (see keySet.lens).
	prefixLen int // 0 when the pattern can begin too many ways
	prefixes  keySet
	keys      [maxStartLen + 1]keySet // the strings of each length
	// firstThree has, in slot threeSlot of each prefix's first two bytes,
	// bit c&63 set for its third byte c: a test of a few instructions
	// that turns down most of the word starts that admits does.
	firstThree *[1024]uint64
}

// Bounds of a start set: its strings' length, and their number. Fewer than
// three bytes rarely tell words apart.
const (
	minStartLen   = 3
	maxStartLen   = 8
	maxStartCount = 4096
	maxClassRunes = 64 // a larger class stands for any rune
)

func newStartSet(re *syntax.Regexp) startSet {
	var fold uint64
	if foldsCase(re) {
		fold = 0x2020202020202020
	}
	for n := maxStartLen; n >= minStartLen; n-- {
		starts, ok := startsOf(re, n, byte(fold))
		if !ok {
			continue
		}
		set := startSet{fold: fold, prefixLen: n}
		var byLen [maxStartLen + 1][]uint64
		for _, s := range starts {
			set.prefixLen = min(set.prefixLen, len(s.text))
			byLen[len(s.text)] = append(byLen[len(s.text)], startKey(s.text, 0, len(s.text), fold))
		}
		if set.prefixLen < minStartLen {
			return startSet{} // too short a test to tell words apart
		}
		var prefixes []uint64
		var lens []uint16
		for _, s := range starts {
			prefixes = append(prefixes, startKey(s.text, 0, set.prefixLen, fold))
			lens = append(lens, 1<<len(s.text))
		}
		set.prefixes = newKeySet(prefixes, lens)
		set.firstThree = new([1024]uint64)
		for _, p := range prefixes {
			set.firstThree[threeSlot(byte(p), byte(p>>8))] |= 1 << (p >> 16 & 63)
		}
		for k, keys := range byLen {
			if keys != nil {
				set.keys[k] = newKeySet(keys, nil)
			}
		}
		return set
	}
	return startSet{}
}

// threeSlot is the slot of firstThree for the first two bytes of a key.
func threeSlot(b0, b1 byte) uint { return (uint(b0)*31 + uint(b1)) & 1023 }

// mayAdmit: admits may hold at i, as far as the first three bytes there
// tell; it does hold where there are no strings.
func (s *startSet) mayAdmit(text string, i int) bool {
	if s.firstThree == nil {
		return true
	}
	if i+3 > len(text) { // too short for a prefix
		return false
	}
	f := byte(s.fold)
	return s.firstThree[threeSlot(text[i]|f, text[i+1]|f)]>>((text[i+2]|f)&63)&1 != 0
}

// admits: text at i begins with one of the strings, or there are none.
func (s *startSet) admits(text string, i int) bool {
	if s.prefixLen == 0 {
		return true
	}
	if i+s.prefixLen > len(text) {
		return false
	}
	// The bytes at i that the longest key holds, read once: each key is
	// those of its length.
	var w uint64
	if i+maxStartLen <= len(text) {
		w = load8(text, i) | s.fold
	} else {
		w = startKey(text, i, len(text)-i, s.fold)
	}
	lens := s.prefixes.lens(w & keyMask[s.prefixLen])
	if lens&(1<<s.prefixLen) != 0 {
		return true // the prefix is a whole string
	}
	for lens != 0 {
		n := bits.Len16(lens) - 1
		lens &^= 1 << n
		if i+n <= len(text) && s.keys[n].has(w&keyMask[n]) {
			return true
		}
	}
	return false
}

// asciiFoldPartners are the runes beyond ASCII that fold to ASCII
// letters: the long s and the Kelvin sign.
var asciiFoldPartners = func() (out []string) {
	for c := 'a'; c <= 'z'; c++ {
		for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
			if f >= utf8.RuneSelf {
				out = append(out, string(f))
			}
		}
	}
	return out
}()

// foldsIntoASCII: s holds a rune beyond ASCII that folds to an ASCII
// letter.
func foldsIntoASCII(s string) bool {
	return holdsBeyondASCII(s, asciiFoldPartners)
}

// holdsBeyondASCII: s holds one of words, which begin beyond ASCII, so
// that only the rest of s from its first byte beyond ASCII, most often
// none, can hold one.
func holdsBeyondASCII(s string, words []string) bool {
	s = s[asciiRunEnd(s, 0):]
	if s == "" {
		return false
	}
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// foldsBeyondASCII: the pattern ignores the case of a letter that folds
// with a rune beyond ASCII: "k" (the Kelvin sign), "s" (the long s), or
// one beyond ASCII itself. Its other letters, such as the "d" that
// "[Dd]" reads as, fold within ASCII.
func foldsBeyondASCII(re *syntax.Regexp) bool {
	if re.Op == syntax.OpLiteral && re.Flags&syntax.FoldCase != 0 {
		for _, r := range re.Rune {
			for f := unicode.SimpleFold(r); ; f = unicode.SimpleFold(f) {
				if f >= utf8.RuneSelf {
					return true
				}
				if f == r {
					break
				}
			}
		}
	}
	for _, sub := range re.Sub {
		if foldsBeyondASCII(sub) {
			return true
		}
	}
	return false
}

// foldsCase: the pattern ignores case somewhere.
func foldsCase(re *syntax.Regexp) bool {
	if re.Op == syntax.OpLiteral && re.Flags&syntax.FoldCase != 0 {
		return true
	}
	for _, sub := range re.Sub {
		if foldsCase(sub) {
			return true
		}
	}
	return false
}

// startKey packs the n bytes of text at i, at most eight, into a word,
// each OR-ed with fold: 0x20 folds ASCII letters to lower case (and leaves
// the other bytes of a word alone), so that one key stands for every
// case.
func startKey(text string, i, n int, fold uint64) uint64 {
	var w uint64
	if i+8 <= len(text) {
		s := text[i : i+8]
		w = uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	} else {
		for k := i + n - 1; k >= i; k-- {
			w = w<<8 | uint64(text[k])
		}
	}
	return (w | fold) & keyMask[n]
}

// keyMask[n] keeps the n low bytes of a word.
var keyMask = func() (t [9]uint64) {
	for n := range t {
		t[n] = 1<<(8*n) - 1
	}
	t[8] = ^uint64(0)
	return t
}()

// keySet is a set of non-zero words, open-addressed.
type keySet struct {
	slots []uint64 // a power of two long, at most half full; 0 is empty
	// lensBySlot, in a set of prefixes, has bit n set for each string of n
	// bytes that begins with the prefix in the same slot.
	lensBySlot []uint16
}

// newKeySet makes the set of keys; lens, if not nil, gives each key's
// bits of lensBySlot, OR-ed where keys repeat.
func newKeySet(keys []uint64, lens []uint16) keySet {
	size := 16
	for size < 2*len(keys) {
		size *= 2
	}
	s := keySet{slots: make([]uint64, size)}
	if lens != nil {
		s.lensBySlot = make([]uint16, size)
	}
	for j, k := range keys {
		i := s.slot(k)
		for s.slots[i] != 0 && s.slots[i] != k {
			i = (i + 1) & (len(s.slots) - 1)
		}
		s.slots[i] = k
		if lens != nil {
			s.lensBySlot[i] |= lens[j]
		}
	}
	return s
}

func (s *keySet) slot(k uint64) int {
	return int((k * 0x9e3779b97f4a7c15) >> 40 & uint64(len(s.slots)-1))
}

func (s *keySet) has(k uint64) bool {
	for i := s.slot(k); s.slots[i] != 0; i = (i + 1) & (len(s.slots) - 1) {
		if s.slots[i] == k {
			return true
		}
	}
	return false
}

// lens is k's bits of lensBySlot, 0 when the set lacks k.
func (s *keySet) lens(k uint64) uint16 {
	for i := s.slot(k); s.slots[i] != 0; i = (i + 1) & (len(s.slots) - 1) {
		if s.slots[i] == k {
			return s.lensBySlot[i]
		}
	}
	return 0
}

// start is a string of at most n bytes that a match can begin with. A
// shorter one is a whole match of its expression, which the expression
// after it in a concatenation continues, unless it is open: the end of a
// repetition, which can go on in ways not listed.
type start struct {
	text string
	open bool
}

// startsOf lists the strings of n bytes, or fewer for whole or open
// matches, that every match of re begins with one of, each byte OR-ed
// with fold; ok is false when there are more than maxStartCount.
func startsOf(re *syntax.Regexp, n int, fold byte) (out []start, ok bool) {
	switch re.Op {
	case syntax.OpNoMatch:
		return nil, true
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return []start{{}}, true // no bytes: a test only narrows the matches
	case syntax.OpLiteral:
		out = []start{{}}
		for _, r := range re.Rune {
			runes := []rune{r}
			if re.Flags&syntax.FoldCase != 0 {
				for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
					runes = append(runes, f)
				}
			}
			if out, ok = concatStarts(out, runeStarts(runes, fold), n); !ok {
				return nil, false
			}
		}
		return out, true
	case syntax.OpCharClass:
		var runes []rune
		for k := 0; k+1 < len(re.Rune); k += 2 {
			for r := re.Rune[k]; r <= re.Rune[k+1]; r++ {
				if runes = append(runes, r); len(runes) > maxClassRunes {
					return anyRune, true
				}
			}
		}
		return runeStarts(runes, fold), true
	case syntax.OpCapture:
		return startsOf(re.Sub[0], n, fold)
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		sub, ok := startsOf(re.Sub[0], n, fold)
		if !ok {
			return nil, false
		}
		if re.Op == syntax.OpQuest {
			return append([]start{{}}, sub...), true
		}
		// x* is nothing or x then more, which this does not follow.
		more := []start{{}}
		for _, s := range sub {
			more = append(more, start{text: s.text, open: true})
		}
		if re.Op == syntax.OpStar || re.Op == syntax.OpRepeat && re.Min == 0 {
			return more, true
		}
		return concatStarts(sub, more, n) // x+ is x then x*
	case syntax.OpConcat:
		out = []start{{}}
		for _, sub := range re.Sub {
			if allEnded(out, n) {
				break
			}
			// What follows matters only as far as it reaches within n
			// bytes of the shortest string it continues: a counted gap
			// ("(?:[^.;]|\.\d){0,80}") is then read a few levels deep,
			// not eighty.
			next, ok := startsOf(sub, n-shortestGoingOn(out, n), fold)
			if !ok {
				return nil, false
			}
			if out, ok = concatStarts(out, next, n); !ok {
				return nil, false
			}
		}
		return out, true
	case syntax.OpAlternate:
		seen := map[start]bool{}
		for _, sub := range re.Sub {
			next, ok := startsOf(sub, n, fold)
			if !ok {
				return nil, false
			}
			for _, s := range next {
				if !seen[s] {
					seen[s] = true
					out = append(out, s)
				}
			}
			if len(out) > maxStartCount {
				return nil, false
			}
		}
		return out, true
	}
	return anyRune, true
}

// anyRune stands for a rune of a class too large to list: the strings
// before it go on in ways not listed.
var anyRune = []start{{open: true}}

// allEnded: no string of starts goes on with what follows.
func allEnded(starts []start, n int) bool {
	for _, s := range starts {
		if !s.open && len(s.text) < n {
			return false
		}
	}
	return true
}

// shortestGoingOn is the length of the shortest string of starts that
// what follows continues; some string must go on (see allEnded).
func shortestGoingOn(starts []start, n int) int {
	shortest := n
	for _, s := range starts {
		if !s.open && len(s.text) < shortest {
			shortest = len(s.text)
		}
	}
	return shortest
}

// runeStarts are the one-rune starts of runes, each byte OR-ed with fold,
// without repeats.
func runeStarts(runes []rune, fold byte) []start {
	var out []start
	seen := map[string]bool{}
	for _, r := range runes {
		b := []byte(string(r))
		for k := range b {
			b[k] |= fold
		}
		if !seen[string(b)] {
			seen[string(b)] = true
			out = append(out, start{text: string(b)})
		}
	}
	return out
}

// concatStarts lists the starts of a match of one expression followed by
// a match of the next, cut to n bytes.
func concatStarts(heads, tails []start, n int) ([]start, bool) {
	var out []start
	seen := map[start]bool{}
	add := func(s start) {
		if len(s.text) >= n {
			s = start{text: s.text[:n]}
		}
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, h := range heads {
		if h.open || len(h.text) >= n {
			add(h)
			continue
		}
		for _, t := range tails {
			add(start{text: h.text + t.text, open: t.open})
		}
		if len(out) > maxStartCount {
			return nil, false
		}
	}
	return out, true
}
