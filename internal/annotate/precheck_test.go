package annotate

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-osint/dossier/internal/annotate/testtext"
	"github.com/dossier-osint/dossier/internal/catalog"
)

// lowersIntoASCII lists every rune beyond ASCII that lowers into ASCII.
func TestLowersIntoASCIIIsComplete(t *testing.T) {
	var found []string
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		if unicode.ToLower(r) < utf8.RuneSelf {
			found = append(found, string(r))
		}
	}
	if !slices.Equal(found, lowersIntoASCII) {
		t.Errorf("runes that lower into ASCII: %q, lowersIntoASCII has %q", found, lowersIntoASCII)
	}
}

func TestLastByteInMatchesAByteAtATime(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	ranges := [][2]byte{{'0', '9'}, {'A', 'Z'}, {'a', 'z'}, {0, 0x7f}, {'_', '_'}, {0x7f, 0x7f}}
	for range 100000 {
		b := make([]byte, rng.IntN(30))
		for k := range b {
			b[k] = byte(rng.IntN(256))
		}
		s := string(b)
		r := ranges[rng.IntN(len(ranges))]
		last := len(s) - 1
		for last >= 0 && (s[last] < r[0] || s[last] > r[1]) {
			last--
		}
		if got := lastByteIn(s, r[0], r[1]); got != last {
			t.Fatalf("lastByteIn(%q, %q, %q) = %d, want %d", s, r[0], r[1], got, last)
		}
	}
}

// findMentions finds the same mentions with mayName's precheck as without
// it (oddKey set makes mayName hold for every text): the precheck turns
// away no text whose capitalised words name one of the people named before.
func TestMayNameKeepsEveryName(t *testing.T) {
	cat := catalog.MustDefault()
	rng := rand.New(rand.NewPCG(9, 10))
	words := []string{"Goita", "GOITA", "goïta", "Goïta", "O'Neill", "o'neill", "K", "\u212a", "Kim", "KIM", "said",
		"al-Sisi", "AL-SISI", "’s", "'s", "\u0130", "\u0130LHAM", "Ilham", "kIM", "gOITA", "-Kim", "'kim", "Éva", "éva", "ÉVA", "1kim"}
	names := []string{"goita", "goïta", "o'neill", "kim", "al-sisi", "k", "ilham", "i", "éva", "'kim", "-kim", "1kim",
		"Assimi Goita", "Kim", "AL-SISI", "Éva", "X \u212a"}
	var checked, unchecked docNames
	var room [4]int
	var starts []int
	surnames := 0
	for _, text := range testtext.Phrases(9, 20000, 5, words, []string{" ", "", ", "}) {
		checked.forget()
		unchecked.forget()
		for range rng.IntN(4) {
			name := names[rng.IntN(len(names))]
			checked.namePerson(name)
			unchecked.namePerson(name)
		}
		unchecked.oddKey = true
		s := Sentence{Text: text, End: len(text)}
		starts = starts[:0]
		appendWordSpansStarts(nil, &starts, text)
		want := findMentions(cat, s, nil, &unchecked, starts, room[:], nil)
		got := findMentions(cat, s, nil, &checked, starts, room[:], nil)
		if !slices.Equal(got, want) {
			t.Fatalf("findMentions(%q) finds %v with mayName's precheck, %v without; people %v", text, got, want, checked.people)
		}
		for _, m := range want {
			if m.Kind == MPerson && !strings.Contains(text[m.Start:m.End], " ") {
				surnames++
			}
		}
	}
	if surnames < 1000 {
		t.Errorf("only %d people named by surname alone: the test tries too few", surnames)
	}
}

func TestChromeLineMatchesThePattern(t *testing.T) {
	pieces := []string{"exit mobile version", "share this", "like this", "loading", "read more", "related", "article",
		"advertisement", "sponsored", "subscribe", "newsletter", "follow us", "share on ", "facebook", "twitter", "x",
		"linkedin", "photo", "image", "picture", "credit", "(reporting", "(writing", "(editing", " by ", "tag",
		"print", "email", "whatsapp", "telegram", "copyright", "© ", "all rights reserved", "s", ":", ".", " ", "\t",
		"\v", ")", "(", "é", "\u212a", "\u017f", "\n", "news", "The ", "b", "1", "\"", "Read"}
	lines := testtext.Phrases(11, 200000, 4, pieces, []string{""})
	matched := 0
	for _, line := range lines {
		if got, want := isChromeLine(line), boilerplateLine.MatchString(line); got != want {
			t.Fatalf("isChromeLine(%q) = %v, the pattern says %v", line, got, want)
		} else if got {
			matched++
		}
	}
	if matched < len(lines)/40 {
		t.Errorf("only %d random lines are chrome: the test tries too few", matched)
	}
}

