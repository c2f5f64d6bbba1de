package main

import (
	"fmt"
	"html"
	"strings"

	"github.com/dossier-osint/dossier/bench/internal/benchfile"
)

// site is an invented news outlet: its name and the class names and layout
// its pages use, so that main-text extraction meets more than one template.
type site struct {
	name, domain string
	sections     []string
	bodyClass    string // the element around the article's paragraphs
	// What the outlet puts among the paragraphs, as many do: a "Read also"
	// link, or a newsletter box and a "More on this story" list.
	inlineLinks, promoInBody bool
	// readerComments shows comments with their text below the article.
	readerComments bool
}

var sites = []site{
	{name: "The Meridian Security Review", domain: "meridian-review.example", bodyClass: "post-content", inlineLinks: true,
		sections: []string{"World", "Defence", "Air", "Land", "Sea", "Industry", "Opinion", "Podcasts"}},
	{name: "Harbourline Daily", domain: "harbourline.example", bodyClass: "story-body", promoInBody: true,
		sections: []string{"News", "Politics", "Business", "Security", "Africa", "Asia", "Europe", "Americas"}},
	{name: "Frontier Monitor", domain: "frontier-monitor.example", bodyClass: "entry-content", inlineLinks: true, readerComments: true,
		sections: []string{"Home", "Analysis", "Procurement", "Conflicts", "Technology", "Video", "Newsletters"}},
}

var comments = []string{
	"Another overpriced deal. The money would do more good on roads and clinics.",
	"Good news for the border regions, about time the army got proper kit.",
	"Who maintains all this after the warranty runs out? Nobody ever asks that.",
	"The article does not say how the purchase was financed. Loans again?",
	"My cousin serves in that unit and they still lack basic radios.",
}

var headlineForms = []string{
	"%s weighs %s upgrade as defence budget grows", "%s parliament questions cost of %s programme",
	"Analysis: what the %s deal means for %s", "%s and %s hold first joint naval drills",
	"%s opens tender for %s maintenance contract", "Satellite images show %s activity near %s border",
}

// headline is a related-story title of the kind sidebars list.
func (w *newsWriter) headline() string {
	a, b := w.states[w.r.IntN(len(w.states))].Name, w.states[w.r.IntN(len(w.states))].Name
	return fmt.Sprintf(w.pick(headlineForms), a, b)
}

// links writes n related-story links as list items.
func (w *newsWriter) links(b *strings.Builder, s site, n int) {
	for range n {
		h := w.headline()
		fmt.Fprintf(b, "      <li><a href=\"https://%s/%s\">%s</a></li>\n", s.domain, slug(h), html.EscapeString(h))
	}
}

func slug(s string) string {
	return strings.Trim(strings.Map(func(r rune) rune {
		if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
			return r
		}
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return '-'
	}, s), "-")
}

