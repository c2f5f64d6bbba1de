package annotate

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// titleRe finds people by the titles news gives them. Go's regexp tries
// its long alternation slowly; appendTitleMatch is the same pattern written out,
// which titleRe runs in its place (the tests hold the two together).
var titleRe = MustCompileWords(`\b(?:(?:Transitional|Deputy|Vice|Former|Acting)\s+)?(?:President(?:-General)?|Prime Minister|(?:Armed Forces|Defen[cs]e|Foreign|Finance|Interior|Economy|Trade|Mines)\s+Minister|Minister(?:\s+of\s+(?:[A-Z][a-z]+|and)(?:\s+(?:[A-Z][a-z]+|and|of))*)?|[Dd]eputy (?:defen[cs]e )?minister|Colonel|Col\.|General|Gen\.|Lieutenant General|Lt\. Gen\.|Major General|Maj\. Gen\.|Brigadier General|Admiral|Vice Admiral|Rear Admiral|Air Marshal|Marshal|Commander|Captain|Ambassador|Secretary|Chancellor|King|Prince|Sheikh|Emir|Director|[Cc]hairman|CEO|[Cc]hief [Ee]xecutive|[Cc]hief of [Ss]taff|[Ss]pokesperson|[Ss]pokesman|[Ee]nvoy)\b,?\s+((?:(?:al|el|de|da|van|von|bin|ben)[- ])?[A-Z][\p{L}’'-]+(?:\s+(?:(?:al|el|de|da|van|von|bin|ben)[- ])?[A-Z][\p{L}’'-]+){1,2})`).
	AppendedBy(appendTitleMatch)

// The parts of titleRe, in the order the pattern tries them.
var (
	titlePrefixes   = []string{"Transitional", "Deputy", "Vice", "Former", "Acting"}
	ministryWords   = []string{"Armed Forces", "Defence", "Defense", "Foreign", "Finance", "Interior", "Economy", "Trade", "Mines"}
	deputyMinisters = []string{"Deputy defence minister", "Deputy defense minister", "Deputy minister",
		"deputy defence minister", "deputy defense minister", "deputy minister"}
	plainTitles = []string{"Colonel", "Col.", "General", "Gen.", "Lieutenant General", "Lt. Gen.", "Major General",
		"Maj. Gen.", "Brigadier General", "Admiral", "Vice Admiral", "Rear Admiral", "Air Marshal", "Marshal", "Commander",
		"Captain", "Ambassador", "Secretary", "Chancellor", "King", "Prince", "Sheikh", "Emir", "Director", "Chairman",
		"chairman", "CEO", "Chief Executive", "Chief executive", "chief Executive", "chief executive", "Chief of Staff",
		"Chief of staff", "chief of Staff", "chief of staff", "Spokesperson", "spokesperson", "Spokesman", "spokesman",
		"Envoy", "envoy"}
	nameParticles = []string{"al", "el", "de", "da", "van", "von", "bin", "ben"}
)

// The lists above by first byte: most words a list is tried at begin
// with a byte that none of its words do.
var (
	titlePrefixesByFirst   = indexByFirstByte(titlePrefixes)
	ministryWordsByFirst   = indexByFirstByte(ministryWords)
	deputyMinistersByFirst = indexByFirstByte(deputyMinisters)
	plainTitlesByFirst     = indexByFirstByte(plainTitles)
	nameParticlesByFirst   = indexByFirstByte(nameParticles)
)

// firstByteIndex lists words by their first byte, an ASCII one, each list
// in the order of the words.
type firstByteIndex [utf8.RuneSelf][]string

func indexByFirstByte(words []string) *firstByteIndex {
	var x firstByteIndex
	for _, w := range words {
		x[w[0]] = append(x[w[0]], w)
	}
	return &x
}

// of returns, in order, the words whose first byte begins s: those of
// the words that s can begin with.
func (x *firstByteIndex) of(s string) []string {
	if s == "" || s[0] >= utf8.RuneSelf {
		return nil
	}
	return x[s[0]]
}

// appendTitleMatch appends to dst titleRe's FindStringSubmatchIndex
// anchored at the start of s: the match and the name; or returns nil.
func appendTitleMatch(dst []int, s string) []int {
	var room [8]int // for the ends of the titles, a few
	ends := room[:0]
	for _, p := range titlePrefixesByFirst.of(s) {
		if strings.HasPrefix(s, p) {
			if at := skipSpace(s, len(p)); at > len(p) {
				ends = titleEnds(ends, s, at)
			}
		}
	}
	ends = titleEnds(ends, s, 0)
	for _, e := range ends {
		if !Boundary(s, e) {
			continue
		}
		if e < len(s) && s[e] == ',' {
			if m := nameAfterTitle(dst, s, e+1); m != nil {
				return m
			}
		}
		if m := nameAfterTitle(dst, s, e); m != nil {
			return m
		}
	}
	return nil
}

