package annotate

import (
	"maps"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-osint/dossier/internal/catalog"
)

// The date and quantity scanners read a sentence word by word; the helpers
// both use are here. A word is a run of ASCII letters, digits and
// underscores: the words that the regular expressions they replaced bounded
// with \b, which is ASCII in Go. Phrases are matched at word starts only,
// as those expressions were, and tried in the order the expressions tried
// their alternatives, so that each finds what its expression found.

// wordBytes are the bytes of a word.
var wordBytes = func() (t [256]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	t['_'] = true
	return t
}()

func digitByte(c byte) bool { return '0' <= c && c <= '9' }

// IsRegexpSpace: c is white space to \s of Go's regexp, which the
// phrases allow between words.
func IsRegexpSpace(c byte) bool { return spaceBytes[c] }

// spaceBytes are the bytes of \s, looked up in one step rather than
// compared one by one: skipSpace runs over most words' ends.
var spaceBytes = [256]bool{' ': true, '\t': true, '\n': true, '\f': true, '\r': true}

func wordEnd(text string, i int) int {
	for i < len(text) && wordBytes[text[i]] {
		i++
	}
	return i
}

func skipSpace(text string, i int) int {
	for i < len(text) && IsRegexpSpace(text[i]) {
		i++
	}
	return i
}

// spaceAfter returns the end of the spaces at i, or -1 if there are none.
func spaceAfter(text string, i int) int {
	if j := skipSpace(text, i); j > i {
		return j
	}
	return -1
}

// Boundary reports whether Go's \b holds at byte i of text.
func Boundary(text string, i int) bool {
	before := i > 0 && wordBytes[text[i-1]]
	after := i < len(text) && wordBytes[text[i]]
	return before != after
}

// wordSpan is where a word starts and ends in its text, and the phrases
// that may begin with it.
type wordSpan struct {
	start, end int
	begins     phraseKinds
}

// phraseKinds are kinds of phrase, as bits.
type phraseKinds uint8

const (
	datePhrase phraseKinds = 1 << iota
	quantityPhrase
	// mentionWord is no phrase: wordBegins adds it for a word whose first
	// byte is one of mentionFirsts, which appendWordSpansStarts lists.
	mentionWord
	// classWord and orgWord are no phrases either: wordBegins adds them
	// for a word that may begin with "class", or with one of orgWords, as
	// far as its first byte, second letter and length tell (markBegun);
	// and titleFirst for one that may begin a match of titleRe, as far as
	// its pairs tell (markPairs).
	classWord
	orgWord
	titleFirst
	// yearPrepWord is a word whose table holds only words of wYearPrep
	// ("in", "of", "for", "during"), which begin a date only before a
	// year or "the first half of" (see spanKinds).
	yearPrepWord
)

// noPhrases are the kinds that tell of a word, not of a phrase it begins.
const noPhrases = mentionWord | classWord | orgWord | titleFirst | yearPrepWord

// listedWords are the starts of the words of a text that
// appendWordSpansStarts lists, and what they may begin, together.
type listedWords struct {
	starts []int
	kinds  phraseKinds
}

// appendWordSpans appends the spans of the words of text that start after
// no letter or digit of any script ("Goïta" holds none) and may begin a date
// or a quantity (phrasesBegunBy): those the scanners try.
func appendWordSpans(out []wordSpan, text string) []wordSpan {
	return appendWordsFrom(out, nil, &noFirsts, text, 0, len(text))
}

// noFirsts list no word.
var noFirsts [256]bool

// appendWordSpansStarts is appendWordSpans for a text that the catalog has
// cut, that also appends to listed.starts where every such word starts
// whose first byte is one of mentionFirsts, whatever phrase it may begin,
// and adds to listed.kinds what those may begin (classWord, orgWord,
// titleFirst):
// findMentions' word patterns try only those (see WordRegexp.nextAt), and
// the one pass finds them for all. It reads the words off the pieces
// rather than the bytes of the text: the words that may begin a phrase or
// a mention start with an ASCII letter or digit (mentionFirsts are
// letters), which some piece holds, that starts with it after no word
// byte, or holds a rune beyond ASCII just before it. So a word starts
// where an ASCII piece starts after an ASCII byte of no word; the few
// pieces beyond ASCII, or after a byte beyond ASCII (which may end a
// letter or digit of another script), are read byte by byte.
func appendWordSpansStarts(out []wordSpan, listed *listedWords, text string, cut *catalog.Text) []wordSpan {
	for _, p := range cut.Pieces() {
		start, end, beyondASCII := p.Bounds()
		after := pieceStartsWord // as at the start of the text
		if start > 0 {
			after = pieceAfter[text[start-1]]
		}
		if beyondASCII {
			after = pieceBytesTell
		}
		if after != pieceStartsWord {
			if after == pieceBytesTell {
				out = appendWordsFrom(out, &listed.starts, &mentionFirsts, text, start, end)
				listed.kinds |= classWord | orgWord | titleFirst // not told apart
			}
			continue
		}
		// The word ends with the piece, unless an underscore or a piece
		// of the other class follows.
		if end < len(text) && wordBytes[text[end]] {
			end = wordEnd(text, end)
		}
		begins := wordBegins(text, start, end)
		if begins&mentionWord != 0 {
			listed.starts = append(listed.starts, start)
			listed.kinds |= begins
		}
		// spanKinds, with the test of the wYearPrep words left to the few
		// spanned words: as a call for every word, it costs more than it
		// spares.
		if begins &^= noPhrases &^ yearPrepWord; begins != 0 && (begins&yearPrepWord == 0 || yearMayFollow(text, end)) {
			out = append(out, wordSpan{start, end, begins &^ yearPrepWord})
		}
	}
	return out
}

