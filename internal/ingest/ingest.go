// Package ingest reads articles from files, folders, globs, standard input,
// web addresses and web archives, extracts their records on all cores and
// stores both, once per article.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
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
	results := make(chan result, workers*2)
	go func() {
		defer close(items)
		expand(ctx, sources, stdin, opt.Fetch, items)
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
	index := store.NewNearIndex(prints)
	var sum Summary
	done := 0
	for r := range results {
		done++
		if opt.Progress != nil {
			opt.Progress(done)
		}
		if r.err != nil {
			sum.Failures = append(sum.Failures, Failure{Source: r.src, Err: r.err})
			continue
		}
		created, twin, err := storeOne(ctx, st, index, r, near)
		if err != nil {
			cancel()
			return sum, fmt.Errorf("storing %s: %w", r.src, err)
		}
		switch {
		case !created:
			sum.Duplicate++
		case twin:
			sum.NearDuplicate++
			sum.New++
			sum.Records += len(r.records)
		default:
			sum.New++
			sum.Records += len(r.records)
		}
	}
	return sum, ctx.Err()
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

// storeOne stores a prepared article, linking a reprint to its twin.
func storeOne(ctx context.Context, st store.Store, index *store.NearIndex, r result, near int) (created, twin bool, err error) {
	if len(strings.Fields(r.doc.Body)) >= nearMinWords {
		for _, id := range index.Near(r.doc.Simhash, near) {
			d, err := st.Document(ctx, id)
			if errors.Is(err, store.ErrNotFound) {
				continue
			}
			if err != nil {
				return false, false, err
			}
			if d.Hash == r.doc.Hash {
				break // the same text: AddDocument merges it
			}
			r.doc.TwinOf = id
			if d.TwinOf != 0 {
				r.doc.TwinOf = d.TwinOf
			}
			break
		}
	}
	id, created, err := st.AddDocument(ctx, r.doc, r.records)
	if created {
		index.Add(id, r.doc.Simhash)
	}
	return created, created && r.doc.TwinOf != 0, err
}
