package annotate

import (
	"math/bits"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-osint/dossier/internal/catalog"
)

// Sentence is a span of the body, in byte offsets. Text is the same span with
// line breaks turned into spaces (the same length, so offsets hold), which is
// the cleaned view the rules read.
type Sentence struct {
	Start, End int
	Text       string
	Paragraph  int
	// CopyOf is the index of an earlier identical sentence in a doubled
	// paragraph, or -1. Copies give evidence but no records of their own.
	CopyOf int
	Copies []int
	// Boilerplate sentences (share buttons, "Read more:", credits, a
	// repeated headline) are kept for offsets but not read for facts.
	Boilerplate bool
}

// boilerplateLine matches whole lines that site chrome adds around an article.
var boilerplateLine = regexp.MustCompile(`(?i)^(exit mobile version|share this:?|like this:?|loading\.*|read more:.*|related:.*|related articles?:?.*|advertisement|sponsored|subscribe.*newsletter.*|follow us.*|share on (facebook|twitter|x|linkedin).*|(photo|image|picture|credit|photo credit)s?\s*:.*|\((reporting|writing|editing) by .*\)|tags?:.*|print|email|facebook|twitter|whatsapp|linkedin|telegram|copyright .*|© .*|all rights reserved\.?)$`)

// abbreviations end with a dot that does not end a sentence.
var abbreviations = map[string]bool{
	"col": true, "gen": true, "lt": true, "maj": true, "capt": true, "cpt": true, "sgt": true, "cmdr": true,
	"adm": true, "brig": true, "mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sen": true,
	"rep": true, "gov": true, "pres": true, "st": true, "mt": true, "no": true, "nos": true, "vs": true,
	"etc": true, "inc": true, "ltd": true, "co": true, "corp": true, "jan": true, "feb": true, "mar": true,
	"apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true,
	"dec": true, "approx": true, "est": true, "fig": true, "jr": true, "sr": true, "hon": true, "rev": true,
	"u.s": true, "u.k": true, "u.n": true, "e.g": true, "i.e": true, "a.m": true, "p.m": true,
}

// splitSentences cuts the body into sentences. Paragraphs are separated by
// blank lines; a single line break joins two lines when the first does not
// end a sentence and the next goes on in lower case (scraped text breaks
// lines mid-sentence), and otherwise ends a line such as a headline.
func splitSentences(body, title string) []Sentence {
	return splitSentencesInto(nil, body, title)
}

// splitSentencesInto is splitSentences in the room of buf, whose sentences
// it overwrites.
func splitSentencesInto(buf []Sentence, body, title string) []Sentence {
	// Room for a sentence every 64 bytes, more than news has, spares
	// growing the list without counting the body's line breaks and stops.
	out := slices.Grow(buf[:0], len(body)/64+1)
	title = strings.TrimSpace(title) // for isBoilerplate, once
	// The marks of the whole body are looked for once, for all its lines.
	stops := newMarkFinder(body, stopMarks)
	para := 0
	lineStart := 0
	segStart := -1 // start of the open sentence, -1 when none
	flush := func(end int) {
		if segStart < 0 {
			return
		}
		s, e := trimSpan(body, segStart, end)
		if s < e {
			out = append(out, Sentence{Start: s, End: e, Paragraph: para, CopyOf: -1})
		}
		segStart = -1
	}
	for lineStart <= len(body) {
		lineEnd := strings.IndexByte(body[lineStart:], '\n')
		if lineEnd < 0 {
			lineEnd = len(body)
		} else {
			lineEnd += lineStart
		}
		line := body[lineStart:lineEnd]
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "":
			flush(lineStart)
			if len(out) > 0 && out[len(out)-1].Paragraph == para {
				para++
			}
		case isBoilerplate(trimmed, title):
			flush(lineStart)
			s, e := trimSpan(body, lineStart, lineEnd)
			out = append(out, Sentence{Start: s, End: e, Paragraph: para, Boilerplate: true, CopyOf: -1})
		default:
			if segStart >= 0 && !continues(trimmed) {
				flush(lineStart)
			}
			pos := lineStart
			if segStart < 0 {
				segStart = lineStart
			}
			for {
				cut := sentenceEnd(body, &stops, pos, lineEnd)
				if cut < 0 {
					break
				}
				flush(cut)
				segStart, pos = cut, cut
			}
			if endsSentence(trimmed) {
				flush(lineEnd)
			}
		}
		if lineEnd == len(body) {
			break
		}
		lineStart = lineEnd + 1
	}
	flush(len(body))
	// The sentences come in order: the breaks of the body, looked for once,
	// tell which hold one, and spacedLines copies only those.
	breaks := newMarkFinder(body, breakMarks)
	for i := range out {
		s := &out[i]
		s.Text = body[s.Start:s.End]
		if breaks.next(s.Start) < s.End {
			s.Text = spacedLines(s.Text)
		}
	}
	markCopies(out)
	return out
}

