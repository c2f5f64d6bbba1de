package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/dossier-osint/dossier/internal/catalog"
	"github.com/dossier-osint/dossier/internal/sipri"
	"github.com/dossier-osint/dossier/internal/store"
)

// catalogFlag adds --catalog: a user's own systems file that adds to and
// overrides the embedded catalog. Without it, catalog.tsv in the data
// directory is used when it exists.
func catalogFlag(fs *flag.FlagSet) *string {
	return fs.String("catalog", "", "your own systems file (default "+defaultUserCatalog()+" if it exists)")
}

func defaultUserCatalog() string {
	return filepath.Join(filepath.Dir(defaultDBPath()), "catalog.tsv")
}

// loadCatalog is the embedded catalog with the user's file over it.
func loadCatalog(path string) (*catalog.Catalog, error) {
	cat, err := catalog.Default()
	if err != nil {
		return nil, err
	}
	if path == "" {
		if _, err := os.Stat(defaultUserCatalog()); err != nil {
			return cat, nil
		}
		path = defaultUserCatalog()
	}
	return cat.WithUserSystems(path)
}

const catalogUsage = `usage:
  dossier catalog search TERM              systems like TERM ("vn 2c", "tb-2")
  dossier catalog show DESIGNATION         one system, its aliases and family
  dossier catalog stats                    counts by category and country
  dossier catalog unknown [--db F]         designations found in stored documents that the catalog lacks
  dossier catalog import-sipri FILE [--out F]
                                           add a SIPRI trade-register CSV's designations to your catalog file
  dossier catalog coverage FILE [--from Y --to Y]
                                           share of a SIPRI export's designations the catalog recognises
`

func runCatalog(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return usageError{"catalog needs a subcommand\n\n" + catalogUsage}
	}
	fs := newFlags("catalog "+args[0], stderr)
	user := catalogFlag(fs)
	db := dbFlag(fs)
	out := fs.String("out", defaultUserCatalog(), "import-sipri: the catalog file to extend")
	from := fs.Int("from", 2015, "coverage: first delivery year")
	to := fs.Int("to", 2024, "coverage: last delivery year")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	cat, err := loadCatalog(*user)
	if err != nil {
		return err
	}
	arg := strings.Join(fs.Args(), " ")
	needArg := func(what string) error {
		if arg == "" {
			return usageError{fmt.Sprintf("catalog %s needs %s", args[0], what)}
		}
		return nil
	}
	switch args[0] {
	case "search":
		if err := needArg("a TERM"); err != nil {
			return err
		}
		return catalogSearch(stdout, cat, arg)
	case "show":
		if err := needArg("a DESIGNATION"); err != nil {
			return err
		}
		return catalogShow(stdout, cat, arg)
	case "stats":
		return catalogStats(stdout, cat)
	case "unknown":
		return withStore(*db, func(ctx context.Context, st store.Store) error { return catalogUnknown(ctx, stdout, st) })
	case "import-sipri":
		if err := needArg("a FILE"); err != nil {
			return err
		}
		return catalogImport(stdout, cat, arg, *out)
	case "coverage":
		if err := needArg("a FILE"); err != nil {
			return err
		}
		return catalogCoverage(stdout, cat, arg, *from, *to)
	}
	return usageError{fmt.Sprintf("unknown catalog subcommand %q\n\n%s", args[0], catalogUsage)}
}

func catalogSearch(w io.Writer, cat *catalog.Catalog, term string) error {
	hits := cat.Search(term, 20)
	if len(hits) == 0 {
		fmt.Fprintf(w, "no system like %q\n", term)
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "DESIGNATION\tCATEGORY\tMAKER\tORIGIN\tMATCHED")
	for _, h := range hits {
		s := h.System
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", s.Designation, s.Category, dash(s.Maker), s.Country, h.Name)
	}
	return tw.Flush()
}

func catalogShow(w io.Writer, cat *catalog.Catalog, name string) error {
	s := cat.System(name)
	if s == nil {
		if hits := cat.Search(name, 1); len(hits) > 0 {
			s = hits[0].System
		}
	}
	if s == nil {
		return fmt.Errorf("no system %q in the catalog (try: dossier catalog search %q)", name, name)
	}
	fmt.Fprintf(w, "designation  %s\naliases      %s\ncategory     %s\nmaker        %s\norigin       %s\nfamily       %s\nsource       %s\n",
		s.Designation, dash(strings.Join(s.Aliases, ", ")), s.Category, dash(s.Maker), s.Country, dash(s.Family), s.Source)
	var members []string
	for _, m := range cat.Family(s) {
		if m != s {
			members = append(members, m.Designation)
		}
	}
	if len(members) > 0 {
		fmt.Fprintf(w, "same family  %s\n", strings.Join(members, ", "))
	}
	return nil
}

