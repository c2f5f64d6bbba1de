// Package postgres is the store backend on a PostgreSQL database, through
// pgx. Several Dossier processes can share one database; each schema (set
// with search_path in the URL) holds one store.
package postgres

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/dossier-osint/dossier/internal/record"
	"github.com/dossier-osint/dossier/internal/store"
)

// Store is a store.Store on a PostgreSQL schema.
type Store struct {
	// name is the database without credentials, for messages.
	name string
	pool *pgxpool.Pool
}

var _ store.Store = (*Store)(nil)

// querier is a pool or a transaction.
type querier interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
	SendBatch(ctx context.Context, b *pgx.Batch) pgx.BatchResults
}

// Open connects to the database at url (postgres://user@host:port/db, with
// ?search_path=SCHEMA to keep the store in a schema of its own) and brings
// its schema up to date.
func Open(ctx context.Context, url string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("database URL: %w", err)
	}
	s := &Store{name: describe(cfg.ConnConfig)}
	if s.pool, err = pgxpool.NewWithConfig(ctx, cfg); err != nil {
		return nil, fmt.Errorf("database %s: %w", s.name, err)
	}
	if err := s.migrate(ctx); err != nil {
		s.pool.Close()
		return nil, err
	}
	return s, nil
}

// describe names a database by its address and schema, never its password.
func describe(c *pgx.ConnConfig) string {
	name := fmt.Sprintf("postgres://%s:%d/%s", c.Host, c.Port, c.Database)
	if path := c.RuntimeParams["search_path"]; path != "" {
		name += "?search_path=" + path
	}
	return name
}

// Close closes the connections.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

// migrate applies the missing migrations in one transaction: PostgreSQL
// changes schemas transactionally, so a failure leaves the schema as it was.
func (s *Store) migrate(ctx context.Context) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		version, err := s.schemaVersion(ctx, tx)
		if err != nil {
			return err
		}
		if version > len(migrations) {
			return fmt.Errorf("it has schema version %d, newer than this Dossier (%d); upgrade Dossier",
				version, len(migrations))
		}
		for v := version; v < len(migrations); v++ {
			_, err := tx.Exec(ctx, migrations[v])
			if fill := backfills[v+1]; err == nil && fill != nil {
				err = fill(ctx, tx)
			}
			if err != nil {
				return fmt.Errorf("migration to schema version %d: %w", v+1, err)
			}
		}
		if version == len(migrations) {
			return nil
		}
		_, err = tx.Exec(ctx, sqlSetSchemaVersion, len(migrations))
		return err
	})
	if err != nil {
		return fmt.Errorf("database %s: %w", s.name, err)
	}
	return nil
}

// backfills[v] completes migration v, in its transaction, with what only
// Go computes.
var backfills = map[int]func(context.Context, pgx.Tx) error{2: fillParties}

// fillParties sets the party columns of the events stored before schema
// version 2 (see store.PartyValues).
func fillParties(ctx context.Context, tx pgx.Tx) error {
	events, err := queryRecords(ctx, tx, store.Filter{Kind: record.KindEvent})
	if err != nil {
		return err
	}
	b := &pgx.Batch{}
	for _, e := range events {
		b.Queue(sqlFillParties, append(store.PartyValues(e.Record), e.ID)...)
	}
	return tx.SendBatch(ctx, b).Close()
}

// schemaVersion locks out other processes' migrations, then reads the
// version of the schema Dossier uses: 0 for an empty schema.
func (s *Store) schemaVersion(ctx context.Context, tx pgx.Tx) (int, error) {
	if _, err := tx.Exec(ctx, sqlLock, migrationLock); err != nil {
		return 0, err
	}
	var schema *string
	if err := tx.QueryRow(ctx, sqlCurrentSchema).Scan(&schema); err != nil {
		return 0, err
	}
	if schema == nil {
		return 0, errors.New("its search_path names no existing schema; create it (CREATE SCHEMA name) or set another")
	}
	var tables, versionTables, version int
	if err := tx.QueryRow(ctx, sqlSchemaTables).Scan(&tables, &versionTables); err != nil {
		return 0, err
	}
	switch {
	case versionTables == 1:
		if err := tx.QueryRow(ctx, sqlSchemaVersion).Scan(&version); err != nil {
			return 0, fmt.Errorf("schema version: %w", err)
		}
	case tables > 0:
		return 0, fmt.Errorf("schema %q holds tables of another program; give Dossier a schema of its own with ?search_path=NAME",
			*schema)
	}
	return version, nil
}