// breakMarks are the bytes spacedLines turns into spaces.
var breakMarks = [3]byte{'\n', '\r', '\t'}

// spacedLines is s with line breaks and tabs turned into spaces.
func spacedLines(s string) string {
	// Three searches for one byte run faster than one for any of three.
	if strings.IndexByte(s, '\n') < 0 && strings.IndexByte(s, '\r') < 0 && strings.IndexByte(s, '\t') < 0 {
		return s
	}
	b := []byte(s)
	for k, c := range b {
		if c == '\n' || c == '\r' || c == '\t' {
			b[k] = ' '
		}
	}
	return string(b)
}

// continues says whether a line carries on the sentence of the line above.
func continues(line string) bool {
	r, _ := utf8.DecodeRuneInString(line)
	return unicode.IsLower(r) || unicode.IsDigit(r) || strings.ContainsRune("(,;–-", r)
}

// endsSentence: line ends with '.', '!', '?' or ':', but for quotes and
// brackets (strings.TrimRight(line, `"'”’)`), read from the end.
func endsSentence(line string) bool {
	for line != "" {
		switch line[len(line)-1] {
		case '.', '!', '?', ':':
			return true
		case '"', '\'', ')':
			line = line[:len(line)-1]
		default:
			if !strings.HasSuffix(line, "”") && !strings.HasSuffix(line, "’") {
				return false
			}
			line = line[:len(line)-len("”")]
		}
	}
	return false
}

// sentenceEnd finds the first sentence end in body[from:to] that is followed
// by more text on the line, returning the offset where the next sentence
// starts, or -1. stops finds the marks of body, from at or after where it
// last looked.
func sentenceEnd(body string, stops *markFinder, from, to int) int {
	for i := stops.next(from); i < to; i = stops.next(i + 1) {
		c := body[i]
		j := i + 1
		// The closers' bytes hold all those of ” and ’, which this
		// steps over whole.
		for j < to && closerBytes[body[j]] {
			j++
		}
		if j >= to || body[j] != ' ' {
			continue
		}
		k := j
		for k < to && body[k] == ' ' {
			k++
		}
		if k >= to {
			continue
		}
		next, _ := utf8.DecodeRuneInString(body[k:])
		if !(unicode.IsUpper(next) || unicode.IsDigit(next) || strings.ContainsRune(`"“‘'(`, next)) {
			continue
		}
		if c == '.' && !periodEnds(body[from:i], body[k:to]) {
			continue
		}
		return k
	}
	return -1
}

// closers are the quotes and bracket that may follow a sentence's stop;
// sentenceEnd steps over their bytes one by one.
const closers = `"'”’)`

// closerBytes tells the bytes of closers, looked up in place of searching
// closers for each byte.
var closerBytes = func() (t [256]bool) {
	for i := range len(closers) {
		t[closers[i]] = true
	}
	return t
}()

