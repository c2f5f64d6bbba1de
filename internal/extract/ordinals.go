package extract

import (
	"math/bits"

	"github.com/dossier-osint/dossier/internal/annotate"
	"github.com/dossier-osint/dossier/internal/catalog"
)

// ordinalAlonePattern finds "the first was handed over", "the last of
// them arrived": an ordinal standing for one of the system named last.
// ordinalPhrases reads it by hand.
const ordinalAlonePattern = `(?i)\bthe\s+(first|second|third|last|final|latest)\s+(?:ones?\s+|of\s+them\s+)?(?:was|were|is|arrived|followed|will)\b`

// The verbs of ordinalAlonePattern, in the order it tries them (its
// ordinals are ordinalWords); theHead is what ordinalPhrases looks for
// first.
var (
	ordinalVerbs = []string{"was", "were", "is", "arrived", "followed", "will"}
	// ordinalFirsts are the first letters of ordinalWords, in either case.
	ordinalFirsts = func() (set byteSet) {
		for _, w := range ordinalWords {
			set[w[0]], set[w[0]-('a'-'A')] = true, true
		}
		return set
	}()
	theHead = func() (h foldHeads) {
		h.set([]string{"th"})
		return h
	}()
)

// ordinalPhrases is what items read in a sentence's text: when the text
// holds one of theOrdinals, ordinalAlone's matches (with the ordinal as
// group 1), else nil; and whether it holds "batch" (holdsBatch). It reads
// the text once, trying matchOrdinal at each "th" that starts a word,
// where the search tried the pattern at each word that began so, after a
// first search for theOrdinals, and looking for "batch" at each "ba" on
// the way. Texts with an ſ, which the pattern folds into s, go the old
// way.
func ordinalPhrases(text string) (locs [][]int, batch bool) {
	if holdsRune(text, "\u017f") {
		if theOrdinals.inLower(text) {
			return ordinalAlone.FindAllSubmatchIndex(text), holdsBatch(text)
		}
		return nil, holdsBatch(text)
	}
	spelled := false // a match reads one of theOrdinals, which the text then holds
	from := 0        // where the last match ended
	// No match starts in the last 8 bytes, which nextThe leaves unread.
	i := 0
	for ; ; i += 8 {
		var at uint64
		if i, at = nextThe(text, i, &batch); at == 0 {
			break
		}
		for ; at != 0; at &= at - 1 {
			start := i + bits.TrailingZeros64(at)/8
			// Most words that begin so are not "the" with white space after,
			// and most of those are followed by no ordinal (a space and a
			// letter no ordinal starts with turn them away before the call).
			if start < from || start > 0 && isWordByte(text[start-1]) || start+len("the ") > len(text) ||
				text[start+2]|0x20 != 'e' || !annotate.IsRegexpSpace(text[start+3]) ||
				start+len("the ") < len(text) && !ordinalFirsts[text[start+len("the ")]] && !annotate.IsRegexpSpace(text[start+len("the ")]) {
				continue
			}
			m := matchOrdinal(text[start:])
			if m == nil {
				continue
			}
			for k := range m {
				m[k] += start
			}
			locs = append(locs, m)
			spelled = spelled || m[2] == start+len("the ") && text[start+len("the")] == ' '
			from = m[1]
		}
	}
	// The last bytes, which nextThe left, in one more word (which may
	// read some bytes again).
	if !batch && len(text) > 8 {
		tail := len(text) - 9
		batch = batchAmong(text, tail, batchHeads(load8(text, tail), load8(text, tail+1)))
	} else if !batch {
		batch = holdsBatch(text)
	}
	if locs == nil || spelled || theOrdinals.inLower(text) {
		return locs, batch
	}
	return nil, batch
}

// nextThe is nextHead(s, i, ...) for theHead, which also sets *batch
// when one of the 8-byte words it reads starts "batch" (in any ASCII
// case): the two searches share their loads.
func nextThe(s string, i int, batch *bool) (next int, at uint64) {
	a, b := theHead.first[0], theHead.second[0]
	rest := s[i:]
	for len(rest) >= 9 {
		w0, w1 := load8(rest, 0), load8(rest, 1)
		if ba := batchHeads(w0, w1); ba != 0 && !*batch {
			*batch = batchAmong(s, len(s)-len(rest), ba)
		}
		if at := zeroBytes(((w0 ^ a) | (w1 ^ b)) &^ asciiFold); at != 0 {
			return len(s) - len(rest), at
		}
		rest = rest[8:]
	}
	return len(s) - len(rest), 0
}

// batchHeads marks the bytes of the word w0 that start "ba" in any ASCII
// case, w1 being the word a byte on.
func batchHeads(w0, w1 uint64) uint64 {
	return zeroBytes(((w0 ^ 'b'*lowBits) | (w1 ^ 'a'*lowBits)) &^ asciiFold)
}

// batchAmong: "batch" (in any ASCII case) starts at one of the bytes of s
// from i that the high bits of heads mark.
func batchAmong(s string, i int, heads uint64) bool {
	for ; heads != 0; heads &= heads - 1 {
		if k := i + bits.TrailingZeros64(heads)/8; k+len("batch") <= len(s) && catalog.EqualFoldASCII(s[k:k+len("batch")], "batch") {
			return true
		}
	}
	return false
}

// matchOrdinal is ordinalAlonePattern's FindStringSubmatchIndex anchored
// at the start of s, without its \b before "the", for ASCII case folding.
// Each run of white space is followed by a letter, so it is read whole;
// "one" or "of" after the ordinal starts no verb, so the optional words
// taken are the only way on.
func matchOrdinal(s string) []int {
	// "the" in any ASCII case (only 'T' and 't' give 't' with 0x20 set,
	// and so on), with white space and an ordinal's letter after it, as
	// most words after "the" are not.
	if len(s) < len("the") || s[0]|0x20 != 't' || s[1]|0x20 != 'h' || s[2]|0x20 != 'e' {
		return nil
	}
	ordinal := afterSpaces(s, len("the"))
	if ordinal < 0 || ordinal == len(s) || !ordinalFirsts[s[ordinal]] {
		return nil
	}
	ordinalEnd := prefixFold(s, ordinal, ordinalWords)
	at := afterSpaces(s, ordinalEnd)
	if at < 0 {
		return nil
	}
	if ones := wordThenSpaces(s, at, []string{"ones", "one"}); ones >= 0 {
		at = ones
	} else if them := wordThenSpaces(s, wordThenSpaces(s, at, []string{"of"}), []string{"them"}); them >= 0 {
		at = them
	}
	for _, v := range ordinalVerbs {
		if end, ok := wordAt(s, at, v); ok {
			return []int{0, end, ordinal, ordinalEnd}
		}
	}
	return nil
}
