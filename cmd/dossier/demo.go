package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"

	"github.com/dossier-osint/dossier/internal/store"
	"github.com/dossier-osint/dossier/samples"
)

// runDemo runs the main job on the embedded default: the bundled sample
// articles go into a fresh SQLite database, the register and counts they
// give are printed, and the web UI serves them on loopback.
func runDemo(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("demo", stderr)
	db := fs.String("db", "", "database file to fill (default: a fresh one in a temporary folder)")
	addr := fs.String("addr", defaultAddr, "address to serve the UI on; if taken, a free port on 127.0.0.1")
	noServe := fs.Bool("no-serve", false, "print the register and stop, without serving the UI")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "dossier-demo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if *db == "" {
		*db = filepath.Join(dir, "demo.db")
	}
	articles := filepath.Join(dir, "samples")
	if err := writeSamples(articles); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Ingesting the bundled sample articles into %s\n\n", *db)
	if err := runIngest([]string{"--db", *db, articles}, nil, stdout, stderr); err != nil {
		return err
	}
	fmt.Fprintln(stdout, "\nThe register built from them:")
	if err := runRegister([]string{"--db", *db}, stdout, stderr); err != nil {
		return err
	}
	fmt.Fprintln(stdout)
	if err := runStats([]string{"--db", *db}, stdout, stderr); err != nil || *noServe {
		return err
	}
	fmt.Fprintln(stdout)
	if ln, err := net.Listen("tcp", *addr); err == nil {
		ln.Close()
	} else if *addr == defaultAddr {
		*addr = "127.0.0.1:0"
	}
	cat, err := loadCatalog("")
	if err != nil {
		return err
	}
	return withStore(*db, func(ctx context.Context, st store.Store) error {
		return serve(ctx, st, cat, *addr, newToken(), false, stdout, stderr)
	})
}

func writeSamples(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return fs.WalkDir(samples.Files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(samples.Files, p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, p), data, 0o644)
	})
}