// markFinder finds the marks of text, three bytes, by searching for each
// mark apart, which runs faster than reading each byte, and remembers where
// the next of each is.
type markFinder struct {
	text  string
	marks [3]byte
	at    [3]int // the next of each mark, len(text) for none, -1 before a search
	first int    // the least of at
}

// newMarkFinder finds marks in text; it has looked for none yet.
func newMarkFinder(text string, marks [3]byte) markFinder {
	return markFinder{text: text, marks: marks, at: [3]int{-1, -1, -1}, first: -1}
}

// stopMarks are the full stops, question and exclamation marks that may
// end a sentence.
var stopMarks = [3]byte{'.', '!', '?'}

// next is the first mark at or after byte i, or len(text); i does not
// go down from one call to the next. It is inlined, and most calls, asked
// for no mark behind the next one known, call nothing.
func (f *markFinder) next(i int) int {
	if f.first >= i {
		return f.first
	}
	return f.searchFrom(i)
}

// searchFrom looks again for the marks behind i, which the calls before
// found or which none has looked for, and is next of i.
func (f *markFinder) searchFrom(i int) int {
	first := len(f.text)
	for k, c := range f.marks {
		if f.at[k] < i {
			f.at[k] = len(f.text)
			if n := strings.IndexByte(f.text[min(i, len(f.text)):], c); n >= 0 {
				f.at[k] = i + n
			}
		}
		first = min(first, f.at[k])
	}
	f.first = first
	return first
}

// periodEnds decides whether a dot after before ends the sentence, given the
// text that follows: not after an abbreviation or an initial.
func periodEnds(before, after string) bool {
	// The word before the dot: after the last ' ', '(' or '\n', as
	// strings.LastIndexAny finds it, looked up in a table of them.
	k := len(before)
	for k > 0 && !wordBreaks[before[k-1]] {
		k--
	}
	w := before[k:]
	if isAbbreviation(w) {
		// "U.S." ends a sentence only when a new sentence plainly starts.
		if LowerIs(w, "u.s") || LowerIs(w, "u.k") || LowerIs(w, "u.n") {
			return startsNewSentence(after)
		}
		return false
	}
	r, size := utf8.DecodeRuneInString(w)
	if size == len(w) && unicode.IsUpper(r) {
		return false // an initial: "J. Smith"
	}
	return true
}

// wordBreaks are the bytes after which periodEnds reads the word before
// a dot.
var wordBreaks = [256]bool{' ': true, '(': true, '\n': true}

// isAbbreviation: w lower-cased is one of abbreviations. They are ASCII and
// short: a longer word of ASCII is none, told without lower-casing it.
func isAbbreviation(w string) bool {
	if len(w) > longestAbbreviation && catalog.IsASCII(w) {
		return false
	}
	abbr, _ := lookupLower(abbreviations, w)
	return abbr
}

// longestAbbreviation is the length of the longest of abbreviations.
var longestAbbreviation = func() int {
	n := 0
	for w := range abbreviations {
		n = max(n, len(w))
	}
	return n
}()

