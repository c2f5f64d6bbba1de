package annotate

// The date and quantity scanners replaced two large regular expressions.
// This file keeps those expressions and the code around them as a
// reference, and checks that the scanners find the same mentions on news
// text, on tricky phrases and on random phrases built from the words they
// look for. The reference has the old code's bugs fixed, each marked
// "fixed:".

import (
	"fmt"
	"math"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-osint/dossier/internal/annotate/testtext"
)

const (
	refMonthRe = `(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)`
	refDayRe   = `(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?`
	refYearRe  = `(?:19[0-9]{2}|20[0-9]{2}|21[0-9]{2})`
)

var refDateRe = regexp.MustCompile(`^(?:(?i)(?:\b(since|by|until|till|before|from)\s+(?:the\s+(?:end|start|beginning|middle)\s+of\s+)?)?` +
	`(?:` +
	`\b(` + refDayRe + `)\s+(` + refMonthRe + `)(?:,?\s+(` + refYearRe + `))?\b` +
	`|\b(` + refMonthRe + `)\s+(` + refDayRe + `)(?:,?\s+(` + refYearRe + `))?\b` +
	`|\b(` + refMonthRe + `),?\s+(?:of\s+)?(` + refYearRe + `)\b` +
	`|\b(` + refMonthRe + `),?\s+(?:of\s+)?(last|this|next|earlier this|later this)\s+year\b` +
	`|\b(` + refYearRe + `)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])\b` +
	`|\b(?:(early|late|mid|earlier|later)[- ])?(last|this|next|earlier this|later this)\s+(year|month|week)\b` +
	`|\b(yesterday|today)\b` +
	`|\b(?:on\s+|(last)\s+|this\s+|next\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s|’s)?\b` +
	`(?: \((0?[1-9]|[12][0-9]|3[01])\)|(?-i:, the )((?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th))\b(?: of this month\b)?)?` +
	`|\bon\s+the\s+((?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th))\b( of this month\b)?` +
	`|\b(?:in|during|of|for)\s+(?:the\s+(?:first|second)\s+half\s+of\s+)?(` + refYearRe + `)\b` +
	`|\b(January|February|March|April|May|June|July|August|September|October|November|December)\b` +
	`|\b(` + refYearRe + `)\b` +
	`))`)

const (
	refNumWord = `(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)`
	refNumber  = `(?:\d{1,3}(?:,\d{3})+|\d+|` + refNumWord + `(?:[- ]` + refNumWord + `)?(?:\s+(?:hundred|thousand)(?:\s+(?:and\s+)?` + refNumWord + `(?:[- ]` + refNumWord + `)?)?)?|a\s+(?:hundred|thousand))`
)

var refQuantityRe = regexp.MustCompile(`^(?:(?i)\b(?:` +
	`(?P<part>the\s+)?(?P<ord>first|second|third|fourth|fifth|last|final)\s+of\s+(?:the\s+|its\s+)?(?P<of>` + refNumber + `)` +
	`|(?P<ordn>first|last|final|remaining)\s+(?P<ordnum>` + refNumber + `)` +
	`|between\s+(?P<lo>` + refNumber + `)\s+and\s+(?P<hi>` + refNumber + `)` +
	// fixed: a modifier is a word of its own: "someone" is not "some one".
	`|(?P<mod>(?:at\s+least|more\s+than|over|about|around|some|nearly|almost|approximately|roughly|close\s+to|up\s+to|an\s+estimated|as\s+many\s+as|fewer\s+than|less\s+than|under)\b)?\s*` +
	`(?:(?P<halfdozen>half\s+a\s+dozen)|(?P<ndozen>` + refNumber + `|a)\s+dozen|(?P<couple>a\s+couple\s+of|a\s+pair\s+of|a\s+trio\s+of|a\s+few)|(?P<num>` + refNumber + `))` +
	`|(?P<vague>dozens|hundreds|scores|several|a\s+number|a\s+large\s+number|an\s+unknown\s+number|an\s+undisclosed\s+number|an\s+unspecified\s+number|a\s+batch|a\s+(?:first|second|third|new|further|fresh|final)\s+batch|numerous|a\s+fleet|multiple)` +
	`)\b)`)

var refUnitAfter = regexp.MustCompile(`(?i)^(?:[-\s]?(?:mm|millimetres?|millimeters?|cm|km|kilometres?|kilometers?|metres?|meters?|m|kg|kilograms?|tonnes?|tons?|t|lbs?|pounds|knots|km/h|mph|nautical|hp|kw|mw|per\s*cent|percent|million|billion|bn|years?|months?|weeks?|days?|hours?|minutes?|seconds?|rounds|jobs|people|employees|soldiers|troops|personnel|staff|men|women|members|sites|times|th|st|nd|rd|year-old|seat|strong|page|pages)\b|\s?%|\s?[x×]\s?\d)`)

