package extract

import (
	"math/bits"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-osint/dossier/internal/annotate"
	"github.com/dossier-osint/dossier/internal/catalog"
	"github.com/dossier-osint/dossier/internal/record"
)

// event is an event record being built.
type event struct {
	typ     string
	actors  []string
	country string
	date    annotate.Date
	planned bool
	subject string
	sents   []int
	// anaphoric events ("the visit", "the contract, signed in Asunción")
	// only add evidence to one told before.
	anaphoric bool
	// further: a signing or meeting told with "also" ("also signed a
	// memorandum", "also met executives of"), another than the one before.
	further bool
}

var (
	visitRe         = annotate.MustCompileSearch(`(?i)\b(?:(?:official|state|working|three-day|two-day|week-long|four-day|five-day|first|historic|imminent)\s+)*visit(?:s|ed|ing)?\b|\btoured\b|\btravell?ed to\b|\bwho\s+arrived\s+in\b|\b(?:first|second|third|next|last|final)\s+(?:stop|leg)\b`)
	meetingRe       = annotate.MustCompileSearch(`(?i)\b(?:met|meets|meet|(?:is|was|were|are)\s+greeted\s+by|held talks|holds talks|hold talks|talks with|for talks|held meetings|holds meetings|meeting with|(?:after|before) meeting|discussed)\b`)
	investRe        = annotate.MustCompileSearch(`(?i)\binvest(?:s|ed|ing|ment|ments)?\b|\bcreat(?:e|ing)\s+(?:about\s+|around\s+|some\s+|over\s+)?[\d,]+\s+(?:\w+\s+)?jobs\b|\b(?:would|will|to|plans to)\s+build\s+(?:a|an)\s+[^.;]{0,40}?\b(?:plant|factory|smelter|centre|center|facility|refinery|mine|assembly line|production line)\b|\bset(?:s|ting)?\s+up\s+(?:a|an)\s+[^.;]{0,40}?\b(?:plant|factory|facility|assembly line|production line|joint venture)\b|\bconstruction of (?:a|an)\s+[^.;]{0,30}?\b(?:plant|factory|smelter|refinery)\b`)
	whenVisitsRe    = annotate.MustCompileSearch(`(?i)\bwhen\b[^.;]{0,60}\bvisits\b`)
	dueDateRe       = annotate.MustCompileSearch(`(?i)\b(?:due|scheduled|expected|set)\s+to\s+(?:start|begin|open|be completed|be ready|start operating|come on stream)\b`)
	forumRe         = annotate.MustCompileSearch(`\b(?:[A-Z0-9][\p{L}0-9-]*\s+)*(?:Forum|Summit|Conference)\b(?:\s+(?:on|of|for)\s+[A-Z][\p{L}-]+(?:[\s-]+[A-Z][\p{L}-]+)*)?`)
	buildRe         = annotate.MustCompileSearch(`(?i)\b(?:construction of|to build|would build|will build|plans?|to set up|considering)\b`)
	futureSigningRe = annotate.MustCompileSearch(`(?i)\b(?:to sign|will sign|would sign|to be signed|will be signed|could be signed|expected to be signed|plan to sign|intend to sign)\b`)
	// "The contract, signed in Asunción": a signing told before.
	// "Morocco's contract with IAI ..., signed in 2022": a state's own.
	signedBeforeRe = regexp.MustCompile(`(?i)^\s*(?:the|this|(?-i:\p{Lu})[\p{L}-]*(?:'s|’s))\s+(?:contract|agreement|memorandum|deal)\b`)
	subjectRe      = annotate.MustCompileSearch(`(?i)\b(?:on|for|about|to discuss|concerning|regarding|for the construction of)\s+([^.;,"“]{3,80})`).
			AppendedBy(matchSubject)
)

// subjectWords are the words of subjectRe, in the order it tries them.
var subjectWords = []string{"on", "for", "about", "to discuss", "concerning", "regarding", "for the construction of"}

// matchSubject is subjectRe's FindStringSubmatchIndex anchored at the
// start of s, for ASCII case folding: Go's regexp clears a bitmap the size
// of its long counted repetition times the text for each try.
func matchSubject(dst []int, s string) []int {
	for _, w := range subjectWords {
		if len(w) > len(s) || !catalog.EqualFoldASCII(s[:len(w)], w) {
			continue
		}
		spaces := skipRegexpSpace(s, len(w))
		// \s+ takes all the white space, and gives it back a byte at a
		// time, for the subject to hold, while the subject is too short.
		for at := spaces; at > len(w); at-- {
			if end, ok := subjectFrom(s, at); ok {
				return append(dst, 0, end, at, end)
			}
		}
	}
	return nil
}

// subjectHeads marks by shapeIndex the first two letters of subjectWords:
// a word that begins with no such pair begins no subject.
var subjectHeads = func() (t [32 * 32]bool) {
	for _, w := range subjectWords {
		t[shapeIndex(w[0], w[1])] = true
	}
	return t
}()

// subjectIn is the subject of subjectRe's first match in text, or "". The
// match begins at a word start after \b whose first two letters are those
// of one of subjectWords (no rune that folds into ASCII, ſ or the Kelvin
// sign, folds into those): words of ASCII letters, read 64 bytes at a time
// as cuesOf reads them. From the first such word on, where the rest of the
// text holds no such rune, as most do, the match is matchSubject's at the
// first word where it matches; elsewhere the pattern runs.
func (x *docState) subjectIn(text string) string {
	next := letterBits(text, 0)
	var lastBefore uint64 // 1 when the last byte of the block before is a letter
	for base := 0; base < len(text); base += 64 {
		letters := next
		next = 0
		if base+64 < len(text) {
			next = letterBits(text, base+64)
		}
		// The first letters of words of two letters or more, as the
		// subject's words are.
		for starts := letters &^ (letters<<1 | lastBefore) & (letters>>1 | next<<63); starts != 0; starts &= starts - 1 {
			at := base + bits.TrailingZeros64(starts)
			if !subjectHeads[shapeIndex(text[at], text[at+1])] || at > 0 && isWordByte(text[at-1]) {
				continue // no subject word, or a digit or _ before: no \b
			}
			if holdsRune(text[at:], "\u017f") || holdsRune(text[at:], "\u212a") {
				if m := subjectRe.FindSubmatchIndexIn(x.matchRoom[:], text); m != nil {
					return text[m[2]:m[3]]
				}
				return ""
			}
			if m := matchSubject(x.matchRoom[:0], text[at:]); m != nil {
				return text[at+m[2] : at+m[3]]
			}
		}
		lastBefore = letters >> 63
	}
	return ""
}

