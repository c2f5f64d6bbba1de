package storetest

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/dossier-osint/dossier/internal/record"
	"github.com/dossier-osint/dossier/internal/store"
)

// testAddReviewed: records added with their reviews, as a copy from another
// store adds them, keep their review and history exactly, not re-applied.
func testAddReviewed(t *testing.T, s store.Store) {
	ctx := context.Background()
	at := time.Date(2025, 1, 2, 3, 4, 5, 678901000, time.UTC)
	recs := []record.Record{
		transfer("MLI", "CHN", "VN2C", "armoured vehicle", record.StatusDelivered, "2021"),
		event(record.EventAgreement, "2024-09-02", "Mali", "Norinco"),
		transfer("MLI", "KOR", "KM450", "unarmoured vehicle", record.StatusDelivered, "2021"),
	}
	reviews := []store.Reviewed{
		{Review: store.ReviewConfirmed, History: []store.Review{
			{Verdict: store.ReviewConfirmed, Reviewer: "ana", At: at, Note: "matches the ministry's release"}}},
		// The old value is the one the other store recorded, not the
		// record's present value.
		{Review: store.ReviewCorrected, History: []store.Review{
			{Verdict: store.ReviewCorrected, Reviewer: "ben", At: at.Add(time.Hour), Field: "date",
				Old: json.RawMessage(`"2024-09"`), New: json.RawMessage(`"2024-09-02"`)},
			{Verdict: store.ReviewConfirmed, Reviewer: "ana", At: at.Add(2 * time.Hour)}}},
		{},
	}
	doc := newDoc("Mali", maliBody, "a.txt")
	if _, err := s.AddDocuments(ctx, []store.Addition{{Document: doc, Records: recs, Reviews: reviews}}); err != nil {
		t.Fatalf("AddDocuments with reviews: %v", err)
	}
	stored := records(t, s, store.Filter{DocumentID: doc.ID})
	if len(stored) != len(recs) {
		t.Fatalf("%d records stored, want %d", len(stored), len(recs))
	}
	for i, r := range stored {
		sameRecord(t, label(r), r, recs[i], "a.txt")
		if r.Review != reviews[i].Review {
			t.Errorf("%s: review %q, want %q", label(r), r.Review, reviews[i].Review)
		}
		hist, err := s.History(ctx, r.ID)
		if err != nil || len(hist) != len(reviews[i].History) {
			t.Fatalf("History(%s) = %+v, %v; want %d reviews", label(r), hist, err, len(reviews[i].History))
		}
		for j, got := range hist {
			want := reviews[i].History[j]
			if got.ID == 0 || got.RecordID != r.ID || got.Verdict != want.Verdict || got.Reviewer != want.Reviewer ||
				!got.At.Equal(want.At) || got.Field != want.Field || string(got.Old) != string(want.Old) ||
				string(got.New) != string(want.New) || got.Note != want.Note {
				t.Errorf("History(%s)[%d] = %+v, want %+v for record %d", label(r), j, got, want, r.ID)
			}
		}
	}

	// A batch whose reviews do not fit its records stores nothing.
	for name, bad := range map[string][]store.Reviewed{
		"too few":        {{Review: store.ReviewConfirmed}},
		"unknown review": {{Review: "maybe"}, {}, {}},
		"no reviewer":    {{Review: store.ReviewConfirmed, History: []store.Review{{Verdict: store.ReviewConfirmed}}}, {}, {}},
	} {
		fresh := newDoc("Niger "+name, "Niger ordered drones: "+name, "n.txt")
		if _, err := s.AddDocuments(ctx, []store.Addition{{Document: fresh, Records: recs, Reviews: bad}}); err == nil {
			t.Errorf("AddDocuments with %s reviews succeeded", name)
		}
	}
	if docs, err := s.Documents(ctx, store.Filter{}); err != nil || len(docs) != 1 {
		t.Errorf("Documents = %d, %v; want only the first after failed adds", len(docs), err)
	}
}
