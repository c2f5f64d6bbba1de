package annotate

import (
	"slices"

	"github.com/dossier-osint/dossier/internal/catalog"
)

type qtyKind uint8

// Kinds of quantity phrase.
const (
	qPart      qtyKind = iota + 1 // "the second of three"
	qOrdinal                      // "the first four", "the remaining six"
	qBetween                      // "between 10 and 12"
	qHalfDozen                    // "half a dozen"
	qDozens                       // "two dozen", "a dozen"
	qCouple                       // "a couple of"
	qPair                         // "a pair of": two, exactly
	qTrio                         // "a trio of": three, exactly
	qFew                          // "a few"
	qNumber                       // "50", "twenty-four", "a hundred"
	qVague                        // "dozens", "several", "a batch"
)

type modKind uint8

// Modifiers of a count.
const (
	modNone    modKind = iota
	modAtLeast         // "at least", "more than"
	modOver            // "over": at least, unless it is a preposition
	modAbout           // "about", "around": approximately, unless a preposition
	modApprox          // "some", "nearly", "up to", "fewer than"...
)

// qtyMatch is a quantity phrase before its number is read.
type qtyMatch struct {
	start, end  int
	kind        qtyKind
	mod         modKind
	num, numEnd int // the number's span; num is -1 for "a dozen"
}

// Kinds of word that can start a quantity phrase.
const (
	qwPart    = 1 << iota // "first" ... "fifth", "last", "final"
	qwOrdinal             // "first", "last", "final", "remaining"
	qwBetween
	qwMod    // the first word of a modifier
	qwCount  // "half" or a number's word
	qwVague  // "dozens", "several", "an"
	qwAfterA // a word after "a" that the phrases of "a" read (see aPhrase)
)

var qtyWords = newWordTable(func() map[string]int {
	ws := map[string]int{}
	add := func(kind int, words ...string) {
		for _, w := range words {
			ws[w] |= kind
		}
	}
	add(qwPart, "first", "second", "third", "fourth", "fifth", "last", "final")
	add(qwOrdinal, "first", "last", "final", "remaining")
	add(qwBetween, "between")
	for w := range mods {
		add(qwMod, w)
	}
	add(qwCount, "half")
	for w := range numberWords {
		add(qwCount, w)
	}
	add(qwVague, "dozens", "hundreds", "scores", "several", "numerous", "multiple", "an")
	// "a hundred", "a dozen", "a couple of", "a few", "a number", "a large
	// number", "a new batch" (countAt and vagueAt after "a";
	// TestEveryWordOfTheExpressionAfterA holds this copy to them).
	add(qwAfterA, "hundred", "thousand", "dozen", "couple", "pair", "trio", "few", "number", "batch", "fleet", "large")
	add(qwAfterA, batchWords...)
	return ws
}())

var numberTable = newWordTable(numberWords)

// mods are the modifiers by their first word: the words that follow it
// and what it makes of the count.
var mods = map[string]struct {
	rest []string
	kind modKind
}{
	"at": {[]string{"least"}, modAtLeast}, "more": {[]string{"than"}, modAtLeast}, "over": {nil, modOver},
	"about": {nil, modAbout}, "around": {nil, modAbout}, "some": {nil, modApprox}, "nearly": {nil, modApprox},
	"almost": {nil, modApprox}, "approximately": {nil, modApprox}, "roughly": {nil, modApprox},
	"close": {[]string{"to"}, modApprox}, "up": {[]string{"to"}, modApprox}, "an": {[]string{"estimated"}, modApprox},
	"as": {[]string{"many", "as"}, modApprox}, "fewer": {[]string{"than"}, modApprox}, "less": {[]string{"than"}, modApprox},
	"under": {nil, modApprox},
}

// scanQuantity reads the quantity phrase at the word start i, if one
// starts there, trying the phrases in their order; or the one that starts
// with a "the" or an "a" right before it, after from, past the last
// phrase read: "the second of three", "a dozen". The scanners pass "the"
// and "a", the commonest words, over: only a word of qwPart after "the",
// or of qwAfterA after "a", may go on with such a phrase.
func scanQuantity(text string, from, i, end int, m *qtyMatch) bool {
	if digitByte(text[i]) { // a number, which qtyWords, all letters, cannot hold
		*m = qtyMatch{start: i, num: -1}
		return countAt(text, i, m)
	}
	kinds, ok := qtyWords.find(text[i:end])
	if !ok {
		return false
	}
	if kinds&qwAfterA != 0 {
		if a := wordBefore(text, i, "a"); a >= from && aPhrase(text, a, m) {
			return true
		}
	}
	*m = qtyMatch{start: i, num: -1}
	if kinds&qwPart != 0 && partOf(text, i, m) {
		if t := wordBefore(text, i, "the"); t >= from {
			m.start = t
		}
		return true
	}
	if kinds&qwOrdinal != 0 {
		if p := spaceAfter(text, end); p >= 0 {
			var ends [8]int
			if n := numberEnds(text, p, ends[:0]); len(n) > 0 {
				m.kind, m.end, m.num, m.numEnd = qOrdinal, n[0], p, n[0]
				return true
			}
		}
	}
	if kinds&qwBetween != 0 && betweenAt(text, end, m) {
		return true
	}
	if kinds&(qwMod|qwCount|qwVague) == 0 {
		return false // "first", "between": no need to lower-case the word
	}
	var buf [16]byte
	w := lowerASCII(&buf, text[i:end])
	if kinds&qwMod != 0 {
		if q, mod := modAt(text, string(w), end); mod != modNone && countAt(text, q, m) {
			m.mod = mod
			return true
		}
	}
	if kinds&qwCount != 0 && countAt(text, i, m) {
		return true
	}
	return kinds&qwVague != 0 && vagueAt(text, string(w), end, m)
}

