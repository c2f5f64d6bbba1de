package alerts

import (
	"encoding/xml"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/dossier-osint/dossier/internal/record"
	"github.com/dossier-osint/dossier/internal/store"
)

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Author  string      `xml:"author>name"`
	Link    atomLink    `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomEntry struct {
	ID       string       `xml:"id"`
	Title    string       `xml:"title"`
	Updated  string       `xml:"updated"`
	Link     atomLink     `xml:"link"`
	Category atomCategory `xml:"category"`
	Summary  string       `xml:"summary"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

// WriteAtom renders alerts (newest first, as store.Alerts lists them) as
// an Atom 1.0 feed served at selfURL. Each entry links to its document's
// page, /documents/{id} on selfURL's server. The feed's updated time is
// its newest alert's, or now when there is none.
func WriteAtom(w io.Writer, alerts []store.Alert, watchlists []store.Watchlist, selfURL string, now time.Time) error {
	self, err := url.Parse(selfURL)
	if err != nil || self.Host == "" {
		return fmt.Errorf("atom feed address %q: not an absolute URL", selfURL)
	}
	byID := map[int64]store.Watchlist{}
	for _, wl := range watchlists {
		byID[wl.ID] = wl
	}
	updated := now
	if len(alerts) > 0 {
		updated = alerts[0].Created
	}
	feed := atomFeed{
		ID: selfURL, Title: "Dossier alerts", Updated: atomTime(updated), Author: "Dossier",
		Link: atomLink{Rel: "self", Href: selfURL},
	}
	for _, a := range alerts {
		doc := url.URL{Scheme: self.Scheme, Host: self.Host, Path: fmt.Sprintf("/documents/%d", a.Record.DocumentID)}
		feed.Entries = append(feed.Entries, atomEntry{
			// A tag URI (RFC 4151) minted once per alert: its server, the
			// day it was raised and its id never change.
			ID:       fmt.Sprintf("tag:%s,%s:alerts/%d", self.Hostname(), a.Created.UTC().Format(time.DateOnly), a.ID),
			Title:    Title(a.Record.Record),
			Updated:  atomTime(a.Created),
			Link:     atomLink{Rel: "alternate", Href: doc.String()},
			Category: atomCategory{Term: a.Record.Category},
			Summary:  summary(a, byID[a.WatchlistID]),
		})
	}
	out, err := xml.MarshalIndent(feed, "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s%s\n", xml.Header, out)
	return err
}

func atomTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// Title names a transfer in a line: "MLI ← TUR: TB2 (drone), delivered
// 2022". Unknown parts are "?".
func Title(r record.Record) string {
	what := record.Str(r.Designation)
	if what == "" {
		what = record.Str(r.Manufacturer)
	}
	s := fmt.Sprintf("%s ← %s: %s (%s), %s", unknown(r.Recipient), unknown(record.Str(r.Supplier)), unknown(what),
		unknown(r.Category), unknown(strings.ReplaceAll(r.Status, "_", " ")))
	if d := record.Str(r.Date); d != "" {
		s += " " + d
	}
	return s
}

// summary says why the alert was raised and where the record comes from.
func summary(a store.Alert, w store.Watchlist) string {
	r := a.Record.Record
	s := fmt.Sprintf("Watchlist %d (%s): quantity %s", a.WatchlistID, Describe(w), r.Quantity)
	if m := record.Str(r.Manufacturer); m != "" {
		s += ", made by " + m
	}
	return s + ". Source: " + r.Source
}

// Describe lists a watchlist's criteria: "recipient MLI, category drone".
func Describe(w store.Watchlist) string {
	var parts []string
	for _, c := range [][2]string{{"recipient", w.Recipient}, {"supplier", w.Supplier}, {"category", w.Category}} {
		if c[1] != "" {
			parts = append(parts, c[0]+" "+c[1])
		}
	}
	if len(parts) == 0 {
		return "every transfer"
	}
	return strings.Join(parts, ", ")
}

func unknown(s string) string {
	if s == "" {
		return "?"
	}
	return s
}
