package fetch

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

const articleHTML = `<!doctype html><html><head><title>Frigate deal signed</title></head>
<body><p>The navy ordered two frigates from the shipyard.</p></body></html>`

// newServer starts a test server on 127.0.0.1, closed when the test ends.
func newServer(t *testing.T, h http.HandlerFunc) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

func newFetcher(o Options) *Fetcher {
	o.AllowPrivate = true
	return New(o)
}

func TestDefaults(t *testing.T) {
	f := New(Options{})
	o := f.opts
	if o.Timeout != 30*time.Second || o.MaxBytes != 10<<20 || o.MaxRedirects != 5 ||
		o.UserAgent != DefaultUserAgent || o.IgnoreRobots || o.AllowPrivate || o.MinInterval != 0 {
		t.Fatalf("defaults: %+v", o)
	}
	if got := f.agentToken(); got != "Dossier" {
		t.Fatalf("agent token %q", got)
	}
}

func TestGetHTML(t *testing.T) {
	var ua string
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		ua = r.UserAgent()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("ETag", `"a1"`)
		fmt.Fprint(w, articleHTML)
	})
	p, err := newFetcher(Options{}).Get(context.Background(), srv.URL+"/news/1")
	if err != nil {
		t.Fatal(err)
	}
	if p.URL != srv.URL+"/news/1" || p.ContentType != "text/html; charset=utf-8" || string(p.Body) != articleHTML || p.ETag != `"a1"` || p.NotModified {
		t.Fatalf("page: %+v", p)
	}
	if ua != DefaultUserAgent {
		t.Fatalf("user agent %q", ua)
	}
}

func TestSniffsMissingContentType(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Content-Type"] = nil // stop net/http from adding one
		fmt.Fprint(w, articleHTML)
	})
	p, err := newFetcher(Options{}).Get(context.Background(), srv.URL+"/")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(p.ContentType, "text/html") {
		t.Fatalf("sniffed %q", p.ContentType)
	}
}

func TestSizeCap(t *testing.T) {
	big := strings.Repeat("a", 2048)
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		if r.URL.Path == "/streamed" {
			// Flushing first forces chunked encoding: no Content-Length.
			w.(http.Flusher).Flush()
		}
		fmt.Fprint(w, big)
	})
	f := newFetcher(Options{MaxBytes: 1024})
	for _, path := range []string{"/sized", "/streamed"} {
		_, err := f.Get(context.Background(), srv.URL+path)
		if err == nil || !strings.Contains(err.Error(), "1024-byte limit") || !strings.Contains(err.Error(), srv.URL+path) {
			t.Fatalf("%s: got %v, want size error naming the URL", path, err)
		}
	}
	// Exactly at the cap is fine.
	f = newFetcher(Options{MaxBytes: 2048})
	if p, err := f.Get(context.Background(), srv.URL+"/streamed"); err != nil || len(p.Body) != 2048 {
		t.Fatalf("at cap: %v", err)
	}
}

// redirectServer redirects /r/N to /r/N-1 and serves a page at /r/0.
func redirectServer(t *testing.T) *httptest.Server {
	return newServer(t, func(w http.ResponseWriter, r *http.Request) {
		var n int
		if _, err := fmt.Sscanf(r.URL.Path, "/r/%d", &n); err != nil {
			http.NotFound(w, r)
			return
		}
		if n > 0 {
			http.Redirect(w, r, fmt.Sprintf("/r/%d", n-1), http.StatusFound)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, articleHTML)
	})
}

func TestRedirects(t *testing.T) {
	srv := redirectServer(t)
	f := newFetcher(Options{})
	p, err := f.Get(context.Background(), srv.URL+"/r/5")
	if err != nil {
		t.Fatalf("5 redirects: %v", err)
	}
	if p.URL != srv.URL+"/r/0" {
		t.Fatalf("final URL %q", p.URL)
	}
	_, err = f.Get(context.Background(), srv.URL+"/r/6")
	if err == nil || !strings.Contains(err.Error(), "too many redirects") || !strings.Contains(err.Error(), srv.URL+"/r/6") {
		t.Fatalf("6 redirects: got %v", err)
	}
}