var refDesignationAfter = regexp.MustCompile(`^\s[A-Z]{1,3}-\d`)

var refCurrencyBefore = regexp.MustCompile(`(?:[$€£¥₹]|US\$|USD|EUR|GBP|Rs\.?|crew of|aged|No\.?|Type|type)\s*$`)

// refFindAll is how the expressions were run: anchored at each word start,
// leftmost matches, no overlaps.
func refFindAll(re *regexp.Regexp, text string) [][]int {
	var out [][]int
	for i := 0; i < len(text); i++ {
		if !refWordStart(text, i) {
			continue
		}
		m := re.FindStringSubmatchIndex(text[i:])
		if m == nil || m[1] == 0 {
			continue
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += i
			}
		}
		out = append(out, m)
		i = m[1] - 1
	}
	return out
}

func refWordStart(text string, i int) bool {
	if !utf8.RuneStart(text[i]) {
		return false
	}
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_')
}

func refFindDates(text string, base int, ref Date) []DateMention {
	var out []DateMention
	for _, m := range refFindAll(refDateRe, text) {
		g := func(i int) string {
			if m[2*i] < 0 {
				return ""
			}
			return text[m[2*i]:m[2*i+1]]
		}
		d, relative, ok := refResolveMatch(func(i int) string {
			if i == 0 {
				// fixed: a bare month's context is the word before the
				// month, not before "since" ("since April").
				return text[:m[2*26]]
			}
			return g(i)
		}, ref)
		if !ok {
			continue
		}
		start, end := m[0], m[1]
		if g(23) != "" && g(24) == "" && !refOrdinalDayEnds(text[end:]) {
			continue
		}
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
		// fixed: the character before, not its last byte, is "€" or "£".
		prev, _ := utf8.DecodeLastRuneInString(text[:start])
		if g(27) != "" && (start > 0 && strings.ContainsRune("-/,.$€£", prev) ||
			end < len(text) && strings.ContainsAny(text[end:end+1], "-/%")) {
			continue
		}
		if refIsWeekdayUntil(text, start) {
			role = Until
		}
		implied := g(26) != "" || (g(2) != "" && g(4) == "") || (g(5) != "" && g(7) == "")
		out = append(out, DateMention{Start: base + start, End: base + end, Date: d, Role: role, Relative: relative, YearImplied: implied})
	}
	return out
}

// refOrdinalDayEnds: "on the 4th" ends a clause or a preposition follows.
func refOrdinalDayEnds(rest string) bool {
	if rest == "" || strings.ContainsAny(rest[:1], ",.;") {
		return true
	}
	if rest[0] != ' ' {
		return false
	}
	w, _, _ := strings.Cut(rest[1:], " ")
	switch w {
	case "between", "in", "at", "and", "with", "when":
		return true
	}
	return false
}