// pgCode is the SQLSTATE of a PostgreSQL error, "" for other errors.
func pgCode(err error) string {
	var e *pgconn.PgError
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}

const (
	foreignKeyViolation = "23503"
	uniqueViolation     = "23505"
)

// AddDocument implements store.Store.
func (s *Store) AddDocument(ctx context.Context, doc *store.Document, recs []record.Record) (int64, bool, error) {
	return store.AddOne(ctx, s, doc, recs)
}

// AddDocuments implements store.Store. Writers lock the hashes they add, so
// that two adding the same article one after the other find it stored and
// add only its sources.
func (s *Store) AddDocuments(ctx context.Context, batch []store.Addition) ([]store.Added, error) {
	return store.AddBatch(batch, func(ats []time.Time) ([]store.Added, error) {
		var added []store.Added
		err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) (err error) {
			added, err = addBatch(ctx, tx, batch, ats)
			return err
		})
		return added, err
	})
}

// addBatch stores a batch in three round trips: what the store holds, the
// new rows' IDs, then every write at once.
func addBatch(ctx context.Context, tx pgx.Tx, batch []store.Addition, ats []time.Time) ([]store.Added, error) {
	stored, watch, err := lockAndRead(ctx, tx, batch)
	if err != nil {
		return nil, err
	}
	// The first of each text the store lacks is new; the others add sources.
	newDocs, newRecs := 0, 0
	seen := map[string]bool{}
	for _, a := range batch {
		if _, ok := stored[a.Document.Hash]; !ok && !seen[a.Document.Hash] {
			seen[a.Document.Hash] = true
			newDocs++
			newRecs += len(a.Records)
		}
	}
	docIDs, recIDs, err := allocateIDs(ctx, tx, newDocs, newRecs)
	if err != nil {
		return nil, err
	}
	added := make([]store.Added, len(batch))
	b := &pgx.Batch{}
	for n, a := range batch {
		doc := a.Document
		if id, ok := stored[doc.Hash]; ok {
			added[n] = store.Added{ID: id}
			b.Queue(sqlAddSources, id, doc.Sources)
			continue
		}
		id, ids := docIDs[0], recIDs[:len(a.Records)]
		docIDs, recIDs = docIDs[1:], recIDs[len(a.Records):]
		stored[doc.Hash] = id
		added[n] = store.Added{ID: id, Created: true}
		queueNew(b, watch, a, id, ids, ats[n])
	}
	return added, tx.SendBatch(ctx, b).Close()
}

// lockAndRead locks the batch's hashes, then reads the IDs of the documents
// stored with them and the watchlists. A twin that is not stored fails the
// batch.
func lockAndRead(ctx context.Context, tx pgx.Tx, batch []store.Addition) (stored map[string]int64, watch []store.Watchlist, err error) {
	hashes := make([]string, len(batch))
	keys := make([]int64, len(batch))
	twins := []int64{}
	for n, a := range batch {
		hashes[n] = a.Document.Hash
		h := fnv.New64a()
		h.Write([]byte(a.Document.Hash))
		keys[n] = int64(h.Sum64())
		if a.Document.TwinOf != 0 {
			twins = append(twins, a.Document.TwinOf)
		}
	}
	stored = map[string]int64{}
	var missing []int64
	b := &pgx.Batch{}
	b.Queue(sqlLockHashes, keys)
	b.Queue(sqlDocumentsByHash, hashes).Query(func(rows pgx.Rows) error {
		var hash string
		var id int64
		_, err := pgx.ForEachRow(rows, []any{&hash, &id}, func() error { stored[hash] = id; return nil })
		return err
	})
	b.Queue(sqlMissingDocuments, twins).Query(func(rows pgx.Rows) (err error) {
		missing, err = collect(rows, scanOne[int64])
		return err
	})
	b.Queue(sqlWatchlists).Query(func(rows pgx.Rows) (err error) {
		watch, err = collect(rows, scanWatchlist)
		return err
	})
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return nil, nil, err
	}
	if len(missing) > 0 {
		return nil, nil, fmt.Errorf("twin %d: %w", missing[0], store.ErrNotFound)
	}
	return stored, watch, nil
}