// subjectFrom reads the subject of subjectRe at byte at of s: as many as
// 80 runes that are none of . ; , " “, and at least 3; it returns its end.
func subjectFrom(s string, at int) (end int, ok bool) {
	n := 0
	end = at
	// Eight bytes at a time up to the first that is a stop or begins a
	// rune beyond ASCII, which the loop below reads.
	for ; n+8 <= 80 && end+8 <= len(s); end, n = end+8, n+8 {
		w := load8(s, end)
		if stops := zeroBytes(w^'.'*lowBits) | zeroBytes(w^';'*lowBits) | zeroBytes(w^','*lowBits) | zeroBytes(w^'"'*lowBits) | w&(lowBits<<7); stops != 0 {
			k := bits.TrailingZeros64(stops) / 8 // the first: no borrow runs below a zero byte
			end, n = end+k, n+k
			break
		}
	}
	for ; n < 80 && end < len(s); n++ {
		if c := s[end]; c < utf8.RuneSelf { // most runes, read without decoding
			if c == '.' || c == ';' || c == ',' || c == '"' {
				break
			}
			end++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[end:])
		if r == '“' {
			break
		}
		end += size
	}
	return end, n >= 3
}

// eventKind is a kind of event a sentence may tell, as its cues show.
type eventKind uint8

// The kinds of events, in the order a sentence is read for them.
const (
	visitEvent eventKind = iota
	agreementEvent
	meetingEvent
	investmentEvent
	forumEvent // a named summit or forum, which is a meeting
	eventKinds
)

// eventCues are the words without which a sentence tells no event of a
// kind; the kind's pattern then runs only on a window around each cue,
// which keeps Go's regexp on short inputs. The names of forums count only
// capitalised; the other words in any case.
var eventCues = map[string]eventKind{
	"visit": visitEvent, "visits": visitEvent, "visited": visitEvent, "visiting": visitEvent,
	"toured": visitEvent, "travelled": visitEvent, "traveled": visitEvent, "arrived": visitEvent,
	"stop": visitEvent, "leg": visitEvent,
	"signed": agreementEvent, "signing": agreementEvent, "signs": agreementEvent, "sign": agreementEvent,
	"inked": agreementEvent, "concluded": agreementEvent,
	"met": meetingEvent, "meets": meetingEvent, "meet": meetingEvent, "talks": meetingEvent,
	"meetings": meetingEvent, "meeting": meetingEvent, "greeted": meetingEvent, "discussed": meetingEvent,
	"invest": investmentEvent, "invests": investmentEvent, "invested": investmentEvent,
	"investing": investmentEvent, "investment": investmentEvent, "investments": investmentEvent,
	"jobs": investmentEvent, "build": investmentEvent, "construction": investmentEvent,
	"set": investmentEvent, "sets": investmentEvent, "setting": investmentEvent,
	"Forum": forumEvent, "Summit": forumEvent, "Conference": forumEvent,
}

// cueShapes holds for each pair of first letters a bit for each length
// of the words of eventCues that begin with them, which turns most words
// away before a look-up.
var cueShapes = func() (t [32 * 32]uint16) {
	for w := range eventCues {
		t[shapeIndex(w[0], w[1])] |= 1 << len(w)
	}
	return t
}()

// cueWord is a word of eventCues and its kind.
type cueWord struct {
	word string
	kind eventKind
}

// cueWords are the words of eventCues, and cueIndex, by the index in
// cueShapes of a word's first letters and its length, the place in
// cueWords, plus one, of the cue of that shape and length (0 for none):
// the one word a word that passes cueShapes is compared with. No two cues
// share both, and the lengths, 3 to 15, are apart in four bits.
var cueWords, cueIndex = func() (words []cueWord, index *[32 * 32 * 16]uint8) {
	index = new([32 * 32 * 16]uint8)
	for w, kind := range eventCues {
		k := cueKey(w)
		switch {
		case index[k] != 0:
			panic("eventCues: " + w + " has the first letters and length of " + words[index[k]-1].word)
		case len(words) == 255:
			panic("eventCues: more cues than cueIndex's bytes can number")
		}
		words = append(words, cueWord{w, kind})
		index[k] = uint8(len(words))
	}
	return words, index
}()

// cueKey is the index in cueIndex of a word of two letters or more.
func cueKey(w string) int { return shapeIndex(w[0], w[1])<<4 | len(w)&15 }

// shapeIndex is the index in cueShapes of a word that begins with the
// ASCII letters a and b: their low five bits, which case leaves alone
// (and which the compiler sees are in range).
func shapeIndex(a, b byte) int { return int(a&31)<<5 | int(b&31) }

var eventPatterns = [eventKinds]*annotate.WordRegexp{visitRe, agreementRe, meetingRe, investRe, forumRe}

// cueWindow is how far around a cue an event pattern looks.
const cueWindow = 120

// eventCuesOf are the byte offsets of the cues of a sentence, by kind.
type eventCuesOf [eventKinds][]int

// findEvent returns the first match of kind's pattern near one of its cues
// in text, or nil. The match is in x.eventRoom, until findEvent runs again.
// Most sentences have cues of one kind or two: the others are turned away
// here, inlined, without a call.
func (x *docState) findEvent(text string, cues *eventCuesOf, kind eventKind) []int {
	if len(cues[kind]) == 0 {
		return nil
	}
	return x.findEventNear(text, cues, kind)
}

// findEventNear is findEvent for a kind that has cues.
func (x *docState) findEventNear(text string, cues *eventCuesOf, kind eventKind) []int {
	for _, at := range cues[kind] {
		lo, hi := max(0, at-cueWindow), min(len(text), at+cueWindow)
		if kind == meetingEvent {
			if start, end, sure := meetingIn(text, cues[kind], lo, hi); sure {
				if start < 0 {
					continue
				}
				loc := x.eventRoom[:2]
				loc[0], loc[1] = start, end
				return loc
			}
		}
		if loc := eventPatterns[kind].FindSubmatchIndexIn(x.eventRoom[:], text[lo:hi]); loc != nil {
			loc[0], loc[1] = lo+loc[0], lo+loc[1] // a match of its own, which it may move
			return loc[:2]
		}
	}
	return nil
}