func FuzzChromeLine(f *testing.F) {
	f.Add("Share on X: now")
	f.Add("Photo credits :")
	f.Add("(Reporting by A; editing by B)")
	f.Fuzz(func(t *testing.T, line string) {
		if got, want := isChromeLine(line), boilerplateLine.MatchString(line); got != want {
			t.Fatalf("isChromeLine(%q) = %v, the pattern says %v", line, got, want)
		}
	})
}

func TestLastOrgWordLooksAtEveryWord(t *testing.T) {
	pieces := []string{"Group", "Corp", "Ship", "Gro", "the ", "The ", "A", "Z", "é", " ", "Defen", "Def", "Inc", "In", "x", "1", "_"}
	for _, text := range testtext.Phrases(13, 50000, 7, pieces, []string{""}) {
		want := false
		for i := range len(text) {
			if wordStart(text, i) && orgWordAt(text, i) {
				want = true
				break
			}
		}
		var starts []int
		appendWordSpansStarts(nil, &starts, text)
		if got := lastOrgWord(text, starts) >= 0; got != want {
			t.Fatalf("lastOrgWord(%q) >= 0 is %v, want %v", text, got, want)
		}
	}
}

// TestWordSpansStartsReadEveryWord holds appendWordSpansStarts to its
// definition, read a byte at a time: a word (a run of wordBytes) that
// starts a word (wordStart: no letter or digit of any script before it)
// is listed when mentionFirsts holds its first byte, and spanned when it
// may begin a phrase.
func TestWordSpansStartsReadEveryWord(t *testing.T) {
	pieces := []string{"May", "last", "two", "2024", "dozens", "Col", "the", "é", "٣", "’", "_x", "a1", "Z", "sept", "x.y", "-"}
	for _, text := range testtext.Phrases(17, 50000, 8, pieces, []string{"", " ", "\n", ",", "é"}) {
		var wantStarts []int
		var wantSpans []wordSpan
		for i := range len(text) {
			if !wordBytes[text[i]] || !wordStart(text, i) {
				continue
			}
			end := wordEnd(text, i)
			if mentionFirsts[text[i]] {
				wantStarts = append(wantStarts, i)
			}
			if begins := phrasesBegunBy(text[i:end]); begins != 0 {
				wantSpans = append(wantSpans, wordSpan{i, end, begins})
			}
		}
		var starts []int
		spans := appendWordSpansStarts(nil, &starts, text)
		if !slices.Equal(starts, wantStarts) || !slices.Equal(spans, wantSpans) {
			t.Fatalf("appendWordSpansStarts(%q) = %v, %v, want %v, %v", text, spans, starts, wantSpans, wantStarts)
		}
		if spans := appendWordSpans(nil, text); !slices.Equal(spans, wantSpans) {
			t.Fatalf("appendWordSpans(%q) = %v, want %v", text, spans, wantSpans)
		}
	}
}

// TestInOrderTellsSortedMentions holds inOrder, which spares findMentions
// its sort, to slices.IsSortedFunc on the mentions' starts.
func TestInOrderTellsSortedMentions(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	for range 20000 {
		ms := make([]Mention, rng.IntN(8))
		for k := range ms {
			ms[k].Start = rng.IntN(10)
		}
		want := slices.IsSortedFunc(ms, func(a, b Mention) int { return a.Start - b.Start })
		if got := inOrder(ms); got != want {
			t.Fatalf("inOrder(%v) = %v, want %v", ms, got, want)
		}
	}
}

// TestTrimSpanTrimsUnicodeSpace holds trimSpan, which reads ASCII a byte at
// a time, to decoding every rune and asking unicode.IsSpace.
func TestTrimSpanTrimsUnicodeSpace(t *testing.T) {
	pieces := []string{" ", "\t", "\n", "\v", "\u00a0", "\u0085", "\u2003", "\u3000", "a", "é", "\xe2\x80", "\x80", "\xff", "."}
	for _, s := range testtext.Phrases(17, 50000, 6, pieces, []string{""}) {
		for start := 0; start <= len(s); start++ {
			for end := start; end <= len(s); end++ {
				ws, we := start, end
				for ws < we {
					r, size := utf8.DecodeRuneInString(s[ws:we])
					if !unicode.IsSpace(r) {
						break
					}
					ws += size
				}
				for we > ws {
					r, size := utf8.DecodeLastRuneInString(s[ws:we])
					if !unicode.IsSpace(r) {
						break
					}
					we -= size
				}
				if gs, ge := trimSpan(s, start, end); gs != ws || ge != we {
					t.Fatalf("trimSpan(%q, %d, %d) = %d, %d, want %d, %d", s, start, end, gs, ge, ws, we)
				}
			}
		}
	}
}