// allocateIDs draws IDs for new documents and records, in ascending order.
func allocateIDs(ctx context.Context, tx pgx.Tx, docs, recs int) (docIDs, recIDs []int64, err error) {
	err = tx.QueryRow(ctx, sqlAllocateIDs, docs, recs).Scan(&docIDs, &recIDs)
	return docIDs, recIDs, err
}

// queueNew queues the storing of a new document with its sources, records
// (whose IDs are recIDs), their reviews, and the alerts they raise.
func queueNew(b *pgx.Batch, watch []store.Watchlist, a store.Addition, id int64, recIDs []int64, at time.Time) {
	doc := a.Document
	b.Queue(sqlInsertDocument, id, doc.Hash, doc.URL, doc.Title, doc.Published, doc.Body, doc.Format, doc.TwinOf,
		int64(doc.Simhash), at)
	b.Queue(sqlAddSources, id, doc.Sources)
	placed := make([]store.Placed, len(a.Records))
	for i, r := range a.Records {
		placed[i] = store.Placed{Record: r}
	}
	queueRecords(b, id, placed, recIDs)
	queueReviews(b, recIDs, a.Reviews)
	queueAlerts(b, watch, id, recIDs, a.Records, at)
}

// queueReviews queues the storing of new records' reviews as another store
// holds them (reviews[i] for the record ids[i]).
func queueReviews(b *pgx.Batch, ids []int64, reviews []store.Reviewed) {
	for i, rv := range reviews {
		if rv.Review == store.ReviewNone {
			continue
		}
		b.Queue(sqlSetReview, rv.Review, ids[i])
		for _, h := range rv.History {
			b.Queue(sqlInsertReview, ids[i], h.Verdict, h.Reviewer, store.Stamp(h.At), h.Field, h.Old, h.New, h.Note)
		}
	}
}

// queueRecords queues the insertion of the records of placed with ID 0,
// under the IDs newIDs in turn, and the rewriting of the others, numbering
// them in order.
func queueRecords(b *pgx.Batch, docID int64, placed []store.Placed, newIDs []int64) {
	for seq, p := range placed {
		id, query := p.ID, sqlUpdateRecord
		if id == 0 {
			id, newIDs, query = newIDs[0], newIDs[1:], sqlInsertRecord
		}
		b.Queue(query, append([]any{id, docID, seq}, store.RecordValues(p.Record)...)...)
	}
}

