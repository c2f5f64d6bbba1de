package document

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/url"
	"regexp"
	"slices"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Meta keys (property, name or itemprop, lower-cased) that give the
// publication date, best first.
var publishedKeys = []string{
	"article:published_time", "og:published_time",
	"date", "pubdate", "publish-date", "publish_date", "publishdate",
	"dc.date", "dc.date.issued", "dcterms.issued", "dcterms.created",
	"datepublished",
}

// maxReadabilityDepth bounds the element nesting handed to readability, whose
// time grows with the square of the depth (20,000 nested divs took 40 s);
// real pages nest a few dozen levels, deeper ones get the fallback.
const maxReadabilityDepth = 512

// parseHTML fills doc from a page: the main text found by readability, or
// every visible text of <body> when readability finds none, and title, date
// and address from the page's metadata. text is valid UTF-8, so the page is
// parsed as such rather than through readability's charset guessing.
func parseHTML(doc *Document, text string) error {
	root, err := html.Parse(strings.NewReader(text))
	if err != nil {
		// The parser refuses pages nested deeper than it keeps a stack for;
		// their text is still there to read, token by token.
		body := tokenText(text)
		if body == "" {
			return fmt.Errorf("parsing HTML: %w", err)
		}
		doc.Body, doc.Format = body, FormatHTML
		return nil
	}
	meta := collectMeta(root)

	body := ""
	var article readability.Article
	if meta.depth <= maxReadabilityDepth {
		removeAdLabels(root)
		article, err = readability.FromDocument(root, nil)
		if err == nil && article.Node != nil {
			body = renderText(article.Node)
		}
	}
	if body == "" {
		body = renderText(findElement(root, atom.Body))
	}
	if body == "" {
		return ErrEmptyBody
	}

	doc.Body = body
	doc.Format = FormatHTML
	doc.Title = firstNonEmpty(meta.values["og:title"], collapse(article.Title()), meta.title)
	for _, key := range publishedKeys {
		if d := NormaliseDate(meta.values[key]); d != "" {
			doc.Published = d
			break
		}
	}
	if doc.Published == "" {
		doc.Published = firstDate(meta.jsonLDDates, meta.timeDates)
	}
	doc.URL = pageURL(meta.canonical, meta.values["og:url"], doc.Source)
	return nil
}

// rxAdLabel is the whole text of an ad slot's label or of a loading
// placeholder: the words go-readability's cleanConditionally looks for.
var rxAdLabel = regexp.MustCompile(`(?i)^(ad(vertising|vertisement)?|pub(licité)?|werb(ung)?|广告|Реклама|anuncio|(loading|正在加载|Загрузка|chargement|cargando)(…|\.\.\.)?)$`)

// maxAdLabel bounds, in bytes, the text gathered to compare with rxAdLabel.
const maxAdLabel = 32

// removeAdLabels deletes, under n, each block whose whole text is an ad or
// loading label ("Advertisement" over an ad slot) and which ends a parent
// holding other text, and returns n's text while it is short enough to be a
// label. go-readability judges a container with fewer than ten commas by its
// last text alone (Readability.js by its whole text), so a short article
// ending on an ad slot lost all its paragraphs. Labels elsewhere are kept,
// as Readability keeps them.
func removeAdLabels(n *html.Node) (text string, short bool) {
	var parts []string
	size, withText := 0, 0
	short = true
	var label *html.Node // the last child with text, if it is a label block
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		t, ok := "", true
		switch {
		case c.Type == html.TextNode:
			t = strings.TrimSpace(c.Data)
		case c.Type == html.ElementNode && !skippedElements[c.DataAtom]:
			t, ok = removeAdLabels(c)
		}
		if t == "" && ok {
			continue
		}
		withText++
		label = nil
		if ok && blockElements[c.DataAtom] && rxAdLabel.MatchString(t) {
			label = c
		}
		size += len(t)
		if short = short && ok && size <= maxAdLabel; short {
			parts = append(parts, t)
		}
	}
	if label != nil && withText > 1 {
		n.RemoveChild(label)
		if short {
			parts = parts[:len(parts)-1]
		}
	}
	if !short {
		return "", false
	}
	return strings.Join(parts, " "), true
}

// tokenText is the visible text of a page read without building its tree:
// text outside the elements that show nothing, one paragraph a text run.
func tokenText(text string) string {
	z := html.NewTokenizer(strings.NewReader(text))
	var parts []string
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return strings.Join(parts, "\n\n")
		case html.StartTagToken:
			if name, _ := z.TagName(); skippedElements[atom.Lookup(name)] {
				skip++
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); skippedElements[atom.Lookup(name)] && skip > 0 {
				skip--
			}
		case html.TextToken:
			if t := collapse(string(z.Text())); skip == 0 && t != "" {
				parts = append(parts, t)
			}
		}
	}
}

// pageMeta is what the page says about itself outside its text.
type pageMeta struct {
	values      map[string]string // meta content by property, name or itemprop; first wins
	title       string            // <title>
	canonical   string            // <link rel=canonical href>
	jsonLDDates []string          // datePublished values in JSON-LD, outermost first
	timeDates   []string          // <time datetime> values in page order
	depth       int               // deepest element nesting
}

