// Package storetest is the conformance suite every store backend must pass.
package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dossier-osint/dossier/internal/record"
	"github.com/dossier-osint/dossier/internal/store"
)

// Run runs the suite. open must return a new, empty store; Run closes it.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	tests := []struct {
		name string
		fn   func(*testing.T, store.Store)
	}{
		{"RoundTrip", testRoundTrip},
		{"NotFound", testNotFound},
		{"AddIsAtomic", testAddIsAtomic},
		{"SameHash", testSameHash},
		{"RecordFilters", testRecordFilters},
		{"Involving", testInvolving},
		{"DocumentFilters", testDocumentFilters},
		{"Review", testReview},
		{"Feeds", testFeeds},
		{"Watchlists", testWatchlists},
		{"ReplaceRecords", testReplaceRecords},
		{"NearDuplicates", testNearDuplicates},
		{"AddDocumentsBatch", testAddDocuments},
		{"AddReviewed", testAddReviewed},
		{"Twins", testTwins},
		{"Search", testSearch},
		{"Stats", testStats},
		{"ConcurrentAdd", testConcurrentAdd},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() {
				if err := s.Close(); err != nil {
					t.Errorf("Close: %v", err)
				}
			})
			tt.fn(t, s)
		})
	}
}

func transfer(recipient, supplier, designation, category, status, date string) record.Record {
	n := 6
	return record.Record{
		Kind: record.KindTransfer, Recipient: recipient, Supplier: record.Ptr(supplier),
		Manufacturer: record.Ptr("Maker"), Designation: record.Ptr(designation), Category: category,
		Quantity: record.Quantity{Value: &n, Qualifier: record.QualAtLeast}, Status: status,
		Date: record.Ptr(date), Evidence: []record.Span{{Start: 0, End: 10}, {Start: 20, End: 42}},
	}
}

func event(typ, date string, actors ...string) record.Record {
	return record.Record{
		Kind: record.KindEvent, Type: typ, Actors: actors, Country: record.Ptr("CHN"), Date: record.Ptr(date),
		Subject: record.Ptr("military equipment"), Evidence: []record.Span{{Start: 5, End: 30}},
	}
}

// newDoc is a document with its hashes computed as callers do.
func newDoc(title, body string, sources ...string) *store.Document {
	return &store.Document{Hash: store.TextHash(body), URL: "https://example.org/" + strings.ToLower(strings.ReplaceAll(title, " ", "-")),
		Title: title, Published: "2024-09-03", Body: body, Format: "header", Sources: sources, Simhash: store.Simhash(body)}
}

func add(t *testing.T, s store.Store, doc *store.Document, recs ...record.Record) int64 {
	t.Helper()
	id, created, err := s.AddDocument(context.Background(), doc, recs)
	if err != nil {
		t.Fatalf("AddDocument(%q): %v", doc.Title, err)
	}
	if !created {
		t.Fatalf("AddDocument(%q): created = false for a new document", doc.Title)
	}
	return id
}

func records(t *testing.T, s store.Store, f store.Filter) []store.Record {
	t.Helper()
	recs, err := s.Records(context.Background(), f)
	if err != nil {
		t.Fatalf("Records(%+v): %v", f, err)
	}
	return recs
}

// viaJSON is r as its JSON form gives it back: what a store must keep.
func viaJSON(t *testing.T, r record.Record) record.Record {
	t.Helper()
	js, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var back record.Record
	if err := json.Unmarshal(js, &back); err != nil {
		t.Fatal(err)
	}
	return back
}

func sameRecord(t *testing.T, what string, got store.Record, want record.Record, source string) {
	t.Helper()
	want.Source = source
	if w := viaJSON(t, want); !reflect.DeepEqual(viaJSON(t, got.Record), w) {
		gj, _ := json.Marshal(got.Record)
		wj, _ := json.Marshal(w)
		t.Errorf("%s:\n got %s\nwant %s", what, gj, wj)
	}
}

const maliBody = `Malian Junta leader Assimi Goïta visited Beijing, where Mali signed a contract with Norinco.
In 2021 Mali received at least six VN2C infantry fighting vehicles. In March 2023 CS/VP11 MRAPs arrived.`

