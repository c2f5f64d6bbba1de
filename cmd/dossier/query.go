package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/dossier-osint/dossier/internal/document"
	"github.com/dossier-osint/dossier/internal/export"
	"github.com/dossier-osint/dossier/internal/extract"
	"github.com/dossier-osint/dossier/internal/record"
	"github.com/dossier-osint/dossier/internal/store"
)

// filterFlags adds the record filters shared by records and export.
func filterFlags(fs *flag.FlagSet) *store.Filter {
	f := &store.Filter{}
	fs.StringVar(&f.Kind, "kind", "", "transfer or event")
	fs.StringVar(&f.Recipient, "recipient", "", "recipient state, ISO alpha-3 (MLI)")
	fs.StringVar(&f.Supplier, "supplier", "", "supplier state, ISO alpha-3 (CHN)")
	fs.StringVar(&f.Designation, "designation", "", "system designation (VN2C matches VN-2C)")
	fs.StringVar(&f.Category, "category", "", "category (armoured vehicle, drone, ...)")
	fs.StringVar(&f.Status, "status", "", "planned, contracted, delivered or in_service")
	fs.StringVar(&f.Since, "since", "", "dated on or after (2021, 2023-03, 2024-09-02)")
	fs.StringVar(&f.Until, "until", "", "dated on or before")
	fs.StringVar(&f.Source, "source", "", "ingested from this path or URL")
	fs.IntVar(&f.Limit, "limit", 0, "at most this many (0: all)")
	return f
}

func runRecords(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("records", stderr)
	db := dbFlag(fs)
	f := filterFlags(fs)
	format := fs.String("format", "table", "table, json, jsonl or csv")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if !oneOf(*format, "table", "json", "jsonl", "csv") {
		return usageError{fmt.Sprintf("unknown format %q (want table, json, jsonl or csv)", *format)}
	}
	return withStore(*db, func(ctx context.Context, st store.Store) error {
		recs, err := st.Records(ctx, *f)
		if err != nil {
			return err
		}
		if *format == "csv" {
			return export.RecordsCSV(stdout, recs)
		}
		return writeRecords(stdout, *format, plain(recs))
	})
}

// runExport writes every record a person has not rejected: jsonl is the
// guidelines' record format, which ../shared/eval/score.py reads.
func runExport(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("export", stderr)
	db := dbFlag(fs)
	format := fs.String("format", "jsonl", "jsonl or csv")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if !oneOf(*format, "jsonl", "csv") {
		return usageError{fmt.Sprintf("unknown format %q (want jsonl or csv)", *format)}
	}
	return withStore(*db, func(ctx context.Context, st store.Store) error {
		recs, err := st.Records(ctx, store.Filter{})
		if err != nil {
			return err
		}
		kept := recs[:0]
		for _, r := range recs {
			if r.Review != store.ReviewRejected {
				kept = append(kept, r)
			}
		}
		if *format == "csv" {
			return export.RecordsCSV(stdout, kept)
		}
		return writeRecords(stdout, "jsonl", plain(kept))
	})
}

func runSearch(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("search", stderr)
	db := dbFlag(fs)
	limit := fs.Int("limit", 20, "at most this many documents")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{`search needs a QUERY (words; "quoted phrases" stay together)`}
	}
	return withStore(*db, func(ctx context.Context, st store.Store) error {
		hits, err := st.Search(ctx, strings.Join(fs.Args(), " "), *limit)
		if err != nil {
			return err
		}
		for _, h := range hits {
			fmt.Fprintf(stdout, "#%d  %s\n    %s\n    %s\n\n", h.DocumentID, h.Title, h.URL, h.Snippet)
		}
		if len(hits) == 0 {
			fmt.Fprintln(stdout, "no document matches")
		}
		return nil
	})
}

func runStats(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("stats", stderr)
	db := dbFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	return withStore(*db, func(ctx context.Context, st store.Store) error {
		s, err := st.Stats(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "documents  %d (%d reprints of other stories)\ntransfers  %d\nevents     %d\n", s.Documents, s.Duplicates, s.Transfers, s.Events)
		writeCounts(stdout, "by status", s.ByStatus)
		writeCounts(stdout, "by recipient", s.ByRecipient)
		return nil
	})
}

// runReextract runs the current extractor over every stored document and
// swaps in the new records, keeping what analysts reviewed.
func runReextract(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("reextract", stderr)
	db := dbFlag(fs)
	user := catalogFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	cat, err := loadCatalog(*user)
	if err != nil {
		return err
	}
	return withStore(*db, func(ctx context.Context, st store.Store) error {
		docs, err := st.Documents(ctx, store.Filter{})
		if err != nil {
			return err
		}
		var added, gone, kept, changed int
		for _, d := range docs {
			full, err := st.Document(ctx, d.ID)
			if err != nil {
				return err
			}
			doc := &document.Document{Source: full.Sources[0], URL: full.URL, Title: full.Title,
				Published: full.Published, Body: full.Body, Format: full.Format}
			recs := extract.Document(cat, doc)
			old, err := st.Records(ctx, store.Filter{DocumentID: d.ID})
			if err != nil {
				return err
			}
			plus, minus := diffRecords(plain(old), recs)
			if plus == 0 && minus == 0 {
				continue // nothing new to say about this document
			}
			_, _, k, err := st.ReplaceRecords(ctx, d.ID, recs)
			if err != nil {
				return fmt.Errorf("document %d: %w", d.ID, err)
			}
			added, gone, kept, changed = added+plus, gone+minus, kept+k, changed+1
		}
		fmt.Fprintf(stdout, "%d documents re-extracted, %d changed: %d records new, %d gone, %d reviewed kept\n",
			len(docs), changed, added, gone, kept)
		return nil
	})
}

// diffRecords counts the records of new that old lacks and of old that new
// lacks, comparing their JSON form.
func diffRecords(old, new []record.Record) (plus, minus int) {
	count := map[string]int{}
	for _, r := range old {
		b, _ := json.Marshal(r)
		count[string(b)]++
	}
	for _, r := range new {
		b, _ := json.Marshal(r)
		if count[string(b)] > 0 {
			count[string(b)]--
		} else {
			plus++
		}
	}
	for _, n := range count {
		minus += n
	}
	return plus, minus
}

func withStore(db string, fn func(context.Context, store.Store) error) error {
	st, err := openStore(db)
	if err != nil {
		return err
	}
	defer st.Close()
	return fn(context.Background(), st)
}

func plain(recs []store.Record) []record.Record {
	out := make([]record.Record, len(recs))
	for i, r := range recs {
		out[i] = r.Record
	}
	return out
}

func writeCounts(w io.Writer, title string, counts map[string]int) {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		return counts[keys[i]] > counts[keys[j]] || counts[keys[i]] == counts[keys[j]] && keys[i] < keys[j]
	})
	fmt.Fprintf(w, "\n%s\n", title)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, k := range keys {
		fmt.Fprintf(tw, "  %s\t%d\n", dash(k), counts[k])
	}
	tw.Flush()
}

func oneOf(s string, options ...string) bool {
	for _, o := range options {
		if s == o {
			return true
		}
	}
	return false
}
