package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"

	"github.com/dossier-osint/dossier/internal/store"
	"github.com/dossier-osint/dossier/internal/store/sqlite"
)

// dbFlag adds --db to a command: the database file, else $DOSSIER_DB, else
// dossier.db in the user's data directory.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "", "database file (default $DOSSIER_DB, else "+defaultDBPath()+")")
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
	st, err := sqlite.Open(path)
	if err != nil {
		return nil, fmt.Errorf("opening the database: %w", err)
	}
	return st, nil
}