func TestContentTypeRefused(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n"))
	})
	_, err := newFetcher(Options{}).Get(context.Background(), srv.URL+"/logo.png")
	if err == nil || !strings.Contains(err.Error(), `"image/png"`) || !strings.Contains(err.Error(), srv.URL+"/logo.png") {
		t.Fatalf("got %v", err)
	}
}

func TestAcceptedTypes(t *testing.T) {
	for _, ct := range []string{"application/rss+xml", "application/atom+xml; charset=utf-8", "application/json", "text/xml", "application/xhtml+xml"} {
		srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", ct)
			fmt.Fprint(w, "<x/>")
		})
		if _, err := newFetcher(Options{}).Get(context.Background(), srv.URL+"/feed"); err != nil {
			t.Errorf("%s: %v", ct, err)
		}
	}
}

func TestNotFound(t *testing.T) {
	srv := newServer(t, http.NotFound)
	_, err := newFetcher(Options{}).Get(context.Background(), srv.URL+"/missing")
	if err == nil || !strings.Contains(err.Error(), "404") || !strings.Contains(err.Error(), srv.URL+"/missing") {
		t.Fatalf("got %v", err)
	}
}

func TestTimeout(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		// Hold the request until the client gives up.
		<-r.Context().Done()
	})
	_, err := newFetcher(Options{Timeout: 100 * time.Millisecond}).Get(context.Background(), srv.URL+"/slow")
	if err == nil || !strings.Contains(err.Error(), "timed out") || !strings.Contains(err.Error(), srv.URL+"/slow") {
		t.Fatalf("got %v", err)
	}
}

func TestUnsupportedScheme(t *testing.T) {
	for _, u := range []string{"ftp://example.com/x", "file:///etc/passwd", "http:///nohost"} {
		_, err := New(Options{}).Get(context.Background(), u)
		if err == nil || !strings.Contains(err.Error(), u) {
			t.Errorf("%s: got %v", u, err)
		}
	}
}

func TestRobots(t *testing.T) {
	var robotsHits atomic.Int32
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			robotsHits.Add(1)
			fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n\nUser-agent: Dossier\nDisallow: /no-dossier/\n")
		default:
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, articleHTML)
		}
	})
	f := newFetcher(Options{})
	ctx := context.Background()
	if _, err := f.Get(ctx, srv.URL+"/news/ok"); err != nil {
		t.Fatalf("allowed path: %v", err)
	}
	_, err := f.Get(ctx, srv.URL+"/no-dossier/a")
	if err == nil || !strings.Contains(err.Error(), "robots.txt") || !strings.Contains(err.Error(), srv.URL+"/no-dossier/a") {
		t.Fatalf("disallowed path: got %v", err)
	}
	// The Dossier group replaces the * group, so /private/ is allowed for us.
	if _, err := f.Get(ctx, srv.URL+"/private/x"); err != nil {
		t.Fatalf("path only disallowed for other agents: %v", err)
	}
	if n := robotsHits.Load(); n != 1 {
		t.Fatalf("robots.txt fetched %d times, want 1", n)
	}
}

func TestRobotsAppliesToRedirectTarget(t *testing.T) {
	target := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			fmt.Fprint(w, "User-agent: *\nDisallow: /\n")
			return
		}
		t.Errorf("disallowed page %s was requested", r.URL.Path)
	})
	// A second server is a second origin (another port) on loopback.
	src := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		http.Redirect(w, r, target.URL+"/page", http.StatusFound)
	})
	_, err := newFetcher(Options{}).Get(context.Background(), src.URL+"/go")
	if err == nil || !strings.Contains(err.Error(), "robots.txt") {
		t.Fatalf("got %v", err)
	}
}

