// Package feeds follows RSS, Atom and JSON feeds: it polls the feeds the
// store follows when they are due and ingests the pages of their new items.
package feeds

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"

	"github.com/dossier-osint/dossier/internal/catalog"
	"github.com/dossier-osint/dossier/internal/fetch"
	"github.com/dossier-osint/dossier/internal/ingest"
	"github.com/dossier-osint/dossier/internal/store"
)

// DefaultInterval is how often a feed that answers is polled.
const DefaultInterval = 15 * time.Minute

// maxBackoff bounds the wait before a failing feed is polled again.
const maxBackoff = 24 * time.Hour

// hostInterval is the politeness pace: at most one request a second to a
// host, feeds and item pages together.
const hostInterval = time.Second

// Options configure a Watcher.
type Options struct {
	// Interval between polls of a feed that answers; 0 is DefaultInterval.
	// A failing feed waits Interval·2^failures, at most a day.
	Interval time.Duration
	// Fetch configures the one fetcher of feeds and item pages, so that a
	// single private-address guard and per-host pace cover both. A zero
	// MinInterval becomes one second.
	Fetch fetch.Options
	// Log receives a line per feed polled and per item that failed; nil
	// discards them.
	Log io.Writer
}

// Watcher polls the followed feeds. It is safe for one PollOnce or Run at
// a time.
type Watcher struct {
	store    store.Store
	catalog  *catalog.Catalog
	fetcher  *fetch.Fetcher
	interval time.Duration
	log      io.Writer
	now      func() time.Time
}

