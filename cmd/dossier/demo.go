package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/dossier-osint/dossier/samples"
)

// runDemo runs the main job on the embedded default: the bundled sample
// articles go into a fresh SQLite database, and the register and counts
// they give are printed.
func runDemo(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("demo", stderr)
	db := fs.String("db", "", "database file to fill (default: a fresh one in a temporary folder)")
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
	return runStats([]string{"--db", *db}, stdout, stderr)
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