func refBareMonthContext(before string) bool {
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

func refIsWeekdayUntil(text string, start int) bool {
	before := strings.ToLower(text[:start])
	return strings.HasSuffix(before, "until ") || strings.HasSuffix(before, "runs until ")
}

var refMonths = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
	"june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
	"october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

var refWeekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

func refResolveMatch(g func(int) string, ref Date) (Date, bool, bool) {
	atoi := func(s string) int {
		s = strings.TrimRight(strings.ToLower(s), "stndrh")
		n, _ := strconv.Atoi(s)
		return n
	}
	month := func(s string) int { return refMonths[strings.ToLower(strings.TrimSuffix(s, "."))] }
	switch {
	case g(2) != "":
		return refFullOrPartial(atoi(g(2)), month(g(3)), g(4), ref)
	case g(5) != "":
		return refFullOrPartial(atoi(g(6)), month(g(5)), g(7), ref)
	case g(8) != "":
		return Date{Y: atoi(g(9)), M: month(g(8)), Precision: Month}, false, true
	case g(10) != "":
		if ref.Precision == NoDate {
			return Date{}, true, false
		}
		step := map[string]int{"last": -1, "next": 1}[strings.ToLower(g(11))]
		return Date{Y: ref.Y + step, M: month(g(10)), Precision: Month}, true, true
	case g(12) != "":
		d := Date{Y: atoi(g(12)), M: atoi(g(13)), D: atoi(g(14)), Precision: Day}
		return d, false, validDay(d)
	case g(16) != "":
		return refRelativePeriod(strings.ToLower(g(16)), strings.ToLower(g(17)), ref)
	case g(18) != "":
		if ref.Precision < Day {
			return Date{}, true, false
		}
		t := ref.time()
		if strings.EqualFold(g(18), "yesterday") {
			t = t.AddDate(0, 0, -1)
		}
		return dayDate(t), true, true
	case g(20) != "":
		if ref.Precision < Day {
			return Date{}, true, false
		}
		if g(21) != "" || g(22) != "" {
			return dayOfRefMonth(atoi(g(21)+g(22)), ref)
		}
		t := ref.time()
		if g(19) != "" {
			t = t.AddDate(0, 0, -1) // "last Friday" on a Friday
		}
		want := refWeekdays[strings.ToLower(g(20))]
		for t.Weekday() != want {
			t = t.AddDate(0, 0, -1)
		}
		return dayDate(t), true, true
	case g(23) != "":
		if ref.Precision < Day {
			return Date{}, true, false
		}
		return dayOfRefMonth(atoi(g(23)), ref)
	case g(25) != "":
		return Date{Y: atoi(g(25)), Precision: Year}, false, true
	case g(26) != "":
		if ref.Precision == NoDate || !refBareMonthContext(g(0)) {
			return Date{}, true, false
		}
		return Date{Y: ref.Y, M: month(g(26)), Precision: Month}, true, true
	case g(27) != "":
		return Date{Y: atoi(g(27)), Precision: Year}, false, true
	}
	return Date{}, false, false
}

func refFullOrPartial(day, month int, year string, ref Date) (Date, bool, bool) {
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

func refRelativePeriod(which, unit string, ref Date) (Date, bool, bool) {
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
	case "week":
		if step == -1 && ref.Precision == Day {
			t := ref.time().AddDate(0, 0, -7)
			return Date{Y: t.Year(), M: int(t.Month()), Precision: Month}, true, true
		}
	}
	return Date{}, true, false
}

func refFindQuantities(text string, base int) []QuantityMention {
	var out []QuantityMention
	names := refQuantityRe.SubexpNames()
	for _, m := range refFindAll(refQuantityRe, text) {
		g := map[string]string{}
		for i, n := range names {
			if n != "" && m[2*i] >= 0 {
				g[n] = strings.ToLower(text[m[2*i]:m[2*i+1]])
			}
		}
		start, end := m[0], m[1]
		for start < end && text[start] == ' ' {
			start++
		}
		if start == end {
			continue
		}
		q := QuantityMention{Start: base + start, End: base + end}
		switch {
		case g["ord"] != "":
			of, ok := refParseNumber(g["of"])
			if !ok {
				continue
			}
			q.Value, q.Qualifier, q.Part, q.Of = 1, Exact, true, of
		case g["ordnum"] != "":
			n, ok := refParseNumber(g["ordnum"])
			if !ok {
				continue
			}
			q.Value, q.Qualifier = n, Exact
		case g["lo"] != "":
			n, ok := refParseNumber(g["lo"])
			// added: years in a range ("between 2026 and 2028") count nothing.
			if !ok || refIsYear(g["lo"]) {
				continue
			}
			q.Value, q.Qualifier = n, AtLeast
		case g["vague"] != "":
			q.Qualifier = Unknown
		default:
			switch {
			case g["halfdozen"] != "":
				q.Value, q.Qualifier = 6, Approx
			case g["ndozen"] != "":
				n := 1
				if g["ndozen"] != "a" {
					var ok bool
					// fixed: no overflow to a negative count.
					if n, ok = refParseNumber(g["ndozen"]); !ok || n > math.MaxInt/12 {
						continue
					}
				}
				q.Value, q.Qualifier = 12*n, Approx
			case g["couple"] != "":
				// fixed: "a  few" with two spaces is "a few" too.
				if strings.Join(strings.Fields(g["couple"]), " ") == "a few" {
					q.Qualifier = Unknown
				} else if strings.EqualFold(strings.Fields(g["couple"])[1], "pair") {
					q.Value, q.Qualifier = 2, Exact // "a pair of" is two
				} else if strings.EqualFold(strings.Fields(g["couple"])[1], "trio") {
					q.Value, q.Qualifier = 3, Exact
				} else {
					q.Value, q.Qualifier = 2, Approx
				}
			default:
				n, ok := refParseNumber(g["num"])
				if !ok || refMeasures(text, m[0], end) {
					continue
				}
				q.Value, q.Qualifier = n, Exact
			}
			mod := strings.Join(strings.Fields(g["mod"]), " ")
			if (mod == "about" || mod == "over" || mod == "around") && refPrepositionalUse(text[:m[0]]) {
				// fixed: the span starts at the number.
				after := start + len(strings.Fields(text[start:end])[0])
				mod, q.Start = "", base+after+len(text[after:end])-len(strings.TrimLeft(text[after:end], " \t\n\f\r"))
			}
			switch mod {
			case "":
			case "at least", "more than", "over":
				q.Qualifier = AtLeast
			case "fewer than", "less than", "under", "up to":
				q.Qualifier = Approx
			default:
				q.Qualifier = Approx
			}
		}
		out = append(out, q)
	}
	return out
}

func refPrepositionalUse(before string) bool {
	f := strings.Fields(strings.ToLower(before))
	if len(f) == 0 {
		return false
	}
	last := f[len(f)-1]
	if orig := strings.Fields(before); unicode.IsUpper([]rune(orig[len(orig)-1])[0]) && len(f) > 1 {
		return true
	}
	switch strings.Trim(last, ",.") {
	case "talks", "talk", "talking", "discussions", "discussion", "negotiations", "negotiating", "concerns", "questions",
		"reports", "asked", "spoke", "speaking", "agreement", "deal", "contract", "news", "thinking", "information",
		"took", "take", "takes", "taken", "taking", "handed", "hand", "hands", "handing", "built", "based", "centred", "centered",
		"organised", "organized":
		return true
	}
	return false
}

// refIsYear: digits alone from 1900 to 2100.
func refIsYear(word string) bool {
	n, err := strconv.Atoi(word)
	return err == nil && n >= 1900 && n <= 2100 && !strings.Contains(word, ",")
}

func refMeasures(text string, start, end int) bool {
	if refIsYear(strings.TrimSpace(text[start:end])) {
		return true
	}
	if end < len(text) && (text[end] == '.' && end+1 < len(text) && text[end+1] >= '0' && text[end+1] <= '9' ||
		text[end] == '-' && end+1 < len(text) && text[end+1] >= '0' && text[end+1] <= '9' ||
		strings.HasPrefix(text[end:], "x") || strings.HasPrefix(text[end:], "×") || strings.HasPrefix(text[end:], "/")) {
		return true
	}
	if prev, _ := utf8.DecodeLastRuneInString(text[:start]); strings.ContainsRune("-./×", prev) ||
		prev == 'x' && start >= 2 && text[start-2] >= '0' && text[start-2] <= '9' {
		return true
	}
	if refDesignationAfter.MatchString(text[end:]) {
		return false
	}
	if refUnitAfter.MatchString(text[end:]) || refCompoundAdjective.MatchString(text[end:]) {
		return true
	}
	return refCurrencyBefore.MatchString(text[:start])
}

// refCompoundAdjective: added with compoundAdjective, "eight-wheeled".
var refCompoundAdjective = regexp.MustCompile(`(?i)^-(?:\w{2,}ed|engine|seater|wheel|axle|barrel|blade|rotor|door|place)\b`)

var refNumberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

func refParseNumber(s string) (int, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return 0, false
	}
	if s[0] >= '0' && s[0] <= '9' {
		n, err := strconv.Atoi(strings.ReplaceAll(s, ",", ""))
		return n, err == nil && n > 0
	}
	total, current := 0, 0
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == '\n' || r == '\t' }) {
		switch w {
		case "a", "and":
			if w == "a" {
				current = 1
			}
		case "hundred":
			if current == 0 {
				current = 1
			}
			current *= 100
		case "thousand":
			if current == 0 {
				current = 1
			}
			total += current * 1000
			current = 0
		default:
			n, ok := refNumberWords[w]
			if !ok {
				return 0, false
			}
			current += n
		}
	}
	total += current
	return total, total > 0
}

