package document

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// devDir holds the evaluation articles, shared beside the repository.
const devDir = "../../../shared/eval/dev"

func TestParseHeaderDevFiles(t *testing.T) {
	mali := filepath.Join(devDir, "00_mali_norinco.txt")
	senegal, _ := filepath.Glob(filepath.Join(devDir, "01_*.txt"))
	if _, err := os.Stat(mali); err != nil || len(senegal) != 1 {
		t.Skipf("evaluation files not found in %s", devDir)
	}
	tests := []struct {
		path, url, title, published string
	}{
		{mali, "", "Malian Junta visits China, signs arms contract with Norinco", ""},
		{senegal[0], "https://example.org/2023/06/16/senegal-commissions-second-patrol-vessel",
			"Senegal commissions second French-built offshore patrol vessel", "2023-06-16"},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.path), func(t *testing.T) {
			data, err := os.ReadFile(tt.path)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Parse(tt.path, data)
			if err != nil {
				t.Fatal(err)
			}
			_, want, _ := strings.Cut(string(data), "\n---\n")
			if doc.Body != want {
				t.Errorf("Body differs from the text after the first \\n---\\n (got %d bytes, want %d)", len(doc.Body), len(want))
			}
			got := [...]string{doc.Source, doc.URL, doc.Title, doc.Published, doc.Format}
			exp := [...]string{tt.path, tt.url, tt.title, tt.published, FormatHeader}
			if got != exp {
				t.Errorf("got %q, want %q", got, exp)
			}
		})
	}
}

func TestParseHeaderInline(t *testing.T) {
	tests := []struct {
		name, in                    string
		url, title, published, body string
	}{
		{
			name:      "body kept byte for byte, later rules stay in the body",
			in:        "url: https://example.org/a\ntitle:  Spaced title \npublished: 2024-09-03\n---\n\n  Indented first line.\n---\nStill body.\n\n",
			url:       "https://example.org/a",
			title:     "Spaced title",
			published: "2024-09-03",
			body:      "\n  Indented first line.\n---\nStill body.\n\n",
		},
		{
			name:      "keys in any case and order, unknown keys ignored, first value wins",
			in:        "Published: 3 September 2024\nauthor: Someone\nTITLE: First\ntitle: Second\n---\nText.",
			title:     "First",
			published: "2024-09-03",
			body:      "Text.",
		},
		{
			name:      "unknown url and date",
			in:        "url: unknown\ntitle: T\npublished: unknown\n---\nText.",
			title:     "T",
			published: "",
			body:      "Text.",
		},
		{
			name:      "timestamp date",
			in:        "published: 2024-09-03T10:00:00Z\n---\nText.",
			published: "2024-09-03",
			body:      "Text.",
		},
		{
			name:      "US date",
			in:        "published: September 3, 2024\n---\nText.",
			published: "2024-09-03",
			body:      "Text.",
		},
		{
			name:  "front matter opening rule",
			in:    "---\ntitle: T\n---\nText.",
			title: "T",
			body:  "Text.",
		},
		{
			// Python's text mode reads "\r\n" as "\n", and so does the scorer.
			name:      "CRLF line ends read as the scorer reads them",
			in:        "title: T\r\npublished: 2024-09-03\r\n---\r\nLine one.\r\nLine two.\rLine three.",
			title:     "T",
			published: "2024-09-03",
			body:      "Line one.\nLine two.\nLine three.",
		},
		{
			name:  "byte order mark before the header",
			in:    "\uFEFFtitle: T\n---\nText.",
			title: "T",
			body:  "Text.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse("in.txt", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			got := [...]string{doc.URL, doc.Title, doc.Published, doc.Body, doc.Format}
			exp := [...]string{tt.url, tt.title, tt.published, tt.body, FormatHeader}
			if got != exp {
				t.Errorf("got  %q\nwant %q", got, exp)
			}
		})
	}
}

