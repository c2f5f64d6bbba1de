package annotate

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-osint/dossier/internal/annotate/testtext"
)

func FuzzSentences(f *testing.F) {
	for _, s := range []string{"", "A. B. C.", "Col. X met Gen. Y.\n\nShare this:\n", "line one\n two\nthree.", "\"Q.\" he said. Ok?", "…\n\n\n.", "U.S. The"} {
		f.Add(s, "")
	}
	f.Fuzz(func(t *testing.T, body, title string) {
		prev := 0
		for _, s := range splitSentences(body, title) {
			if s.Start < prev || s.End < s.Start || s.End > len(body) {
				t.Fatalf("bad span [%d,%d) after %d in %q", s.Start, s.End, prev, body)
			}
			if len(s.Text) != s.End-s.Start {
				t.Fatalf("cleaned text changed length: %q vs %q", s.Text, body[s.Start:s.End])
			}
			prev = s.End
		}
	})
}

func FuzzDates(f *testing.F) {
	for _, s := range []string{"On September 2, 2024", "31 February 2023", "last month", "on Sunday", "In April", "2024-13-45", "since 1999 by 2100"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, ref := range []Date{{}, {Y: 2021, M: 6, Precision: Month}, day(2024, 2, 29)} {
			for _, m := range FindDates(text, 0, ref) {
				if m.Start < 0 || m.End > len(text) || m.Start > m.End {
					t.Fatalf("bad span %+v in %q", m, text)
				}
				if m.Date.Precision == Day && !validDay(m.Date) {
					t.Fatalf("invalid day %v from %q", m.Date, text)
				}
			}
		}
	})
}

func FuzzQuantities(f *testing.F) {
	for _, s := range []string{"at least six", "between 10 and 12", "two hundred and fifty", "half a dozen", "9999999999999999999999 tanks", "the first of 0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, q := range FindQuantities(text, 0) {
			if q.Start < 0 || q.End > len(text) || q.Start > q.End {
				t.Fatalf("bad span %+v in %q", q, text)
			}
			if q.Value < 0 {
				t.Fatalf("negative quantity %+v from %q", q, text)
			}
		}
	})
}

func FuzzRuneOffset(f *testing.F) {
	f.Add("Goïta’s VN2C", 5)
	f.Fuzz(func(t *testing.T, body string, b int) {
		// Offsets of records fall between runes; inside one, the count of
		// its bytes is FuzzRuneOffsetCountsRunes's business.
		if b < 0 || b > len(body) || !utf8.ValidString(body) || b < len(body) && !utf8.RuneStart(body[b]) {
			return
		}
		d := &Doc{Body: body}
		if got := d.RuneOffset(b); got < 0 || got > utf8.RuneCountInString(body) {
			t.Fatalf("RuneOffset(%d) = %d out of range", b, got)
		}
	})
}

func FuzzAppendWordsJoinsFields(f *testing.F) {
	for _, s := range []string{"", "  a  b ", "a\u00a0b\u2003c\u0085", "\xff \xfe\t x", "Goïta  said\n\nso"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(appendWords(nil, s)), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("appendWords(%q) = %q, want %q", s, got, want)
		}
	})
}

func FuzzWordHelpersMatchStrings(f *testing.F) {
	for _, s := range []string{"", "  a  b ", "a\u00a0b\u2003c\u0085", "\xff \xfe\t x", "İN", "the K", "Its", "x\v",
		"a\u0085b", "é\xe2\x80", " \xe2\x80\xa8y", "abcdefgh ijklmnop\tq", " a b c d e f g h i  ", "wordé abcdefghij klm "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for n := range 4 {
			if got := FieldsAtMost(s, n); got != (len(strings.Fields(s)) <= n) {
				t.Errorf("FieldsAtMost(%q, %d) = %v", s, n, got)
			}
		}
		fields := strings.Fields(s)
		wantLast, wantAt := "", 0
		if len(fields) > 0 {
			wantLast = fields[len(fields)-1]
			wantAt = len(strings.TrimRightFunc(s, unicode.IsSpace)) - len(wantLast)
		}
		if got, at := LastField(s); got != wantLast || at != wantAt {
			t.Errorf("LastField(%q) = %q, %d, want %q, %d", s, got, at, wantLast, wantAt)
		}
		for n := range 4 {
			first, last := fields[:min(n, len(fields))], fields[max(0, len(fields)-n):]
			if got, want := string(appendFirstWords([]byte("x"), s, n)), "x"+strings.Join(first, " "); got != want {
				t.Errorf("appendFirstWords(x, %q, %d) = %q, want %q", s, n, got, want)
			}
			if got, want := string(appendLastWords([]byte("x"), s, n)), "x"+strings.Join(last, " "); got != want {
				t.Errorf("appendLastWords(x, %q, %d) = %q, want %q", s, n, got, want)
			}
		}
		for _, w := range []string{"", "in", "its", "the", "k", "The", "abcdefghi"} {
			if got := LowerIs(s, w); got != (strings.ToLower(s) == w) {
				t.Errorf("LowerIs(%q, %q) = %v", s, w, got)
			}
		}
	})
}

