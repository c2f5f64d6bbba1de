package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"
	"text/tabwriter"

	"github.com/dossier-osint/dossier/internal/catalog"
	"github.com/dossier-osint/dossier/internal/document"
	"github.com/dossier-osint/dossier/internal/extract"
	"github.com/dossier-osint/dossier/internal/record"
)

func runExtract(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("extract", stderr)
	format := fs.String("format", "jsonl", "output format: jsonl, json or table")
	user := catalogFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if !oneOf(*format, "jsonl", "json", "table") {
		return usageError{fmt.Sprintf("unknown format %q (want jsonl, json or table)", *format)}
	}
	files := fs.Args()
	if len(files) == 0 {
		return usageError{"extract needs at least one FILE (or - for standard input)"}
	}
	cat, err := loadCatalog(*user)
	if err != nil {
		return err
	}
	results := extractAll(cat, files, stdin)
	var all []record.Record
	failed := 0
	for _, r := range results {
		if r.err != nil {
			fmt.Fprintf(stderr, "dossier: %s: %v\n", r.name, r.err)
			failed++
			continue
		}
		all = append(all, r.records...)
	}
	if err := writeRecords(stdout, *format, all); err != nil {
		return err
	}
	if failed > 0 {
		fmt.Fprintf(stderr, "dossier: %d of %d inputs failed\n", failed, len(files))
		return errReported
	}
	return nil
}

type fileResult struct {
	name    string
	records []record.Record
	err     error
}

// extractAll reads and extracts every file on all cores, keeping the order
// of the arguments in the output.
func extractAll(cat *catalog.Catalog, files []string, stdin io.Reader) []fileResult {
	results := make([]fileResult, len(files))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i] = extractFile(cat, files[i], stdin)
			}
		}()
	}
	for i := range files {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return results
}

func extractFile(cat *catalog.Catalog, name string, stdin io.Reader) fileResult {
	var data []byte
	var err error
	source := name
	if name == "-" {
		data, err = io.ReadAll(stdin)
		source = "stdin"
	} else {
		data, err = os.ReadFile(name)
	}
	if err != nil {
		return fileResult{name: name, err: err}
	}
	doc, err := document.Parse(source, data)
	if err != nil {
		return fileResult{name: name, err: err}
	}
	return fileResult{name: name, records: extract.Document(cat, doc)}
}

func writeRecords(w io.Writer, format string, recs []record.Record) error {
	switch format {
	case "json":
		if recs == nil {
			recs = []record.Record{}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(recs)
	case "table":
		return writeTable(w, recs)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, r := range recs {
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
	return nil
}

// writeTable prints transfers, then events, as aligned columns for a person.
func writeTable(w io.Writer, recs []record.Record) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SOURCE\tRECIPIENT\tSUPPLIER\tDESIGNATION\tCATEGORY\tQUANTITY\tSTATUS\tDATE")
	for _, r := range recs {
		if r.Kind != record.KindTransfer {
			continue
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", shortSource(r.Source), r.Recipient, dash(record.Str(r.Supplier)),
			dash(designationCell(r)), r.Category, r.Quantity.String(), r.Status, dash(record.Str(r.Date)))
	}
	fmt.Fprintln(tw)
	fmt.Fprintln(tw, "SOURCE\tEVENT\tPLANNED\tCOUNTRY\tDATE\tACTORS")
	for _, r := range recs {
		if r.Kind != record.KindEvent {
			continue
		}
		planned := ""
		if r.Planned {
			planned = "planned"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", shortSource(r.Source), r.Type, dash(planned), dash(record.Str(r.Country)),
			dash(record.Str(r.Date)), strings.Join(r.Actors, ", "))
	}
	return tw.Flush()
}

func designationCell(r record.Record) string {
	d := record.Str(r.Designation)
	if r.Uncatalogued {
		d += " (uncatalogued)"
	}
	return d
}

func shortSource(s string) string {
	if i := strings.LastIndexAny(s, `/\`); i >= 0 && i < len(s)-1 {
		return s[i+1:]
	}
	return s
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