func testRoundTrip(t *testing.T, s store.Store) {
	ctx := context.Background()
	doc := newDoc("Malian Junta visits China", maliBody, "samples/mali.txt", "https://example.org/mali")
	recs := []record.Record{
		transfer("MLI", "CHN", "VN2C", "armoured vehicle", record.StatusDelivered, "2021"),
		event(record.EventAgreement, "2024-09-02", "Mali", "Norinco"),
		{Kind: record.KindTransfer, Recipient: "MLI", Category: "other", Status: record.StatusContracted,
			Quantity: record.Quantity{Qualifier: record.QualUnknown}, Uncatalogued: true,
			Evidence: []record.Span{{Start: 0, End: 95}}, Source: "ignored: records take the document's source"},
	}
	before := time.Now()
	id, created, err := s.AddDocument(ctx, doc, recs)
	after := time.Now()
	if err != nil || !created || id == 0 {
		t.Fatalf("AddDocument = %d, %v, %v; want a new ID", id, created, err)
	}
	if doc.ID != id {
		t.Errorf("doc.ID = %d, want %d", doc.ID, id)
	}
	got, err := s.Document(ctx, id)
	if err != nil {
		t.Fatalf("Document(%d): %v", id, err)
	}
	if got.IngestedAt.Before(before.Add(-time.Second)) || got.IngestedAt.After(after.Add(time.Second)) {
		t.Errorf("IngestedAt = %v, want between %v and %v", got.IngestedAt, before, after)
	}
	if !got.IngestedAt.Equal(doc.IngestedAt) {
		t.Errorf("IngestedAt = %v, AddDocument set %v", got.IngestedAt, doc.IngestedAt)
	}
	want := *doc
	want.IngestedAt = got.IngestedAt
	if !reflect.DeepEqual(*got, want) {
		t.Errorf("Document(%d) =\n%+v\nwant\n%+v", id, *got, want)
	}

	stored := records(t, s, store.Filter{DocumentID: id})
	if len(stored) != len(recs) {
		t.Fatalf("%d records stored, want %d", len(stored), len(recs))
	}
	seen := map[int64]bool{}
	for i, r := range stored {
		if r.ID == 0 || seen[r.ID] || r.DocumentID != id || r.Review != "" {
			t.Errorf("record %d: ID %d, DocumentID %d, Review %q; want a new ID, %d, no review", i, r.ID, r.DocumentID, r.Review, id)
		}
		seen[r.ID] = true
		sameRecord(t, fmt.Sprintf("record %d", i), r, recs[i], "samples/mali.txt")
	}
	if len(stored[0].Evidence) != 2 || stored[0].Evidence[1] != (record.Span{Start: 20, End: 42}) {
		t.Errorf("evidence = %v, want the two spans added", stored[0].Evidence)
	}

	// A time given by the caller is kept, to the microsecond.
	at := time.Date(2024, 9, 3, 10, 11, 12, 123456000, time.UTC)
	old := newDoc("Older", "An article ingested earlier.", "old.txt")
	old.IngestedAt = at
	oldID := add(t, s, old)
	if got, err := s.Document(ctx, oldID); err != nil || !got.IngestedAt.Equal(at) {
		t.Errorf("Document(%d).IngestedAt = %v, %v; want %v", oldID, got.IngestedAt, err, at)
	}

	// Hash and Simhash left empty are computed from the body.
	bare := &store.Document{Title: "Bare", Body: "Only a body, no hashes given.", Sources: []string{"bare.txt"}}
	bareID := add(t, s, bare)
	if got, err := s.Document(ctx, bareID); err != nil || got.Hash != store.TextHash(bare.Body) || got.Simhash != store.Simhash(bare.Body) {
		t.Errorf("Document(%d) = %+v, %v; want hashes computed from the body", bareID, got, err)
	}
}

func testNotFound(t *testing.T, s store.Store) {
	ctx := context.Background()
	if _, err := s.Document(ctx, 42); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Document(42) on an empty store: %v, want ErrNotFound", err)
	}
	id := add(t, s, newDoc("One", "One article.", "one.txt"))
	if _, err := s.Document(ctx, id+1); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Document(%d): %v, want ErrNotFound", id+1, err)
	}
	if _, _, _, err := s.ReplaceRecords(ctx, id+1, nil); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("ReplaceRecords(%d): %v, want ErrNotFound", id+1, err)
	}
	if err := s.SetTwin(ctx, id+1, id); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("SetTwin(%d, %d): %v, want ErrNotFound", id+1, id, err)
	}
	if err := s.SetTwin(ctx, id, id+1); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("SetTwin(%d, %d): %v, want ErrNotFound", id, id+1, err)
	}
	if docs, err := s.Documents(ctx, store.Filter{Recipient: "ATA"}); err != nil || len(docs) != 0 {
		t.Errorf("Documents(ATA) = %v, %v; want none", docs, err)
	}
}

// testAddIsAtomic: a document that fails to store leaves nothing behind.
func testAddIsAtomic(t *testing.T, s store.Store) {
	ctx := context.Background()
	doc := newDoc("Orphan", "A twin of nothing.", "orphan.txt")
	doc.TwinOf = 999
	if _, _, err := s.AddDocument(ctx, doc, []record.Record{event(record.EventVisit, "2024")}); err == nil {
		t.Fatal("AddDocument with a missing twin succeeded")
	}
	bad := newDoc("Bad", "A record of no kind.", "bad.txt")
	if _, _, err := s.AddDocument(ctx, bad, []record.Record{{Kind: "rumour"}}); err == nil {
		t.Fatal("AddDocument with a record of unknown kind succeeded")
	}
	if docs, err := s.Documents(ctx, store.Filter{}); err != nil || len(docs) != 0 {
		t.Errorf("Documents = %v, %v; want none after failed adds", docs, err)
	}
	if recs := records(t, s, store.Filter{}); len(recs) != 0 {
		t.Errorf("%d records after failed adds, want none", len(recs))
	}
}

func testSameHash(t *testing.T, s store.Store) {
	ctx := context.Background()
	recs := []record.Record{transfer("MLI", "CHN", "VN2C", "armoured vehicle", record.StatusDelivered, "2021")}
	id := add(t, s, newDoc("Mali", maliBody, "a.txt", "b.txt"), recs...)

	// The same text re-spaced and in other case, from other places and with other records.
	again := newDoc("Mali again", "  "+strings.ToUpper(strings.ReplaceAll(maliBody, " ", "\n\t ")), "c.txt", "a.txt", "d.txt")
	if again.Hash != store.TextHash(maliBody) {
		t.Fatal("TextHash differs for re-spaced, re-cased text")
	}
	more := append(recs, event(record.EventVisit, "2024"))
	gotID, created, err := s.AddDocument(ctx, again, more)
	if err != nil || created || gotID != id {
		t.Fatalf("AddDocument(same text) = %d, %v, %v; want %d, false, nil", gotID, created, err, id)
	}
	if again.ID != id {
		t.Errorf("doc.ID = %d, want %d", again.ID, id)
	}
	got, err := s.Document(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"a.txt", "b.txt", "c.txt", "d.txt"}; !slices.Equal(got.Sources, want) {
		t.Errorf("Sources = %q, want %q", got.Sources, want)
	}
	if got.Title != "Mali" {
		t.Errorf("Title = %q, want the first copy's", got.Title)
	}
	if n := len(records(t, s, store.Filter{})); n != 1 {
		t.Errorf("%d records, want 1: a known document's records are not added again", n)
	}
	if docs, _ := s.Documents(ctx, store.Filter{}); len(docs) != 1 {
		t.Errorf("%d documents, want 1", len(docs))
	}
}

