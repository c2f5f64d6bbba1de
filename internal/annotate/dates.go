package annotate

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-osint/dossier/internal/calendar"
)

// Precision of a date as the text gives it.
type Precision uint8

// Precisions, coarse to fine.
const (
	NoDate Precision = iota
	Year
	Month
	Day
)

// Date is a calendar date known to a precision.
type Date struct {
	Y, M, D   int
	Precision Precision
}

// String writes the date at its precision: "2021", "2023-03", "2024-09-02".
func (d Date) String() string {
	var buf [32]byte
	b := buf[:0]
	switch d.Precision {
	case Year:
		if firstYear <= d.Y && d.Y < firstYear+len(years)/4 {
			k := 4 * (d.Y - firstYear)
			return years[k : k+4]
		}
		b = appendPadded(b, d.Y, 4)
	case Month:
		b = appendTwoDigits(append(appendYear(b, d.Y), '-'), d.M)
	case Day:
		b = appendTwoDigits(append(appendTwoDigits(append(appendYear(b, d.Y), '-'), d.M), '-'), d.D)
	}
	return string(b)
}

// appendYear appends y as appendPadded(b, y, 4) does, from years when they
// hold it.
func appendYear(b []byte, y int) []byte {
	if firstYear <= y && y < firstYear+len(years)/4 {
		k := 4 * (y - firstYear)
		return append(b, years[k:k+4]...)
	}
	return appendPadded(b, y, 4)
}

// appendTwoDigits appends n as appendPadded(b, n, 2) does, a month or a
// day without its call.
func appendTwoDigits(b []byte, n int) []byte {
	if 0 <= n && n < 100 {
		return append(b, byte('0'+n/10), byte('0'+n%10))
	}
	return appendPadded(b, n, 2)
}

// years are the years from firstYear to 2999, four digits each, one after
// another: Date.String cuts a year out of them rather than make a string.
var years = func() string {
	var b strings.Builder
	for y := firstYear; y < 3000; y++ {
		b.WriteString(strconv.Itoa(y))
	}
	return b.String()
}()

const firstYear = 1000

// appendPadded appends n in decimal padded with zeros to width bytes, a
// minus sign included, as fmt's %0*d writes it.
func appendPadded(b []byte, n, width int) []byte {
	var room [20]byte // for any int, so that the digits need no string
	digits := strconv.AppendInt(room[:0], int64(n), 10)
	if n < 0 {
		b, digits, width = append(b, '-'), digits[1:], width-1
	}
	for range width - len(digits) {
		b = append(b, '0')
	}
	return append(b, digits...)
}

// IsZero reports a date not known at all.
func (d Date) IsZero() bool { return d.Precision == NoDate }

func (d Date) time() time.Time {
	m, day := d.M, d.D
	if m == 0 {
		m = 1
	}
	if day == 0 {
		day = 1
	}
	return time.Date(d.Y, time.Month(m), day, 0, 0, 0, 0, time.UTC)
}

func dayDate(t time.Time) Date { return Date{t.Year(), int(t.Month()), t.Day(), Day} }

// Role says how a date expression relates to what it dates.
type Role uint8

// Roles of a date mention.
const (
	// At dates an event: "in March 2023", "on Tuesday".
	At Role = iota
	// Since, By and Until bound a period and date no single event:
	// "since 2018", "by 2026", "until Saturday".
	Since
	By
	Until
)

// DateMention is a date expression found in a sentence, in byte offsets of
// the body.
type DateMention struct {
	Start, End int
	Date       Date
	Role       Role
	// Relative is true for expressions resolved against the reference
	// date ("last month", "on Tuesday").
	Relative bool
	// YearImplied is true when the text gave no year ("in November",
	// "on 7 November") and the reference year was taken.
	YearImplied bool
}

// Before returns the date moved back a year when it lies after the
// reference date and its year was only implied: a past event told "in
// November" in a January article happened the November before.
func (m DateMention) Before(ref Date) Date {
	d := m.Date
	if !m.YearImplied || ref.Precision == NoDate {
		return d
	}
	after := d.Y == ref.Y && (d.M > ref.M || d.M == ref.M && ref.Precision == Day && d.Precision == Day && d.D > ref.D)
	if after {
		d.Y--
	}
	return d
}

