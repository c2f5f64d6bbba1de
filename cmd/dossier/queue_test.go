package main

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-osint/dossier/internal/queue/natstest"
	"github.com/dossier-osint/dossier/internal/store/postgres/pgtest"
)

func TestQueueIngestWorkerAndStatus(t *testing.T) {
	queueURL := natstest.QueueURL(t)
	dir := t.TempDir()
	if err := writeSamples(dir); err != nil {
		t.Fatal(err)
	}

	var out, errOut bytes.Buffer
	err := run([]string{"ingest", "--queue", queueURL, dir, filepath.Join(dir, "missing.txt")}, nil, &out, &errOut)
	if !errors.Is(err, errReported) || !strings.Contains(out.String(), "3 published") || !strings.Contains(out.String(), "1 failed") ||
		!strings.Contains(errOut.String(), "missing.txt") {
		t.Fatalf("ingest --queue: %v\n%s%s", err, out.String(), errOut.String())
	}
	if status := cli(t, "queue", "status", "--queue", queueURL); !strings.Contains(status, "pending           3") {
		t.Errorf("queue status before the worker:\n%s", status)
	}
	db := filepath.Join(t.TempDir(), "q.db")
	if done := cli(t, "worker", "--queue", queueURL, "--db", db, "--workers", "2", "--until-empty"); !strings.Contains(done, "3 new") {
		t.Errorf("worker: %s", done)
	}
	if stats := cli(t, "stats", "--db", db); !strings.Contains(stats, "documents  3") {
		t.Errorf("stats after the worker:\n%s", stats)
	}
	if again := cli(t, "ingest", "--queue", queueURL, filepath.Join(dir, "*.txt")); !strings.Contains(again, "0 published") {
		t.Errorf("publishing again: %s", again)
	}
	if retried := cli(t, "queue", "retry", "--queue", queueURL); !strings.Contains(retried, "0 dead letters sent back") {
		t.Errorf("queue retry with no dead letters: %s", retried)
	}
	// Deleted, the queue forgets what it was sent.
	cli(t, "queue", "delete", "--queue", queueURL)
	if fresh := cli(t, "ingest", "--queue", queueURL, dir); !strings.Contains(fresh, "3 published") {
		t.Errorf("publishing to the deleted queue: %s", fresh)
	}
}

// TestQueueWorkersIntoPostgres: two workers at once store into one
// PostgreSQL database, each article once.
func TestQueueWorkersIntoPostgres(t *testing.T) {
	db := pgtest.SchemaURL(t)
	queueURL := natstest.QueueURL(t)
	corpus := writeCorpus(t, 300)
	cli(t, "ingest", "--queue", queueURL, corpus)
	worker := []string{"worker", "--queue", queueURL, "--db", db, "--workers", "1", "--until-empty"}
	cmd, out := startDossier(t, worker...)
	cli(t, worker...)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("the other worker: %v\n%s", err, out)
	}
	clean := filepath.Join(t.TempDir(), "clean.db")
	cli(t, "ingest", "--db", clean, corpus)
	// documents, transfers, events
	got, want := strings.SplitN(cli(t, "stats", "--db", db), "\n", 4)[:3], strings.SplitN(cli(t, "stats", "--db", clean), "\n", 4)[:3]
	if strings.Join(got, "\n") != strings.Join(want, "\n") || !strings.Contains(got[0], "300") {
		t.Errorf("stats after two workers:\n%s\nafter ingest:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestQueueUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"worker"},
		{"worker", "--queue", "nats://127.0.0.1:4222", "--ack-wait", "10ms"},
		{"queue"},
		{"queue", "status"},
		{"queue", "delete", "--dead", "3", "--queue", "nats://127.0.0.1:4222"},
		{"queue", "purge", "--queue", "nats://127.0.0.1:4222"},
	} {
		var out, errOut bytes.Buffer
		var ue usageError
		if err := run(args, nil, &out, &errOut); !errors.As(err, &ue) {
			t.Errorf("%v: %v, want a usage error", args, err)
		}
	}
	var out, errOut bytes.Buffer
	err := run([]string{"ingest", "--queue", "http://127.0.0.1:4222", "x.txt"}, nil, &out, &errOut)
	if err == nil || !strings.Contains(err.Error(), "want nats://") {
		t.Errorf("ingest to an http:// queue: %v", err)
	}
}

// TestWorkerDeliversAlerts: a transfer a worker stores reaches the
// webhook of the watchlist it matches.
func TestWorkerDeliversAlerts(t *testing.T) {
	queueURL := natstest.QueueURL(t)
	posted := make(chan string, 10)
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		posted <- string(body)
	}))
	defer hook.Close()
	db := filepath.Join(t.TempDir(), "q.db")
	cli(t, "alerts", "add", "--db", db, "--recipient", "NER", "--category", "drone", "--webhook", hook.URL, "--secret", "s")
	dir := t.TempDir()
	if err := writeSamples(dir); err != nil {
		t.Fatal(err)
	}
	cli(t, "ingest", "--queue", queueURL, dir)
	cli(t, "worker", "--queue", queueURL, "--db", db, "--until-empty", "--allow-private")
	select {
	case body := <-posted:
		if !strings.Contains(body, "TB2") {
			t.Errorf("the webhook got %s, want the TB2 transfer to Niger", body)
		}
	default:
		t.Error("the worker stored a matching transfer, but the webhook got nothing")
	}
}
