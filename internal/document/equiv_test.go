package document

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/dossier-osint/dossier/internal/annotate/testtext"
)

// headerLinePattern is what headerLine reads by hand.
var headerLinePattern = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9_-]*)[ \t]*:[ \t]*(.*)$`)

// checkHeaderLine compares headerLine with the pattern on line, trimmed
// as parseHeader trims it.
func checkHeaderLine(t *testing.T, line string) {
	t.Helper()
	line = strings.TrimSpace(line)
	key, value, ok := headerLine(line)
	m := headerLinePattern.FindStringSubmatch(line)
	if ok != (m != nil) || ok && (key != m[1] || value != strings.TrimSpace(m[2])) {
		t.Fatalf("headerLine(%q) = %q, %q, %v; the pattern finds %q", line, key, value, ok, m)
	}
}

func TestHeaderLineMatchesThePattern(t *testing.T) {
	for _, line := range []string{"title: T", "url:", "URL : https://x/y", "published\t:\t 2024-01-02 ", "x-y_1: a: b",
		"1a: b", "a b: c", ":", "-a: b", "a", "a:", "a :", "é: x", "aé: x", "a\v: x", "a: \vx\v", "a-: é"} {
		checkHeaderLine(t, line)
	}
	parts := []string{"a", "Z", "k", "0", "9", "_", "-", " ", "\t", ":", "é", "\v", "x", "title", "url"}
	for _, line := range testtext.Phrases(1, 20000, 7, parts, []string{""}) {
		checkHeaderLine(t, line)
	}
}

func FuzzHeaderLine(f *testing.F) {
	f.Add("title: T")
	f.Add("published \t:  3 September 2024")
	f.Fuzz(func(t *testing.T, line string) {
		if !strings.Contains(line, "\n") {
			checkHeaderLine(t, line)
		}
	})
}

// refIsBinary is isBinary a byte at a time.
func refIsBinary(data []byte) bool {
	controls := 0
	for _, b := range data {
		switch {
		case b == 0:
			return true
		case b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v', b == 0x7f:
			controls++
		}
	}
	return controls*20 > len(data)
}

func TestIsBinaryMatchesAByteAtATime(t *testing.T) {
	bytes := []byte{0, 1, 0x08, '\t', '\n', '\v', '\f', '\r', 0x0e, 0x1f, ' ', 'a', 0x7e, 0x7f, 0x80, 0x89, 0x8d, 0x9f, 0xe2, 0xff}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 50000 {
		data := make([]byte, rng.IntN(80))
		for k := range data {
			// Mostly letters, as text is, so that some inputs are not binary.
			data[k] = 'a'
			if rng.IntN(10) == 0 {
				data[k] = bytes[rng.IntN(len(bytes))]
			}
		}
		if got, want := isBinary(data), refIsBinary(data); got != want {
			t.Fatalf("isBinary(%q) = %v, want %v", data, got, want)
		}
	}
}

// Each word helper of isBinary marks exactly the bytes it names, whatever
// the bytes around them (a carry or a borrow would mark a neighbour).
func TestIsBinaryWordHelpersMarkExactlyTheirBytes(t *testing.T) {
	isControl := func(b byte) bool { return b < 0x20 || b == 0x7f }
	isSpace := func(b byte) bool { return 0x09 <= b&0x7f && b&0x7f <= 0x0d }
	rng := rand.New(rand.NewPCG(7, 8))
	for b := range 256 {
		for k := range 8 {
			for range 64 {
				w := rng.Uint64()&^(0xff<<(8*k)) | uint64(b)<<(8*k)
				mark := func(f func(uint64) uint64) bool { return f(w)>>(8*k)&0xff == 0x80 }
				candidate := printable(w)>>(8*k)&0x80 == 0
				if mark(asciiControls) != isControl(byte(b)) || candidate != isControl(byte(b)&0x7f) ||
					mark(textSpaces) != isSpace(byte(b)) || mark(zeroBytes) != (b == 0) {
					t.Fatalf("byte %#x at %d of %#x: controls %v, candidate %v, spaces %v, zero %v", b, k, w,
						mark(asciiControls), candidate, mark(textSpaces), mark(zeroBytes))
				}
				for _, f := range []func(uint64) uint64{asciiControls, textSpaces, zeroBytes} {
					if f(w)&^highBits != 0 {
						t.Fatalf("%#x marks more than high bits", w)
					}
				}
			}
		}
	}
}

// The dates isDateOnly lets skip the patterns read the same by rxISODate
// and come out as ymd formats them: random ones and every month and day
// number around the calendar's edges, leap years or not.
func TestDateOnlyIsReadAsRxISODateReadsIt(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	chars := "0123456789-/x"
	var dates []string
	for range 20000 {
		b := []byte("2024-09-03")
		for range rng.IntN(4) {
			b[rng.IntN(len(b))] = chars[rng.IntN(len(chars))]
		}
		dates = append(dates, string(b))
	}
	for _, year := range []string{"0999", "1000", "1900", "2000", "2023", "2024", "9999"} {
		for month := range 14 {
			for day := range 33 {
				dates = append(dates, fmt.Sprintf("%s-%02d-%02d", year, month, day))
			}
		}
	}
	for _, s := range dates {
		if !isDateOnly(s) {
			continue
		}
		m := rxISODate.FindStringSubmatch(s)
		if m == nil || NormaliseDate(s) != ymd(m[1], atoi(m[2]), m[3]) {
			t.Fatalf("%q: NormaliseDate %q, rxISODate finds %q", s, NormaliseDate(s), m)
		}
	}
}

// TestRealDayMatchesTime holds realDay's table of month lengths to the
// calendar of package time, which normalises a day past its month's end.
func TestRealDayMatchesTime(t *testing.T) {
	for year := 990; year <= 2500; year++ {
		for month := -1; month <= 14; month++ {
			for day := -1; day <= 33; day++ {
				want := false
				if year >= 1000 && month >= 1 && month <= 12 && day >= 1 {
					tm := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
					want = tm.Day() == day && int(tm.Month()) == month
				}
				if got := realDay(year, month, day); got != want {
					t.Fatalf("realDay(%d, %d, %d) = %v, want %v", year, month, day, got, want)
				}
			}
		}
	}
}
