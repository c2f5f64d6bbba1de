package sqlite

import (
	"fmt"
	"strings"

	"github.com/dossier-osint/dossier/internal/store"
)

// All the SQL of this backend is in this file.

// Connection settings. busy_timeout covers other processes (a second
// Dossier on the same file); synchronous=NORMAL in WAL mode loses no
// committed transaction when the process dies, only possibly the last ones
// on power loss, and never corrupts the file.
const (
	writeParams = "_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)" +
		"&_pragma=foreign_keys(1)&_txlock=immediate"
	readParams = "_pragma=busy_timeout(10000)&_pragma=query_only(1)"
)

// migrations[i] takes a database from schema version i to i+1. Append only:
// a released migration never changes, since databases in the field have
// already run it.
var migrations = []string{
	// 1: documents with their sources, records, and the full-text index.
	`
CREATE TABLE documents (
	id          INTEGER PRIMARY KEY,
	hash        TEXT NOT NULL UNIQUE,
	url         TEXT NOT NULL,
	title       TEXT NOT NULL,
	published   TEXT NOT NULL,
	body        TEXT NOT NULL,
	format      TEXT NOT NULL,
	twin_of     INTEGER REFERENCES documents(id) ON DELETE SET NULL,
	simhash     INTEGER NOT NULL, -- the uint64 bits as a signed integer
	ingested_at TEXT NOT NULL     -- UTC, fixed width so that it sorts as text
);
CREATE INDEX documents_twin_of ON documents(twin_of);

CREATE TABLE document_sources (
	document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	seq         INTEGER NOT NULL, -- order first seen; 0 is the records' source
	source      TEXT NOT NULL,
	PRIMARY KEY (document_id, seq),
	UNIQUE (document_id, source)
) WITHOUT ROWID;
CREATE INDEX document_sources_source ON document_sources(source);

-- The filter fields are columns; json is the record as the guidelines write
-- it, without source, which comes from the document.
CREATE TABLE records (
	id               INTEGER PRIMARY KEY,
	document_id      INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	seq              INTEGER NOT NULL, -- extraction order
	kind             TEXT NOT NULL,
	recipient        TEXT NOT NULL,
	supplier         TEXT,
	designation      TEXT,
	designation_fold TEXT NOT NULL,
	category         TEXT NOT NULL,
	status           TEXT NOT NULL,
	type             TEXT NOT NULL,
	date             TEXT,
	review           TEXT NOT NULL DEFAULT '' CHECK (review IN ('', 'confirmed', 'rejected', 'corrected')),
	json             TEXT NOT NULL CHECK (json_valid(json))
);
-- Ending in (document_id, seq), the indexes give rows in list order, so a
-- page is read without sorting every match.
CREATE INDEX records_document ON records(document_id, seq);
CREATE INDEX records_recipient ON records(recipient, document_id, seq);
CREATE INDEX records_designation ON records(designation_fold, document_id, seq);

-- External content: the text is stored once, in documents, and the
-- triggers keep the index in step within the writing transaction.
CREATE VIRTUAL TABLE documents_fts USING fts5(
	title, body, content='documents', content_rowid='id',
	tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
	INSERT INTO documents_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
	INSERT INTO documents_fts(documents_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, body ON documents BEGIN
	INSERT INTO documents_fts(documents_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
	INSERT INTO documents_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
`,
	// 2: review history, followed feeds, watchlists and their alerts. Times
	// are text in timeLayout, '' for none.
	`
CREATE TABLE reviews (
	id        INTEGER PRIMARY KEY,
	record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
	verdict   TEXT NOT NULL,
	reviewer  TEXT NOT NULL,
	at        TEXT NOT NULL,
	field     TEXT NOT NULL,
	old       TEXT NOT NULL, -- JSON, '' unless a correction
	new       TEXT NOT NULL,
	note      TEXT NOT NULL
);
CREATE INDEX reviews_record ON reviews(record_id, id);

CREATE TABLE feeds (
	id            INTEGER PRIMARY KEY,
	url           TEXT NOT NULL UNIQUE,
	name          TEXT NOT NULL,
	etag          TEXT NOT NULL,
	last_modified TEXT NOT NULL,
	last_polled   TEXT NOT NULL,
	next_poll     TEXT NOT NULL,
	last_error    TEXT NOT NULL,
	failures      INTEGER NOT NULL,
	added         TEXT NOT NULL
);
CREATE TABLE feed_items (
	feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
	key     TEXT NOT NULL,
	PRIMARY KEY (feed_id, key)
) WITHOUT ROWID;

CREATE TABLE watchlists (
	id        INTEGER PRIMARY KEY,
	recipient TEXT NOT NULL,
	supplier  TEXT NOT NULL,
	category  TEXT NOT NULL,
	webhook   TEXT NOT NULL,
	secret    TEXT NOT NULL,
	added     TEXT NOT NULL
);
-- An alert keeps the record as it was when stored: a new extraction may
-- replace the record, never the alert.
CREATE TABLE alerts (
	id           INTEGER PRIMARY KEY,
	watchlist_id INTEGER NOT NULL REFERENCES watchlists(id) ON DELETE CASCADE,
	record_id    INTEGER NOT NULL,
	document_id  INTEGER NOT NULL,
	record       TEXT NOT NULL CHECK (json_valid(record)),
	created      TEXT NOT NULL,
	delivered    TEXT NOT NULL DEFAULT '',
	attempts     INTEGER NOT NULL DEFAULT 0,
	next_attempt TEXT NOT NULL DEFAULT '',
	last_error   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX alerts_watchlist ON alerts(watchlist_id, id);
`,
	// 3: the parties of events, for store.Filter.Involving (see
	// store.PartyColumns), and an index for agreements on given dates.
	// fillParties computes the new columns of the events already stored:
	// folding is Go's.
	`
ALTER TABLE records ADD COLUMN country TEXT;
ALTER TABLE records ADD COLUMN actor_folds TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(actor_folds));
CREATE INDEX records_country ON records(country);
CREATE INDEX records_type_date ON records(type, date);

CREATE TABLE record_actors (
	name_fold TEXT NOT NULL,
	record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
	PRIMARY KEY (name_fold, record_id)
) WITHOUT ROWID;
CREATE INDEX record_actors_record ON record_actors(record_id);
-- The triggers keep record_actors in step with actor_folds within the
-- writing transaction; deleting a record cascades.
CREATE TRIGGER records_actors_insert AFTER INSERT ON records BEGIN
	INSERT OR IGNORE INTO record_actors (name_fold, record_id) SELECT value, new.id FROM json_each(new.actor_folds);
END;
CREATE TRIGGER records_actors_update AFTER UPDATE OF actor_folds ON records BEGIN
	DELETE FROM record_actors WHERE record_id = old.id;
	INSERT OR IGNORE INTO record_actors (name_fold, record_id) SELECT value, new.id FROM json_each(new.actor_folds);
END;
`,
}

