package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/dossier-osint/dossier/internal/record"
	"github.com/dossier-osint/dossier/internal/store"
	"github.com/dossier-osint/dossier/internal/store/postgres/pgtest"
)

// reviewedDB returns a SQLite database holding the sample articles, the
// first linked to the last as its twin, and three reviewed records, one
// corrected.
func reviewedDB(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	db := ingested(t)
	st, err := openDB(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	docs, err := st.Documents(ctx, store.Filter{})
	if err != nil || len(docs) < 2 {
		t.Fatalf("Documents = %d, %v; want at least 2", len(docs), err)
	}
	// A twin not yet copied when its document is.
	if err := st.SetTwin(ctx, docs[len(docs)-1].ID, docs[0].ID); err != nil {
		t.Fatal(err)
	}
	if err := st.AddFeed(ctx, &store.Feed{URL: "https://news.example/rss", ETag: `"v7"`, Failures: 2}); err != nil {
		t.Fatal(err)
	}
	if err := st.AddWatchlist(ctx, &store.Watchlist{Recipient: "MLI", Webhook: "https://hooks.example/in", Secret: "s3"}); err != nil {
		t.Fatal(err)
	}
	recs, err := st.Records(ctx, store.Filter{Kind: record.KindTransfer, Limit: 3})
	if err != nil || len(recs) != 3 {
		t.Fatalf("Records = %d, %v; want 3 transfers to review", len(recs), err)
	}
	for _, rv := range []store.Review{
		{RecordID: recs[0].ID, Verdict: store.ReviewConfirmed, Reviewer: "ana", Note: "as the ministry said"},
		{RecordID: recs[1].ID, Verdict: store.ReviewCorrected, Reviewer: "ben", Field: "status", New: json.RawMessage(`"contracted"`)},
		{RecordID: recs[1].ID, Verdict: store.ReviewConfirmed, Reviewer: "ana"},
		{RecordID: recs[2].ID, Verdict: store.ReviewRejected, Reviewer: "ana", Note: "a parade, not a delivery"},
	} {
		if _, err := st.Review(ctx, &rv); err != nil {
			t.Fatalf("Review: %v", err)
		}
	}
	return db
}

// sameStores compares two stores field by field: the same documents in the
// same order, each with its sources, twin, records, reviews and history;
// only the IDs may differ.
func sameStores(t *testing.T, a, b string) {
	t.Helper()
	ctx := context.Background()
	sa, sb := openTestDB(t, a), openTestDB(t, b)
	da, err := sa.Documents(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	db, err := sb.Documents(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(da) != len(db) {
		t.Fatalf("%d documents in %s, %d in %s", len(da), a, len(db), b)
	}
	copies := map[int64]int64{0: 0}
	for i := range da {
		copies[da[i].ID] = db[i].ID
	}
	var twins, reviewed, corrections int
	for i := range da {
		orig, err := sa.Document(ctx, da[i].ID)
		if err != nil {
			t.Fatal(err)
		}
		cp, err := sb.Document(ctx, db[i].ID)
		if err != nil {
			t.Fatal(err)
		}
		want := *orig
		want.ID, want.TwinOf = cp.ID, copies[orig.TwinOf]
		if !reflect.DeepEqual(*cp, want) {
			t.Errorf("document %d copied as\n%+v\nwant\n%+v", orig.ID, *cp, want)
		}
		if orig.TwinOf != 0 {
			twins++
		}
		ra, rb := testRecords(t, sa, orig.ID), testRecords(t, sb, cp.ID)
		if len(ra) != len(rb) {
			t.Fatalf("document %d: %d records, copy %d", orig.ID, len(ra), len(rb))
		}
		for j := range ra {
			if !reflect.DeepEqual(ra[j].Record, rb[j].Record) || ra[j].Review != rb[j].Review {
				t.Errorf("record %d copied as %+v (%q), want %+v (%q)", ra[j].ID, rb[j].Record, rb[j].Review, ra[j].Record, ra[j].Review)
			}
			ha, hb := testHistory(t, sa, ra[j].ID), testHistory(t, sb, rb[j].ID)
			for k := range hb {
				hb[k].ID, hb[k].RecordID = ha[k].ID, ha[k].RecordID
			}
			if !reflect.DeepEqual(ha, hb) {
				t.Errorf("history of record %d copied as %+v, want %+v", ra[j].ID, hb, ha)
			}
			if ra[j].Review != store.ReviewNone {
				reviewed++
			}
			if slices.ContainsFunc(ha, func(rv store.Review) bool { return rv.Verdict == store.ReviewCorrected }) {
				corrections++
			}
		}
	}
	// The comparison covered what it is meant to.
	if twins == 0 || reviewed != 3 || corrections != 1 {
		t.Errorf("%s has %d twins, %d reviewed records, %d corrected; want a twin, 3 and 1", a, twins, reviewed, corrections)
	}
	statsA, errA := sa.Stats(ctx)
	statsB, errB := sb.Stats(ctx)
	if err := errors.Join(errA, errB); err != nil || !reflect.DeepEqual(statsA, statsB) {
		t.Errorf("Stats = %+v and %+v, %v; want equal", statsA, statsB, err)
	}
}

func openTestDB(t *testing.T, name string) store.Store {
	t.Helper()
	st, err := openDB(name)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func testRecords(t *testing.T, st store.Store, docID int64) []store.Record {
	t.Helper()
	recs, err := st.Records(context.Background(), store.Filter{DocumentID: docID})
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

func testHistory(t *testing.T, st store.Store, recordID int64) []store.Review {
	t.Helper()
	h, err := st.History(context.Background(), recordID)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func TestMigrateSQLiteToPostgresAndBack(t *testing.T) {
	sqliteDB := reviewedDB(t)
	pg := pgtest.SchemaURL(t)
	var stdout, stderr bytes.Buffer
	if err := run([]string{"migrate", "--from", sqliteDB, "--to", pg, "--batch", "2"}, nil, &stdout, &stderr); err != nil {
		t.Fatalf("migrate: %v\n%s", err, stderr.String())
	}
	if !strings.Contains(stdout.String(), "(3 reviewed), 1 twin links, 1 feeds, 1 watchlists") {
		t.Errorf("migrate summary: %s", stdout.String())
	}
	if !strings.Contains(stderr.String(), "alerts raised before the copy stay in --from") || !strings.Contains(stderr.String(), "documents") {
		t.Errorf("migrate progress and warnings: %s", stderr.String())
	}
	sameStores(t, sqliteDB, pg)
	sameFollowing(t, sqliteDB, pg)

	back := filepath.Join(t.TempDir(), "back.db")
	cli(t, "migrate", "--from", pg, "--to", back)
	sameStores(t, sqliteDB, back)

	// Copying again into a store that holds documents is refused, unless
	// merging, which adds nothing twice.
	err := run([]string{"migrate", "--from", sqliteDB, "--to", pg}, nil, &stdout, &stderr)
	if err == nil || !strings.Contains(err.Error(), "--to already holds documents") {
		t.Errorf("migrate into a store with documents = %v, want a refusal", err)
	}
	out := cli(t, "migrate", "--from", sqliteDB, "--to", pg, "--merge")
	if !strings.HasPrefix(out, "copied 0 documents (") || strings.Contains(out, "(0 already there)") || !strings.Contains(out, "0 feeds, 0 watchlists") {
		t.Errorf("migrate --merge summary: %s", out)
	}
	sameStores(t, sqliteDB, pg)
	sameFollowing(t, sqliteDB, pg)
}

// sameFollowing compares the feeds, with their poll state, and the
// watchlists of two stores, leaving out their IDs.
func sameFollowing(t *testing.T, a, b string) {
	t.Helper()
	ctx := context.Background()
	read := func(db string) ([]store.Feed, []store.Watchlist) {
		st, err := openDB(db)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		feeds, err := st.Feeds(ctx)
		if err != nil {
			t.Fatal(err)
		}
		watch, err := st.Watchlists(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for i := range feeds {
			feeds[i].ID = 0
		}
		for i := range watch {
			watch[i].ID = 0
		}
		return feeds, watch
	}
	feedsA, watchA := read(a)
	feedsB, watchB := read(b)
	if !reflect.DeepEqual(feedsA, feedsB) {
		t.Errorf("feeds differ:\n%+v\n%+v", feedsA, feedsB)
	}
	if !reflect.DeepEqual(watchA, watchB) {
		t.Errorf("watchlists differ:\n%+v\n%+v", watchA, watchB)
	}
}

func TestMigrateRefusesAMissingSource(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "typo.db")
	var stdout, stderr bytes.Buffer
	err := run([]string{"migrate", "--from", missing, "--to", filepath.Join(t.TempDir(), "to.db")}, nil, &stdout, &stderr)
	if err == nil || !strings.Contains(err.Error(), "typo.db") {
		t.Errorf("migrate from a missing file = %v, want an error naming it", err)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Errorf("migrate created the missing source %s", missing)
	}
}

func TestMigrateUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	for _, args := range [][]string{
		{"migrate", "--from", db},
		{"migrate", "--from", db, "--to", db},
		{"migrate", "--from", db, "--to", db + "2", "--batch", "0"},
		{"migrate", "--from", db, "--to", db + "2", "extra"},
	} {
		var stdout, stderr bytes.Buffer
		var ue usageError
		if err := run(args, nil, &stdout, &stderr); !errors.As(err, &ue) {
			t.Errorf("%q = %v, want a usage error", args, err)
		}
	}
}