// filterFixture stores three documents and returns their IDs. Labels of
// its records, in store order: VN2C CS/VP11 agreement | TB2 none | Mi-17.
func filterFixture(t *testing.T, s store.Store) (a, b, c int64) {
	a = add(t, s, newDoc("Mali", maliBody, "a.txt"),
		transfer("MLI", "CHN", "VN2C", "armoured vehicle", record.StatusDelivered, "2021"),
		transfer("MLI", "CHN", "CS/VP11", "armoured vehicle", record.StatusDelivered, "2023-03"),
		event(record.EventAgreement, "2024-09-02", "Mali", "Norinco"))
	b = add(t, s, newDoc("Niger", "Niger ordered Bayraktar TB2 drones from Turkey and plans more purchases.", "b.txt"),
		transfer("NER", "TUR", "TB2", "drone", record.StatusContracted, "2022-11-15"),
		transfer("NER", "", "", "other", record.StatusPlanned, ""))
	c = add(t, s, newDoc("Burkina", "Burkina Faso received Mi-17 helicopters from Russia in 2023.", "c.txt", "c2.txt"),
		transfer("BFA", "RUS", "Mi-17", "helicopter", record.StatusDelivered, "2023"))
	return a, b, c
}

func label(r store.Record) string {
	if r.Kind == record.KindEvent {
		return r.Type
	}
	if r.Designation == nil {
		return "none"
	}
	return *r.Designation
}

func labels(recs []store.Record) string {
	var l []string
	for _, r := range recs {
		l = append(l, label(r))
	}
	return strings.Join(l, " ")
}

func testRecordFilters(t *testing.T, s store.Store) {
	a, b, _ := filterFixture(t, s)
	for _, tt := range []struct {
		f    store.Filter
		want string
	}{
		{store.Filter{}, "VN2C CS/VP11 agreement TB2 none Mi-17"},
		{store.Filter{Kind: record.KindEvent}, "agreement"},
		{store.Filter{Kind: record.KindTransfer}, "VN2C CS/VP11 TB2 none Mi-17"},
		{store.Filter{Recipient: "NER"}, "TB2 none"},
		{store.Filter{Supplier: "CHN"}, "VN2C CS/VP11"},
		{store.Filter{Designation: "vn-2c"}, "VN2C"},
		{store.Filter{Designation: "CS VP 11"}, "CS/VP11"},
		{store.Filter{Designation: "MI17"}, "Mi-17"},
		{store.Filter{Designation: "--"}, ""},
		{store.Filter{Category: "drone"}, "TB2"},
		{store.Filter{Status: record.StatusDelivered}, "VN2C CS/VP11 Mi-17"},
		{store.Filter{Source: "a.txt"}, "VN2C CS/VP11 agreement"},
		{store.Filter{Source: "c2.txt"}, "Mi-17"},
		{store.Filter{Source: "nowhere.txt"}, ""},
		{store.Filter{DocumentID: b}, "TB2 none"},
		{store.Filter{Recipient: "MLI", Kind: record.KindTransfer, Status: record.StatusDelivered, DocumentID: a}, "VN2C CS/VP11"},
		{store.Filter{DocumentIDs: []int64{b, a}, Kind: record.KindTransfer}, "VN2C CS/VP11 TB2 none"},
		{store.Filter{Recipient: "mli"}, ""},
		{store.Filter{Type: record.EventAgreement}, "agreement"},
		{store.Filter{Type: record.EventVisit}, ""},
		{store.Filter{Dates: []string{"2021", "2022-11-15"}}, "VN2C TB2"},
		{store.Filter{Dates: []string{"2022-11"}}, ""},
		{store.Filter{Kind: record.KindEvent, Type: record.EventAgreement, Dates: []string{"2024-09-02", "2023"}}, "agreement"},
		// Dates of every precision against bounds of every precision.
		{store.Filter{Since: "2023-01", Until: "2023-12"}, "CS/VP11 Mi-17"},
		{store.Filter{Since: "2023-03-15"}, "CS/VP11 agreement Mi-17"},
		{store.Filter{Since: "2023-04"}, "agreement Mi-17"},
		{store.Filter{Until: "2022-11"}, "VN2C TB2"},
		{store.Filter{Until: "2022-11-14"}, "VN2C"},
		{store.Filter{Since: "2021", Until: "2021"}, "VN2C"},
		{store.Filter{Since: "2024-09-02", Until: "2024-09-02"}, "agreement"},
		{store.Filter{Since: "2025"}, ""},
		// Paging.
		{store.Filter{Limit: 2}, "VN2C CS/VP11"},
		{store.Filter{Limit: 2, Offset: 2}, "agreement TB2"},
		{store.Filter{Offset: 5}, "Mi-17"},
		{store.Filter{Offset: 6}, ""},
		{store.Filter{Status: record.StatusDelivered, Limit: 1, Offset: 1}, "CS/VP11"},
	} {
		if got := labels(records(t, s, tt.f)); got != tt.want {
			t.Errorf("Records(%+v) = %q, want %q", tt.f, got, tt.want)
		}
	}
}