// meetingIn finds meetingRe's first match in the window [lo, hi) of text,
// around one of the meeting cues, without running it where it can: sure
// tells it has, and then start and end are the match, or -1 for none.
// Each phrase of meetingRe holds a cue, whole, in ASCII: "met", "meets",
// "meet" and "discussed" match alone, no other word before them in the
// phrase; "talks", "meeting", "meetings" and "greeted" only with one of
// meetingWordsBefore as the word before or "with" as the word after. So
// the first match is none where no cue passes those tests, and the cue
// alone where the first that does is one of those verbs, between bytes
// that no word goes on with (\b). Only a match that a rune folding into
// ASCII makes (ſ or the Kelvin sign), or whose first or last word the
// window's edges cut, holds no cue: in those windows the pattern runs.
// Nearly half the meeting cues stand where none matches ("a meeting",
// "the talks"), most of the others are a verb that matches alone, whose
// windows the pattern then does not read.
func meetingIn(text string, cues []int, lo, hi int) (start, end int, sure bool) {
	if lo > 0 && isWordByte(text[lo-1]) && isWordByte(text[lo]) || hi < len(text) && isWordByte(text[hi-1]) && isWordByte(text[hi]) ||
		strings.Contains(text[lo:hi], "\u017f") || strings.Contains(text[lo:hi], "\u212a") {
		return 0, 0, false
	}
	for _, c := range cues {
		if c < lo {
			continue
		}
		if c >= hi {
			break
		}
		end := asciiLettersEnd(text, c)
		if slices.ContainsFunc(meetingAlone, func(w string) bool { return len(w) == end-c && catalog.EqualFoldASCII(text[c:end], w) }) {
			if c > 0 && isWordByte(text[c-1]) || end < len(text) && isWordByte(text[end]) {
				return 0, 0, false // no \b there: the pattern decides
			}
			return c, end, true
		}
		before := c
		for before > 0 && annotate.IsRegexpSpace(text[before-1]) {
			before--
		}
		if slices.ContainsFunc(meetingWordsBefore, func(w string) bool {
			return before >= len(w) && catalog.EqualFoldASCII(text[before-len(w):before], w)
		}) || prefixFold(text, skipRegexpSpace(text, end), meetingWordsAfter) >= 0 {
			return 0, 0, false
		}
	}
	return -1, -1, true
}

// The cues of meetingRe that match alone, and the words of its phrases
// before and after the other cues ("greeted by" has one before).
var (
	meetingAlone       = []string{"met", "meets", "meet", "discussed"}
	meetingWordsBefore = []string{"is", "was", "were", "are", "held", "holds", "hold", "for", "after", "before"}
	meetingWordsAfter  = []string{"with"}
)

// asciiLettersEnd returns the end of the run of ASCII letters at i of text.
func asciiLettersEnd(text string, i int) int {
	for i < len(text) && annotate.ASCIILetter(text[i]) {
		i++
	}
	return i
}

// cuesOf finds the event cues of a sentence in cues, whose lists it
// empties first, keeping their arrays for the next sentence; found is
// false when it has none.
func cuesOf(cues *eventCuesOf, text string) (found bool) {
	for k := range cues {
		cues[k] = cues[k][:0]
	}
	// The words are the runs of ASCII letters. It reads them 64 bytes at
	// a time from a mask with a bit for each letter, and that of the next
	// 64 bytes, a word at a time from its first letter: its first two
	// letters turn most words away in cueShapes before its length is
	// read.
	next := letterBits(text, 0)
	var lastBefore uint64 // 1 when the last byte of the block before is a letter
	for base := 0; base < len(text); base += 64 {
		letters := next
		next = 0
		if base+64 < len(text) {
			next = letterBits(text, base+64)
		}
		// The first letters of the words of three letters or more, as all
		// cues are, the second and third in the next block or not: most
		// words shorter (a, of, in) are turned away here.
		starts := letters &^ (letters<<1 | lastBefore) & (letters>>1 | next<<63) & (letters>>2 | next<<62)
		for ; starts != 0; starts &= starts - 1 {
			k := bits.TrailingZeros64(starts) & 63
			start := base + k
			lengths := cueShapes[shapeIndex(text[start], text[start+1])]
			if lengths == 0 {
				continue
			}
			// The word's letters from k on, those of the next block after
			// them: a word as long as the two blocks' bits (64) is no cue.
			n := bits.TrailingZeros64(^(letters>>k | next<<(63-k)<<1))
			// Lengths 16 and longer read the bit of a shorter cue, which
			// lookCue turns away by the length of the words it compares.
			if lengths>>(n&15)&1 != 0 && lookCue(cues, text[start:start+n], start) {
				found = true
			}
		}
		lastBefore = letters >> 63
	}
	return found
}

// lookCue adds start to cues of its kind when the word w, which starts
// there, is a cue, and says whether it is one.
func lookCue(cues *eventCuesOf, w string, start int) bool {
	k := cueIndex[cueKey(w)]
	if k == 0 {
		return false
	}
	// The forums count only capitalised, as eventCues holds them; the
	// other cues in any case (and are not compared again as they stand,
	// which could not match where the fold did not). Words of 16 letters
	// or more share a key with a shorter one.
	c := &cueWords[k-1]
	if len(c.word) == len(w) && (c.word[0] >= 'a' && catalog.EqualFoldASCII(w, c.word) || c.word[0] < 'a' && w == c.word) {
		cues[c.kind] = append(cues[c.kind], start)
		return true
	}
	return false
}

// letterBits has bit k set when text[base+k] is an ASCII letter, for the
// 64 bytes from base (those past the end are no letters).
func letterBits(text string, base int) uint64 {
	switch {
	case base+64 <= len(text):
		return blockLetterBits(text[base : base+64])
	case len(text) >= 64:
		// The last 64 bytes, those before base shifted out.
		return blockLetterBits(text[len(text)-64:]) >> (base + 64 - len(text))
	}
	var out uint64
	k := 0
	for ; base+k+8 <= len(text); k += 8 {
		out |= letterBits8(load8(text, base+k)) << k
	}
	var w uint64 // the last bytes, fewer than eight, the first lowest
	if rest := len(text) - base - k; rest > 0 && len(text) >= 8 {
		w = load8(text, len(text)-8) >> (64 - 8*rest) // the last eight, those before base+k shifted out
	} else {
		for j := len(text) - 1; j >= base+k; j-- {
			w = w<<8 | uint64(text[j])
		}
	}
	return out | letterBits8(w)<<k
}

