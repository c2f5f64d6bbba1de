package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-osint/dossier/internal/annotate"
	"github.com/dossier-osint/dossier/internal/catalog"
)

// Some of the rules' patterns are run by matchers written out in Go: Go's
// backtracker clears a bitmap of a pattern's size times the text for each
// try, which costs more than reading the words by hand, most of all for
// investRe's counted gaps. The tests hold each matcher to its pattern; one
// written for an older pattern is left unused (see handWritten).
func init() {
	handWritten(investRe, investPattern, matchInvest)
	handWritten(visitRe, visitPattern, matchVisit)
	handWritten(forumRe, forumPattern, matchForum)
	handWritten(meetingRe, meetingPattern, matchMeeting)
	handWritten(oneBefore, oneBeforePattern, matchOneBefore)
}

// The patterns that the matchers were written from.
const (
	investPattern    = `(?i)\binvest(?:s|ed|ing|ment|ments)?\b|\bcreat(?:e|ing)\s+(?:about\s+|around\s+|some\s+|over\s+)?[\d,]+\s+(?:\w+\s+)?jobs\b|\b(?:would|will|to|plans to)\s+build\s+(?:a|an)\s+[^.;]{0,40}?\b(?:plant|factory|smelter|centre|center|facility|refinery|mine|assembly line|production line)\b|\bset(?:s|ting)?\s+up\s+(?:a|an)\s+[^.;]{0,40}?\b(?:plant|factory|facility|assembly line|production line|joint venture)\b|\bconstruction of (?:a|an)\s+[^.;]{0,30}?\b(?:plant|factory|smelter|refinery)\b`
	visitPattern     = `(?i)\b(?:(?:official|state|working|three-day|two-day|week-long|four-day|five-day|first|historic|imminent)\s+)*visit(?:s|ed|ing)?\b|\btoured\b|\btravell?ed to\b|\bwho\s+arrived\s+in\b|\b(?:first|second|third|next|last|final)\s+(?:stop|leg)\b`
	meetingPattern   = `(?i)\b(?:met|meets|meet|(?:is|was|were|are)\s+greeted\s+by|held talks|holds talks|hold talks|talks with|for talks|held meetings|holds meetings|meeting with|(?:after|before) meeting|discussed)\b`
	forumPattern     = `\b(?:[A-Z0-9][\p{L}0-9-]*\s+)*(?:Forum|Summit|Conference)\b(?:\s+(?:on|of|for)\s+[A-Z][\p{L}-]+(?:[\s-]+[A-Z][\p{L}-]+)*)?`
	oneBeforePattern = `(?i)\b(?:a|an|another|one)\s+(?:second|third|fourth|further|new|single|more)?\s*$`
)

// bareCountPattern is the pattern matchBareCount was written from (the
// words after "the" are forceWords).
const bareCountPattern = `^(?:(\s+more)\b)?(?:\s*[,.;]|\s+(?:in|on|from|by|last|this|earlier|later|since|were|was|are|have|had|will|followed|arrived|it|they|which|that|already|still)\b|\s+the\s+(?:air force|navy|army|armed forces|military|border guard|coast guard|marines)\b)`

// bareCountWords follow a count with no noun: a preposition, a pronoun or
// a verb. bareCountByFirst has them by their first byte, which rules out
// most at once.
var (
	bareCountWords = []string{"in", "on", "from", "by", "last", "this", "earlier", "later", "since", "were", "was", "are", "have",
		"had", "will", "followed", "arrived", "it", "they", "which", "that", "already", "still"}
	bareCountByFirst = byFirstByte(bareCountWords)
)

// byFirstByte lists words by their first byte, each list in their order.
// Of words that casedWordAt tries, at most one stands at a place with a
// word boundary after it, so trying only those of the byte there finds
// the same.
func byFirstByte(words []string) *[256][]string {
	var by [256][]string
	for _, w := range words {
		by[w[0]] = append(by[w[0]], w)
	}
	return &by
}

// handWritten lets match run w when w's pattern is still the one match
// was written from.
func handWritten(w *annotate.WordRegexp, pattern string, match func(dst []int, s string) []int) {
	if w.String() == pattern {
		w.AppendedBy(match)
	}
}

