package postgres_test

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/dossier-osint/dossier/internal/record"
	"github.com/dossier-osint/dossier/internal/store"
	"github.com/dossier-osint/dossier/internal/store/postgres"
	"github.com/dossier-osint/dossier/internal/store/postgres/pgtest"
	"github.com/dossier-osint/dossier/internal/store/storetest"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return pgtest.Open(t) })
}

// execSQL runs statements on the database at u directly, as another tool would.
func execSQL(t *testing.T, u string, sql ...string) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	for _, q := range sql {
		if _, err := conn.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

func open(t *testing.T, u string) *postgres.Store {
	t.Helper()
	s, err := postgres.Open(context.Background(), u)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestPartiesBackfilled takes a schema back to version 1, when events had
// no party columns, and checks that migration 2 fills them in.
func TestPartiesBackfilled(t *testing.T) {
	u := pgtest.SchemaURL(t)
	s := open(t, u)
	storetest.AddVisit(t, s)
	s.Close()
	execSQL(t, u, `DROP TABLE record_actors`, `DROP FUNCTION index_record_actors CASCADE`, `DROP INDEX records_type_date`,
		`ALTER TABLE records DROP COLUMN country, DROP COLUMN actor_folds`, `UPDATE dossier_schema SET version = 1`)
	storetest.CheckVisitInvolved(t, open(t, u))
}

func TestReopenKeepsData(t *testing.T) {
	ctx := context.Background()
	u := pgtest.SchemaURL(t)
	s := open(t, u)
	doc := &store.Document{Title: "Kept", Body: "Mali received VN2C vehicles.", Sources: []string{"kept.txt"}}
	rec := record.Record{Kind: record.KindEvent, Type: record.EventVisit, Evidence: []record.Span{{Start: 0, End: 4}}}
	id, _, err := s.AddDocument(ctx, doc, []record.Record{rec})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	again := open(t, u)
	got, err := again.Document(ctx, id)
	if err != nil || got.Title != "Kept" {
		t.Fatalf("Document(%d) after reopening = %+v, %v", id, got, err)
	}
	if recs, err := again.Records(ctx, store.Filter{DocumentID: id}); err != nil || len(recs) != 1 {
		t.Errorf("Records after reopening = %+v, %v; want the one record", recs, err)
	}
}

// TestConcurrentOpen: processes opening a new schema at once migrate it once.
func TestConcurrentOpen(t *testing.T) {
	u := pgtest.SchemaURL(t)
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for range 4 {
		wg.Go(func() {
			s, err := postgres.Open(context.Background(), u)
			if err == nil {
				s.Close()
			}
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("Open: %v", err)
		}
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	u := pgtest.SchemaURL(t)
	open(t, u).Close()
	execSQL(t, u, `UPDATE dossier_schema SET version = 99`)
	_, err := postgres.Open(context.Background(), u)
	if err == nil || !strings.Contains(err.Error(), "schema version 99, newer than this Dossier") ||
		!strings.Contains(err.Error(), "upgrade Dossier") {
		t.Fatalf("Open = %v, want a refusal naming version 99", err)
	}
}

func TestOtherProgramsSchemaRefused(t *testing.T) {
	u := pgtest.SchemaURL(t)
	execSQL(t, u, `CREATE TABLE invoices (id int)`)
	_, err := postgres.Open(context.Background(), u)
	if err == nil || !strings.Contains(err.Error(), "holds tables of another program") {
		t.Fatalf("Open = %v, want a refusal", err)
	}
}

func TestOpenErrors(t *testing.T) {
	server, err := url.Parse(pgtest.ServerURL(t))
	if err != nil {
		t.Fatal(err)
	}
	missing := *server
	q := missing.Query()
	q.Set("search_path", "no_such_schema_here")
	missing.RawQuery = q.Encode()
	unreachable := *server
	unreachable.User = url.UserPassword("dossier", "s3cret")
	unreachable.Host = "127.0.0.1:1"
	for _, tt := range []struct {
		url, want string
	}{
		{missing.String(), "search_path names no existing schema"},
		{unreachable.String(), "database postgres://127.0.0.1:1/"},
		{"postgres://host:notaport/db", "database URL"},
	} {
		_, err := postgres.Open(context.Background(), tt.url)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Open(%s) = %v, want an error with %q", tt.url, err, tt.want)
		}
		if err != nil && strings.Contains(err.Error(), "s3cret") {
			t.Errorf("Open(%s) = %v, which shows the password", tt.url, err)
		}
	}
}

// TestMissingTwin: a document whose twin is absent is refused with
// ErrNotFound, in a batch as alone, and nothing of the batch is stored.
func TestMissingTwin(t *testing.T) {
	ctx := context.Background()
	s := pgtest.Open(t)
	first := &store.Document{Title: "First", Body: "The first article.", Sources: []string{"1.txt"}}
	if _, _, err := s.AddDocument(ctx, first, nil); err != nil {
		t.Fatal(err)
	}
	fresh := &store.Document{Title: "Fresh", Body: "An article of a failed batch.", Sources: []string{"2.txt"}}
	orphan := &store.Document{Title: "Orphan", Body: "A reprint of nothing stored.", TwinOf: first.ID + 1}
	_, err := s.AddDocuments(ctx, []store.Addition{{Document: fresh}, {Document: orphan}})
	if !errors.Is(err, store.ErrNotFound) || !strings.Contains(err.Error(), fmt.Sprintf("twin %d", first.ID+1)) {
		t.Errorf("AddDocuments with a missing twin = %v, want ErrNotFound naming the twin", err)
	}
	if docs, err := s.Documents(ctx, store.Filter{}); err != nil || len(docs) != 1 {
		t.Errorf("Documents = %d, %v; want only the first", len(docs), err)
	}
}

// TestSearchSnippets: the snippet shows the words found, in the title or
// the body, with their accents.
func TestSearchSnippets(t *testing.T) {
	ctx := context.Background()
	s := pgtest.Open(t)
	for _, doc := range []*store.Document{
		{Title: "Norinco wins a contract", Body: "The company will deliver trucks next year.", Sources: []string{"a.txt"}},
		{Title: "Visit", Body: "Assimi Goïta visited Beijing and met Norinco.", Sources: []string{"b.txt"}},
	} {
		if _, _, err := s.AddDocument(ctx, doc, nil); err != nil {
			t.Fatal(err)
		}
	}
	for query, want := range map[string]string{
		"norinco trucks": "[Norinco] wins a contract\nThe company will deliver [trucks]",
		"goita":          "Assimi [Goïta] visited",
		`"met norinco"`:  "[met] [Norinco]",
	} {
		hits, err := s.Search(ctx, query, 0)
		if err != nil || len(hits) != 1 {
			t.Errorf("Search(%q) = %+v, %v; want one hit", query, hits, err)
			continue
		}
		if !strings.Contains(hits[0].Snippet, want) {
			t.Errorf("Search(%q) snippet = %q, want it to contain %q", query, hits[0].Snippet, want)
		}
	}
}

// BenchmarkAddDocuments stores documents in batches of 64, as an ingest
// commits them; docs/s is the throughput.
func BenchmarkAddDocuments(b *testing.B) {
	ctx := context.Background()
	s := pgtest.Open(b)
	const batchSize = 64
	n := 0
	for b.Loop() {
		batch := make([]store.Addition, batchSize)
		for i := range batch {
			n++
			body := fmt.Sprintf("Article %d. Mali took delivery of %d armoured vehicles from China, officials said. %s",
				n, n%50, strings.Repeat("The ministry gave no further details on the delivery. ", 60))
			var recs []record.Record
			for j := range n%4 + 1 {
				recs = append(recs, record.Record{Kind: record.KindTransfer, Recipient: "MLI", Supplier: record.Ptr("CHN"),
					Designation: record.Ptr(fmt.Sprintf("VN-%d", j)), Category: "armoured vehicle", Status: record.StatusDelivered,
					Quantity: record.Quantity{Qualifier: record.QualUnknown}, Date: record.Ptr("2024-03"),
					Evidence: []record.Span{{Start: 0, End: 40}}})
			}
			doc := &store.Document{Title: fmt.Sprintf("Article %d", n), Body: body, Sources: []string{fmt.Sprintf("a/%d.txt", n)}}
			batch[i] = store.Addition{Document: doc, Records: recs}
		}
		if _, err := s.AddDocuments(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "docs/s")
}
