package ingest

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/dossier-osint/dossier/internal/warc"
)

// articleExts are the files a folder walk picks up; a file named on the
// command line is read whatever its name.
var articleExts = map[string]bool{".txt": true, ".text": true, ".html": true, ".htm": true, ".xhtml": true, ".warc": true, ".gz": true}

// IsURL tells an address from a path.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// Expand lists the files a source names: the file itself, the articles
// of a folder (recursively, in name order), or the matches of a glob.
// Addresses and "-" stand for themselves.
func Expand(source string) ([]string, error) {
	if source == "-" || IsURL(source) {
		return []string{source}, nil
	}
	if strings.ContainsAny(source, "*?[") {
		matches, err := filepath.Glob(source)
		if err != nil {
			return nil, fmt.Errorf("%s: bad pattern: %w", source, err)
		}
		if len(matches) == 0 {
			return nil, fmt.Errorf("%s: no file matches", source)
		}
		var out []string
		for _, m := range matches {
			files, err := Expand(m)
			if err != nil {
				return nil, err
			}
			out = append(out, files...)
		}
		return out, nil
	}
	info, err := os.Stat(source)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return []string{source}, nil
	}
	var out []string
	err = filepath.WalkDir(source, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != source && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		if d.Type().IsRegular() && articleExts[strings.ToLower(filepath.Ext(p))] {
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

// IsWARC: a web archive, plain or gzipped, by its name.
func IsWARC(name string) bool {
	n := strings.ToLower(name)
	return strings.HasSuffix(n, ".warc") || strings.HasSuffix(n, ".warc.gz")
}

// expand sends every article of the sources to out, an error item for
// each source that cannot be read.
func expand(ctx context.Context, sources []string, stdin io.Reader, opt Options, out chan<- item) {
	send := func(it item) bool {
		select {
		case out <- it:
			return true
		case <-ctx.Done():
			return false
		}
	}
	for _, src := range sources {
		files, err := Expand(src)
		if err != nil {
			if !send(item{source: src, err: err}) {
				return
			}
			continue
		}
		for _, f := range files {
			var it item
			switch {
			case f == "-":
				data, err := io.ReadAll(stdin)
				it = item{source: cmp.Or(opt.StdinName, "stdin"), data: data, err: err}
			case IsURL(f):
				if opt.Fetch == nil {
					it = item{source: f, err: fmt.Errorf("fetching addresses is not enabled")}
					break
				}
				data, final, err := opt.Fetch(ctx, f)
				it = item{source: f, data: data, err: err, url: final}
			case IsWARC(f):
				if !readWARC(ctx, f, send) {
					return
				}
				continue
			default:
				data, err := os.ReadFile(f)
				it = item{source: f, data: data, err: err}
			}
			if !send(it) {
				return
			}
		}
	}
}

// readWARC sends each page of a web archive as an article named by its
// address, and the archive itself as a failure if it is broken.
func readWARC(ctx context.Context, path string, send func(item) bool) bool {
	f, err := os.Open(path)
	if err != nil {
		return send(item{source: path, err: err})
	}
	defer f.Close()
	stopped := false
	err = warc.Each(f, func(rec warc.Record) error {
		name := rec.URL
		if name == "" {
			name = path
		}
		if !send(item{source: name, data: rec.Body, url: rec.URL}) {
			stopped = true
			return ctx.Err()
		}
		return nil
	})
	if stopped {
		return false
	}
	if err != nil {
		return send(item{source: path, err: err})
	}
	return true
}
