// Package sqlite is the store backend on a single SQLite file, through the
// pure-Go driver modernc.org/sqlite.
package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	sqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/dossier-osint/dossier/internal/record"
	"github.com/dossier-osint/dossier/internal/store"
)

// Store is a store.Store on one SQLite file.
type Store struct {
	path string
	// write has a single connection: SQLite admits one writer at a time,
	// and waiting for the connection in Go is fairer and cheaper than
	// transactions failing with SQLITE_BUSY and retrying.
	write *sql.DB
	// read serves queries in parallel; in WAL mode readers do not block the
	// writer nor each other.
	read *sql.DB
}

var _ store.Store = (*Store)(nil)

// timeLayout keeps microseconds, as PostgreSQL does, and a fixed width so
// that the text sorts in time order.
const timeLayout = "2006-01-02T15:04:05.000000Z07:00"

// Open opens the database at path, creating it and its directory if
// missing, and brings its schema up to date.
func Open(path string) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("database %s: %w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return nil, fmt.Errorf("database %s: %w", path, err)
	}
	// A file: URI, escaped, so that no character of the path is read as
	// part of the query string; Windows paths need a leading slash.
	uriPath := filepath.ToSlash(abs)
	if !strings.HasPrefix(uriPath, "/") {
		uriPath = "/" + uriPath
	}
	uri := (&url.URL{Scheme: "file", Path: uriPath}).String()
	write, err := sql.Open("sqlite", uri+"?"+writeParams)
	if err != nil {
		return nil, fmt.Errorf("database %s: %w", path, err)
	}
	write.SetMaxOpenConns(1)
	s := &Store{path: path, write: write}
	if err := s.migrate(context.Background()); err != nil {
		write.Close()
		return nil, err
	}
	s.read, err = sql.Open("sqlite", uri+"?"+readParams)
	if err != nil {
		write.Close()
		return nil, fmt.Errorf("database %s: %w", path, err)
	}
	// Idle connections are kept: opening one parses the schema again.
	conns := max(4, runtime.GOMAXPROCS(0))
	s.read.SetMaxOpenConns(conns)
	s.read.SetMaxIdleConns(conns)
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error {
	return errors.Join(s.read.Close(), s.write.Close())
}

// migrate applies the missing migrations, one transaction each, so that a
// failure leaves the database at the last complete version.
func (s *Store) migrate(ctx context.Context) error {
	for {
		done, err := s.migrateOne(ctx)
		if err != nil || done {
			return err
		}
	}
}

func (s *Store) migrateOne(ctx context.Context) (done bool, err error) {
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return false, s.openError(err)
	}
	defer tx.Rollback()
	// Read inside the write transaction, so that two processes opening a
	// new file do not both migrate it.
	var version, appID, objects int
	if err := tx.QueryRowContext(ctx, sqlUserVersion).Scan(&version); err != nil {
		return false, s.openError(err)
	}
	if err := tx.QueryRowContext(ctx, sqlApplicationID).Scan(&appID); err != nil {
		return false, s.openError(err)
	}
	if err := tx.QueryRowContext(ctx, sqlCountSchema).Scan(&objects); err != nil {
		return false, s.openError(err)
	}
	switch {
	case version == 0 && objects > 0, version > 0 && appID != applicationID:
		return false, fmt.Errorf("database %s is a SQLite database of another program, not Dossier's", s.path)
	case version > len(migrations):
		return false, fmt.Errorf("database %s has schema version %d, newer than this Dossier (%d); upgrade Dossier",
			s.path, version, len(migrations))
	case version == len(migrations):
		return true, nil
	}
	_, err = tx.ExecContext(ctx, migrations[version])
	if fill := backfills[version+1]; err == nil && fill != nil {
		err = fill(ctx, tx)
	}
	if err != nil {
		return false, fmt.Errorf("database %s: migration to schema version %d: %w", s.path, version+1, err)
	}
	if _, err := tx.ExecContext(ctx, sqlSetUserVersion(version+1)); err != nil {
		return false, fmt.Errorf("database %s: %w", s.path, err)
	}
	if _, err := tx.ExecContext(ctx, sqlSetApplicationID); err != nil {
		return false, fmt.Errorf("database %s: %w", s.path, err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("database %s: migration to schema version %d: %w", s.path, version+1, err)
	}
	return false, nil
}