var months = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
	"june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
	"october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

// FindDates returns the date expressions of text (a sentence starting at
// byte offset base of the body), resolved against ref.
func FindDates(text string, base int, ref Date) []DateMention {
	return appendDates(nil, text, base, ref)
}

// appendDates appends what FindDates returns to out.
func appendDates(out []DateMention, text string, base int, ref Date) []DateMention {
	var buf [4]dateMatch
	var words [32]wordSpan
	return resolveDates(out, text, base, ref, scanDates(buf[:0], text, appendWordSpans(words[:0], text)))
}

// scanDates appends the date phrases of text, whose words are words
// (appendWordSpans), to out, for resolveDates to resolve: where they are
// does not hang on the reference date, which Annotate may take from them.
func scanDates(out []dateMatch, text string, words []wordSpan) []dateMatch {
	var m dateMatch
	from := 0 // past the last phrase read
	for k := range words {
		w := &words[k]
		if w.begins&datePhrase == 0 || w.start < from || !scanDate(text, from, w.start, w.end, &m) {
			continue
		}
		from = m.end
		out = append(out, m)
	}
	return out
}

// resolveDates resolves the date phrases ms of text against ref, and
// appends them to out.
func resolveDates(out []DateMention, text string, base int, ref Date, ms []dateMatch) []DateMention {
	for k := range ms {
		m := &ms[k]
		d, relative, ok := m.resolve(text, ref)
		if !ok || m.kind == bareYear && yearInName(text, m.start, m.end) {
			continue
		}
		role := m.role
		if isWeekdayUntil(text, m.start) {
			role = Until
		}
		implied := m.kind == bareMonth || (m.kind == dayMonth || m.kind == monthDay) && m.y == 0
		out = append(out, DateMention{Start: base + m.start, End: base + m.end, Date: d, Role: role, Relative: relative, YearImplied: implied})
	}
	return out
}

// yearInName: a bare year that is part of a quantity or a model name is no
// date: "2,000", "A-2020", "$2024".
func yearInName(text string, start, end int) bool {
	prev, _ := utf8.DecodeLastRuneInString(text[:start])
	return strings.ContainsRune("-/,.$€£", prev) || end < len(text) && strings.IndexByte("-/%", text[end]) >= 0
}

// bareMonthContext: a month name alone is a date only after a word that
// introduces one ("In April", "during October"), not the verb "may".
func bareMonthContext(before string) bool {
	last, _ := LastField(before)
	switch strings.Trim(strings.ToLower(last), ",") {
	case "in", "during", "since", "until", "early", "late", "mid", "by", "from", "of", "last", "next", "this":
		return true
	}
	return false
}

// isWeekdayUntil: the date follows "until " ("runs until Saturday").
func isWeekdayUntil(text string, start int) bool {
	// Only ' ' lower-cases to ' ', and only 'L' and 'l' to 'l': the last
	// two runes must be those bytes, which most dates fail at once.
	if start < 2 || text[start-1] != ' ' || text[start-2]|0x20 != 'l' {
		return false
	}
	before := text[:start]
	for k := len("until ") - 1; k >= 0; k-- {
		r, n := utf8.DecodeLastRuneInString(before)
		if n == 0 || unicode.ToLower(r) != rune("until "[k]) {
			return false
		}
		before = before[:len(before)-n]
	}
	return true
}