// What a piece of ASCII letters or digits starts after a byte: a word, after
// no byte of one; the rest of a word; or, after a byte beyond ASCII that may
// end a letter or digit of another script, what only the bytes tell.
const (
	pieceStartsWord uint8 = iota
	pieceGoesOnWord
	pieceBytesTell
)

// pieceAfter is what an ASCII piece starts after each byte, in one look-up
// where appendWordSpansStarts compared the byte and then looked it up.
var pieceAfter = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = pieceBytesTell
		case wordBytes[c]:
			t[c] = pieceGoesOnWord
		}
	}
	return t
}()

// appendWordsFrom is appendWordSpansStarts, reading byte by byte, for the
// words that start from byte from to byte to (and may end past it), with
// the first bytes of the words whose starts it lists.
func appendWordsFrom(out []wordSpan, starts *[]int, listedFirsts *[256]bool, text string, from, to int) []wordSpan {
	i := from
	if i > 0 && wordBytes[text[i-1]] {
		i = wordEnd(text, i) // inside a word that starts before
	}
	for ; i < to; i++ {
		c := text[i]
		if !wordBytes[c] {
			continue
		}
		start := i
		for i++; i < len(text) && wordBytes[text[i]]; i++ {
		}
		// i is past the word, at a byte that no word holds, which the loop
		// steps over.
		begins := phrasesBegunBy(text, start, i)
		listed := listedFirsts[c]
		if begins == 0 && !listed {
			continue
		}
		// The byte before the word is no byte of one either; beyond
		// ASCII, it may end a letter or digit of another script.
		if start > 0 && text[start-1] >= utf8.RuneSelf && letterOrDigitBefore(text, start) {
			continue
		}
		if listed {
			*starts = append(*starts, start)
		}
		if begins != 0 {
			out = append(out, wordSpan{start, i, begins})
		}
	}
	return out
}

// phrasesBegunBy are the phrases that the scanners try at the word
// text[start:end], as far as their first test of a word tells: a digit
// may begin either, another word those that phraseWords gives its
// tableKey, "in", "of", "for" and "during" only where a year or "the
// first half of" may follow (spanKinds). The word is whole: no byte of a
// word follows it.
func phrasesBegunBy(text string, start, end int) phraseKinds {
	return spanKinds(text, end, wordBegins(text, start, end))
}

// spanKinds are the phrases of kinds, what wordBegins tells of the word
// that ends at end: none for a yearPrepWord that no year or "the" may
// follow, else kinds without noPhrases.
func spanKinds(text string, end int, kinds phraseKinds) phraseKinds {
	if kinds&yearPrepWord != 0 && !yearMayFollow(text, end) {
		return 0
	}
	return kinds &^ noPhrases
}

// yearMayFollow: after white space, what may follow end begins a year or
// "the first half of": a digit, or a "t" whose fifth byte, where "the "
// ends, is white space or the "f" or "s" of "first" or "second".
func yearMayFollow(text string, end int) bool {
	p := skipSpace(text, end)
	return p > end && p < len(text) && (digitByte(text[p]) || text[p]|0x20 == 't' && (p+4 >= len(text) || halfFirsts[text[p+4]]))
}

// halfFirsts are the bytes that may follow "the " in "the first half of".
var halfFirsts = func() (t [256]bool) {
	for c := range 256 {
		t[c] = IsRegexpSpace(byte(c))
	}
	t['f'], t['F'], t['s'], t['S'] = true, true, true, true
	return t
}()

// wordBegins is phrasesBegunBy before spanKinds, with the kinds that tell
// of the word (noPhrases: mentionWord for a word that mentionFirsts
// begins, classWord, orgWord, titleFirst, yearPrepWord), read from
// phraseStarts in one step; the word is
// read in place, as slicing it costs more than the rest. The byte after a
// word of one byte is no letter, which phraseStarts reads as that word's
// second (see tableKey).
func wordBegins(text string, start, end int) phraseKinds {
	c, second := text[start], byte(0)
	if start+1 < len(text) {
		second = text[start+1]
	}
	n := end - start
	if n > 15 {
		n = 0 // too long for any table
	}
	return phraseStarts[(int(firstIndex[c])<<9|int(letterIndex[second])<<4|n)&(len(phraseStarts)-1)]
}

// The firstIndex of the bytes that may begin a word: the small letters
// are numbered from 1 as letterIndex numbers them, then the digits, then
// the capitals, which mentionFirsts may tell from the small ones.
const (
	digitsFirst   = 27
	capitalsFirst = 28
)