// The words of investRe and visitRe, in the order they try them, in lower
// case.
var (
	investWords    = newGapWords("invests", "invested", "investing", "investment", "investments", "invest")
	createWords    = []string{"create", "creating"}
	aboutWords     = []string{"about", "around", "some", "over"}
	buildSubjects  = []string{"would", "will", "to", "plans to"}
	buildObjects   = newGapWords("plant", "factory", "smelter", "centre", "center", "facility", "refinery", "mine", "assembly line", "production line")
	setUpWords     = []string{"sets", "setting", "set"}
	setUpObjects   = newGapWords("plant", "factory", "facility", "assembly line", "production line", "joint venture")
	builtObjects   = newGapWords("plant", "factory", "smelter", "refinery")
	visitModifiers = []string{"official", "state", "working", "three-day", "two-day", "week-long", "four-day", "five-day",
		"first", "historic", "imminent"}
	visitWords = newGapWords("visits", "visited", "visiting", "visit")
	tourWords  = newGapWords("toured", "travelled to", "traveled to")
	tourStops  = newGapWords("stop", "leg")
)

// matchInvest is investRe's FindStringSubmatchIndex anchored at the start
// of s, for ASCII case folding. Each run of white space or digits the
// pattern reads is followed by what no such run holds, so it takes the
// whole run; the counted gaps are read as afterGap reads agreementRe's.
func matchInvest(dst []int, s string) []int {
	if end, ok := investWords.at(s, 0); ok {
		return append(dst, 0, end)
	}
	if at := afterSpaces(s, prefixFold(s, 0, createWords)); at >= 0 {
		if a := afterSpaces(s, prefixFold(s, at, aboutWords)); a >= 0 {
			at = a
		}
		digits := at
		for digits < len(s) && ('0' <= s[digits] && s[digits] <= '9' || s[digits] == ',') {
			digits++
		}
		if digits == at {
			return nil
		}
		if at = afterSpaces(s, digits); at < 0 {
			return nil
		}
		word := at
		for word < len(s) && isWordByte(s[word]) {
			word++
		}
		if w := afterSpaces(s, word); word > at && w >= 0 {
			if end, ok := wordAt(s, w, "jobs"); ok {
				return append(dst, 0, end)
			}
		}
		if end, ok := wordAt(s, at, "jobs"); ok {
			return append(dst, 0, end)
		}
		return nil
	}
	if at := afterSpaces(s, prefixFold(s, 0, buildSubjects)); at >= 0 {
		if at = afterSpaces(s, prefixFold(s, at, []string{"build"})); at >= 0 {
			return afterArticle(dst, s, at, 40, buildObjects)
		}
		return nil
	}
	if at := afterSpaces(s, prefixFold(s, 0, setUpWords)); at >= 0 {
		if at = afterSpaces(s, prefixFold(s, at, []string{"up"})); at >= 0 {
			return afterArticle(dst, s, at, 40, setUpObjects)
		}
		return nil
	}
	if at := prefixFold(s, 0, []string{"construction of "}); at >= 0 {
		return afterArticle(dst, s, at, 30, builtObjects)
	}
	return nil
}

// afterArticle reads (?:a|an)\s+ at i, then a gap of at most max runes and
// one of words.
func afterArticle(dst []int, s string, i, max int, words *gapWords) []int {
	at := afterSpaces(s, prefixFold(s, i, []string{"a"}))
	if at < 0 {
		at = afterSpaces(s, prefixFold(s, i, []string{"an"}))
	}
	if at < 0 {
		return nil
	}
	// Giving back white space lets the gap start on a space, where no
	// word starts: it adds no place for one.
	if _, end, ok := afterGap(s, at, max, words); ok {
		return append(dst, 0, end)
	}
	return nil
}

