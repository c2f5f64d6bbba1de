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

// findMentions finds the same mentions with the prechecks of mayName and
// mayBeKey as without them (oddKey set makes both hold for every text):
// they turn away no text, and no capitalised word, that names one of the
// people named before.
func TestMayNameKeepsEveryName(t *testing.T) {
	cat := catalog.MustDefault()
	rng := rand.New(rand.NewPCG(9, 10))
	words := []string{"Goita", "GOITA", "goïta", "Goïta", "O'Neill", "o'neill", "K", "\u212a", "Kim", "KIM", "said",
		"al-Sisi", "AL-SISI", "’s", "'s", "\u0130", "\u0130LHAM", "Ilham", "kIM", "gOITA", "-Kim", "'kim", "Éva", "éva", "ÉVA", "1kim"}
	names := []string{"goita", "goïta", "o'neill", "kim", "al-sisi", "k", "ilham", "i", "éva", "'kim", "-kim", "1kim",
		"Assimi Goita", "Kim", "AL-SISI", "Éva", "X \u212a"}
	var checked, unchecked docNames
	var room [4]int
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
		_, listed := wordSpansListed(text)
		want := findMentions(cat, &s, nil, &unchecked, listed, room[:], nil)
		got := findMentions(cat, &s, nil, &checked, listed, room[:], nil)
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
			if wordStart(text, i) && orgWordMayBegin(text, i) && orgWordBegunBy(text[i:]) {
				want = true
				break
			}
		}
		_, listed := wordSpansListed(text)
		if got := lastOrgWord(text, listed.starts) >= 0; got != want {
			t.Fatalf("lastOrgWord(%q) >= 0 is %v, want %v", text, got, want)
		}
		if want && listed.kinds&orgWord == 0 {
			t.Fatalf("appendWordSpansStarts(%q) lists no word that may begin one of orgWords", text)
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
			if begins := phrasesBegunBy(text, i, end); begins != 0 {
				wantSpans = append(wantSpans, wordSpan{i, end, begins})
			}
		}
		spans, starts := wordSpansStarts(text)
		if !slices.Equal(starts, wantStarts) || !slices.Equal(spans, wantSpans) {
			t.Fatalf("appendWordSpansStarts(%q) = %v, %v, want %v, %v", text, spans, starts, wantSpans, wantStarts)
		}
		if spans := appendWordSpans(nil, text); !slices.Equal(spans, wantSpans) {
			t.Fatalf("appendWordSpans(%q) = %v, want %v", text, spans, wantSpans)
		}
	}
}

// wordSpansStarts are appendWordSpansStarts' spans and starts of text, cut
// as Annotate cuts a sentence.
func wordSpansStarts(text string) ([]wordSpan, []int) {
	spans, listed := wordSpansListed(text)
	return spans, listed.starts
}

// wordSpansListed are appendWordSpansStarts' spans and listed words of
// text, cut as Annotate cuts a sentence.
func wordSpansListed(text string) ([]wordSpan, *listedWords) {
	cut := catalog.NewTexts([]string{text})
	defer cut.Release()
	var listed listedWords
	spans := appendWordSpansStarts(nil, &listed, text, &cut.List[0])
	return spans, &listed
}

// TestWordSpansStartsOfPiecesReadEveryByte holds appendWordSpansStarts,
// which reads the words off the catalog's pieces, to appendWordsFrom,
// which reads the text byte by byte, on texts of random bytes and runes:
// letters and digits of ASCII and other scripts, marks, underscores,
// hyphens, apostrophes, spaces, bytes of no rune, words past eight and
// sixteen bytes (where appendPieces reads a word at a time), at the edges
// of texts of every length; several cut at once, some repeated, as
// Annotate cuts a document's sentences.
func TestWordSpansStartsOfPiecesReadEveryByte(t *testing.T) {
	bits := []string{"a", "Z", "m", "c", "T", "7", "0", "_", "-", "'", "’", " ", "\n", ".", "é", "É", "ï", "\u0301", "\u0308", "٣", "٤", "ж", "中", "ß", "ſ", "K", "\xff", "\xc3", "\x80", "May", "class", "dozen", "2024", "abcdefghij", "ABCDEFGHIJKLMNOPQR", "1234567890123", "__", "x1y2"}
	rng := rand.New(rand.NewPCG(11, 12))
	n := 40000
	if testing.Short() {
		n /= 10
	}
	for range n {
		texts := make([]string, 1+rng.IntN(4))
		for k := range texts {
			if k > 0 && rng.IntN(4) == 0 {
				texts[k] = texts[rng.IntN(k)] // a repeated sentence shares its pieces
				continue
			}
			var b strings.Builder
			for range rng.IntN(24) {
				b.WriteString(bits[rng.IntN(len(bits))])
			}
			texts[k] = b.String()
		}
		cut := catalog.NewTexts(texts)
		for k, text := range texts {
			var listed listedWords
			var wantStarts []int
			spans := appendWordSpansStarts(nil, &listed, text, &cut.List[k])
			wantSpans := appendWordsFrom(nil, &wantStarts, &mentionFirsts, text, 0, len(text))
			if !slices.Equal(listed.starts, wantStarts) || !slices.Equal(spans, wantSpans) {
				t.Fatalf("appendWordSpansStarts(%q) = %v, %v, want %v, %v", text, spans, listed.starts, wantSpans, wantStarts)
			}
		}
		cut.Release()
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

// holdsBeyondASCII finds what strings.Contains finds in the whole text, on
// texts of ASCII with the words, their bytes and other runes beyond ASCII
// set in.
func TestHoldsBeyondASCIIMatchesContains(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for _, words := range [][]string{lowersIntoASCII, asciiFoldPartners} {
		parts := []string{"a", "K", " ", "é", "\xff", "\xe2", "\x84", "İ", "ſ"}
		for _, w := range words {
			parts = append(parts, w, w[:1], w[1:])
		}
		for range 50000 {
			var b strings.Builder
			for range rng.IntN(50) {
				if rng.IntN(4) == 0 {
					b.WriteString(parts[rng.IntN(len(parts))])
				} else {
					b.WriteByte(byte('a' + rng.IntN(26)))
				}
			}
			s := b.String()
			want := slices.ContainsFunc(words, func(w string) bool { return strings.Contains(s, w) })
			if got := holdsBeyondASCII(s, words); got != want {
				t.Fatalf("holdsBeyondASCII(%q) = %v, want %v", s, got, want)
			}
		}
	}
}

// refWordEndingBefore is wordEndingBefore decoding every rune.
func refWordEndingBefore(text string, at int) (start, end int, ok bool) {
	end = at
	for end > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	start = end
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:start])
		if !isWordRune(r) {
			break
		}
		start -= size
	}
	return start, end, start < end
}

