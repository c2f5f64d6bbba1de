package feeds

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/dossier-osint/dossier/internal/catalog"
	"github.com/dossier-osint/dossier/internal/fetch"
	"github.com/dossier-osint/dossier/internal/ingest"
	"github.com/dossier-osint/dossier/internal/store"
)

func TestNewItemsAreIngestedOnceAndA304CostsNothing(t *testing.T) {
	st := openStore(t)
	s := newSite(t)
	s.publish("mali_norinco")
	feed := follow(t, st, s.url("/feed.xml"))
	w, clock := newWatcher(t, st, allowLoopback)

	reps := pollOnce(t, w)
	if len(reps) != 1 || reps[0].New != 1 || reps[0].Ingested != 1 || len(reps[0].Failed) != 0 || reps[0].Err != nil {
		t.Fatalf("first poll: %+v", reps)
	}
	if docs := documents(t, st); len(docs) != 1 || docs[0].Sources[0] != s.url("/news/mali_norinco") {
		t.Fatalf("documents after the first poll: %+v", docs)
	}
	saved := feedState(t, st, feed.ID)
	if saved.ETag != `"v1"` || saved.LastModified == "" || !saved.NextPoll.Equal(clock.t.Add(testInterval)) {
		t.Fatalf("feed after the first poll: %+v", saved)
	}

	// Not due yet: nothing is requested.
	if reps := pollOnce(t, w); len(reps) != 0 || len(s.requestsTo("/feed.xml")) != 1 {
		t.Fatalf("a feed polled before it was due: %+v", reps)
	}

	clock.advance(testInterval)
	reps = pollOnce(t, w)
	if len(reps) != 1 || !reps[0].NotModified || reps[0].New != 0 {
		t.Fatalf("unchanged feed: %+v", reps)
	}
	polls := s.requestsTo("/feed.xml")
	if last := polls[len(polls)-1]; last.status != http.StatusNotModified || last.ifNoneMatch != `"v1"` || last.ifModifiedSince != saved.LastModified {
		t.Fatalf("second feed request %+v: want the validators of the first answer sent back and a 304", last)
	}

	s.publish("niger_bayraktar")
	clock.advance(testInterval)
	reps = pollOnce(t, w)
	if len(reps) != 1 || reps[0].New != 1 || reps[0].Ingested != 1 {
		t.Fatalf("poll after a new item: %+v", reps)
	}
	clock.advance(testInterval)
	if reps = pollOnce(t, w); !reps[0].NotModified {
		t.Fatalf("fourth poll: %+v", reps)
	}

	// Each page was fetched once, whatever the polls; the 304s fetched none.
	for _, page := range []string{"/news/mali_norinco", "/news/niger_bayraktar"} {
		if n := len(s.requestsTo(page)); n != 1 {
			t.Errorf("%s fetched %d times, want once", page, n)
		}
	}
	if docs := documents(t, st); len(docs) != 2 {
		t.Errorf("%d documents, want 2", len(docs))
	}
	if got := feedState(t, st, feed.ID); got.ETag != `"v2"` || got.Failures != 0 || got.LastError != "" {
		t.Errorf("feed at the end: %+v", got)
	}
}

func TestFailingFeedsAreReportedAndTheOthersGoOn(t *testing.T) {
	st := openStore(t)
	good := newSite(t)
	good.publish("philippines_brahmos")
	notFeed, truncated, huge := newSite(t), newSite(t), newSite(t)
	notFeed.feedBody = "<html><body><p>Our news moved.</p></body></html>"
	truncated.feedBody = `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>Half`
	huge.feedBody = `<?xml version="1.0"?><rss version="2.0"><channel><title>` + strings.Repeat("x", 70<<10) + `</title></channel></rss>`
	bad := map[int64]string{
		follow(t, st, notFeed.url("/feed.xml")).ID:   "not an RSS, Atom or JSON feed",
		follow(t, st, truncated.url("/feed.xml")).ID: "malformed feed",
		follow(t, st, huge.url("/feed.xml")).ID:      "exceeds the 65536-byte limit",
	}
	follow(t, st, good.url("/feed.xml"))
	o := allowLoopback
	o.Fetch.MaxBytes = 64 << 10
	w, clock := newWatcher(t, st, o)

	reps := pollOnce(t, w)
	if len(reps) != 4 {
		t.Fatalf("%d feeds polled, want 4", len(reps))
	}
	for _, r := range reps {
		want, isBad := bad[r.Feed.ID]
		if !isBad {
			if r.Err != nil || r.Ingested != 1 {
				t.Errorf("the good feed after three bad ones: %s", r)
			}
			continue
		}
		saved := feedState(t, st, r.Feed.ID)
		if r.Err == nil || !strings.Contains(saved.LastError, want) || !strings.Contains(saved.LastError, r.Feed.URL) {
			t.Errorf("feed %s: LastError %q, want it to name the feed and say %q", r.Feed.URL, saved.LastError, want)
		}
		if saved.Failures != 1 || !saved.NextPoll.Equal(clock.t.Add(2*testInterval)) {
			t.Errorf("feed %s after one failure: %d failures, next poll %v", r.Feed.URL, saved.Failures, saved.NextPoll)
		}
	}
	if docs := documents(t, st); len(docs) != 1 {
		t.Errorf("%d documents, want the good feed's one", len(docs))
	}
}

