package feeds

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/dossier-osint/dossier/internal/store"
)

// Subscription is a feed named in an OPML file.
type Subscription struct {
	Name, URL string
}

// opml is the subset of OPML 2.0 that feed readers exchange: outlines,
// possibly nested in folders, whose xmlUrl is a feed.
type opml struct {
	XMLName xml.Name  `xml:"opml"`
	Version string    `xml:"version,attr"`
	Title   string    `xml:"head>title"`
	Body    []outline `xml:"body>outline"`
}

type outline struct {
	Type     string    `xml:"type,attr,omitempty"`
	Text     string    `xml:"text,attr"`
	Title    string    `xml:"title,attr,omitempty"`
	XMLURL   string    `xml:"xmlUrl,attr,omitempty"`
	Children []outline `xml:"outline"`
}

// ReadOPML lists the feeds of an OPML file, folders flattened, in document
// order. Outlines without an xmlUrl (folders, links) are not feeds.
func ReadOPML(r io.Reader) ([]Subscription, error) {
	var doc opml
	if err := xml.NewDecoder(r).Decode(&doc); err != nil {
		return nil, fmt.Errorf("not an OPML file: %w", err)
	}
	var subs []Subscription
	var walk func([]outline)
	walk = func(outlines []outline) {
		for _, o := range outlines {
			if u := strings.TrimSpace(o.XMLURL); u != "" {
				name := strings.TrimSpace(o.Title)
				if name == "" {
					name = strings.TrimSpace(o.Text)
				}
				subs = append(subs, Subscription{Name: name, URL: u})
			}
			walk(o.Children)
		}
	}
	walk(doc.Body)
	return subs, nil
}

// WriteOPML writes the followed feeds as OPML 2.0, which feed readers import.
func WriteOPML(w io.Writer, feeds []store.Feed) error {
	doc := opml{Version: "2.0", Title: "Dossier feeds"}
	for _, f := range feeds {
		text := f.Name
		if text == "" {
			text = f.URL
		}
		doc.Body = append(doc.Body, outline{Type: "rss", Text: text, Title: f.Name, XMLURL: f.URL})
	}
	out, err := xml.MarshalIndent(doc, "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s%s\n", xml.Header, out)
	return err
}