// Document implements store.Store.
func (s *Store) Document(ctx context.Context, id int64) (*store.Document, error) {
	docs, err := list(ctx, s, fmt.Sprintf("document %d", id), sqlDocument, []any{id}, scanDocument)
	if err == nil && len(docs) == 0 {
		err = fmt.Errorf("document %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	return &docs[0], nil
}

// Documents implements store.Store.
func (s *Store) Documents(ctx context.Context, f store.Filter) ([]store.Document, error) {
	q, args := documentsQuery(f)
	return list(ctx, s, "documents", q, args, scanDocument)
}

func scanDocument(row pgx.Row) (store.Document, error) {
	var d store.Document
	var simhash int64
	err := row.Scan(&d.ID, &d.Hash, &d.URL, &d.Title, &d.Published, &d.Format, &d.TwinOf, &simhash,
		utc{&d.IngestedAt}, &d.Sources, &d.Body)
	d.Simhash = uint64(simhash)
	return d, err
}

// list reads every row of a query on the pool with scan; an error names
// what was listed.
func list[T any](ctx context.Context, s *Store, what, query string, args []any, scan func(pgx.Row) (T, error)) ([]T, error) {
	out, err := queryAll(ctx, s.pool, query, args, scan)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return out, nil
}

// queryAll reads every row of a query with scan.
func queryAll[T any](ctx context.Context, db querier, query string, args []any, scan func(pgx.Row) (T, error)) ([]T, error) {
	rows, _ := db.Query(ctx, query, args...)
	return collect(rows, scan)
}

// scanOne reads a row of one column.
func scanOne[T any](row pgx.Row) (T, error) {
	var v T
	err := row.Scan(&v)
	return v, err
}

// collect reads every row with scan; no row gives nil.
func collect[T any](rows pgx.Rows, scan func(pgx.Row) (T, error)) ([]T, error) {
	return pgx.AppendRows([]T(nil), rows, func(row pgx.CollectableRow) (T, error) { return scan(row) })
}

// Records implements store.Store.
func (s *Store) Records(ctx context.Context, f store.Filter) ([]store.Record, error) {
	recs, err := queryRecords(ctx, s.pool, f)
	if err != nil {
		return nil, fmt.Errorf("records: %w", err)
	}
	return recs, nil
}

func queryRecords(ctx context.Context, db querier, f store.Filter) ([]store.Record, error) {
	q, args := recordsQuery(f)
	return queryAll(ctx, db, q, args, func(row pgx.Row) (store.Record, error) {
		var r store.Record
		var js []byte
		var source string
		err := row.Scan(&r.ID, &r.DocumentID, &r.Review, &js, &source)
		if err == nil {
			err = decodeRecord(&r, js, source)
		}
		return r, err
	})
}

// decodeRecord fills in r from its stored JSON and its document's source.
// The stored JSON is valid: calling the decoder itself spares
// json.Unmarshal's second pass over it.
func decodeRecord(r *store.Record, js []byte, source string) error {
	if err := r.Record.UnmarshalJSON(js); err != nil {
		return fmt.Errorf("record %d: %w", r.ID, err)
	}
	r.Source = source
	return nil
}

// ReplaceRecords implements store.Store.
func (s *Store) ReplaceRecords(ctx context.Context, docID int64, recs []record.Record) (added, removed, kept int, err error) {
	if err := store.CheckRecords(recs); err != nil {
		return 0, 0, 0, fmt.Errorf("replace records of document %d: %w", docID, err)
	}
	err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		// The lock keeps a concurrent replacement from reading the records
		// this one is about to change.
		if err := mustExist(ctx, tx, sqlLockDocument, docID); err != nil {
			return err
		}
		old, err := queryRecords(ctx, tx, store.Filter{DocumentID: docID})
		if err != nil {
			return err
		}
		plan := store.PlanReplace(old, recs)
		added, removed, kept = plan.Counts()
		_, newIDs, err := allocateIDs(ctx, tx, 0, added)
		if err != nil {
			return err
		}
		b := &pgx.Batch{}
		for _, id := range plan.Delete {
			b.Queue(sqlDeleteRecord, id)
		}
		queueRecords(b, docID, plan.Records, newIDs)
		return tx.SendBatch(ctx, b).Close()
	})
	if err != nil {
		return 0, 0, 0, fmt.Errorf("replace records of document %d: %w", docID, err)
	}
	return added, removed, kept, nil
}

// mustExist runs a query for one row, ErrNotFound if there is none.
func mustExist(ctx context.Context, db querier, query string, args ...any) error {
	var one int
	err := db.QueryRow(ctx, query, args...).Scan(&one)
	if errors.Is(err, pgx.ErrNoRows) {
		return store.ErrNotFound
	}
	return err
}