// devSentences are the sentences of the development articles and the
// samples, split roughly.
func devSentences(tb testing.TB) []string {
	var out []string
	for _, line := range testtext.ArticleLines(tb) {
		for _, s := range strings.SplitAfter(line, ". ") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

var trickyPhrases = []string{
	// dates
	"signed on Monday (25), in Brasília", "on Sunday, the 14th of this month, the arrival", "Last Friday, UMB handed over",
	"in April of last year", "in March this year", "said on the 4th.", "signed on the 1st between", "on the 4th floor",
	"on Friday (7th)", "on Tuesday, The 3rd", "On September 2, 2024, he visited.", "2 September 2024", "7 November", "on 7 November and 14 November 2023",
	"Sept. 4", "set to commence on September 4 in Beijing", "4 Sept.", "4 Sept. 2024", "4 Sept.2024", "Sept.4", "Sept 4th, 2024",
	"March 2023", "March, 2023", "March of 2023", "Mar. 2023", "in March 2023 and in 2021", "in 2019", "since 2018",
	"by the end of 2026", "by the end of March 2026", "since the start of 2022", "from the middle of 2020", "until the beginning of 2025",
	"before 2030", "till 2030", "2024-09-02", "2024-13-02", "2024-02-30", "2024-09-02x", "x2024-09-02",
	"last month", "late last month", "late-last month", "earlier this year", "later this year", "next month",
	"next week", "this week", "last year", "mid-last year", "early next year", "early-this month", "late this  year",
	"later this month", "earlier this month", "latest this year", "lately last month",
	"on Tuesday", "Tuesday's", "Tuesday’s parade", "Tuesdays", "last Friday", "this Sunday", "next Monday", "until Saturday",
	"runs until Saturday", "until  Saturday", "UNTIL SATURDAY", "on  Wednesday,", "Monday's'", "yesterday", "Yesterday, today",
	"today's", "In April", "In April it inducted one", "in the first half of 2024", "in the second half of 2023",
	"during the first half of 2024", "for 2024", "of 2024", "during 2025", "In april", "IN APRIL 2024", "may 5", "they may 2024",
	"It may arrive in May", "since April", "by May", "from June to July", "until October", "early June", "late, July",
	"mid-August", "Marching in 2024", "March", "the Augusta base", "year inside $2,000", "$2024", "€2024", "£2024 bill",
	"F-2000", "2,000", "A-2020", "2020/21", "2020%", "Type 2020", "the 2020s", "1999", "2100", "2199", "2200", "1899",
	"31 February 2023", "29 February 2024", "29 February 2023", "30 June", "31 June", "0 June", "00 June", "1st June",
	"2nd of June", "June 1st", "June 31st, 2024", "June 15", "Jun. 15", "Jun 15, 2024", "June 15th 2024", "June 1500",
	"12 Septembers", "21st Sept", "3rd dec. 2020", "Dec 2020", "dec.2020", "DECEMBER 25, 2023", "the 25 December",
	"since 7 November", "by 12 May 2025", "before June 2025", "from Monday", "by Friday's deadline", "until next month",
	"since last year", "by the end of this year", "by the end of next month", "in 2024-09-02", "in 20245", "in 2024x",
	"June 2024x", "2 June 2024_", "2_June", "é2024", "2024é", "Goïta’s 2023", "in\n2019", "since\t2018", "by\r\n2026",
	"between May and June 2024", "on Thursday and Friday", "Thursday’S", "SUNDAY", "this Tuesday's meeting",
	"the F-16 in 1979 and 2,000 in 2008-09", "2008-2009", "2008–09", "1990s", "mid-1990s", "since the 1990s",
	// quantities
	"at least six Norinco VN2C IFV", "50 Kia KM450 trucks and 1,200 more", "half a dozen BRDM-2 and a dozen tanks and two dozen guns",
	"at least a couple of BTR-70", "a couple of EMB-312", "about 20 UH-60 and some 35 Su-30 and nearly forty jets",
	"more than 2,000 of the type", "between 10 and 12 T-72B1MS tanks", "dozens of vehicles, several radars and a batch of Cobra II",
	"twenty-four jets and two hundred and fifty trucks", "the second of three vessels", "the first four aircraft",
	"twenty-four", "twenty four", "a hundred", "a hundred tanks", "three thousand", "two hundred and fifty", "two hundred and fiftyx",
	"two hundred fifty", "two thousand five hundred", "at least a couple of", "more than 2,000", "up to 12", "up  to 12",
	"an unknown number", "an undisclosed number of drones", "an unspecified number", "a number of", "a large number of",
	"the first four", "the last four", "the remaining six", "the final two", "first of 0", "the first of 0", "the last of its four",
	"the third of the twelve", "fifth of twenty-one", "the first of two hundred", "12.7 mm", "6x6", "6X6", "6 x 6", "4×4", "4 × 4",
	"$380 million", "crew of 24", "a crew of 24", "450 jobs", "a 155 mm gun", "weighs 20 tonnes", "the 47-tonne K9",
	"1,550 kg of weapons", "100 million euros", "€160 million", "62 metres long", "targets 40 km away", "in 2019", "the 6x6 vehicle",
	"4×4 MRAP", "creating 450 jobs", "three weeks at sea", "the FA-50 jet", "speeds of 60 km/h", "60 km / h", "5 per cent", "5 percent",
	"5 per  cent", "5%", "5 %", "10-year-old", "24/7", "12 years", "a 3-year deal", "No. 3 squadron", "No 3", "Rs. 500", "Rs 500",
	"US$ 500", "USD 500", "EUR 20", "GBP 30", "aged 40", "engaged 12 fighters", "Type 054", "type 99 tanks", "prototype 2",
	"talks about 12 more FA-50s", "talks with Korea Aerospace Industries about 12 more", "about 12 more", "over 30 tanks",
	"Over 30 tanks", "flew over 30 tanks", "around 40 jets", "deal around 40 jets", "reports, about 10", "The army about 10",
	"someone said", "someone", "Someone", "over18", "under 18", "fewer than ten", "less than 5", "close to 100", "as many as 300",
	"an estimated 200", "approximately 1,000", "roughly 30", "almost twenty", "nearly 40", "hundreds of drones", "scores of tanks",
	"numerous", "a fleet of", "multiple", "a first batch", "a second batch of", "a new batch", "a further batch", "a fresh batch",
	"a final batch", "a batch", "a few", "a  few", "A Few", "a pair of", "a trio of", "A Trio  of", "a couple", "a couple of", "half a dozen", "half  a dozen",
	"a dozen", "dozens", "two dozens", "three dozen", "a hundred dozen", "1,2000", "1,234,5678", "1,234,56", "1234,567", "12,345,678 rounds",
	"9999999999999999999999 tanks", "0 tanks", "00 tanks", "007", "between two hundred and fifty and three hundred",
	"between two hundred and fifty", "between 10 and", "between ten and twelve", "between 1,000 and 2,000", "fourteen", "fourteenth",
	"four teen", "twenty fourteen", "twenty-one hundred", "one hundred and one", "sixty-six", "ninety nine", "seventy-seven",
	"The 12 aircraft", "12 aircraft.", "(12)", "12,", "#12", "F-16", "Su-30", "12-strong", "12 strong", "1st", "2nd", "12th",
	"12 men", "12 women", "12 m", "12 t", "12 mw", "12 hp", "2 knots", "12 rounds", "12 seat", "12 pages", "12 page",
	"12 times", "12 sites", "12 members", "12 staff", "12 troops", "12 personnel", "12 soldiers", "12 employees", "12 people",
	"12 nautical miles", "12 mph", "12 lbs", "12 lb", "12 pounds", "12 tons", "12 ton", "12 tonne", "12 kilograms", "12 kilogram",
	"12 meters", "12 meter", "12 metre", "12 kilometers", "12 kilometre", "12 millimeters", "12 millimetre", "12 cm", "12 km",
	"12 mm", "12 kg", "12mm", "12-mm", "12\tmm", "12  mm", "12 billion", "12 bn", "12bn", "12 million", "12 seconds", "12 minutes",
	"12 hours", "12 days", "12 weeks", "12 months", "12 year", "12 th", "12 st", "12 nd", "12 rd", "12 kw", "12 KM",
	"2000 rounds", "2,000 rounds", "about 2000", "over 2000 drones", "1900 tanks", "2101 tanks", "1899 tanks", "x12", "4x 12", "4 x12",
	"12.5", "12-5", "12/5", "12.", "12.x", "-12", ".12", "/12", "×12", "3x12", "ax12", "£12", "¥12", "₹12", "$ 12", "$\t12",
	"at least  six", "at\tleast six", "more than\ntwenty", "at least a dozen", "about half a dozen", "some two dozen",
	"up to a hundred", "up to a few", "at least a few", "more than a dozen", "nearly a couple of", "an estimated a dozen",
	"it received some. 12", "received 12 Bayraktar TB2s", "ordered 24 Rafale jets for 8 billion euros",
	"ONE hundred", "Two Hundred And Fifty", "a thousand", "a  thousand", "A Thousand", "a thousand and one", "thousand",
	"hundred", "the first", "first of", "last of the", "the last of the three", "remaining", "the remaining 2,000",
	"first 2,000", "final 10 aircraft", "the first of three, the second of three", "first-four", "second of three\nvessels",
	"the Second Of Three", "the fourth of five", "the fifth of six", "sixth of seven", "third of four", "first of twelve hundred",
	"one two three", "one-two", "one - two", "twenty-twenty", "nineteen eighty-four", "a hundred and twenty",
	"talks about a dozen", "information about some 20", "spoke about over 30", "news about 10", "about", "over", "some",
	"more than", "at least", "Bosnia’s 24 tanks", "Goïta’s 24 tanks", "é24", "24é", "24_", "_24", "24’s",
}

var equivRefs = []Date{{}, {Y: 2021, Precision: Year}, {Y: 2021, M: 6, Precision: Month}, day(2024, 5, 23), day(2024, 1, 3), day(2024, 12, 31)}

// checkEquivalentJoins runs checkEquivalent on each text made of one of
// firsts, one of middles and one of lasts, stopping at the first failure.
func checkEquivalentJoins(t *testing.T, firsts, middles, lasts []string) {
	t.Helper()
	for _, first := range firsts {
		for _, middle := range middles {
			for _, last := range lasts {
				if checkEquivalent(t, first+middle+last); t.Failed() {
					return
				}
			}
		}
	}
}

func checkEquivalent(t *testing.T, text string) {
	t.Helper()
	for _, ref := range equivRefs {
		got, want := FindDates(text, 3, ref), refFindDates(text, 3, ref)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("dates of %q (ref %v):\n got %s\nwant %s", text, ref, showDates(text, got), showDates(text, want))
		}
	}
	got, want := FindQuantities(text, 3), refFindQuantities(text, 3)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("quantities of %q:\n got %s\nwant %s", text, showQty(text, got), showQty(text, want))
	}
}