// backfills[v] completes migration v, in its transaction, with what only
// Go computes.
var backfills = map[int]func(context.Context, *sql.Tx) error{3: fillParties}

// fillParties sets the party columns of the events stored before schema
// version 3 (see store.PartyValues).
func fillParties(ctx context.Context, tx *sql.Tx) error {
	events, err := queryRecords(ctx, tx, store.Filter{Kind: record.KindEvent})
	if err != nil {
		return err
	}
	fill, err := tx.PrepareContext(ctx, sqlFillParties)
	if err != nil {
		return err
	}
	defer fill.Close()
	for _, e := range events {
		if _, err := fill.ExecContext(ctx, append(store.PartyValues(e.Record), e.ID)...); err != nil {
			return err
		}
	}
	return nil
}

// openError names the path, and says plainly when the file is not a
// database at all (SQLite's own message is "file is not a database (26)").
func (s *Store) openError(err error) error {
	if sqliteCode(err) == sqlite3.SQLITE_NOTADB {
		return fmt.Errorf("database %s: not a SQLite database file", s.path)
	}
	return fmt.Errorf("database %s: %w", s.path, err)
}

func sqliteCode(err error) int {
	var e *sqlite.Error
	if errors.As(err, &e) {
		return e.Code()
	}
	return 0
}

// inTx runs fn in a write transaction, committed when fn returns nil.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// AddDocument implements store.Store.
func (s *Store) AddDocument(ctx context.Context, doc *store.Document, recs []record.Record) (int64, bool, error) {
	return store.AddOne(ctx, s, doc, recs)
}

// AddDocuments implements store.Store: one transaction for the batch, so a
// busy ingest pays for one commit, not one per article.
func (s *Store) AddDocuments(ctx context.Context, batch []store.Addition) ([]store.Added, error) {
	return store.AddBatch(batch, func(ats []time.Time) ([]store.Added, error) {
		added := make([]store.Added, len(batch))
		err := s.inTx(ctx, func(tx *sql.Tx) error {
			watch, err := queryWatchlists(ctx, tx)
			if err != nil {
				return err
			}
			ptx := prepared(tx)
			for n, a := range batch {
				id, created, err := addOne(ctx, ptx, watch, a, ats[n])
				if err != nil {
					return err
				}
				added[n] = store.Added{ID: id, Created: created}
			}
			return nil
		})
		return added, err
	})
}

// addOne stores one document and its records inside tx, or adds its
// sources to the stored copy with the same hash.
func addOne(ctx context.Context, tx *preparedTx, watch []store.Watchlist, a store.Addition, at time.Time) (int64, bool, error) {
	doc, recs := a.Document, a.Records
	var id int64
	err := tx.QueryRowContext(ctx, sqlDocumentByHash, doc.Hash).Scan(&id)
	if err == nil {
		return id, false, addSources(ctx, tx, id, doc.Sources)
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, false, err
	}
	res, err := tx.ExecContext(ctx, sqlInsertDocument, doc.Hash, doc.URL, doc.Title, doc.Published, doc.Body,
		doc.Format, doc.TwinOf, int64(doc.Simhash), at.Format(timeLayout))
	if err != nil {
		if sqliteCode(err) == sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY {
			return 0, false, fmt.Errorf("twin %d: %w", doc.TwinOf, store.ErrNotFound)
		}
		return 0, false, err
	}
	if id, err = res.LastInsertId(); err != nil {
		return 0, false, err
	}
	if err := addSources(ctx, tx, id, doc.Sources); err != nil {
		return 0, false, err
	}
	placed := make([]store.Placed, len(recs))
	for i, r := range recs {
		placed[i] = store.Placed{Record: r}
	}
	ids, err := writeRecords(ctx, tx, id, placed)
	if err != nil {
		return 0, false, err
	}
	if err := addReviews(ctx, tx, ids, a.Reviews); err != nil {
		return 0, false, err
	}
	return id, true, addAlerts(ctx, tx, watch, id, ids, recs, at)
}