func testDocumentFilters(t *testing.T, s store.Store) {
	ctx := context.Background()
	a, b, c := filterFixture(t, s)
	for _, tt := range []struct {
		f    store.Filter
		want []int64
	}{
		{store.Filter{}, []int64{c, b, a}},
		{store.Filter{Recipient: "NER"}, []int64{b}},
		{store.Filter{Designation: "mi 17"}, []int64{c}},
		{store.Filter{Status: record.StatusDelivered}, []int64{c, a}},
		{store.Filter{Status: record.StatusDelivered, Limit: 1}, []int64{c}},
		{store.Filter{Status: record.StatusDelivered, Limit: 1, Offset: 1}, []int64{a}},
		{store.Filter{Kind: record.KindEvent}, []int64{a}},
		{store.Filter{Since: "2023"}, []int64{c, a}},
		{store.Filter{Source: "c2.txt"}, []int64{c}},
		{store.Filter{DocumentID: b}, []int64{b}},
		{store.Filter{DocumentIDs: []int64{a, c}}, []int64{c, a}},
		{store.Filter{DocumentIDs: []int64{a, c}, Recipient: "MLI"}, []int64{a}},
		{store.Filter{Recipient: "NER", Status: record.StatusDelivered}, nil},
		{store.Filter{Limit: 1, Offset: 1}, []int64{b}},
	} {
		docs, err := s.Documents(ctx, tt.f)
		if err != nil {
			t.Fatalf("Documents(%+v): %v", tt.f, err)
		}
		var got []int64
		for _, d := range docs {
			got = append(got, d.ID)
			if d.Body != "" {
				t.Errorf("Documents(%+v): document %d has its body in a list", tt.f, d.ID)
			}
			if d.Hash == "" || d.Title == "" || len(d.Sources) == 0 || d.IngestedAt.IsZero() {
				t.Errorf("Documents(%+v): document %d lacks fields: %+v", tt.f, d.ID, d)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Documents(%+v) = %v, want %v", tt.f, got, tt.want)
		}
	}
	docs, _ := s.Documents(ctx, store.Filter{DocumentID: c})
	if len(docs) == 1 && !slices.Equal(docs[0].Sources, []string{"c.txt", "c2.txt"}) {
		t.Errorf("Sources = %q, want both, in order", docs[0].Sources)
	}
}

// review gives a verdict on a record as "tester" and returns it as it now is.
// eventIn is an event in a country.
func eventIn(country, typ, date string, actors ...string) record.Record {
	e := event(typ, date, actors...)
	e.Country = record.Ptr(country)
	return e
}

// subjects lists the records' subjects, to tell events apart.
func subjects(recs []store.Record) string {
	var l []string
	for _, r := range recs {
		l = append(l, record.Str(r.Subject))
	}
	return strings.Join(l, ", ")
}

func testInvolving(t *testing.T, s store.Store) {
	ctx := context.Background()
	about := func(r record.Record, subject string) record.Record {
		r.Subject = record.Ptr(subject)
		return r
	}
	// A transfer's fields name Mali, but a transfer has no parties.
	mislabelled := transfer("MLI", "CHN", "VN2C", "armoured vehicle", record.StatusDelivered, "2021")
	mislabelled.Actors = []string{"Mali"}
	mislabelled.Country = record.Ptr("MLI")
	id := add(t, s, newDoc("Mali", maliBody, "a.txt"),
		mislabelled,
		about(eventIn("MLI", record.EventVisit, "2024-01", "Assimi Goïta"), "in Mali"),
		about(eventIn("CHN", record.EventAgreement, "2024-09-02", "MALI", "Norinco"), "Mali named"),
		about(eventIn("FRA", record.EventVisit, "2024-03", "Forces armées maliennes"), "Malian body"),
		about(eventIn("CHN", record.EventVisit, "2024-04", "Niger", "Norinco"), "Niger"))
	mali := &store.Party{Country: "MLI", Names: []string{"Mali", "Republic of Mali", "FORCES ARMEES MALIENNES"}}
	check := func(when string, f store.Filter, want string) {
		t.Helper()
		if got := subjects(records(t, s, f)); got != want {
			t.Errorf("%s: Records(%+v) = %q, want %q", when, f, got, want)
		}
	}
	check("stored", store.Filter{Involving: mali}, "in Mali, Mali named, Malian body")
	check("stored", store.Filter{Involving: &store.Party{Country: "MLI"}}, "in Mali")
	check("stored", store.Filter{Involving: &store.Party{Names: []string{"mali"}}}, "Mali named")
	check("stored", store.Filter{Involving: &store.Party{Country: "NER"}}, "")
	check("stored", store.Filter{Involving: &store.Party{}}, "")
	check("stored", store.Filter{Involving: mali, Type: record.EventVisit}, "in Mali, Malian body")
	check("stored", store.Filter{Involving: &store.Party{Names: []string{"Norinco"}}}, "Mali named, Niger")

	events := records(t, s, store.Filter{Kind: record.KindEvent})
	correct(t, s, events[1].ID, "actors", `["Niger"]`)
	correct(t, s, events[3].ID, "actors", `["Mali", "Mali"]`)
	check("after corrections", store.Filter{Involving: mali}, "in Mali, Malian body, Niger")

	// The confirmed visit takes the new extraction's actors; the corrected
	// events stay as corrected; the others go.
	review(t, s, events[2].ID, store.ReviewConfirmed)
	_, _, _, err := s.ReplaceRecords(ctx, id, []record.Record{
		about(eventIn("FRA", record.EventVisit, "2024-03", "Norinco"), "Malian body"),
		about(eventIn("SEN", record.EventVisit, "2024-05", "Republic of Mali"), "Malian again")})
	if err != nil {
		t.Fatalf("ReplaceRecords: %v", err)
	}
	check("after ReplaceRecords", store.Filter{Involving: mali}, "Malian again, Niger")
	check("after ReplaceRecords", store.Filter{Involving: &store.Party{Names: []string{"Norinco", "Assimi Goita"}}}, "Malian body")
}

// AddVisit stores a document with a transfer and a visit in China of
// Norinco and Mali, for a backend's migration test to check with
// CheckVisitInvolved.
func AddVisit(t *testing.T, s store.Store) {
	t.Helper()
	add(t, s, newDoc("Mali", maliBody, "a.txt"),
		transfer("MLI", "CHN", "VN2C", "armoured vehicle", record.StatusDelivered, "2021"),
		eventIn("CHN", record.EventVisit, "2024-09", "Norinco", "MALI"))
}

// CheckVisitInvolved checks that AddVisit's visit, and it alone, involves
// China and, through its folded actors, Mali.
func CheckVisitInvolved(t *testing.T, s store.Store) {
	t.Helper()
	for _, p := range []store.Party{{Country: "CHN"}, {Names: []string{"Mali"}}} {
		if got := labels(records(t, s, store.Filter{Involving: &p})); got != record.EventVisit {
			t.Errorf("Records involving %+v = %q, want the visit", p, got)
		}
	}
}

func review(t *testing.T, s store.Store, id int64, verdict string) store.Record {
	t.Helper()
	r, err := s.Review(context.Background(), &store.Review{RecordID: id, Verdict: verdict, Reviewer: "tester"})
	if err != nil {
		t.Fatalf("Review(%d, %s): %v", id, verdict, err)
	}
	return r
}

// correct sets one field of a record to a JSON value.
func correct(t *testing.T, s store.Store, id int64, field, value string) store.Record {
	t.Helper()
	r, err := s.Review(context.Background(), &store.Review{RecordID: id, Verdict: store.ReviewCorrected,
		Reviewer: "tester", Field: field, New: json.RawMessage(value)})
	if err != nil {
		t.Fatalf("correct record %d's %s to %s: %v", id, field, value, err)
	}
	return r
}

func testReview(t *testing.T, s store.Store) {
	ctx := context.Background()
	id := add(t, s, newDoc("Mali", maliBody, "a.txt"), transfer("MLI", "CHN", "VN2C", "armoured vehicle", record.StatusDelivered, "2021"))
	r := records(t, s, store.Filter{DocumentID: id})[0]

	if got := review(t, s, r.ID, store.ReviewConfirmed); got.Review != store.ReviewConfirmed {
		t.Errorf("after confirming: review %q", got.Review)
	}
	if got := review(t, s, r.ID, store.ReviewRejected); got.Review != store.ReviewRejected {
		t.Errorf("after rejecting: review %q", got.Review)
	}
	at := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	rv := &store.Review{RecordID: r.ID, Verdict: store.ReviewCorrected, Reviewer: "ana", At: at,
		Field: "recipient", New: json.RawMessage(`"BFA"`), Note: "the article means Burkina Faso"}
	got, err := s.Review(ctx, rv)
	if err != nil {
		t.Fatalf("correcting the recipient: %v", err)
	}
	if got.Recipient != "BFA" || got.Review != store.ReviewCorrected || string(rv.Old) != `"MLI"` || rv.ID == 0 {
		t.Errorf("after correcting: recipient %q review %q old %s id %d; want BFA corrected \"MLI\"", got.Recipient, got.Review, rv.Old, rv.ID)
	}
	// The correction is stored: the filters see it, the rest is unchanged.
	if recs := records(t, s, store.Filter{Recipient: "BFA"}); len(recs) != 1 || recs[0].ID != r.ID || record.Str(recs[0].Designation) != "VN2C" {
		t.Errorf("records of BFA after the correction: %q", labels(recs))
	}
	if recs := records(t, s, store.Filter{Recipient: "MLI"}); len(recs) != 0 {
		t.Errorf("records of MLI after the correction: %q, want none", labels(recs))
	}
	got = correct(t, s, r.ID, "quantity", `{"value": 8, "qualifier": "exact"}`)
	if got.Quantity.Value == nil || *got.Quantity.Value != 8 || got.Quantity.Qualifier != record.QualExact {
		t.Errorf("quantity after correcting: %+v", got.Quantity)
	}
	// Confirming a corrected record keeps it corrected, so that a new
	// extraction keeps the person's values.
	if got := review(t, s, r.ID, store.ReviewConfirmed); got.Review != store.ReviewCorrected {
		t.Errorf("confirming a corrected record: review %q, want corrected", got.Review)
	}

	for _, bad := range []store.Review{
		{Verdict: "maybe", Reviewer: "x"},
		{Verdict: store.ReviewConfirmed},
		{Verdict: store.ReviewCorrected, Reviewer: "x", Field: "evidence", New: json.RawMessage(`[]`)},
		{Verdict: store.ReviewCorrected, Reviewer: "x", Field: "category", New: json.RawMessage(`"tank"`)},
		{Verdict: store.ReviewCorrected, Reviewer: "x", Field: "quantity", New: json.RawMessage(`"six"`)},
		{Verdict: store.ReviewCorrected, Reviewer: "x", Field: "quantity", New: json.RawMessage(`{"count": 6}`)},
		{Verdict: store.ReviewCorrected, Reviewer: "x", Field: "date", New: json.RawMessage(`"March 2023"`)},
		{Verdict: store.ReviewCorrected, Reviewer: "x", Field: "supplier", New: json.RawMessage(`"China"`)},
		{Verdict: store.ReviewCorrected, Reviewer: "x", Field: "status"},
	} {
		bad.RecordID = r.ID
		if _, err := s.Review(ctx, &bad); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("Review(%s %s=%s by %q) = %v, want ErrInvalid", bad.Verdict, bad.Field, bad.New, bad.Reviewer, err)
		}
	}

	hist, err := s.History(ctx, r.ID)
	if err != nil {
		t.Fatalf("History: %v", err)
	}
	var verdicts []string
	for _, h := range hist {
		verdicts = append(verdicts, h.Verdict+":"+h.Field)
	}
	if want := "confirmed: rejected: corrected:recipient corrected:quantity confirmed:"; strings.Join(verdicts, " ") != want {
		t.Fatalf("history %q, want %q (failed reviews leave no entry)", strings.Join(verdicts, " "), want)
	}
	h := hist[2]
	if h.Reviewer != "ana" || !h.At.Equal(at) || string(h.Old) != `"MLI"` || string(h.New) != `"BFA"` ||
		h.Note != rv.Note || h.RecordID != r.ID || h.ID != rv.ID {
		t.Errorf("history entry of the correction = %+v", h)
	}
	if hist[0].At.IsZero() || hist[0].Reviewer != "tester" {
		t.Errorf("history entry of the confirmation = %+v, want a time and the reviewer", hist[0])
	}
	if _, err := s.Review(ctx, &store.Review{RecordID: 4242, Verdict: store.ReviewConfirmed, Reviewer: "x"}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Review(4242) = %v, want ErrNotFound", err)
	}
	if _, err := s.History(ctx, 4242); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("History(4242) = %v, want ErrNotFound", err)
	}
	if recs := records(t, s, store.Filter{RecordID: r.ID}); len(recs) != 1 || recs[0].ID != r.ID {
		t.Errorf("Records(RecordID %d) = %q", r.ID, labels(recs))
	}
}