func TestBackoffGrowsWithFailuresAndResetsOnSuccess(t *testing.T) {
	st := openStore(t)
	s := newSite(t)
	feed := follow(t, st, s.url("/feed.xml"))
	w, clock := newWatcher(t, st, allowLoopback)

	s.answer("/feed.xml", 503, 503, 503, 503, 503, 503, 503, 503)
	wantWaits := []time.Duration{30 * time.Minute, time.Hour, 2 * time.Hour, 4 * time.Hour, 8 * time.Hour, 16 * time.Hour, 24 * time.Hour, 24 * time.Hour}
	for i, want := range wantWaits {
		reps := pollOnce(t, w)
		got := feedState(t, st, feed.ID)
		if len(reps) != 1 || got.Failures != i+1 || got.NextPoll.Sub(got.LastPolled) != want || !strings.Contains(got.LastError, "HTTP 503") {
			t.Fatalf("failure %d: %d failures, waits %v (want %v), error %q", i+1, got.Failures, got.NextPoll.Sub(got.LastPolled), want, got.LastError)
		}
		// Just before it is due, the feed is left alone.
		clock.t = got.NextPoll.Add(-time.Second)
		if reps := pollOnce(t, w); len(reps) != 0 {
			t.Fatalf("polled %v before its back-off ended", time.Second)
		}
		clock.advance(time.Second)
	}
	reps := pollOnce(t, w)
	got := feedState(t, st, feed.ID)
	if reps[0].Err != nil || got.Failures != 0 || got.LastError != "" || got.NextPoll.Sub(got.LastPolled) != testInterval {
		t.Fatalf("after recovering: %+v", got)
	}
}

func TestItemsThatFailForAWhileAreRetriedAndOthersAreNot(t *testing.T) {
	st := openStore(t)
	s := newSite(t)
	s.publish("mali_norinco")
	s.publish("missing_story")
	s.answer("/news/mali_norinco", http.StatusServiceUnavailable)
	feed := follow(t, st, s.url("/feed.xml"))
	w, clock := newWatcher(t, st, allowLoopback)

	reps := pollOnce(t, w)
	if r := reps[0]; r.New != 2 || r.Ingested != 0 || len(r.Failed) != 2 || r.Retry != 1 || r.Err != nil {
		t.Fatalf("first poll: %s, %+v", r, r.Failed)
	}
	unseen, err := st.UnseenItems(context.Background(), feed.ID, []string{"wire-mali_norinco", "wire-missing_story"})
	if err != nil || len(unseen) != 1 || unseen[0] != "wire-mali_norinco" {
		t.Fatalf("unseen after the first poll: %q, %v; want the 503 item only (a 404 is for good)", unseen, err)
	}
	if got := feedState(t, st, feed.ID); got.ETag != "" || got.LastModified != "" {
		t.Fatalf("validators kept while an item waits for a retry: %+v", got)
	}

	clock.advance(testInterval)
	reps = pollOnce(t, w)
	if r := reps[0]; r.NotModified || r.New != 1 || r.Ingested != 1 || len(r.Failed) != 0 {
		t.Fatalf("second poll: %s", r)
	}
	if n := len(s.requestsTo("/news/missing_story")); n != 1 {
		t.Errorf("the missing page was requested %d times, want once", n)
	}
	if got := feedState(t, st, feed.ID); got.ETag != `"v2"` {
		t.Errorf("validators after every item was handled: %+v", got)
	}
}

