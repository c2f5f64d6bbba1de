package storetest

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/dossier-osint/dossier/internal/record"
	"github.com/dossier-osint/dossier/internal/store"
)

func testFeeds(t *testing.T, s store.Store) {
	ctx := context.Background()
	a := &store.Feed{URL: "https://a.example/rss", Name: "A"}
	b := &store.Feed{URL: "https://b.example/atom"}
	for _, f := range []*store.Feed{a, b} {
		if err := s.AddFeed(ctx, f); err != nil {
			t.Fatalf("AddFeed(%s): %v", f.URL, err)
		}
		if f.ID == 0 || f.Added.IsZero() {
			t.Errorf("AddFeed(%s) left ID %d, Added %v", f.URL, f.ID, f.Added)
		}
	}
	if err := s.AddFeed(ctx, &store.Feed{URL: a.URL}); !errors.Is(err, store.ErrExists) {
		t.Errorf("adding %s again = %v, want ErrExists", a.URL, err)
	}

	polled := time.Date(2026, 3, 4, 5, 6, 7, 123456000, time.UTC)
	a.ETag, a.LastModified, a.LastPolled, a.NextPoll = `"v1"`, "Wed, 04 Mar 2026 05:00:00 GMT", polled, polled.Add(15*time.Minute)
	a.LastError, a.Failures, a.Name = "HTTP 503", 2, "Agency A"
	if err := s.UpdateFeed(ctx, *a); err != nil {
		t.Fatalf("UpdateFeed: %v", err)
	}
	feeds, err := s.Feeds(ctx)
	if err != nil || len(feeds) != 2 {
		t.Fatalf("Feeds = %+v, %v; want two", feeds, err)
	}
	got := feeds[0]
	if got.ID != a.ID || got.ETag != a.ETag || got.LastModified != a.LastModified || !got.LastPolled.Equal(polled) ||
		!got.NextPoll.Equal(a.NextPoll) || got.LastError != a.LastError || got.Failures != 2 || got.Name != "Agency A" ||
		!got.Added.Equal(a.Added) {
		t.Errorf("feed after UpdateFeed = %+v, want %+v", got, *a)
	}
	if !feeds[1].LastPolled.IsZero() || feeds[1].URL != b.URL {
		t.Errorf("second feed = %+v, want %s never polled", feeds[1], b.URL)
	}

	keys := []string{"item-1", "item-2", "item-3"}
	if err := s.MarkSeen(ctx, a.ID, "item-2"); err != nil {
		t.Fatalf("MarkSeen: %v", err)
	}
	if err := s.MarkSeen(ctx, a.ID, "item-2"); err != nil {
		t.Errorf("MarkSeen twice: %v", err)
	}
	if unseen, err := s.UnseenItems(ctx, a.ID, keys); err != nil || !slices.Equal(unseen, []string{"item-1", "item-3"}) {
		t.Errorf("UnseenItems(a) = %q, %v; want item-1 item-3", unseen, err)
	}
	// Items are per feed.
	if unseen, err := s.UnseenItems(ctx, b.ID, keys); err != nil || !slices.Equal(unseen, keys) {
		t.Errorf("UnseenItems(b) = %q, %v; want all", unseen, err)
	}

	if err := s.RemoveFeed(ctx, a.ID); err != nil {
		t.Fatalf("RemoveFeed: %v", err)
	}
	if err := s.RemoveFeed(ctx, a.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("RemoveFeed twice = %v, want ErrNotFound", err)
	}
	if err := s.UpdateFeed(ctx, *a); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("UpdateFeed of a removed feed = %v, want ErrNotFound", err)
	}
	// Following it again starts afresh.
	again := &store.Feed{URL: a.URL}
	if err := s.AddFeed(ctx, again); err != nil {
		t.Fatalf("AddFeed after removal: %v", err)
	}
	if unseen, err := s.UnseenItems(ctx, again.ID, keys); err != nil || len(unseen) != 3 {
		t.Errorf("UnseenItems of a re-added feed = %q, %v; want all", unseen, err)
	}
}

