package ingest

import (
	"context"
	"io"

	"github.com/dossier-osint/dossier/internal/catalog"
	"github.com/dossier-osint/dossier/internal/store"
)

// This file lets another process do Run's work one article at a time: a
// publisher reads local sources (Read) and hands the articles on, and a
// worker prepares each one (Prepare) and stores what it holds (Writer),
// through the same code as Run.

// Article is one article as read from its source, before parsing.
type Article struct {
	// Source is the path, web-archive address or standard-input name.
	Source string
	Data   []byte
	// URL is the address a container (a web-archive record) gives the
	// article, if any.
	URL string
}

// Read sends every article of local sources (files, folders, globs, web
// archives, "-" for stdin) to fn, in order. A source that cannot be read
// is passed to fail and reading goes on; an error from fn stops reading
// and is returned. Addresses are not fetched: they are reported to fail.
func Read(ctx context.Context, sources []string, stdin io.Reader, stdinName string, fn func(Article) error, fail func(Failure)) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	items := make(chan item)
	go func() {
		defer close(items)
		expand(ctx, sources, stdin, Options{StdinName: stdinName}, items)
	}()
	var err error
	for it := range items {
		switch {
		case err != nil:
			// Draining after a failure of fn, so that expand can return.
		case it.err != nil:
			fail(Failure{Source: it.source, Err: it.err})
		default:
			if err = fn(Article{Source: it.source, Data: it.data, URL: it.url}); err != nil {
				cancel()
			}
		}
	}
	if err != nil {
		return err
	}
	return ctx.Err()
}

// Prepared is an article parsed and its records extracted, ready to store.
type Prepared struct {
	r result
}

// Records is the number of records extracted from the article.
func (p *Prepared) Records() int { return len(p.r.records) }

// Prepare parses an article and extracts its records: the work a worker
// does in parallel.
func Prepare(cat *catalog.Catalog, a Article) (*Prepared, error) {
	r := prepare(cat, item{source: a.Source, data: a.Data, url: a.URL})
	if r.err != nil {
		return nil, r.err
	}
	return &Prepared{r: r}, nil
}

// Writer stores prepared articles as Run does: in batches, each article
// once, reprints linked to the stored story they repeat.
type Writer struct {
	w writer
}

// NewWriter starts a writer on st. nearDistance is as in Options.
func NewWriter(ctx context.Context, st store.Store, nearDistance int) (*Writer, error) {
	if nearDistance <= 0 {
		nearDistance = DefaultNearDistance
	}
	w := &Writer{w: writer{st: st, near: nearDistance}}
	return w, w.Reload(ctx)
}

// Reload reads the stored documents' fingerprints again, so that reprints
// of stories that other processes stored since are linked too.
func (w *Writer) Reload(ctx context.Context) error {
	prints, err := w.w.st.Fingerprints(ctx)
	if err != nil {
		return err
	}
	w.w.index = store.NewNearIndex(prints)
	return nil
}

// Store stores a batch in one transaction (two when an article reprints
// another of the batch, so that its twin has an id first) and returns
// what became of each article, in order. On an error, any of the batch
// may have been stored; storing it again is harmless, as a known text is
// never stored twice.
func (w *Writer) Store(ctx context.Context, batch []*Prepared) ([]Stored, error) {
	w.w.sum = Summary{}
	defer func() { w.w.pending = w.w.pending[:0] }()
	for _, p := range batch {
		if err := w.w.add(ctx, p.r); err != nil {
			return nil, err
		}
	}
	if err := w.w.flush(ctx); err != nil {
		return nil, err
	}
	return w.w.sum.Stored, nil
}