func testReplaceRecords(t *testing.T, s store.Store) {
	ctx := context.Background()
	vn2c := transfer("MLI", "CHN", "VN2C", "armoured vehicle", record.StatusDelivered, "2021")
	vp11 := transfer("MLI", "CHN", "CS/VP11", "armoured vehicle", record.StatusDelivered, "2023-03")
	km450 := transfer("MLI", "KOR", "KM450", "unarmoured vehicle", record.StatusDelivered, "2021")
	deal := event(record.EventAgreement, "2024-09-02", "Mali", "Norinco")
	id := add(t, s, newDoc("Mali", maliBody, "a.txt"), vn2c, vp11, km450, deal)
	other := add(t, s, newDoc("Other", "Another article that must not change.", "o.txt"), km450)

	old := records(t, s, store.Filter{DocumentID: id})
	review(t, s, old[0].ID, store.ReviewConfirmed)
	review(t, s, old[1].ID, store.ReviewRejected)
	correct(t, s, old[3].ID, "subject", `"arms contract"`)
	deal.Subject = record.Ptr("arms contract")

	// The new extraction finds VN2C again (spelt otherwise, with new
	// evidence), the agreement again (with another subject), and a new
	// system; it no longer finds CS/VP11 nor KM450.
	vn2cNew := vn2c
	vn2cNew.Designation = record.Ptr("VN-2C")
	vn2cNew.Evidence = []record.Span{{Start: 50, End: 90}}
	dealNew := deal
	dealNew.Subject = record.Ptr("arms")
	type99 := transfer("MLI", "CHN", "Type 99", "armoured vehicle", record.StatusContracted, "2024-09")
	added, removed, kept, err := s.ReplaceRecords(ctx, id, []record.Record{vn2cNew, dealNew, type99})
	if err != nil {
		t.Fatalf("ReplaceRecords: %v", err)
	}
	if added != 1 || removed != 1 || kept != 3 {
		t.Errorf("ReplaceRecords = added %d, removed %d, kept %d; want 1, 1, 3", added, removed, kept)
	}
	got := records(t, s, store.Filter{DocumentID: id})
	if len(got) != 4 {
		t.Fatalf("after ReplaceRecords: %q, want VN-2C agreement Type 99 CS/VP11", labels(got))
	}
	// Matched and confirmed: same ID and review, new content.
	if got[0].ID != old[0].ID || got[0].Review != store.ReviewConfirmed {
		t.Errorf("VN2C: ID %d review %q, want %d confirmed", got[0].ID, got[0].Review, old[0].ID)
	}
	sameRecord(t, "confirmed VN2C", got[0], vn2cNew, "a.txt")
	// Matched and corrected: the person's content stays.
	if got[1].ID != old[3].ID || got[1].Review != store.ReviewCorrected {
		t.Errorf("agreement: ID %d review %q, want %d corrected", got[1].ID, got[1].Review, old[3].ID)
	}
	sameRecord(t, "corrected agreement", got[1], deal, "a.txt")
	// New.
	if got[2].Review != "" || slices.ContainsFunc(old, func(r store.Record) bool { return r.ID == got[2].ID }) {
		t.Errorf("Type 99: ID %d review %q, want a new unreviewed record", got[2].ID, got[2].Review)
	}
	sameRecord(t, "new Type 99", got[2], type99, "a.txt")
	// Unmatched but reviewed: kept as it was.
	if got[3].ID != old[1].ID || got[3].Review != store.ReviewRejected {
		t.Errorf("CS/VP11: ID %d review %q, want %d rejected", got[3].ID, got[3].Review, old[1].ID)
	}
	sameRecord(t, "rejected CS/VP11", got[3], vp11, "a.txt")

	// An empty extraction removes only the unreviewed record.
	added, removed, kept, err = s.ReplaceRecords(ctx, id, nil)
	if err != nil || added != 0 || removed != 1 || kept != 3 {
		t.Errorf("ReplaceRecords(nil) = %d, %d, %d, %v; want 0, 1, 3", added, removed, kept, err)
	}
	if got := labels(records(t, s, store.Filter{DocumentID: id})); got != "VN-2C agreement CS/VP11" {
		t.Errorf("after ReplaceRecords(nil): %q, want the reviewed records in their order", got)
	}
	if got := labels(records(t, s, store.Filter{DocumentID: other})); got != "KM450" {
		t.Errorf("other document's records: %q, want them untouched", got)
	}
	if _, _, _, err := s.ReplaceRecords(ctx, id, []record.Record{{Kind: "rumour"}}); err == nil {
		t.Error("ReplaceRecords with a record of unknown kind succeeded")
	}
}