// Review implements store.Store.
func (s *Store) Review(ctx context.Context, rv *store.Review) (store.Record, error) {
	if err := store.CheckReview(*rv); err != nil {
		return store.Record{}, fmt.Errorf("review record %d: %w", rv.RecordID, err)
	}
	at := store.Stamp(rv.At)
	var out store.Record
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		// Locked, so that concurrent reviews apply one after the other.
		if err := mustExist(ctx, tx, sqlLockRecord, rv.RecordID); err != nil {
			return err
		}
		recs, err := queryRecords(ctx, tx, store.Filter{RecordID: rv.RecordID})
		if err != nil {
			return err
		}
		out = recs[0]
		changed, err := store.ApplyReview(&out, rv)
		if err != nil {
			return err
		}
		if changed {
			if _, err := tx.Exec(ctx, sqlRewriteRecord, append(store.RecordValues(out.Record), out.ID)...); err != nil {
				return err
			}
		}
		if _, err := tx.Exec(ctx, sqlSetReview, out.Review, out.ID); err != nil {
			return err
		}
		return tx.QueryRow(ctx, sqlInsertReview, rv.RecordID, rv.Verdict, rv.Reviewer, at, rv.Field, rv.Old, rv.New,
			rv.Note).Scan(&rv.ID)
	})
	if err != nil {
		return store.Record{}, fmt.Errorf("review record %d: %w", rv.RecordID, err)
	}
	rv.At = at
	return out, nil
}

// History implements store.Store.
func (s *Store) History(ctx context.Context, recordID int64) ([]store.Review, error) {
	if err := mustExist(ctx, s.pool, sqlRecordExists, recordID); err != nil {
		return nil, fmt.Errorf("history of record %d: %w", recordID, err)
	}
	return list(ctx, s, fmt.Sprintf("history of record %d", recordID), sqlHistory, []any{recordID},
		func(row pgx.Row) (store.Review, error) {
			var rv store.Review
			err := row.Scan(&rv.ID, &rv.RecordID, &rv.Verdict, &rv.Reviewer, utc{&rv.At}, &rv.Field, &rv.Old, &rv.New, &rv.Note)
			return rv, err
		})
}

// Fingerprints implements store.Store.
func (s *Store) Fingerprints(ctx context.Context) ([]store.Fingerprint, error) {
	return list(ctx, s, "fingerprints", sqlSimhashes, nil, func(row pgx.Row) (store.Fingerprint, error) {
		var id, h int64
		err := row.Scan(&id, &h)
		return store.Fingerprint{ID: id, Simhash: uint64(h)}, err
	})
}

// SetTwin implements store.Store.
func (s *Store) SetTwin(ctx context.Context, docID, twinID int64) error {
	if docID == twinID {
		return fmt.Errorf("set twin of document %d: a document is not its own twin", docID)
	}
	err := s.execOne(ctx, sqlSetTwin, twinID, docID)
	if pgCode(err) == foreignKeyViolation {
		err = fmt.Errorf("twin %d: %w", twinID, store.ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("set twin of document %d: %w", docID, err)
	}
	return nil
}

// execOne runs a statement that must change one row, else ErrNotFound.
func (s *Store) execOne(ctx context.Context, query string, args ...any) error {
	tag, err := s.pool.Exec(ctx, query, args...)
	if err == nil && tag.RowsAffected() == 0 {
		err = store.ErrNotFound
	}
	return err
}

// Search implements store.Store.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]store.SearchHit, error) {
	phrases := store.SearchPhrases(query)
	if phrases == "" {
		return nil, nil
	}
	return list(ctx, s, fmt.Sprintf("search %q", query), sqlSearch, []any{phrases, limitValue(limit)},
		func(row pgx.Row) (store.SearchHit, error) {
			var h store.SearchHit
			err := row.Scan(&h.DocumentID, &h.Title, &h.URL, &h.Snippet, &h.Rank)
			return h, err
		})
}

// Stats implements store.Store.
func (s *Store) Stats(ctx context.Context) (store.Stats, error) {
	st := store.Stats{ByStatus: map[string]int{}, ByRecipient: map[string]int{}}
	// One snapshot for both counts.
	opts := pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}
	err := pgx.BeginTxFunc(ctx, s.pool, opts, func(tx pgx.Tx) error {
		if err := tx.QueryRow(ctx, sqlCountDocuments).Scan(&st.Documents, &st.Duplicates); err != nil {
			return err
		}
		rows, _ := tx.Query(ctx, sqlCountRecords)
		var kind, status, recipient string
		var n int
		_, err := pgx.ForEachRow(rows, []any{&kind, &status, &recipient, &n}, func() error {
			st.Count(kind, status, recipient, n)
			return nil
		})
		return err
	})
	if err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	return st, nil
}