func TestParsePlainText(t *testing.T) {
	long := strings.Repeat("word ", 50)
	tests := []struct {
		name, in, title string
	}{
		{"first non-empty line is the title", "\n\n  Navy buys boats  \n\nThe navy bought boats.\n", "Navy buys boats"},
		{"a long first line is no title", long + "\nMore.", ""},
		{"a rule under prose is not a header", "Summary: the navy bought boats\nin March.\n---\nMore text.", "Summary: the navy bought boats"},
		{"key lines without a known key are not a header", "note: draft\n---\nText.", "note: draft"},
		{"a rule at the very start is not a header", "---\nText.", "---"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse("article.txt", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if doc.Body != tt.in || doc.Format != FormatText || doc.Title != tt.title || doc.URL != "" || doc.Published != "" {
				t.Errorf("got %+v", doc)
			}
		})
	}
}

func TestNormaliseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2024-09-03", "2024-09-03"},
		{" 2024-9-3 ", "2024-09-03"},
		{"2024/09/03", "2024-09-03"},
		{"2024.09.03", "2024-09-03"},
		{"2024-09-03T10:00:00Z", "2024-09-03"},
		{"2024-09-03t10:00:00z", "2024-09-03"},
		{"2024-09-03T23:30:00-05:00", "2024-09-03"},
		{"2024-09-03 10:00:00", "2024-09-03"},
		{"20240903", "2024-09-03"},
		{"20240903T100000Z", "2024-09-03"},
		{"3 September 2024", "2024-09-03"},
		{"03 Sep 2024", "2024-09-03"},
		{"3rd of Sept. 2024", "2024-09-03"},
		{"3-Sep-2024", "2024-09-03"},
		{"3 September, 2024", "2024-09-03"},
		{"September 3, 2024", "2024-09-03"},
		{"Sept. 3rd, 2024", "2024-09-03"},
		{"SEPTEMBER 3 2024", "2024-09-03"},
		{"Tuesday, 3 September 2024", "2024-09-03"},
		{"Tue, 03 Sep 2024 10:00:00 GMT", "2024-09-03"},
		{"Wednesday, September 4, 2024 at 10:00", "2024-09-04"},
		{"29 February 2024", "2024-02-29"},
		{"25/12/2024", "2024-12-25"},
		{"12/25/2024", "2024-12-25"},
		{"03/09/2024", ""}, // day-month or month-day: cannot tell
		{"29 February 2023", ""},
		{"2024-06-31", ""},
		{"2024-13-01", ""},
		{"2024-00-10", ""},
		{"0999-01-01", ""},
		{"September 2024", ""},
		{"2024", ""},
		{"3 Septober 2024", ""},
		{"2024-09-031", ""},
		{"32 May 2024", ""},
		{"unknown", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := NormaliseDate(tt.in); got != tt.want {
			t.Errorf("NormaliseDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// chromePage is an article page with the usual site chrome around the text.
const chromePage = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Harbour Gazette | Coastland takes delivery of two patrol boats</title>
  <meta property="og:title" content="Coastland navy takes delivery of two Kestrel-class patrol boats">
  <meta property="og:url" content="https://gazette.example/defence/coastland-kestrel-boats">
  <meta property="article:published_time" content="2024-03-05T08:30:00+01:00">
  <meta name="description" content="Two patrol boats arrived at Port Amber on Monday.">
  <link rel="canonical" href="/2024/03/05/coastland-kestrel-boats">
  <script type="application/ld+json">
  {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Coastland boats", "datePublished": "2024-03-04"}
  </script>
  <style>.cookie-banner { position: fixed; }</style>
</head>
<body>
  <header class="site-header">
    <a class="logo" href="/">Harbour Gazette</a>
    <nav class="main-nav">
      <ul>
        <li><a href="/news">News</a></li>
        <li><a href="/defence">Defence</a></li>
        <li><a href="/economy">Economy</a></li>
        <li><a href="/subscribe">Subscribe</a></li>
      </ul>
    </nav>
  </header>
  <div id="cookie-banner" class="cookie-banner" role="dialog">
    <p>We use cookies to improve your experience. By continuing you accept our cookie policy.</p>
    <button>Accept all cookies</button>
  </div>
  <main>
    <article class="post">
      <h1 class="entry-title">Coastland navy takes delivery of two Kestrel-class patrol boats</h1>
      <div class="byline">By A. Writer &middot; <time datetime="2024-03-06">6 March 2024</time></div>
      <div class="share-buttons">
        <a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email this</a>
      </div>
      <div class="entry-content">
        <p>The Coastland navy took delivery of two Kestrel-class patrol boats on Monday, the defence
           ministry said, completing an order of four vessels placed with the Nordhaven shipyard in 2022.</p>
        <p>The boats, each 38&nbsp;metres long and armed with a 30 mm cannon, sailed from the yard and
           arrived at Port Amber after a ten-day transit. A ceremony attended by the chief of naval
           staff marked their entry into service.</p>
        <h2>Fisheries patrols</h2>
        <p>Officials said the vessels will patrol the exclusive economic zone against illegal fishing
           and smuggling, tasks until now carried out by two ageing boats built in the 1980s.</p>
        <blockquote><p>“These ships give us eyes and teeth at sea,” the minister told reporters.</p></blockquote>
        <p>The first pair of Kestrel boats was handed over in September last year. The contract also
           covers training for 60 crew members and spare parts for five years.</p>
      </div>
      <div class="share-buttons social-share">
        <a href="#">Share</a> <a href="#">Tweet</a>
      </div>
    </article>
    <aside class="related-articles">
      <h3>Related articles</h3>
      <ul>
        <li><a href="/a">Neighbouring state orders coastal radars</a></li>
        <li><a href="/b">Shipyard wins export contract for tugboats</a></li>
        <li><a href="/c">Opinion: why small navies buy patrol boats</a></li>
      </ul>
    </aside>
  </main>
  <footer class="site-footer">
    <p>&copy; 2024 Harbour Gazette. All rights reserved.</p>
    <p><a href="/privacy">Privacy policy</a> | <a href="/terms">Terms of use</a> | <a href="/contact">Contact us</a></p>
  </footer>
  <script>window.trackPageView && window.trackPageView();</script>
</body>
</html>
`

func TestParseHTMLWithSiteChrome(t *testing.T) {
	path := filepath.Join(t.TempDir(), "coastland.html")
	if err := os.WriteFile(path, []byte(chromePage), 0o644); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Parse(path, data)
	if err != nil {
		t.Fatal(err)
	}
	wantParas := []string{
		"The Coastland navy took delivery of two Kestrel-class patrol boats on Monday, the defence ministry said, completing an order of four vessels placed with the Nordhaven shipyard in 2022.",
		"The boats, each 38 metres long and armed with a 30 mm cannon, sailed from the yard and arrived at Port Amber after a ten-day transit. A ceremony attended by the chief of naval staff marked their entry into service.",
		"Fisheries patrols",
		"Officials said the vessels will patrol the exclusive economic zone against illegal fishing and smuggling, tasks until now carried out by two ageing boats built in the 1980s.",
		"“These ships give us eyes and teeth at sea,” the minister told reporters.",
		"The first pair of Kestrel boats was handed over in September last year. The contract also covers training for 60 crew members and spare parts for five years.",
	}
	if want := strings.Join(wantParas, "\n\n"); doc.Body != want {
		t.Errorf("Body:\n%s\nwant:\n%s", doc.Body, want)
	}
	for _, chrome := range []string{"Subscribe", "cookies", "Share", "Tweet", "Related articles", "tugboats", "All rights reserved", "Privacy policy", "trackPageView", "position: fixed"} {
		if strings.Contains(doc.Body, chrome) {
			t.Errorf("Body keeps site chrome %q", chrome)
		}
	}
	got := [...]string{doc.Source, doc.Format, doc.Title, doc.Published, doc.URL}
	exp := [...]string{
		path, FormatHTML,
		"Coastland navy takes delivery of two Kestrel-class patrol boats", // og:title, not <title>
		"2024-03-05", // article:published_time before JSON-LD and <time>
		"https://gazette.example/2024/03/05/coastland-kestrel-boats", // canonical, resolved against og:url
	}
	if got != exp {
		t.Errorf("got  %q\nwant %q", got, exp)
	}
}

// TestParseHTMLShortArticleEndingOnAd is a short article (few commas) whose
// body ends on an ad slot, with an author box and reader comments around it
// that outweigh it: go-readability once dropped the paragraphs and kept those.
func TestParseHTMLShortArticleEndingOnAd(t *testing.T) {
	paras := []string{
		"Northland signed a contract for six coastal radars with Vega Systems on Tuesday. The deal ends a tender that began two years ago.",
		"The radars will watch the northern straits from 2026. The ministry did not give a price. Analysts put it near 90 million euros.",
		"Advertisement",
		"Vega Systems will train the operators at its plant in Ostria. The first crews start in May. The company also sells to the coast guard, which spends little on <b>advertising</b>.",
	}
	comment := `<div class="comment"><span class="who">Ines</span> <span class="when">2 hours ago</span><p>Another overpriced deal. The money would do more good on roads and clinics.</p><a href="#">Reply</a></div>`
	page := `<html><head><title>Northland buys radars</title></head><body><main><article>
<h1>Northland buys radars</h1>
<p class="byline">By <a href="/authors/ana-lind">Ana Lind</a>, staff reporter</p>
<div class="entry-content"><p>` + strings.Join(paras, "</p>\n<p>") + `</p>
<p>Advertisement</p>
</div>
<div class="author-box"><p>Ana Lind covers defence procurement and security policy for the Northland Courier. Send tips to newsdesk@courier.example.</p></div>
<section class="newsletter"><h2>Get the morning briefing</h2><p>The day's security news in your inbox before 7 a.m. Free, cancel anytime.</p></section>
<section class="comments"><h2>Comments (4)</h2>` + strings.Repeat(comment, 4) + `</section>
</article></main></body></html>`
	doc, err := Parse("radars.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	// The author box may follow: a sibling paragraph of prose, which
	// Readability keeps too.
	want := strings.ReplaceAll(strings.Join(paras, "\n\n"), "<b>advertising</b>", "advertising")
	if !strings.HasPrefix(doc.Body, want+"\n\n") {
		t.Errorf("Body:\n%s\nwant it to start with:\n%s", doc.Body, want)
	}
	for _, chrome := range []string{"staff reporter", "briefing", "Comments", "overpriced", "Reply"} {
		if strings.Contains(doc.Body, chrome) {
			t.Errorf("Body keeps %q", chrome)
		}
	}
}

func TestParseHTMLMetadataFallbacks(t *testing.T) {
	const paraText = "The air force received its first transport aircraft from the manufacturer this week, officials said at the ceremony."
	const para = "<p>" + paraText + "</p>"
	tests := []struct {
		name, source, page          string
		title, published, url, body string
	}{
		{
			name:      "JSON-LD graph date, og:url, readability title from <title>",
			source:    "https://news.example/story.htm?ref=feed",
			page:      `<html><head><title>Air force gets transport aircraft - News Example</title><meta property="og:url" content="https://news.example/story"><script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2023-11-14T09:00:00Z"}]}</script></head><body>` + para + `</body></html>`,
			title:     "Air force gets transport aircraft",
			published: "2023-11-14",
			url:       "https://news.example/story",
		},
		{
			name:      "meta name=date, sniffed without an extension",
			source:    "stdin",
			page:      "\n<!doctype html><html><head><meta name=\"date\" content=\"14 November 2023\"><title>Plain title</title></head><body>" + para + "</body></html>",
			title:     "Plain title",
			published: "2023-11-14",
		},
		{
			name:      "time datetime, relative canonical kept without a base",
			source:    "saved/page.html",
			page:      `<html><head><link rel="Canonical" href="/story"></head><body><article><time datetime="bad">?</time><time datetime="2023-11-14">14 Nov</time>` + para + `</article></body></html>`,
			published: "2023-11-14",
			url:       "/story",
			body:      "?14 Nov\n\n" + paraText,
		},
		{
			name:      "dc.date and itemprop",
			source:    "page.HTML",
			page:      `<html><head><meta name="DC.date" content="2023-11-14"></head><body><span itemprop="datePublished">1 January 2020</span>` + para + `</body></html>`,
			published: "2023-11-14",
			body:      "1 January 2020\n\n" + paraText,
		},
		{
			name:      "itemprop text when no meta",
			source:    "page.html",
			page:      `<html><body><span itemprop="datePublished">14 November 2023</span>` + para + `</body></html>`,
			published: "2023-11-14",
			body:      "14 November 2023\n\n" + paraText,
		},
		{
			name:   "readability finds nothing: visible body text without script, style or hidden parts",
			source: "page.html",
			page:   `<html><head><style>p{}</style></head><body><script>var x = 1;</script><aside>Brief: two trainers <br>delivered.</aside><div hidden>secret</div><div style="display: none">gone</div></body></html>`,
			body:   "Brief: two trainers delivered.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse(tt.source, []byte(tt.page))
			if err != nil {
				t.Fatal(err)
			}
			if tt.body == "" {
				tt.body = paraText
			}
			got := [...]string{doc.Format, doc.Title, doc.Published, doc.URL, doc.Body}
			exp := [...]string{FormatHTML, tt.title, tt.published, tt.url, tt.body}
			if got != exp {
				t.Errorf("got  %q\nwant %q", got, exp)
			}
		})
	}
}