// page wraps an article in the chrome of one of the invented sites: cookie
// banner, navigation, share buttons, inline and related links, a sidebar,
// comments and a footer. The article's text is the paragraphs of its body.
func (w *newsWriter) page(a article) string {
	s := sites[w.r.IntN(len(sites))]
	title, author := html.EscapeString(a.title), w.person()
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>%s | %s</title>
  <meta property="og:title" content="%s">
  <meta property="og:site_name" content="%s">
`, title, s.name, title, s.name)
	if a.url != "" && a.url != "unknown" {
		fmt.Fprintf(&b, "  <link rel=\"canonical\" href=\"%s\">\n", html.EscapeString(a.url))
	}
	if a.published != "" && a.published != "unknown" {
		fmt.Fprintf(&b, "  <meta property=\"article:published_time\" content=\"%sT07:30:00Z\">\n", a.published)
	}
	fmt.Fprintf(&b, `  <link rel="stylesheet" href="https://%s/assets/site.css">
  <script>window.dataLayer = window.dataLayer || []; dataLayer.push({section: "%s", paywall: false});</script>
</head>
<body class="article-page">
  <div id="cookie-consent" class="banner">
    <p>We use cookies and similar technologies to measure audiences and personalise content. You can change your choice at any time in Privacy settings.</p>
    <button class="accept">Accept all</button> <button class="reject">Reject non-essential</button> <a href="/privacy">Manage preferences</a>
  </div>
  <header class="masthead">
    <a class="logo" href="https://%s/">%s</a>
    <nav class="main-menu"><ul>
`, s.domain, s.sections[1], s.domain, s.name)
	for _, sec := range s.sections {
		fmt.Fprintf(&b, "      <li><a href=\"/%s\">%s</a></li>\n", slug(sec), sec)
	}
	b.WriteString(`    </ul></nav>
    <form class="search" action="/search"><input type="search" name="q" placeholder="Search"><button>Go</button></form>
    <a class="subscribe" href="/subscribe">Subscribe</a> <a class="login" href="/login">Sign in</a>
  </header>
  <div class="ticker"><span>Breaking:</span><ul>
`)
	w.links(&b, s, 3)
	fmt.Fprintf(&b, `  </ul></div>
  <main>
    <ol class="breadcrumb"><li><a href="/">Home</a></li><li><a href="/%s">%s</a></li></ol>
    <article>
      <h1>%s</h1>
      <p class="byline">By <a href="/authors/%s">%s</a>, staff reporter</p>
      <ul class="share"><li><a href="#">Facebook</a></li><li><a href="#">X</a></li><li><a href="#">LinkedIn</a></li><li><a href="#">WhatsApp</a></li><li><a href="#">Email</a></li><li><button>Copy link</button></li></ul>
      <div class="%s">
`, slug(s.sections[1]), s.sections[1], title, slug(author), author, s.bodyClass)
	for i, para := range strings.Split(strings.TrimSpace(a.body), "\n\n") {
		if benchfile.IsChrome(para) {
			// On the page, a line a scraper kept is a widget among the paragraphs.
			fmt.Fprintf(&b, "        <div class=\"widget\">%s</div>\n", html.EscapeString(para))
			continue
		}
		fmt.Fprintf(&b, "        <p>%s</p>\n", html.EscapeString(para))
		switch {
		case i == 0:
			fmt.Fprintf(&b, "        <figure><img src=\"https://%s/img/%d.jpg\" alt=\"\"><figcaption>Photo: %s / %s</figcaption></figure>\n",
				s.domain, w.r.IntN(100000), w.person(), s.name)
		case i == 1 && s.inlineLinks:
			h := w.headline()
			fmt.Fprintf(&b, "        <aside class=\"read-also\"><strong>Read also:</strong> <a href=\"/%s\">%s</a></aside>\n", slug(h), html.EscapeString(h))
		case i == 1 && s.promoInBody:
			b.WriteString("        <div class=\"promo\"><h3>Security Briefing</h3><p>Our newsletter brings you the week's defence deals, " +
				"analysis and the stories behind them, every Friday.</p><form><input type=\"email\"><button>Sign me up</button></form></div>\n")
		}
	}
	if s.promoInBody {
		b.WriteString("        <h3>More on this story</h3>\n        <ul>\n")
		w.links(&b, s, 3)
		b.WriteString("        </ul>\n")
	}
	fmt.Fprintf(&b, `      </div>
      <div class="tags">Tags: <a href="/tag/defence">defence</a> <a href="/tag/procurement">procurement</a> <a href="/tag/%s">%s</a></div>
      <div class="author-box"><p>%s covers defence procurement and security policy for %s. Send tips to newsdesk@%s.</p></div>
      <section class="newsletter"><h2>Get the morning briefing</h2><p>The day's security news in your inbox before 7 a.m. Free, cancel anytime.</p>
        <form><input type="email" placeholder="Your email"><button>Sign up</button></form></section>
      <section class="comments"><h2>Comments (%d)</h2>
`, slug(s.sections[2]), s.sections[2], author, s.name, s.domain, w.r.IntN(60))
	if s.readerComments {
		for range 2 + w.r.IntN(3) {
			fmt.Fprintf(&b, "        <div class=\"comment\"><span class=\"who\">%s</span> <span class=\"when\">%d hours ago</span><p>%s</p><a href=\"#\">Reply</a></div>\n",
				w.pick(firstNames), 2+w.r.IntN(22), w.pick(comments))
		}
	} else {
		b.WriteString("        <p>Comments are closed for this article. Read our community guidelines.</p>\n")
	}
	b.WriteString(`      </section>
    </article>
    <section class="related"><h2>Related articles</h2><ul>
`)
	w.links(&b, s, 4)
	b.WriteString(`    </ul></section>
  </main>
  <aside class="sidebar">
    <div class="ad-slot">Advertisement</div>
    <h2>Most read</h2><ol>
`)
	w.links(&b, s, 5)
	fmt.Fprintf(&b, `    </ol>
    <div class="ad-slot">Advertisement</div>
  </aside>
  <footer class="site-footer">
    <ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li><li><a href="/advertise">Advertise</a></li><li><a href="/careers">Careers</a></li><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li></ul>
    <p>Follow us: <a href="#">Facebook</a> · <a href="#">X</a> · <a href="#">YouTube</a> · <a href="#">Telegram</a></p>
    <p>&copy; 2025 %s. All rights reserved. No part of this site may be reproduced without permission.</p>
  </footer>
  <script src="https://%s/assets/app.js" defer></script>
</body>
</html>
`, s.name, s.domain)
	return b.String()
}
