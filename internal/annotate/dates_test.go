package annotate

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"unicode"
)

// TestDateStringPadsAsFmt checks Date.String against the fmt verbs it
// stands for, on odd values too: negative, wide, out of range.
func TestDateStringPadsAsFmt(t *testing.T) {
	for _, n := range []int{0, 1, 9, 10, 99, 100, 999, 1000, 1999, 2024, 2999, 3000, 12345, -1, -9, -10, -999, -1000, -12345, math.MinInt, math.MaxInt} {
		for _, c := range []struct {
			d    Date
			want string
		}{
			{Date{Y: n, Precision: Year}, fmt.Sprintf("%04d", n)},
			{Date{Y: n, M: n, Precision: Month}, fmt.Sprintf("%04d-%02d", n, n)},
			{Date{Y: 2024, M: n, D: n, Precision: Day}, fmt.Sprintf("%04d-%02d-%02d", 2024, n, n)},
			{Date{Y: n, M: 7, D: 31, Precision: Day}, fmt.Sprintf("%04d-07-31", n)},
			{Date{Y: n, M: 3, D: 7, Precision: NoDate}, ""},
		} {
			if got := c.d.String(); got != c.want {
				t.Errorf("%+v.String() = %q, want %q", c.d, got, c.want)
			}
		}
	}
}

// TestYearStrings checks every year Date.String cuts out of years.
func TestYearStrings(t *testing.T) {
	for y := firstYear - 1; y <= 3000; y++ {
		if got, want := (Date{Y: y, Precision: Year}).String(), fmt.Sprintf("%04d", y); got != want {
			t.Errorf("year %d: String() = %q, want %q", y, got, want)
		}
		if got, want := (Date{Y: y, M: 12, D: 1, Precision: Day}).String(), fmt.Sprintf("%04d-12-01", y); got != want {
			t.Errorf("year %d: String() = %q, want %q", y, got, want)
		}
	}
}

// TestDatesOfRegionalNews checks date forms of regional outlets: a
// weekday with its day of the month, "the 4th" of the publication's
// month, a month of last year, and "last Friday" told on a Friday.
func TestDatesOfRegionalNews(t *testing.T) {
	for _, c := range []struct {
		text, ref, want string
	}{
		{"The Army signed on Monday (25), in Brasília, the contract.", "2025-08-27", "2025-08-25"},
		{"The Air Force celebrated on Sunday, the 14th of this month, the arrival.", "2025-12-16", "2025-12-14"},
		{"The choice had been announced in April of last year.", "2025-08-27", "2024-04"},
		{"The choice had been announced in April last year.", "2025-08-27", "2024-04"},
		{"Last Friday, UMB handed over 12 vehicles.", "2025-10-17", "2025-10-10"},
		{"On Friday, UMB handed over 12 vehicles.", "2025-10-17", "2025-10-17"},
		{"The deal was signed in Warsaw on the 1st between the two.", "2025-08-05", "2025-08-01"},
		{"The company said on the 28th.", "2025-08-05", "2025-07-28"},
		{"The office on the 4th floor was closed.", "2025-08-05", ""},
	} {
		var y, m, d int
		if _, err := fmt.Sscanf(c.ref, "%d-%d-%d", &y, &m, &d); err != nil {
			t.Fatal(err)
		}
		ref := Date{Y: y, M: m, D: d, Precision: Day}
		got := ""
		for _, dm := range FindDates(c.text, 0, ref) {
			got = dm.Date.String()
		}
		if got != c.want {
			t.Errorf("%q (ref %s): date %q, want %q", c.text, c.ref, got, c.want)
		}
	}
}

// isWeekdayUntil's first test takes the last two runes of "until " as bytes:
// no other rune lower-cases to them.
func TestOnlyASCIILowerCasesToTheEndOfUntil(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		switch unicode.ToLower(r) {
		case ' ':
			if r != ' ' {
				t.Errorf("%U lower-cases to ' '", r)
			}
		case 'l':
			if r != 'l' && r != 'L' {
				t.Errorf("%U lower-cases to 'l'", r)
			}
		}
	}
	for _, s := range []string{"until Monday", "UNTIL Monday", "Until Monday", "untİl Monday", "until  Monday", "until\tMonday", "til Monday", "l Monday", " Monday"} {
		k := strings.Index(s, "Monday")
		want := strings.HasSuffix(strings.ToLower(s[:k]), "until ") && len([]rune(s[:k])) >= 6
		if got := isWeekdayUntil(s, k); got != want {
			t.Errorf("isWeekdayUntil(%q) = %v", s, got)
		}
	}
}

// TestValidDayMatchesTime holds validDay's table of month lengths to the
// calendar of package time, which carries a day past its month's end.
func TestValidDayMatchesTime(t *testing.T) {
	for year := -410; year <= 3000; year++ {
		for month := -1; month <= 14; month++ {
			for day := -1; day <= 33; day++ {
				d := Date{Y: year, M: month, D: day, Precision: Day}
				want := month >= 1 && month <= 12 && day >= 1 && d.time().Day() == day
				if got := validDay(d); got != want {
					t.Fatalf("validDay(%+v) = %v, want %v", d, got, want)
				}
			}
		}
	}
}

// TestParseDateReadsISODatesAsTheScanners holds ParseDate's shortcut for
// "2024-09-02" to the date scanners, on dates around the edges of years,
// months and days and on strings of that length that are no such date.
func TestParseDateReadsISODatesAsTheScanners(t *testing.T) {
	scanned := func(s string) (Date, bool) {
		for _, m := range appendDates(nil, s, 0, Date{}) {
			if m.Date.Precision == Day {
				return m.Date, true
			}
		}
		return Date{}, false
	}
	var dates []string
	for _, y := range []string{"0000", "1899", "1900", "2000", "2023", "2024", "2100", "2199", "2200", "9999"} {
		for m := range 14 {
			for d := range 33 {
				dates = append(dates, fmt.Sprintf("%s-%02d-%02d", y, m, d))
			}
		}
	}
	dates = append(dates, "2024-09-2x", "2024/09/02", "2024-9-02 ", " 2024-9-02", "x2024-09-0", "2024-09-02", "2024-0a-02", "24-09-2024", "2024 09 02")
	for _, s := range dates {
		gotDate, got := ParseDate(s)
		wantDate, want := scanned(s)
		if got != want || gotDate != wantDate {
			t.Fatalf("ParseDate(%q) = %+v, %v; the scanners read %+v, %v", s, gotDate, got, wantDate, want)
		}
	}
}
