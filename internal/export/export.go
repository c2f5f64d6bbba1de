// Package export writes records and register rows in the tabular forms
// people download: CSV for spreadsheets, shared by the CLI and the server.
package export

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/dossier-osint/dossier/internal/record"
	"github.com/dossier-osint/dossier/internal/register"
	"github.com/dossier-osint/dossier/internal/store"
)

var recordsHeader = []string{"id", "document", "kind", "recipient", "supplier", "manufacturer", "designation", "category",
	"quantity", "qualifier", "status", "type", "actors", "country", "planned", "subject", "date", "review", "source", "evidence"}

// RecordsCSV writes one row per record, both kinds in one set of columns.
func RecordsCSV(w io.Writer, recs []store.Record) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(recordsHeader); err != nil {
		return err
	}
	for _, r := range recs {
		qty := ""
		if r.Quantity.Value != nil {
			qty = strconv.Itoa(*r.Quantity.Value)
		}
		planned := ""
		if r.Kind == record.KindEvent {
			planned = strconv.FormatBool(r.Planned)
		}
		ev, err := json.Marshal(r.Evidence)
		if err != nil {
			return err
		}
		row := []string{strconv.FormatInt(r.ID, 10), strconv.FormatInt(r.DocumentID, 10), r.Kind, r.Recipient,
			record.Str(r.Supplier), record.Str(r.Manufacturer), record.Str(r.Designation), r.Category, qty,
			r.Quantity.Qualifier, r.Status, r.Type, strings.Join(r.Actors, "; "), record.Str(r.Country), planned,
			record.Str(r.Subject), record.Str(r.Date), r.Review, r.Source, string(ev)}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

var registerHeader = []string{"recipient", "supplier", "designation", "category", "manufacturer", "ordered", "delivered",
	"order_date", "delivery_dates", "status", "sources", "source_urls", "in_sipri_scope", "pledge", "notes"}

// RegisterCSV writes one row per deal of the register.
func RegisterCSV(w io.Writer, rows []register.Row) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(registerHeader); err != nil {
		return err
	}
	for _, r := range rows {
		var urls []string
		for _, s := range r.Sources {
			urls = append(urls, s.URL)
		}
		err := cw.Write([]string{r.Recipient, r.Supplier, r.Designation, r.Category, r.Manufacturer, QuantityOf(r.Ordered),
			QuantityOf(r.Delivered), r.OrderDate, strings.Join(r.DeliveryDates, "; "), r.Status, strconv.Itoa(len(r.Sources)),
			strings.Join(urls, " "), strconv.FormatBool(r.InSIPRIScope), strconv.FormatBool(r.Pledge), Notes(r)})
		if err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// QuantityOf writes an optional quantity, "-" when there is none.
func QuantityOf(q *record.Quantity) string {
	if q == nil {
		return "-"
	}
	return q.String()
}

// Notes flag what a reader of a register row must not miss: pledges,
// scope, conflicting sources, reviews.
func Notes(r register.Row) string {
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