// addReviews stores new records' reviews as another store holds them
// (reviews[i] for the record ids[i]).
func addReviews(ctx context.Context, tx *preparedTx, ids []int64, reviews []store.Reviewed) error {
	for i, rv := range reviews {
		if rv.Review == store.ReviewNone {
			continue
		}
		if _, err := tx.ExecContext(ctx, sqlSetReview, rv.Review, ids[i]); err != nil {
			return err
		}
		for _, h := range rv.History {
			_, err := tx.ExecContext(ctx, sqlInsertReview, ids[i], h.Verdict, h.Reviewer, formatTime(store.Stamp(h.At)),
				h.Field, string(h.Old), string(h.New), h.Note)
			if err != nil {
				return err
			}
		}
	}
	return nil
}

func addSources(ctx context.Context, tx *preparedTx, docID int64, sources []string) error {
	for _, src := range sources {
		if _, err := tx.ExecContext(ctx, sqlAddSource, docID, src); err != nil {
			return err
		}
	}
	return nil
}

// writeRecords inserts the records of placed with ID 0 and rewrites the
// others, numbering them in order. It returns the new records' IDs, 0 for
// the rewritten.
func writeRecords(ctx context.Context, tx *preparedTx, docID int64, placed []store.Placed) ([]int64, error) {
	ids := make([]int64, len(placed))
	for seq, p := range placed {
		cols := recordColumns(docID, seq, p.Record)
		if p.ID != 0 {
			if _, err := tx.ExecContext(ctx, sqlUpdateRecord, append(cols, p.ID)...); err != nil {
				return nil, err
			}
			continue
		}
		res, err := tx.ExecContext(ctx, sqlInsertRecord, cols...)
		if err != nil {
			return nil, err
		}
		if ids[seq], err = res.LastInsertId(); err != nil {
			return nil, err
		}
	}
	return ids, nil
}

// recordColumns are the values of sqlInsertRecord for a record.
func recordColumns(docID int64, seq int, r record.Record) []any {
	return append([]any{docID, seq}, store.RecordValues(r)...)
}