// applicationID marks a SQLite file as Dossier's ("DOSS").
const applicationID = 0x444f5353

// PRAGMAs take no parameters, so their values are formatted in.
func sqlSetUserVersion(v int) string { return fmt.Sprintf(`PRAGMA user_version = %d`, v) }

var sqlSetApplicationID = fmt.Sprintf(`PRAGMA application_id = %d`, applicationID)

const (
	sqlUserVersion   = `PRAGMA user_version`
	sqlApplicationID = `PRAGMA application_id`
	sqlCountSchema   = `SELECT count(*) FROM sqlite_schema`

	sqlDocumentByHash = `SELECT id FROM documents WHERE hash = ?`
	sqlDocumentExists = `SELECT 1 FROM documents WHERE id = ?`
	sqlInsertDocument = `
INSERT INTO documents (hash, url, title, published, body, format, twin_of, simhash, ingested_at)
VALUES (?, ?, ?, ?, ?, ?, nullif(?, 0), ?, ?)`
	// A source already seen keeps its place.
	sqlAddSource = `
INSERT INTO document_sources (document_id, seq, source)
SELECT ?1, coalesce(max(seq) + 1, 0), ?2 FROM document_sources WHERE document_id = ?1
ON CONFLICT DO NOTHING`

	sqlDocumentColumns = `
SELECT d.id, d.hash, d.url, d.title, d.published, d.format, coalesce(d.twin_of, 0), d.simhash, d.ingested_at,
	(SELECT json_group_array(source ORDER BY seq) FROM document_sources WHERE document_id = d.id)`
	sqlDocument  = sqlDocumentColumns + `, d.body FROM documents d WHERE d.id = ?`
	sqlDocuments = sqlDocumentColumns + `, '' FROM documents d`

	sqlRecords = `
SELECT r.id, r.document_id, r.review, r.json, coalesce(s.source, '')
FROM records r LEFT JOIN document_sources s ON s.document_id = r.document_id AND s.seq = 0`
	sqlInsertRecord = `
INSERT INTO records (document_id, seq, ` + store.RecordColumns + `)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	sqlUpdateRecord = `
UPDATE records SET (document_id, seq, ` + store.RecordColumns + `) = (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
WHERE id = ?`
	sqlFillParties  = `UPDATE records SET country = ?, actor_folds = ? WHERE id = ?`
	sqlDeleteRecord = `DELETE FROM records WHERE id = ?`
	sqlSetReview    = `UPDATE records SET review = ? WHERE id = ?`

	sqlInsertReview = `
INSERT INTO reviews (record_id, verdict, reviewer, at, field, old, new, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
	sqlRecordExists = `SELECT 1 FROM records WHERE id = ?`
	sqlHistory      = `
SELECT id, record_id, verdict, reviewer, at, field, old, new, note FROM reviews WHERE record_id = ? ORDER BY id`

	sqlInsertFeed = `
INSERT INTO feeds (url, name, etag, last_modified, last_polled, next_poll, last_error, failures, added)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
	sqlFeeds = `
SELECT id, url, name, etag, last_modified, last_polled, next_poll, last_error, failures, added FROM feeds ORDER BY id`
	sqlUpdateFeed = `
UPDATE feeds SET name = ?, etag = ?, last_modified = ?, last_polled = ?, next_poll = ?, last_error = ?, failures = ?
WHERE id = ?`
	sqlDeleteFeed = `DELETE FROM feeds WHERE id = ?`
	sqlItemSeen   = `SELECT 1 FROM feed_items WHERE feed_id = ? AND key = ?`
	sqlMarkSeen   = `INSERT INTO feed_items (feed_id, key) VALUES (?, ?) ON CONFLICT DO NOTHING`

	sqlInsertWatchlist = `
INSERT INTO watchlists (recipient, supplier, category, webhook, secret, added) VALUES (?, ?, ?, ?, ?, ?)`
	sqlWatchlists = `
SELECT id, recipient, supplier, category, webhook, secret, added FROM watchlists ORDER BY id`
	sqlDeleteWatchlist = `DELETE FROM watchlists WHERE id = ?`
	sqlInsertAlert     = `
INSERT INTO alerts (watchlist_id, record_id, document_id, record, created) VALUES (?, ?, ?, ?, ?)`
	sqlAlerts = `
SELECT a.id, a.watchlist_id, a.record_id, a.document_id, a.record, a.created, a.delivered, a.attempts,
	a.next_attempt, a.last_error, coalesce(s.source, '')
FROM alerts a JOIN watchlists w ON w.id = a.watchlist_id
LEFT JOIN document_sources s ON s.document_id = a.document_id AND s.seq = 0`
	sqlRecordDelivery = `
UPDATE alerts SET attempts = attempts + 1, delivered = ?, next_attempt = ?, last_error = ? WHERE id = ?`

	sqlSimhashes = `SELECT id, simhash FROM documents`
	sqlSetTwin   = `UPDATE documents SET twin_of = nullif(?, 0) WHERE id = ?`

	// bm25 is lower for better matches; a title match weighs five body ones.
	sqlSearch = `
SELECT d.id, d.title, d.url, snippet(documents_fts, -1, '[', ']', '…', 16), -bm25(documents_fts, 5.0, 1.0) AS score
FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid
WHERE documents_fts MATCH ?
ORDER BY score DESC, d.id
LIMIT ?`

	sqlCountDocuments = `
SELECT count(*), count(twin_of) FROM documents`
	sqlCountRecords = `
SELECT kind, status, recipient, count(*) FROM records WHERE review <> 'rejected' GROUP BY kind, status, recipient`
)

// sqlLimit is appended to list queries: SQLite reads LIMIT -1 as none.
const sqlLimit = ` LIMIT ? OFFSET ?`

func limitArgs(f store.Filter) []any {
	limit := f.Limit
	if limit <= 0 {
		limit = -1
	}
	return []any{limit, max(f.Offset, 0)}
}

// recordsQuery selects the records f asks for, in document then extraction
// order.
func recordsQuery(f store.Filter) (string, []any) {
	var args []any
	bind := bindTo(&args)
	conds := append(f.RecordConds(bind), f.DocumentConds("r.document_id", bind)...)
	return sqlRecords + store.Where(conds) + ` ORDER BY r.document_id, r.seq, r.id` + sqlLimit, append(args, limitArgs(f)...)
}

// documentsQuery selects the documents with at least one record f asks
// for (any document when f names no record field), newest first.
func documentsQuery(f store.Filter) (string, []any) {
	var args []any
	bind := bindTo(&args)
	var conds []string
	if rconds := f.RecordConds(bind); len(rconds) > 0 {
		match := strings.Join(rconds, ` AND `)
		if f.Limit > 0 {
			// A page walks the documents newest first and stops at the limit.
			conds = []string{`EXISTS (SELECT 1 FROM records r WHERE r.document_id = d.id AND ` + match + `)`}
		} else {
			// The whole list starts from the records' indexes rather than
			// testing every document (a recipient's: 3 ms, not 110, at 50k).
			conds = []string{`d.id IN (SELECT r.document_id FROM records r WHERE ` + match + `)`}
		}
	}
	conds = append(conds, f.DocumentConds("d.id", bind)...)
	return sqlDocuments + store.Where(conds) + ` ORDER BY d.id DESC` + sqlLimit, append(args, limitArgs(f)...)
}

// bindTo is a store.Bind that appends to args.
func bindTo(args *[]any) store.Bind {
	return func(v any) string {
		*args = append(*args, v)
		return "?"
	}
}