var firstIndex = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = uint8(c-'a'+1), uint8(c-'a'+capitalsFirst)
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = digitsFirst
	}
	return t
}()

// phraseStarts is wordBegins by the firstIndex of a word's first byte, the
// letterIndex of its second and its length (0 for one too long for
// tableKey): phraseWords for a word that begins with a letter, where a
// word of one letter is read at second 0, both phrases for one that
// begins with a digit, at any second byte and length, mentionWord for
// one that mentionFirsts begins, and classWord, orgWord and titleFirst
// as markBegun and markPairs set them. It is laid out so that a mask
// keeps the index in bounds.
var phraseStarts = func() (t [1 << 15]phraseKinds) {
	for c := range 256 {
		first := int(firstIndex[c])
		if first == 0 {
			if mentionFirsts[c] {
				panic("annotate: a mention begins with a byte wordBegins cannot tell")
			}
			continue
		}
		var mention phraseKinds
		if mentionFirsts[c] {
			mention = mentionWord
		}
		for b := range 27 {
			for n := range 16 {
				kinds := datePhrase | quantityPhrase
				if first != digitsFirst {
					kinds = 0
					if n == 1 && b == 0 {
						kinds = phraseWords[tableKey(string(rune(c)))]
					} else if n > 1 {
						kinds = phraseWords[(int(letterIndex[c])*27+b)*16+n]
					}
				}
				t[first<<9|b<<4|n] = kinds | mention
			}
		}
	}
	markBegun(&t, "class", classWord)
	for _, w := range orgWords {
		markBegun(&t, w, orgWord)
	}
	markPairs(&t, titleRe, titleFirst)
	return t
}()

// markPairs adds kind in t to the words that may begin a match of re, a
// pattern that only listed words begin (mentionFirsts), as far as its
// pairs tell: by a word's first byte, and its second in either case where
// it is a letter; any other second byte (letterIndex 0) is let through.
func markPairs(t *[1 << 15]phraseKinds, re *WordRegexp, kind phraseKinds) {
	for c, pairs := range re.pairs {
		if pairs == 0 {
			continue
		}
		if !mentionFirsts[c] {
			panic("annotate: wordBegins cannot tell the words that begin " + re.pattern)
		}
		for b := range 27 {
			if l := byte('a' + b - 1); b > 0 && pairs>>(l&63)&1 == 0 && pairs>>((l-'a'+'A')&63)&1 == 0 {
				continue
			}
			for n := range 16 {
				t[int(firstIndex[c])<<9|b<<4|n] |= kind
			}
		}
	}
}

// markBegun adds kind in t to the words that may begin with prefix, a
// listed word (mentionFirsts) of two letters or more: those with its
// first byte and second letter in either case, at least as long as its
// letters and digits, or too long to tell.
func markBegun(t *[1 << 15]phraseKinds, prefix string, kind phraseKinds) {
	if !mentionFirsts[prefix[0]] || letterIndex[prefix[1]] == 0 {
		panic("annotate: wordBegins cannot tell the words that " + prefix + " begins")
	}
	at := int(firstIndex[prefix[0]])<<9 | int(letterIndex[prefix[1]])<<4
	t[at] |= kind
	for n := wordEnd(prefix, 0); n < 16; n++ {
		t[at|n] |= kind
	}
}

// phraseWords are the kinds of phrase whose table of words may hold a
// word, by its tableKey, leaving out those that role words and "on"
// would begin (the dates after them look back for them), and
// yearPrepWord for a key that only wYearPrep words hold.
var phraseWords = func() (t [len(wordTable{}.slots)]phraseKinds) {
	for k := range t {
		if dateWords.slots[k] != 0 {
			t[k] |= yearPrepWord
			for e := dateWords.slots[k]; e != 0; e = dateWords.next[e-1] {
				dw := dateWord(dateWords.vals[e-1])
				if dw.is(^wYearPrep) {
					t[k] &^= yearPrepWord
				}
				// A role word, and "on", begin a date only before one,
				// which looks back for them (scanDate): no word span of
				// their own.
				if kinds := int(dw) >> 8; kinds&^wRole != 0 && kinds != wOn {
					t[k] |= datePhrase
				}
			}
		}
		if qtyWords.slots[k] != 0 {
			t[k] |= quantityPhrase
			t[k] &^= yearPrepWord
		}
	}
	return t
}()

func letterOrDigitBefore(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_'
}

// wordAt is the word at i lower-cased, in buf; see lowerASCII.
func wordAt(buf *[16]byte, text string, i int) (w []byte, end int) {
	end = wordEnd(text, i)
	return lowerASCII(buf, text[i:end]), end
}

// lowerASCII lower-cases ASCII s into buf. It returns nil for a string longer
// than buf, as no word the scanners look for is that long, or not ASCII.
func lowerASCII(buf *[16]byte, s string) []byte {
	if len(s) > len(buf) {
		return nil
	}
	for k := range len(s) {
		c := s[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		} else if c >= utf8.RuneSelf {
			return nil
		}
		buf[k] = c
	}
	return buf[:len(s)]
}

