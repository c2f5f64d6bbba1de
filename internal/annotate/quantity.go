package annotate

import (
	"math"
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

// FindQuantities returns the quantity expressions of text (a sentence
// starting at byte offset base of the body). Numbers that measure (calibres,
// weights, prices, distances, years, crews) are left out.
func FindQuantities(text string, base int) []QuantityMention {
	return appendQuantities(nil, text, base, appendWordSpans(nil, text))
}

// appendQuantities appends the quantities FindQuantities returns to out;
// words are the words of text (appendWordSpans).
func appendQuantities(out []QuantityMention, text string, base int, words []wordSpan) []QuantityMention {
	var m qtyMatch
	from := 0 // past the last phrase read
	for k := range words {
		w := &words[k]
		if w.begins&quantityPhrase == 0 || w.start < from || !scanQuantity(text, from, w.start, w.end, &m) {
			continue
		}
		from = m.end
		num := ""
		if m.num >= 0 {
			num = text[m.num:m.numEnd]
		}
		q := QuantityMention{Start: base + m.start, End: base + m.end}
		switch m.kind {
		case qPart:
			of, ok := parseNumber(num)
			if !ok {
				continue
			}
			q.Value, q.Qualifier, q.Part, q.Of = 1, Exact, true, of
		case qOrdinal:
			n, ok := parseNumber(num)
			if !ok {
				continue
			}
			q.Value, q.Qualifier = n, Exact
		case qBetween:
			// "delivered between 2026 and 2028" is a span of years, not a
			// count.
			n, ok := parseNumber(num)
			if !ok || isYear(num) {
				continue
			}
			q.Value, q.Qualifier = n, AtLeast
		case qVague:
			q.Qualifier = Unknown
		default:
			switch m.kind {
			case qHalfDozen:
				q.Value, q.Qualifier = 6, Approx
			case qDozens:
				n := 1
				if num != "" {
					var ok bool
					if n, ok = parseNumber(num); !ok || n > math.MaxInt/12 {
						continue
					}
				}
				q.Value, q.Qualifier = 12*n, Approx
			case qCouple:
				q.Value, q.Qualifier = 2, Approx
			case qPair:
				q.Value, q.Qualifier = 2, Exact
			case qTrio:
				q.Value, q.Qualifier = 3, Exact
			case qFew:
				q.Qualifier = Unknown
			default:
				n, ok := parseNumber(num)
				if !ok || measures(text, m.start, m.end) {
					continue
				}
				q.Value, q.Qualifier = n, Exact
			}
			mod := m.mod
			if (mod == modAbout || mod == modOver) && prepositionalUse(text[:m.start]) {
				// "talks about 12 more FA-50s", "took over two corvettes":
				// the word belongs to what comes before, not to the count.
				mod, q.Start = modNone, base+skipSpace(text, wordEnd(text, m.start))
			}
			switch mod {
			case modAtLeast, modOver:
				q.Qualifier = AtLeast
			case modAbout, modApprox:
				q.Qualifier = Approx
			}
		}
		out = append(out, q)
	}
	return out
}

// prepositionalUse: "about", "over" or "around" after a word it attaches
// to as a preposition, not a modifier of the number ("talks about 12
// more", "a force built around eight A-29s").
func prepositionalUse(before string) bool {
	last, at := LastField(before)
	if last == "" {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(last); unicode.IsUpper(r) && strings.TrimSpace(before[:at]) != "" {
		return true // "talks with Korea Aerospace Industries about 12 more"
	}
	switch strings.Trim(strings.ToLower(last), ",.") {
	case "talks", "talk", "talking", "discussions", "discussion", "negotiations", "negotiating", "concerns", "questions",
		"reports", "asked", "spoke", "speaking", "agreement", "deal", "contract", "news", "thinking", "information",
		"took", "take", "takes", "taken", "taking", "handed", "hand", "hands", "handing", "built", "based", "centred", "centered",
		"organised", "organized":
		return true
	}
	return false
}

// measures says whether the number at text[start:end] is a measurement, a
// year, a price or a model number rather than a count.
func measures(text string, start, end int) bool {
	if isYear(text[start:end]) { // a phrase starts and ends with a word byte: no space to trim
		return true
	}
	if end < len(text) && (text[end] == '.' && end+1 < len(text) && text[end+1] >= '0' && text[end+1] <= '9' ||
		text[end] == '-' && end+1 < len(text) && text[end+1] >= '0' && text[end+1] <= '9' ||
		strings.HasPrefix(text[end:], "x") || strings.HasPrefix(text[end:], "×") || strings.HasPrefix(text[end:], "/")) {
		return true // 12.7, 6x6, 4×4, 24/7
	}
	switch prev, _ := utf8.DecodeLastRuneInString(text[:start]); {
	case prev == '-' || prev == '.' || prev == '/' || prev == '×',
		prev == 'x' && start >= 2 && text[start-2] >= '0' && text[start-2] <= '9':
		return true // part of a designation or a size: "FA-50", "CH-92A", "4×4"
	}
	if designationAfter(text[end:]) {
		return false // "64 T-90S tanks": the letter is a designation's, not a tonne
	}
	return unitAfter(text[end:]) || currencyBefore(text[:start]) || compoundAdjective(text[end:])
}

// designationAfter: a white space, one to three capitals, a hyphen and a
// digit follow ("64 T-90S", "12 MQ-9B"): a designation, which a unit
// written the same way ("t" for tonnes) is not.
func designationAfter(s string) bool {
	if s == "" || !IsRegexpSpace(s[0]) {
		return false
	}
	k := 1
	for k < len(s) && k <= 3 && s[k] >= 'A' && s[k] <= 'Z' {
		k++
	}
	return k > 1 && k+1 < len(s) && s[k] == '-' && digitByte(s[k+1])
}

// compoundAdjective: a hyphen and a word that makes the number part of an
// adjective follow ("eight-wheeled vehicles", "four-engine aircraft"),
// which describes one item instead of counting them; "a 28-aircraft
// order" still counts.
func compoundAdjective(s string) bool {
	if s == "" || s[0] != '-' {
		return false
	}
	w := s[1:wordEnd(s, 1)]
	if n := len(w); n > 3 && (w[n-2]|0x20) == 'e' && (w[n-1]|0x20) == 'd' {
		return true // "-wheeled", "-engined", "-tracked"
	}
	_, ok := adjectiveParts.find(w)
	return ok
}

// adjectiveParts are nouns that make a compound adjective after a number
// and a hyphen.
var adjectiveParts = newWordTable(map[string]int{"engine": 1, "seater": 1, "wheel": 1, "axle": 1, "barrel": 1,
	"blade": 1, "rotor": 1, "door": 1, "place": 1})

// isYear: digits alone (no thousands separator) from 1900 to 2100.
func isYear(w string) bool {
	n := 0
	for k := range len(w) {
		if !digitByte(w[k]) {
			return false
		}
		if n <= 2100 {
			n = n*10 + int(w[k]-'0')
		}
	}
	return w != "" && n >= 1900 && n <= 2100
}

// units are the words after a number that make it measure something else
// than a count of equipment.
var units = newWordTable(func() map[string]int {
	ws := map[string]int{}
	for _, w := range strings.Fields(`mm millimetre millimetres millimeter millimeters cm km kilometre kilometres
		kilometer kilometers metre metres meter meters m kg kilogram kilograms tonne tonnes ton tons t lb lbs pounds
		knots mph nautical hp kw mw percent million billion bn year years month months week weeks day days hour hours
		minute minutes second seconds rounds jobs people employees soldiers troops personnel staff men women members
		sites times th st nd rd seat strong page pages`) {
		ws[w] = 1
	}
	return ws
}())

// unitAfter: what follows a number (s) is a unit ("mm", "-tonne", "km/h",
// "per cent", "year-old"), a percent sign or a size ("x 6").
func unitAfter(s string) bool {
	p := 0 // the unit's word starts after an optional space or hyphen
	if s != "" && (IsRegexpSpace(s[0]) || s[0] == '-') {
		p = 1
	}
	end := wordEnd(s, p)
	// "12 second-hand Rafales" count jets, not seconds.
	if _, ok := units.find(s[p:end]); ok && !strings.HasPrefix(s[end:], "-hand") {
		return true
	}
	if _, ok := wordIs(s, p, "per"); ok {
		if _, ok := wordIs(s, skipSpace(s, end), "cent"); ok {
			return true
		}
	}
	if s != "" && IsRegexpSpace(s[0]) {
		s = s[1:]
	}
	if strings.HasPrefix(s, "%") {
		return true
	}
	for _, x := range [...]string{"x", "X", "×"} {
		if rest, ok := strings.CutPrefix(s, x); ok {
			if rest != "" && IsRegexpSpace(rest[0]) {
				rest = rest[1:]
			}
			return rest != "" && digitByte(rest[0])
		}
	}
	return false
}

// currencyBefore: a currency, "crew of", "aged", "No." or "Type" comes
// right before a number.
func currencyBefore(s string) bool {
	k := len(s)
	for k > 0 && IsRegexpSpace(s[k-1]) {
		k--
	}
	if k == 0 {
		return false
	}
	for _, w := range currenciesByLastByte[s[k-1]] {
		if strings.HasSuffix(s[:k], w) {
			return true
		}
	}
	return false
}

var currencies = [...]string{"$", "€", "£", "¥", "₹", "USD", "EUR", "GBP", "Rs", "Rs.", "crew of", "aged", "No", "No.", "Type", "type"}

// currenciesByLastByte are the currencies by the byte they end in, so that
// most numbers, after a word that ends otherwise, are rejected at once.
var currenciesByLastByte = func() (t [256][]string) {
	for _, w := range currencies {
		t[w[len(w)-1]] = append(t[w[len(w)-1]], w)
	}
	return t
}()

// asciiNoSpace: c is ASCII and no white space.
func asciiNoSpace(c byte) bool { return c < utf8.RuneSelf && !asciiSpace[c] }

// numberSeparator: c separates the words of a number for parseNumber.
func numberSeparator(c byte) bool { return c == ' ' || c == '-' || c == '\n' || c == '\t' }

// parseNumber reads digits ("1,200") or number words ("two hundred and
// fifty", "twenty-four", "a hundred").
func parseNumber(s string) (int, bool) {
	if s == "" || !asciiNoSpace(s[0]) || !asciiNoSpace(s[len(s)-1]) { // a phrase has no space to trim
		s = strings.TrimSpace(s)
	}
	if s == "" {
		return 0, false
	}
	if s[0] >= '0' && s[0] <= '9' {
		n := 0
		for k := range len(s) {
			c := s[k]
			switch {
			case c == ',':
			case digitByte(c) && n <= (math.MaxInt-int(c-'0'))/10:
				n = n*10 + int(c-'0')
			default:
				return 0, false
			}
		}
		return n, n > 0
	}
	total, current := 0, 0
	for s != "" {
		k := 0
		for k < len(s) && !numberSeparator(s[k]) {
			k++
		}
		w := s[:k]
		s = s[min(k+1, len(s)):]
		if w == "" {
			continue
		}
		var buf [16]byte
		lw := lowerASCII(&buf, w)
		if lw == nil {
			lw = []byte(strings.ToLower(w))
		} else if n, ok := numberTable.find(w); ok { // as numberWords holds it, without hashing it
			current += n
			continue
		}
		switch string(lw) {
		case "a":
			current = 1
		case "and":
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
			n, ok := numberWords[string(lw)]
			if !ok {
				return 0, false
			}
			current += n
		}
	}
	total += current
	return total, total > 0
}