func collectMeta(root *html.Node) pageMeta {
	m := pageMeta{values: map[string]string{}}
	var walk func(*html.Node, int)
	walk = func(n *html.Node, depth int) {
		m.depth = max(m.depth, depth)
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				content := collapse(attr(n, "content"))
				for _, k := range []string{"property", "name", "itemprop"} {
					key := strings.ToLower(strings.TrimSpace(attr(n, k)))
					if _, seen := m.values[key]; key != "" && content != "" && !seen {
						m.values[key] = content
					}
				}
			case atom.Link:
				if m.canonical == "" && hasToken(attr(n, "rel"), "canonical") {
					m.canonical = strings.TrimSpace(attr(n, "href"))
				}
			case atom.Title:
				if m.title == "" {
					m.title = collapse(textContent(n))
				}
			case atom.Script:
				if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
					m.jsonLDDates = append(m.jsonLDDates, jsonLDDates(textContent(n))...)
				}
			case atom.Time:
				if d := attr(n, "datetime"); d != "" {
					m.timeDates = append(m.timeDates, d)
				}
			}
			// Microdata on a visible element: <time itemprop="datePublished" datetime=...>.
			if strings.EqualFold(attr(n, "itemprop"), "datePublished") && n.DataAtom != atom.Meta {
				d := firstNonEmpty(attr(n, "datetime"), collapse(textContent(n)))
				if _, seen := m.values["datepublished"]; d != "" && !seen {
					m.values["datepublished"] = d
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(root, 0)
	return m
}

// jsonLDDates returns the datePublished values of a JSON-LD block, searching
// objects, arrays and @graph breadth first so the page's own article comes
// before the items it cites. Malformed JSON gives none.
func jsonLDDates(src string) []string {
	var v any
	if json.Unmarshal([]byte(src), &v) != nil {
		return nil
	}
	var dates []string
	queue := []any{v}
	for len(queue) > 0 {
		switch x := queue[0].(type) {
		case map[string]any:
			if d, ok := x["datePublished"].(string); ok {
				dates = append(dates, d)
			}
			// Sorted keys keep the order, and so the date chosen, stable.
			for _, k := range slices.Sorted(maps.Keys(x)) {
				queue = append(queue, x[k])
			}
		case []any:
			queue = append(queue, x...)
		}
		queue = queue[1:]
	}
	return dates
}

func firstDate(lists ...[]string) string {
	for _, list := range lists {
		for _, s := range list {
			if d := NormaliseDate(s); d != "" {
				return d
			}
		}
	}
	return ""
}

// pageURL prefers the canonical link to og:url. A relative canonical link is
// resolved against og:url or, failing that, against a source that is itself
// a web address.
func pageURL(canonical, ogURL, source string) string {
	if canonical == "" {
		return ogURL
	}
	ref, err := url.Parse(canonical)
	if err != nil || ref.IsAbs() {
		return canonical
	}
	for _, base := range []string{ogURL, source} {
		if b, err := url.Parse(base); err == nil && (b.Scheme == "http" || b.Scheme == "https") && b.Host != "" {
			return b.ResolveReference(ref).String()
		}
	}
	return canonical
}

// Elements that end a paragraph of the body text.
var blockElements = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Caption: true, atom.Dd: true, atom.Details: true, atom.Dialog: true, atom.Div: true,
	atom.Dl: true, atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true,
	atom.Footer: true, atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Header: true, atom.Hr: true, atom.Li: true, atom.Main: true,
	atom.Nav: true, atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true,
	atom.Summary: true, atom.Table: true, atom.Tr: true, atom.Ul: true,
}

// Elements whose content is never read as text.
var skippedElements = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Iframe: true, atom.Object: true, atom.Head: true,
	atom.Select: true, atom.Textarea: true,
}

// renderText returns the visible text under n as paragraphs separated by a
// blank line, with the white space inside each paragraph collapsed.
func renderText(n *html.Node) string {
	if n == nil {
		return ""
	}
	var paras []string
	var cur strings.Builder
	flush := func() {
		if p := collapse(cur.String()); p != "" {
			paras = append(paras, p)
		}
		cur.Reset()
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			if skippedElements[n.DataAtom] || isHidden(n) {
				return
			}
			switch {
			case blockElements[n.DataAtom]:
				flush()
				defer flush()
			case n.DataAtom == atom.Br, n.DataAtom == atom.Td, n.DataAtom == atom.Th:
				// Keep words on either side of a line break or cell border apart.
				cur.WriteByte(' ')
			}
		case html.DocumentNode:
		default:
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	flush()
	return strings.Join(paras, "\n\n")
}

func isHidden(n *html.Node) bool {
	if _, ok := attrValue(n, "hidden"); ok || strings.EqualFold(attr(n, "aria-hidden"), "true") {
		return true
	}
	style := strings.ToLower(strings.Join(strings.Fields(attr(n, "style")), ""))
	return strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden")
}

func findElement(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if found := findElement(c, a); found != nil {
			return found
		}
	}
	return nil
}

func textContent(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func attrValue(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val, true
		}
	}
	return "", false
}

func attr(n *html.Node, key string) string {
	v, _ := attrValue(n, key)
	return v
}

func hasToken(list, token string) bool {
	for _, t := range strings.Fields(list) {
		if strings.EqualFold(t, token) {
			return true
		}
	}
	return false
}

func collapse(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}
