package queue_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dossier-osint/dossier/internal/catalog"
	"github.com/dossier-osint/dossier/internal/fetch"
	"github.com/dossier-osint/dossier/internal/ingest"
	"github.com/dossier-osint/dossier/internal/queue"
	"github.com/dossier-osint/dossier/internal/queue/natstest"
	"github.com/dossier-osint/dossier/internal/store"
	"github.com/dossier-osint/dossier/internal/store/sqlite"
)

func openQueue(t *testing.T) *queue.Queue {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	q, err := queue.Open(ctx, natstest.QueueURL(t), "test")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(q.Close)
	return q
}

func openStore(t *testing.T) store.Store {
	t.Helper()
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "queue.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// writeArticles writes n articles about deliveries, each its own text.
func writeArticles(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	buyers := []string{"Mali", "Niger", "Chad", "Peru", "Kenya", "Serbia"}
	systems := []string{"VN2C", "VN4", "Bayraktar TB2", "K9", "Mi-35M"}
	for i := range n {
		text := fmt.Sprintf("url: https://example.org/%d\ntitle: Delivery %d\npublished: 2024-%02d-10\n---\n"+
			"%s's army took delivery of %d %s from its supplier on Tuesday, report %d says.\n",
			i, i, i%12+1, buyers[i%len(buyers)], i+2, systems[i%len(systems)], i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%03d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// work runs a worker until the queue is empty.
func work(t *testing.T, q *queue.Queue, st store.Store, opt queue.WorkerOptions) queue.WorkSummary {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	opt.UntilEmpty = true
	opt.Log = t.Logf
	sum, err := q.Work(ctx, st, catalog.MustDefault(), opt)
	if err != nil {
		t.Fatal(err)
	}
	if ctx.Err() != nil {
		t.Fatal("the worker did not find the queue empty within 60 s")
	}
	return sum
}

func status(t *testing.T, q *queue.Queue) queue.Status {
	t.Helper()
	st, err := q.Status(context.Background(), 10)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// recordsBySource counts each stored document's records by its first source.
func recordsBySource(t *testing.T, st store.Store) map[string]int {
	t.Helper()
	ctx := context.Background()
	docs, err := st.Documents(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for _, d := range docs {
		recs, err := st.Records(ctx, store.Filter{DocumentID: d.ID})
		if err != nil {
			t.Fatal(err)
		}
		out[d.Sources[0]] = len(recs)
	}
	return out
}

func TestWorkerStoresWhatIngestStores(t *testing.T) {
	const n = 60
	dir := writeArticles(t, n)
	q := openQueue(t)
	sum, err := q.Publish(context.Background(), []string{dir}, nil, "")
	if err != nil || sum.Published != n || sum.Queued != 0 || len(sum.Failures) != 0 {
		t.Fatalf("publish: %+v, %v; want %d published", sum, err, n)
	}
	if s := status(t, q); s.Pending != n {
		t.Errorf("status after publishing: %+v, want %d pending", s, n)
	}

	st := openStore(t)
	done := work(t, q, st, queue.WorkerOptions{Workers: 3})
	if done.New != n || done.Duplicate != 0 || done.DeadLettered != 0 {
		t.Fatalf("worker: %+v, want %d new", done, n)
	}
	// The reference: the same articles ingested here, by ingest.Run.
	local := openStore(t)
	if _, err := ingest.Run(context.Background(), local, catalog.MustDefault(), []string{dir}, nil, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	got, want := recordsBySource(t, st), recordsBySource(t, local)
	if len(got) != n || fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("records by document through the queue:\n%v\ningested here:\n%v", got, want)
	}
	total := 0
	for _, c := range got {
		total += c
	}
	if done.Records != total || total == 0 {
		t.Errorf("worker counted %d records, the store holds %d", done.Records, total)
	}
	if s := status(t, q); s.Pending != 0 || s.InFlight != 0 || s.Dead != 0 {
		t.Errorf("status after the worker: %+v, want nothing left", s)
	}

	// Publishing again: the server drops the repeats.
	again, err := q.Publish(context.Background(), []string{dir}, nil, "")
	if err != nil || again.Published != 0 || again.Queued != n {
		t.Errorf("publishing again: %+v, %v; want all %d already queued", again, err, n)
	}
	// A copy under other names passes the server but is stored once,
	// under both names.
	copyDir := t.TempDir()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		data, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		os.WriteFile(filepath.Join(copyDir, e.Name()), data, 0o644)
	}
	if copied, err := q.Publish(context.Background(), []string{copyDir}, nil, ""); err != nil || copied.Published != n {
		t.Fatalf("publishing a copy: %+v, %v", copied, err)
	}
	redone := work(t, q, st, queue.WorkerOptions{Workers: 2})
	if redone.New != 0 || redone.Duplicate != n {
		t.Errorf("worker on the copy: %+v, want %d already stored", redone, n)
	}
	if after := recordsBySource(t, st); fmt.Sprint(after) != fmt.Sprint(got) {
		t.Errorf("the copy changed the stored records:\n%v", after)
	}
	docs, _ := st.Documents(context.Background(), store.Filter{Source: filepath.Join(copyDir, "007.txt")})
	if len(docs) != 1 || len(docs[0].Sources) != 2 {
		t.Errorf("the copy's name is not added to its document: %+v", docs)
	}
}

// serveArticles serves the files of dir on loopback, each answer but
// robots.txt's after delay.
func serveArticles(t *testing.T, dir string, delay time.Duration) string {
	files := http.FileServer(http.Dir(dir))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/robots.txt" {
			time.Sleep(delay)
		}
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

func TestWorkerFetchesAddresses(t *testing.T) {
	site := serveArticles(t, writeArticles(t, 2), 0)
	q := openQueue(t)
	addresses := []string{site + "/000.txt", site + "/001.txt"}
	if sum, err := q.Publish(context.Background(), addresses, nil, ""); err != nil || sum.Published != 2 {
		t.Fatalf("publish: %+v, %v", sum, err)
	}
	st := openStore(t)
	f := fetch.New(fetch.Options{AllowPrivate: true})
	if done := work(t, q, st, queue.WorkerOptions{Workers: 1, Fetch: f.Fetch}); done.New != 2 {
		t.Fatalf("worker: %+v, want both pages stored", done)
	}
	stored := recordsBySource(t, st)
	for _, a := range addresses {
		if stored[a] == 0 {
			t.Errorf("no document with records stored under %s: %v", a, stored)
		}
	}
}

func TestWorkerDeadLettersPoisonMessage(t *testing.T) {
	q := openQueue(t)
	dir := writeArticles(t, 3)
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)
	if sum, err := q.Publish(context.Background(), []string{dir}, nil, ""); err != nil || sum.Published != 4 {
		t.Fatalf("publish: %+v, %v", sum, err)
	}
	st := openStore(t)
	done := work(t, q, st, queue.WorkerOptions{Workers: 2, MaxAttempts: 3, RetryDelay: 50 * time.Millisecond})
	if done.New != 3 || done.Retried != 2 || done.DeadLettered != 1 {
		t.Errorf("worker: %+v, want 3 stored, 2 retries and 1 dead letter", done)
	}
	s := status(t, q)
	if s.Dead != 1 || s.Pending != 0 || s.InFlight != 0 || len(s.Latest) != 1 {
		t.Fatalf("status: %+v, want one dead letter and nothing left", s)
	}
	d := s.Latest[0]
	if d.Source != empty || d.Deliveries != 3 || !strings.Contains(d.Error, "empty") || !strings.HasSuffix(d.Subject, ".work.article") {
		t.Errorf("dead letter %+v, want the empty file after 3 deliveries with its error", d)
	}
}

func TestCancelledWorkerFinishesWhatItHolds(t *testing.T) {
	const n = 400
	q := openQueue(t)
	if sum, err := q.Publish(context.Background(), []string{writeArticles(t, n)}, nil, ""); err != nil || sum.Published != n {
		t.Fatalf("publish: %+v, %v", sum, err)
	}
	st := openStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	type outcome struct {
		sum queue.WorkSummary
		err error
	}
	done := make(chan outcome)
	opt := queue.WorkerOptions{Workers: 2, AckWait: 2 * time.Second}
	go func() {
		sum, err := q.Work(ctx, st, catalog.MustDefault(), opt)
		done <- outcome{sum, err}
	}()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if docs, _ := st.Documents(context.Background(), store.Filter{Limit: 1}); len(docs) > 0 {
			break
		}
	}
	cancel()
	var first outcome
	select {
	case first = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the cancelled worker did not stop within 10 s")
	}
	if first.err != nil || first.sum.New == 0 {
		t.Fatalf("cancelled worker: %+v, %v", first.sum, first.err)
	}
	t.Logf("the cancelled worker stored %d of %d", first.sum.New, n)
	if first.sum.New == n {
		t.Skip("the worker finished before it was cancelled")
	}
	// What the first worker took, it stored and acknowledged: the second
	// finds each remaining article new.
	second := work(t, q, st, opt)
	if first.sum.New+second.New != n || second.Duplicate != 0 {
		t.Errorf("first worker %+v, second %+v: want %d new between them and no repeat", first.sum, second, n)
	}
}

func TestWorkerKeepsSlowDocumentMessage(t *testing.T) {
	// Served in over twice the AckWait below.
	site := serveArticles(t, writeArticles(t, 1), 2500*time.Millisecond)
	q := openQueue(t)
	if sum, err := q.Publish(context.Background(), []string{site + "/000.txt"}, nil, ""); err != nil || sum.Published != 1 {
		t.Fatalf("publish: %+v, %v", sum, err)
	}
	f := fetch.New(fetch.Options{AllowPrivate: true})
	done := work(t, q, openStore(t), queue.WorkerOptions{Workers: 2, AckWait: time.Second, Fetch: f.Fetch})
	// Without heartbeats the server would hand the message out again after
	// a second, and the second copy would be found stored.
	if done.New != 1 || done.Duplicate != 0 || done.Retried != 0 {
		t.Errorf("worker: %+v, want the document stored once, at the first attempt", done)
	}
}

func TestRetrySendsDeadLettersBackToWork(t *testing.T) {
	dir := t.TempDir()
	site := serveArticles(t, dir, 0)
	q := openQueue(t)
	address := site + "/late.txt" // not there yet: every fetch fails
	if sum, err := q.Publish(context.Background(), []string{address}, nil, ""); err != nil || sum.Published != 1 {
		t.Fatalf("publish: %+v, %v", sum, err)
	}
	st := openStore(t)
	f := fetch.New(fetch.Options{AllowPrivate: true})
	opt := queue.WorkerOptions{Workers: 1, MaxAttempts: 2, RetryDelay: 20 * time.Millisecond, Fetch: f.Fetch}
	if done := work(t, q, st, opt); done.DeadLettered != 1 || done.New != 0 {
		t.Fatalf("worker: %+v, want the address dead-lettered", done)
	}
	// The page is published at last; its dead letter goes back to work.
	articles := writeArticles(t, 1)
	data, err := os.ReadFile(filepath.Join(articles, "000.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "late.txt"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	if moved, err := q.Retry(context.Background()); err != nil || moved != 1 {
		t.Fatalf("Retry = %d, %v; want 1 moved", moved, err)
	}
	if s := status(t, q); s.Dead != 0 || s.Pending != 1 {
		t.Fatalf("status after Retry: %+v, want no dead letter and one pending", s)
	}
	if moved, err := q.Retry(context.Background()); err != nil || moved != 0 {
		t.Errorf("second Retry = %d, %v; want nothing to move", moved, err)
	}
	if done := work(t, q, st, opt); done.New != 1 || done.DeadLettered != 0 {
		t.Errorf("worker after Retry: %+v, want the page stored", done)
	}
	if stored := recordsBySource(t, st); stored[address] == 0 {
		t.Errorf("nothing stored under %s: %v", address, stored)
	}
}
