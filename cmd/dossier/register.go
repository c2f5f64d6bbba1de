package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/dossier-osint/dossier/internal/record"
	"github.com/dossier-osint/dossier/internal/register"
	"github.com/dossier-osint/dossier/internal/store"
)

func runRegister(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("register", stderr)
	db := dbFlag(fs)
	user := catalogFlag(fs)
	recipient := fs.String("recipient", "", "recipient state, ISO alpha-3")
	supplier := fs.String("supplier", "", "supplier state, ISO alpha-3")
	sipriOnly := fs.Bool("sipri", false, "only major conventional weapons (SIPRI's scope), no pledges")
	format := fs.String("format", "table", "table, json or csv")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if !oneOf(*format, "table", "json", "csv") {
		return usageError{fmt.Sprintf("unknown format %q (want table, json or csv)", *format)}
	}
	cat, err := loadCatalog(*user)
	if err != nil {
		return err
	}
	return withStore(*db, func(ctx context.Context, st store.Store) error {
		in, err := registerInput(ctx, st, *recipient)
		if err != nil {
			return err
		}
		var rows []register.Row
		for _, r := range register.Build(in, cat) {
			if *supplier != "" && r.Supplier != *supplier || *sipriOnly && (!r.InSIPRIScope || r.Pledge) {
				continue
			}
			rows = append(rows, r)
		}
		switch *format {
		case "json":
			enc := json.NewEncoder(stdout)
			enc.SetIndent("", "  ")
			if rows == nil {
				rows = []register.Row{}
			}
			return enc.Encode(rows)
		case "csv":
			return writeRegisterCSV(stdout, rows)
		}
		return writeRegisterTable(stdout, rows)
	})
}

// registerInput loads the records the register needs (all of a
// recipient's, events included) and their documents.
func registerInput(ctx context.Context, st store.Store, recipient string) (register.Input, error) {
	recs, err := st.Records(ctx, store.Filter{})
	if err != nil {
		return register.Input{}, err
	}
	in := register.Input{Documents: map[int64]store.Document{}}
	for _, r := range recs {
		if recipient != "" && r.Kind == record.KindTransfer && r.Recipient != recipient {
			continue
		}
		in.Records = append(in.Records, r)
		if _, ok := in.Documents[r.DocumentID]; !ok {
			d, err := st.Document(ctx, r.DocumentID)
			if err != nil {
				return in, err
			}
			d.Body = "" // the register needs addresses and twins, not text
			in.Documents[r.DocumentID] = *d
		}
	}
	return in, nil
}

func writeRegisterTable(w io.Writer, rows []register.Row) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "RECIPIENT\tSUPPLIER\tDESIGNATION\tCATEGORY\tORDERED\tDELIVERED\tORDER\tDELIVERIES\tSTATUS\tSOURCES\tNOTES")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\n", r.Recipient, dash(r.Supplier), dash(r.Designation),
			r.Category, quantityPtr(r.Ordered), quantityPtr(r.Delivered), dash(r.OrderDate), dash(strings.Join(r.DeliveryDates, ", ")),
			r.Status, len(r.Sources), notes(r))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, r := range rows {
		if len(r.Lifecycle) > 1 {
			var steps []string
			for _, s := range r.Lifecycle {
				steps = append(steps, strings.TrimSpace(s.Kind+" "+s.Date))
			}
			fmt.Fprintf(w, "\n%s %s: %s", r.Recipient, dash(r.Designation), strings.Join(steps, " → "))
		}
	}
	fmt.Fprintln(w)
	return nil
}

// notes flag what a reader of the register must not miss.
func notes(r register.Row) string {
	var n []string
	if r.Pledge {
		n = append(n, "pledge")
	}
	if !r.InSIPRIScope {
		n = append(n, "outside SIPRI scope")
	}
	for _, c := range r.Conflicts {
		n = append(n, fmt.Sprintf("conflict on %s: %s", c.Field, strings.Join(c.Values, " vs ")))
	}
	if r.Reviewed != "" {
		n = append(n, r.Reviewed)
	}
	return strings.Join(n, "; ")
}

func quantityPtr(q *record.Quantity) string {
	if q == nil {
		return "-"
	}
	return quantityCell(*q)
}

func writeRegisterCSV(w io.Writer, rows []register.Row) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"recipient", "supplier", "designation", "category", "manufacturer", "ordered", "delivered",
		"order_date", "delivery_dates", "status", "sources", "source_urls", "in_sipri_scope", "pledge", "conflicts"})
	for _, r := range rows {
		var urls []string
		for _, s := range r.Sources {
			urls = append(urls, s.URL)
		}
		cw.Write([]string{r.Recipient, r.Supplier, r.Designation, r.Category, r.Manufacturer, quantityPtr(r.Ordered),
			quantityPtr(r.Delivered), r.OrderDate, strings.Join(r.DeliveryDates, "; "), r.Status, strconv.Itoa(len(r.Sources)),
			strings.Join(urls, " "), strconv.FormatBool(r.InSIPRIScope), strconv.FormatBool(r.Pledge), notes(r)})
	}
	cw.Flush()
	return cw.Error()
}