func showDates(text string, ms []DateMention) string {
	var b strings.Builder
	for _, m := range ms {
		fmt.Fprintf(&b, "[%q %v role=%d rel=%v impl=%v] ", text[m.Start-3:m.End-3], m.Date, m.Role, m.Relative, m.YearImplied)
	}
	return b.String()
}

func showQty(text string, qs []QuantityMention) string {
	var b strings.Builder
	for _, q := range qs {
		fmt.Fprintf(&b, "[%q %d %s part=%v of=%d] ", text[q.Start-3:q.End-3], q.Value, q.Qualifier, q.Part, q.Of)
	}
	return b.String()
}

func TestScannersMatchTheExpressionsOnNews(t *testing.T) {
	for _, s := range devSentences(t) {
		checkEquivalent(t, s)
	}
}

func TestScannersMatchTheExpressionsOnTrickyPhrases(t *testing.T) {
	for _, s := range trickyPhrases {
		checkEquivalent(t, s)
		checkEquivalent(t, "He said "+s+" on 3 May.")
		checkEquivalent(t, strings.ToUpper(s))
	}
}

// equivWords are the words and separators the scanners look for, and
// some they must not take.
var equivWords = strings.Fields(`January February March April May June July August September October November December
	Jan Jan. Feb. Mar Apr. Jun Jun. Jul. Aug Sep Sept Sept. Oct. Nov Dec. june MAY Mayor Marching
	Monday Tuesday Wednesday Thursday Friday Saturday Sunday Tuesday's Friday’s Sundays
	since by until till before from the end start beginning middle of in during for on last this next
	early late mid earlier later year month week years yesterday today first second half runs
	1 2 3 9 01 09 10 12 21 29 30 31 32 00 0 1st 2nd 3rd 4th 21st 12th 31ST 100 155 007
	1999 2000 2018 2024 2100 2101 2199 2200 1899 2024-09-02 2024-02-30 2024-13-01 1,200 2,000 12,345,678 1,2000
	third fourth fifth final remaining between and at least more than over about around some nearly almost
	approximately roughly close to up an estimated as many fewer less under half a dozen couple pair trio few
	one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
	seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand
	twenty-four sixty-six dozens hundreds scores several number large unknown undisclosed unspecified batch
	new further fresh numerous fleet multiple its someone something overall
	mm km km/h kg tonnes tons t m per cent percent million billion bn jobs people men crew aged No. Type type
	Rs. USD $ € £ x × % / - 6x6 4×4 12.7 FA-50 wheeled engine seater took handed talks deal Korea said tanks jets aircraft é Goïta’s`)