// wordIs reports whether the word at i is w (lower-case ASCII letters),
// and if so its end. It compares w's bytes before it looks for the word's
// end, as most words differ in their first byte.
func wordIs(text string, i int, w string) (int, bool) {
	end := i + len(w)
	if end > len(text) {
		return 0, false
	}
	if !catalog.EqualFoldASCII(text[i:end], w) {
		return 0, false
	}
	// The bytes matched are letters, so the word ends at end if no word
	// byte follows.
	if end < len(text) && wordBytes[text[end]] {
		return 0, false
	}
	return end, true
}

// wordThenSpace: the word at i is w and spaces follow it; it returns
// where the next word starts.
func wordThenSpace(text string, i int, w string) (int, bool) {
	end, ok := wordIs(text, i, w)
	if !ok {
		return 0, false
	}
	next := spaceAfter(text, end)
	return next, next >= 0
}

// wordTable finds a word, ignoring ASCII case, faster than a map: by its
// first two letters and its length it finds the few words it can be, and
// compares the rest of those. Most words of a sentence stop at the first
// step.
type wordTable struct {
	slots [27 * 27 * 16]uint8 // 1 + the index of a word with that key
	words []string            // lower-case ASCII letters
	vals  []int
	next  []uint8 // 1 + the index of another word with the same key
}

func newWordTable(words map[string]int) *wordTable {
	t := &wordTable{}
	// In sorted order, so that words sharing a key ("twelve", "twenty") are
	// compared in the same order in every run, and runs cost the same.
	for _, w := range slices.Sorted(maps.Keys(words)) {
		v := words[w]
		k := tableKey(w)
		if k < 0 || len(t.words) == 255 || strings.Trim(w, "abcdefghijklmnopqrstuvwxyz") != "" {
			panic("annotate: word table cannot hold " + w)
		}
		t.words = append(t.words, w)
		t.vals, t.next = append(t.vals, v), append(t.next, t.slots[k])
		t.slots[k] = uint8(len(t.words))
	}
	return t
}

// tableKey is -1 for a word no table holds: empty or of 16 bytes or more.
// A word of one letter counts it as its second too.
func tableKey(w string) int {
	n := len(w)
	if uint(n-1) >= 15 {
		return -1
	}
	return (int(letterIndex[w[0]])*27+int(letterIndex[w[min(n-1, 1)]]))*16 + n
}

// letterIndex numbers the letters from 1, either case; 0 is any other byte.
var letterIndex = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = uint8(c-'a'+1), uint8(c-'a'+1)
	}
	return t
}()

func (t *wordTable) find(w string) (int, bool) {
	k := tableKey(w)
	if k < 0 {
		return 0, false
	}
	// The words of a key are as long as w, and their first two letters are
	// w's in either case (letterIndex numbers no other byte): only the
	// rest is compared, nothing for the words of one or two letters.
	for e := t.slots[k]; e != 0; e = t.next[e-1] {
		if sameAfterTwo(w, t.words[e-1]) {
			return t.vals[e-1], true
		}
	}
	return 0, false
}

// sameAfterTwo: w, as long as word, a word of lower-case ASCII letters, is
// word from its third byte on, in either ASCII case (c|0x20 is the letter
// l just when c is l or its capital). It compares in place: a slice of
// each would cost more than the few bytes.
func sameAfterTwo(w, word string) bool {
	w = w[:len(word)]
	for k := 2; k < len(word); k++ {
		if w[k]|0x20 != word[k] {
			return false
		}
	}
	return true
}

// firstBytes are the first bytes, as they are and as capitals, of the
// words of t whose value the function of accepts (the words of t begin
// with a lower-case letter): a scanner that wants only those words
// rejects a word that starts otherwise before it finds the word's end and
// looks it up (most often a noun, after "the" or a number).
func firstBytes(t *wordTable, of func(v int) bool) (first [256]bool) {
	for k, w := range t.words {
		if of(t.vals[k]) {
			first[w[0]], first[w[0]-'a'+'A'] = true, true
		}
	}
	return first
}

type dateKind uint8

// The date forms, in the order they are tried at a word.
const (
	dayMonth    dateKind = iota + 1 // "2 September 2024", "7 November"
	monthDay                        // "September 2, 2024", "June 15"
	monthYear                       // "March 2023"
	isoDate                         // "2024-09-02"
	relPeriod                       // "late last month", "later this year"
	dayWord                         // "yesterday", "today"
	weekdayName                     // "on Tuesday", "Tuesday's"
	inYear                          // "in 2019", "in the first half of 2024"
	bareMonth                       // "In April"
	bareYear                        // "2019"
	relMonth                        // "April of last year", "March this year"
	dayOfMonth                      // "on the 4th", the publication's month
)

// dateMatch is a date phrase before it is resolved.
type dateMatch struct {
	start, end int
	kind       dateKind
	role       Role
	monthAt    int  // where a bare month's name starts
	y, m, d    int  // y is 0 where the text gives no year
	step       int  // -1 for "last", 1 for "next"
	unit       byte // 'y', 'm' or 'w'
	weekday    time.Weekday
	yesterday  bool
}

