package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/dossier-osint/dossier/internal/export"
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
		in, err := register.Load(ctx, st, cat, *recipient)
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
			return export.RegisterCSV(stdout, rows)
		}
		return writeRegisterTable(stdout, rows)
	})
}

func writeRegisterTable(w io.Writer, rows []register.Row) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "RECIPIENT\tSUPPLIER\tDESIGNATION\tCATEGORY\tORDERED\tDELIVERED\tORDER\tDELIVERIES\tSTATUS\tSOURCES\tNOTES")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\n", r.Recipient, dash(r.Supplier), dash(r.Designation),
			r.Category, export.QuantityOf(r.Ordered), export.QuantityOf(r.Delivered), dash(r.OrderDate), dash(strings.Join(r.DeliveryDates, ", ")),
			r.Status, len(r.Sources), export.Notes(r))
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
