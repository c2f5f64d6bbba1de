package extract

import (
	"math/rand/v2"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/dossier-osint/dossier/internal/annotate"
	"github.com/dossier-osint/dossier/internal/annotate/testtext"
)

// refRefersToPerson is what refersToPerson was written from: each of the
// words looked for on its own.
func refRefersToPerson(text string) bool {
	for _, p := range []string{"he", "she", "He", "She"} {
		for at := 0; ; at++ {
			k := strings.Index(text[at:], p)
			if k < 0 {
				break
			}
			at += k
			if (at == 0 || text[at-1] == ' ') && (at+len(p) == len(text) || text[at+len(p)] == ' ') {
				return true
			}
		}
	}
	return false
}

func TestRefersToPerson(t *testing.T) {
	texts := []string{"", "he", "He", "she", "She", "SHE", "sHe", "xhe", "the", " he", "he ", "  she  ", "Xshe", "s he",
		"they", "he,", "he.", "ashe he", "The She-wolf", "shhe", "S he", "she\the", "Ship he"}
	texts = append(texts, testtext.ArticleLines(t)...)
	texts = append(texts, testtext.Phrases(7, 3000, 6, []string{"he", "she", "He", "She", "the", "s", "S", "x", "hes"},
		[]string{" ", "", ",", "  ", "\t"})...)
	for _, s := range texts {
		if got, want := refersToPerson(s), refRefersToPerson(s); got != want {
			t.Errorf("refersToPerson(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestCueWords checks that the words of eventCues are as cuesOf needs:
// 3 to 15 ASCII letters, in lower case or (the forums) capitalised.
func TestCueWords(t *testing.T) {
	for w := range eventCues {
		lower := strings.ToLower(w)
		if len(w) < 3 || len(w) > 15 || strings.Trim(lower, "abcdefghijklmnopqrstuvwxyz") != "" || w != lower && w[1:] != lower[1:] {
			t.Errorf("cue %q is not 3 to 15 ASCII letters, lower case or capitalised", w)
		}
	}
}

// refFirstWord is what firstWord was written from.
func refFirstWord(text string) (string, string) {
	text = strings.TrimLeft(text, " \t\n\f\r")
	k := strings.IndexAny(text, " \t\n\f\r,.;:")
	if k < 0 {
		return text, ""
	}
	return text[:k], text[k:]
}

func TestFirstWord(t *testing.T) {
	texts := []string{"", " ", "a", "  word", "\t\nword, more", "word.", "é:x", "\xff\xfe word", " \u00a0word", "a;b", "ab\rc"}
	texts = append(texts, testtext.ArticleLines(t)...)
	texts = append(texts, testtext.Phrases(11, 3000, 5, []string{"the", "Ab", "é", "\xff", "x1", ""},
		[]string{" ", "\t", ",", ".", ";", ":", "\n", "\f", "\r", "", "\u00a0", "-"})...)
	for _, s := range texts {
		for i := 0; i <= len(s); i++ {
			w, rest := firstWord(s[i:])
			if rw, rrest := refFirstWord(s[i:]); w != rw || rest != rrest {
				t.Errorf("firstWord(%q) = %q, %q, want %q, %q", s[i:], w, rest, rw, rrest)
			}
		}
	}
}

// refCuesOf is what cuesOf finds, read from each run of ASCII letters:
// as written, or lowered for all but the forums.
func refCuesOf(s string) (want eventCuesOf) {
	for _, loc := range asciiWords.FindAllStringIndex(s, -1) {
		w := s[loc[0]:loc[1]]
		kind, ok := eventCues[w]
		if !ok {
			kind, ok = eventCues[strings.ToLower(w)]
			ok = ok && kind != forumEvent
		}
		if ok {
			want[kind] = append(want[kind], loc[0])
		}
	}
	return want
}

var asciiWords = regexp.MustCompile(`[A-Za-z]+`)

// TestCuesOfAcrossBlocks checks cuesOf on cues and short words at every
// place around the edges of its 64-byte blocks.
func TestCuesOfAcrossBlocks(t *testing.T) {
	for pad := range 140 {
		for _, w := range []string{"met", "visit", "Forum", "a", "of", "set", "construction", "xmet", "met7", "é", "Summit",
			"setabcdefghijklmnop", "metabcdefghijklmnopqrstuvwxyzabcdefghijklmn", strings.Repeat("m", 64), strings.Repeat("s", 70) + " leg"} {
			for _, sep := range []string{" ", "", "-", "é"} {
				s := strings.Repeat("ab ", pad/3) + strings.Repeat("z", pad%3) + sep + w + sep + "talks"
				var got eventCuesOf
				if cuesOf(&got, s); !reflect.DeepEqual(got, refCuesOf(s)) {
					t.Errorf("cuesOf(%q) = %v, want %v", s, got, refCuesOf(s))
				}
			}
		}
	}
}

// TestLetterBits checks letterBits, whose last block of a text reads the
// text's last 64 or 8 bytes whole, against a test of each byte, at every
// base of texts of every length around those.
func TestLetterBits(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 8))
	ascii := make([]byte, 0x80) // blocks all ASCII, which blockLetterBits reads apart
	for c := range ascii {
		ascii[c] = byte(c)
	}
	for _, alphabet := range [][]byte{[]byte("aZ z@[`{\xc3\xa9-09\x00\xff"), ascii} {
		testLetterBitsOver(t, rng, alphabet)
	}
}

func testLetterBitsOver(t *testing.T, rng *rand.Rand, alphabet []byte) {
	for n := range 200 {
		b := make([]byte, n)
		for k := range b {
			b[k] = alphabet[rng.IntN(len(alphabet))]
		}
		text := string(b)
		for base := range n {
			var want uint64
			for k := 0; k < 64 && base+k < n; k++ {
				if annotate.ASCIILetter(text[base+k]) {
					want |= 1 << k
				}
			}
			if got := letterBits(text, base); got != want {
				t.Fatalf("letterBits(%q, %d) = %064b, want %064b", text, base, got, want)
			}
		}
	}
}

// TestMayEndContrast holds contrasted's shortcut to lastWordIn: where
// mayEndContrast is false, lastWordIn finds none of the words.
func TestMayEndContrast(t *testing.T) {
	turnedAway := 0
	for _, s := range wordTestTexts(t) {
		for i := range len(s) + 1 {
			text := s[max(0, i-20):i]
			if mayEndContrast(text) {
				continue
			}
			turnedAway++
			if w, _ := lastWordIn(text, "just", "only", "simply", "than", "of"); w != "" {
				t.Fatalf("mayEndContrast(%q) = false, but lastWordIn finds %q", text, w)
			}
		}
	}
	if turnedAway == 0 {
		t.Fatal("mayEndContrast turned no text away")
	}
}

// TestLastWordInFoldsAsEqualFold holds the lastWordIn of futureParticiple
// and dropMisreadings to the strings.EqualFold of annotate.LastField it
// replaced.
func TestLastWordInFoldsAsEqualFold(t *testing.T) {
	words := []string{"be", "and", "BE", "And", "bé", "ánd", "be\u212a", "\u212aand", "ſe", "an", "b", "de", "will",
		"can", "could", "CAN", "Could", "cán", "coulḍ", "\u212aan", "ſcan", "ca", "cou", "İcan"}
	texts := append(wordTestTexts(t), testtext.Phrases(11, 4000, 4, words, wordTestSeps)...)
	for _, pair := range [][2]string{{"be", "and"}, {"can", "could"}} {
		for _, s := range texts {
			for i := range len(s) + 1 {
				last, _ := annotate.LastField(s[:i])
				want := strings.EqualFold(last, pair[0]) || strings.EqualFold(last, pair[1])
				if got, _ := lastWordIn(s[:i], pair[0], pair[1]); (got != "") != want {
					t.Fatalf("lastWordIn(%q, %q) = %q, want a word %v", s[:i], pair, got, want)
				}
			}
		}
	}
}

// TestDefiniteBeforeASCII holds definiteBefore, whose determiners
// asciiDeterminerEndsAt reads in ASCII, to the pattern it was written
// from, on phrases of determiners, near misses and what stands before
// them.
func TestDefiniteBeforeASCII(t *testing.T) {
	words := []string{"the", "THE", "This", "that", "his", "HER", "their", "its", "İts", "thiſ", "iTS", "theirs", "bathe",
		"s", "S", "e", "x", "visit", "3the", "_its", "é", "her-", "their\u212a", "the's", "’s", "'s", "'S", "'e"}
	seps := []string{" ", "  ", "\t", "'", "’", "-", "", "1", "_", "é", "\u00a0", ". "}
	for _, s := range testtext.Phrases(13, 6000, 4, words, seps) {
		for _, text := range []string{s, s + " ", s + " visit "} {
			if got, want := definiteBefore(text), refDefinite.MatchString(text); got != want {
				t.Fatalf("definiteBefore(%q) = %v, want %v", text, got, want)
			}
		}
	}
}
