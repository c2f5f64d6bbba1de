package annotate

import (
	"strings"
	"testing"
	"unicode/utf8"
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
		if b < 0 || b > len(body) || !utf8.ValidString(body) {
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
	for _, s := range []string{"", "  a  b ", "a\u00a0b\u2003c\u0085", "\xff \xfe\t x", "İN", "the K", "Its"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for n := range 4 {
			if got := FieldsAtMost(s, n); got != (len(strings.Fields(s)) <= n) {
				t.Errorf("FieldsAtMost(%q, %d) = %v", s, n, got)
			}
		}
		fields := strings.Fields(s)
		for n := range 4 {
			first, last := fields[:min(n, len(fields))], fields[max(0, len(fields)-n):]
			if got, want := firstWords(s, n), strings.Join(first, " "); got != want {
				t.Errorf("firstWords(%q, %d) = %q, want %q", s, n, got, want)
			}
			if got, want := lastWords(s, n), strings.Join(last, " "); got != want {
				t.Errorf("lastWords(%q, %d) = %q, want %q", s, n, got, want)
			}
		}
		for _, w := range []string{"", "in", "its", "the", "k"} {
			if got := LowerIs(s, w); got != (strings.ToLower(s) == w) {
				t.Errorf("LowerIs(%q, %q) = %v", s, w, got)
			}
		}
	})
}

func FuzzRuneOffsetCountsRunes(f *testing.F) {
	for _, s := range []string{"", "abc", strings.Repeat("é’x", 50), "\xff\xfe" + strings.Repeat("a", 70) + "日本"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		d := &Doc{Body: body}
		for b := 0; b <= len(body)+1; b++ {
			if got, want := d.RuneOffset(b), utf8.RuneCountInString(body[:min(b, len(body))]); got != want {
				t.Fatalf("RuneOffset(%d) in %q = %d, want %d", b, body, got, want)
			}
		}
	})
}