// Document implements store.Store.
func (s *Store) Document(ctx context.Context, id int64) (*store.Document, error) {
	d, err := scanDocument(s.read.QueryRowContext(ctx, sqlDocument, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("document %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("document %d: %w", id, err)
	}
	return &d, nil
}

// Documents implements store.Store.
func (s *Store) Documents(ctx context.Context, f store.Filter) ([]store.Document, error) {
	q, args := documentsQuery(f)
	rows, err := s.read.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("documents: %w", err)
	}
	defer rows.Close()
	var docs []store.Document
	for rows.Next() {
		d, err := scanDocument(rows)
		if err != nil {
			return nil, fmt.Errorf("documents: %w", err)
		}
		docs = append(docs, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("documents: %w", err)
	}
	return docs, nil
}

type scanner interface{ Scan(dest ...any) error }

func scanDocument(row scanner) (store.Document, error) {
	var d store.Document
	var simhash int64
	var at, sources string
	if err := row.Scan(&d.ID, &d.Hash, &d.URL, &d.Title, &d.Published, &d.Format, &d.TwinOf, &simhash, &at,
		&sources, &d.Body); err != nil {
		return d, err
	}
	d.Simhash = uint64(simhash)
	var err error
	if d.IngestedAt, err = time.Parse(timeLayout, at); err != nil {
		return d, err
	}
	if err := json.Unmarshal([]byte(sources), &d.Sources); err != nil {
		return d, err
	}
	if len(d.Sources) == 0 {
		d.Sources = nil
	}
	return d, nil
}

// Records implements store.Store.
func (s *Store) Records(ctx context.Context, f store.Filter) ([]store.Record, error) {
	recs, err := queryRecords(ctx, s.read, f)
	if err != nil {
		return nil, fmt.Errorf("records: %w", err)
	}
	return recs, nil
}

type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

func queryRecords(ctx context.Context, db querier, f store.Filter) ([]store.Record, error) {
	q, args := recordsQuery(f)
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var recs []store.Record
	for rows.Next() {
		var r store.Record
		var js, source string
		if err := rows.Scan(&r.ID, &r.DocumentID, &r.Review, &js, &source); err != nil {
			return nil, err
		}
		// The stored JSON is valid (a CHECK says so): calling the decoder
		// itself spares json.Unmarshal's second pass over it.
		if err := r.Record.UnmarshalJSON([]byte(js)); err != nil {
			return nil, fmt.Errorf("record %d: %w", r.ID, err)
		}
		r.Source = source
		recs = append(recs, r)
	}
	return recs, rows.Err()
}

// ReplaceRecords implements store.Store.
func (s *Store) ReplaceRecords(ctx context.Context, docID int64, recs []record.Record) (added, removed, kept int, err error) {
	if err := store.CheckRecords(recs); err != nil {
		return 0, 0, 0, fmt.Errorf("replace records of document %d: %w", docID, err)
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		var one int
		if err := tx.QueryRowContext(ctx, sqlDocumentExists, docID).Scan(&one); errors.Is(err, sql.ErrNoRows) {
			return store.ErrNotFound
		} else if err != nil {
			return err
		}
		old, err := queryRecords(ctx, tx, store.Filter{DocumentID: docID})
		if err != nil {
			return err
		}
		plan := store.PlanReplace(old, recs)
		for _, id := range plan.Delete {
			if _, err := tx.ExecContext(ctx, sqlDeleteRecord, id); err != nil {
				return err
			}
		}
		added, removed, kept = plan.Counts()
		_, err = writeRecords(ctx, prepared(tx), docID, plan.Records)
		return err
	})
	if err != nil {
		return 0, 0, 0, fmt.Errorf("replace records of document %d: %w", docID, err)
	}
	return added, removed, kept, nil
}

// Review implements store.Store.
func (s *Store) Review(ctx context.Context, rv *store.Review) (store.Record, error) {
	if err := store.CheckReview(*rv); err != nil {
		return store.Record{}, fmt.Errorf("review record %d: %w", rv.RecordID, err)
	}
	at := store.Stamp(rv.At)
	var out store.Record
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		recs, err := queryRecords(ctx, tx, store.Filter{RecordID: rv.RecordID})
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			return store.ErrNotFound
		}
		out = recs[0]
		changed, err := store.ApplyReview(&out, rv)
		if err != nil {
			return err
		}
		if changed {
			if err := rewriteRecord(ctx, tx, out); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, sqlSetReview, out.Review, out.ID); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, sqlInsertReview, rv.RecordID, rv.Verdict, rv.Reviewer, at.Format(timeLayout),
			rv.Field, string(rv.Old), string(rv.New), rv.Note)
		if err != nil {
			return err
		}
		rv.ID, err = res.LastInsertId()
		return err
	})
	if err != nil {
		return store.Record{}, fmt.Errorf("review record %d: %w", rv.RecordID, err)
	}
	rv.At = at
	return out, nil
}

// rewriteRecord stores a record's new content in its place.
func rewriteRecord(ctx context.Context, tx *sql.Tx, r store.Record) error {
	var seq int
	if err := tx.QueryRowContext(ctx, `SELECT seq FROM records WHERE id = ?`, r.ID).Scan(&seq); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, sqlUpdateRecord, append(recordColumns(r.DocumentID, seq, r.Record), r.ID)...)
	return err
}