func (m *dateMatch) resolve(text string, ref Date) (Date, bool, bool) {
	switch m.kind {
	case dayMonth, monthDay:
		return fullOrPartial(m.d, m.m, m.y, ref)
	case monthYear:
		return Date{Y: m.y, M: m.m, Precision: Month}, false, true
	case isoDate:
		d := Date{Y: m.y, M: m.m, D: m.d, Precision: Day}
		return d, false, validDay(d)
	case relPeriod:
		return relativePeriod(m.step, m.unit, ref)
	case dayWord:
		if ref.Precision < Day {
			return Date{}, true, false
		}
		t := ref.time()
		if m.yesterday {
			t = t.AddDate(0, 0, -1)
		}
		return dayDate(t), true, true
	case weekdayName, dayOfMonth:
		if ref.Precision < Day {
			return Date{}, true, false
		}
		t := ref.time()
		if m.d > 0 {
			return dayOfRefMonth(m.d, ref)
		}
		if m.step < 0 {
			t = t.AddDate(0, 0, -1)
		}
		for t.Weekday() != m.weekday {
			t = t.AddDate(0, 0, -1)
		}
		return dayDate(t), true, true
	case relMonth:
		if ref.Precision == NoDate {
			return Date{}, true, false
		}
		return Date{Y: ref.Y + m.step, M: m.m, Precision: Month}, true, true
	case inYear, bareYear:
		return Date{Y: m.y, Precision: Year}, false, true
	case bareMonth: // "In April" takes the reference year
		if ref.Precision == NoDate || !bareMonthContext(text[:m.monthAt]) {
			return Date{}, true, false
		}
		return Date{Y: ref.Y, M: m.m, Precision: Month}, true, true
	}
	return Date{}, false, false
}

// dayOfRefMonth is day d of the reference month, or of the month before
// when d lies after the reference day ("on the 28th", told on the 3rd).
func dayOfRefMonth(d int, ref Date) (Date, bool, bool) {
	y, mo := ref.Y, ref.M
	if d > ref.D {
		if mo--; mo == 0 {
			y, mo = y-1, 12
		}
	}
	day := Date{Y: y, M: mo, D: d, Precision: Day}
	return day, true, validDay(day)
}

// fullOrPartial builds a day date; a missing year (0) comes from the
// reference.
func fullOrPartial(day, month, year int, ref Date) (Date, bool, bool) {
	if year != 0 {
		d := Date{Y: year, M: month, D: day, Precision: Day}
		return d, false, validDay(d)
	}
	if ref.Precision == NoDate {
		return Date{}, true, false
	}
	d := Date{Y: ref.Y, M: month, D: day, Precision: Day}
	return d, true, validDay(d)
}

// validDay: d names a day of the calendar, as time.Date, which carries a
// day past its month's end into the next, would keep it.
func validDay(d Date) bool { return calendar.IsDay(d.Y, d.M, d.D) }

// relativePeriod resolves "last year" (step -1, unit 'y'), "this month"
// (0, 'm') or "next week" (1, 'w').
func relativePeriod(step int, unit byte, ref Date) (Date, bool, bool) {
	switch unit {
	case 'y':
		if ref.Precision == NoDate {
			return Date{}, true, false
		}
		return Date{Y: ref.Y + step, Precision: Year}, true, true
	case 'm':
		if ref.Precision < Month {
			return Date{}, true, false
		}
		t := time.Date(ref.Y, time.Month(ref.M)+time.Month(step), 1, 0, 0, 0, 0, time.UTC)
		return Date{Y: t.Year(), M: int(t.Month()), Precision: Month}, true, true
	case 'w':
		// "arrived last week": the month of the week before, the day
		// being untold ("last week" of 17 February is February).
		if step == -1 && ref.Precision == Day {
			t := ref.time().AddDate(0, 0, -7)
			return Date{Y: t.Year(), M: int(t.Month()), Precision: Month}, true, true
		}
	}
	return Date{}, true, false // "this week" or "next week" is too vague to date a record
}

// ParseDate reads a full date in any form FindDates knows, for metadata.
func ParseDate(s string) (Date, bool) {
	// A publication date is most often written as the header writes it,
	// "2024-09-02", which the scanners read at its first word by isoAt.
	if len(s) == len("2024-09-02") {
		if y, m, d, ok := isoAt(s, 0); ok {
			if day := (Date{Y: y, M: m, D: d, Precision: Day}); validDay(day) {
				return day, true
			}
		}
	}
	var room [4]DateMention // for the dates of a line of metadata, a few
	for _, m := range appendDates(room[:0], s, 0, Date{}) {
		if m.Date.Precision == Day {
			return m.Date, true
		}
	}
	return Date{}, false
}
