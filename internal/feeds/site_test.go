package feeds

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dossier-osint/dossier/internal/catalog"
	"github.com/dossier-osint/dossier/internal/fetch"
	"github.com/dossier-osint/dossier/internal/store"
	"github.com/dossier-osint/dossier/internal/store/sqlite"
	"github.com/dossier-osint/dossier/samples"
)

// site is a news site on loopback: an RSS feed whose items change over
// time, answering conditional GETs, and the article pages it links to. It
// records every request.
type site struct {
	srv *httptest.Server

	mu       sync.Mutex
	items    []string // article names listed, newest first
	version  int      // bumped by publish; the feed's validators follow it
	feedBody string   // when set, served instead of the generated feed
	status   map[string][]int
	requests []request
}

type request struct {
	path                         string
	at                           time.Time
	ifNoneMatch, ifModifiedSince string
	status                       int
}

func newSite(t *testing.T) *site {
	t.Helper()
	s := &site{status: map[string][]int{}}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	return s
}

// publish lists a sample article (e.g. "niger_bayraktar") on top of the feed.
func (s *site) publish(name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items = append([]string{name}, s.items...)
	s.version++
}

// answer makes the next requests of path fail with these statuses, in order.
func (s *site) answer(path string, statuses ...int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.status[path] = append(s.status[path], statuses...)
}

func (s *site) url(path string) string { return s.srv.URL + path }

func (s *site) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	req := request{path: r.URL.Path, at: time.Now(), ifNoneMatch: r.Header.Get("If-None-Match"), ifModifiedSince: r.Header.Get("If-Modified-Since")}
	req.status = s.respond(w, r)
	s.requests = append(s.requests, req)
}

func (s *site) respond(w http.ResponseWriter, r *http.Request) int {
	if q := s.status[r.URL.Path]; len(q) > 0 {
		s.status[r.URL.Path] = q[1:]
		w.WriteHeader(q[0])
		return q[0]
	}
	switch {
	case r.URL.Path == "/robots.txt":
		w.WriteHeader(http.StatusNotFound)
		return http.StatusNotFound
	case r.URL.Path == "/feed.xml":
		etag := fmt.Sprintf(`"v%d"`, s.version)
		lastMod := time.Date(2026, 1, 1, s.version, 0, 0, 0, time.UTC).Format(http.TimeFormat)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return http.StatusNotModified
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lastMod)
		fmt.Fprint(w, s.feed())
		return http.StatusOK
	case strings.HasPrefix(r.URL.Path, "/news/"):
		body, err := samples.Files.ReadFile(strings.TrimPrefix(r.URL.Path, "/news/") + ".txt")
		if err != nil {
			w.WriteHeader(http.StatusNotFound)
			return http.StatusNotFound
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write(body)
		return http.StatusOK
	}
	w.WriteHeader(http.StatusNotFound)
	return http.StatusNotFound
}

func (s *site) feed() string {
	if s.feedBody != "" {
		return s.feedBody
	}
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Defence wire</title>`)
	for _, name := range s.items {
		// The link is relative, as some feeds write it.
		fmt.Fprintf(&b, `<item><title>%s</title><link>/news/%s</link><guid isPermaLink="false">wire-%s</guid></item>`,
			html.EscapeString(name), name, name)
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

// requestsTo lists the requests for path.
func (s *site) requestsTo(path string) []request {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []request
	for _, r := range s.requests {
		if r.path == path {
			out = append(out, r)
		}
	}
	return out
}

func (s *site) allRequests() []request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]request(nil), s.requests...)
}

func openStore(t *testing.T) store.Store {
	t.Helper()
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "dossier.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// clock is a watcher's time, moved by the test.
type clock struct{ t time.Time }

func (c *clock) now() time.Time          { return c.t }
func (c *clock) advance(d time.Duration) { c.t = c.t.Add(d) }

const testInterval = 15 * time.Minute

// newWatcher watches with a fast pace, allowed to reach loopback, on a
// clock the test moves.
func newWatcher(t *testing.T, st store.Store, o Options) (*Watcher, *clock) {
	t.Helper()
	o.Interval = testInterval
	if o.Fetch.MinInterval == 0 {
		o.Fetch.MinInterval = time.Millisecond
	}
	w := New(st, catalog.MustDefault(), o)
	c := &clock{t: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)}
	w.now = c.now
	return w, c
}

func follow(t *testing.T, st store.Store, url string) store.Feed {
	t.Helper()
	f := store.Feed{URL: url}
	if err := st.AddFeed(context.Background(), &f); err != nil {
		t.Fatal(err)
	}
	return f
}

func pollOnce(t *testing.T, w *Watcher) []Report {
	t.Helper()
	reports, err := w.PollOnce(context.Background())
	if err != nil {
		t.Fatalf("PollOnce: %v", err)
	}
	return reports
}

func feedState(t *testing.T, st store.Store, id int64) store.Feed {
	t.Helper()
	feeds, err := st.Feeds(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range feeds {
		if f.ID == id {
			return f
		}
	}
	t.Fatalf("feed %d is gone", id)
	return store.Feed{}
}

func documents(t *testing.T, st store.Store) []store.Document {
	t.Helper()
	docs, err := st.Documents(context.Background(), store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// allowLoopback lets the watcher reach the test sites.
var allowLoopback = Options{Fetch: fetch.Options{AllowPrivate: true}}