// Article texts long enough for SimHash to be stable.
const (
	nearBase = `Mali has taken delivery of a new batch of armoured vehicles from China, the
ministry of defence said on Tuesday. The vehicles, built by Norinco, were handed over at a ceremony
in Bamako attended by the transition president and senior officers of the armed forces. The delivery
follows a contract signed last year and includes infantry fighting vehicles and trucks. Officials said
the equipment would strengthen operations against armed groups in the centre and north of the country.`
	nearVariant = `Exit mobile version. Mali has taken delivery of a new batch of armoured vehicles from China, the
ministry of defence said on Wednesday. The vehicles, built by Norinco, were handed over at a ceremony
in Bamako attended by the transition president and senior officers of the armed forces. The delivery
follows a contract signed last year and includes infantry fighting vehicles and trucks! Officials said
the equipment would strengthen operations against armed groups in the centre and north of the country.`
	unrelated = `The European Union announced new funding for water projects in Senegal on Monday, with
grants for rural wells, irrigation schemes and training for local engineers. The programme runs for five
years and will be managed with regional authorities, the delegation said in a statement published in Dakar.
Farmers' groups welcomed the plan but asked for faster payments and clearer rules for small cooperatives.`
)

func testNearDuplicates(t *testing.T, s store.Store) {
	ctx := context.Background()
	base := add(t, s, newDoc("Base", nearBase, "base.txt"))
	other := add(t, s, newDoc("Unrelated", unrelated, "unrelated.txt"))
	prints, err := s.Fingerprints(ctx)
	if err != nil || len(prints) != 2 {
		t.Fatalf("Fingerprints = %v, %v; want both documents", prints, err)
	}
	x := store.NewNearIndex(prints)
	if got := x.Near(store.Simhash(nearBase), 0); !slices.Equal(got, []int64{base}) {
		t.Errorf("Near(base, 0) = %v; want [%d]", got, base)
	}
	if got := x.Near(store.Simhash(nearVariant), 10); !slices.Equal(got, []int64{base}) {
		t.Errorf("Near(variant, 10) = %v; want [%d]", got, base)
	}
	if got := x.Near(store.Simhash(nearBase), 64); !slices.Equal(got, []int64{base, other}) {
		t.Errorf("Near(base, 64) = %v; want [%d %d], closest first", got, base, other)
	}
	if got := x.Near(store.Simhash(nearBase), -1); len(got) != 0 {
		t.Errorf("Near(base, -1) = %v; want none", got)
	}
	x.Add(99, store.Simhash(nearVariant))
	if got := x.Near(store.Simhash(nearVariant), 0); !slices.Equal(got, []int64{99}) {
		t.Errorf("an added fingerprint is not found: %v", got)
	}
}

