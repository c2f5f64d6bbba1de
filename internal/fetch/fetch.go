// Package fetch is a careful HTTP client for article pages, feeds and
// webhooks: it refuses private addresses at dial time, honours robots.txt,
// caps body size, checks content types and spaces requests to the same host.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"sync"
	"syscall"
	"time"
)

// DefaultUserAgent identifies Dossier to the sites it reads.
const DefaultUserAgent = "Dossier/0.1 (+https://github.com/dossier-osint/dossier)"

// Options configures a Fetcher. Zero values are replaced by defaults in New,
// except AllowPrivate (false) and MinInterval (0 = no limit).
type Options struct {
	Timeout      time.Duration // whole request including redirects and body, default 30s
	MaxBytes     int64         // body cap, default 10 MB; larger bodies are an error, not truncated
	MaxRedirects int           // default 5
	UserAgent    string        // default DefaultUserAgent
	AllowPrivate bool          // allow loopback, private, link-local, unspecified and CGNAT addresses
	IgnoreRobots bool          // fetch what robots.txt disallows (--ignore-robots); off by default
	MinInterval  time.Duration // at most one request per host per interval; 0 = no limit
}

// Fetcher performs guarded HTTP GETs. It is safe for concurrent use.
type Fetcher struct {
	opts   Options
	client *http.Client
	// robotsClient fetches robots.txt without the robots check itself, so
	// a redirecting robots.txt cannot recurse into another robots lookup.
	robotsClient *http.Client
	// postClient sends webhooks, which are never redirected.
	postClient *http.Client

	// refuse reports whether a dialled address must be refused; nil when
	// AllowPrivate. Tests replace it to make 127.0.0.1 look public.
	refuse func(netip.Addr) bool

	robotsMu sync.Mutex
	robots   map[string]*robotsEntry

	pace pacer
}

// Page is a fetched document.
type Page struct {
	URL          string // final URL after redirects
	ContentType  string // the Content-Type header as sent (with charset), or sniffed when absent
	Body         []byte
	ETag         string
	LastModified string
	NotModified  bool // the server answered 304 to a conditional GET; Body is empty
}

// acceptedTypes are the media types of article pages and feeds.
var acceptedTypes = map[string]bool{
	"text/html":             true,
	"application/xhtml+xml": true,
	"text/plain":            true,
	"application/xml":       true,
	"text/xml":              true,
	"application/rss+xml":   true,
	"application/atom+xml":  true,
	"application/json":      true, // JSON Feed
	"application/feed+json": true, // JSON Feed's registered type
}

// New returns a Fetcher with defaults filled in.
func New(o Options) *Fetcher {
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = 10 << 20
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = 5
	}
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	f := &Fetcher{opts: o, robots: map[string]*robotsEntry{}}
	if !o.AllowPrivate {
		f.refuse = isPrivate
	}
	f.pace.interval = o.MinInterval

	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second, Control: f.control}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	// A proxy would make the dial guard check the proxy's address instead of
	// the site's, so environment proxies are ignored.
	tr.Proxy = nil
	tr.DialContext = dialer.DialContext
	f.client = &http.Client{Transport: tr, CheckRedirect: f.checkRedirect}
	f.robotsClient = &http.Client{Transport: tr, CheckRedirect: f.limitRedirects}
	f.postClient = &http.Client{Transport: tr, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	return f
}

// Get fetches rawURL.
func (f *Fetcher) Get(ctx context.Context, rawURL string) (*Page, error) {
	return f.GetConditional(ctx, rawURL, "", "")
}

// GetConditional fetches rawURL, sending If-None-Match and If-Modified-Since
// when etag or lastModified are set, so feeds can be polled cheaply. A 304
// gives a Page with NotModified set and no body.
func (f *Fetcher) GetConditional(ctx context.Context, rawURL, etag, lastModified string) (*Page, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", rawURL, err)
	}
	if err := checkScheme(u); err != nil {
		return nil, fmt.Errorf("fetch %s: %w", rawURL, err)
	}
	if !f.opts.IgnoreRobots {
		if err := f.robotsAllow(ctx, u); err != nil {
			return nil, describe(rawURL, err)
		}
	}
	if err := f.pace.wait(ctx, u.Hostname()); err != nil {
		return nil, fmt.Errorf("fetch %s: %w", rawURL, err)
	}

	// The timeout starts after pacing so a long MinInterval does not eat it.
	reqCtx, cancel := context.WithTimeout(ctx, f.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(reqCtx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", rawURL, err)
	}
	req.Header.Set("User-Agent", f.opts.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,application/rss+xml;q=0.9,application/atom+xml;q=0.9,application/json;q=0.8,text/plain;q=0.7")
	if etag != "" {
		req.Header.Set("If-None-Match", etag)
	}
	if lastModified != "" {
		req.Header.Set("If-Modified-Since", lastModified)
	}
	timedOut := func(err error) error { return f.failed(ctx, reqCtx, rawURL, err) }
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, timedOut(err)
	}
	defer resp.Body.Close()

	page := &Page{
		URL:          resp.Request.URL.String(),
		ContentType:  resp.Header.Get("Content-Type"),
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
	}
	if resp.StatusCode == http.StatusNotModified && (etag != "" || lastModified != "") {
		// Servers may omit the validators on a 304; keep the caller's.
		if page.ETag == "" {
			page.ETag = etag
		}
		if page.LastModified == "" {
			page.LastModified = lastModified
		}
		page.NotModified = true
		return page, nil
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, &StatusError{URL: rawURL, Code: resp.StatusCode, Status: resp.Status}
	}
	// Check the declared type before reading, so images and archives are
	// never downloaded.
	if page.ContentType != "" {
		if err := checkType(page.ContentType); err != nil {
			return nil, fmt.Errorf("fetch %s: %w", rawURL, err)
		}
	}
	if resp.ContentLength > f.opts.MaxBytes {
		return nil, fmt.Errorf("fetch %s: body of %d bytes exceeds the %d-byte limit", rawURL, resp.ContentLength, f.opts.MaxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.opts.MaxBytes+1))
	if err != nil {
		return nil, timedOut(err)
	}
	if int64(len(body)) > f.opts.MaxBytes {
		return nil, fmt.Errorf("fetch %s: body exceeds the %d-byte limit", rawURL, f.opts.MaxBytes)
	}
	if page.ContentType == "" {
		page.ContentType = http.DetectContentType(body)
		if err := checkType(page.ContentType); err != nil {
			return nil, fmt.Errorf("fetch %s: %w", rawURL, err)
		}
	}
	page.Body = body
	return page, nil
}