func testWatchlists(t *testing.T, s store.Store) {
	ctx := context.Background()
	drones := &store.Watchlist{Recipient: "MLI", Category: "drone", Webhook: "https://hooks.example/x", Secret: "s3"}
	china := &store.Watchlist{Supplier: "CHN"}
	for _, w := range []*store.Watchlist{drones, china} {
		if err := s.AddWatchlist(ctx, w); err != nil {
			t.Fatalf("AddWatchlist: %v", err)
		}
	}
	ws, err := s.Watchlists(ctx)
	if err != nil || len(ws) != 2 || ws[0] != *drones || ws[1] != *china {
		t.Fatalf("Watchlists = %+v, %v; want %+v %+v", ws, err, *drones, *china)
	}

	tb2 := transfer("MLI", "TUR", "TB2", "drone", record.StatusDelivered, "2022")
	vn2c := transfer("MLI", "CHN", "VN2C", "armoured vehicle", record.StatusDelivered, "2021")
	nigerTB2 := transfer("NER", "TUR", "TB2", "drone", record.StatusDelivered, "2022")
	visit := event(record.EventVisit, "2024-09-02", "Mali", "China")
	doc := add(t, s, newDoc("Mali", maliBody, "mali.txt"), tb2, vn2c, nigerTB2, visit)
	// The same article again stores nothing, so alerts nothing.
	if _, created, err := s.AddDocument(ctx, newDoc("Mali", maliBody, "mirror.txt"), []record.Record{tb2, vn2c, nigerTB2, visit}); err != nil || created {
		t.Fatalf("adding the article again: created %v, %v", created, err)
	}

	all, err := s.Alerts(ctx, store.AlertFilter{})
	if err != nil {
		t.Fatalf("Alerts: %v", err)
	}
	if len(all) != 2 {
		t.Fatalf("alerts = %d, want 2 (TB2 to Mali for drones, VN2C for China)", len(all))
	}
	// Newest first.
	if all[0].WatchlistID != china.ID || record.Str(all[0].Record.Designation) != "VN2C" ||
		all[1].WatchlistID != drones.ID || record.Str(all[1].Record.Designation) != "TB2" {
		t.Errorf("alerts = %s for %d, %s for %d", label(all[0].Record), all[0].WatchlistID, label(all[1].Record), all[1].WatchlistID)
	}
	a := all[1]
	if a.Record.DocumentID != doc || a.Record.ID == 0 || a.Record.Source != "mali.txt" || a.Created.IsZero() || !a.Delivered.IsZero() {
		t.Errorf("drone alert = %+v", a)
	}

	// Only the drone watchlist has a webhook, so only its alert waits for delivery.
	now := time.Now()
	pending, err := s.Alerts(ctx, store.AlertFilter{Undelivered: true, DueBy: now})
	if err != nil || len(pending) != 1 || pending[0].ID != a.ID {
		t.Fatalf("undelivered alerts = %+v, %v; want the drone alert", pending, err)
	}
	retry := now.Add(time.Minute)
	if err := s.RecordDelivery(ctx, store.Delivery{AlertID: a.ID, At: now, Err: "HTTP 500", Retry: retry}); err != nil {
		t.Fatalf("RecordDelivery(failure): %v", err)
	}
	if pending, _ := s.Alerts(ctx, store.AlertFilter{Undelivered: true, DueBy: now}); len(pending) != 0 {
		t.Errorf("an alert whose retry is not due is pending: %+v", pending)
	}
	pending, _ = s.Alerts(ctx, store.AlertFilter{Undelivered: true, DueBy: retry})
	if len(pending) != 1 || pending[0].Attempts != 1 || pending[0].LastError != "HTTP 500" {
		t.Fatalf("alert due for retry = %+v, want one attempt with its error", pending)
	}
	if err := s.RecordDelivery(ctx, store.Delivery{AlertID: a.ID, At: retry}); err != nil {
		t.Fatalf("RecordDelivery(success): %v", err)
	}
	if pending, _ := s.Alerts(ctx, store.AlertFilter{Undelivered: true, DueBy: retry.Add(time.Hour)}); len(pending) != 0 {
		t.Errorf("a delivered alert is pending: %+v", pending)
	}
	got, _ := s.Alerts(ctx, store.AlertFilter{WatchlistID: drones.ID})
	if len(got) != 1 || got[0].Attempts != 2 || got[0].Delivered.IsZero() || got[0].LastError != "" {
		t.Errorf("delivered alert = %+v", got)
	}
	if err := s.RecordDelivery(ctx, store.Delivery{AlertID: 4242}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("RecordDelivery(4242) = %v, want ErrNotFound", err)
	}

	// An alert keeps the record as stored, even when a new extraction
	// replaces the record.
	if _, _, _, err := s.ReplaceRecords(ctx, doc, nil); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Alerts(ctx, store.AlertFilter{}); len(got) != 2 || record.Str(got[1].Record.Designation) != "TB2" {
		t.Errorf("alerts after the records were replaced: %d", len(got))
	}
	if got, _ := s.Alerts(ctx, store.AlertFilter{Limit: 1}); len(got) != 1 {
		t.Errorf("Alerts(Limit 1) = %d alerts", len(got))
	}

	if err := s.RemoveWatchlist(ctx, drones.ID); err != nil {
		t.Fatalf("RemoveWatchlist: %v", err)
	}
	if err := s.RemoveWatchlist(ctx, drones.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("RemoveWatchlist twice = %v, want ErrNotFound", err)
	}
	if got, _ := s.Alerts(ctx, store.AlertFilter{}); len(got) != 1 || got[0].WatchlistID != china.ID {
		t.Errorf("alerts after removing the drone watchlist: %+v", got)
	}
}