func testTwins(t *testing.T, s store.Store) {
	ctx := context.Background()
	first := add(t, s, newDoc("Base", nearBase, "base.txt"))
	doc := newDoc("Variant", nearVariant, "variant.txt")
	doc.TwinOf = first
	second := add(t, s, doc)
	third := add(t, s, newDoc("Unrelated", unrelated, "unrelated.txt"))
	if got, err := s.Document(ctx, second); err != nil || got.TwinOf != first {
		t.Errorf("TwinOf after AddDocument = %v, %v; want %d", got.TwinOf, err, first)
	}
	if err := s.SetTwin(ctx, third, first); err != nil {
		t.Fatalf("SetTwin: %v", err)
	}
	if got, err := s.Document(ctx, third); err != nil || got.TwinOf != first {
		t.Errorf("TwinOf after SetTwin = %v, %v; want %d", got.TwinOf, err, first)
	}
	if err := s.SetTwin(ctx, third, 0); err != nil {
		t.Fatalf("SetTwin(0): %v", err)
	}
	if got, err := s.Document(ctx, third); err != nil || got.TwinOf != 0 {
		t.Errorf("TwinOf after clearing = %v, %v; want 0", got.TwinOf, err)
	}
	if err := s.SetTwin(ctx, first, first); err == nil {
		t.Error("SetTwin(d, d) succeeded")
	}
}

func testSearch(t *testing.T, s store.Store) {
	ctx := context.Background()
	mali := add(t, s, newDoc("Mali signs contract with Norinco", maliBody+" Norinco will also train crews.", "mali.txt"))
	niger := add(t, s, newDoc("Niger news roundup", `Niger's government reviewed its budget, its schools and its roads.
Among many other items, officials mentioned a past purchase from Norinco and new air defence systems.`, "niger.txt"))
	burkina := add(t, s, newDoc("Burkina Faso helicopters", `Burkina Faso received Mi-17 helicopters for the defence of
the air base at Ouagadougou.`, "burkina.txt"))

	hits, err := s.Search(ctx, "norinco", 10)
	if err != nil {
		t.Fatalf("Search: %v", err)
	}
	if len(hits) != 2 || hits[0].DocumentID != mali || hits[1].DocumentID != niger {
		t.Fatalf("Search(norinco) = %+v, want Mali then Niger", hits)
	}
	if hits[0].Rank <= hits[1].Rank {
		t.Errorf("Rank %v for the title and repeated match, %v for one mention; want higher first", hits[0].Rank, hits[1].Rank)
	}
	if hits[0].Title != "Mali signs contract with Norinco" || hits[0].URL == "" {
		t.Errorf("hit = %+v, want the document's title and URL", hits[0])
	}
	if !strings.Contains(hits[1].Snippet, "[Norinco]") {
		t.Errorf("Snippet = %q, want [Norinco] marked", hits[1].Snippet)
	}

	for _, tt := range []struct {
		query string
		want  []int64
	}{
		{"NORINCO contract", []int64{mali}},
		{"air defence", []int64{niger, burkina}},
		{`"air defence"`, []int64{niger}},
		{"goita", []int64{mali}}, // accents folded
		{"VN2C", []int64{mali}},
		{"Mi-17", []int64{burkina}},
		{"submarine", nil},
		{`"`, nil},
		{"AND OR NOT * ( ) -", nil},
		{"", nil},
	} {
		hits, err := s.Search(ctx, tt.query, 0)
		if err != nil {
			t.Errorf("Search(%q): %v", tt.query, err)
			continue
		}
		var got []int64
		for _, h := range hits {
			got = append(got, h.DocumentID)
		}
		slices.Sort(got)
		if !slices.Equal(got, tt.want) {
			t.Errorf("Search(%q) = %v, want %v", tt.query, got, tt.want)
		}
	}
	if hits, err := s.Search(ctx, "norinco", 1); err != nil || len(hits) != 1 || hits[0].DocumentID != mali {
		t.Errorf("Search(norinco, 1) = %+v, %v; want the best hit only", hits, err)
	}
}

