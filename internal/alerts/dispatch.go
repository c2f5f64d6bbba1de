// Package alerts tells people of the new transfers their watchlists
// select: it posts each alert, signed, to its watchlist's webhook, and
// renders recent alerts as an Atom feed.
package alerts

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"time"

	"github.com/dossier-osint/dossier/internal/fetch"
	"github.com/dossier-osint/dossier/internal/record"
	"github.com/dossier-osint/dossier/internal/store"
)

// SignatureHeader carries "sha256=" and the hex HMAC-SHA256 of the body,
// keyed with the watchlist's secret.
const SignatureHeader = "X-Dossier-Signature"

// DefaultTimeout bounds one webhook delivery.
const DefaultTimeout = 10 * time.Second

// Back-off of failed deliveries: a minute, doubling, at most a day.
const (
	firstRetry = time.Minute
	maxRetry   = 24 * time.Hour
)

// Options configure a Dispatcher.
type Options struct {
	// AllowPrivate lets webhooks reach loopback and private addresses,
	// which are refused by default like every other fetch.
	AllowPrivate bool
	// Timeout bounds one delivery; 0 is DefaultTimeout.
	Timeout time.Duration
	// Log receives a line per failed delivery; nil discards them.
	Log io.Writer
}

// Dispatcher delivers alerts to webhooks. It only reads and writes the
// store, so however slow a webhook, ingestion never waits for it.
type Dispatcher struct {
	store   store.Store
	fetcher *fetch.Fetcher
	log     io.Writer
	now     func() time.Time
}

// NewDispatcher returns a Dispatcher for the alerts of st.
func NewDispatcher(st store.Store, o Options) *Dispatcher {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	f := fetch.New(fetch.Options{AllowPrivate: o.AllowPrivate, Timeout: o.Timeout})
	return &Dispatcher{store: st, fetcher: f, log: o.Log, now: time.Now}
}

// Run delivers due alerts every interval until ctx ends.
func (d *Dispatcher) Run(ctx context.Context, every time.Duration) {
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		if _, _, err := d.DeliverDue(ctx); err != nil && ctx.Err() == nil {
			fmt.Fprintf(d.log, "delivering alerts: %v\n", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// DeliverDue posts every undelivered alert whose attempt is due, oldest
// first, and records each outcome; a failed one is retried after a
// back-off. Once a webhook fails, its other alerts wait for the next
// round rather than each waiting for its timeout. The error is the
// store's.
func (d *Dispatcher) DeliverDue(ctx context.Context) (delivered, failed int, err error) {
	now := d.now()
	due, err := d.store.Alerts(ctx, store.AlertFilter{Undelivered: true, DueBy: now})
	if err != nil || len(due) == 0 {
		return 0, 0, err
	}
	lists, err := d.store.Watchlists(ctx)
	if err != nil {
		return 0, 0, err
	}
	byID := map[int64]store.Watchlist{}
	for _, w := range lists {
		byID[w.ID] = w
	}
	down := map[int64]bool{} // watchlists whose webhook failed this round
	slices.Reverse(due)
	for _, a := range due {
		w, ok := byID[a.WatchlistID]
		if !ok || down[w.ID] || ctx.Err() != nil {
			continue
		}
		outcome := store.Delivery{AlertID: a.ID, At: now}
		if err := d.post(ctx, w, a, now); err != nil {
			down[w.ID] = true
			failed++
			outcome.Err = err.Error()
			outcome.Retry = now.Add(retryAfter(a.Attempts))
			fmt.Fprintf(d.log, "alert %d of watchlist %d: %v (next attempt %s)\n", a.ID, w.ID, err, outcome.Retry.Local().Format(time.DateTime))
		} else {
			delivered++
		}
		// The outcome is saved even when ctx ended the attempt.
		if err := d.store.RecordDelivery(context.WithoutCancel(ctx), outcome); err != nil {
			return delivered, failed, err
		}
	}
	return delivered, failed, nil
}

// Payload is the JSON body of a webhook delivery.
type Payload struct {
	AlertID int64     `json:"alert_id"`
	Created time.Time `json:"created"`
	// Sent is when this attempt was made, under the signature, so a
	// receiver can refuse replays of old deliveries.
	Sent       time.Time     `json:"sent"`
	Watchlist  Criteria      `json:"watchlist"`
	DocumentID int64         `json:"document_id"`
	Record     record.Record `json:"record"`
}

// Criteria are a watchlist's id and what it selects.
type Criteria struct {
	ID        int64  `json:"id"`
	Recipient string `json:"recipient,omitempty"`
	Supplier  string `json:"supplier,omitempty"`
	Category  string `json:"category,omitempty"`
}

func (d *Dispatcher) post(ctx context.Context, w store.Watchlist, a store.Alert, now time.Time) error {
	body, err := json.Marshal(Payload{
		AlertID: a.ID, Created: a.Created.UTC(), Sent: now.UTC(),
		Watchlist:  Criteria{ID: w.ID, Recipient: w.Recipient, Supplier: w.Supplier, Category: w.Category},
		DocumentID: a.Record.DocumentID, Record: a.Record.Record,
	})
	if err != nil {
		return err
	}
	header := http.Header{}
	header.Set("Content-Type", "application/json")
	header.Set(SignatureHeader, sign(w.Secret, body))
	return d.fetcher.Post(ctx, w.Webhook, header, body)
}

// sign is the signature header's value for body: "sha256=" and the hex
// HMAC-SHA256 keyed with secret.
func sign(secret string, body []byte) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write(body)
	return "sha256=" + hex.EncodeToString(mac.Sum(nil))
}

// NewSecret returns a random key for signing a watchlist's webhooks.
func NewSecret() string {
	return rand.Text()
}

// retryAfter is the wait after a failed delivery of an alert that had
// failed attempts times before.
func retryAfter(attempts int) time.Duration {
	d := firstRetry
	for i := 0; i < attempts && d < maxRetry; i++ {
		d *= 2
	}
	return min(d, maxRetry)
}
