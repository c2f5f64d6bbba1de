package ingest_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-osint/dossier/internal/catalog"
	"github.com/dossier-osint/dossier/internal/fetch"
	"github.com/dossier-osint/dossier/internal/ingest"
	"github.com/dossier-osint/dossier/internal/store"
	"github.com/dossier-osint/dossier/internal/store/sqlite"
)

// article writes an article of its own words about a delivery, long enough
// for near-duplicate detection.
func article(country, system string, n int) string {
	return fmt.Sprintf(`url: https://example.org/2024/05/%s
title: %s receives %s
published: 2024-05-23
---
%s's army took delivery of %d %s armoured vehicles from China's Norinco on Tuesday, the defence ministry said in a statement read on state television.

The vehicles were unloaded at the port after a voyage of several weeks and will join units deployed in the north of the country, where the army has fought armed groups for a decade. Officials said crews had been trained in China before the delivery and that maintenance teams from the maker would stay for a year.

The purchase was financed by a loan, the ministry said, without giving its amount or the terms agreed with the lender, and further deliveries are expected next year as part of the same programme of modernisation.
`, strings.ToLower(country), country, system, country, n, system)
}

func open(t *testing.T) store.Store {
	t.Helper()
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func write(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestIngestFoldersGlobsAndDuplicates(t *testing.T) {
	ctx := context.Background()
	st := open(t)
	dir := t.TempDir()
	write(t, dir, "a/mali.txt", article("Mali", "VN2C", 6))
	write(t, dir, "a/deep/niger.txt", article("Niger", "VN4", 4))
	write(t, dir, "a/notes.pdf", "not an article")
	copyOf := write(t, dir, "b/mali-again.txt", article("Mali", "VN2C", 6))
	write(t, dir, "b/empty.txt", "")

	cat := catalog.MustDefault()
	sum, err := ingest.Run(ctx, st, cat, []string{filepath.Join(dir, "a"), filepath.Join(dir, "b", "*.txt")}, nil, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.New != 2 || sum.Duplicate != 1 || len(sum.Failures) != 1 {
		t.Fatalf("summary %+v, want 2 new, 1 duplicate, 1 failure", sum)
	}
	if f := sum.Failures[0]; !strings.HasSuffix(f.Source, "empty.txt") || !strings.Contains(f.Err.Error(), "empty") {
		t.Errorf("failure %v, want the empty file named", f)
	}
	docs, err := st.Documents(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, d := range docs {
		full, _ := st.Document(ctx, d.ID)
		for _, s := range full.Sources {
			found = found || s == copyOf
		}
	}
	if !found {
		t.Error("the second copy's path was not added to the stored document's sources")
	}
	recs, _ := st.Records(ctx, store.Filter{Recipient: "MLI", Kind: "transfer"})
	if len(recs) != 1 {
		t.Errorf("got %d Mali transfers, want 1 (the duplicate adds none)", len(recs))
	}

	// Ingesting again stores nothing new.
	again, err := ingest.Run(ctx, st, cat, []string{filepath.Join(dir, "a")}, nil, ingest.Options{})
	if err != nil || again.New != 0 || again.Duplicate != 2 {
		t.Errorf("second run %+v, %v: want 2 duplicates and nothing new", again, err)
	}
}

func TestReprintIsLinkedToItsTwin(t *testing.T) {
	ctx := context.Background()
	st := open(t)
	dir := t.TempDir()
	body := article("Mali", "VN2C", 6)
	first := write(t, dir, "outlet1.txt", body)
	// Another site's copy: its own header line and footer.
	reprint := strings.Replace(body, "---\n", "---\nBy our correspondent\n\n", 1) + "\nShare this article with your friends.\n"
	second := write(t, dir, "outlet2.txt", reprint)
	sum, err := ingest.Run(ctx, st, catalog.MustDefault(), []string{first, second}, nil, ingest.Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	if sum.New != 2 || sum.NearDuplicate != 1 {
		t.Fatalf("summary %+v, want the reprint stored and linked", sum)
	}
	docs, _ := st.Documents(ctx, store.Filter{})
	twins := 0
	for _, d := range docs {
		if d.TwinOf != 0 {
			twins++
		}
	}
	if twins != 1 {
		t.Errorf("%d documents linked to a twin, want 1", twins)
	}
}

func TestIngestAddressesAndWebArchives(t *testing.T) {
	ctx := context.Background()
	page := "<html><head><title>Cameroon receives vehicles</title><meta property=\"article:published_time\" content=\"2023-11-15\"></head>" +
		"<body><nav>Home | World</nav><article><p>Cameroon's army took delivery of a dozen VN4 armoured vehicles from China's Norinco on Tuesday.</p>" +
		"<p>The vehicles will go to units in the north of the country, officials said on state radio.</p></article><footer>© News</footer></body></html>"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	}))
	defer srv.Close()

	dir := t.TempDir()
	var warcFile bytes.Buffer
	payload := "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + strings.Replace(page, "Cameroon", "Chad", -1)
	fmt.Fprintf(&warcFile, "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/chad\r\nWARC-Date: 2023-11-15T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:12345678-1234-1234-1234-123456789abc>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", len(payload), payload)
	archive := write(t, dir, "crawl.warc", warcFile.String())

	for _, allow := range []bool{false, true} {
		st := open(t)
		f := fetch.New(fetch.Options{AllowPrivate: allow})
		opt := ingest.Options{Fetch: func(ctx context.Context, url string) ([]byte, string, error) {
			p, err := f.Get(ctx, url)
			if err != nil {
				return nil, "", err
			}
			return p.Body, p.URL, nil
		}}
		sum, err := ingest.Run(ctx, st, catalog.MustDefault(), []string{srv.URL + "/story", archive}, nil, opt)
		if err != nil {
			t.Fatal(err)
		}
		if !allow {
			if len(sum.Failures) != 1 || !strings.Contains(sum.Failures[0].Err.Error(), "private") {
				t.Errorf("a loopback address was fetched without --allow-private: %+v", sum)
			}
			continue
		}
		if sum.New != 2 || len(sum.Failures) != 0 {
			t.Fatalf("summary %+v, want the page and the archived page", sum)
		}
		for _, iso := range []string{"CMR", "TCD"} {
			recs, _ := st.Records(ctx, store.Filter{Recipient: iso, Kind: "transfer"})
			if len(recs) == 0 {
				t.Errorf("no transfer to %s stored", iso)
			}
		}
		docs, _ := st.Documents(ctx, store.Filter{Source: "https://news.example/chad"})
		if len(docs) != 1 {
			t.Errorf("the archived page is not stored under its address")
		}
	}
}