func TestParseHTMLDeepNesting(t *testing.T) {
	const n = 3000
	page := "<html><body>" + strings.Repeat("<div>", n) + "deep text" + strings.Repeat("</div>", n) + "</body></html>"
	doc, err := Parse("deep.html", []byte(page))
	if err != nil || doc.Body != "deep text" {
		t.Errorf("got %v, %v", doc, err)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, source, in string
		want             error
		msg              string
	}{
		{"empty", "a.txt", "", ErrEmpty, "empty document"},
		{"only white space", "a.txt", " \n\t\r\n\u00a0", ErrEmpty, "empty document"},
		{"NUL byte", "a.txt", "title: x\n---\nab\x00cd", ErrBinary, "binary content, not text"},
		{"control characters", "a.txt", "\x01\x02\x03\x1bhello", ErrBinary, "binary content, not text"},
		{"header without body", "a.txt", "title: x\n---\n", ErrEmptyBody, "empty body"},
		{"header with blank body", "a.txt", "title: x\n---\n\n  \n", ErrEmptyBody, "empty body"},
		{"header ends the file", "a.txt", "title: x\n---", ErrEmptyBody, "empty body"},
		{"page without text", "a.html", "<html><body><img src=x.png></body></html>", ErrEmptyBody, "empty body"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse(tt.source, []byte(tt.in))
			if !errors.Is(err, tt.want) || err.Error() != tt.msg {
				t.Errorf("got %v, %v; want %v", doc, err, tt.msg)
			}
		})
	}

	t.Run("invalid UTF-8", func(t *testing.T) {
		_, err := Parse("a.txt", []byte("title: Caf\xe9\n---\nbody"))
		var bad *InvalidUTF8Error
		if !errors.As(err, &bad) || bad.Offset != 10 || err.Error() != "not valid UTF-8 at byte 10" {
			t.Errorf("got %v", err)
		}
	})

	t.Run("file from disk", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "blob.bin")
		if err := os.WriteFile(path, []byte{0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d}, 0o644); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Parse(path, data); !errors.Is(err, ErrBinary) {
			t.Errorf("got %v, want %v", err, ErrBinary)
		}
	})
}