// matchVisit is visitRe's FindStringSubmatchIndex anchored at the start
// of s, for ASCII case folding. No modifier is a visit, so the modifiers
// are taken as long as there are any.
func matchVisit(dst []int, s string) []int {
	at := 0
	for {
		next := afterSpaces(s, prefixFold(s, at, visitModifiers))
		if next < 0 {
			break
		}
		at = next
	}
	if end, ok := visitWords.at(s, at); ok {
		return append(dst, 0, end)
	}
	if end, ok := tourWords.at(s, 0); ok {
		return append(dst, 0, end)
	}
	if at := afterSpaces(s, prefixFold(s, 0, []string{"who"})); at >= 0 {
		if at = afterSpaces(s, prefixFold(s, at, []string{"arrived"})); at >= 0 {
			if end, ok := wordAt(s, at, "in"); ok {
				return append(dst, 0, end)
			}
		}
	}
	// "The first stop was Rome", "the last leg": a stop of a tour.
	if at := afterSpaces(s, prefixFold(s, 0, tourOrdinals)); at >= 0 {
		if end, ok := tourStops.at(s, at); ok {
			return append(dst, 0, end)
		}
	}
	return nil
}

// The words of meetingRe, in the order it tries them, in lower case: the
// verbs, the auxiliaries before "greeted by", and the phrases after. "met
// with" is none of them: "met" always matches first.
var (
	meetingVerbs   = newGapWords("met", "meets", "meet")
	greetedAux     = []string{"is", "was", "were", "are"}
	meetingPhrases = newGapWords("held talks", "holds talks", "hold talks", "talks with", "for talks", "held meetings",
		"holds meetings", "meeting with", "after meeting", "before meeting", "discussed")
)

// matchMeeting is meetingRe's FindStringSubmatchIndex anchored at the
// start of s, for ASCII case folding. A phrase matches only with \b
// after it, else the next is tried; the white space before "greeted" and
// "by" is read whole, as no word that follows starts with any.
func matchMeeting(dst []int, s string) []int {
	if end, ok := meetingVerbs.at(s, 0); ok {
		return append(dst, 0, end)
	}
	if at := afterSpaces(s, prefixFold(s, 0, greetedAux)); at >= 0 {
		if at = afterSpaces(s, prefixFold(s, at, []string{"greeted"})); at >= 0 {
			if end, ok := wordAt(s, at, "by"); ok {
				return append(dst, 0, end)
			}
		}
	}
	if end, ok := meetingPhrases.at(s, 0); ok {
		return append(dst, 0, end)
	}
	return nil
}

// tourOrdinals open the stops of a tour in visitRe.
var tourOrdinals = []string{"first", "second", "third", "next", "last", "final"}

// prefixFold returns the end of the first of words (lower case) that s
// holds at i in any ASCII case, or -1; i may be -1 too.
func prefixFold(s string, i int, words []string) int {
	if i < 0 {
		return -1
	}
	for _, w := range words {
		if len(w) <= len(s)-i && catalog.EqualFoldASCII(s[i:i+len(w)], w) {
			return i + len(w)
		}
	}
	return -1
}

// afterSpaces returns the end of the white space (\s+) at i, or -1 when
// there is none there or i is -1.
func afterSpaces(s string, i int) int {
	if i < 0 {
		return -1
	}
	if j := skipRegexpSpace(s, i); j > i {
		return j
	}
	return -1
}

// isWordByte is \w.
func isWordByte(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_'
}

// matchForum is forumRe's FindStringSubmatchIndex anchored at the start of
// s. Each capitalised word before the name of the meeting is read whole,
// with the white space after it; the pattern takes as many as it can
// before one of the names, the most first. The words after "on", "of" or
// "for" have nothing after them to hold, so they go on as far as they can.
func matchForum(dst []int, s string) []int {
	var buf [8]int
	after := append(buf[:0], 0) // after[k]: where the words end after k of them
	for at := 0; ; {
		if at >= len(s) || !('A' <= s[at] && s[at] <= 'Z' || '0' <= s[at] && s[at] <= '9') {
			break
		}
		end := runOf(s, at+1, func(r rune) bool { return unicode.IsLetter(r) || '0' <= r && r <= '9' || r == '-' })
		if at = afterSpaces(s, end); at < 0 {
			break
		}
		after = append(after, at)
	}
	for k := len(after) - 1; k >= 0; k-- {
		e := prefixCase(s, after[k], []string{"Forum", "Summit", "Conference"})
		if e < 0 || !annotate.Boundary(s, e) {
			continue
		}
		if name := afterSpaces(s, prefixCase(s, afterSpaces(s, e), []string{"on", "of", "for"})); name >= 0 {
			for end := capitalRun(s, name); end >= 0; end = capitalRun(s, name) {
				e = end
				if name = runOf(s, end, func(r rune) bool { return r == '-' || r < utf8.RuneSelf && annotate.IsRegexpSpace(byte(r)) }); name == end {
					break
				}
			}
		}
		return append(dst, 0, e)
	}
	return nil
}

