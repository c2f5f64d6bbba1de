// Package sipri reads the CSV exports of the SIPRI Arms Transfers Database
// that a user downloaded under SIPRI's terms: the classic trade register
// and the newer export by delivery year. Dossier never ships these data; a
// user may add their designations to their own catalog file.
package sipri

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Row is one deal (or deal-year) of an export: what the catalog and the
// coverage measure need.
type Row struct {
	Designation string // as SIPRI writes it, trailing " -" marks dropped
	Description string // "armoured personnel carrier", "fighter aircraft"
	Supplier    string // the supplier's name as SIPRI writes it
	Years       []int  // delivery years
}

// columns name the fields of both export formats.
var columns = map[string][]string{
	"designation": {"Weapon designation", "Designation"},
	"description": {"Weapon description", "Description"},
	"supplier":    {"Supplier"},
	"years":       {"Year(s) of delivery", "Delivery year"},
}

// Read parses an export; the error names the line of a broken row or the
// column that is missing.
func Read(r io.Reader) ([]Row, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("reading the header: %w", err)
	}
	at := map[string]int{}
	for field, names := range columns {
		at[field] = -1
		for i, h := range header {
			for _, n := range names {
				if strings.EqualFold(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")), n) {
					at[field] = i
				}
			}
		}
		if at[field] < 0 {
			return nil, fmt.Errorf("no %q column: not a SIPRI trade-register export", names[0])
		}
	}
	var out []Row
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		get := func(f string) string {
			if i := at[f]; i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		d := strings.TrimSpace(strings.TrimRight(get("designation"), "- "))
		if d == "" {
			continue
		}
		row := Row{Designation: d, Description: get("description"), Supplier: get("supplier")}
		for _, y := range strings.FieldsFunc(get("years"), func(r rune) bool { return r == ';' || r == ',' || r == ' ' }) {
			if n, err := strconv.Atoi(y); err == nil {
				row.Years = append(row.Years, n)
			}
		}
		out = append(out, row)
	}
}

// categoryWords map the starts of words in SIPRI's descriptions to the
// guidelines' categories, the more specific first ("anti-ship missile" is
// a missile, "gunboat" a vessel, "aircraft" no "craft").
var categoryWords = []struct{ word, category string }{
	{"helicopter", "helicopter"}, {"uav", "drone"}, {"unmanned", "drone"}, {"ucav", "drone"},
	{"sam", "air defence"}, {"air defence", "air defence"}, {"anti-aircraft", "air defence"}, {"aa gun", "air defence"},
	{"missile", "missile"}, {"atgm", "missile"}, {"guided bomb", "missile"}, {"anti-tank", "missile"},
	{"radar", "sensor"}, {"sonar", "sensor"}, {"sensor", "sensor"}, {"fire control", "sensor"}, {"surveillance", "sensor"},
	{"aircraft", "aircraft"}, {"fighter", "aircraft"}, {"trainer", "aircraft"}, {"bomber", "aircraft"}, {"airlifter", "aircraft"},
	{"frigate", "naval vessel"}, {"corvette", "naval vessel"}, {"submarine", "naval vessel"}, {"ship", "naval vessel"},
	{"boat", "naval vessel"}, {"gunboat", "naval vessel"}, {"craft", "naval vessel"}, {"destroyer", "naval vessel"},
	{"patrol", "naval vessel"}, {"vessel", "naval vessel"},
	{"tank", "armoured vehicle"}, {"apc", "armoured vehicle"}, {"ifv", "armoured vehicle"}, {"armoured", "armoured vehicle"},
	{"armored", "armoured vehicle"}, {"scout car", "armoured vehicle"}, {"mrap", "armoured vehicle"},
	{"howitzer", "artillery"}, {"mortar", "artillery"}, {"gun", "artillery"}, {"mrl", "artillery"}, {"rocket", "artillery"},
}

// Category reads the guidelines' category from a SIPRI description.
func Category(description string) string {
	d := " " + strings.ToLower(description)
	for _, cw := range categoryWords {
		if strings.Contains(d, " "+cw.word) || strings.Contains(d, "-"+cw.word) {
			return cw.category
		}
	}
	return "other"
}