// runeOffsetTexts, seeds of FuzzRuneOffsetCountsRunes, mix runs of ASCII
// across RuneOffset's blocks with valid and invalid UTF-8: stray
// continuation bytes, cut sequences, surrogates.
var runeOffsetTexts = []string{"", "a", "é", "\x80", "\xe2\x80", "\xe2\x80x", "\xed\xa0\x80", "\xf4\x90\x80\x80",
	strings.Repeat("x", 63) + "é" + strings.Repeat("y", 70) + "\xff", strings.Repeat("x", 64) + "’",
	strings.Repeat("ab’", 100) + strings.Repeat("\x80", 70) + strings.Repeat("c", 200),
	strings.Repeat("\xf0\x9f\x98", 50) + "z", strings.Repeat("–", 43) + strings.Repeat("q", 129)}

func FuzzRuneOffsetCountsRunes(f *testing.F) {
	for _, s := range append([]string{"", "abc", strings.Repeat("é’x", 50), "\xff\xfe" + strings.Repeat("a", 70) + "日本"},
		runeOffsetTexts...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		// RuneOffset reads the body as far as it is asked: offsets going
		// up, going down, and jumping both ways.
		n := len(body) + 2
		orders := []func(k int) int{
			func(k int) int { return k },
			func(k int) int { return n - 1 - k },
			func(k int) int { return k * 37 % n },
		}
		for _, order := range orders {
			d := &Doc{Body: body}
			for k := range n {
				b := order(k)
				if got, want := d.RuneOffset(b), utf8.RuneCountInString(body[:min(b, len(body))]); got != want {
					t.Fatalf("RuneOffset(%d) in %q = %d, want %d", b, body, got, want)
				}
			}
		}
	})
}

func FuzzStopFinder(f *testing.F) {
	for _, s := range []string{"", ".", "a. b! c? d", "...!!??", "U.S. The end.", "no marks"} {
		f.Add(s, 2)
	}
	f.Fuzz(func(t *testing.T, text string, step int) {
		var want []int
		for i := range len(text) {
			if text[i] == '.' || text[i] == '!' || text[i] == '?' {
				want = append(want, i)
			}
		}
		// Every mark, a step at a time, and from any byte on.
		stops := newMarkFinder(text, stopMarks)
		var got []int
		for i := stops.next(0); i < len(text); i = stops.next(i + 1) {
			got = append(got, i)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("marks of %q = %v, want %v", text, got, want)
		}
		stops = newMarkFinder(text, stopMarks)
		for from := 0; from <= len(text); from += max(1, step%7) {
			k, _ := slices.BinarySearch(want, from)
			wantNext := len(text)
			if k < len(want) {
				wantNext = want[k]
			}
			if got := stops.next(from); got != wantNext {
				t.Fatalf("next(%d) of %q = %d, want %d", from, text, got, wantNext)
			}
		}
	})
}