// wordEndingBefore, which looks ASCII bytes up in place, finds what
// decoding every rune finds, at every byte of random texts of words,
// spaces, signs and runes beyond ASCII, whole or cut.
func TestWordEndingBeforeMatchesDecoding(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	parts := []string{"a", "Z", "-", "'", "’", " ", "\t", "\n", "\u00a0", "\u0085", "\u2003", ".", "(", "7", "_",
		"é", "Ş", "ı", "\xff", "\xe2\x80", "\x99", "中", "Akash", "multiple"}
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		text := b.String()
		for at := 0; at <= len(text); at++ {
			a, e, ok := wordEndingBefore(text, at)
			ra, re, rok := refWordEndingBefore(text, at)
			if a != ra || e != re || ok != rok {
				t.Fatalf("wordEndingBefore(%q, %d) = %d, %d, %v, want %d, %d, %v", text, at, a, e, ok, ra, re, rok)
			}
		}
	}
}

// findMentions looks for "class" after a space or a hyphen only at the
// word starts appendWordSpansStarts lists: they hold every such "class".
func TestWordStartsHoldEveryClass(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	parts := []string{"class", "Class", "classes", " ", "-", "_", ".", "Keris", "é", "\xff", "中", "7", "c", "sub"}
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(10) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		text := b.String()
		_, starts := wordSpansStarts(text)
		for from := 0; ; {
			k := strings.Index(text[from:], "class")
			if k < 0 {
				break
			}
			at := from + k
			from = at + 1
			if at > 0 && (text[at-1] == ' ' || text[at-1] == '-') && !slices.Contains(starts, at) {
				t.Fatalf("the word starts of %q, %v, miss the \"class\" at %d", text, starts, at)
			}
		}
	}
}

// systemSet holds what a map of the same indices holds, across words and
// after clear, as docNames.forget clears it.
func TestSystemSetMatchesAMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 20))
	var set systemSet
	for range 50 {
		clear(set)
		want := map[int]bool{}
		for range rng.IntN(40) {
			i := []int{0, 63, 64, 65, 127, 128, rng.IntN(5000)}[rng.IntN(7)]
			set.add(i)
			want[i] = true
		}
		for i := range 5100 {
			if set.has(i) != want[i] {
				t.Fatalf("has(%d) = %v, want %v", i, set.has(i), want[i])
			}
		}
	}
}

// lookupLower finds what a look-up of strings.ToLower finds: on the
// tables' words in any case, runes beyond ASCII and words longer than its
// buffer.
func TestLookupLowerMatchesToLower(t *testing.T) {
	words := []string{"Light", "LIGHT", "light", "Lig\u0130ht", "\u212aim", "Tuesday", "TUESDAY", "May", "MAY", "mAy", "Sept",
		"É", "é", "", strings.Repeat("A", 32), strings.Repeat("A", 33), "Multiple", "multiple\xff"}
	for _, w := range words {
		for _, m := range []map[string]bool{commonCapitalised, {strings.Repeat("a", 33): true, "kim": true, "may": true}} {
			got, gotOK := lookupLower(m, w)
			want, wantOK := m[strings.ToLower(w)]
			if got != want || gotOK != wantOK {
				t.Errorf("lookupLower(%q) = %v, %v, want %v, %v", w, got, gotOK, want, wantOK)
			}
		}
		_, day := weekdays[strings.ToLower(w)]
		_, month := months[strings.ToLower(w)]
		if calendarWord(w) != (day || month) {
			t.Errorf("calendarWord(%q) = %v", w, !(day || month))
		}
	}
}