// failed words a request's error: as a timeout when our timeout, not the
// caller's context (ctx), ended the request (reqCtx).
func (f *Fetcher) failed(ctx, reqCtx context.Context, rawURL string, err error) error {
	if reqCtx.Err() == context.DeadlineExceeded && ctx.Err() == nil {
		return fmt.Errorf("fetch %s: timed out after %s: %w", rawURL, f.opts.Timeout, cause(err))
	}
	return describe(rawURL, err)
}

// StatusError is an answer outside 2xx (and a 304 not asked for).
type StatusError struct {
	URL    string
	Code   int
	Status string // as sent, e.g. "404 Not Found"
}

func (e *StatusError) Error() string { return fmt.Sprintf("fetch %s: HTTP %s", e.URL, e.Status) }

// CheckURL reports why rawURL cannot be fetched: not an absolute http or
// https address.
func CheckURL(rawURL string) error {
	u, err := url.Parse(rawURL)
	if err != nil {
		return err
	}
	return checkScheme(u)
}

func checkScheme(u *url.URL) error {
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("unsupported scheme %q (only http and https)", u.Scheme)
	}
	if u.Host == "" {
		return errors.New("no host")
	}
	return nil
}

func checkType(contentType string) error {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return fmt.Errorf("bad content type %q: %w", contentType, err)
	}
	if !acceptedTypes[mt] {
		return fmt.Errorf("unsupported content type %q", mt)
	}
	return nil
}

// checkRedirect bounds redirects and applies the scheme, robots.txt and
// pacing rules to every hop, not just the first URL.
func (f *Fetcher) checkRedirect(req *http.Request, via []*http.Request) error {
	if err := f.limitRedirects(req, via); err != nil {
		return err
	}
	if err := checkScheme(req.URL); err != nil {
		return err
	}
	if !f.opts.IgnoreRobots {
		if err := f.robotsAllow(req.Context(), req.URL); err != nil {
			return err
		}
	}
	return f.pace.wait(req.Context(), req.URL.Hostname())
}

func (f *Fetcher) limitRedirects(_ *http.Request, via []*http.Request) error {
	if len(via) > f.opts.MaxRedirects {
		return fmt.Errorf("too many redirects (more than %d)", f.opts.MaxRedirects)
	}
	return nil
}

// describe turns a client error into one that names rawURL and, for a
// refused address, says which URL was refused and how to allow it.
func describe(rawURL string, err error) error {
	var pe *privateError
	if errors.As(err, &pe) {
		refused := &privateError{addr: pe.addr, url: rawURL}
		// The client reports a failed redirect hop under the hop's URL.
		if ue, ok := err.(*url.Error); ok && hostOf(ue.URL) != hostOf(rawURL) {
			refused.url, refused.from = ue.URL, rawURL
		}
		return refused
	}
	return fmt.Errorf("fetch %s: %w", rawURL, cause(err))
}

// cause drops a url.Error wrapper, which would repeat the method and URL.
func cause(err error) error {
	if ue, ok := err.(*url.Error); ok {
		return ue.Err
	}
	return err
}

func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return u.Host
}

// privateError is returned by the dial guard, and filled in with the
// refused URL (and the URL that redirected there) by describe.
type privateError struct {
	addr      netip.Addr
	url, from string
}

func (e *privateError) Error() string {
	switch {
	case e.url == "":
		return "refusing private address " + e.addr.String()
	case e.from != "":
		return fmt.Sprintf("refusing private address %s for %s, reached by redirect from %s (use --allow-private to allow)", e.addr, e.url, e.from)
	}
	return fmt.Sprintf("refusing private address %s for %s (use --allow-private to allow)", e.addr, e.url)
}

// control runs after DNS resolution, on the address actually being dialled,
// so DNS rebinding and redirects to internal hosts are caught too.
func (f *Fetcher) control(_, address string, _ syscall.RawConn) error {
	if f.refuse == nil {
		return nil
	}
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("unexpected dial address %q: %w", address, err)
	}
	if ip := ap.Addr().Unmap(); f.refuse(ip) {
		return &privateError{addr: ip}
	}
	return nil
}

var (
	cgnat     = netip.MustParsePrefix("100.64.0.0/10")
	thisNet   = netip.MustParsePrefix("0.0.0.0/8") // Linux dials 0.x.y.z as the local host
	broadcast = netip.AddrFrom4([4]byte{255, 255, 255, 255})
)

// isPrivate reports whether ip is anything but a public unicast address.
func isPrivate(ip netip.Addr) bool {
	ip = ip.Unmap()
	return ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() ||
		ip.IsMulticast() || ip.IsUnspecified() ||
		cgnat.Contains(ip) || thisNet.Contains(ip) || ip == broadcast
}
