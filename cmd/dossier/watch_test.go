package main

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/dossier-osint/dossier/internal/alerts"
	"github.com/dossier-osint/dossier/samples"
)

// newsSite serves on loopback an RSS feed of one sample article and the
// article itself.
func newsSite(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feed.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, `<rss version="2.0"><channel><title>Wire</title>
<item><title>Niger takes delivery of Turkish armed drones</title><link>/news/niger_bayraktar</link></item>
</channel></rss>`)
		case "/news/niger_bayraktar":
			body, _ := samples.Files.ReadFile("niger_bayraktar.txt")
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.Write(body)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

// receiver is a webhook on loopback that keeps what it receives.
type receiver struct {
	srv  *httptest.Server
	mu   sync.Mutex
	got  []alerts.Payload
	sigs []string
	raw  [][]byte
}

func newReceiver(t *testing.T) *receiver {
	rc := &receiver{}
	rc.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		var p alerts.Payload
		json.Unmarshal(body, &p)
		rc.mu.Lock()
		defer rc.mu.Unlock()
		rc.got, rc.sigs, rc.raw = append(rc.got, p), append(rc.sigs, r.Header.Get("X-Dossier-Signature")), append(rc.raw, body)
	}))
	t.Cleanup(rc.srv.Close)
	return rc
}

func (rc *receiver) payloads() []alerts.Payload {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return append([]alerts.Payload(nil), rc.got...)
}

// verified counts the deliveries whose signature holds with secret, as
// the README tells a receiver to check it.
func (rc *receiver) verified(secret string) int {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	n := 0
	for i, body := range rc.raw {
		mac := hmac.New(sha256.New, []byte(secret))
		mac.Write(body)
		if hmac.Equal([]byte(rc.sigs[i]), []byte("sha256="+hex.EncodeToString(mac.Sum(nil)))) {
			n++
		}
	}
	return n
}

func TestWatchOnceIngestsNewItemsAndDeliversAlerts(t *testing.T) {
	site, hook := newsSite(t), newReceiver(t)
	db := filepath.Join(t.TempDir(), "t.db")
	cli(t, "feeds", "add", "--db", db, site.URL+"/feed.xml", "--name", "Wire")
	cli(t, "alerts", "add", "--db", db, "--recipient", "NER", "--category", "drone", "--webhook", hook.srv.URL+"/in", "--secret", "k3y")

	// Without --allow-private the loopback feed is refused and reported.
	stderr, err := fails(t, "watch", "--db", db, "--once")
	if !errors.Is(err, errReported) || !strings.Contains(stderr, "refusing private address 127.0.0.1 for "+site.URL+"/feed.xml") ||
		!strings.Contains(stderr, "polled 1 feeds (1 failed)") {
		t.Fatalf("watch without --allow-private: %v\n%s", err, stderr)
	}
	if list := cli(t, "feeds", "list", "--db", db); !strings.Contains(list, "refusing private address") {
		t.Errorf("the feed's error is not listed:\n%s", list)
	}

	// The failed feed waits for its back-off; a new one is due at once.
	cli(t, "feeds", "remove", "--db", db, site.URL+"/feed.xml")
	cli(t, "feeds", "add", "--db", db, site.URL+"/feed.xml")
	var out, errOut strings.Builder
	if err := run([]string{"watch", "--db", db, "--once", "--allow-private"}, nil, &out, &errOut); err != nil {
		t.Fatalf("watch --once: %v\n%s", err, errOut.String())
	}
	for _, want := range []string{"feed " + site.URL + "/feed.xml: 1 new items, 1 ingested, 0 failed", "polled 1 feeds (0 failed): 1 new items, 1 ingested", "alerts: 2 delivered, 0 failed"} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("watch --once lacks %q:\n%s", want, errOut.String())
		}
	}
	if recs := cli(t, "records", "--db", db, "--source", site.URL+"/news/niger_bayraktar"); !strings.Contains(recs, "Bayraktar TB2") {
		t.Errorf("the item's records are not stored:\n%s", recs)
	}
	got := hook.payloads()
	if n := hook.verified("k3y"); n != 2 || got[0].Record.Recipient != "NER" || got[0].Watchlist.Category != "drone" {
		t.Errorf("%d signed deliveries of %+v", n, got)
	}
	if shown := cli(t, "alerts", "show", "--db", db); !strings.Contains(shown, "NER ← TUR: Bayraktar TB2 (drone)") || !strings.Contains(shown, "delivered ") {
		t.Errorf("alerts show:\n%s", shown)
	}
}

func TestWatchFlags(t *testing.T) {
	var ue usageError
	if _, err := fails(t, "watch", "--interval", "10s", "--once"); !errors.As(err, &ue) || !strings.Contains(err.Error(), "--interval 10s: at least 1m") {
		t.Errorf("a 10s interval: %v", err)
	}
}