// Kinds of word that can start a date phrase.
const (
	wRole = 1 << iota
	wMonth
	wAbbr // a month's abbreviation, which may take a full stop
	wWeekday
	wEdge     // "early", "late", "mid", "earlier", "later"
	wWhich    // "last", "this", "next"
	wOn       // "on", or "last", "this", "next" before a weekday
	wDayWord  // "yesterday", "today"
	wYearPrep // "in", "during", "of", "for"
)

// dateWord is what a word can be in a date: kinds<<8 | n, n being the
// month's number, the weekday or the role.
type dateWord int

func (d dateWord) is(kinds int) bool { return int(d)>>8&kinds != 0 }
func (d dateWord) n() int            { return int(d) & 0xff }

var dateWords = newWordTable(func() map[string]int {
	ws := map[string]int{}
	add := func(w string, kind, n int) {
		ws[w] = (ws[w]>>8|kind)<<8 | n
	}
	for w, m := range months {
		kind := wMonth
		if _, full := fullMonths[w]; !full {
			kind |= wAbbr
		}
		add(w, kind, m)
	}
	for w, d := range weekdays {
		add(w, wWeekday, int(d))
	}
	for w, r := range roles {
		add(w, wRole, int(r))
	}
	for _, w := range []string{"early", "late", "mid", "earlier", "later"} {
		add(w, wEdge, 0)
	}
	for _, w := range []string{"last", "this", "next"} {
		add(w, wWhich|wOn, 0)
	}
	add("on", wOn, 0)
	add("yesterday", wDayWord, 0)
	add("today", wDayWord, 0)
	for _, w := range []string{"in", "during", "of", "for"} {
		add(w, wYearPrep, 0)
	}
	return ws
}())

var fullMonths = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
}

// monthFirsts and weekdayFirsts let monthAt and weekdayAt reject most words
// at their first byte.
var (
	monthFirsts   = firstBytes(dateWords, func(v int) bool { return dateWord(v).is(wMonth) })
	weekdayFirsts = firstBytes(dateWords, func(v int) bool { return dateWord(v).is(wWeekday) })
)

// roles are the words that make a date bound a period.
var roles = map[string]Role{"since": Since, "from": Since, "by": By, "before": By, "until": Until, "till": Until}

// scanDate reads the date phrase at the word start i, if one starts there,
// or the one that a role word begins before it, at or after from (past the
// last phrase read). Role words ("by", "from", "before") are common and
// begin a date only before one, with "the end of" between them or not: the
// scanners pass them over, and a date read looks back for one.
func scanDate(text string, from, i, end int, m *dateMatch) bool {
	// "of" may end the "the end of" after a role word, which goes before
	// the date that "of" itself begins ("by the end of 2024").
	if end-i == 2 && text[i]|0x20 == 'o' && text[i+1]|0x20 == 'f' {
		if r, role := edgeRoleBefore(text, from, i); r >= 0 {
			*m = dateMatch{role: role}
			if q := spaceAfter(text, end); q >= 0 && dateAt(text, q, m) {
				m.start = r
				return true
			}
		}
	}
	*m = dateMatch{start: i}
	var read bool
	if digitByte(text[i]) { // dateWords, all letters, cannot hold it
		// "on the 4th" goes before the date that "4th" begins.
		read = !digitByte(text[end-1]) && ordinalAfterOn(text, from, i, m) || numericDate(text, i, m)
	} else if v, ok := dateWords.find(text[i:end]); ok {
		dw := dateWord(v)
		read = dateAtWord(text, i, dw, end, m)
		// "on" begins a date only before a weekday, or "the 4th": the
		// scanners pass it over too.
		if read && dw.is(wWeekday) {
			if s := wordBefore(text, i, "on"); s >= from {
				m.start = s
			}
		}
	}
	if !read {
		return false
	}
	if r, role := roleBefore(text, from, m.start); r >= 0 {
		m.start, m.role = r, role
	}
	return true
}

// ordinalAfterOn reads "on the 4th" (ordinalDayAt) back from the day at
// i, where an "on" at or after from begins it.
func ordinalAfterOn(text string, from, i int, m *dateMatch) bool {
	t := wordBefore(text, i, "the")
	if t < 0 {
		return false
	}
	s := wordBefore(text, t, "on")
	if s < from || !ordinalDayAt(text, t, m) {
		return false
	}
	m.start = s
	return true
}

// roleBefore is where the role word starts, at or after from, that begins
// a date read at i: white space alone parts it from i, or "the end of"
// (edgeRoleBefore) does; and its role. It is -1 if there is none.
func roleBefore(text string, from, i int) (int, Role) {
	// Most words before a date end with a byte that no role word nor "of"
	// ends with: those are turned down before the word is read.
	if i < 2 || !IsRegexpSpace(text[i-1]) || !roleBeforeEnds[text[i-2]] {
		return -1, 0
	}
	s, e := phraseWordBefore(text, i)
	if s < from {
		return -1, 0
	}
	if e-s == 2 && text[s]|0x20 == 'o' && text[s+1]|0x20 == 'f' {
		return edgeRoleBefore(text, from, s)
	}
	return roleWordAt(text, s, e)
}

