// Package store keeps documents and the records extracted from them. It
// defines the backend-neutral API; the backends live in subpackages and all
// pass the conformance suite of package storetest.
package store

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"time"

	"github.com/dossier-osint/dossier/internal/record"
)

// Document is one stored article.
type Document struct {
	ID int64
	// Hash is the hex SHA-256 of the normalised text (see TextHash): the
	// same article ingested twice, or re-spaced, is stored once.
	Hash      string
	URL       string
	Title     string
	Published string
	Body      string
	Format    string
	// Sources are every path or URL the document was ingested from, in the
	// order first seen.
	Sources []string
	// TwinOf is a near-duplicate's earlier twin, 0 if none.
	TwinOf int64
	// Simhash is the SimHash of the body (see Simhash), for NearDuplicates.
	Simhash    uint64
	IngestedAt time.Time
}

// Reviews a person can give a record.
const (
	ReviewNone      = ""
	ReviewConfirmed = "confirmed"
	ReviewRejected  = "rejected"
	ReviewCorrected = "corrected"
)

// Record is a stored record. Its Source is the document's first source.
type Record struct {
	ID         int64
	DocumentID int64
	record.Record
	Review string
}

// Filter selects records, or documents with at least one such record. Every
// field left zero selects everything.
type Filter struct {
	// Exact matches, except Designation, which compares folded (see
	// catalog.Fold) so that "VN-2C" finds "VN2C", and Source, which matches
	// any of a document's sources.
	Kind, Recipient, Supplier, Designation, Category, Status, Type, Source string
	// Dates, when not empty, are the record dates to match exactly.
	Dates []string
	// Involving, when not nil, selects the events that involve the party.
	Involving *Party
	// Since and Until bound the record date, inclusive. Dates of any
	// precision compare on their common prefix, so "2023" lies within
	// "2023-01".."2023-12" and "2023-05-01" does not lie after "2023-06".
	// Records without a date are left out when either is set.
	Since, Until string
	DocumentID   int64
	// DocumentIDs, when not empty, are the documents to match.
	DocumentIDs []int64
	RecordID    int64
	// Limit 0 means no limit.
	Limit, Offset int
}

// Party is a side of an event: an event involves it when the event's
// country is Country, or one of its actors folds (see catalog.Fold) to the
// folded form of one of Names.
type Party struct {
	Country string
	Names   []string
}

// SearchHit is one document found by Search.
type SearchHit struct {
	DocumentID int64
	Title, URL string
	// Snippet is an excerpt with "[" and "]" around each matched term.
	Snippet string
	// Rank is higher for more relevant documents; only the order is meaningful.
	Rank float64
}

// Stats counts what the store holds. Rejected records are not counted.
type Stats struct {
	Documents int
	// Duplicates are the documents with a twin.
	Duplicates int
	Transfers  int
	Events     int
	// ByStatus and ByRecipient count transfers.
	ByStatus    map[string]int
	ByRecipient map[string]int
}

