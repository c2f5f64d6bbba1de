package annotate

import (
	"strings"
	"testing"
)

// TestWordBeginsReadsWordInContext holds wordBegins, which reads a word of
// one letter at the byte after it, to its definition: the phrases whose
// table of words may hold the word by its tableKey (both for a digit),
// mentionWord just when mentionFirsts holds its first byte, classWord and
// orgWord just when it may begin with "class" or one of orgWords (mayBegin),
// titleFirst just when titleRe's pairs let its first two bytes through; for whole
// words of every first byte, second byte and length, followed by each
// kind of byte that ends a word, or by nothing.
func TestWordBeginsReadsWordInContext(t *testing.T) {
	want := func(w string) phraseKinds {
		var kinds phraseKinds
		switch k := tableKey(w); {
		case digitByte(w[0]):
			kinds = datePhrase | quantityPhrase
		case k >= 0:
			kinds = phraseWords[k] &^ yearPrepWord
			if yearPrepKey(k) {
				kinds |= yearPrepWord
			}
		}
		if mentionFirsts[w[0]] {
			kinds |= mentionWord
		}
		if mayBegin(w, "class") {
			kinds |= classWord
		}
		for _, o := range orgWords {
			if mayBegin(w, o) {
				kinds |= orgWord
			}
		}
		if pairs := titleRe.pairs[w[0]]; pairs != 0 {
			// A one-letter word is read at the byte after it, no letter here.
			if len(w) == 1 || letterIndex[w[1]] == 0 || pairs>>((w[1]|0x20)&63)&1 != 0 || pairs>>((w[1]&^0x20)&63)&1 != 0 {
				kinds |= titleFirst
			}
		}
		return kinds
	}
	var firsts []byte
	for c := range 256 {
		if wordBytes[c] {
			firsts = append(firsts, byte(c))
		}
	}
	words := append(wordsOfEveryPairAndLength(string(firsts)), "a", "A", "I", "the", "May", "sept", "twenty", "AT", "least", "between", "class", "Col",
		"Classes", "classified", "Group", "Groups", "Shipyard", "Ltd", "Lt", "Defence", "Def", "Corporation",
		"President", "CEO", "Col", "deputy", "Deputy", "envoy", "Envoy", "spokesman", "Chief", "China", "K9",
		"in", "In", "IN", "of", "for", "FOR", "during", "on", "since", "inn", "off")
	for _, w := range words {
		for _, after := range []string{"", " ", ".", "-", "\n", "é", "’", "\xff", " 2024", " the", "\t\tThe", " x", "  t", "-2024",
			" the first", " The  Second", "\tthe\tfifth", " the Fall", " thefirst", " the", " the ", " them first", " t first",
			" these", " the\u00a0first", " the\nsecond"} {
			for _, before := range []string{"", " ", "("} {
				text := before + w + after
				start, end := len(before), len(before)+len(w)
				if got := wordBegins(text, start, end); got != want(w) {
					t.Fatalf("wordBegins(%q, %d, %d) = %v, want %v", text, start, end, got, want(w))
				}
				phrases := want(w) &^ (mentionWord | classWord | orgWord | titleFirst | yearPrepWord)
				if want(w)&yearPrepWord != 0 && !yearOrHalfFollows(after) {
					phrases = 0 // no year nor "the first half" after "in", "of"
				}
				if got, want := phrasesBegunBy(text, start, end), phrases; got != want {
					t.Fatalf("phrasesBegunBy(%q, %d, %d) = %v, want %v", text, start, end, got, want)
				}
			}
		}
	}
}

// TestPieceAfterTellsBytes holds pieceAfter to what it stands for: bytes
// beyond ASCII leave it to the bytes, a byte of a word goes on with the
// word, and any other starts one.
func TestPieceAfterTellsBytes(t *testing.T) {
	for c := range 256 {
		want := pieceStartsWord
		switch {
		case c >= 0x80:
			want = pieceBytesTell
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '_':
			want = pieceGoesOnWord
		}
		if pieceAfter[c] != want {
			t.Fatalf("pieceAfter[%#x] = %d, want %d", c, pieceAfter[c], want)
		}
	}
}

// mayBegin: word w may begin with prefix as far as wordBegins tells: its
// first byte is prefix's, its second the same letter in either case, and
// it is at least as long as prefix's letters and digits.
func mayBegin(w, prefix string) bool {
	return len(w) >= wordEnd(prefix, 0) && w[0] == prefix[0] && letterIndex[w[1]] == letterIndex[prefix[1]]
}

// yearPrepKey: the words of dateWords with tableKey k are all of
// wYearPrep alone ("in", "of"), and no word of qtyWords has it.
func yearPrepKey(k int) bool {
	dates := 0
	for e, w := range dateWords.words {
		if tableKey(w) == k {
			if dateWords.vals[e]>>8 != wYearPrep {
				return false
			}
			dates++
		}
	}
	for _, w := range qtyWords.words {
		if tableKey(w) == k {
			return false
		}
	}
	return dates > 0
}

// yearOrHalfFollows: after white space, after begins with a digit, as a
// year does, or with a "t" whose fifth byte is white space, an "f" or an
// "s", as "the first half of" and "the second half of" do, or is none.
func yearOrHalfFollows(after string) bool {
	next := strings.TrimLeft(after, " \t\n\f\r")
	if next == after || next == "" {
		return false
	}
	return digitByte(next[0]) || next[0]|0x20 == 't' && (len(next) <= 4 || strings.ContainsRune("fsFS \t\n\f\r", rune(next[4])))
}
