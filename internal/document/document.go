// Package document reads one news article (a text file with a header, plain
// text, or an HTML page) into the text that annotations and evidence offsets
// refer to.
package document

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
	"net/url"
	"path"
	"strings"
	"unicode/utf8"
)

// Document is one article as stored: the offsets of every annotation and evidence span are Unicode code points into Body.
type Document struct {
	Source    string // the path or URL it was read from, as given
	URL       string // the article's own address: header `url:` or HTML canonical/og:url; "" if unknown
	Title     string
	Published string // "YYYY-MM-DD", or "" when unknown
	Body      string // the text exactly as stored
	Format    string // "header" (txt with header), "text" (plain text, no header), "html"
}

// Formats of a Document.
const (
	FormatHeader = "header"
	FormatText   = "text"
	FormatHTML   = "html"
)

// Errors Parse returns; none names the source, which callers prefix.
var (
	ErrEmpty     = errors.New("empty document")
	ErrBinary    = errors.New("binary content, not text")
	ErrEmptyBody = errors.New("empty body")
)

// InvalidUTF8Error reports the byte offset of the first invalid UTF-8 sequence.
type InvalidUTF8Error struct {
	Offset int
}

func (e *InvalidUTF8Error) Error() string {
	return fmt.Sprintf("not valid UTF-8 at byte %d", e.Offset)
}

// headerSep ends a header; the scorer splits with text.partition("\n---\n").
const headerSep = "\n---\n"

// maxTitleRunes bounds the first line of plain text taken as its title, so a
// first paragraph is not mistaken for one.
const maxTitleRunes = 200

// Parse reads one article. HTML is detected by extension (.html, .htm) or
// content sniffing. source is kept as Document.Source; errors do not repeat
// it, since callers prefix the file name.
//
// Line ends are read as Python's text mode reads them ("\r\n" and "\r"
// become "\n"), so Body and its offsets agree with the scorer's.
func Parse(source string, data []byte) (*Document, error) {
	if err := checkText(data); err != nil {
		return nil, err
	}
	text := normaliseNewlines(string(data))
	doc := &Document{Source: source}
	var err error
	switch {
	case hasHTMLExtension(source):
		err = parseHTML(doc, text)
	case parseHeader(doc, text):
		if strings.TrimSpace(doc.Body) == "" {
			err = ErrEmptyBody
		}
	case looksLikeHTML(text):
		err = parseHTML(doc, text)
	default:
		parsePlain(doc, text)
	}
	if err != nil {
		return nil, err
	}
	return doc, nil
}

// checkText rejects what cannot be an article. Binary is tested before UTF-8
// validity because binary data is rarely valid UTF-8 and "binary" is the
// more useful message.
func checkText(data []byte) error {
	if len(bytes.TrimSpace(bytes.TrimPrefix(data, []byte(bom)))) == 0 {
		return ErrEmpty
	}
	if isBinary(data) {
		return ErrBinary
	}
	if !utf8.Valid(data) {
		return &InvalidUTF8Error{Offset: firstInvalidUTF8(data)}
	}
	return nil
}

const bom = "\uFEFF"

// isBinary: any NUL, or more than 1 in 20 bytes a control character other
// than the whitespace ones text uses (tab, newlines, vertical tab, form
// feed).
//
// It reads 32 bytes at a time: most blocks of text hold no control at all,
// and in one that may (mostly for a line break) the words that may are
// counted, without a branch per byte.
func isBinary(data []byte) bool {
	controls := 0
	rest := data
	for ; len(rest) >= 32; rest = rest[32:] {
		// The words are read again below rather than kept, which leaves
		// their registers free for the constants.
		if printable(word(rest, 0))&printable(word(rest, 8))&printable(word(rest, 16))&printable(word(rest, 24))&highBits == highBits {
			continue
		}
		for k := 0; k < 32; k += 8 {
			w := word(rest, k)
			if printable(w)&highBits == highBits {
				continue
			}
			if zeroBytes(w) != 0 {
				return true
			}
			controls += bits.OnesCount64(asciiControls(w) &^ textSpaces(w))
		}
	}
	n, nul := countControls(rest)
	return nul || (controls+n)*20 > len(data)
}

// word is the 8 bytes of b from i.
func word(b []byte, i int) uint64 { return binary.LittleEndian.Uint64(b[i:]) }

// The helpers below mark each byte of a word by its high bit (0x80) in the
// result. Masking the high bits off first leaves each byte at most 0x7f, so
// adding a constant of at most 0x80 a byte never carries into the next byte
// and every mark is exact.
const (
	lowBits  = 0x0101010101010101
	highBits = 0x80 * lowBits
	low7Bits = 0x7f * lowBits
)

// printable sets the high bit of each byte of w whose low seven bits are
// neither below 0x20 nor 0x7f, a first test cheaper than asciiControls: it
// leaves clear the high bit of every control, and of 0x80 to 0x9f and 0xff,
// which the exact count then drops. The low seven bits plus one, wrapped to
// seven bits, are below 0x21 for exactly those; adding 0x5f sets the high
// bit of the rest. The result's other bits mean nothing.
func printable(w uint64) uint64 {
	wrapped := ((w & low7Bits) + lowBits) & low7Bits
	return wrapped + (0x80-0x21)*lowBits
}

