package annotate

import (
	"regexp"
	"regexp/syntax"
	"unicode"
	"unicode/utf8"
)

// WordRegexp is a regular expression whose matches start at the start of a
// word (the pattern's first character is a letter or digit). Go's regexp simulates every pattern at every byte of its input,
// which for the large alternations of dates and triggers runs at about one
// megabyte a second; a WordRegexp tries the pattern, anchored, only at word
// starts whose first byte can begin a match, which is a small share of them.
type WordRegexp struct {
	anchored *regexp.Regexp
	first    [256]bool // bytes that can begin a match
}

// MustCompileWords compiles pattern (Perl syntax, as regexp.MustCompile).
func MustCompileWords(pattern string) *WordRegexp {
	w := &WordRegexp{anchored: regexp.MustCompile(`^(?:` + pattern + `)`)}
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		panic(err)
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		panic(err)
	}
	w.firstBytes(prog, uint32(prog.Start), map[uint32]bool{})
	return w
}

// firstBytes marks the bytes that the instructions reachable from pc
// without consuming input can match first.
func (w *WordRegexp) firstBytes(prog *syntax.Prog, pc uint32, seen map[uint32]bool) {
	if seen[pc] {
		return
	}
	seen[pc] = true
	inst := &prog.Inst[pc]
	switch inst.Op {
	case syntax.InstAlt, syntax.InstAltMatch:
		w.firstBytes(prog, inst.Out, seen)
		w.firstBytes(prog, inst.Arg, seen)
	case syntax.InstCapture, syntax.InstEmptyWidth, syntax.InstNop:
		w.firstBytes(prog, inst.Out, seen)
	case syntax.InstRune, syntax.InstRune1:
		fold := syntax.Flags(inst.Arg)&syntax.FoldCase != 0
		if len(inst.Rune) == 1 { // one rune, folded or not
			w.markRange(inst.Rune[0], inst.Rune[0], fold)
			return
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

// FindAllSubmatchIndex returns, like regexp's, the leftmost non-overlapping
// matches and their groups as byte offsets of text, for matches that start
// at a word start.
func (w *WordRegexp) FindAllSubmatchIndex(text string) [][]int {
	var out [][]int
	for i := 0; i < len(text); i++ {
		if !w.first[text[i]] || !wordStart(text, i) {
			continue
		}
		m := w.match(text, i)
		if m == nil || m[1] == 0 {
			continue
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += i
			}
		}
		out = append(out, m)
		i = m[1] - 1
	}
	return out
}

// window bounds the text one anchored attempt reads. Go runs its fast
// backtracking matcher only on short inputs, and no phrase these patterns
// look for is this long.
const window = 96

// match tries the pattern at byte i, on a window of the text; a match that
// reaches the window's end is tried again on the whole rest, since the
// window's end may have faked a word boundary.
func (w *WordRegexp) match(text string, i int) []int {
	end := min(len(text), i+window)
	m := w.anchored.FindStringSubmatchIndex(text[i:end])
	if m != nil && m[1] == end-i && end < len(text) {
		m = w.anchored.FindStringSubmatchIndex(text[i:])
	}
	return m
}

// FindIndex returns the first match, or nil.
func (w *WordRegexp) FindIndex(text string) []int {
	for i := 0; i < len(text); i++ {
		if !w.first[text[i]] || !wordStart(text, i) {
			continue
		}
		if m := w.match(text, i); m != nil && m[1] > 0 {
			return []int{i, i + m[1]}
		}
	}
	return nil
}

// MatchString reports whether text holds a match.
func (w *WordRegexp) MatchString(text string) bool { return w.FindIndex(text) != nil }

// SubexpNames is regexp's, for the named groups of the pattern.
func (w *WordRegexp) SubexpNames() []string { return w.anchored.SubexpNames() }

// wordStart: byte i starts a word: it is not a continuation byte and the
// rune before it is no letter or digit.
func wordStart(text string, i int) bool {
	if !utf8.RuneStart(text[i]) {
		return false
	}
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_')
}
