package annotate

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Qualifiers of a quantity, as in the guidelines.
const (
	Exact   = "exact"
	AtLeast = "at_least"
	Approx  = "approx"
	Unknown = "unknown"
)

// QuantityMention is a number of items found in a sentence, in byte offsets
// of the body. Value is 0 with Qualifier Unknown for "dozens", "a batch".
type QuantityMention struct {
	Start, End int
	Value      int
	Qualifier  string
	// Part is true for one item of a series ("the second of three"),
	// whose Value is 1 and Of the size of the series.
	Part bool
	Of   int
}

var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

const (
	numWord = `(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)`
	// number: digits with thousands separators, or words up to the thousands.
	number = `(?:\d{1,3}(?:,\d{3})+|\d+|` + numWord + `(?:[- ]` + numWord + `)?(?:\s+(?:hundred|thousand)(?:\s+(?:and\s+)?` + numWord + `(?:[- ]` + numWord + `)?)?)?|a\s+(?:hundred|thousand))`
)

var quantityRe = MustCompileWords(`(?i)\b(?:` +
	`(?P<part>the\s+)?(?P<ord>first|second|third|fourth|fifth|last|final)\s+of\s+(?:the\s+|its\s+)?(?P<of>` + number + `)` +
	`|(?P<ordn>first|last|final|remaining)\s+(?P<ordnum>` + number + `)` +
	`|between\s+(?P<lo>` + number + `)\s+and\s+(?P<hi>` + number + `)` +
	`|(?P<mod>at\s+least|more\s+than|over|about|around|some|nearly|almost|approximately|roughly|close\s+to|up\s+to|an\s+estimated|as\s+many\s+as|fewer\s+than|less\s+than|under)?\s*` +
	`(?:(?P<halfdozen>half\s+a\s+dozen)|(?P<ndozen>` + number + `|a)\s+dozen|(?P<couple>a\s+couple\s+of|a\s+pair\s+of|a\s+few)|(?P<num>` + number + `))` +
	`|(?P<vague>dozens|hundreds|scores|several|a\s+number|a\s+large\s+number|an\s+unknown\s+number|an\s+undisclosed\s+number|an\s+unspecified\s+number|a\s+batch|a\s+(?:first|second|third|new|further|fresh|final)\s+batch|numerous|a\s+fleet|multiple)` +
	`)\b`)

// unitAfter: a number followed by a unit measures something else than a
// count of equipment.
var unitAfter = regexp.MustCompile(`(?i)^(?:[-\s]?(?:mm|millimetres?|millimeters?|cm|km|kilometres?|kilometers?|metres?|meters?|m|kg|kilograms?|tonnes?|tons?|t|lbs?|pounds|knots|km/h|mph|nautical|hp|kw|mw|per\s*cent|percent|million|billion|bn|years?|months?|weeks?|days?|hours?|minutes?|seconds?|rounds|jobs|people|employees|soldiers|troops|personnel|staff|men|women|members|sites|times|th|st|nd|rd|year-old|seat|strong|page|pages)\b|\s?%|\s?[x×]\s?\d)`)

var currencyBefore = regexp.MustCompile(`(?:[$€£¥₹]|US\$|USD|EUR|GBP|Rs\.?|crew of|aged|No\.?|Type|type)\s*$`)

// FindQuantities returns the quantity expressions of text (a sentence
// starting at byte offset base of the body). Numbers that measure (calibres,
// weights, prices, distances, years, crews) are left out.
func FindQuantities(text string, base int) []QuantityMention {
	var out []QuantityMention
	names := quantityRe.SubexpNames()
	for _, m := range quantityRe.FindAllSubmatchIndex(text) {
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
			of, ok := parseNumber(g["of"])
			if !ok {
				continue
			}
			q.Value, q.Qualifier, q.Part, q.Of = 1, Exact, true, of
		case g["ordnum"] != "":
			n, ok := parseNumber(g["ordnum"])
			if !ok {
				continue
			}
			q.Value, q.Qualifier = n, Exact
		case g["lo"] != "":
			n, ok := parseNumber(g["lo"])
			if !ok {
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
					if n, ok = parseNumber(g["ndozen"]); !ok {
						continue
					}
				}
				q.Value, q.Qualifier = 12*n, Approx
			case g["couple"] != "":
				if g["couple"] == "a few" {
					q.Qualifier = Unknown
				} else {
					q.Value, q.Qualifier = 2, Approx
				}
			default:
				n, ok := parseNumber(g["num"])
				if !ok || measures(text, m[0], end) {
					continue
				}
				q.Value, q.Qualifier = n, Exact
			}
			mod := strings.Join(strings.Fields(g["mod"]), " ")
			if (mod == "about" || mod == "over" || mod == "around") && prepositionalUse(text[:m[0]]) {
				mod = "" // "talks about 12 more FA-50s"
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

// prepositionalUse: "about", "over" or "around" after a word it attaches
// to as a preposition, not a modifier of the number.
func prepositionalUse(before string) bool {
	f := strings.Fields(strings.ToLower(before))
	if len(f) == 0 {
		return false
	}
	last := f[len(f)-1]
	if orig := strings.Fields(before); unicode.IsUpper([]rune(orig[len(orig)-1])[0]) && len(f) > 1 {
		return true // "talks with Korea Aerospace Industries about 12 more"
	}
	switch strings.Trim(last, ",.") {
	case "talks", "talk", "talking", "discussions", "discussion", "negotiations", "negotiating", "concerns", "questions",
		"reports", "asked", "spoke", "speaking", "agreement", "deal", "contract", "news", "thinking", "information":
		return true
	}
	return false
}

// measures says whether the number at text[start:end] is a measurement, a
// year, a price or a model number rather than a count.
func measures(text string, start, end int) bool {
	word := strings.TrimSpace(text[start:end])
	if n, err := strconv.Atoi(word); err == nil && n >= 1900 && n <= 2100 && !strings.Contains(word, ",") {
		return true // a year
	}
	if end < len(text) && (text[end] == '.' && end+1 < len(text) && text[end+1] >= '0' && text[end+1] <= '9' ||
		text[end] == '-' && end+1 < len(text) && text[end+1] >= '0' && text[end+1] <= '9' ||
		strings.HasPrefix(text[end:], "x") || strings.HasPrefix(text[end:], "×") || strings.HasPrefix(text[end:], "/")) {
		return true // 12.7, 6x6, 4×4, 24/7
	}
	if prev, _ := utf8.DecodeLastRuneInString(text[:start]); strings.ContainsRune("-./×", prev) ||
		prev == 'x' && start >= 2 && text[start-2] >= '0' && text[start-2] <= '9' {
		return true // part of a designation or a size: "FA-50", "CH-92A", "4×4"
	}
	if unitAfter.MatchString(text[end:]) {
		return true
	}
	return currencyBefore.MatchString(text[:start])
}

func parseNumber(s string) (int, bool) {
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
			n, ok := numberWords[w]
			if !ok {
				return 0, false
			}
			current += n
		}
	}
	total += current
	return total, total > 0
}