// roleBeforeEnds are the last bytes of the role words and of "of", in
// either case, and the white space that may come between them and a date.
var roleBeforeEnds = func() (t [256]bool) {
	for w := range roles {
		t[w[len(w)-1]], t[w[len(w)-1]-'a'+'A'] = true, true
	}
	t['f'], t['F'] = true, true
	for c := range 256 {
		t[c] = t[c] || IsRegexpSpace(byte(c))
	}
	return t
}()

// edgeRoleBefore is roleBefore for the "of" at o: where the role word starts
// that "the end of" follows, and its role.
func edgeRoleBefore(text string, from, o int) (int, Role) {
	s, e := phraseWordBefore(text, o)
	if s < from {
		return -1, 0
	}
	var buf [16]byte
	switch string(lowerASCII(&buf, text[s:e])) {
	case "end", "start", "beginning", "middle":
	default:
		return -1, 0
	}
	if s = wordBefore(text, s, "the"); s < from {
		return -1, 0
	}
	if s, e = phraseWordBefore(text, s); s < from {
		return -1, 0
	}
	return roleWordAt(text, s, e)
}

// roleWordAt is s and the role of the word text[s:e] when it is a role
// word, else -1.
func roleWordAt(text string, s, e int) (int, Role) {
	v, _ := dateWords.find(text[s:e])
	if dw := dateWord(v); dw.is(wRole) {
		return s, Role(dw.n())
	}
	return -1, 0
}

// phraseWordBefore is the span of the word that white space alone parts
// from byte i, where a word may begin a phrase (wordStart); start is -1 if
// there is none.
func phraseWordBefore(text string, i int) (start, end int) {
	end = i
	for end > 0 && IsRegexpSpace(text[end-1]) {
		end--
	}
	start = end
	for start > 0 && wordBytes[text[start-1]] {
		start--
	}
	if end == i || start == end || !wordStart(text, start) {
		return -1, 0
	}
	return start, end
}

// dateWordAt looks up the word at p.
func dateWordAt(text string, p int) (dateWord, int) {
	end := wordEnd(text, p)
	v, _ := dateWords.find(text[p:end])
	return dateWord(v), end
}

// dateAt reads a date form at p, trying the forms in their order.
func dateAt(text string, p int, m *dateMatch) bool {
	if p >= len(text) || !wordBytes[text[p]] {
		return false
	}
	m.start = p
	if digitByte(text[p]) {
		return numericDate(text, p, m)
	}
	dw, end := dateWordAt(text, p)
	return dateAtWord(text, p, dw, end, m)
}

// dateAtWord is dateAt at a word that starts with a letter, which dateWords
// holds as dw, and ends at end.
func dateAtWord(text string, p int, dw dateWord, end int, m *dateMatch) bool {
	if dw.is(wMonth) {
		return monthFirst(text, p, dw, m)
	}
	if dw.is(wEdge|wWhich) && relativeAt(text, p, dw, end, m) {
		return true
	}
	switch {
	case dw.is(wDayWord):
		m.kind, m.end, m.yesterday = dayWord, end, text[p]|0x20 == 'y'
		return true
	case dw.is(wOn):
		if q := spaceAfter(text, end); q >= 0 {
			if weekdayAt(text, q, m) {
				// "last Friday", told on a Friday, is a week before.
				if text[p]|0x20 == 'l' {
					m.step = -1
				}
				return true
			}
			return text[p]|0x20 == 'o' && ordinalDayAt(text, q, m)
		}
	case dw.is(wWeekday):
		return weekdayAt(text, p, m)
	case dw.is(wYearPrep):
		q := spaceAfter(text, end)
		if q < 0 {
			return false
		}
		if q2, ok := firstHalfOf(text, q); ok {
			if y, ok := yearAt(text, q2); ok {
				m.kind, m.end, m.y = inYear, q2+4, y
				return true
			}
		}
		if y, ok := yearAt(text, q); ok {
			m.kind, m.end, m.y = inYear, q+4, y
			return true
		}
	}
	return false
}

// numericDate reads "7 November [2024]", "2024-09-02" or a bare year at p.
func numericDate(text string, p int, m *dateMatch) bool {
	end := wordEnd(text, p)
	if d, ok := dayNumber(text[p:end]); ok {
		if q := spaceAfter(text, end); q >= 0 {
			mo, ends := monthAt(text, q)
			for _, e := range ends {
				if e < 0 {
					continue
				}
				if y, ye := commaYear(text, e); y > 0 {
					m.kind, m.end, m.d, m.m, m.y = dayMonth, ye, d, mo, y
					return true
				}
				if Boundary(text, e) {
					m.kind, m.end, m.d, m.m, m.y = dayMonth, e, d, mo, 0
					return true
				}
			}
		}
	}
	if y, mo, d, ok := isoAt(text, p); ok {
		m.kind, m.end, m.y, m.m, m.d = isoDate, p+10, y, mo, d
		return true
	}
	if y, ok := yearAt(text, p); ok {
		m.kind, m.end, m.y = bareYear, p+4, y
		return true
	}
	return false
}