// partOf reads "second of three", "last of its four" at q.
func partOf(text string, q int, m *qtyMatch) bool {
	if q >= len(text) || !partFirsts[text[q]] {
		return false // most often a noun after "the"
	}
	end := wordEnd(text, q)
	if kinds, _ := qtyWords.find(text[q:end]); kinds&qwPart == 0 {
		return false
	}
	p := spaceAfter(text, end)
	if p < 0 {
		return false
	}
	p, ok := wordThenSpace(text, p, "of")
	if !ok {
		return false
	}
	var ends [8]int
	for _, det := range [...]string{"the", "its"} {
		if p2, ok := wordThenSpace(text, p, det); ok {
			if n := numberEnds(text, p2, ends[:0]); len(n) > 0 {
				m.kind, m.end, m.num, m.numEnd = qPart, n[0], p2, n[0]
				return true
			}
		}
	}
	if n := numberEnds(text, p, ends[:0]); len(n) > 0 {
		m.kind, m.end, m.num, m.numEnd = qPart, n[0], p, n[0]
		return true
	}
	return false
}

// wordBefore is where the word w, in any case, starts that white space
// alone parts from byte i, or -1.
func wordBefore(text string, i int, w string) int {
	j := i
	for j > 0 && IsRegexpSpace(text[j-1]) {
		j--
	}
	t := j - len(w)
	if j == i || t < 0 || !catalog.EqualFoldASCII(text[t:j], w) || !wordStart(text, t) {
		return -1
	}
	return t
}

// aPhrase reads the phrase at the word "a" at i: scanQuantity's at a word
// of qwCount and qwVague.
func aPhrase(text string, i int, m *qtyMatch) bool {
	*m = qtyMatch{start: i, num: -1}
	return countAt(text, i, m) || vagueAt(text, "a", i+len("a"), m)
}

// partFirsts lets partOf reject most words at their first byte.
var partFirsts = firstBytes(qtyWords, func(v int) bool { return v&qwPart != 0 })

// betweenAt reads "10 and 12" after "between", which ends at end.
func betweenAt(text string, end int, m *qtyMatch) bool {
	p := spaceAfter(text, end)
	if p < 0 {
		return false
	}
	var lows, highs [8]int
	for _, lo := range numberEnds(text, p, lows[:0]) {
		q := spaceAfter(text, lo)
		if q < 0 {
			continue
		}
		q, ok := wordThenSpace(text, q, "and")
		if !ok {
			continue
		}
		if hi := numberEnds(text, q, highs[:0]); len(hi) > 0 {
			m.kind, m.end, m.num, m.numEnd = qBetween, hi[0], p, lo
			return true
		}
	}
	return false
}

// modAt reads the rest of a modifier whose first word w ends at end, and
// returns where the count after it starts.
func modAt(text, w string, end int) (int, modKind) {
	mod := mods[w]
	q := spaceAfter(text, end)
	for _, r := range mod.rest {
		if q < 0 {
			return 0, modNone
		}
		var ok bool
		if end, ok = wordIs(text, q, r); !ok {
			return 0, modNone
		}
		q = spaceAfter(text, end)
	}
	if q < 0 {
		return 0, modNone
	}
	return q, mod.kind
}

// countAt reads a count at q: "half a dozen", "two dozen", "a couple of",
// "a few" or a number.
func countAt(text string, q int, m *qtyMatch) bool {
	if q >= len(text) || !wordBytes[text[q]] {
		return false
	}
	if end, ok := wordIs(text, q, "half"); ok {
		if p := spaceAfter(text, end); p >= 0 {
			if p, ok := wordThenSpace(text, p, "a"); ok {
				if e, ok := wordIs(text, p, "dozen"); ok {
					m.kind, m.end = qHalfDozen, e
					return true
				}
			}
		}
	}
	var ends [8]int
	numbers := numberEnds(text, q, ends[:0])
	for _, e := range numbers {
		if d, ok := dozenAfter(text, e); ok {
			m.kind, m.end, m.num, m.numEnd = qDozens, d, q, e
			return true
		}
	}
	if end, ok := wordIs(text, q, "a"); ok {
		if d, ok := dozenAfter(text, end); ok {
			m.kind, m.end = qDozens, d
			return true
		}
		if p := spaceAfter(text, end); p >= 0 {
			var buf2 [16]byte
			w2, e2 := wordAt(&buf2, text, p)
			switch string(w2) {
			case "couple", "pair", "trio":
				if p = spaceAfter(text, e2); p >= 0 {
					if e, ok := wordIs(text, p, "of"); ok {
						m.kind, m.end = qCouple, e
						switch string(w2) {
						case "pair":
							m.kind = qPair
						case "trio":
							m.kind = qTrio
						}
						return true
					}
				}
			case "few":
				m.kind, m.end = qFew, e2
				return true
			}
		}
	}
	if len(numbers) > 0 {
		m.kind, m.end, m.num, m.numEnd = qNumber, numbers[0], q, numbers[0]
		return true
	}
	return false
}