// New returns a Watcher that ingests into st, extracting with cat.
func New(st store.Store, cat *catalog.Catalog, o Options) *Watcher {
	if o.Interval <= 0 {
		o.Interval = DefaultInterval
	}
	if o.Fetch.MinInterval <= 0 {
		o.Fetch.MinInterval = hostInterval
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	return &Watcher{store: st, catalog: cat, fetcher: fetch.New(o.Fetch), interval: o.Interval, log: o.Log, now: time.Now}
}

// Report is what one poll of a feed did.
type Report struct {
	// Feed is the feed as saved after the poll.
	Feed store.Feed
	// NotModified: the feed answered 304, so nothing was parsed.
	NotModified bool
	// New items were not seen before; Ingested of them are stored (now or
	// earlier, from another source).
	New, Ingested int
	// Failed are the new items not ingested, with the reason. Retry of
	// them failed in a way that may pass and stay unseen for the next poll.
	Failed []ingest.Failure
	Retry  int
	// Err is the failure of the feed itself; the feed is polled again
	// after its back-off.
	Err error
}

func (r Report) String() string {
	name := r.Feed.URL
	if r.Feed.Name != "" {
		name = fmt.Sprintf("%s (%s)", r.Feed.Name, r.Feed.URL)
	}
	next := r.Feed.NextPoll.Local().Format(time.DateTime)
	switch {
	case r.Err != nil:
		return fmt.Sprintf("feed %s: failed (%d in a row), next poll %s: %v", name, r.Feed.Failures, next, r.Err)
	case r.NotModified:
		return fmt.Sprintf("feed %s: not modified", name)
	}
	s := fmt.Sprintf("feed %s: %d new items, %d ingested, %d failed", name, r.New, r.Ingested, len(r.Failed))
	if r.Retry > 0 {
		s += fmt.Sprintf(" (%d to retry)", r.Retry)
	}
	return s
}

// PollOnce polls every feed that is due, one after the other. A feed that
// fails is reported and saved with its error; the others go on. The error
// is for the whole poll: the store failed or ctx ended.
func (w *Watcher) PollOnce(ctx context.Context) ([]Report, error) {
	feeds, err := w.store.Feeds(ctx)
	if err != nil {
		return nil, err
	}
	var reports []Report
	for _, f := range feeds {
		if f.NextPoll.After(w.now()) {
			continue
		}
		rep, err := w.poll(ctx, f)
		if err != nil {
			return reports, fmt.Errorf("feed %s: %w", f.URL, err)
		}
		fmt.Fprintln(w.log, rep)
		for _, fl := range rep.Failed {
			fmt.Fprintf(w.log, "  item %s: %v\n", fl.Source, fl.Err)
		}
		reports = append(reports, rep)
	}
	return reports, nil
}

// Run polls the due feeds until ctx ends, looking at least once a minute
// so that feeds added meanwhile are picked up.
func (w *Watcher) Run(ctx context.Context) {
	tick := time.NewTicker(min(w.interval, time.Minute))
	defer tick.Stop()
	for {
		reports, err := w.PollOnce(ctx)
		if err != nil && ctx.Err() == nil {
			fmt.Fprintf(w.log, "polling feeds: %v\n", err)
		}
		if len(reports) > 0 {
			fmt.Fprintln(w.log, Summarise(reports))
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// Summarise is the closing line of a poll.
func Summarise(reports []Report) string {
	var failed, items, ingested, itemsFailed int
	for _, r := range reports {
		if r.Err != nil {
			failed++
		}
		items += r.New
		ingested += r.Ingested
		itemsFailed += len(r.Failed)
	}
	return fmt.Sprintf("polled %d feeds (%d failed): %d new items, %d ingested, %d failed",
		len(reports), failed, items, ingested, itemsFailed)
}

// poll fetches one feed, ingests its new items and saves its state. Its
// error is the store's or ctx's; the feed's own failure is in the report.
func (w *Watcher) poll(ctx context.Context, f store.Feed) (Report, error) {
	now := w.now()
	var rep Report
	page, err := w.fetcher.GetConditional(ctx, f.URL, f.ETag, f.LastModified)
	if err == nil {
		rep.NotModified = page.NotModified
		if !page.NotModified {
			err = w.ingestNew(ctx, f.ID, page, &rep)
		}
	}
	if ctx.Err() != nil {
		return rep, ctx.Err() // stopping: the feed is polled afresh next time
	}
	f.LastPolled = now
	if err != nil {
		f.Failures++
		f.LastError = err.Error()
		f.NextPoll = now.Add(backoff(w.interval, f.Failures))
		rep.Err = err
	} else {
		f.Failures, f.LastError = 0, ""
		f.NextPoll = now.Add(w.interval)
		// Items to retry need the full feed again, not a 304.
		f.ETag, f.LastModified = "", ""
		if rep.Retry == 0 {
			f.ETag, f.LastModified = page.ETag, page.LastModified
		}
	}
	rep.Feed = f
	return rep, w.store.UpdateFeed(ctx, f)
}

// ingestNew ingests the pages of a feed's unseen items and marks each seen
// once it is stored or failed for good, so that an item is never lost to
// a crash or a passing failure.
func (w *Watcher) ingestNew(ctx context.Context, feedID int64, page *fetch.Page, rep *Report) error {
	items, err := ParseItems(page.Body, page.URL)
	if err != nil {
		return fmt.Errorf("feed %s: %w", page.URL, err)
	}
	keys := make([]string, len(items))
	for i, it := range items {
		keys[i] = it.Key
	}
	unseen, err := w.store.UnseenItems(ctx, feedID, keys)
	if err != nil {
		return err
	}
	rep.New = len(unseen)
	isNew := map[string]bool{}
	for _, k := range unseen {
		isNew[k] = true
	}
	keysOf := map[string][]string{} // page address -> item keys
	var links []string
	for _, it := range items {
		switch {
		case !isNew[it.Key]:
		case it.Link == "":
			rep.Failed = append(rep.Failed, ingest.Failure{Source: it.Key, Err: errors.New("no http(s) link to fetch")})
			if err := w.store.MarkSeen(ctx, feedID, it.Key); err != nil {
				return err
			}
		default:
			if keysOf[it.Link] == nil {
				links = append(links, it.Link)
			}
			keysOf[it.Link] = append(keysOf[it.Link], it.Key)
		}
	}
	if len(links) == 0 {
		return nil
	}
	sum, runErr := ingest.Run(ctx, w.store, w.catalog, links, nil, ingest.Options{Fetch: w.fetcher.Fetch})
	handled := make([]string, 0, len(links))
	for _, s := range sum.Stored {
		rep.Ingested++
		handled = append(handled, s.Source)
	}
	for _, fl := range sum.Failures {
		rep.Failed = append(rep.Failed, fl)
		if mayPass(fl.Err) {
			rep.Retry++
			continue
		}
		handled = append(handled, fl.Source)
	}
	for _, link := range handled {
		for _, k := range keysOf[link] {
			if err := w.store.MarkSeen(ctx, feedID, k); err != nil {
				return err
			}
		}
	}
	return runErr
}

// mayPass reports whether an item's failure may pass, so that the item is
// tried again: a network error, a timeout, a server error or a rate limit.
// A refused address, robots.txt, a missing page or an unreadable one are
// for good.
func mayPass(err error) bool {
	var status *fetch.StatusError
	if errors.As(err, &status) {
		return status.Code >= 500 || status.Code == http.StatusTooManyRequests || status.Code == http.StatusRequestTimeout
	}
	var netErr net.Error
	return errors.As(err, &netErr) || errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled)
}

// backoff is interval·2^failures, at most maxBackoff.
func backoff(interval time.Duration, failures int) time.Duration {
	d := interval
	for i := 0; i < failures && d < maxBackoff; i++ {
		d *= 2
	}
	return min(d, maxBackoff)
}
