package annotate

import (
	"fmt"
	"strconv"
	"strings"
	"time"
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
	switch d.Precision {
	case Year:
		return fmt.Sprintf("%04d", d.Y)
	case Month:
		return fmt.Sprintf("%04d-%02d", d.Y, d.M)
	case Day:
		return fmt.Sprintf("%04d-%02d-%02d", d.Y, d.M, d.D)
	}
	return ""
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

const (
	monthRe = `(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)`
	dayRe   = `(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?`
	yearRe  = `(?:19[0-9]{2}|20[0-9]{2}|21[0-9]{2})`
)

// dateRe finds every date form Dossier reads, longest forms first. The
// leading group catches the word that sets the role ("since", "by").
var dateRe = MustCompileWords(`(?i)(?:\b(since|by|until|till|before|from)\s+(?:the\s+(?:end|start|beginning|middle)\s+of\s+)?)?` +
	`(?:` +
	`\b(` + dayRe + `)\s+(` + monthRe + `)(?:,?\s+(` + yearRe + `))?\b` + // 2 September 2024 / 7 November
	`|\b(` + monthRe + `)\s+(` + dayRe + `)(?:,?\s+(` + yearRe + `))?\b` + // September 2, 2024 / June 15
	`|\b(` + monthRe + `),?\s+(?:of\s+)?(` + yearRe + `)\b` + // March 2023
	`|\b(` + yearRe + `)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])\b` + // 2024-09-02
	`|\b(?:(early|late|mid|earlier|later)[- ])?(last|this|next|earlier this|later this)\s+(year|month|week)\b` +
	`|\b(yesterday|today)\b` +
	`|\b(?:on\s+|last\s+|this\s+|next\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s|’s)?\b` +
	`|\b(?:in|during|of|for)\s+(?:the\s+(?:first|second)\s+half\s+of\s+)?(` + yearRe + `)\b` +
	`|\b(January|February|March|April|May|June|July|August|September|October|November|December)\b` +
	`|\b(` + yearRe + `)\b` +
	`)`)

// FindDates returns the date expressions of text (a sentence starting at
// byte offset base of the body), resolved against ref.
func FindDates(text string, base int, ref Date) []DateMention {
	var out []DateMention
	for _, m := range dateRe.FindAllSubmatchIndex(text) {
		g := func(i int) string {
			if m[2*i] < 0 {
				return ""
			}
			return text[m[2*i]:m[2*i+1]]
		}
		d, relative, ok := resolveMatch(func(i int) string {
			if i == 0 {
				return text[:m[0]]
			}
			return g(i)
		}, ref)
		if !ok {
			continue
		}
		start, end := m[0], m[1]
		role := At
		switch strings.ToLower(g(1)) {
		case "since", "from":
			role = Since
		case "by", "before":
			role = By
		case "until", "till":
			role = Until
		}
		if role == At && g(1) != "" {
			start = m[2]
		}
		// A bare year that is part of a quantity or a model name is no date:
		// "2,000", "Type 2020", "A-2020".
		if g(20) != "" && (start > 0 && strings.ContainsAny(text[start-1:start], "-/,.$€£") ||
			end < len(text) && strings.ContainsAny(text[end:end+1], "-/%")) {
			continue
		}
		if isWeekdayUntil(text, start) {
			role = Until
		}
		implied := g(19) != "" || (g(2) != "" && g(4) == "") || (g(5) != "" && g(7) == "")
		out = append(out, DateMention{Start: base + start, End: base + end, Date: d, Role: role, Relative: relative, YearImplied: implied})
	}
	return out
}

// bareMonthContext: a month name alone is a date only after a word that
// introduces one ("In April", "during October"), not the verb "may".
func bareMonthContext(before string) bool {
	f := strings.Fields(strings.ToLower(before))
	if len(f) == 0 {
		return false
	}
	switch strings.Trim(f[len(f)-1], ",") {
	case "in", "during", "since", "until", "early", "late", "mid", "by", "from", "of", "last", "next", "this":
		return true
	}
	return false
}

func isWeekdayUntil(text string, start int) bool {
	before := strings.ToLower(text[:start])
	return strings.HasSuffix(before, "until ") || strings.HasSuffix(before, "runs until ")
}

func resolveMatch(g func(int) string, ref Date) (Date, bool, bool) {
	atoi := func(s string) int {
		s = strings.TrimRight(strings.ToLower(s), "stndrh")
		n, _ := strconv.Atoi(s)
		return n
	}
	month := func(s string) int { return months[strings.ToLower(strings.TrimSuffix(s, "."))] }
	switch {
	case g(2) != "": // day month [year]
		return fullOrPartial(atoi(g(2)), month(g(3)), g(4), ref)
	case g(5) != "": // month day [year]
		return fullOrPartial(atoi(g(6)), month(g(5)), g(7), ref)
	case g(8) != "":
		return Date{Y: atoi(g(9)), M: month(g(8)), Precision: Month}, false, true
	case g(10) != "":
		d := Date{Y: atoi(g(10)), M: atoi(g(11)), D: atoi(g(12)), Precision: Day}
		return d, false, validDay(d)
	case g(14) != "":
		return relativePeriod(strings.ToLower(g(14)), strings.ToLower(g(15)), ref)
	case g(16) != "":
		if ref.Precision < Day {
			return Date{}, true, false
		}
		t := ref.time()
		if strings.EqualFold(g(16), "yesterday") {
			t = t.AddDate(0, 0, -1)
		}
		return dayDate(t), true, true
	case g(17) != "":
		if ref.Precision < Day {
			return Date{}, true, false
		}
		t := ref.time()
		want := weekdays[strings.ToLower(g(17))]
		for t.Weekday() != want {
			t = t.AddDate(0, 0, -1)
		}
		return dayDate(t), true, true
	case g(18) != "":
		return Date{Y: atoi(g(18)), Precision: Year}, false, true
	case g(19) != "": // bare month: "In April" takes the reference year
		if ref.Precision == NoDate || !bareMonthContext(g(0)) {
			return Date{}, true, false
		}
		return Date{Y: ref.Y, M: month(g(19)), Precision: Month}, true, true
	case g(20) != "":
		return Date{Y: atoi(g(20)), Precision: Year}, false, true
	}
	return Date{}, false, false
}

// fullOrPartial builds a day date; a missing year comes from the reference.
func fullOrPartial(day, month int, year string, ref Date) (Date, bool, bool) {
	if year != "" {
		y, _ := strconv.Atoi(year)
		d := Date{Y: y, M: month, D: day, Precision: Day}
		return d, false, validDay(d)
	}
	if ref.Precision == NoDate {
		return Date{}, true, false
	}
	d := Date{Y: ref.Y, M: month, D: day, Precision: Day}
	return d, true, validDay(d)
}

func validDay(d Date) bool {
	if d.M < 1 || d.M > 12 || d.D < 1 {
		return false
	}
	return d.time().Day() == d.D
}

func relativePeriod(which, unit string, ref Date) (Date, bool, bool) {
	step := 0
	switch which {
	case "last":
		step = -1
	case "next":
		step = 1
	}
	switch unit {
	case "year":
		if ref.Precision == NoDate {
			return Date{}, true, false
		}
		return Date{Y: ref.Y + step, Precision: Year}, true, true
	case "month":
		if ref.Precision < Month {
			return Date{}, true, false
		}
		t := time.Date(ref.Y, time.Month(ref.M)+time.Month(step), 1, 0, 0, 0, 0, time.UTC)
		return Date{Y: t.Year(), M: int(t.Month()), Precision: Month}, true, true
	}
	return Date{}, true, false // "last week" is too vague to date a record
}

// ParseDate reads a full date in any form FindDates knows, for metadata.
func ParseDate(s string) (Date, bool) {
	for _, m := range FindDates(s, 0, Date{}) {
		if m.Date.Precision == Day {
			return m.Date, true
		}
	}
	return Date{}, false
}