// monthFirst reads "September 2, 2024", "March 2023" or a bare month name.
func monthFirst(text string, p int, dw dateWord, m *dateMatch) bool {
	_, ends := monthAt(text, p)
	for _, e := range ends { // month day [year]
		if e < 0 {
			continue
		}
		q := spaceAfter(text, e)
		if q < 0 {
			continue
		}
		dEnd := wordEnd(text, q)
		if d, ok := dayNumber(text[q:dEnd]); ok {
			y, ye := commaYear(text, dEnd)
			if y == 0 {
				ye = dEnd
			}
			m.kind, m.end, m.m, m.d, m.y = monthDay, ye, dw.n(), d, y
			return true
		}
	}
	for _, e := range ends { // month [,] [of] year
		if e < 0 {
			continue
		}
		q := e
		if q < len(text) && text[q] == ',' {
			q++
		}
		if q = spaceAfter(text, q); q < 0 {
			continue
		}
		if q2, ok := wordThenSpace(text, q, "of"); ok {
			if y, ok := yearAt(text, q2); ok {
				m.kind, m.end, m.m, m.y = monthYear, q2+4, dw.n(), y
				return true
			}
			q = q2 // "April of last year"
		}
		if periodAt(text, q, m) {
			if m.unit == 'y' {
				m.kind, m.m = relMonth, dw.n()
				return true
			}
			continue
		}
		if y, ok := yearAt(text, q); ok {
			m.kind, m.end, m.m, m.y = monthYear, q+4, dw.n(), y
			return true
		}
	}
	if !dw.is(wAbbr) {
		m.kind, m.end, m.m, m.monthAt = bareMonth, ends[0], dw.n(), p
		return true
	}
	return false
}

// monthAt reads a month's name or abbreviation at q. An abbreviation may
// end before or after its full stop ("Sept." or "Sept"), which the phrase
// around it decides; ends lists the ends in the order to try, -1 for none.
func monthAt(text string, q int) (mo int, ends [2]int) {
	if q >= len(text) || !monthFirsts[text[q]] {
		return 0, [2]int{-1, -1}
	}
	dw, end := dateWordAt(text, q)
	if !dw.is(wMonth) {
		return 0, [2]int{-1, -1}
	}
	if dw.is(wAbbr) && end < len(text) && text[end] == '.' {
		return dw.n(), [2]int{end + 1, end}
	}
	return dw.n(), [2]int{end, -1}
}

// dayNumber reads a day of the month, as "7", "07", "21st" or "3RD".
func dayNumber(w string) (int, bool) {
	n, k := 0, 0
	for k < len(w) && k < 3 && digitByte(w[k]) {
		n = n*10 + int(w[k]-'0')
		k++
	}
	switch {
	case k == 1 && n >= 1, k == 2 && (w[0] == '0' && n >= 1 || n >= 10 && n <= 31):
	default:
		return 0, false
	}
	switch len(w) - k {
	case 0:
		return n, true
	case 2:
		s := [2]byte{w[k] | 0x20, w[k+1] | 0x20}
		switch string(s[:]) {
		case "st", "nd", "rd", "th":
			return n, true
		}
	}
	return 0, false
}

// yearAt reads a year from 1900 to 2199 that is a word of its own at q.
func yearAt(text string, q int) (int, bool) {
	if q+4 > len(text) || q+4 < len(text) && wordBytes[text[q+4]] {
		return 0, false
	}
	return yearDigits(text[q : q+4])
}

func yearDigits(s string) (int, bool) {
	n := 0
	for k := range 4 {
		if !digitByte(s[k]) {
			return 0, false
		}
		n = n*10 + int(s[k]-'0')
	}
	return n, n >= 1900 && n <= 2199
}

// commaYear reads the year that may follow a day and month (",? year");
// y is 0 if there is none.
func commaYear(text string, e int) (y, end int) {
	p := e
	if p < len(text) && text[p] == ',' {
		p++
	}
	if p = spaceAfter(text, p); p < 0 {
		return 0, e
	}
	if y, ok := yearAt(text, p); ok {
		return y, p + 4
	}
	return 0, e
}

// isoAt reads "2024-09-02" at p.
func isoAt(text string, p int) (y, m, d int, ok bool) {
	if p+10 > len(text) || text[p+4] != '-' || text[p+7] != '-' || !Boundary(text, p+10) {
		return 0, 0, 0, false
	}
	two := func(s string) int {
		if !digitByte(s[0]) || !digitByte(s[1]) {
			return -1
		}
		return int(s[0]-'0')*10 + int(s[1]-'0')
	}
	y, ok = yearDigits(text[p : p+4])
	m, d = two(text[p+5:p+7]), two(text[p+8:p+10])
	return y, m, d, ok && m >= 1 && m <= 12 && d >= 1 && d <= 31
}