// History implements store.Store.
func (s *Store) History(ctx context.Context, recordID int64) ([]store.Review, error) {
	var one int
	if err := s.read.QueryRowContext(ctx, sqlRecordExists, recordID).Scan(&one); errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("history of record %d: %w", recordID, store.ErrNotFound)
	} else if err != nil {
		return nil, fmt.Errorf("history of record %d: %w", recordID, err)
	}
	rows, err := s.read.QueryContext(ctx, sqlHistory, recordID)
	if err != nil {
		return nil, fmt.Errorf("history of record %d: %w", recordID, err)
	}
	defer rows.Close()
	var out []store.Review
	for rows.Next() {
		var rv store.Review
		var at, old, nw string
		if err := rows.Scan(&rv.ID, &rv.RecordID, &rv.Verdict, &rv.Reviewer, &at, &rv.Field, &old, &nw, &rv.Note); err != nil {
			return nil, fmt.Errorf("history of record %d: %w", recordID, err)
		}
		if rv.At, err = parseTime(at); err != nil {
			return nil, fmt.Errorf("history of record %d: %w", recordID, err)
		}
		if old != "" {
			rv.Old = json.RawMessage(old)
		}
		if nw != "" {
			rv.New = json.RawMessage(nw)
		}
		out = append(out, rv)
	}
	return out, rows.Err()
}

// mustAffect turns an update of no row into ErrNotFound.
func mustAffect(res sql.Result) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return store.ErrNotFound
	}
	return nil
}

// Fingerprints implements store.Store.
func (s *Store) Fingerprints(ctx context.Context) ([]store.Fingerprint, error) {
	rows, err := s.read.QueryContext(ctx, sqlSimhashes)
	if err != nil {
		return nil, fmt.Errorf("fingerprints: %w", err)
	}
	defer rows.Close()
	var out []store.Fingerprint
	for rows.Next() {
		var id, h int64
		if err := rows.Scan(&id, &h); err != nil {
			return nil, fmt.Errorf("fingerprints: %w", err)
		}
		out = append(out, store.Fingerprint{ID: id, Simhash: uint64(h)})
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("fingerprints: %w", err)
	}
	return out, nil
}

// SetTwin implements store.Store.
func (s *Store) SetTwin(ctx context.Context, docID, twinID int64) error {
	if docID == twinID {
		return fmt.Errorf("set twin of document %d: a document is not its own twin", docID)
	}
	res, err := s.write.ExecContext(ctx, sqlSetTwin, twinID, docID)
	if sqliteCode(err) == sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY {
		err = fmt.Errorf("twin %d: %w", twinID, store.ErrNotFound)
	} else if err == nil {
		err = mustAffect(res)
	}
	if err != nil {
		return fmt.Errorf("set twin of document %d: %w", docID, err)
	}
	return nil
}

// Search implements store.Store.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]store.SearchHit, error) {
	q := store.SearchPhrases(query)
	if q == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = -1
	}
	rows, err := s.read.QueryContext(ctx, sqlSearch, q, limit)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	defer rows.Close()
	var hits []store.SearchHit
	for rows.Next() {
		var h store.SearchHit
		if err := rows.Scan(&h.DocumentID, &h.Title, &h.URL, &h.Snippet, &h.Rank); err != nil {
			return nil, fmt.Errorf("search %q: %w", query, err)
		}
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	return hits, nil
}

// Stats implements store.Store.
func (s *Store) Stats(ctx context.Context) (store.Stats, error) {
	st := store.Stats{ByStatus: map[string]int{}, ByRecipient: map[string]int{}}
	// One read transaction, so that both counts see the same snapshot.
	tx, err := s.read.BeginTx(ctx, nil)
	if err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	defer tx.Rollback()
	if err := tx.QueryRowContext(ctx, sqlCountDocuments).Scan(&st.Documents, &st.Duplicates); err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	rows, err := tx.QueryContext(ctx, sqlCountRecords)
	if err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var kind, status, recipient string
		var n int
		if err := rows.Scan(&kind, &status, &recipient, &n); err != nil {
			return st, fmt.Errorf("stats: %w", err)
		}
		st.Count(kind, status, recipient, n)
	}
	if err := rows.Err(); err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	return st, nil
}