func TestConditionalGet(t *testing.T) {
	const etag, lastMod = `"v7"`, "Mon, 02 Jan 2006 15:04:05 GMT"
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == etag || r.Header.Get("If-Modified-Since") == lastMod {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lastMod)
		fmt.Fprint(w, "<rss version=\"2.0\"><channel><title>Defence news</title></channel></rss>")
	})
	f := newFetcher(Options{})
	ctx := context.Background()
	first, err := f.Get(ctx, srv.URL+"/feed.xml")
	if err != nil {
		t.Fatal(err)
	}
	if first.NotModified || first.ETag != etag || first.LastModified != lastMod || len(first.Body) == 0 {
		t.Fatalf("first: %+v", first)
	}
	for _, v := range [][2]string{{first.ETag, ""}, {"", first.LastModified}} {
		p, err := f.GetConditional(ctx, srv.URL+"/feed.xml", v[0], v[1])
		if err != nil {
			t.Fatal(err)
		}
		if !p.NotModified || len(p.Body) != 0 || p.ETag != etag && v[0] != "" || p.LastModified != lastMod && v[1] != "" {
			t.Fatalf("conditional %v: %+v", v, p)
		}
	}
}

func TestMinInterval(t *testing.T) {
	const interval = 50 * time.Millisecond
	var mu sync.Mutex
	var pages []time.Time
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		mu.Lock()
		pages = append(pages, time.Now())
		mu.Unlock()
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, articleHTML)
	})
	f := newFetcher(Options{MinInterval: interval})
	var wg sync.WaitGroup
	for i := range 3 {
		wg.Go(func() {
			if _, err := f.Get(context.Background(), fmt.Sprintf("%s/a/%d", srv.URL, i)); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if len(pages) != 3 {
		t.Fatalf("%d page requests", len(pages))
	}
	for i := 1; i < len(pages); i++ {
		// Arrival order is the order of the reserved slots.
		if gap := pages[i].Sub(pages[i-1]); gap < interval-5*time.Millisecond {
			t.Fatalf("requests %d and %d only %v apart", i-1, i, gap)
		}
	}
}

func TestIsPrivate(t *testing.T) {
	for _, s := range []string{"127.0.0.1", "127.8.9.1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.1.1",
		"100.64.0.1", "0.0.0.0", "0.1.2.3", "255.255.255.255", "224.0.0.1",
		"::1", "::", "fe80::1", "fd00::1", "fc00::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.1.2.3"} {
		if !isPrivate(netip.MustParseAddr(s)) {
			t.Errorf("%s should be refused", s)
		}
	}
	for _, s := range []string{"93.184.216.34", "8.8.8.8", "100.128.0.1", "172.32.0.1", "2606:4700::1111", "::ffff:93.184.216.34"} {
		if isPrivate(netip.MustParseAddr(s)) {
			t.Errorf("%s should be allowed", s)
		}
	}
}

// TestRefusesPrivate checks the default guard. The refused dials fail in
// the socket's Control hook, before connect, so nothing is sent.
func TestRefusesPrivate(t *testing.T) {
	f := New(Options{})
	for _, u := range []string{"http://127.0.0.1:1/x", "http://[::1]:1/x"} {
		_, err := f.Get(context.Background(), u)
		want := "refusing private address "
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), " for "+u+" ") || !strings.Contains(err.Error(), "--allow-private") {
			t.Errorf("%s: got %v", u, err)
		}
	}
}

// TestRefusesRedirectToPrivate makes the 127.0.0.1 test server count as
// public, then has it redirect to [::1], which the real guard refuses.
func TestRefusesRedirectToPrivate(t *testing.T) {
	var hits atomic.Int32
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		http.Redirect(w, r, "http://[::1]:1/internal", http.StatusFound)
	})
	f := New(Options{})
	testServer := netip.MustParseAddr("127.0.0.1")
	f.refuse = func(ip netip.Addr) bool { return ip != testServer && isPrivate(ip) }
	_, err := f.Get(context.Background(), srv.URL+"/go")
	if err == nil || !strings.Contains(err.Error(), "refusing private address ::1 for http://[::1]:1/internal") || !strings.Contains(err.Error(), srv.URL+"/go") {
		t.Fatalf("got %v", err)
	}
	if hits.Load() == 0 {
		t.Fatal("the allowed server was never reached")
	}
}