// matchOneBefore is oneBefore's FindStringSubmatchIndex anchored at the
// start of s, for ASCII case folding: "a", "an", "another" or "one", white
// space, and then at most an ordinal and white space to the end.
func matchOneBefore(dst []int, s string) []int {
	at := wordThenSpaces(s, 0, []string{"a", "an", "another", "one"})
	if at < 0 {
		return nil
	}
	if at < len(s) {
		at = prefixFold(s, at, []string{"second", "third", "fourth", "further", "new", "single", "more"})
		if at < 0 || skipRegexpSpace(s, at) < len(s) {
			return nil
		}
	}
	return append(dst, 0, len(s))
}

// capitalRun reads [A-Z][\p{L}-]+ at i and returns its end, or -1.
func capitalRun(s string, i int) int {
	if i < 0 || i >= len(s) || s[i] < 'A' || s[i] > 'Z' {
		return -1
	}
	if end := runOf(s, i+1, func(r rune) bool { return unicode.IsLetter(r) || r == '-' }); end > i+1 {
		return end
	}
	return -1
}

// runOf returns the end of the runes from i that in holds.
func runOf(s string, i int, in func(rune) bool) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !in(r) {
			break
		}
		i += size
	}
	return i
}

// wordThenSpaces returns the end of the white space after the first of
// words (lower case) that s holds at i in any ASCII case with white space
// after it, or -1; i may be -1 too.
func wordThenSpaces(s string, i int, words []string) int {
	for _, w := range words {
		if at := afterSpaces(s, prefixFold(s, i, []string{w})); at >= 0 {
			return at
		}
	}
	return -1
}

// prefixCase is prefixFold that keeps case.
func prefixCase(s string, i int, words []string) int {
	if i < 0 {
		return -1
	}
	for _, w := range words {
		if strings.HasPrefix(s[i:], w) {
			return i + len(w)
		}
	}
	return -1
}

// matchBareCount reads a count with no noun after it, "more" allowed, at
// the start of s (as FindStringSubmatchIndex of bareCountPattern): one
// of bareCountWords, the end of the clause or a force as subject ("the
// two the air force already flies") follows. No word the pattern reads
// starts with white space, so each run of it is read whole.
func matchBareCount(dst []int, s string) []int {
	if at := afterSpaces(s, 0); at >= 0 && strings.HasPrefix(s[at:], "more") && annotate.Boundary(s, at+len("more")) {
		if end := bareCountEnd(s, at+len("more")); end >= 0 {
			return append(dst, 0, end, 0, at+len("more"))
		}
	}
	if end := bareCountEnd(s, 0); end >= 0 {
		return append(dst, 0, end, -1, -1)
	}
	return nil
}

// bareCountEnd reads what follows a bare count at i and returns its end,
// or -1.
func bareCountEnd(s string, i int) int {
	if at := skipRegexpSpace(s, i); at < len(s) && (s[at] == ',' || s[at] == '.' || s[at] == ';') {
		return at + 1
	}
	at := afterSpaces(s, i)
	if at < 0 {
		return -1
	}
	if at < len(s) {
		if end := casedWordAt(s, at, bareCountByFirst[s[at]]); end >= 0 {
			return end
		}
	}
	if at = afterSpaces(s, casedWordAt(s, at, []string{"the"})); at >= 0 {
		return casedWordAt(s, at, forceWords)
	}
	return -1
}

// casedWordAt returns the end of the first of words that s holds at i,
// case kept, with a word boundary after it, or -1; i may be -1 too.
func casedWordAt(s string, i int, words []string) int {
	if i < 0 {
		return -1
	}
	for _, w := range words {
		if strings.HasPrefix(s[i:], w) && annotate.Boundary(s, i+len(w)) {
			return i + len(w)
		}
	}
	return -1
}