// startsNewSentence: a capitalised function word usually opens a sentence.
func startsNewSentence(s string) bool {
	for _, w := range []string{"The ", "It ", "He ", "She ", "They ", "A ", "An ", "In ", "On ", "This ", "That ", "But ", "We "} {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

func isBoilerplate(line, title string) bool {
	// Chrome lines are short; an article's paragraphs need no pattern.
	if len(line) < 120 && isChromeLine(line) {
		return true
	}
	// A headline repeated at the head of the body; title is trimmed.
	return title != "" && sameLastASCII(title, line) && strings.EqualFold(title, line)
}

// sameLastASCII: the last bytes of a and b (neither empty) are alike in
// any case, or not both ASCII, as strings.EqualFold(a, b) needs: two
// bytes below 0x80 each end their rune, and no other rune folds to one
// of them and to the other. Most lines of a body differ from the title
// there, often after words alike.
func sameLastASCII(a, b string) bool {
	x, y := a[len(a)-1], b[len(b)-1]
	if x >= utf8.RuneSelf || y >= utf8.RuneSelf {
		return true
	}
	return x == y || 'A' <= x && x <= 'Z' && x+'a'-'A' == y || 'A' <= y && y <= 'Z' && y+'a'-'A' == x
}

// trimSpan is s[start:end] less the white space (unicode.IsSpace) at
// either end.
func trimSpan(s string, start, end int) (int, int) {
	start = spacesEnd(s[:end], start)
	return start, start + spacesBefore(s[start:end], end-start)
}

// markCopies links the sentences of a paragraph printed twice to the first
// printing: the same words, whatever the white space between them.
func markCopies(sents []Sentence) {
	// What copies share, told without reading them: as many sentences, and
	// the same first and last words, as the sentences are trimmed, of which
	// the first and last few bytes tell most paragraphs apart. sameWords
	// decides, and reads on only as far as the first word that differs.
	type shape struct {
		sentences   int
		first, last uint64
	}
	type printed struct {
		start int // the first sentence of a paragraph printed first
		shape shape
	}
	// A document has a few paragraphs: a list of them, looked through, costs
	// less than a map.
	firsts := make([]printed, 0, 16)
	for start := 0; start < len(sents); {
		end := start + 1
		for end < len(sents) && sents[end].Paragraph == sents[start].Paragraph {
			end++
		}
		sh := shape{sentences: end - start}
		sh.first, sh.last = wordHead(sents[start].Text), wordTail(sents[end-1].Text)
		first := -1
		for k := range firsts {
			if p := &firsts[k]; p.shape == sh && sameWords(sents[p.start:p.start+sh.sentences], sents[start:end]) {
				first = p.start
				break
			}
		}
		if first < 0 {
			firsts = append(firsts, printed{start, sh})
		}
		for k := start; first >= 0 && k < end; k++ {
			if !sents[k].Boilerplate {
				orig := first + k - start
				sents[k].CopyOf = orig
				sents[orig].Copies = append(sents[orig].Copies, k)
			}
		}
		start = end
	}
}

const lowBits = 0x0101010101010101

// load8 reads s[i:i+8] as a little-endian word (one load).
func load8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// bytesIn has the high bit set of each byte of w, eight bytes, that is
// ASCII and from lo to hi (hi below 0x80). Each byte of w with its high
// bit set, less at most 0x80, keeps it when its low seven bits reach the
// amount, and borrows from no other.
func bytesIn(w uint64, lo, hi byte) uint64 {
	const high = lowBits << 7
	reach := func(c byte) uint64 { return (w | high) - uint64(c)*lowBits }
	return reach(lo) &^ reach(hi+1) &^ w & high
}

// lastByteIn is the last byte of s from lo to hi, an ASCII range, or -1:
// eight bytes at a time.
func lastByteIn(s string, lo, hi byte) int {
	i := len(s)
	for ; i >= 8; i -= 8 {
		if m := bytesIn(load8(s, i-8), lo, hi); m != 0 {
			return i - 8 + (63-bits.LeadingZeros64(m))/8
		}
	}
	for i--; i >= 0; i-- {
		if lo <= s[i] && s[i] <= hi {
			return i
		}
	}
	return -1
}

// asciiSpaces has the high bit set of each byte of w, eight ASCII bytes,
// that is white space: ' ' and '\t' to '\r', as runeAt says.
func asciiSpaces(w uint64) uint64 {
	const high, low7 = lowBits << 7, lowBits * 0x7f
	y := w ^ ' '*lowBits
	blanks := ^((y&low7 + low7) | y | low7) // the high bit of each byte that is ' '
	// A byte plus 0x80-9 reaches the high bit from 9 on, plus 0x80-14
	// from 14 on; no byte below 0x80 carries into the next.
	controls := (w + (0x80-'\t')*lowBits) &^ (w + (0x80-'\r'-1)*lowBits) & high
	return blanks | controls
}

// wordHead packs the first bytes of s, up to eight, up to the first that
// is white space or beyond ASCII: of the first word, when s begins with
// one, and alike for texts that begin with the same word. It reads eight
// bytes at once, and shorter texts a byte at a time (wordHeadBytes).
func wordHead(s string) uint64 {
	if len(s) < 8 {
		return wordHeadBytes(s)
	}
	w := load8(s, 0)
	// Below the first byte beyond ASCII, asciiSpaces finds the spaces.
	stops := w&(lowBits<<7) | asciiSpaces(w)
	if stops == 0 {
		return w
	}
	return w & (1<<(bits.TrailingZeros64(stops)&^7) - 1) // the bytes before the first stop
}

func wordHeadBytes(s string) uint64 {
	var w uint64
	for k := 0; k < min(len(s), 8) && s[k] < utf8.RuneSelf && !asciiSpace[s[k]]; k++ {
		w |= uint64(s[k]) << (8 * k)
	}
	return w
}

// wordTail is wordHead of the last bytes of s, read from its end: of its
// last word, when it ends with one. It reads eight bytes at once, and
// shorter texts a byte at a time (wordTailBytes).
func wordTail(s string) uint64 {
	if len(s) < 8 {
		return wordTailBytes(s)
	}
	w := load8(s, len(s)-8)
	beyond := w & (lowBits << 7)
	if beyond != 0 {
		// asciiSpaces reads ASCII only: the bytes up to the last beyond
		// ASCII, which stops the word, are dropped.
		w &= ^uint64(0) << (64 - bits.LeadingZeros64(beyond))
	}
	stops := beyond | asciiSpaces(w)
	if stops == 0 {
		return w
	}
	return w >> (64 - bits.LeadingZeros64(stops)) // the bytes after the last stop
}

func wordTailBytes(s string) uint64 {
	var w uint64
	for k := len(s) - 1; k >= max(0, len(s)-8) && s[k] < utf8.RuneSelf && !asciiSpace[s[k]]; k-- {
		w = w<<8 | uint64(s[k])
	}
	return w
}

// sameWords: the sentences of a and b, as many, have the same words.
func sameWords(a, b []Sentence) bool {
	for k := range a {
		if !sameFields(a[k].Text, b[k].Text) {
			return false
		}
	}
	return true
}

// sameFields: strings.Fields(x) and strings.Fields(y) are the same. It
// reads both at once, the bytes of words that are alike in a run, and stops
// where they differ.
func sameFields(x, y string) bool {
	i, j := spacesEnd(x, 0), spacesEnd(y, 0)
	for i < len(x) && j < len(y) {
		// Eight bytes alike, ASCII, of which the last is no space: the
		// white space among them is alike too, and ends among them, as
		// what came before in each was alike and no space.
		if i+8 <= len(x) && j+8 <= len(y) {
			if w := load8(x, i); w == load8(y, j) && w&(lowBits<<7) == 0 && !asciiSpace[w>>56] {
				i, j = i+8, j+8
				continue
			}
		}
		if c := x[i]; c == y[j] && c < utf8.RuneSelf && !asciiSpace[c] {
			i, j = i+1, j+1
			continue
		}
		xSpace, xSize := runeAt(x, i)
		ySpace, ySize := runeAt(y, j)
		switch {
		case xSpace && ySpace: // a word ends in both
			i, j = spacesEnd(x, i), spacesEnd(y, j)
		case !xSpace && !ySpace && x[i:i+xSize] == y[j:j+ySize]:
			i, j = i+xSize, j+ySize
		default:
			return false
		}
	}
	// One has ended: the other must have too, or hold only white space.
	return spacesEnd(x, i) == len(x) && spacesEnd(y, j) == len(y)
}

// appendWords appends the words of s (strings.Fields) with one space
// between them.
func appendWords(b []byte, s string) []byte {
	first := spacesEnd(s, 0)
	for i := first; i < len(s); i = spacesEnd(s, i) {
		start := i
		i = fieldEnd(s, i)
		if start > first {
			b = append(b, ' ')
		}
		b = append(b, s[start:i]...)
	}
	return b
}
