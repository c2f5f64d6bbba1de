package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/dossier-osint/dossier/internal/record"
	"github.com/dossier-osint/dossier/internal/store"
)

// utc scans a timestamptz into a time in UTC, as the store gives times
// back; NULL is the zero time.
type utc struct{ t *time.Time }

func (u utc) ScanTimestamptz(v pgtype.Timestamptz) error {
	*u.t = time.Time{}
	if v.Valid {
		*u.t = v.Time.UTC()
	}
	return nil
}

// orNull is t for a timestamptz column, NULL when zero.
func orNull(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
}

// AddFeed implements store.Store.
func (s *Store) AddFeed(ctx context.Context, f *store.Feed) error {
	f.Added = store.Stamp(f.Added)
	err := s.pool.QueryRow(ctx, sqlInsertFeed, f.URL, f.Name, f.ETag, f.LastModified, orNull(f.LastPolled),
		orNull(f.NextPoll), f.LastError, f.Failures, f.Added).Scan(&f.ID)
	if pgCode(err) == uniqueViolation {
		return fmt.Errorf("feed %s: %w", f.URL, store.ErrExists)
	}
	if err != nil {
		return fmt.Errorf("feed %s: %w", f.URL, err)
	}
	return nil
}

// Feeds implements store.Store.
func (s *Store) Feeds(ctx context.Context) ([]store.Feed, error) {
	return list(ctx, s, "feeds", sqlFeeds, nil, func(row pgx.Row) (store.Feed, error) {
		var f store.Feed
		err := row.Scan(&f.ID, &f.URL, &f.Name, &f.ETag, &f.LastModified, utc{&f.LastPolled}, utc{&f.NextPoll},
			&f.LastError, &f.Failures, utc{&f.Added})
		return f, err
	})
}

// UpdateFeed implements store.Store.
func (s *Store) UpdateFeed(ctx context.Context, f store.Feed) error {
	err := s.execOne(ctx, sqlUpdateFeed, f.Name, f.ETag, f.LastModified, orNull(f.LastPolled), orNull(f.NextPoll),
		f.LastError, f.Failures, f.ID)
	if err != nil {
		return fmt.Errorf("feed %d: %w", f.ID, err)
	}
	return nil
}

// RemoveFeed implements store.Store.
func (s *Store) RemoveFeed(ctx context.Context, id int64) error {
	if err := s.execOne(ctx, sqlDeleteFeed, id); err != nil {
		return fmt.Errorf("feed %d: %w", id, err)
	}
	return nil
}

// UnseenItems implements store.Store.
func (s *Store) UnseenItems(ctx context.Context, feedID int64, keys []string) ([]string, error) {
	return list(ctx, s, fmt.Sprintf("items of feed %d", feedID), sqlUnseenItems, []any{feedID, keys}, scanOne[string])
}

// MarkSeen implements store.Store.
func (s *Store) MarkSeen(ctx context.Context, feedID int64, key string) error {
	if _, err := s.pool.Exec(ctx, sqlMarkSeen, feedID, key); err != nil {
		if pgCode(err) == foreignKeyViolation {
			err = store.ErrNotFound
		}
		return fmt.Errorf("feed %d: item %s: %w", feedID, key, err)
	}
	return nil
}

// AddWatchlist implements store.Store.
func (s *Store) AddWatchlist(ctx context.Context, w *store.Watchlist) error {
	w.Added = store.Stamp(w.Added)
	err := s.pool.QueryRow(ctx, sqlInsertWatchlist, w.Recipient, w.Supplier, w.Category, w.Webhook, w.Secret,
		w.Added).Scan(&w.ID)
	if err != nil {
		return fmt.Errorf("watchlist: %w", err)
	}
	return nil
}

// Watchlists implements store.Store.
func (s *Store) Watchlists(ctx context.Context) ([]store.Watchlist, error) {
	return list(ctx, s, "watchlists", sqlWatchlists, nil, scanWatchlist)
}

func scanWatchlist(row pgx.Row) (store.Watchlist, error) {
	var w store.Watchlist
	err := row.Scan(&w.ID, &w.Recipient, &w.Supplier, &w.Category, &w.Webhook, &w.Secret, utc{&w.Added})
	return w, err
}

// RemoveWatchlist implements store.Store.
func (s *Store) RemoveWatchlist(ctx context.Context, id int64) error {
	if err := s.execOne(ctx, sqlDeleteWatchlist, id); err != nil {
		return fmt.Errorf("watchlist %d: %w", id, err)
	}
	return nil
}

// queueAlerts queues an alert for each new record (ids[i] of recs[i]) that
// a watchlist matches.
func queueAlerts(b *pgx.Batch, watch []store.Watchlist, docID int64, ids []int64, recs []record.Record, at time.Time) {
	for i, r := range recs {
		for _, w := range watch {
			if w.Matches(r) {
				r.Source = ""
				b.Queue(sqlInsertAlert, w.ID, ids[i], docID, r, at)
			}
		}
	}
}

// Alerts implements store.Store.
func (s *Store) Alerts(ctx context.Context, f store.AlertFilter) ([]store.Alert, error) {
	q, args := alertsQuery(f)
	return list(ctx, s, "alerts", q, args, func(row pgx.Row) (store.Alert, error) {
		var a store.Alert
		var js []byte
		var source string
		err := row.Scan(&a.ID, &a.WatchlistID, &a.Record.ID, &a.Record.DocumentID, &js, utc{&a.Created},
			utc{&a.Delivered}, &a.Attempts, utc{&a.NextAttempt}, &a.LastError, &source)
		if err == nil {
			err = decodeRecord(&a.Record, js, source)
		}
		return a, err
	})
}

// RecordDelivery implements store.Store.
func (s *Store) RecordDelivery(ctx context.Context, d store.Delivery) error {
	var delivered, next any = nil, orNull(d.Retry)
	if d.Err == "" {
		delivered, next = store.Stamp(d.At), nil
	}
	if err := s.execOne(ctx, sqlRecordDelivery, delivered, next, d.Err, d.AlertID); err != nil {
		return fmt.Errorf("alert %d: %w", d.AlertID, err)
	}
	return nil
}
