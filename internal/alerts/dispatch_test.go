package alerts

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dossier-osint/dossier/internal/catalog"
	"github.com/dossier-osint/dossier/internal/ingest"
	"github.com/dossier-osint/dossier/internal/record"
	"github.com/dossier-osint/dossier/internal/store"
	"github.com/dossier-osint/dossier/internal/store/sqlite"
	"github.com/dossier-osint/dossier/samples"
)

func openStore(t *testing.T) store.Store {
	t.Helper()
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "dossier.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// ingestSample stores a bundled article the normal way.
func ingestSample(t *testing.T, st store.Store, name string) {
	t.Helper()
	data, err := samples.Files.ReadFile(name + ".txt")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name+".txt")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	sum, err := ingest.Run(context.Background(), st, catalog.MustDefault(), []string{path}, nil, ingest.Options{})
	if err != nil || sum.New != 1 {
		t.Fatalf("ingesting %s: %+v, %v", name, sum, err)
	}
}

func watch(t *testing.T, st store.Store, w store.Watchlist) store.Watchlist {
	t.Helper()
	if err := st.AddWatchlist(context.Background(), &w); err != nil {
		t.Fatal(err)
	}
	return w
}

// hook is a webhook receiver on loopback that answers with the statuses
// it is given, then 204.
type hook struct {
	srv      *httptest.Server
	mu       sync.Mutex
	statuses []int
	got      []delivery
}

type delivery struct {
	signature string
	body      []byte
}

func newHook(t *testing.T, statuses ...int) *hook {
	h := &hook{statuses: statuses}
	h.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		h.mu.Lock()
		defer h.mu.Unlock()
		h.got = append(h.got, delivery{r.Header.Get(SignatureHeader), body})
		status := http.StatusNoContent
		if len(h.statuses) > 0 {
			status, h.statuses = h.statuses[0], h.statuses[1:]
		}
		w.WriteHeader(status)
	}))
	t.Cleanup(h.srv.Close)
	return h
}

func (h *hook) deliveries() []delivery {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]delivery(nil), h.got...)
}

// verify checks a signature as a receiver would, with the secret only.
func verify(secret string, body []byte, header string) bool {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write(body)
	return hmac.Equal([]byte(header), []byte("sha256="+hex.EncodeToString(mac.Sum(nil))))
}

func TestFailedDeliveryIsRetriedLaterAndSigned(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	h := newHook(t, http.StatusInternalServerError)
	wl := watch(t, st, store.Watchlist{Recipient: "NER", Category: "drone", Webhook: h.srv.URL + "/dossier", Secret: "s3cret"})
	ingestSample(t, st, "niger_bayraktar")
	d := NewDispatcher(st, Options{AllowPrivate: true})
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	d.now = func() time.Time { return now }

	// Two alerts (the TB2 order and delivery); the first fails, so the
	// second waits for the next round.
	if delivered, failed, err := d.DeliverDue(ctx); delivered != 0 || failed != 1 || err != nil {
		t.Fatalf("first round: %d delivered, %d failed, %v", delivered, failed, err)
	}
	if n := len(h.deliveries()); n != 1 {
		t.Fatalf("%d posts after a failure, want 1", n)
	}
	all, _ := st.Alerts(ctx, store.AlertFilter{})
	var failedOne store.Alert
	for _, a := range all {
		if a.Attempts == 1 {
			failedOne = a
		}
	}
	if !strings.Contains(failedOne.LastError, "HTTP 500") || !failedOne.NextAttempt.Equal(now.Add(time.Minute)) {
		t.Fatalf("failed alert: %+v", failedOne)
	}

	// The other alert is due at once; the failed one a minute later.
	if delivered, _, _ := d.DeliverDue(ctx); delivered != 1 {
		t.Fatalf("second round delivered %d, want the alert not yet tried", delivered)
	}
	now = now.Add(time.Minute)
	if delivered, failed, _ := d.DeliverDue(ctx); delivered != 1 || failed != 0 {
		t.Fatalf("retry: %d delivered, %d failed", delivered, failed)
	}
	if pending, _ := st.Alerts(ctx, store.AlertFilter{Undelivered: true, DueBy: now.Add(time.Hour)}); len(pending) != 0 {
		t.Fatalf("still undelivered: %+v", pending)
	}

	got := h.deliveries()
	if len(got) != 3 {
		t.Fatalf("%d posts, want 3", len(got))
	}
	for _, dl := range got {
		if !verify("s3cret", dl.body, dl.signature) || verify("other", dl.body, dl.signature) {
			t.Errorf("signature %q does not verify with the watchlist's secret alone", dl.signature)
		}
	}
	var p Payload
	if err := json.Unmarshal(got[2].body, &p); err != nil {
		t.Fatal(err)
	}
	var raw map[string]any
	json.Unmarshal(got[2].body, &raw)
	rec := raw["record"].(map[string]any)
	if p.AlertID != failedOne.ID || p.Watchlist != (Criteria{ID: wl.ID, Recipient: "NER", Category: "drone"}) || p.DocumentID == 0 ||
		!p.Created.Equal(failedOne.Created) || !p.Sent.Equal(now) ||
		p.Record.Kind != record.KindTransfer || record.Str(p.Record.Designation) != "Bayraktar TB2" ||
		!strings.HasSuffix(rec["source"].(string), "niger_bayraktar.txt") || rec["evidence"] == nil {
		t.Errorf("payload %s", got[2].body)
	}
}

