package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/dossier-osint/dossier/internal/store"
	"github.com/dossier-osint/dossier/internal/store/postgres"
	"github.com/dossier-osint/dossier/internal/store/sqlite"
)

// dbFlag adds --db to a command: a SQLite file or a PostgreSQL URL, else
// $DOSSIER_DB, else dossier.db in the user's data directory.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "", "database: a SQLite file, or a postgres:// URL (?search_path=SCHEMA to use a schema of its own)"+
		" (default $DOSSIER_DB, else "+defaultDBPath()+")")
}

// defaultDBPath follows each system's convention for application data:
// $XDG_DATA_HOME or ~/.local/share on Linux and BSD, ~/Library/Application
// Support on macOS, %LocalAppData% on Windows.
func defaultDBPath() string {
	dir := os.Getenv("XDG_DATA_HOME")
	switch {
	case runtime.GOOS == "windows":
		dir = os.Getenv("LocalAppData")
	case runtime.GOOS == "darwin":
		if d, err := os.UserConfigDir(); err == nil {
			dir = d
		}
	case dir == "":
		if home, err := os.UserHomeDir(); err == nil {
			dir = filepath.Join(home, ".local", "share")
		}
	}
	return filepath.Join(dir, "dossier", "dossier.db")
}

// openStore opens the database a command names.
func openStore(flagValue string) (store.Store, error) {
	path := flagValue
	if path == "" {
		path = os.Getenv("DOSSIER_DB")
	}
	if path == "" {
		path = defaultDBPath()
	}
	st, err := openDB(path)
	if err != nil {
		return nil, fmt.Errorf("opening the database: %w", err)
	}
	return st, nil
}

// isPostgres tells a PostgreSQL URL from a SQLite file's name.
func isPostgres(name string) bool {
	return strings.HasPrefix(name, "postgres://") || strings.HasPrefix(name, "postgresql://")
}

// openDB opens a postgres:// or postgresql:// URL as a PostgreSQL
// database, anything else as a SQLite file.
func openDB(name string) (store.Store, error) {
	if isPostgres(name) {
		st, err := postgres.Open(context.Background(), name)
		if err != nil {
			return nil, err
		}
		return st, nil
	}
	st, err := sqlite.Open(name)
	if err != nil {
		return nil, err
	}
	return st, nil
}