var equivSeps = []string{" ", " ", " ", " ", ", ", ". ", "-", "  ", "\n", "\t", "", "/", "'s ", " (", ") ", "’ ", "\u00a0"}

func TestScannersMatchTheExpressionsOnRandomPhrases(t *testing.T) {
	for _, s := range testtext.Phrases(1, 20000, 8, equivWords, equivSeps) {
		if checkEquivalent(t, s); t.Failed() {
			return
		}
	}
}

func TestParseNumberMatchesTheOldOne(t *testing.T) {
	for _, s := range append(trickyPhrases, "", " ", "1,", ",1", "1,,2", "12a", "99999999999999999999", "two  hundred", "a and",
		"and", "a", "six\rhundred", "twenty-", "-", "hundred thousand", "one thousand thousand", " 12 ", "\u00a012", "Ⅻ",
		"TWENTY-Four", "EİGHT", "\u0085two\u0085", "two\u00a0hundred", "twelve\u2003", "Seventeen", "sixty-SIX", "ninetyone") {
		for _, in := range []string{s, strings.ToLower(s)} {
			n, ok := parseNumber(in)
			wn, wok := refParseNumber(in)
			if ok != wok || ok && n != wn {
				t.Errorf("parseNumber(%q) = %d, %v; the old one %d, %v", in, n, ok, wn, wok)
			}
		}
	}
}

