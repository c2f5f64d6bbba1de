package annotate

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// orgClosings are the closing words of orgShapeRe in the order the
// pattern tries them ("Corp." before "Corp").
var orgClosings = []string{"Group", "Company", "Corporation", "Corp.", "Corp", "Industries", "Systems", "Metals",
	"Mining", "Minerals", "Aerospace", "Technologies", "Holdings", "Motors", "Shipyard", "Shipbuilding", "Bank",
	"Resources", "Energy", "Electronics", "Dynamics", "Defence", "Defense", "Engineering", "Logistics", "Limited",
	"Ltd", "Inc.", "Inc"}

var orgClosingsByFirst = indexByFirstByte(orgClosings)

// appendOrgShapeMatch appends to dst orgShapeRe's FindStringSubmatchIndex
// anchored at the start of s, or returns nil. Go's backtracker clears a
// bitmap of the pattern's size for each try, which costs more than reading
// the words by hand.
//
// The pattern's words ([A-Z][\p{L}&-]+\s+) are each read whole, as what
// follows a run of letters must be a space and what follows the spaces a
// capital; so the pattern's choices are only how many words to take (the
// most first), which closing word, and where the state's name after "of"
// ends (the longest first).
func appendOrgShapeMatch(dst []int, s string) []int {
	var after [5]int // after[k]: the end of the spaces after k words
	k := 0
	for k < 4 {
		end, ok := orgNameWord(s, after[k])
		if !ok {
			break
		}
		next := skipSpace(s, end)
		if next == end {
			break
		}
		k++
		after[k] = next
	}
	for ; k >= 1; k-- {
		at := s[after[k]:]
		for _, w := range orgClosingsByFirst.of(at) {
			if !strings.HasPrefix(at, w) {
				continue
			}
			e := after[k] + len(w)
			if end := ofPlaceEnd(s, e); end >= 0 {
				return append(dst, 0, end, 0, end)
			}
			if Boundary(s, e) {
				return append(dst, 0, e, 0, e)
			}
		}
	}
	return nil
}

// orgNameWord reads [A-Z][\p{L}&-]+ at i and returns its end.
func orgNameWord(s string, i int) (int, bool) {
	if i >= len(s) || s[i] < 'A' || s[i] > 'Z' {
		return 0, false
	}
	end := nameRunEnd(s, i+1)
	return end, end > i+1
}

// nameRunEnd is the end of the run of [\p{L}&-] from byte i of s, the
// letters and signs of a word of a name, read a byte at a time over ASCII.
func nameRunEnd(s string, i int) int {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if !ASCIILetter(c) && c != '&' && c != '-' {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			break
		}
		i += size
	}
	return i
}

// ofPlaceEnd reads \s+of\s+[A-Z][\p{L}]+ at e and returns the longest end
// of it where \b holds, or -1.
func ofPlaceEnd(s string, e int) int {
	of := skipSpace(s, e)
	if of == e || !strings.HasPrefix(s[of:], "of") {
		return -1
	}
	name := skipSpace(s, of+2)
	if name == of+2 || name >= len(s) || s[name] < 'A' || s[name] > 'Z' {
		return -1
	}
	end := name + 1
	for end < len(s) {
		r, size := utf8.DecodeRuneInString(s[end:])
		if !unicode.IsLetter(r) {
			break
		}
		end += size
	}
	for ; end > name+1; end -= utf8.RuneLen(lastRune(s[:end])) {
		if Boundary(s, end) {
			return end
		}
	}
	return -1
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}
