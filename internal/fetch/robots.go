package fetch

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/temoto/robotstxt"
)

const (
	// robotsTTL follows RFC 9309, which lets crawlers cache robots.txt for
	// up to 24 hours; the feed watcher runs longer than that.
	robotsTTL = 24 * time.Hour
	// robotsMaxBytes is the minimum RFC 9309 asks parsers to read.
	robotsMaxBytes = 500 << 10
)

// robotsEntry caches one origin's robots.txt. Its mutex makes concurrent
// requests to a new host wait for a single fetch.
type robotsEntry struct {
	mu      sync.Mutex
	data    *robotstxt.RobotsData
	bad     error // unparseable robots.txt or odd status: treated as disallow-all
	fetched time.Time
}

// robotsAllow returns an error naming robots.txt if u may not be fetched.
func (f *Fetcher) robotsAllow(ctx context.Context, u *url.URL) error {
	origin := u.Scheme + "://" + u.Host
	robotsURL := origin + "/robots.txt"

	f.robotsMu.Lock()
	e := f.robots[origin]
	if e == nil {
		e = &robotsEntry{}
		f.robots[origin] = e
	}
	f.robotsMu.Unlock()

	e.mu.Lock()
	defer e.mu.Unlock()
	if e.fetched.IsZero() || time.Since(e.fetched) > robotsTTL {
		data, err := f.fetchRobots(ctx, robotsURL, u.Hostname())
		if err != nil {
			// Not cached: a network failure may be transient.
			return fmt.Errorf("fetching robots.txt %s: %w", robotsURL, cause(err))
		}
		e.data, e.bad = robotstxt.FromStatusAndBytes(data.status, data.body)
		e.fetched = time.Now()
	}
	if e.bad != nil {
		return fmt.Errorf("robots.txt %s is unusable, so nothing on %s is fetched: %v", robotsURL, u.Host, e.bad)
	}
	if !e.data.TestAgent(u.RequestURI(), f.agentToken()) {
		return fmt.Errorf("disallowed by robots.txt %s", robotsURL)
	}
	return nil
}

type robotsResponse struct {
	status int
	body   []byte
}

func (f *Fetcher) fetchRobots(ctx context.Context, robotsURL, host string) (*robotsResponse, error) {
	if err := f.pace.wait(ctx, host); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, f.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, robotsURL, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", f.opts.UserAgent)
	resp, err := f.robotsClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	// Rules past the cap are ignored, as RFC 9309 allows.
	body, err := io.ReadAll(io.LimitReader(resp.Body, robotsMaxBytes))
	if err != nil {
		return nil, err
	}
	return &robotsResponse{status: resp.StatusCode, body: body}, nil
}

// agentToken is the product name robots.txt groups are matched against,
// e.g. "Dossier" from "Dossier/0.1 (+https://...)".
func (f *Fetcher) agentToken() string {
	tok, _, _ := strings.Cut(f.opts.UserAgent, "/")
	tok, _, _ = strings.Cut(tok, " ")
	return tok
}