func TestBackoffDoublesToADay(t *testing.T) {
	want := []time.Duration{time.Minute, 2 * time.Minute, 4 * time.Minute}
	for i, w := range want {
		if got := retryAfter(i); got != w {
			t.Errorf("retryAfter(%d) = %v, want %v", i, got, w)
		}
	}
	if got := retryAfter(40); got != 24*time.Hour {
		t.Errorf("retryAfter(40) = %v", got)
	}
}

func TestWebhooksOnPrivateAddressesAreRefused(t *testing.T) {
	st := openStore(t)
	h := newHook(t)
	watch(t, st, store.Watchlist{Recipient: "NER", Webhook: h.srv.URL + "/dossier"})
	ingestSample(t, st, "niger_bayraktar")
	if _, failed, err := NewDispatcher(st, Options{}).DeliverDue(context.Background()); failed != 1 || err != nil {
		t.Fatalf("%d failed, %v", failed, err)
	}
	all, _ := st.Alerts(context.Background(), store.AlertFilter{})
	tried := 0
	for _, a := range all {
		if a.Attempts > 0 {
			tried++
			if !strings.Contains(a.LastError, "refusing private address 127.0.0.1") {
				t.Errorf("alert %d: %q", a.ID, a.LastError)
			}
		}
	}
	if tried != 1 || len(h.deliveries()) != 0 {
		t.Errorf("%d alerts tried, %d reached the hook", tried, len(h.deliveries()))
	}
}

// TestHangingWebhookNeverBlocksIngest: while a delivery hangs, articles
// are still stored and their alerts raised.
func TestHangingWebhookNeverBlocksIngest(t *testing.T) {
	st := openStore(t)
	entered, release := make(chan struct{}, 10), make(chan struct{})
	hang := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		entered <- struct{}{}
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	t.Cleanup(hang.Close)
	t.Cleanup(func() { close(release) })
	watch(t, st, store.Watchlist{Recipient: "NER", Webhook: hang.URL})
	watch(t, st, store.Watchlist{Recipient: "PHL", Webhook: hang.URL})
	ingestSample(t, st, "niger_bayraktar")

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go NewDispatcher(st, Options{AllowPrivate: true, Timeout: time.Hour}).Run(ctx, time.Hour)
	<-entered
	ingestSample(t, st, "philippines_brahmos")
	alerts, err := st.Alerts(context.Background(), store.AlertFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var phl, tried int
	for _, a := range alerts {
		if a.Record.Recipient == "PHL" {
			phl++
		}
		tried += a.Attempts
	}
	if phl == 0 {
		t.Fatal("no alert raised for the article stored while a delivery hung")
	}
	// The first delivery is still open: its outcome is not recorded.
	if tried != 0 {
		t.Fatalf("%d attempts recorded while the webhook hung", tried)
	}
}
