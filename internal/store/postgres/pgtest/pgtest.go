// Package pgtest gives tests a PostgreSQL database of their own: a fresh
// schema on the server named by $DOSSIER_TEST_POSTGRES, dropped when the
// test ends.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/dossier-osint/dossier/internal/store/postgres"
)

// EnvVar names the server tests use.
const EnvVar = "DOSSIER_TEST_POSTGRES"

// ServerURL returns the test server's URL. Without one the test is
// skipped, except under CI=true, where every test must run.
func ServerURL(t testing.TB) string {
	t.Helper()
	u := os.Getenv(EnvVar)
	if u == "" {
		msg := EnvVar + " is not set; to run the PostgreSQL tests, set it to a server's URL, e.g. " +
			EnvVar + "='postgres://postgres@127.0.0.1:5432/test?sslmode=disable'"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg + " (under CI=true they must run)")
		}
		t.Skip(msg)
	}
	return u
}

// SchemaURL creates a schema of a random name on the test server, drops it
// with all it holds when the test ends, and returns the server's URL with
// search_path set to it, for postgres.Open or a command's --db.
func SchemaURL(t testing.TB) string {
	t.Helper()
	server := ServerURL(t)
	u, err := url.Parse(server)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		t.Fatalf("%s=%q: want a postgres:// URL", EnvVar, server)
	}
	var random [8]byte
	rand.Read(random[:])
	schema := "dossier_test_" + hex.EncodeToString(random[:])
	exec(t, server, "CREATE SCHEMA "+pgx.Identifier{schema}.Sanitize())
	t.Cleanup(func() { exec(t, server, "DROP SCHEMA "+pgx.Identifier{schema}.Sanitize()+" CASCADE") })
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// Open returns a store on a fresh schema, closed when the test ends.
func Open(t testing.TB) *postgres.Store {
	t.Helper()
	s, err := postgres.Open(context.Background(), SchemaURL(t))
	if err != nil {
		t.Fatalf("postgres.Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// exec runs one statement on its own connection; a server that cannot be
// reached fails the test, since its URL was given.
func exec(t testing.TB, server, sql string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, server)
	if err != nil {
		t.Fatalf("%s: %v", EnvVar, err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, sql); err != nil {
		t.Fatalf("%s: %s: %v", EnvVar, sql, err)
	}
}