// blockLetterBits is letterBits of a block of 64 bytes, its eight words
// read with no test between.
func blockLetterBits(b string) uint64 {
	b = b[:64]
	w0, w1, w2, w3 := load8(b, 0), load8(b, 8), load8(b, 16), load8(b, 24)
	w4, w5, w6, w7 := load8(b, 32), load8(b, 40), load8(b, 48), load8(b, 56)
	if (w0|w1|w2|w3|w4|w5|w6|w7)&(0x80*lowBits) == 0 { // most blocks
		return gather(asciiLetterBytes(w0)) | gather(asciiLetterBytes(w1))<<8 | gather(asciiLetterBytes(w2))<<16 |
			gather(asciiLetterBytes(w3))<<24 | gather(asciiLetterBytes(w4))<<32 | gather(asciiLetterBytes(w5))<<40 |
			gather(asciiLetterBytes(w6))<<48 | gather(asciiLetterBytes(w7))<<56
	}
	return letterBits8(w0) | letterBits8(w1)<<8 | letterBits8(w2)<<16 | letterBits8(w3)<<24 |
		letterBits8(w4)<<32 | letterBits8(w5)<<40 | letterBits8(w6)<<48 | letterBits8(w7)<<56
}

// letterBits8 has bit j set when byte j of w is an ASCII letter.
func letterBits8(w uint64) uint64 { return gather(letterBytes(w)) }

// gather brings the high bit of byte j of w, which has no other bits, to
// bit j: the multiplication moves bit 8j+7 to bit 56+j, no two of its
// products landing on one bit below the top byte. (It is w>>7 times
// 0x0102040810204080, the shift spared.)
func gather(w uint64) uint64 { return w * 0x0002040810204081 >> 56 }

// letterBytes has the high bit set of each byte of w that is an ASCII
// letter, and no other bit.
func letterBytes(w uint64) uint64 {
	const high = 0x80 * lowBits
	// Lowered and with the high bit cleared, a letter is a byte in a to
	// z; adding to each byte sets its high bit from a, or past z, and
	// carries into no other byte. A byte past z is past a too, so the
	// bits differ just from a to z.
	return asciiLetterBytes(w&^high) &^ w
}

// asciiLetterBytes is letterBytes of a w whose bytes are all ASCII.
func asciiLetterBytes(w uint64) uint64 {
	low := w | asciiFold
	fromA := low + (0x80-'a')*lowBits
	pastZ := low + (0x80-'z'-1)*lowBits
	return (fromA ^ pastZ) & (0x80 * lowBits)
}

func (x *docState) events() []*event {
	out := x.eventList[:0]
	for _, i := range x.readable() {
		text := x.d.Sentences[i].Text
		cues := &x.cues
		if !cuesOf(cues, text) {
			continue
		}
		var visit *event
		if loc := x.findEvent(text, cues, visitEvent); loc != nil && !pluralReference(text[:loc[0]]) && !attributiveVisiting(text, loc) && !standVisit(text[loc[1]:]) {
			visit = x.newEvent(i, record.EventVisit, loc)
			out = append(out, visit)
		}
		if loc := x.findEvent(text, cues, agreementEvent); loc != nil && !deniedSigning(text, loc) && !x.deniedReport(i, x.d.Sentences[i].Start+loc[0]) &&
			!x.premisesLease(i, loc) {
			out = append(out, x.newEvent(i, record.EventAgreement, loc))
			out = append(out, x.furtherSignings(i, loc)...)
		} else if loc := x.signedFor(i, cues); loc != nil {
			out = append(out, x.newEvent(i, record.EventAgreement, loc))
			out = append(out, x.furtherSignings(i, loc)...)
		}
		// A planned visit "for meetings at the Pentagon" is one event.
		if visit == nil || !visit.planned {
			if loc := x.findEvent(text, cues, meetingEvent); loc != nil && !lastWordIs(text[:loc[0]], "in") && !lastWordIs(text[:loc[0]], "no") && !meetsTarget(text[loc[0]:]) && !pluralReference(text[:loc[0]]) &&
				!lastWordIs(text[:loc[0]], "must") && !passiveDiscussed(text, loc) && !meetingNoOne(text, loc) {
				out = append(out, x.newEvent(i, record.EventMeeting, loc))
			}
		}
		// "Investment on the sidelines": a heading names no company investing.
		if loc := x.findEvent(text, cues, investmentEvent); loc != nil && !x.insideName(i, x.d.Sentences[i].Start+loc[0]) && !x.investmentAtLarge(i, loc) && !x.heading(i) {
			e := x.newEvent(i, record.EventInvestment, loc)
			e.date = x.dueDate(i)
			out = append(out, e)
		}
		// A named summit or forum is a meeting of those who attend it.
		// "Kristaps Ozols of the Riga Security Forum" names where he works.
		if loc := x.findEvent(text, cues, forumEvent); loc != nil && !affiliation(text[:loc[0]]) {
			out = append(out, x.newEvent(i, record.EventMeeting, loc))
		}
	}
	x.eventList = out // its array, grown, for the next document
	return x.mergeEvents(out)
}

// partiesBefore: the clause before a meeting's cue has the parties of a
// meeting told before as its subject ("the two ministers also
// discussed", "The parties considered").
func partiesBefore(before string) bool {
	if k := strings.LastIndexAny(before, ",;:"); k >= 0 {
		before = before[k+1:]
	}
	return partiesWords.inLower(before)
}

// partiesWords are the subjects of partiesBefore.
var partiesWords = lowerWordsOf("the two ministers", "the two sides", "the two leaders", "the two delegations", "the parties", "both sides")

// lastWordIs: the last word of text is w (lower-case ASCII letters), in
// any case ("in talks with", not "Enkhtuvshin held talks").
func lastWordIs(text, w string) bool {
	last, _ := lastWordIn(text, w)
	return last != ""
}

// pluralReference: before ends with "those", "these" or "such" ("raised
// concerns about those visits"): things told before, maybe no official
// visits at all, which name no event of their own.
func pluralReference(before string) bool {
	w, _ := lastWordIn(before, "those", "these", "such") // annotate.LastField lowered, most turned away by their last byte
	return w != ""
}