// TestSentenceTextsAreSpacedLines: the text of each sentence, which
// splitSentences copies only where the body's breaks say it must, is
// spacedLines of its span.
func TestSentenceTextsAreSpacedLines(t *testing.T) {
	pieces := []string{"The army", "said", ".", "!", "?", " ", "\n", "\n\n", "\r", "\t", "U.S.", "Share this:", "\u00a0", "é", "x"}
	bodies := append(testtext.Phrases(19, 20000, 12, pieces, []string{"", " "}), strings.Join(testtext.ArticleLines(t), "\n"))
	for _, body := range bodies {
		for _, s := range splitSentences(body, "") {
			if want := spacedLines(body[s.Start:s.End]); s.Text != want {
				t.Fatalf("sentence [%d,%d) of %q reads %q, want %q", s.Start, s.End, body, s.Text, want)
			}
		}
	}
}

// TestSentenceEndsMatchStrings holds endsSentence to strings.TrimRight and
// isAbbreviation to lower-casing every word, on random lines.
func TestSentenceEndsMatchStrings(t *testing.T) {
	pieces := []string{".", "!", "?", ":", `"`, "'", ")", "”", "’", "\x9d", "\xe2\x80", "a", "U.S", "u.\u212a", "f\u0130g", "Approx", "approxi", "Gen", "x", " "}
	for _, line := range testtext.Phrases(23, 50000, 5, pieces, []string{""}) {
		trimmed := strings.TrimRight(line, `"'”’)`)
		want := strings.HasSuffix(trimmed, ".") || strings.HasSuffix(trimmed, "!") || strings.HasSuffix(trimmed, "?") || strings.HasSuffix(trimmed, ":")
		if got := endsSentence(line); got != want {
			t.Fatalf("endsSentence(%q) = %v, want %v", line, got, want)
		}
		if got, want := isAbbreviation(line), abbreviations[strings.ToLower(line)]; got != want {
			t.Fatalf("isAbbreviation(%q) = %v, want %v", line, got, want)
		}
	}
}

// TestPhrasesBegunByReadsPhraseWords holds phrasesBegunBy, which reads
// phraseStarts, to phraseWords by tableKey: every pair of first bytes that
// letterIndex tells apart, at every length, and random words.
func TestPhrasesBegunByReadsPhraseWords(t *testing.T) {
	want := func(w string) phraseKinds {
		if digitByte(w[0]) {
			return datePhrase | quantityPhrase
		}
		if k := tableKey(w); k >= 0 {
			return phraseWords[k]
		}
		return 0
	}
	firsts := "abcdefghijklmnopqrstuvwxyzAMZ09_"
	var words []string
	for _, a := range firsts {
		words = append(words, string(a))
		for _, b := range firsts {
			for n := 2; n <= 17; n++ {
				words = append(words, string(a)+string(b)+strings.Repeat("e", n-2))
			}
		}
	}
	pieces := []string{"the", "a", "May", "sept", "twenty", "_", "1", "x", "AT", "least", "between"}
	words = append(words, testtext.Phrases(29, 20000, 3, pieces, []string{""})...)
	for _, w := range words {
		if got := phrasesBegunBy(w); got != want(w) {
			t.Fatalf("phrasesBegunBy(%q) = %v, want %v", w, got, want(w))
		}
	}
}

// TestSameLastASCIIKeepsEqualFold: sameLastASCII, which isBoilerplate
// asks before strings.EqualFold, is true wherever EqualFold is, on random
// pairs of lines in other cases, with runes that fold to ASCII.
func TestSameLastASCIIKeepsEqualFold(t *testing.T) {
	pieces := []string{"k", "K", "\u212a", "s", "S", "\u017f", "a", "A", ".", "1", "é", "É", "\xff", " "}
	lines := testtext.Phrases(31, 3000, 4, pieces, []string{""})
	folds := 0
	for _, a := range lines[:300] {
		for _, b := range lines {
			if !strings.EqualFold(a, b) {
				continue
			}
			folds++
			if !sameLastASCII(a, b) {
				t.Fatalf("sameLastASCII(%q, %q) is false, but they fold alike", a, b)
			}
		}
	}
	if folds < 1000 {
		t.Errorf("only %d pairs fold alike: the test tries too few", folds)
	}
}
