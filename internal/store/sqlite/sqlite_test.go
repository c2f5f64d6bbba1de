package sqlite

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dossier-osint/dossier/internal/record"
	"github.com/dossier-osint/dossier/internal/store"
	"github.com/dossier-osint/dossier/internal/store/storetest"
)

func openTemp(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "dossier.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return openTemp(t) })
}

// rawDB opens the file directly, as another tool would.
func rawDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func integrityCheck(t *testing.T, path string) {
	t.Helper()
	var result string
	if err := rawDB(t, path).QueryRow(`PRAGMA integrity_check`).Scan(&result); err != nil {
		t.Fatalf("integrity_check: %v", err)
	}
	if result != "ok" {
		t.Fatalf("integrity_check = %q, want ok", result)
	}
	// The full-text index must agree with the documents it indexes.
	if _, err := rawDB(t, path).Exec(`INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
		t.Fatalf("FTS integrity-check: %v", err)
	}
}

func sampleDoc(i int) (*store.Document, []record.Record) {
	body := fmt.Sprintf("Article %d: Mali received %d vehicles from China. Officials confirmed the delivery.", i, i)
	doc := &store.Document{Hash: store.TextHash(body), Title: fmt.Sprintf("doc %d", i), Body: body,
		Format: "header", Sources: []string{fmt.Sprintf("articles/%d.txt", i)}, Simhash: store.Simhash(body)}
	recipients := []string{"MLI", "NER", "BFA", "TCD", "SEN"}
	statuses := []string{record.StatusPlanned, record.StatusContracted, record.StatusDelivered, record.StatusInService}
	var recs []record.Record
	for j := range i%5 + 1 {
		n := i + j
		recs = append(recs, record.Record{
			Kind: record.KindTransfer, Recipient: recipients[(i+j)%len(recipients)], Supplier: record.Ptr("CHN"),
			Designation: record.Ptr(fmt.Sprintf("VN-%d", j)), Category: "armoured vehicle",
			Quantity: record.Quantity{Value: &n, Qualifier: record.QualExact}, Status: statuses[(i+j)%len(statuses)],
			Date: record.Ptr(fmt.Sprintf("%d-%02d", 2015+i%10, 1+j)), Evidence: []record.Span{{Start: 0, End: 20}},
		})
	}
	return doc, recs
}

func TestOpenCreatesDirectory(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a", "b", "dossier.db")
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	s.Close()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("database not created: %v", err)
	}
}

func TestOpenOddPath(t *testing.T) {
	path := filepath.Join(t.TempDir(), "with space?and=query#hash%20", "dossier.db")
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open(%q): %v", path, err)
	}
	s.Close()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("database not created at %q: %v", path, err)
	}
}

func TestReopenKeepsData(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dossier.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, recs := sampleDoc(3)
	id, _, err := s.AddDocument(ctx, doc, recs)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	got, err := s.Document(ctx, id)
	if err != nil || got.Body != doc.Body {
		t.Fatalf("Document after reopen = %+v, %v", got, err)
	}
	stored, err := s.Records(ctx, store.Filter{DocumentID: id})
	if err != nil || len(stored) != len(recs) {
		t.Fatalf("Records after reopen: %d, %v; want %d", len(stored), err, len(recs))
	}
	if hits, err := s.Search(ctx, "officials", 0); err != nil || len(hits) != 1 {
		t.Fatalf("Search after reopen = %v, %v", hits, err)
	}
	var version int
	if err := rawDB(t, path).QueryRow(`PRAGMA user_version`).Scan(&version); err != nil || version != len(migrations) {
		t.Errorf("user_version = %d, %v; want %d", version, err, len(migrations))
	}
}

// TestMigrationUpgrade adds migrations for the test's sake: one that fails
// halfway must leave nothing of itself, one that works must be applied to
// an existing database without losing its data.
func TestMigrationUpgrade(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dossier.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, recs := sampleDoc(1)
	id, _, err := s.AddDocument(ctx, doc, recs)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	known := migrations
	t.Cleanup(func() { migrations = known })
	migrations = append(known[:len(known):len(known)], `CREATE TABLE half (x); CREATE TABLE documents (x);`)
	if _, err := Open(path); err == nil || !strings.Contains(err.Error(), fmt.Sprintf("migration to schema version %d", len(migrations))) {
		t.Fatalf("Open with a failing migration = %v, want its error", err)
	}
	var version, half int
	db := rawDB(t, path)
	if err := db.QueryRow(`PRAGMA user_version`).Scan(&version); err != nil || version != len(known) {
		t.Errorf("user_version after a failed migration = %d, %v; want %d", version, err, len(known))
	}
	if err := db.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE name = 'half'`).Scan(&half); err != nil || half != 0 {
		t.Errorf("a failed migration left its first table behind (%d, %v)", half, err)
	}

	migrations = append(known[:len(known):len(known)], `ALTER TABLE documents ADD COLUMN note TEXT NOT NULL DEFAULT ''`)
	s, err = Open(path)
	if err != nil {
		t.Fatalf("Open with a new migration: %v", err)
	}
	defer s.Close()
	if got, err := s.Records(ctx, store.Filter{DocumentID: id}); err != nil || len(got) != len(recs) {
		t.Errorf("records after the upgrade: %d, %v; want %d", len(got), err, len(recs))
	}
	if err := db.QueryRow(`PRAGMA user_version`).Scan(&version); err != nil || version != len(migrations) {
		t.Errorf("user_version after the upgrade = %d, %v; want %d", version, err, len(migrations))
	}
}