// nameAfterTitle reads the white space and the name that follow a title
// ending at e, and appends the match to dst.
func nameAfterTitle(dst []int, s string, e int) []int {
	start := skipSpace(s, e)
	if start == e {
		return nil
	}
	end, ok := nameWord(s, start)
	if !ok {
		return nil
	}
	words := 1
	for words < 3 { // one or two words more, as many as there are
		next := skipSpace(s, end)
		e, ok := nameWord(s, next)
		if next == end || !ok {
			break
		}
		end, words = e, words+1
	}
	if words < 2 {
		return nil
	}
	return append(dst, 0, end, start, end)
}

// nameWord reads a word of a name at i, with its particle ("al-",
// "van "), and returns its end.
func nameWord(s string, i int) (int, bool) {
	for _, p := range nameParticlesByFirst.of(s[i:]) {
		if strings.HasPrefix(s[i:], p) && i+len(p) < len(s) && (s[i+len(p)] == '-' || s[i+len(p)] == ' ') {
			return capitalisedRun(s, i+len(p)+1)
		}
	}
	return capitalisedRun(s, i)
}

// capitalisedRun reads [A-Z][\p{L}’'-]+ at i.
func capitalisedRun(s string, i int) (int, bool) {
	if i >= len(s) || s[i] < 'A' || s[i] > 'Z' {
		return 0, false
	}
	end := i + 1
	for end < len(s) {
		if c := s[end]; c < utf8.RuneSelf { // ASCII, a byte at a time
			if !ASCIILetter(c) && c != '\'' && c != '-' {
				break
			}
			end++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[end:])
		if !unicode.IsLetter(r) && r != '’' {
			break
		}
		end += size
	}
	return end, end > i+1
}

// titleEnds appends where a title can end when it starts at i, in the
// order the pattern tries them.
func titleEnds(ends []int, s string, i int) []int {
	t := s[i:]
	if strings.HasPrefix(t, "President") {
		if strings.HasPrefix(t[len("President"):], "-General") {
			ends = append(ends, i+len("President-General"))
		}
		ends = append(ends, i+len("President"))
	}
	if strings.HasPrefix(t, "Prime Minister") {
		ends = append(ends, i+len("Prime Minister"))
	}
	for _, w := range ministryWordsByFirst.of(t) {
		if strings.HasPrefix(t, w) {
			at := skipSpace(s, i+len(w))
			if at > i+len(w) && strings.HasPrefix(s[at:], "Minister") {
				ends = append(ends, at+len("Minister"))
			}
		}
	}
	if strings.HasPrefix(t, "Minister") {
		ends = ministerEnds(ends, s, i+len("Minister"))
	}
	for _, w := range deputyMinistersByFirst.of(t) {
		if strings.HasPrefix(t, w) {
			ends = append(ends, i+len(w))
		}
	}
	for _, w := range plainTitlesByFirst.of(t) {
		if strings.HasPrefix(t, w) {
			ends = append(ends, i+len(w))
		}
	}
	return ends
}

// ministerEnds appends the ends of "Minister" at e followed by
// "of Defence and Veterans Affairs": the longest first, then each shorter,
// then the title alone.
func ministerEnds(ends []int, s string, e int) []int {
	var reps []int // where each word after "of" ends
	at := skipSpace(s, e)
	if at > e && strings.HasPrefix(s[at:], "of") {
		if w := skipSpace(s, at+2); w > at+2 {
			if end, ok := ministryNameWord(s, w, false); ok {
				reps = append(reps, end)
				for {
					last := reps[len(reps)-1]
					w := skipSpace(s, last)
					if w == last {
						break
					}
					end, ok := ministryNameWord(s, w, true)
					if !ok {
						break
					}
					reps = append(reps, end)
				}
			}
		}
	}
	for k := len(reps) - 1; k >= 0; k-- {
		ends = append(ends, reps[k])
	}
	return append(ends, e)
}

// ministryNameWord reads [A-Z][a-z]+, "and" or, when of is set, "of" at i.
func ministryNameWord(s string, i int, of bool) (int, bool) {
	switch {
	case i < len(s) && 'A' <= s[i] && s[i] <= 'Z':
		end := i + 1
		for end < len(s) && 'a' <= s[end] && s[end] <= 'z' {
			end++
		}
		return end, end > i+1
	case strings.HasPrefix(s[i:], "and"):
		return i + 3, true
	case of && strings.HasPrefix(s[i:], "of"):
		return i + 2, true
	}
	return 0, false
}
