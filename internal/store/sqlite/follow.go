package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	sqlite3 "modernc.org/sqlite/lib"

	"github.com/dossier-osint/dossier/internal/record"
	"github.com/dossier-osint/dossier/internal/store"
)

// formatTime writes a time as the schema keeps it; the zero time is ”.
func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Truncate(time.Microsecond).Format(timeLayout)
}

func parseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.Parse(timeLayout, s)
}

// AddFeed implements store.Store.
func (s *Store) AddFeed(ctx context.Context, f *store.Feed) error {
	f.Added = store.Stamp(f.Added)
	res, err := s.write.ExecContext(ctx, sqlInsertFeed, f.URL, f.Name, f.ETag, f.LastModified,
		formatTime(f.LastPolled), formatTime(f.NextPoll), f.LastError, f.Failures, formatTime(f.Added))
	if sqliteCode(err) == sqlite3.SQLITE_CONSTRAINT_UNIQUE {
		return fmt.Errorf("feed %s: %w", f.URL, store.ErrExists)
	}
	if err == nil {
		f.ID, err = res.LastInsertId()
	}
	if err != nil {
		return fmt.Errorf("feed %s: %w", f.URL, err)
	}
	return nil
}

// Feeds implements store.Store.
func (s *Store) Feeds(ctx context.Context) ([]store.Feed, error) {
	feeds, err := queryAll(ctx, s.read, sqlFeeds, nil, func(rows *sql.Rows) (store.Feed, error) {
		var f store.Feed
		var polled, next, added string
		err := rows.Scan(&f.ID, &f.URL, &f.Name, &f.ETag, &f.LastModified, &polled, &next, &f.LastError, &f.Failures, &added)
		if err != nil {
			return f, err
		}
		return f, parseTimes(map[*time.Time]string{&f.LastPolled: polled, &f.NextPoll: next, &f.Added: added})
	})
	if err != nil {
		return nil, fmt.Errorf("feeds: %w", err)
	}
	return feeds, nil
}

// UpdateFeed implements store.Store.
func (s *Store) UpdateFeed(ctx context.Context, f store.Feed) error {
	return s.execOne(ctx, fmt.Sprintf("feed %d", f.ID), sqlUpdateFeed, f.Name, f.ETag, f.LastModified,
		formatTime(f.LastPolled), formatTime(f.NextPoll), f.LastError, f.Failures, f.ID)
}

// RemoveFeed implements store.Store.
func (s *Store) RemoveFeed(ctx context.Context, id int64) error {
	return s.execOne(ctx, fmt.Sprintf("feed %d", id), sqlDeleteFeed, id)
}

// UnseenItems implements store.Store.
func (s *Store) UnseenItems(ctx context.Context, feedID int64, keys []string) ([]string, error) {
	var unseen []string
	for _, k := range keys {
		var one int
		err := s.read.QueryRowContext(ctx, sqlItemSeen, feedID, k).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			unseen = append(unseen, k)
		} else if err != nil {
			return nil, fmt.Errorf("items of feed %d: %w", feedID, err)
		}
	}
	return unseen, nil
}

// MarkSeen implements store.Store.
func (s *Store) MarkSeen(ctx context.Context, feedID int64, key string) error {
	if _, err := s.write.ExecContext(ctx, sqlMarkSeen, feedID, key); err != nil {
		if sqliteCode(err) == sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY {
			err = store.ErrNotFound
		}
		return fmt.Errorf("feed %d: item %s: %w", feedID, key, err)
	}
	return nil
}

// AddWatchlist implements store.Store.
func (s *Store) AddWatchlist(ctx context.Context, w *store.Watchlist) error {
	w.Added = store.Stamp(w.Added)
	res, err := s.write.ExecContext(ctx, sqlInsertWatchlist, w.Recipient, w.Supplier, w.Category, w.Webhook, w.Secret,
		formatTime(w.Added))
	if err == nil {
		w.ID, err = res.LastInsertId()
	}
	if err != nil {
		return fmt.Errorf("watchlist: %w", err)
	}
	return nil
}