// TestPartiesBackfilled takes a database back to schema version 2, when
// events had no party columns, and checks that migration 3 fills them in.
func TestPartiesBackfilled(t *testing.T) {
	path := filepath.Join(t.TempDir(), "dossier.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	storetest.AddVisit(t, s)
	s.Close()
	_, err = rawDB(t, path).Exec(`
DROP TRIGGER records_actors_insert;
DROP TRIGGER records_actors_update;
DROP TABLE record_actors;
DROP INDEX records_country;
DROP INDEX records_type_date;
ALTER TABLE records DROP COLUMN country;
ALTER TABLE records DROP COLUMN actor_folds;
PRAGMA user_version = 2;`)
	if err != nil {
		t.Fatal(err)
	}

	s, err = Open(path)
	if err != nil {
		t.Fatalf("Open a version 2 database: %v", err)
	}
	defer s.Close()
	storetest.CheckVisitInvolved(t, s)
}

func TestNewerSchemaRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := rawDB(t, path).Exec(`PRAGMA user_version = 7`); err != nil {
		t.Fatal(err)
	}
	_, err = Open(path)
	want := fmt.Sprintf("database %s has schema version 7, newer than this Dossier (%d); upgrade Dossier", path, len(migrations))
	if err == nil || err.Error() != want {
		t.Fatalf("Open = %v, want %q", err, want)
	}
}

