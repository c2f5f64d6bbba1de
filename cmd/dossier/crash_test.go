package main

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	"github.com/dossier-osint/dossier/internal/store"
	"github.com/dossier-osint/dossier/internal/store/sqlite"
)

// TestMain lets the crash tests run this test binary as a dossier command
// (see startDossier).
func TestMain(m *testing.M) {
	if args := os.Getenv("DOSSIER_TEST_RUN"); args != "" {
		if err := run(strings.Split(args, argSeparator), os.Stdin, os.Stdout, os.Stderr); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// argSeparator joins a child's arguments in DOSSIER_TEST_RUN: a character
// that no path or URL holds (the path list separator is in every URL).
const argSeparator = "\x1f"

// startDossier runs this test binary as the dossier command with args, its
// output in out; the test's end kills it if it is still running.
func startDossier(t *testing.T, args ...string) (cmd *exec.Cmd, out *bytes.Buffer) {
	t.Helper()
	cmd = exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "DOSSIER_TEST_RUN="+strings.Join(args, argSeparator))
	out = new(bytes.Buffer)
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill() })
	return cmd, out
}

func writeCorpus(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	systems := []string{"VN2C", "VN4", "Bayraktar TB2", "K9", "Mi-35M", "WZ-551", "T-72B1MS", "Cobra II"}
	countries := []string{"Mali", "Niger", "Chad", "Senegal", "Peru", "Laos", "Serbia", "Kenya"}
	for i := range n {
		body := fmt.Sprintf("url: https://example.org/2024/%02d/story-%d\ntitle: Story %d\npublished: 2024-%02d-%02d\n---\n"+
			"%s's army took delivery of %d %s vehicles on Tuesday, article %d of the test corpus says.\n\n"+
			"Officials said %d more would follow in %d, and that crews trained for %d weeks.\n",
			i%12+1, i, i, i%12+1, i%28+1, countries[i%len(countries)], i%40+2, systems[i%len(systems)], i, i%7+1, 2025+i%3, i%9+2)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%05d.txt", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func counts(t *testing.T, path string) (docs, recs int) {
	t.Helper()
	st, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ds, err := st.Documents(context.Background(), store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	rs, err := st.Records(context.Background(), store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	return len(ds), len(rs)
}

// committedDocuments counts the documents another process has committed,
// reading without writing (0 while the database is not there yet).
func committedDocuments(path string) int {
	raw, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(1000)")
	if err != nil {
		return 0
	}
	defer raw.Close()
	var n int
	raw.QueryRow("SELECT count(*) FROM documents").Scan(&n)
	return n
}

// TestIngestSurvivesSIGKILL kills an ingest part-way, checks the database,
// runs the ingest again and finds every document once and every record once.
func TestIngestSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	corpus := writeCorpus(t, 3000)
	db := filepath.Join(t.TempDir(), "crash.db")
	cmd, out := startDossier(t, "ingest", "--db", db, corpus)
	// Wait until some documents are committed, then kill mid-run.
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) && committedDocuments(db) == 0 {
		time.Sleep(20 * time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if status, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !status.Signaled() {
		if cmd.ProcessState.Success() {
			t.Skipf("the ingest finished before it could be killed:\n%s", out.String())
		}
		t.Fatalf("the ingest failed by itself: %s\n%s", cmd.ProcessState, out.String())
	}

	raw, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	var check string
	if err := raw.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity check after SIGKILL: %q, %v", check, err)
	}
	raw.Close()
	killedDocs, _ := counts(t, db)
	if killedDocs == 0 || killedDocs == 3000 {
		t.Fatalf("%d of 3000 documents stored before the kill: not part-way", killedDocs)
	}
	t.Logf("documents stored before the kill: %d of 3000", killedDocs)

	var stdout, stderr bytes.Buffer
	if err := run([]string{"ingest", "--db", db, corpus}, nil, &stdout, &stderr); err != nil {
		t.Fatalf("re-running the ingest: %v\n%s", err, stderr.String())
	}
	clean := filepath.Join(t.TempDir(), "clean.db")
	if err := run([]string{"ingest", "--db", clean, corpus}, nil, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	gotDocs, gotRecs := counts(t, db)
	wantDocs, wantRecs := counts(t, clean)
	if gotDocs != wantDocs || gotRecs != wantRecs {
		t.Errorf("after kill and re-run: %d documents, %d records; a clean run stores %d and %d", gotDocs, gotRecs, wantDocs, wantRecs)
	}
	if wantDocs != 3000 {
		t.Errorf("clean run stored %d documents, want 3000", wantDocs)
	}
}
