package server

import (
	"context"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/dossier-osint/dossier/internal/catalog"
	"github.com/dossier-osint/dossier/internal/fetch"
	"github.com/dossier-osint/dossier/internal/ingest"
	"github.com/dossier-osint/dossier/internal/store"
	"github.com/dossier-osint/dossier/internal/store/postgres/pgtest"
	"github.com/dossier-osint/dossier/internal/store/sqlite"
	"github.com/dossier-osint/dossier/samples"
)

const testToken = "test-token-0123456789"

// site is a server over a fresh database holding the bundled samples.
type site struct {
	store store.Store
	h     http.Handler
	// mali is the id of the Mali–Norinco sample.
	mali int64
}

func newSite(t testing.TB) *site {
	t.Helper()
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "dossier.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return newSiteOn(t, st)
}

// onEachStore runs a test on a site over SQLite and, where the tests have
// a PostgreSQL server (see pgtest), over PostgreSQL.
func onEachStore(t *testing.T, test func(t *testing.T, s *site)) {
	t.Run("sqlite", func(t *testing.T) { test(t, newSite(t)) })
	t.Run("postgres", func(t *testing.T) { test(t, newSiteOn(t, pgtest.Open(t))) })
}

func newSiteOn(t testing.TB, st store.Store) *site {
	t.Helper()
	dir := t.TempDir()
	err := fs.WalkDir(samples.Files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(samples.Files, p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, p), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	cat := catalog.MustDefault()
	sum, err := ingest.Run(context.Background(), st, cat, []string{dir}, nil, ingest.Options{})
	if err != nil || len(sum.Failures) > 0 {
		t.Fatalf("ingesting the samples: %v %v", err, sum.Failures)
	}
	s := &site{store: st}
	for _, stored := range sum.Stored {
		if filepath.Base(stored.Source) == "mali_norinco.txt" {
			s.mali = stored.DocumentID
		}
	}
	if s.mali == 0 {
		t.Fatal("the Mali sample was not stored")
	}
	fetcher := fetch.New(fetch.Options{AllowPrivate: true, IgnoreRobots: true})
	s.h, err = New(Config{Store: st, Catalog: cat, Token: testToken, Fetch: fetcher.Fetch})
	if err != nil {
		t.Fatal(err)
	}
	return s
}