func catalogStats(w io.Writer, cat *catalog.Catalog) error {
	fmt.Fprintf(w, "%d systems, %d organisations, %d states, %d equipment words\n",
		len(cat.Systems), len(cat.Organisations), len(cat.Countries), len(cat.Terms))
	for _, by := range []struct {
		title string
		key   func(*catalog.System) string
		top   int
	}{
		{"by category", func(s *catalog.System) string { return s.Category }, 0},
		{"by country of origin (top 30)", func(s *catalog.System) string { return s.Country }, 30},
	} {
		counts := cat.CountBy(by.key)
		if by.top > 0 && len(counts) > by.top {
			counts = counts[:by.top]
		}
		fmt.Fprintf(w, "\n%s\n", by.title)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for _, c := range counts {
			fmt.Fprintf(tw, "  %s\t%d\n", c.Name, c.N)
		}
		tw.Flush()
	}
	return nil
}

// catalogUnknown lists designations that extraction found by their shape
// but the catalog lacks, most frequent first, each with a sentence.
func catalogUnknown(ctx context.Context, w io.Writer, st store.Store) error {
	recs, err := st.Records(ctx, store.Filter{Kind: "transfer"})
	if err != nil {
		return err
	}
	type unknown struct {
		name    string
		n       int
		docID   int64
		example [2]int
	}
	byName := map[string]*unknown{}
	for _, r := range recs {
		if !r.Uncatalogued || r.Designation == nil {
			continue
		}
		key := catalog.Fold(*r.Designation)
		u := byName[key]
		if u == nil {
			u = &unknown{name: *r.Designation, docID: r.DocumentID}
			if len(r.Evidence) > 0 {
				u.example = [2]int{r.Evidence[0].Start, r.Evidence[0].End}
			}
			byName[key] = u
		}
		u.n++
	}
	list := make([]*unknown, 0, len(byName))
	for _, u := range byName {
		list = append(list, u)
	}
	sort.Slice(list, func(i, j int) bool {
		return list[i].n > list[j].n || list[i].n == list[j].n && list[i].name < list[j].name
	})
	if len(list) == 0 {
		fmt.Fprintln(w, "every designation found in stored documents is in the catalog")
		return nil
	}
	for _, u := range list {
		sentence := ""
		if d, err := st.Document(ctx, u.docID); err == nil {
			runes := []rune(d.Body)
			if u.example[1] <= len(runes) {
				sentence = strings.Join(strings.Fields(string(runes[u.example[0]:u.example[1]])), " ")
			}
		}
		fmt.Fprintf(w, "%-20s %4d  %s\n", u.name, u.n, sentence)
	}
	return nil
}

// catalogImport adds the designations of a SIPRI export that the catalog
// does not recognise to the user's catalog file.
func catalogImport(w io.Writer, cat *catalog.Catalog, file, out string) error {
	rows, err := readSIPRI(file)
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	var lines []string
	for _, r := range rows {
		key := catalog.Fold(r.Designation)
		if seen[key] || cat.Recognises(r.Designation) {
			continue
		}
		seen[key] = true
		country := ""
		for _, m := range cat.Matcher().FindAll(r.Supplier) {
			if m.Refs[0].Kind == catalog.CountryName {
				country = cat.Countries[m.Refs[0].Index].ISO3
			}
		}
		lines = append(lines, strings.Join([]string{clean(r.Designation), "", sipri.Category(r.Description), "", country, "",
			"SIPRI Arms Transfers Database (imported by the user): " + clean(r.Description)}, "\t"))
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	_, statErr := os.Stat(out)
	f, err := os.OpenFile(out, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	if os.IsNotExist(statErr) {
		fmt.Fprintln(bw, strings.Join(catalog.SystemsHeader, "\t"))
	}
	for _, l := range lines {
		fmt.Fprintln(bw, l)
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(w, "%d rows read, %d designations the catalog lacked added to %s\n", len(rows), len(lines), out)
	return nil
}

// catalogCoverage measures the share of an export's distinct designations
// delivered in [from, to] that the catalog recognises.
func catalogCoverage(w io.Writer, cat *catalog.Catalog, file string, from, to int) error {
	rows, err := readSIPRI(file)
	if err != nil {
		return err
	}
	distinct := map[string]string{}
	for _, r := range rows {
		for _, y := range r.Years {
			if y >= from && y <= to {
				distinct[catalog.Fold(r.Designation)] = r.Designation
				break
			}
		}
	}
	known := 0
	var missing []string
	for _, d := range distinct {
		if cat.Recognises(d) {
			known++
		} else {
			missing = append(missing, d)
		}
	}
	sort.Strings(missing)
	share := 0.0
	if len(distinct) > 0 {
		share = float64(known) / float64(len(distinct))
	}
	fmt.Fprintf(w, "%d of %d designations delivered %d-%d recognised: %.1f%%\n", known, len(distinct), from, to, 100*share)
	if len(missing) > 0 {
		n := min(len(missing), 40)
		fmt.Fprintf(w, "not recognised (first %d of %d): %s\n", n, len(missing), strings.Join(missing[:n], "; "))
	}
	return nil
}

func readSIPRI(file string) ([]sipri.Row, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := sipri.Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return rows, nil
}

// clean keeps a cell on one line and free of tabs.
func clean(s string) string { return strings.Join(strings.Fields(s), " ") }
