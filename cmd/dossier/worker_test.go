package main

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dossier-osint/dossier/internal/queue/natstest"
)

// inspect checks a SQLite database's integrity, read-only, and counts its
// documents; ok is false while the database is not there yet.
func inspect(t *testing.T, db string) (docs int, ok bool) {
	t.Helper()
	if _, err := os.Stat(db); err != nil {
		return 0, false
	}
	conn, err := sql.Open("sqlite", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if conn.QueryRow("SELECT count(*) FROM documents").Scan(&docs) != nil {
		return 0, false
	}
	var integrity string
	if err := conn.QueryRow("PRAGMA quick_check").Scan(&integrity); err != nil || integrity != "ok" {
		t.Fatalf("%s: integrity check: %q, %v", db, integrity, err)
	}
	return docs, true
}

// TestWorkerSurvivesSIGKILL kills a worker part-way through a batch and
// lets another finish it: every article is then stored once, with every
// record once.
func TestWorkerSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	const n = 3000
	corpus := writeCorpus(t, n)
	queueURL := natstest.QueueURL(t)
	if out := cli(t, "ingest", "--queue", queueURL, corpus); !strings.Contains(out, "3000 published") {
		t.Fatalf("publishing: %s", out)
	}
	db := filepath.Join(t.TempDir(), "worker.db")
	// A short AckWait, so that what the killed worker held comes back soon.
	worker := []string{"worker", "--queue", queueURL, "--db", db, "--ack-wait", "2s", "--until-empty"}
	cmd, out := startDossier(t, worker...)
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if docs, _ := inspect(t, db); docs >= n/10 {
			break
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if status, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !status.Signaled() {
		t.Fatalf("the worker was not killed part-way: %s\n%s", cmd.ProcessState, out)
	}
	killedDocs, _ := inspect(t, db)
	t.Logf("documents stored before the kill: %d of %d", killedDocs, n)

	cli(t, worker...)
	clean := filepath.Join(t.TempDir(), "clean.db")
	cli(t, "ingest", "--db", clean, corpus)
	gotDocs, gotRecs := counts(t, db)
	wantDocs, wantRecs := counts(t, clean)
	if gotDocs != n || gotDocs != wantDocs || gotRecs != wantRecs {
		t.Errorf("after the kill and a second worker: %d documents, %d records; ingest stores %d and %d", gotDocs, gotRecs, wantDocs, wantRecs)
	}
	inspect(t, db)
	if status := cli(t, "queue", "status", "--queue", queueURL); !strings.Contains(status, "pending           0") ||
		!strings.Contains(status, "in flight         0") || !strings.Contains(status, "dead-lettered     0") {
		t.Errorf("queue status after the second worker:\n%s", status)
	}
}