func FuzzScannersMatchTheExpressions(f *testing.F) {
	for _, s := range trickyPhrases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		// The expressions folded "ſ" to "s" and "\u212a" (Kelvin) to "k"; the
		// scanners fold ASCII only.
		if strings.ContainsAny(text, "\u017f\u212a") {
			return
		}
		checkEquivalent(t, text)
		if unitAfter(text) != refUnitAfter.MatchString(text) {
			t.Errorf("unitAfter(%q) = %v", text, !refUnitAfter.MatchString(text))
		}
		if currencyBefore(text) != refCurrencyBefore.MatchString(text) {
			t.Errorf("currencyBefore(%q) = %v", text, !refCurrencyBefore.MatchString(text))
		}
		if prepositionalUse(text) != refPrepositionalUse(text) {
			t.Errorf("prepositionalUse(%q) = %v", text, !refPrepositionalUse(text))
		}
		if bareMonthContext(text) != refBareMonthContext(text) {
			t.Errorf("bareMonthContext(%q) = %v", text, !refBareMonthContext(text))
		}
		n, ok := parseNumber(text)
		if wn, wok := refParseNumber(text); ok != wok || ok && n != wn {
			t.Errorf("parseNumber(%q) = %d, %v; the old one %d, %v", text, n, ok, wn, wok)
		}
	})
}

func BenchmarkFindDates(b *testing.B) {
	sents := devSentences(b)
	size := 0
	for _, s := range sents {
		size += len(s)
	}
	ref := day(2024, 5, 23)
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, s := range sents {
			FindDates(s, 0, ref)
		}
	}
}

func BenchmarkFindQuantities(b *testing.B) {
	sents := devSentences(b)
	size := 0
	for _, s := range sents {
		size += len(s)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, s := range sents {
			FindQuantities(s, 0)
		}
	}
}