// nextWordBegunBy finds the words of nextWordSpan's walk that begin with
// a capital of firsts or a rune beyond ASCII, and no others, in random
// texts of words, signs, spaces and runes beyond ASCII, whole, cut or
// stray, for masks of every kind.
func TestNextWordBegunByKeepsTheWalksWords(t *testing.T) {
	rng := rand.New(rand.NewPCG(23, 24))
	parts := []string{"Mwansa", "mwansa", "GOITA", "O'Neill", "al-Sisi", "McDonald", "-Kim", "'Kim", "’s", " ", "  ", "\t",
		".", ",", "7", "_", "é", "Éva", "Ş", "\u212aim", "\u0130", "\xff", "\xc3", "\xa9", "\xe2\x80", "\u00a0", "中", "3M"}
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(10) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		text := b.String()
		firsts := []uint32{1<<26 - 1, 0, 1 << ('M' - 'A'), rng.Uint32() & (1<<26 - 1)}[rng.IntN(4)]
		var want, got [][2]int
		for a, e := nextWordSpan(text, 0); a < e; a, e = nextWordSpan(text, e) {
			if c := text[a]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' && firsts>>(c-'A')&1 != 0 {
				want = append(want, [2]int{a, e})
			}
		}
		for a, e := nextWordBegunBy(text, 0, firsts); a < e; a, e = nextWordBegunBy(text, e, firsts) {
			got = append(got, [2]int{a, e})
		}
		if !slices.Equal(got, want) {
			t.Fatalf("nextWordBegunBy(%q, %b) finds %v, the walk %v", text, firsts, got, want)
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

// TestSpacesBeforeTrimsRight holds spacesBefore, which trimSpan and
// prevField read the white space before a byte with, to
// strings.TrimRightFunc with unicode.IsSpace, from every byte of random
// texts with white space beyond ASCII and bytes that end no rune.
func TestSpacesBeforeTrimsRight(t *testing.T) {
	pieces := []string{"a", " ", "\t", "\n", "\r", "\v", "\f", "\u00a0", "\u2003", "\u0085", "é", "\x80", "\xe2\x80", "."}
	for _, text := range testtext.Phrases(37, 5000, 6, pieces, []string{""}) {
		for i := 0; i <= len(text); i++ {
			if got, want := spacesBefore(text, i), len(strings.TrimRightFunc(text[:i], unicode.IsSpace)); got != want {
				t.Fatalf("spacesBefore(%q, %d) = %d, want %d", text, i, got, want)
			}
		}
	}
}

// TestByteTablesAreTheirSets holds closerBytes, which sentenceEnd looks
// up, to searching closers for the byte, and wordBreaks, which periodEnds
// looks up, to the set strings.LastIndexAny(before, " (\n") read, for
// every byte.
func TestByteTablesAreTheirSets(t *testing.T) {
	for b := range 256 {
		if got, want := closerBytes[b], strings.IndexByte(closers, byte(b)) >= 0; got != want {
			t.Fatalf("closerBytes[%#x] = %v, want %v", b, got, want)
		}
		if got, want := wordBreaks[b], strings.IndexByte(" (\n", byte(b)) >= 0; got != want {
			t.Fatalf("wordBreaks[%#x] = %v, want %v", b, got, want)
		}
	}
	// sentenceEnd steps over the curly closing quotes a byte at a time.
	for _, b := range []byte("”’") {
		if !closerBytes[b] {
			t.Fatalf("closerBytes[%#x] is false: sentenceEnd would stop inside ” or ’", b)
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
		if k := tableKey(w); k >= 0 && !yearPrepKey(k) { // nothing follows: no year after "in", "of"
			return phraseWords[k]
		}
		return 0
	}
	words := wordsOfEveryPairAndLength("abcdefghijklmnopqrstuvwxyzAMZ09_")
	pieces := []string{"the", "a", "May", "sept", "twenty", "_", "1", "x", "AT", "least", "between"}
	words = append(words, testtext.Phrases(29, 20000, 3, pieces, []string{""})...)
	for _, w := range words {
		if got := phrasesBegunBy(w, 0, len(w)); got != want(w) {
			t.Fatalf("phrasesBegunBy(%q) = %v, want %v", w, got, want(w))
		}
	}
}

// wordsOfEveryPairAndLength is each of firsts' bytes alone and each pair
// of them followed by "e"s, at every length from 2 to 17: words that
// every pair of first bytes and every length a table tells apart.
func wordsOfEveryPairAndLength(firsts string) []string {
	var words []string
	for _, a := range []byte(firsts) {
		words = append(words, string(a))
		for _, b := range []byte(firsts) {
			for n := 2; n <= 17; n++ {
				words = append(words, string(a)+string(b)+strings.Repeat("e", n-2))
			}
		}
	}
	return words
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