func TestNotADatabase(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.db")
	if err := os.WriteFile(text, []byte(strings.Repeat("These are notes, not a database.\n", 40)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Open(text)
	if err == nil || !strings.Contains(err.Error(), text) || !strings.Contains(err.Error(), "not a SQLite database") {
		t.Errorf("Open(text file) = %v, want an error naming %s as not a SQLite database", err, text)
	}
	// A SQLite database of another program is not taken over.
	foreign := filepath.Join(dir, "other.db")
	if _, err := rawDB(t, foreign).Exec(`CREATE TABLE things (x)`); err != nil {
		t.Fatal(err)
	}
	_, err = Open(foreign)
	if err == nil || !strings.Contains(err.Error(), foreign) || !strings.Contains(err.Error(), "another program") {
		t.Errorf("Open(foreign database) = %v, want an error naming %s as another program's", err, foreign)
	}
	if b, _ := os.ReadFile(text); !strings.HasPrefix(string(b), "These are notes") {
		t.Error("the text file was changed")
	}
}

func TestIntegrity(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dossier.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 50 {
		doc, recs := sampleDoc(i)
		id, _, err := s.AddDocument(ctx, doc, recs)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, _, err := s.ReplaceRecords(ctx, id, recs[:len(recs)/2]); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	integrityCheck(t, path)
	var mode string
	if err := rawDB(t, path).QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
}

// crashEnv names the database the child process of TestCrashSafety writes.
const crashEnv = "DOSSIER_STORE_CRASH_DB"

// TestCrashSafety kills a process that is adding documents, several times,
// and checks that the database is intact and that every document it holds
// has all its records, including every document the process saw committed.
func TestCrashSafety(t *testing.T) {
	if path := os.Getenv(crashEnv); path != "" {
		crashChild(path)
		return
	}
	if testing.Short() {
		t.Skip("spawns processes")
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "crash.db")
	committed := map[string]bool{}
	midAdd := 0
	// Four rounds, and more (up to twelve) until a kill lands inside an
	// add: on a loaded machine the child may not run again between
	// telling a commit and starting the next add before the kill.
	for round := 0; round < 4 || midAdd == 0 && round < 12; round++ {
		// Kill after a number of commits that varies by round, so that the
		// kill falls at different points of a transaction.
		inside := crashRound(t, path, 40+round*37, time.Duration(round)*time.Millisecond, committed)
		if inside {
			midAdd++
		}

		integrityCheck(t, path)
		s, err := Open(path)
		if err != nil {
			t.Fatalf("round %d: reopen after kill: %v", round, err)
		}
		docs, err := s.Documents(ctx, store.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		stored := map[string]bool{}
		for _, d := range docs {
			stored[d.Title] = true
			var i int
			if _, err := fmt.Sscanf(d.Title, "doc %d", &i); err != nil {
				t.Fatalf("unexpected document %q", d.Title)
			}
			_, want := sampleDoc(i)
			recs, err := s.Records(ctx, store.Filter{DocumentID: d.ID})
			if err != nil {
				t.Fatal(err)
			}
			if len(recs) != len(want) {
				t.Errorf("round %d: %q has %d records, want %d", round, d.Title, len(recs), len(want))
			}
		}
		for title := range committed {
			if !stored[title] {
				t.Errorf("round %d: %q was committed but is lost", round, title)
			}
		}
		s.Close()
		t.Logf("round %d: killed inside AddDocument: %v; %d documents stored, %d seen committed",
			round, inside, len(docs), len(committed))
	}
	// An add takes far longer than the child's printing, so nearly every
	// kill lands inside one; if none did in twelve, the test proved little.
	if midAdd == 0 {
		t.Error("no kill landed inside AddDocument")
	}
}

// crashRound runs a child that adds documents to path and kills it with
// SIGKILL once it has told target commits and delay has passed. It notes
// in committed every commit the child told, and reports whether the kill
// landed inside AddDocument.
func crashRound(t *testing.T, path string, target int, delay time.Duration, committed map[string]bool) (midAdd bool) {
	t.Helper()
	// The timeout ends a child that outlives its parent.
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashSafety$", "-test.timeout=2m")
	cmd.Env = append(os.Environ(), crashEnv+"="+path)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Wait()
	defer cmd.Process.Kill()
	lines := bufio.NewScanner(out)
	n := 0
	for n < target && lines.Scan() {
		if title, ok := strings.CutPrefix(lines.Text(), "committed "); ok {
			committed[title] = true
			n++
		}
	}
	if n < target {
		t.Fatalf("the child stopped after %d commits", n)
	}
	time.Sleep(delay)
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	for lines.Scan() { // commits told before the kill landed
		title, ok := strings.CutPrefix(lines.Text(), "committed ")
		if ok {
			committed[title] = true
		}
		midAdd = !ok
	}
	return midAdd
}

// crashChild adds documents until it is killed, telling each commit on
// standard output. It continues the numbering of earlier rounds.
func crashChild(path string) {
	ctx := context.Background()
	s, err := Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	docs, err := s.Documents(ctx, store.Filter{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for i := len(docs); ; i++ {
		doc, recs := sampleDoc(i)
		// A parent that has gone away closes the pipe: stop then.
		if _, err := fmt.Printf("adding %s\n", doc.Title); err != nil {
			os.Exit(1)
		}
		if _, _, err := s.AddDocument(ctx, doc, recs); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		if _, err := fmt.Printf("committed %s\n", doc.Title); err != nil {
			os.Exit(1)
		}
	}
}

func BenchmarkAddDocument(b *testing.B) {
	ctx := context.Background()
	s := openTemp(b)
	defer s.Close()
	i := 0
	for b.Loop() {
		doc, recs := sampleDoc(i)
		if _, _, err := s.AddDocument(ctx, doc, recs); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

func BenchmarkRecordsQuery(b *testing.B) {
	ctx := context.Background()
	s := openTemp(b)
	defer s.Close()
	const docs = 3000
	for i := range docs {
		doc, recs := sampleDoc(i)
		if _, _, err := s.AddDocument(ctx, doc, recs); err != nil {
			b.Fatal(err)
		}
	}
	for _, bm := range []struct {
		name string
		f    store.Filter
	}{
		{"Recipient", store.Filter{Recipient: "MLI", Limit: 50}},
		{"Designation", store.Filter{Designation: "vn 3", Limit: 50}},
		{"DateRange", store.Filter{Since: "2019", Until: "2020-06", Limit: 50}},
		{"Document", store.Filter{DocumentID: docs / 2}},
		{"Source", store.Filter{Source: "articles/1500.txt"}},
		{"RecipientStatusAll", store.Filter{Recipient: "NER", Status: record.StatusDelivered}},
		{"DeepPage", store.Filter{Limit: 50, Offset: 8000}},
	} {
		b.Run(bm.name, func(b *testing.B) {
			for b.Loop() {
				recs, err := s.Records(ctx, bm.f)
				if err != nil || len(recs) == 0 {
					b.Fatalf("Records(%+v) = %d records, %v", bm.f, len(recs), err)
				}
			}
		})
	}
}
