package document

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/dossier-osint/dossier/internal/calendar"
)

// Date layouts we accept, matched against the lower-cased value. Each
// anchors at the start (after any weekday) and ignores what follows the date,
// so times and zones drop out: the day the outlet wrote is the publication
// date, whatever the zone.
var (
	// 2024-09-03, 2024/9/3, 2024.09.03, 2024-09-03T10:00:00Z, 2024-09-03 10:00
	rxISODate = regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[t\s])`)
	// 20240903, 20240903T100000Z
	rxCompactDate = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})(?:$|t)`)
	// 3 September 2024, 3rd of Sept. 2024, 03-Sep-2024, 3 September, 2024
	rxDayMonthYear = regexp.MustCompile(`^(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?[\s-]+([a-z]+)\.?,?[\s-]+(\d{4})(?:$|[^\d])`)
	// September 3, 2024, Sep. 3rd 2024, Sept 03 2024
	rxMonthDayYear = regexp.MustCompile(`^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:$|[^\d])`)
	// 03/09/2024 or 09/03/2024: only taken when one side is over 12.
	rxNumericDate = regexp.MustCompile(`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:$|[^\d])`)
	// "Tuesday, ", "Tue ", "tues. " before a date.
	rxWeekday = regexp.MustCompile(`^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?\s+`)
)

var monthNames = map[string]int{
	"jan": 1, "january": 1,
	"feb": 2, "february": 2,
	"mar": 3, "march": 3,
	"apr": 4, "april": 4,
	"may": 5,
	"jun": 6, "june": 6,
	"jul": 7, "july": 7,
	"aug": 8, "august": 8,
	"sep": 9, "sept": 9, "september": 9,
	"oct": 10, "october": 10,
	"nov": 11, "november": 11,
	"dec": 12, "december": 12,
}

// NormaliseDate turns a publication date written in a common form
// (2024-09-03, 2024-09-03T10:00:00Z, 3 September 2024, September 3, 2024,
// Tue, 03 Sep 2024 10:00:00 GMT) into "YYYY-MM-DD". It returns "" for
// "unknown", for partial dates (a month or a year alone) and for anything it
// does not recognise or that is not a real calendar day.
func NormaliseDate(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if isDateOnly(s) { // the usual form, which rxISODate reads
		// A real day is written back as it came, so s itself is the answer.
		if realDay(digits(s[:4]), digits(s[5:7]), digits(s[8:])) {
			return s
		}
		return ""
	}
	s = rxWeekday.ReplaceAllString(s, "")
	if m := rxISODate.FindStringSubmatch(s); m != nil {
		return ymd(m[1], atoi(m[2]), m[3])
	}
	if m := rxCompactDate.FindStringSubmatch(s); m != nil {
		return ymd(m[1], atoi(m[2]), m[3])
	}
	if m := rxDayMonthYear.FindStringSubmatch(s); m != nil {
		return ymd(m[3], monthNames[m[2]], m[1])
	}
	if m := rxMonthDayYear.FindStringSubmatch(s); m != nil {
		return ymd(m[3], monthNames[m[1]], m[2])
	}
	if m := rxNumericDate.FindStringSubmatch(s); m != nil {
		a, b := atoi(m[1]), atoi(m[2])
		switch {
		case a > 12 && b <= 12:
			return ymd(m[3], b, m[1])
		case b > 12 && a <= 12:
			return ymd(m[3], a, m[2])
		}
	}
	return ""
}

// isDateOnly: s is written YYYY-MM-DD.
func isDateOnly(s string) bool {
	if len(s) != len(time.DateOnly) || s[4] != '-' || s[7] != '-' {
		return false
	}
	for k := range len(s) {
		if k != 4 && k != 7 && (s[k] < '0' || s[k] > '9') {
			return false
		}
	}
	return true
}

// digits reads a number of ASCII digits, which isDateOnly checked, as
// atoi does, without its checks.
func digits(s string) int {
	n := 0
	for k := range len(s) {
		n = n*10 + int(s[k]-'0')
	}
	return n
}

// ymd formats a date after checking that it exists (no 31 June, no 29
// February outside leap years). month 0 means an unknown month name.
func ymd(year string, month int, day string) string {
	y, d := atoi(year), atoi(day)
	if !realDay(y, month, d) {
		return ""
	}
	return time.Date(y, time.Month(month), d, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
}

// realDay: year (at least 1000), month and day name a day of the calendar.
func realDay(year, month, day int) bool {
	return year >= 1000 && calendar.IsDay(year, month, day)
}

// atoi reads a string the regexps already restricted to a few digits.
func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