// FuzzSameFields holds the word-by-word comparison of markCopies to
// comparing strings.Fields, on texts that are often the same words
// differently spaced.
func FuzzSameFields(f *testing.F) {
	for _, s := range []string{"", "a b\tc\nd\re\ff\vg", "x  y\u00a0z\u0085", "\xff\x80 abc", "ab ab"} {
		f.Add(s, 0, 0)
	}
	f.Fuzz(func(t *testing.T, s string, change, at int) {
		y := s
		switch uint(change) % 4 { // another spacing of s, or another text
		case 1:
			y = strings.Join(strings.Fields(s), "\t ")
		case 2:
			y = strings.Join(strings.Fields(s), " ")
			if k := int(uint(at) % uint(len(y)+1)); k < len(y) {
				y = y[:k] + y[k+1:] // a byte dropped
			}
		case 3:
			y = strings.ReplaceAll(s, " ", "\u00a0")
		}
		want := slices.Equal(strings.Fields(s), strings.Fields(y))
		if got := sameFields(s, y); got != want {
			t.Fatalf("sameFields(%q, %q) = %v, want %v", s, y, got, want)
		}
		if got := sameFields(y, s); got != want {
			t.Fatalf("sameFields(%q, %q) = %v, want %v", y, s, got, want)
		}
	})
}

// TestASCIISpaces checks the word-wide test of white space against
// runeAt on every ASCII byte, at every place of a word.
func TestASCIISpaces(t *testing.T) {
	for c := range utf8.RuneSelf {
		for k := range 8 {
			b := []byte("abcdefgh")
			b[k] = byte(c)
			var want uint64
			if space, _ := runeAt(string(b), k); space {
				want = 0x80 << (8 * k)
			}
			if got := asciiSpaces(load8(string(b), 0)); got != want {
				t.Errorf("asciiSpaces with %q at %d = %#x, want %#x", rune(c), k, got, want)
			}
		}
	}
}

// personNameByFields is personName as it was written before it looked for
// the names it can return as they are.
func personNameByFields(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if utf8.RuneCountInString(w) > 1 && strings.ToUpper(w) == w && strings.ToLower(w) != w {
			words[i] = titleWord(w)
		}
	}
	return strings.Join(words, " ")
}

func checkPersonName(t *testing.T, s string) {
	t.Helper()
	if got, want := personName(s), personNameByFields(s); got != want {
		t.Errorf("personName(%q) = %q, want %q", s, got, want)
	}
}

// TestPersonName checks personName against the fields it stands for on
// names in capitals or not, of any script, with odd white space and bytes.
func TestPersonName(t *testing.T) {
	words := strings.Fields("Assimi GOITA Goïta GOÏTA O'NEILL D’ALEMA Roy Trinidad al-Bashir AL-BASHIR İSTANBUL ǅEMAL ǄEMAL ß SS A B Ab AB A1 12 \xff \xffAB AB\xff \uFFFDAB K\u212a \u212aK Σ ΣΑΣ")
	seps := []string{" ", " ", " ", "  ", "\n", "\t", "\u00a0", " \r\n"}
	for _, s := range append(testtext.Phrases(6, 20000, 4, words, seps), "", " ", "Roy ", " Roy", "Roy  Trinidad") {
		// The phrases end with a separator: trimmed, they are names too.
		checkPersonName(t, s)
		if checkPersonName(t, strings.TrimSpace(s)); t.Failed() {
			return
		}
	}
}

func FuzzPersonName(f *testing.F) {
	for _, s := range []string{"", "Assimi GOITA", "Roy Trinidad", "O'NEILL", "A  B", "\xffAB"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkPersonName(t, s) })
}

// FuzzDigitSoon checks digitSoon, which reads words of eight bytes,
// against a look at each of the fifteen bytes.
func FuzzDigitSoon(f *testing.F) {
	for _, s := range []string{"", "7", "abcdefghijklmno7", "abcdefghijklmn7", "KM450 trucks", "\xff\x80é9 abcdefghijklmnop"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := range len(s) {
			want := false
			for k := i; k < len(s) && k < i+15; k++ {
				want = want || '0' <= s[k] && s[k] <= '9'
			}
			if got := digitSoon(s, i); got != want {
				t.Fatalf("digitSoon(%q, %d) = %v", s, i, got)
			}
		}
	})
}