func TestPrivateAddressesAreRefusedWithoutAllowPrivate(t *testing.T) {
	st := openStore(t)
	s := newSite(t)
	s.publish("niger_bayraktar")
	feed := follow(t, st, s.url("/feed.xml"))
	w, _ := newWatcher(t, st, Options{})

	// The feed itself: the test site is on loopback.
	reps := pollOnce(t, w)
	got := feedState(t, st, feed.ID)
	if len(reps) != 1 || !strings.Contains(got.LastError, "refusing private address 127.0.0.1 for "+feed.URL) || !strings.Contains(got.LastError, "--allow-private") {
		t.Fatalf("feed on loopback: LastError %q", got.LastError)
	}

	// An item: the feed's body as a public feed server would have given
	// it, linking to the page on loopback.
	page := &fetch.Page{URL: "https://wire.example/feed.xml", Body: []byte(strings.ReplaceAll(s.feed(), "<link>/news/", "<link>"+s.url("/news/")))}
	var rep Report
	if err := w.ingestNew(context.Background(), feed.ID, page, &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Failed) != 1 || !strings.Contains(rep.Failed[0].Err.Error(), "refusing private address 127.0.0.1 for "+s.url("/news/niger_bayraktar")) || rep.Retry != 0 {
		t.Fatalf("item on loopback: %+v", rep)
	}
	if n := len(s.allRequests()); n != 0 {
		t.Errorf("the loopback site got %d requests", n)
	}
	if docs := documents(t, st); len(docs) != 0 {
		t.Errorf("%d documents stored from a refused address", len(docs))
	}
}

// TestOneRequestASecondPerHost runs at the real pace: feed, robots.txt
// and item pages of one host share it.
func TestOneRequestASecondPerHost(t *testing.T) {
	st := openStore(t)
	s := newSite(t)
	s.publish("mali_norinco")
	s.publish("niger_bayraktar")
	follow(t, st, s.url("/feed.xml"))
	w := New(st, catalog.MustDefault(), allowLoopback)
	if _, err := w.PollOnce(context.Background()); err != nil {
		t.Fatal(err)
	}
	reqs := s.allRequests()
	if len(reqs) != 4 {
		t.Fatalf("%d requests, want robots.txt, the feed and two pages: %+v", len(reqs), reqs)
	}
	for i := 1; i < len(reqs); i++ {
		// The server notes when a request arrives, not when the client
		// sent it: allow for the latency varying on a busy machine.
		// Unpaced, the requests would come milliseconds apart.
		if gap := reqs[i].at.Sub(reqs[i-1].at); gap < time.Second-200*time.Millisecond {
			t.Errorf("%s then %s only %v apart", reqs[i-1].path, reqs[i].path, gap)
		}
	}
}

func TestRunPollsUntilItsContextEnds(t *testing.T) {
	st := openStore(t)
	s := newSite(t)
	s.publish("mali_norinco")
	feed := follow(t, st, s.url("/feed.xml"))
	var log strings.Builder
	o := allowLoopback
	o.Log = &log
	w, _ := newWatcher(t, st, o)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		w.Run(ctx)
		close(done)
	}()
	// The feed's state is saved last in a poll.
	for feedState(t, st, feed.ID).LastPolled.IsZero() {
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	<-done
	if !strings.Contains(log.String(), "polled 1 feeds (0 failed): 1 new items, 1 ingested, 0 failed") {
		t.Errorf("Run's log:\n%s", log.String())
	}
}

func TestReportLines(t *testing.T) {
	f := store.Feed{URL: "https://wire.example/feed.xml", Name: "Wire", Failures: 2}
	for _, c := range []struct {
		r    Report
		want string
	}{
		{Report{Feed: f, New: 3, Ingested: 2, Retry: 1, Failed: make([]ingest.Failure, 1)}, "feed Wire (https://wire.example/feed.xml): 3 new items, 2 ingested, 1 failed (1 to retry)"},
		{Report{Feed: f, NotModified: true}, "not modified"},
		{Report{Feed: f, Err: fmt.Errorf("HTTP 503")}, "failed (2 in a row), next poll"},
	} {
		if got := c.r.String(); !strings.Contains(got, c.want) {
			t.Errorf("%q lacks %q", got, c.want)
		}
	}
	if got := Summarise([]Report{{New: 2, Ingested: 2}, {Err: fmt.Errorf("x")}}); got != "polled 2 feeds (1 failed): 2 new items, 2 ingested, 0 failed" {
		t.Errorf("summary %q", got)
	}
}
