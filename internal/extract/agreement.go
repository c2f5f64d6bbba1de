package extract

import (
	"math/bits"
	"unicode/utf8"

	"github.com/dossier-osint/dossier/internal/annotate"
	"github.com/dossier-osint/dossier/internal/catalog"
)

// agreementRe finds a signing: a verb of signing, then within 80 runes
// (no full stop or semicolon between) a word for an agreement, or the
// other way round within 100. Besides contracts and memoranda, states
// sign protocols, plans of military or defence cooperation, an
// arrangement ("similar arrangements" are background), a lease and notes
// they exchange
// ("signed and exchanged notes concerning the provision of equipment").
// Go's regexp tries its counted gaps slowly; matchAgreement is the same pattern written out, which agreementRe runs
// in its place (the tests hold the two together).
var agreementRe = annotate.MustCompileSearch(`(?i)\b(?:signed|signing|signs|sign|inked|concluded)\b(?:[^.;]|\.\d){0,80}?\b(contracts?|agreements?|memorand(?:ums|um|a)(?: of understanding)?|MoUs?|deals?|accords?|letters? of offer and acceptance|letters? of intent|protocols?|plans? of (?:bilateral )?(?:military|defence|defense) cooperation|arrangement|lease|exchanged notes|exchanges? of notes)\b|\b(contract|agreement|memorandum(?: of understanding)?|MoU|deal|accord|protocol|letter of intent|arrangement|lease)\b(?:[^.;]|\.\d){0,100}?\b(?:signed|was signed|were signed|is expected to be signed|to be signed|will be signed|could be signed|concluded|was concluded|were concluded)\b`).
	AppendedBy(matchAgreement)

// The words of agreementRe, in the order it tries them, in lower case.
var (
	signingVerbs   = []string{"signed", "signing", "signs", "sign", "inked", "concluded"}
	agreementNouns = newGapWords("contracts", "contract", "agreements", "agreement", "memorandums of understanding", "memorandums",
		"memorandum of understanding", "memorandum",
		"memoranda of understanding", "memoranda", "mous", "mou", "deals", "deal", "accords", "accord",
		"letters of offer and acceptance", "letter of offer and acceptance", "letters of intent", "letter of intent",
		"protocols", "protocol", "plans of bilateral military cooperation", "plans of bilateral defence cooperation",
		"plans of bilateral defense cooperation", "plans of military cooperation", "plans of defence cooperation",
		"plans of defense cooperation", "plan of bilateral military cooperation", "plan of bilateral defence cooperation",
		"plan of bilateral defense cooperation", "plan of military cooperation", "plan of defence cooperation",
		"plan of defense cooperation", "arrangement", "lease", "exchanged notes",
		"exchanges of notes", "exchange of notes")
	agreementSubjects = []string{"contract", "agreement", "memorandum of understanding", "memorandum", "mou", "deal", "accord",
		"protocol", "letter of intent", "arrangement", "lease"}
	signedPhrases = newGapWords("signed", "was signed", "were signed", "is expected to be signed", "to be signed",
		"will be signed", "could be signed", "concluded", "was concluded", "were concluded")
)

// matchAgreement is agreementRe's FindStringSubmatchIndex anchored at the
// start of s, for ASCII case folding.
func matchAgreement(dst []int, s string) []int {
	for _, v := range signingVerbs {
		if e, ok := wordAt(s, 0, v); ok {
			if q, end, ok := afterGap(s, e, 80, agreementNouns); ok {
				return append(dst, 0, end, q, end, -1, -1)
			}
		}
	}
	for _, n := range agreementSubjects {
		if e, ok := wordAt(s, 0, n); ok {
			if _, end, ok := afterGap(s, e, 100, signedPhrases); ok {
				return append(dst, 0, end, -1, -1, 0, e)
			}
		}
	}
	return nil
}

// gapWords are words that a hand-written pattern looks for at one place
// (afterGap, or the start of a match), lower case, in the order the
// pattern tries them, listed by first letter: most places begin with
// none, or with one of few.
type gapWords struct {
	words []string
	// byFirst has bit k set, for each letter, when words[k] begins with it.
	byFirst [26]uint64
}

// newGapWords lists words, at most 64, each beginning with a lower-case
// ASCII letter.
func newGapWords(words ...string) *gapWords {
	g := &gapWords{words: words}
	if len(words) > 64 {
		panic("extract: more than 64 gap words")
	}
	for k, w := range words {
		if w[0] < 'a' || w[0] > 'z' {
			panic("extract: gap word " + w + " begins with no lower-case letter")
		}
		g.byFirst[w[0]-'a'] |= 1 << k
	}
	return g
}

// at returns the end of the first of the words that s holds at i in any
// ASCII case, with \b after it.
func (g *gapWords) at(s string, i int) (end int, ok bool) {
	if i == len(s) {
		return 0, false
	}
	if !annotate.ASCIILetter(s[i]) {
		return 0, false
	}
	lower := s[i] | 0x20 // of an ASCII letter
	for ks := g.byFirst[lower-'a']; ks != 0; ks &= ks - 1 {
		if end, ok := wordAt(s, i, g.words[bits.TrailingZeros64(ks)]); ok {
			return end, true
		}
	}
	return 0, false
}

// afterGap finds the nearest of words, after at most max runes from at
// that are no full stop or semicolon, and returns where it starts and
// ends. A point before a digit ("RM1.2 billion") is no full stop: it
// and the digit count as one rune.
func afterGap(s string, at, max int, words *gapWords) (start, end int, ok bool) {
	for gap := 0; ; gap++ {
		if annotate.Boundary(s, at) {
			if end, ok := words.at(s, at); ok {
				return at, end, true
			}
		}
		if gap == max || at == len(s) || s[at] == ';' {
			return 0, 0, false
		}
		if s[at] == '.' {
			if at+1 == len(s) || s[at+1] < '0' || s[at+1] > '9' {
				return 0, 0, false
			}
			at += 2
			continue
		}
		if s[at] < utf8.RuneSelf {
			at++
			continue
		}
		_, size := utf8.DecodeRuneInString(s[at:])
		at += size
	}
}

// wordAt: w (lower case) stands at i of s in any ASCII case, with \b
// after it; it returns its end.
func wordAt(s string, i int, w string) (int, bool) {
	end := i + len(w)
	return end, end <= len(s) && catalog.EqualFoldASCII(s[i:end], w) && annotate.Boundary(s, end)
}