// Store is a database of documents and records.
type Store interface {
	// AddDocument stores a document and its records in one transaction.
	// When a document with the same Hash exists, it only adds doc.Sources to
	// it and returns its ID with created=false (records are not added
	// again). An empty Hash or zero Simhash is computed from Body. It sets
	// doc.ID, and doc.IngestedAt when zero.
	AddDocument(ctx context.Context, doc *Document, recs []record.Record) (id int64, created bool, err error)
	// Document returns a document with its body, or ErrNotFound.
	Document(ctx context.Context, id int64) (*Document, error)
	// Documents lists documents, most recently ingested first, without Body.
	Documents(ctx context.Context, f Filter) ([]Document, error)
	// Records lists records in document then extraction order.
	Records(ctx context.Context, f Filter) ([]Record, error)
	// ReplaceRecords swaps a document's records for a new extraction,
	// keeping every review as Plan describes. It returns ErrNotFound for an
	// unknown document.
	ReplaceRecords(ctx context.Context, docID int64, recs []record.Record) (added, removed, kept int, err error)
	// Review applies a person's verdict to a record (for a correction, the
	// new value of one field; see Correct) and appends it to the record's
	// history, in one transaction. It sets rv.ID, rv.At when zero, and
	// rv.Old for a correction, and returns the record as it now is, or
	// ErrNotFound.
	Review(ctx context.Context, rv *Review) (Record, error)
	// History lists a record's reviews, oldest first, or ErrNotFound.
	History(ctx context.Context, recordID int64) ([]Review, error)
	// AddDocuments is AddDocument for a batch, in one transaction: all
	// are stored or none.
	AddDocuments(ctx context.Context, batch []Addition) ([]Added, error)
	// Fingerprints lists every document's Simhash, for a NearIndex.
	Fingerprints(ctx context.Context) ([]Fingerprint, error)
	// SetTwin marks docID as a near-duplicate of twinID (0 clears it). It
	// returns ErrNotFound when either document is absent.
	SetTwin(ctx context.Context, docID, twinID int64) error
	// Search finds documents by words in title or body, best first.
	// Words must all occur; "quoted words" must occur together. A limit
	// of 0 means no limit.
	Search(ctx context.Context, query string, limit int) ([]SearchHit, error)
	Stats(ctx context.Context) (Stats, error)

	// AddFeed starts following a feed; ErrExists if its URL is followed.
	// It sets f.ID, and f.Added when zero.
	AddFeed(ctx context.Context, f *Feed) error
	// Feeds lists the followed feeds in the order added.
	Feeds(ctx context.Context) ([]Feed, error)
	// UpdateFeed saves a feed's name and poll state, or ErrNotFound.
	UpdateFeed(ctx context.Context, f Feed) error
	// RemoveFeed stops following a feed and forgets its items, or ErrNotFound.
	RemoveFeed(ctx context.Context, id int64) error
	// UnseenItems returns the ones of a feed's item keys not yet marked seen,
	// in the order given.
	UnseenItems(ctx context.Context, feedID int64, keys []string) ([]string, error)
	// MarkSeen remembers a feed item as handled.
	MarkSeen(ctx context.Context, feedID int64, key string) error

	// AddWatchlist stores a watchlist; from then on every transfer stored
	// by AddDocument(s) that it Matches creates an Alert. It sets w.ID, and
	// w.Added when zero.
	AddWatchlist(ctx context.Context, w *Watchlist) error
	// Watchlists lists the watchlists in the order added.
	Watchlists(ctx context.Context) ([]Watchlist, error)
	// RemoveWatchlist deletes a watchlist and its alerts, or ErrNotFound.
	RemoveWatchlist(ctx context.Context, id int64) error
	// Alerts lists alerts, newest first, with their records.
	Alerts(ctx context.Context, f AlertFilter) ([]Alert, error)
	// RecordDelivery saves the outcome of a webhook delivery, or ErrNotFound.
	RecordDelivery(ctx context.Context, d Delivery) error

	Close() error
}

// ErrNotFound reports an absent document, record, feed or watchlist.
var ErrNotFound = errors.New("not found")

// ErrExists reports a feed that is already followed.
var ErrExists = errors.New("already exists")

// CheckRecord returns an error for a record no backend should store.
func CheckRecord(r record.Record) error {
	if r.Kind != record.KindTransfer && r.Kind != record.KindEvent {
		return fmt.Errorf("record kind %q, want %q or %q", r.Kind, record.KindTransfer, record.KindEvent)
	}
	return nil
}

// TextHash is the hex SHA-256 of body lower-cased with its white space
// collapsed, so that re-spaced copies of an article hash alike.
func TextHash(body string) string {
	sum := sha256.Sum256([]byte(strings.Join(strings.Fields(strings.ToLower(body)), " ")))
	return hex.EncodeToString(sum[:])
}

// Fingerprint is a document's SimHash.
type Fingerprint struct {
	ID      int64
	Simhash uint64
}

// NearIndex finds near-duplicates among fingerprints held in memory: an
// ingest loads them once and adds what it stores, rather than asking the
// database to scan every document for every new one.
type NearIndex struct {
	prints []Fingerprint
}

// NewNearIndex starts an index with the fingerprints of a store.
func NewNearIndex(prints []Fingerprint) *NearIndex {
	return &NearIndex{prints: prints}
}

// Add records a stored document's fingerprint.
func (x *NearIndex) Add(id int64, simhash uint64) {
	x.prints = append(x.prints, Fingerprint{id, simhash})
}

// Near lists the documents whose Simhash differs from simhash in at most
// maxDistance bits, closest first.
func (x *NearIndex) Near(simhash uint64, maxDistance int) []int64 {
	type near struct {
		id   int64
		dist int
	}
	var found []near
	for _, p := range x.prints {
		if d := bits.OnesCount64(p.Simhash ^ simhash); d <= maxDistance {
			found = append(found, near{p.ID, d})
		}
	}
	slices.SortFunc(found, func(a, b near) int {
		return cmp.Or(cmp.Compare(a.dist, b.dist), cmp.Compare(a.id, b.id))
	})
	ids := make([]int64, len(found))
	for i, n := range found {
		ids[i] = n.id
	}
	return ids
}

// Addition is a document to store with its records.
type Addition struct {
	Document *Document
	Records  []record.Record
	// Reviews, if not nil, are the records' reviews as another store holds
	// them (Reviews[i] for Records[i]), kept as they are rather than
	// applied, so that a copy loses nothing.
	Reviews []Reviewed
}

// Reviewed is a record's review with its history, oldest first.
type Reviewed struct {
	Review  string
	History []Review
}

// Added says what AddDocuments did with one document.
type Added struct {
	ID      int64
	Created bool
}