// asciiControls marks the bytes below 0x20 and DEL.
func asciiControls(w uint64) uint64 {
	low7 := w & low7Bits
	below20 := ^(low7 + 0x60*lowBits)
	del := low7 + 0x01*lowBits
	return (below20 | del) &^ w & highBits
}

// textSpaces marks the bytes whose low seven bits are tab, line feed,
// vertical tab, form feed or carriage return (0x09 to 0x0d); with
// asciiControls, those bytes themselves.
func textSpaces(w uint64) uint64 {
	low7 := w & low7Bits
	return (low7 + (0x80-0x09)*lowBits) &^ (low7 + (0x80-0x0e)*lowBits) & highBits
}

// zeroBytes marks the NUL bytes.
func zeroBytes(w uint64) uint64 {
	return ^((w & low7Bits) + low7Bits) &^ w & highBits
}

// countControls counts the bytes of data that isBinary counts, and tells
// whether one is NUL.
func countControls(data []byte) (n int, nul bool) {
	for _, b := range data {
		switch {
		case b == 0:
			return n, true
		case b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v', b == 0x7f:
			n++
		}
	}
	return n, false
}

func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}

func normaliseNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// hasHTMLExtension looks at the path of source, which may be a URL with a
// query or fragment.
func hasHTMLExtension(source string) bool {
	p := source
	// Only a source with a colon can be a URL with a scheme.
	if strings.Contains(source, ":") {
		if u, err := url.Parse(source); err == nil && u.Scheme != "" && u.Host != "" {
			p = u.Path
		}
	}
	switch strings.ToLower(path.Ext(p)) {
	case ".html", ".htm":
		return true
	}
	return false
}

// htmlMarkers are tags that show text starting with "<" is a page or a
// fragment of one rather than prose.
var htmlMarkers = []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<article", "<div", "<p>", "<p "}

// looksLikeHTML sniffs text that starts with markup (after a BOM, blank
// space, an XML declaration or a comment) and names an HTML tag early on.
func looksLikeHTML(text string) bool {
	t := strings.TrimLeft(strings.TrimPrefix(text, bom), " \t\n\f\v")
	if !strings.HasPrefix(t, "<") {
		return false
	}
	if len(t) > 1024 {
		t = t[:1024]
	}
	t = strings.ToLower(t)
	for _, m := range htmlMarkers {
		if strings.Contains(t, m) {
			return true
		}
	}
	return false
}

// parseHeader fills doc from a "key: value" header ended by a line "---", and
// reports whether text has one. The head must be made of key-value lines
// only (a leading "---" line, as in front matter, is allowed) and name at
// least one known key, so that prose with a horizontal rule is not taken for
// a header. A header closed by "---" at the very end has an empty body.
func parseHeader(doc *Document, text string) bool {
	head, body, found := strings.Cut(text, headerSep)
	if !found {
		head, found = strings.CutSuffix(text, "\n---")
		body = ""
	}
	if !found {
		return false
	}
	// The first value of each known key counts.
	var u, title, published string
	var hasURL, hasTitle, hasPublished bool
	i := 0
	for line := range strings.SplitSeq(strings.TrimPrefix(head, bom), "\n") {
		line = strings.TrimSpace(line)
		frontMatter := i == 0 && line == "---"
		i++
		if line == "" || frontMatter {
			continue
		}
		key, value, ok := headerLine(line)
		if !ok {
			return false
		}
		// A key is ASCII, which folds to a key of its own length only.
		switch {
		case !hasURL && len(key) == len("url") && strings.EqualFold(key, "url"):
			u, hasURL = value, true
		case !hasTitle && len(key) == len("title") && strings.EqualFold(key, "title"):
			title, hasTitle = value, true
		case !hasPublished && len(key) == len("published") && strings.EqualFold(key, "published"):
			published, hasPublished = value, true
		}
	}
	if !hasURL && !hasTitle && !hasPublished {
		return false
	}
	if strings.EqualFold(u, "unknown") {
		u = ""
	}
	doc.URL = u
	doc.Title = title
	doc.Published = NormaliseDate(published)
	doc.Body = body
	doc.Format = FormatHeader
	return true
}

// headerLine reads a line of a header, trimmed, as the pattern
// ^([A-Za-z][A-Za-z0-9_-]*)[ \t]*:[ \t]*(.*)$ does, and returns the key and
// the value trimmed. The key's letters cannot be white space or a colon, so
// the pattern has no choice to make.
func headerLine(line string) (key, value string, ok bool) {
	if line == "" || !isASCIILetter(line[0]) {
		return "", "", false
	}
	k := 1
	for k < len(line) && (isASCIILetter(line[k]) || '0' <= line[k] && line[k] <= '9' || line[k] == '_' || line[k] == '-') {
		k++
	}
	colon := k
	for colon < len(line) && (line[colon] == ' ' || line[colon] == '\t') {
		colon++
	}
	if colon == len(line) || line[colon] != ':' {
		return "", "", false
	}
	return line[:k], strings.TrimSpace(line[colon+1:]), true
}

func isASCIILetter(c byte) bool { return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' }

// parsePlain keeps the whole text as the body and takes a short first line
// as the title.
func parsePlain(doc *Document, text string) {
	doc.Body = text
	doc.Format = FormatText
	for line := range strings.SplitSeq(strings.TrimPrefix(text, bom), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if utf8.RuneCountInString(line) < maxTitleRunes {
			doc.Title = line
		}
		return
	}
}