// Watchlists implements store.Store.
func (s *Store) Watchlists(ctx context.Context) ([]store.Watchlist, error) {
	ws, err := queryWatchlists(ctx, s.read)
	if err != nil {
		return nil, fmt.Errorf("watchlists: %w", err)
	}
	return ws, nil
}

func queryWatchlists(ctx context.Context, db querier) ([]store.Watchlist, error) {
	return queryAll(ctx, db, sqlWatchlists, nil, func(rows *sql.Rows) (store.Watchlist, error) {
		var w store.Watchlist
		var added string
		if err := rows.Scan(&w.ID, &w.Recipient, &w.Supplier, &w.Category, &w.Webhook, &w.Secret, &added); err != nil {
			return w, err
		}
		var err error
		w.Added, err = parseTime(added)
		return w, err
	})
}

// RemoveWatchlist implements store.Store.
func (s *Store) RemoveWatchlist(ctx context.Context, id int64) error {
	return s.execOne(ctx, fmt.Sprintf("watchlist %d", id), sqlDeleteWatchlist, id)
}

// addAlerts creates an alert for each new record (ids[i] of recs[i]) that
// a watchlist matches.
func addAlerts(ctx context.Context, tx *preparedTx, watch []store.Watchlist, docID int64, ids []int64, recs []record.Record, at time.Time) error {
	for i, r := range recs {
		for _, w := range watch {
			if !w.Matches(r) {
				continue
			}
			r.Source = ""
			js, err := json.Marshal(r)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, sqlInsertAlert, w.ID, ids[i], docID, string(js), formatTime(at)); err != nil {
				return err
			}
		}
	}
	return nil
}

// Alerts implements store.Store.
func (s *Store) Alerts(ctx context.Context, f store.AlertFilter) ([]store.Alert, error) {
	var conds []string
	var args []any
	if f.WatchlistID != 0 {
		conds = append(conds, `a.watchlist_id = ?`)
		args = append(args, f.WatchlistID)
	}
	if f.Undelivered {
		conds = append(conds, `w.webhook <> '' AND a.delivered = '' AND a.next_attempt <= ?`)
		args = append(args, formatTime(store.Stamp(f.DueBy)))
	}
	q := sqlAlerts + store.Where(conds) + ` ORDER BY a.id DESC` + sqlLimit
	args = append(args, limitArgs(store.Filter{Limit: f.Limit})...)
	alerts, err := queryAll(ctx, s.read, q, args, func(rows *sql.Rows) (store.Alert, error) {
		var a store.Alert
		var js, created, delivered, next, source string
		err := rows.Scan(&a.ID, &a.WatchlistID, &a.Record.ID, &a.Record.DocumentID, &js, &created, &delivered,
			&a.Attempts, &next, &a.LastError, &source)
		if err != nil {
			return a, err
		}
		if err := json.Unmarshal([]byte(js), &a.Record.Record); err != nil {
			return a, err
		}
		a.Record.Source = source
		return a, parseTimes(map[*time.Time]string{&a.Created: created, &a.Delivered: delivered, &a.NextAttempt: next})
	})
	if err != nil {
		return nil, fmt.Errorf("alerts: %w", err)
	}
	return alerts, nil
}

// RecordDelivery implements store.Store.
func (s *Store) RecordDelivery(ctx context.Context, d store.Delivery) error {
	delivered, next := "", formatTime(d.Retry)
	if d.Err == "" {
		delivered, next = formatTime(store.Stamp(d.At)), ""
	}
	return s.execOne(ctx, fmt.Sprintf("alert %d", d.AlertID), sqlRecordDelivery, delivered, next, d.Err, d.AlertID)
}

// execOne runs a statement that must change one row, else ErrNotFound.
func (s *Store) execOne(ctx context.Context, what, query string, args ...any) error {
	res, err := s.write.ExecContext(ctx, query, args...)
	if err == nil {
		err = mustAffect(res)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// queryAll reads every row of a query with scan.
func queryAll[T any](ctx context.Context, db querier, query string, args []any, scan func(*sql.Rows) (T, error)) ([]T, error) {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

func parseTimes(fields map[*time.Time]string) error {
	for dst, s := range fields {
		t, err := parseTime(s)
		if err != nil {
			return err
		}
		*dst = t
	}
	return nil
}