// dozenAfter reads " dozen" after e.
func dozenAfter(text string, e int) (int, bool) {
	p := spaceAfter(text, e)
	if p < 0 {
		return 0, false
	}
	return wordIs(text, p, "dozen")
}

// vagueAt reads "dozens", "several", "a batch", "an unknown number"...
// whose first word w ends at end.
func vagueAt(text, w string, end int, m *qtyMatch) bool {
	switch w {
	case "dozens", "hundreds", "scores", "several", "numerous", "multiple":
		m.kind, m.end = qVague, end
		return true
	}
	p := spaceAfter(text, end)
	if p < 0 {
		return false
	}
	var buf [16]byte
	w2, e := wordAt(&buf, text, p)
	last := "number"
	switch {
	case w == "a" && (string(w2) == "number" || string(w2) == "batch" || string(w2) == "fleet"):
		m.kind, m.end = qVague, e
		return true
	case w == "a" && string(w2) == "large":
	case w == "an" && (string(w2) == "unknown" || string(w2) == "undisclosed" || string(w2) == "unspecified"):
	case w == "a" && batchWord(string(w2)):
		last = "batch"
	default:
		return false
	}
	if p = spaceAfter(text, e); p < 0 {
		return false
	}
	e, ok := wordIs(text, p, last)
	if ok {
		m.kind, m.end = qVague, e
	}
	return ok
}

// batchWord comes between "a" and "batch".
func batchWord(w string) bool {
	return slices.Contains(batchWords, w)
}

var batchWords = []string{"first", "second", "third", "new", "further", "fresh", "final"}

// numberEnds appends to ends where a number starting at q can end, in the
// order the expression tried them: digits with thousands separators, with
// fewer groups and plain; number words, with a second word ("twenty-four"),
// hundreds or thousands and a tail ("two hundred and fifty") and without;
// "a hundred". Only ends at the end of a word are kept, as every phrase
// needs one there.
func numberEnds(text string, q int, ends []int) []int {
	if q >= len(text) || !wordBytes[text[q]] {
		return ends
	}
	if digitByte(text[q]) {
		n := q
		for n < len(text) && digitByte(text[n]) {
			n++
		}
		if n-q <= 3 {
			g := n
			for g+4 <= len(text) && text[g] == ',' && digitByte(text[g+1]) && digitByte(text[g+2]) && digitByte(text[g+3]) {
				g += 4
			}
			for ; g > n; g -= 4 {
				if g == len(text) || !wordBytes[text[g]] {
					ends = append(ends, g)
				}
			}
		}
		if n == len(text) || !wordBytes[text[n]] {
			ends = append(ends, n)
		}
		return ends
	}
	end := wordEnd(text, q)
	if end == q+1 && text[q]|0x20 == 'a' {
		if p := spaceAfter(text, end); p >= 0 {
			if e, ok := hundredAt(text, p); ok {
				ends = append(ends, e)
			}
		}
		return ends
	}
	if _, ok := numberTable.find(text[q:end]); !ok {
		return ends
	}
	second := -1
	if end < len(text) && (text[end] == '-' || text[end] == ' ') {
		if e, ok := numberWordAt(text, end+1); ok {
			second = e
		}
	}
	for _, b := range [2]int{second, end} {
		if b < 0 {
			continue
		}
		if p := spaceAfter(text, b); p >= 0 {
			if h, ok := hundredAt(text, p); ok {
				if p = spaceAfter(text, h); p >= 0 {
					if a, ok := wordThenSpace(text, p, "and"); ok {
						ends = tailEnds(text, a, ends)
					}
					ends = tailEnds(text, p, ends)
				}
				ends = append(ends, h)
			}
		}
		ends = append(ends, b)
	}
	return ends
}

// tailEnds appends the ends of "fifty" or "twenty-four" at p.
func tailEnds(text string, p int, ends []int) []int {
	e, ok := numberWordAt(text, p)
	if !ok {
		return ends
	}
	if e < len(text) && (text[e] == '-' || text[e] == ' ') {
		if e2, ok := numberWordAt(text, e+1); ok {
			ends = append(ends, e2)
		}
	}
	return append(ends, e)
}

// numberWordAt reads a number's word ("twenty") at p.
func numberWordAt(text string, p int) (int, bool) {
	end := wordEnd(text, p)
	_, ok := numberTable.find(text[p:end])
	return end, ok
}

func hundredAt(text string, p int) (int, bool) {
	if e, ok := wordIs(text, p, "hundred"); ok {
		return e, true
	}
	return wordIs(text, p, "thousand")
}
