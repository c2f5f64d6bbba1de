package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"time"

	"github.com/dossier-osint/dossier/internal/record"
	"github.com/dossier-osint/dossier/internal/store"
)

func runMigrate(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("migrate", stderr)
	from := fs.String("from", "", "the database to copy: a SQLite file or a postgres:// URL")
	to := fs.String("to", "", "the database to copy into, created if missing; it must hold no documents, unless --merge")
	merge := fs.Bool("merge", false, "copy into a database that holds documents: those it holds (same text) keep their records, and gain the sources")
	batch := fs.Int("batch", 64, "documents copied per transaction")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch {
	case *from == "" || *to == "":
		return usageError{"migrate needs --from and --to"}
	case *from == *to:
		return usageError{"migrate: --from and --to name the same database"}
	case *batch < 1:
		return usageError{fmt.Sprintf("migrate: --batch %d: want at least 1", *batch)}
	case fs.NArg() > 0:
		return usageError{fmt.Sprintf("migrate takes no arguments, only flags (got %q)", fs.Args())}
	}
	// Opening a SQLite file creates it; a mistyped --from must not.
	if !isPostgres(*from) {
		if _, err := os.Stat(*from); err != nil {
			return fmt.Errorf("--from: %w", err)
		}
	}
	src, err := openDB(*from)
	if err != nil {
		return fmt.Errorf("opening --from: %w", err)
	}
	defer src.Close()
	dst, err := openDB(*to)
	if err != nil {
		return fmt.Errorf("opening --to: %w", err)
	}
	defer dst.Close()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	start := time.Now()
	m := migration{src: src, dst: dst, batch: *batch, progress: stderr}
	err = m.run(ctx, *merge)
	if err != nil && m.copied+m.present == 0 {
		return err
	}
	fmt.Fprintf(stdout, "copied %d documents (%d already there), %d records (%d reviewed), %d twin links, %d feeds, %d watchlists in %s\n",
		m.copied, m.present, m.records, m.reviewed, m.twins, m.feeds, m.watchlists, time.Since(start).Round(time.Millisecond))
	if err != nil {
		return fmt.Errorf("%w; the documents copied are stored: run again with --merge to copy the rest", err)
	}
	return nil
}

// migration copies every document of src, with its sources, twin link and
// records with their reviews, into dst, in order, so that the copies keep
// the order of the originals.
type migration struct {
	src, dst store.Store
	batch    int
	progress io.Writer

	copied, present, records, reviewed, twins, feeds, watchlists int
}

func (m *migration) run(ctx context.Context, merge bool) error {
	if !merge {
		held, err := m.dst.Documents(ctx, store.Filter{Limit: 1})
		if err != nil {
			return err
		}
		if len(held) > 0 {
			return fmt.Errorf("--to already holds documents; migrate copies into an empty database, or with --merge adds to it only the documents it lacks")
		}
	}
	docs, err := m.src.Documents(ctx, store.Filter{})
	if err != nil {
		return err
	}
	slices.Reverse(docs) // oldest first
	copies := map[int64]int64{}
	lastReport := time.Now()
	for start := 0; start < len(docs); start += m.batch {
		chunk := docs[start:min(start+m.batch, len(docs))]
		if err := m.copyBatch(ctx, chunk, copies); err != nil {
			return err
		}
		if done := start + len(chunk); done == len(docs) || time.Since(lastReport) > time.Second {
			fmt.Fprintf(m.progress, "migrate: %d of %d documents\n", done, len(docs))
			lastReport = time.Now()
		}
	}
	// Twins last, since a document may name a later one.
	for _, d := range docs {
		if d.TwinOf == 0 {
			continue
		}
		if err := m.dst.SetTwin(ctx, copies[d.ID], copies[d.TwinOf]); err != nil {
			return fmt.Errorf("twin of document %d: %w", d.ID, err)
		}
		m.twins++
	}
	return m.copyFollowing(ctx)
}

// copyFollowing copies the followed feeds with their poll state, and the
// watchlists, those --to lacks. Watchlists come after the documents, so
// that the copied records raise no alert a second time; the alerts raised
// before stay in --from.
func (m *migration) copyFollowing(ctx context.Context) error {
	feeds, err := m.src.Feeds(ctx)
	if err != nil {
		return err
	}
	for _, f := range feeds {
		f.ID = 0
		switch err := m.dst.AddFeed(ctx, &f); {
		case errors.Is(err, store.ErrExists):
		case err != nil:
			return err
		default:
			m.feeds++
		}
	}
	watchlists, err := m.src.Watchlists(ctx)
	if err != nil {
		return err
	}
	held, err := m.dst.Watchlists(ctx)
	if err != nil {
		return err
	}
	for _, w := range watchlists {
		if slices.ContainsFunc(held, func(h store.Watchlist) bool { return sameWatch(h, w) }) {
			continue
		}
		w.ID = 0
		if err := m.dst.AddWatchlist(ctx, &w); err != nil {
			return err
		}
		m.watchlists++
	}
	if m.watchlists > 0 {
		fmt.Fprintf(m.progress, "migrate: alerts raised before the copy stay in --from; new ones are raised in --to\n")
	}
	return nil
}

// sameWatch: two watchlists watch the same transfers for the same webhook.
func sameWatch(a, b store.Watchlist) bool {
	return a.Recipient == b.Recipient && a.Supplier == b.Supplier && a.Category == b.Category && a.Webhook == b.Webhook
}

// copyBatch copies documents in one transaction and notes their IDs in
// the destination.
func (m *migration) copyBatch(ctx context.Context, docs []store.Document, copies map[int64]int64) error {
	batch := make([]store.Addition, len(docs))
	for i, d := range docs {
		a, err := m.read(ctx, d.ID)
		if err != nil {
			return err
		}
		batch[i] = a
	}
	added, err := m.dst.AddDocuments(ctx, batch)
	if err != nil {
		return err
	}
	for i, a := range added {
		copies[docs[i].ID] = a.ID
		if !a.Created {
			m.present++
			continue
		}
		m.copied++
		m.records += len(batch[i].Records)
		for _, rv := range batch[i].Reviews {
			if rv.Review != store.ReviewNone {
				m.reviewed++
			}
		}
	}
	return nil
}

// read gets a document of src with its records and their reviews, as an
// addition to another store. Its twin link is left out: it is set once
// every copy exists.
func (m *migration) read(ctx context.Context, id int64) (store.Addition, error) {
	doc, err := m.src.Document(ctx, id)
	if err != nil {
		return store.Addition{}, err
	}
	doc.ID, doc.TwinOf = 0, 0
	recs, err := m.src.Records(ctx, store.Filter{DocumentID: id})
	if err != nil {
		return store.Addition{}, fmt.Errorf("document %d: %w", id, err)
	}
	a := store.Addition{Document: doc, Records: make([]record.Record, len(recs)), Reviews: make([]store.Reviewed, len(recs))}
	for i, r := range recs {
		a.Records[i] = r.Record
		a.Reviews[i].Review = r.Review
		if r.Review == store.ReviewNone {
			continue
		}
		if a.Reviews[i].History, err = m.src.History(ctx, r.ID); err != nil {
			return store.Addition{}, err
		}
	}
	return a, nil
}
