// Package ingest reads articles from files, folders, globs, standard input,
// web addresses and web archives, extracts their records on all cores and
// stores both, once per article.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"runtime"
	"strings"
	"sync"

	"github.com/dossier-osint/dossier/internal/catalog"
	"github.com/dossier-osint/dossier/internal/document"
	"github.com/dossier-osint/dossier/internal/extract"
	"github.com/dossier-osint/dossier/internal/record"
	"github.com/dossier-osint/dossier/internal/store"
)

// Options tune a run.
type Options struct {
	// Workers parse and extract in parallel; 0 means one per core.
	Workers int
	// Fetch reads an http(s) address; nil refuses addresses.
	Fetch func(ctx context.Context, url string) (data []byte, finalURL string, err error)
	// StdinName is the source name of what "-" reads; "" means "stdin".
	StdinName string
	// Progress is told of each document done; nil for none.
	Progress func(done int)
	// NearDistance is the largest SimHash distance, in bits, at which a
	// document counts as a reprint of another; 0 uses DefaultNearDistance.
	NearDistance int
}

// DefaultNearDistance: reprints of one story differ in their site's header
// and footer (a few bits on a short article); unrelated articles lie
// about 32 bits apart, and even two articles from one template 13.
const DefaultNearDistance = 10

// nearMinWords: below this many words SimHash is too coarse to call two
// texts the same story.
const nearMinWords = 80

// Failure is an input that could not be ingested, and why.
type Failure struct {
	Source string
	Err    error
}

// Summary closes a run.
type Summary struct {
	New, Duplicate, NearDuplicate int
	Failures                      []Failure
	Records                       int
	// Stored lists every document stored or found stored, in the order
	// stored, so that a caller can point at what it ingested.
	Stored []Stored
}

// Stored is a source and the document that holds it.
type Stored struct {
	Source     string
	DocumentID int64
	// New is false when the text was stored already.
	New bool
}

// item is one article on its way from a source to the store.
type item struct {
	source string
	data   []byte
	err    error
	// url and published from the container (a WARC record), if any.
	url string
}

type result struct {
	src     string
	doc     *store.Document
	records []record.Record
	err     error
}

// Run ingests every source into st. A source that fails is listed in the
// summary and the run goes on; the error is for the run itself
// (cancellation, a store that cannot write).
func Run(ctx context.Context, st store.Store, cat *catalog.Catalog, sources []string, stdin io.Reader, opt Options) (Summary, error) {
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	near := opt.NearDistance
	if near <= 0 {
		near = DefaultNearDistance
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	items := make(chan item, workers*2)
	// Room for a whole batch, so that the workers go on while it is stored.
	results := make(chan result, maxBatch)
	go func() {
		defer close(items)
		expand(ctx, sources, stdin, opt, items)
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range items {
				select {
				case results <- prepare(cat, it):
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	prints, err := st.Fingerprints(ctx)
	if err != nil {
		return Summary{}, err
	}
	w := &writer{st: st, index: store.NewNearIndex(prints), near: near}
	done := 0
	for r := range results {
		// Take what else is ready, to store it in the same transaction.
		batch := []result{r}
	more:
		for len(batch) < maxBatch {
			select {
			case r, ok := <-results:
				if !ok {
					break more
				}
				batch = append(batch, r)
			default:
				break more
			}
		}
		for _, r := range batch {
			done++
			if opt.Progress != nil {
				opt.Progress(done)
			}
			if r.err != nil {
				w.sum.Failures = append(w.sum.Failures, Failure{Source: r.src, Err: r.err})
				continue
			}
			if err := w.add(ctx, r); err != nil {
				cancel()
				return w.sum, err
			}
		}
		if err := w.flush(ctx); err != nil {
			cancel()
			return w.sum, err
		}
	}
	return w.sum, ctx.Err()
}

// maxBatch bounds the documents stored in one transaction.
const maxBatch = 64

// writer stores prepared articles in batches, linking reprints to their
// twins.
type writer struct {
	st      store.Store
	index   *store.NearIndex
	near    int
	pending []result
	sum     Summary
}

// add queues a prepared article. A reprint of an article still in the
// queue flushes the queue first, so that its twin has an id.
func (w *writer) add(ctx context.Context, r result) error {
	if len(strings.Fields(r.doc.Body)) >= nearMinWords {
		for _, p := range w.pending {
			if bits.OnesCount64(p.doc.Simhash^r.doc.Simhash) <= w.near {
				if err := w.flush(ctx); err != nil {
					return err
				}
				break
			}
		}
		if err := w.linkTwin(ctx, r.doc); err != nil {
			return fmt.Errorf("storing %s: %w", r.src, err)
		}
	}
	w.pending = append(w.pending, r)
	return nil
}

// linkTwin points a reprint at the stored story it repeats.
func (w *writer) linkTwin(ctx context.Context, doc *store.Document) error {
	for _, id := range w.index.Near(doc.Simhash, w.near) {
		d, err := w.st.Document(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		if d.Hash == doc.Hash {
			return nil // the same text: storing merges it
		}
		doc.TwinOf = id
		if d.TwinOf != 0 {
			doc.TwinOf = d.TwinOf
		}
		return nil
	}
	return nil
}

// flush stores the queued articles in one transaction.
func (w *writer) flush(ctx context.Context) error {
	if len(w.pending) == 0 {
		return nil
	}
	batch := make([]store.Addition, len(w.pending))
	for i, r := range w.pending {
		batch[i] = store.Addition{Document: r.doc, Records: r.records}
	}
	added, err := w.st.AddDocuments(ctx, batch)
	if err != nil {
		return fmt.Errorf("storing %s and %d more: %w", w.pending[0].src, len(w.pending)-1, err)
	}
	for i, a := range added {
		r := w.pending[i]
		w.sum.Stored = append(w.sum.Stored, Stored{Source: r.src, DocumentID: a.ID, New: a.Created})
		switch {
		case !a.Created:
			w.sum.Duplicate++
			continue
		case r.doc.TwinOf != 0:
			w.sum.NearDuplicate++
		}
		w.index.Add(a.ID, r.doc.Simhash)
		w.sum.New++
		w.sum.Records += len(r.records)
	}
	w.pending = w.pending[:0]
	return nil
}

// prepare parses and extracts one article: the work that runs in parallel.
func prepare(cat *catalog.Catalog, it item) result {
	if it.err != nil {
		return result{src: it.source, err: it.err}
	}
	doc, err := document.Parse(it.source, it.data)
	if err != nil {
		return result{src: it.source, err: err}
	}
	if doc.URL == "" {
		doc.URL = it.url
	}
	recs := extract.Document(cat, doc)
	sd := &store.Document{
		Hash: store.TextHash(doc.Body), URL: doc.URL, Title: doc.Title, Published: doc.Published,
		Body: doc.Body, Format: doc.Format, Sources: []string{it.source}, Simhash: store.Simhash(doc.Body),
	}
	return result{src: it.source, doc: sd, records: recs}
}
