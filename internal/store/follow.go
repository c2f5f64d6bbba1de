package store

import (
	"time"

	"github.com/dossier-osint/dossier/internal/record"
)

// Feed is an RSS or Atom feed Dossier follows, with what its last poll
// learnt.
type Feed struct {
	ID   int64
	URL  string
	Name string
	// ETag and LastModified are the validators of the last full answer,
	// sent back so that an unchanged feed costs a 304.
	ETag, LastModified string
	// LastPolled is zero until the first poll; NextPoll is when the next
	// is due (zero: at once).
	LastPolled, NextPoll time.Time
	// LastError is the last poll's failure, empty after a success;
	// Failures counts the failures since the last success, for back-off.
	LastError string
	Failures  int
	Added     time.Time
}

// Watchlist selects the new transfers someone wants to hear about. An empty
// field matches anything.
type Watchlist struct {
	ID                            int64
	Recipient, Supplier, Category string
	// Webhook, if set, receives each alert as a signed JSON POST.
	Webhook string
	// Secret keys the HMAC that signs webhook bodies.
	Secret string
	Added  time.Time
}

// Matches reports whether a new record belongs on the watchlist.
func (w Watchlist) Matches(r record.Record) bool {
	supplier := ""
	if r.Supplier != nil {
		supplier = *r.Supplier
	}
	return r.Kind == record.KindTransfer &&
		(w.Recipient == "" || w.Recipient == r.Recipient) &&
		(w.Supplier == "" || w.Supplier == supplier) &&
		(w.Category == "" || w.Category == r.Category)
}

// Alert is a new record that matched a watchlist. The store creates it in
// the transaction that stores the record, so none is lost; its webhook
// delivery is tracked here until it succeeds.
type Alert struct {
	ID          int64
	WatchlistID int64
	Record      Record
	Created     time.Time
	// Delivered is when the webhook took it (zero: not yet, or no webhook).
	Delivered time.Time
	Attempts  int
	// NextAttempt is when a failed delivery is tried again.
	NextAttempt time.Time
	LastError   string
}

// AlertFilter selects alerts, newest first. Zero fields select everything.
type AlertFilter struct {
	WatchlistID int64
	// Undelivered selects alerts whose watchlist has a webhook that has not
	// taken them yet and whose next attempt is due by DueBy.
	Undelivered bool
	DueBy       time.Time
	Limit       int
}

// Delivery is the outcome of one attempt to deliver an alert.
type Delivery struct {
	AlertID int64
	At      time.Time
	// Err is empty on success; else the attempt failed and Retry is when
	// to try again.
	Err   string
	Retry time.Time
}