// standVisit: what is visited is a fair's pavilion, stand or booth
// ("seen visiting the Chinese and Turkish pavilions"), no official visit.
func standVisit(after string) bool {
	rest := after
	for range 5 {
		var w string
		if w, rest = firstWord(strings.TrimLeft(rest, ",.;:")); w == "" {
			return false
		}
		if slices.ContainsFunc(standWords, func(s string) bool { return annotate.LowerIs(w, s) }) {
			return true
		}
	}
	return false
}

var standWords = []string{"pavilion", "pavilions", "stand", "stands", "booth", "booths"}

// attributiveVisiting: the match is "visiting" before a plural common
// noun with no determiner ("have told visiting delegations"): visitors
// in general, no visit told; "a visiting admiral", "visiting the plant"
// or "visiting Ankara" tell one.
func attributiveVisiting(text string, loc []int) bool {
	if !annotate.LowerIs(text[loc[0]:loc[1]], "visiting") {
		return false
	}
	next, _ := firstWord(text[loc[1]:])
	prev, _ := annotate.LastField(text[:loc[0]])
	return len(next) > 3 && next[0] >= 'a' && next[0] <= 'z' && strings.HasSuffix(next, "s") && !slices.Contains(determiners, strings.ToLower(prev)) &&
		!slices.Contains([]string{"is", "are", "was", "were", "been", "be"}, strings.ToLower(prev))
}

// signedFor finds "signed for" or "signed with" told of equipment
// ("Serbia signed for twelve of the French fighters with Dassault",
// "signed with Dassault for 42 Rafale fighters"): a contract signed with
// no word for it. It is the trigger's span in the sentence, or nil.
func (x *docState) signedFor(i int, cues *eventCuesOf) []int {
	if len(cues[agreementEvent]) == 0 {
		return nil
	}
	s := x.d.Sentences[i]
	for _, t := range x.triggers[i] {
		if verb := x.text(t.Start, t.End); t.Class == Contracted && (annotate.LowerIs(verb, "signed for") || annotate.LowerIs(verb, "signed with")) {
			return []int{t.Start - s.Start, t.End - s.Start}
		}
	}
	return nil
}