// TestOldBugsStayFixed checks where the scanners differ from the old code
// on purpose.
func TestOldBugsStayFixed(t *testing.T) {
	ref := Date{Y: 2024, M: 5, Precision: Month}
	ms := FindDates("Deliveries went on since April and until the end of June.", 0, ref)
	if len(ms) != 2 || ms[0].Date.String() != "2024-04" || ms[0].Role != Since || ms[1].Date.String() != "2024-06" || ms[1].Role != Until {
		t.Errorf("a bare month after since/until: got %+v", ms)
	}
	if ms := FindDates("It cost €2024 and £2023.", 0, ref); len(ms) != 0 {
		t.Errorf("a price read as a year: %+v", ms)
	}
	for text, want := range map[string]string{
		"someone said so":                "",
		"over18 troops":                  "",
		"a  few tanks":                   "0/unknown",
		"1000000000000000000 dozen jets": "",
	} {
		var got []string
		for _, q := range FindQuantities(text, 0) {
			got = append(got, itoa(q.Value)+"/"+q.Qualifier)
		}
		if strings.Join(got, ",") != want {
			t.Errorf("%q: got %v, want %q", text, got, want)
		}
	}
}

// wordIs, which compares before it finds the word's end, reads as the
// whole word at i compared with w.
func TestWordIsComparesTheWholeWord(t *testing.T) {
	targets := []string{"a", "of", "the", "dozen", "hundred", "thousand", "this", "per", "cent", "estimated"}
	for _, text := range testtext.Phrases(2, 5000, 6, append(equivWords, "ofs", "a_", "the2", "Dozens"), equivSeps) {
		for i := range len(text) + 1 {
			end := wordEnd(text, i)
			for _, w := range targets {
				var buf [16]byte
				want := string(lowerASCII(&buf, text[i:end])) == w
				if got, ok := wordIs(text, i, w); ok != want || ok && got != end {
					t.Fatalf("wordIs(%q, %d, %q) = %d, %v; the word there ends at %d", text, i, w, got, ok, end)
				}
			}
		}
	}
}

// The first tests of partOf, monthAt and weekdayAt let through every word
// they look for, in any case.
func TestFirstBytesLetEveryWordThrough(t *testing.T) {
	for _, c := range []struct {
		name  string
		table *wordTable
		of    func(v int) bool
		first *[256]bool
		least int
	}{
		{"part", qtyWords, func(v int) bool { return v&qwPart != 0 }, &partFirsts, 7},
		{"month", dateWords, func(v int) bool { return dateWord(v).is(wMonth) }, &monthFirsts, 12},
		{"weekday", dateWords, func(v int) bool { return dateWord(v).is(wWeekday) }, &weekdayFirsts, 7},
	} {
		n := 0
		for k, w := range c.table.words {
			if !c.of(c.table.vals[k]) {
				continue
			}
			n++
			for _, form := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:]} {
				if !c.first[form[0]] {
					t.Errorf("%s: the first bytes stop %q", c.name, form)
				}
			}
		}
		if n < c.least {
			t.Errorf("%s: only %d words", c.name, n)
		}
	}
}

// IsRegexpSpace's table holds the ASCII bytes \s matches, and no other byte.
func TestIsRegexpSpaceIsBackslashS(t *testing.T) {
	space := regexp.MustCompile(`^\s$`)
	for c := range 256 {
		want := c < utf8.RuneSelf && space.MatchString(string(rune(c)))
		if IsRegexpSpace(byte(c)) != want {
			t.Errorf("IsRegexpSpace(%#x) = %v", c, !want)
		}
	}
}

// scanDate and scanQuantity send a word that starts with a digit to the
// number's reading without looking it up: no word of their tables starts
// with one.
func TestWordTablesHoldLettersOnly(t *testing.T) {
	for _, table := range []*wordTable{dateWords, qtyWords, numberTable} {
		for _, w := range table.words {
			if letterIndex[w[0]] == 0 {
				t.Errorf("%q starts with a byte other than a letter", w)
			}
		}
	}
}

// ASCIILetter holds for the bytes A to Z and a to z, and no other.
func TestASCIILetter(t *testing.T) {
	for c := range 256 {
		want := 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z'
		if ASCIILetter(byte(c)) != want {
			t.Errorf("ASCIILetter(%#x) = %v", c, !want)
		}
	}
}

// firstBytes capitalises a word's first byte by arithmetic that is right
// only for a lower-case letter: the words of the tables it reads begin
// with one.
func TestFirstBytesTablesBeginLowerCase(t *testing.T) {
	for _, table := range []*wordTable{dateWords, qtyWords} {
		for _, w := range table.words {
			if w == "" || w[0] < 'a' || 'z' < w[0] {
				t.Errorf("word %q does not begin with a lower-case letter", w)
			}
		}
	}
}