// TestSameFieldsSpacedAnew compares long texts of the same words spaced two
// ways, and with one word changed, against strings.Fields.
func TestSameFieldsSpacedAnew(t *testing.T) {
	words := []string{"a", "ab", "abcdefg", "abcdefgh", "abcdefghijk", "é", "x’y", "\xff", "1"}
	seps := []string{" ", "  ", "\t", "\u00a0", " \n", "\u2003"}
	rng := rand.New(rand.NewPCG(5, 9))
	spaced := func(ws []string) string {
		var b strings.Builder
		for _, w := range ws {
			b.WriteString(seps[rng.IntN(len(seps))])
			b.WriteString(w)
		}
		return b.String()
	}
	for range 20000 {
		ws := make([]string, 1+rng.IntN(12))
		for k := range ws {
			ws[k] = words[rng.IntN(len(words))]
		}
		x, y := spaced(ws), spaced(ws)
		if rng.IntN(2) == 0 {
			ws[rng.IntN(len(ws))] = words[rng.IntN(len(words))]
			y = spaced(ws)
		}
		want := slices.Equal(strings.Fields(x), strings.Fields(y))
		if got := sameFields(x, y); got != want {
			t.Fatalf("sameFields(%q, %q) = %v, want %v", x, y, got, want)
		}
	}
}

// TestMarkCopiesFindsEveryReprint holds markCopies, which tells paragraphs
// apart by the first and last bytes of their words before it compares
// them, to
// comparing every paragraph's words with each first printing's.
func TestMarkCopiesFindsEveryReprint(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	pool := []string{"Lesotho signed a deal.", "Lesotho signed  a deal.", "The army\nwaits.", "The army waits!",
		"Crews trained.", "Crews  trained .", "Share this:", "Tanks arrived in May.", "T.", "é a.", "\u00a0Lesotho signed a deal.",
		"Lesotho bought a deal.", "Lesotho\u00a0signed a deal.", "Internationally signed a deal.", "Internationalist signed a deal.",
		"Crews trained\u2003again.", "Crews trained again."}
	for range 3000 {
		var paras []string
		for range 1 + rng.IntN(6) {
			if len(paras) > 0 && rng.IntN(3) == 0 { // a reprint, maybe spaced anew
				p := paras[rng.IntN(len(paras))]
				if rng.IntN(2) == 0 {
					p = strings.ReplaceAll(p, " ", "  ")
				}
				paras = append(paras, p)
				continue
			}
			var p []string
			for range 1 + rng.IntN(3) {
				p = append(p, pool[rng.IntN(len(pool))])
			}
			paras = append(paras, strings.Join(p, " "))
		}
		sents := splitSentences(strings.Join(paras, "\n\n"), "")
		// The reference: each paragraph against each first printing before it.
		type span struct{ start, end int }
		var firsts []span
		for start := 0; start < len(sents); {
			end := start + 1
			for end < len(sents) && sents[end].Paragraph == sents[start].Paragraph {
				end++
			}
			first := -1
			for _, f := range firsts {
				if f.end-f.start != end-start {
					continue
				}
				same := true
				for k := range end - start {
					same = same && slices.Equal(strings.Fields(sents[f.start+k].Text), strings.Fields(sents[start+k].Text))
				}
				if same {
					first = f.start
					break
				}
			}
			if first < 0 {
				firsts = append(firsts, span{start, end})
			}
			for k := start; k < end; k++ {
				want := -1
				if first >= 0 && !sents[k].Boilerplate {
					want = first + k - start
				}
				if sents[k].CopyOf != want {
					t.Fatalf("%q: sentence %d (%q) is a copy of %d, want %d", paras, k, sents[k].Text, sents[k].CopyOf, want)
				}
			}
			start = end
		}
	}
}

// TestWordHeadTailReadEightBytesAsTheLoopsDo holds wordHead and wordTail,
// which read eight bytes at once, to the byte loops they run on shorter
// texts, on texts of white space, ASCII, bytes beyond it and NUL, at
// every length from 8.
func TestWordHeadTailReadEightBytesAsTheLoopsDo(t *testing.T) {
	alphabet := []byte("aZ09.-\x00 \t\n\v\f\r\x1f\x7f\x80\xc3\xa9\xff\x08\x0e")
	rng := rand.New(rand.NewPCG(41, 42))
	for range 200000 {
		b := make([]byte, 8+rng.IntN(6))
		for k := range b {
			b[k] = alphabet[rng.IntN(len(alphabet))]
		}
		s := string(b)
		if got, want := wordHead(s), wordHeadBytes(s); got != want {
			t.Fatalf("wordHead(%q) = %#x, want %#x", s, got, want)
		}
		if got, want := wordTail(s), wordTailBytes(s); got != want {
			t.Fatalf("wordTail(%q) = %#x, want %#x", s, got, want)
		}
	}
}