// affiliation: before ends with a name and "of the" ("said Kristaps
// Ozols of the "): what follows is where the person works, not a
// meeting ("ahead of the 9th Forum" is one).
func affiliation(before string) bool {
	rest, ok := strings.CutSuffix(before, " of the ")
	if !ok {
		return false
	}
	w, _ := annotate.LastField(rest)
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// deniedSigning: the signing is denied ("No agreement has yet been
// signed", "the deal was not signed").
func deniedSigning(text string, loc []int) bool {
	match := text[loc[0]:loc[1]]
	return lastWordIs(text[:loc[0]], "no") || containsLower(match, " not ", " yet been ", " yet to ", " never ")
}

// furtherSignings are the signings told after the one at loc in clauses of
// their own ("Thailand signed for four of the jets in August, ..., and
// Colombia signed for 17 in November"): one agreement each.
func (x *docState) furtherSignings(i int, loc []int) []*event {
	s := x.d.Sentences[i]
	var out []*event
	prev := s.Start + loc[1]
	for _, t := range x.triggers[i] {
		if t.Class != Contracted || !t.Fwd || t.Start < prev {
			continue
		}
		verb, _ := firstWord(x.text(t.Start, t.End))
		if !annotate.LowerIs(verb, "signed") || !strings.Contains(x.text(prev, t.Start), ", and ") {
			continue
		}
		out = append(out, x.newEvent(i, record.EventAgreement, []int{t.Start - s.Start, t.End - s.Start}))
		prev = t.End
	}
	return out
}

// passiveDiscussed: the match is "discussed" told of a thing, not of
// parties ("Plans ..., first discussed with Moscow in 2022").
func passiveDiscussed(text string, loc []int) bool {
	if !annotate.LowerIs(text[loc[0]:loc[1]], "discussed") {
		return false
	}
	w, _ := annotate.LastField(text[:loc[0]])
	var room [loweredRoom]byte
	switch string(lowered(&room, w)) {
	case "first", "was", "were", "be", "been", "being", "is", "are", "not", "never", "":
		return true
	}
	return strings.HasSuffix(w, ",")
}

// investmentAtLarge: the match is the noun "investment" told of a policy
// or a market ("opened the sector to private and foreign investment",
// "uses its purchases to attract investment", "welcomed the investment
// announcements"): no company invests in a project.
func (x *docState) investmentAtLarge(i int, loc []int) bool {
	text := x.d.Sentences[i].Text
	if !containsLower(text[loc[0]:loc[1]], "investment") {
		return false
	}
	w, _ := annotate.LastField(text[:loc[0]])
	var room [loweredRoom]byte
	switch string(lowered(&room, w)) {
	case "attract", "foreign", "private", "more":
		return true
	case "the":
		next, _ := firstWord(text[loc[1]:])
		return next == "announcements" || next == "climate"
	}
	return false
}

// meetingNoOne: "after meeting" or "before meeting" is a meeting only
// when a name follows ("after meeting Otokar's general manager"), not
// "after meeting reporters" or "before meeting the press".
func meetingNoOne(text string, loc []int) bool {
	if cue := strings.ToLower(text[loc[0]:loc[1]]); cue != "after meeting" && cue != "before meeting" {
		return false
	}
	next, _ := firstWord(text[loc[1]:])
	r, _ := utf8.DecodeRuneInString(next)
	return !unicode.IsUpper(r)
}

// meetsTarget: the match is "meet" in the sense of fulfilling something
// ("the threshold Bulgaria must meet if it is to join the euro area",
// "meet the criteria"): a condition, an impersonal object or the end of a
// clause follows, not a party.
func meetsTarget(text string) bool {
	rest, ok := strings.CutPrefix(text, "meet")
	if !ok {
		return false
	}
	rest = strings.TrimPrefix(rest, "s")
	if rest == "" || rest[0] == ',' || rest[0] == '.' || rest[0] == ';' {
		return true
	}
	next, after := firstWord(rest)
	switch next {
	case "if", "unless", "before", "by", "when", "its", "their", "all", "these", "those", "this":
		return true
	case "the":
		noun, _ := firstWord(after)
		return slices.Contains([]string{"threshold", "criteria", "requirements", "requirement", "target", "targets", "needs",
			"standards", "standard", "deadline", "demand", "conditions", "costs", "cost"}, noun)
	}
	return false
}

// firstWord is the first word of text after white space, and the text
// after it.
func firstWord(text string) (string, string) {
	// strings.TrimLeft and IndexAny, read a byte at a time from tables
	// made once rather than sets made at each call.
	text = text[skipRegexpSpace(text, 0):]
	for k := 0; k < len(text); k++ {
		if annotate.IsRegexpSpace(text[k]) || wordPunct[text[k]] {
			return text[:k], text[k:]
		}
	}
	return text, ""
}

// wordPunct is the punctuation that, besides white space, ends the word
// firstWord reads.
var wordPunct = byteSetOf(",.;:")

// newEvent reads an event of type typ whose trigger is at loc of sentence i.
func (x *docState) newEvent(i int, typ string, loc []int) *event {
	s := &x.d.Sentences[i] // not copied: a sentence is large
	text := s.Text
	e := newInBlock(&x.eventBlock, event{typ: typ, sents: x.sentenceList(i)})
	before := text[:loc[0]]
	switch typ {
	case record.EventAgreement:
		e.planned = strings.Contains(text, "sign") && futureSigningRe.MatchString(text)
	case record.EventInvestment:
		e.planned = x.plannedIn(i, 0, len(text)) || buildRe.MatchString(text)
	default:
		e.planned = x.plannedIn(i, max(0, loc[0]-60), min(len(text), loc[1]+60)) && !containsLower(text[loc[0]:loc[1]], "signed")
	}
	// A determiner or possessive before the match ("the visit") refers
	// back, unless the match names its own event; that test runs only
	// where there is one, which is seldom.
	e.anaphoric = typ != record.EventInvestment && definiteBefore(before[max(0, len(before)-40):]) && !x.namesOwnEvent(typ, text, loc) ||
		typ == record.EventMeeting && partiesBefore(before)
	signedBefore := typ == record.EventAgreement && (dealNounSecond(text) && signedBeforeRe.MatchString(text) ||
		e.anaphoric && (participleAfterNoun(text[loc[0]:loc[1]]) || x.signingOfDated(i, loc)))
	e.anaphoric = e.anaphoric || signedBefore
	e.further = typ != record.EventVisit && !e.anaphoric && endsWithLower(before, "also ") // "also toured" goes on with the visit
	var best annotate.Date
	bestDist := 1 << 30
	for _, dm := range x.datesOf(i) {
		if x.saidDate(dm) && typ != record.EventMeeting || typ == record.EventAgreement && x.beforeAfter(dm, s.Start+loc[0]) {
			continue
		}
		if d := distance(s.Start+loc[0], s.Start+loc[1], dm.Start, dm.End); d < bestDist {
			best, bestDist = dm.Date, d
			if !e.planned {
				best = dm.Before(x.d.Ref)
			}
		}
	}
	// A reference back ("the visit") dates nothing: its event is dated
	// where it is told. "The contract, signed with Rosoboronexport in
	// August 2024" does tell its signing's date: it joins a signing of
	// that date told elsewhere, or stands as its own.
	if typ != record.EventInvestment && (!e.anaphoric || signedBefore) {
		e.date = best
	}
	for k := range x.d.Mentions[i] {
		m := &x.d.Mentions[i][k] // not copied: a mention is large
		switch m.Kind {
		case annotate.MPerson, annotate.MName:
			e.actors = appendUnique(e.actors, m.Name)
		case annotate.MOrg:
			e.actors = appendUnique(e.actors, m.Name)
			if m.OrgKind == "government" && m.Country != "" {
				if c := x.cat.Country(m.Country); c != nil {
					e.actors = appendUnique(e.actors, c.Name)
				}
			}
		case annotate.MCountry:
			if !x.isOriginModifier(i, k) || m.Form != 0 {
				e.actors = appendUnique(e.actors, m.Name)
			}
		}
	}
	if refersToPerson(text) {
		if p := x.lastPerson(i); p != "" {
			e.actors = appendUnique(e.actors, p)
		}
	}
	if x.focusState != nil {
		e.actors = appendUnique(e.actors, x.focusState.Name)
	}
	e.country = x.eventCountry(i, loc, typ)
	e.subject = strings.TrimSpace(x.subjectIn(text[loc[0]:min(len(text), loc[0]+160)]))
	return e
}

// namesOwnEvent: the match at loc of text, of an event of type typ,
// names an event of its own after a determiner: a named forum; a signing
// told verb first ("the ministry signed a contract" is a subject, not a
// reference back as "the agreement" is, while "The signing was attended
// by" is the noun, a reference back); or a stop of a tour ("The first
// stop was Rome").
func (x *docState) namesOwnEvent(typ string, text string, loc []int) bool {
	match := text[loc[0]:loc[1]]
	if forumRe.FindSubmatchIndexIn(x.matchRoom[:], match) != nil {
		return true
	}
	switch typ {
	case record.EventAgreement:
		return slices.ContainsFunc(signingVerbs, func(v string) bool {
			_, ok := wordAt(text[loc[0]:], 0, v)
			return ok && v != "signing"
		})
	case record.EventVisit:
		return containsLower(match, " stop", " leg")
	}
	return false
}

// dealNounSecond: the second word of text, as white space parts them,
// starts with a noun of a deal, as signedBeforeRe needs (its first word,
// "the" or a possessive, holds no white space), which costs far less to
// test than running it on the whole sentence. The nouns must be those of
// signedBeforeRe, and hold no "k" or "s": under (?i) those also match the
// Kelvin sign and "ſ", which EqualFoldASCII would not.
func dealNounSecond(text string) bool {
	k := skipNonSpace(text, skipRegexpSpace(text, 0))
	if k == len(text) {
		return false
	}
	second := text[skipRegexpSpace(text, k):]
	for _, n := range []string{"contract", "agreement", "memorandum", "deal"} {
		if len(second) >= len(n) && catalog.EqualFoldASCII(second[:len(n)], n) {
			return true
		}
	}
	return false
}

// participleAfterNoun: the match is a word for an agreement and the
// participle of its signing right after it ("the contract concluded with
// the friendly Italian Republic in 2016", "a deal, signed in 2019"): an
// earlier signing told with its own date.
func participleAfterNoun(match string) bool {
	for _, n := range agreementSubjects {
		if end, ok := wordAt(match, 0, n); ok {
			rest := strings.TrimPrefix(match[end:], ",")
			return strings.HasPrefix(rest, " concluded") || strings.HasPrefix(rest, " signed")
		}
	}
	return false
}

// determiners make what follows them, or the word after, a thing told
// before ("the visit", "his official visit").
var determiners = []string{"the", "this", "that", "his", "her", "their", "its"}

// possessives make the word after them a thing told before ("Goïta's visit").
var possessives = []string{"'s", "’s"}

// definiteBefore: text ends with a determiner or a possessive ("Goïta's")
// and white space, or with those and one more word and white space: the
// pattern (?i)(?:\b(?:the|this|that|his|her|their|its)|'s|’s)\s+(?:[\p{L}-]+\s+)?$.
func definiteBefore(text string) bool {
	end := lastSpaceRun(text, len(text))
	if end == len(text) {
		return false
	}
	if determinerEndsAt(text, end) {
		return true
	}
	word := end
	for word > 0 {
		if c := text[word-1]; c < utf8.RuneSelf {
			if !annotate.ASCIILetter(c) && c != '-' {
				break
			}
			word--
			continue
		}
		r, size := utf8.DecodeLastRuneInString(text[:word])
		if !unicode.IsLetter(r) {
			break
		}
		word -= size
	}
	before := lastSpaceRun(text, word)
	return word < end && before < word && determinerEndsAt(text, before)
}

// determinerEndsAt: a determiner after \b, or a possessive, ends at end.
func determinerEndsAt(text string, end int) bool {
	if end == 0 || !determinerLastBytes[text[end-1]] {
		return false
	}
	if found, sure := asciiDeterminerEndsAt(text, end); sure {
		return found
	}
	for _, d := range determiners {
		if start, ok := endsWithFold(text[:end], d); ok && annotate.Boundary(text, start) {
			return true
		}
	}
	for _, d := range possessives {
		if _, ok := endsWithFold(text[:end], d); ok {
			return true
		}
	}
	return false
}

// asciiDeterminerEndsAt is determinerEndsAt where the word ending at end
// and the byte before it are ASCII, most often: there no rune folds into
// a determiner's letters (ſ, the Kelvin sign), and the word, whole, is a
// determiner after \b or the s of 's. sure is false elsewhere.
func asciiDeterminerEndsAt(text string, end int) (found, sure bool) {
	const longest = len("their")
	start := end
	for start > 0 && end-start <= longest && annotate.ASCIILetter(text[start-1]) {
		start--
	}
	switch {
	case start == end:
		return false, false // a byte beyond ASCII ends the text
	case end-start > longest:
		return false, true // a longer word, which no \b or ' cuts
	case start == 0 || !isWordByte(text[start-1]):
		if start > 0 && text[start-1] >= utf8.RuneSelf {
			return false, false // ’s, or a rune that may fold
		}
		if start > 0 && text[start-1] == '\'' && end-start == 1 && text[start]|0x20 == 's' {
			return true, true // 's, its s a letter that may end a determiner
		}
		for _, d := range determiners {
			if len(d) == end-start && catalog.EqualFoldASCII(text[start:end], d) {
				return true, true
			}
		}
		return false, true
	}
	return false, true // a digit or _ before the word: no \b, no '
}

// determinerLastBytes are the bytes that can end a determiner or a
// possessive as (?i) matches them: the last bytes of their last runes'
// case folds (the long s, ſ, is an s).
var determinerLastBytes = func() (t [256]bool) {
	for _, w := range append(slices.Clone(determiners), possessives...) {
		r, _ := utf8.DecodeLastRuneInString(w)
		for f := unicode.SimpleFold(r); ; f = unicode.SimpleFold(f) {
			t[utf8.AppendRune(nil, f)[utf8.RuneLen(f)-1]] = true
			if f == r {
				break
			}
		}
	}
	return t
}()

// endsWithFold says whether s ends with w as Go's (?i) matches it, and
// where w starts.
func endsWithFold(s, w string) (int, bool) {
	for k := len(w); k > 0; {
		if len(s) > 0 && s[len(s)-1] < utf8.RuneSelf && w[k-1] < utf8.RuneSelf {
			// An ASCII rune against another, read without decoding.
			if !foldsTo(rune(s[len(s)-1]), rune(w[k-1])) {
				return 0, false
			}
			s, k = s[:len(s)-1], k-1
			continue
		}
		want, wsize := utf8.DecodeLastRuneInString(w[:k])
		r, size := utf8.DecodeLastRuneInString(s)
		if size == 0 || !foldsTo(r, want) {
			return 0, false
		}
		s, k = s[:len(s)-size], k-wsize
	}
	return len(s), true
}

// foldsTo: r is want or one of its case folds.
func foldsTo(r, want rune) bool {
	if r < utf8.RuneSelf && want < utf8.RuneSelf {
		// The folds beyond ASCII of ASCII letters (the long s, the
		// Kelvin sign) are no ASCII r.
		return asciiLower(r) == asciiLower(want)
	}
	for f := want; ; {
		if f == r {
			return true
		}
		if f = unicode.SimpleFold(f); f == want {
			return false
		}
	}
}

// asciiLower lowers an ASCII capital.
func asciiLower(r rune) rune {
	if 'A' <= r && r <= 'Z' {
		return r + 'a' - 'A'
	}
	return r
}

// futureWords tell an event as yet to come.
var futureWords = catalog.NewPhraseMatcher([]string{"will", "would", "is to", "are to", "to be", "is expected", "are expected",
	"expected to", "plans to", "plan to", "planned to", "intends to", "intend to", "intend", "is due", "are due", "due to",
	"scheduled", "set to", "imminent", "is planned", "planned", "could", "next week", "next month", "next year",
	"later this month", "later this year", "plans"})

// planned: text tells of something to come ("is expected to be signed
// when the chairman visits Lusaka").
func planned(text string) bool {
	return len(futureWords.FindAll(text)) > 0 || plannedWhen(text)
}

// plannedIn is planned of sentence i's text from byte start to end. It
// reads the pieces annotate cut the sentence into, rather than cut the
// text again.
func (x *docState) plannedIn(i, start, end int) bool {
	text := x.d.Sentences[i].Text[start:end]
	if i >= len(x.d.Pieces) || x.d.Pieces[i] == nil { // a boilerplate sentence, left uncut
		return planned(text)
	}
	return futureWords.FindsIn(x.d.Pieces[i], start, end) || plannedWhen(text)
}

// plannedWhen: text ties the event to a visit to come ("when the
// chairman visits Lusaka"). No rune beyond ASCII lowers into the letters
// of "when", as İ does into i and the Kelvin sign into k: the ASCII fold
// search, which looks for its w many bytes at a time, answers what
// containsLower(text, "when") would.
func plannedWhen(text string) bool {
	return catalog.ContainsFoldASCII(text, "when", 0) && whenVisitsRe.MatchString(text)
}

// refersToPerson: a "he" or "she" that stands for someone named before:
// "he", "she", "He" or "She" between spaces or the ends of text.
func refersToPerson(text string) bool {
	// Each of the words ends in "he" or "He": text is searched for those
	// two, rather than for each word, and what stands before them read.
	for _, tail := range []string{"he", "He"} {
		for at := 0; ; {
			k := strings.Index(text[at:], tail)
			if k < 0 {
				break
			}
			k += at
			at = k + 1
			if k+len(tail) < len(text) && text[k+len(tail)] != ' ' {
				continue
			}
			if spaceBefore(text, k) || tail == "he" && k > 0 && text[k-1]|0x20 == 's' && spaceBefore(text, k-1) {
				return true
			}
		}
	}
	return false
}

// spaceBefore: text[k] starts text or follows a space.
func spaceBefore(text string, k int) bool { return k == 0 || text[k-1] == ' ' }

// lastPerson is the person most recently named up to sentence i, whom a
// "he" or "she" refers to.
func (x *docState) lastPerson(i int) string {
	for j := i; j >= 0 && j >= i-3; j-- {
		ms := x.d.Mentions[j]
		for k := len(ms) - 1; k >= 0; k-- {
			if ms[k].Kind == annotate.MPerson {
				return ms[k].Name
			}
		}
	}
	return ""
}

// insideName: the offset falls in an organisation's name ("Estonian Centre
// for Defence Investment").
func (x *docState) insideName(i, at int) bool {
	for k := range x.d.Mentions[i] {
		if m := &x.d.Mentions[i][k]; (m.Kind == annotate.MOrg || m.Kind == annotate.MName) && m.Start <= at && at < m.End {
			return true
		}
	}
	return false
}

// eventCountry is where an event happens: a visit's destination, the place
// named with "in", or for an investment the state the money goes to.
func (x *docState) eventCountry(i int, loc []int, typ string) string {
	s := x.d.Sentences[i]
	at := s.Start + loc[0]
	for k := range x.d.Mentions[i] {
		m := &x.d.Mentions[i][k]
		if m.Start < at || m.Country == "" {
			continue
		}
		if typ == record.EventVisit || x.afterPreposition(m.Start, "in", "to", "at") {
			return m.Country
		}
	}
	if typ == record.EventInvestment {
		return x.focus
	}
	return ""
}

// dueDate is the date an investment's work is due to start, told in the
// sentence or the two after it ("Construction is due to start in 2025").
func (x *docState) dueDate(i int) annotate.Date {
	for j := i; j < len(x.d.Sentences) && j <= i+2; j++ {
		s := x.d.Sentences[j]
		if s.Boilerplate {
			continue
		}
		loc := dueDateRe.FindIndex(s.Text)
		if loc == nil {
			continue
		}
		for _, dm := range x.datesOf(j) {
			if dm.Start >= s.Start+loc[0] {
				return dm.Date
			}
		}
	}
	return annotate.Date{}
}

// mergeEvents folds references back ("the visit") into the event they
// name, and joins reports of one event told in neighbouring sentences.
func (x *docState) mergeEvents(es []*event) []*event {
	out := es[:0] // filtered in place
	for _, e := range es {
		var target *event
		for _, o := range out {
			// "announced during the visit that it plans to invest": the
			// plan is the clause's, the visit the one told before.
			if o.typ != e.typ || o.planned != e.planned && !(e.anaphoric && e.typ == record.EventVisit) {
				continue
			}
			if !o.date.IsZero() && !e.date.IsZero() && o.date != e.date {
				continue
			}
			if e.anaphoric || !e.further && sharesSentence(o.sents, e.sents, 2) && shareActor(o.actors, e.actors) {
				target = o
			}
		}
		if target == nil && e.anaphoric {
			// A reference to an event told later in the text (a doubled
			// paragraph at the top): keep it until the event is met.
			out = append(out, e)
			continue
		}
		if target == nil {
			out = append(out, e)
			continue
		}
		target.sents = appendInts(target.sents, e.sents...)
		target.actors = appendUnique(target.actors, e.actors...)
		if target.date.IsZero() {
			target.date = e.date
		}
		if target.country == "" {
			target.country = e.country
		}
		if target.subject == "" {
			target.subject = e.subject
		}
	}
	// An anaphoric event kept above merges into a later one of its type.
	kept := out[:0] // filtered in place: the merges look only ahead of e
	for k, e := range out {
		if e.anaphoric {
			merged := false
			for _, o := range out[k+1:] {
				// "the contract concluded with Italy in 2016" tells its
				// own date: it joins only a signing of that date.
				if o.typ == e.typ && o.planned == e.planned && !o.anaphoric && (e.date.IsZero() || o.date == e.date) {
					o.sents = appendInts(o.sents, e.sents...)
					o.actors = appendUnique(o.actors, e.actors...)
					merged = true
					break
				}
			}
			if merged {
				continue
			}
		}
		kept = append(kept, e)
	}
	// A signing during a visit takes the visit's date.
	for _, e := range kept {
		if e.typ != record.EventAgreement || !e.date.IsZero() || e.planned {
			continue
		}
		for _, v := range kept {
			if v.typ == record.EventVisit && !v.planned && !v.date.IsZero() && sharesSentence(v.sents, e.sents, 0) {
				e.date = v.date
			}
		}
	}
	return kept
}

func shareActor(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// eventRecord writes the record of e into r, a zero record.
func (v *recordValues) eventRecord(r *record.Record, e *event, source string) {
	r.Kind, r.Type, r.Actors, r.Country = record.KindEvent, e.typ, e.actors, v.strPtr(e.country)
	r.Date, r.Planned, r.Subject = v.strPtr(e.date.String()), e.planned, v.strPtr(e.subject)
	r.Evidence, r.Source = v.evidence(e.sents), source
}