// relativeAt reads "last month", "late last month", "earlier this year".
func relativeAt(text string, p int, dw dateWord, end int, m *dateMatch) bool {
	if dw.is(wEdge) && end+1 < len(text) && (text[end] == '-' || text[end] == ' ') && periodAt(text, end+1, m) {
		return true
	}
	return periodAt(text, p, m)
}

// periodAt reads "last year", "this month", "earlier this week" at q.
func periodAt(text string, q int, m *dateMatch) bool {
	var buf [16]byte
	w, end := wordAt(&buf, text, q)
	step := 0
	switch string(w) {
	case "last":
		step = -1
	case "next":
		step = 1
	case "this":
	case "earlier", "later": // "earlier this", with one space
		var ok bool
		if end >= len(text) || text[end] != ' ' {
			return false
		}
		if end, ok = wordIs(text, end+1, "this"); !ok {
			return false
		}
	default:
		return false
	}
	if q = spaceAfter(text, end); q < 0 {
		return false
	}
	unit, end := wordAt(&buf, text, q)
	switch string(unit) {
	case "year", "month", "week":
		m.kind, m.end, m.step, m.unit = relPeriod, end, step, unit[0]
		return true
	}
	return false
}

// weekdayAt reads "Tuesday" or "Tuesday's" at q.
func weekdayAt(text string, q int, m *dateMatch) bool {
	if q >= len(text) || !weekdayFirsts[text[q]] {
		return false
	}
	dw, end := dateWordAt(text, q)
	if !dw.is(wWeekday) {
		return false
	}
	for _, s := range [...]string{"'s", "'S", "’s", "’S"} {
		if len(text)-end >= len(s) && text[end:end+len(s)] == s && Boundary(text, end+len(s)) {
			end += len(s)
			break
		}
	}
	m.kind, m.end, m.weekday, m.step, m.d = weekdayName, end, time.Weekday(dw.n()), 0, 0
	// "on Monday (25)", "on Sunday, the 14th of this month": the day of
	// the month the weekday falls on.
	if d, e := weekdayDay(text, end); d > 0 {
		m.end, m.d = e, d
	}
	return true
}

// weekdayDay reads " (25)" or ", the 14th of this month" after a weekday
// at end: the day of the month, and where the phrase ends.
func weekdayDay(text string, end int) (int, int) {
	rest := text[end:]
	if strings.HasPrefix(rest, " (") {
		k := strings.IndexByte(rest, ')')
		if k > 2 && k <= 4 {
			if d, ok := dayNumber(rest[2:k]); ok {
				return d, end + k + 1
			}
		}
		return 0, 0
	}
	if strings.HasPrefix(rest, ", the ") {
		q := end + len(", the ")
		e := wordEnd(text, q)
		if d, ok := dayNumber(text[q:e]); ok && e > q && !digitByte(text[e-1]) {
			if e2, ok := ofThisMonth(text, e); ok {
				return d, e2
			}
			return d, e
		}
	}
	return 0, 0
}

// ofThisMonth: " of this month" follows at e; it returns where it ends.
func ofThisMonth(text string, e int) (int, bool) {
	const p = " of this month"
	if len(text)-e < len(p) || !strings.EqualFold(text[e:e+len(p)], p) || !Boundary(text, e+len(p)) {
		return e, false
	}
	return e + len(p), true
}

// ordinalDayAt reads "the 4th" at q after "on", a day of the reference
// month, where the phrase ends the clause or a preposition follows ("said
// on the 4th", "signed in Warsaw on the 1st between"), not a noun ("on
// the 4th floor").
func ordinalDayAt(text string, q int, m *dateMatch) bool {
	q2, ok := wordThenSpace(text, q, "the")
	if !ok {
		return false
	}
	e := wordEnd(text, q2)
	d, ok := dayNumber(text[q2:e])
	if !ok || e == q2 || digitByte(text[e-1]) {
		return false // "the 4th", not "the 4"
	}
	rest := text[e:]
	if e2, ok := ofThisMonth(text, e); ok {
		m.kind, m.end, m.d = dayOfMonth, e2, d
		return true
	}
	if rest != "" && !strings.HasPrefix(rest, ",") && !strings.HasPrefix(rest, ".") && !strings.HasPrefix(rest, ";") {
		next := rest
		if next[0] != ' ' {
			return false
		}
		w, _, _ := strings.Cut(next[1:], " ")
		switch w {
		case "between", "in", "at", "and", "with", "when":
		default:
			return false
		}
	}
	m.kind, m.end, m.d = dayOfMonth, e, d
	return true
}

// firstHalfOf reads "the first half of " at q and returns where the next
// word starts.
func firstHalfOf(text string, q int) (int, bool) {
	q, ok := wordThenSpace(text, q, "the")
	if !ok {
		return 0, false
	}
	if p, ok := wordThenSpace(text, q, "first"); ok {
		q = p
	} else if q, ok = wordThenSpace(text, q, "second"); !ok {
		return 0, false
	}
	if q, ok = wordThenSpace(text, q, "half"); !ok {
		return 0, false
	}
	return wordThenSpace(text, q, "of")
}
