package annotate

// shapeRe finds designations by their form: letters then digits, with an
// optional prefix and suffix ("CS/VN17", "Hudhud-30", "KM450", "EQ2050").
// appendShapeMatch is the same pattern written out, which shapeRe runs in place
// of Go's regexp (the tests hold the two together).
var shapeRe = MustCompileWords(`\b(?:[A-Z]{1,4}/)?[A-Z][A-Za-z]{0,7}[- ]?\d{1,4}[A-Z]{0,3}(?:[-/][A-Z0-9]{1,3})?\b`).
	Where(digitSoon).AppendedBy(appendShapeMatch)

// digitSoon: a digit comes within 15 bytes of i, as in every match of
// shapeRe (a prefix of 5 bytes, 8 letters and a hyphen at most before it).
func digitSoon(text string, i int) bool {
	if i+15 <= len(text) { // the fifteen bytes as two words of eight, which share one
		return bytesIn(load8(text, i), '0', '9')|bytesIn(load8(text, i+7), '0', '9') != 0
	}
	for k := i; k < len(text); k++ {
		if digitByte(text[k]) {
			return true
		}
	}
	return false
}

// appendShapeMatch appends to dst shapeRe's FindStringSubmatchIndex
// anchored at the start of s, or returns nil. It tries the pattern's
// choices in the pattern's order: with the prefix first.
func appendShapeMatch(dst []int, s string) []int {
	if !Boundary(s, 0) {
		return nil
	}
	if k := runOf(s, 0, 4, isCapital); k > 0 && k < len(s) && s[k] == '/' {
		if end, ok := shapeBody(s, k+1); ok {
			return append(dst, 0, end)
		}
	}
	if end, ok := shapeBody(s, 0); ok {
		return append(dst, 0, end)
	}
	return nil
}

// shapeBody reads [A-Z][A-Za-z]{0,7}[- ]?\d{1,4}[A-Z]{0,3}(?:[-/][A-Z0-9]{1,3})?\b at i.
// Each run is read whole, as the pattern tries it first: cut shorter, it
// would leave a letter where a hyphen, space or digit must follow, a
// digit where a capital, hyphen or slash must, or a capital or digit where
// \b must hold after one, so that the pattern's backtracking finds no
// other match.
func shapeBody(s string, i int) (int, bool) {
	if i >= len(s) || !isCapital(s[i]) {
		return 0, false
	}
	digits := i + 1 + runOf(s, i+1, 7, ASCIILetter)
	if digits < len(s) && (s[digits] == '-' || s[digits] == ' ') {
		digits++
	}
	d := runOf(s, digits, 4, digitByte)
	if d == 0 {
		return 0, false
	}
	return shapeSuffix(s, digits+d+runOf(s, digits+d, 3, isCapital))
}

// shapeSuffix reads (?:[-/][A-Z0-9]{1,3})?\b at i, the run after the
// hyphen or slash read whole (see shapeBody).
func shapeSuffix(s string, i int) (int, bool) {
	if i < len(s) && (s[i] == '-' || s[i] == '/') {
		if v := runOf(s, i+1, 3, isCapitalOrDigit); v >= 1 && Boundary(s, i+1+v) {
			return i + 1 + v, true
		}
	}
	return i, Boundary(s, i)
}

// runOf counts the bytes from i, at most max, that in accepts.
func runOf(s string, i, max int, in func(byte) bool) int {
	n := 0
	for n < max && i+n < len(s) && in(s[i+n]) {
		n++
	}
	return n
}

func isCapital(c byte) bool        { return 'A' <= c && c <= 'Z' }
func isCapitalOrDigit(c byte) bool { return isCapital(c) || digitByte(c) }