func testStats(t *testing.T, s store.Store) {
	ctx := context.Background()
	st, err := s.Stats(ctx)
	if err != nil || st.Documents != 0 || st.Transfers != 0 || st.Events != 0 || len(st.ByStatus) != 0 {
		t.Errorf("Stats of an empty store = %+v, %v", st, err)
	}
	a, _, c := filterFixture(t, s)
	if err := s.SetTwin(ctx, c, a); err != nil {
		t.Fatal(err)
	}
	// A rejected record is not counted.
	review(t, s, records(t, s, store.Filter{Designation: "TB2"})[0].ID, store.ReviewRejected)
	st, err = s.Stats(ctx)
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	want := store.Stats{
		Documents: 3, Duplicates: 1, Transfers: 4, Events: 1,
		ByStatus:    map[string]int{record.StatusDelivered: 3, record.StatusPlanned: 1},
		ByRecipient: map[string]int{"MLI": 2, "NER": 1, "BFA": 1},
	}
	if !reflect.DeepEqual(st, want) {
		t.Errorf("Stats = %+v, want %+v", st, want)
	}
}

// testConcurrentAdd: eight goroutines add the same documents at once, and
// one of their own each. Every document is stored once, with its records
// once and every source.
func testConcurrentAdd(t *testing.T, s store.Store) {
	ctx := context.Background()
	const workers, shared = 8, 12
	body := func(i int) string { return fmt.Sprintf("Shared article number %d about transfers.", i) }
	nrecs := func(i int) int { return i%4 + 1 }
	recsFor := func(i int) []record.Record {
		var recs []record.Record
		for j := range nrecs(i) {
			recs = append(recs, transfer("MLI", "CHN", fmt.Sprintf("X-%d-%d", i, j), "other", record.StatusDelivered, "2024"))
		}
		return recs
	}
	var mu sync.Mutex
	created := map[int64]int{}
	errs := make(chan error, workers*(shared+1))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for k := range shared + 1 {
				i := (k + w) % (shared + 1) // each worker starts elsewhere
				doc := newDoc(fmt.Sprintf("Shared %d", i), body(i), fmt.Sprintf("feed%d/%d.txt", w, i))
				if i == shared {
					doc = newDoc(fmt.Sprintf("Own %d", w), fmt.Sprintf("Worker %d's own article.", w), fmt.Sprintf("own%d.txt", w))
				}
				id, isNew, err := s.AddDocument(ctx, doc, recsFor(i))
				if err != nil {
					errs <- err
					continue
				}
				if isNew {
					mu.Lock()
					created[id]++
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("AddDocument: %v", err)
	}
	docs, err := s.Documents(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != shared+workers {
		t.Errorf("%d documents, want %d", len(docs), shared+workers)
	}
	for _, d := range docs {
		if created[d.ID] != 1 {
			t.Errorf("document %d reported created %d times, want once", d.ID, created[d.ID])
		}
		var i int
		wantSources := 1
		if _, err := fmt.Sscanf(d.Title, "Shared %d", &i); err == nil {
			wantSources = workers
		} else {
			i = shared
		}
		if len(d.Sources) != wantSources {
			t.Errorf("document %q: %d sources, want %d", d.Title, len(d.Sources), wantSources)
		}
		if n := len(records(t, s, store.Filter{DocumentID: d.ID})); n != nrecs(i) {
			t.Errorf("document %q: %d records, want %d", d.Title, n, nrecs(i))
		}
	}
}

// testAddDocuments stores a batch in one go, a repeat within it once, and
// nothing at all when one document of the batch fails.
func testAddDocuments(t *testing.T, s store.Store) {
	ctx := context.Background()
	a, b := newDoc("A", nearBase, "a.txt"), newDoc("B", unrelated, "b.txt")
	again := newDoc("A again", nearBase, "a-copy.txt")
	added, err := s.AddDocuments(ctx, []store.Addition{{Document: a}, {Document: b}, {Document: again}})
	if err != nil {
		t.Fatal(err)
	}
	if len(added) != 3 || !added[0].Created || !added[1].Created || added[2].Created || added[2].ID != added[0].ID {
		t.Fatalf("added %+v: want two new documents and the repeat pointing at the first", added)
	}
	got, err := s.Document(ctx, added[0].ID)
	if err != nil || !slices.Equal(got.Sources, []string{"a.txt", "a-copy.txt"}) {
		t.Errorf("sources %v, %v: want both paths", got.Sources, err)
	}
	bad := newDoc("Bad twin", "Some other text entirely about trucks and boats.", "c.txt")
	bad.TwinOf = 999999
	fresh := newDoc("Fresh", "A fresh text that the failed batch must not store.", "d.txt")
	if _, err := s.AddDocuments(ctx, []store.Addition{{Document: fresh}, {Document: bad}}); err == nil {
		t.Fatal("a batch with a missing twin was stored")
	}
	docs, _ := s.Documents(ctx, store.Filter{})
	if len(docs) != 2 {
		t.Errorf("%d documents after a failed batch, want the 2 stored before", len(docs))
	}
}
