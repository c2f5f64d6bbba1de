package annotate

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-osint/dossier/internal/catalog"
)

// The choices of boilerplateLine, which chromeLine reads by hand: lines that
// are one of chromeWholeLines, or begin with one of chromePrefixes, in any
// case; the rest chromeLine spells out.
var (
	chromeWholeLines = []string{"exit mobile version", "share this", "share this:", "like this", "like this:",
		"advertisement", "sponsored", "print", "email", "facebook", "twitter", "whatsapp", "linkedin", "telegram",
		"all rights reserved", "all rights reserved."}
	chromePrefixes = []string{"read more:", "related:", "related article", "follow us", "share on facebook",
		"share on twitter", "share on x", "share on linkedin", "tag:", "tags:", "copyright "}
	creditWords = []string{"photo", "image", "picture", "credit", "photo credit"}
	bylineWords = []string{"(reporting by ", "(writing by ", "(editing by "}
)

// isChromeLine is boilerplateLine.MatchString(line). Go's regexp runs the
// long alternation slowly; lines of ASCII other than a line break, where
// the pattern folds case as ASCII does, are read by hand (the tests hold
// the two together).
func isChromeLine(line string) bool {
	// Each choice begins with a letter of chromeFirsts, and no byte
	// outside ASCII folds to one: most lines of an article are told at
	// their first byte.
	if line == "" || line[0] < utf8.RuneSelf && !chromeFirsts[line[0]] {
		return false
	}
	for k := range len(line) {
		if line[k] >= 0x80 || line[k] == '\n' {
			return boilerplateLine.MatchString(line)
		}
	}
	for _, w := range chromeWholeLines {
		if len(line) == len(w) && hasPrefixFold(line, w) {
			return true
		}
	}
	for _, p := range chromePrefixes {
		if hasPrefixFold(line, p) {
			return true
		}
	}
	if hasPrefixFold(line, "loading") && strings.Trim(line[len("loading"):], ".") == "" {
		return true // "loading\.*"
	}
	if hasPrefixFold(line, "subscribe") && catalog.ContainsFoldASCII(line[len("subscribe"):], "newsletter", 0) {
		return true // "subscribe.*newsletter.*"
	}
	for _, w := range creditWords { // "(photo|image|...)s?\s*:.*"
		if !hasPrefixFold(line, w) {
			continue
		}
		i := len(w)
		if i < len(line) && line[i]|0x20 == 's' {
			i++
		}
		for i < len(line) && IsRegexpSpace(line[i]) {
			i++
		}
		if i < len(line) && line[i] == ':' {
			return true
		}
	}
	for _, w := range bylineWords { // "\((reporting|writing|editing) by .*\)"
		if hasPrefixFold(line, w) && len(line) > len(w) && line[len(line)-1] == ')' {
			return true
		}
	}
	return false
}

// chromeFirsts are the ASCII bytes, in either case, that begin a choice
// of boilerplateLine: the first bytes of the words isChromeLine reads.
var chromeFirsts = func() (t [utf8.RuneSelf]bool) {
	for _, words := range [][]string{chromeWholeLines, chromePrefixes, creditWords, bylineWords, {"loading", "subscribe"}} {
		for _, w := range words {
			t[w[0]], t[unicode.ToUpper(rune(w[0]))] = true, true
		}
	}
	return t
}()

// hasPrefixFold: s begins with lower, in lower case, in any ASCII case.
func hasPrefixFold(s, lower string) bool {
	return len(s) >= len(lower) && catalog.EqualFoldASCII(s, lower)
}
