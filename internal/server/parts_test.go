package server

import (
	"reflect"
	"testing"

	"github.com/dossier-osint/dossier/internal/record"
	"github.com/dossier-osint/dossier/internal/register"
	"github.com/dossier-osint/dossier/internal/store"
)

func TestPassages(t *testing.T) {
	// Offsets count code points: "Türkiye" has a two-byte ü.
	body := "Türkiye sold drones. Mali bought them."
	recs := []store.Record{
		{ID: 1, Record: record.Record{Evidence: []record.Span{{Start: 0, End: 20}}}},
		{ID: 2, Record: record.Record{Evidence: []record.Span{{Start: 8, End: 38}, {Start: 90, End: 95}}}},
	}
	var got []string
	for _, p := range passages(body, recs) {
		got = append(got, p.Text)
		switch p.Text {
		case "Türkiye ":
			if !reflect.DeepEqual(p.Records, []int64{1}) || !reflect.DeepEqual(p.Anchors, []int64{1}) {
				t.Errorf("%q: records %v anchors %v", p.Text, p.Records, p.Anchors)
			}
		case "sold drones.":
			if !reflect.DeepEqual(p.Records, []int64{1, 2}) || !reflect.DeepEqual(p.Anchors, []int64{2}) {
				t.Errorf("%q: records %v anchors %v", p.Text, p.Records, p.Anchors)
			}
		case " Mali bought them.":
			if !reflect.DeepEqual(p.Records, []int64{2}) || len(p.Anchors) != 0 {
				t.Errorf("%q: records %v anchors %v", p.Text, p.Records, p.Anchors)
			}
		}
	}
	if want := []string{"Türkiye ", "sold drones.", " Mali bought them."}; !reflect.DeepEqual(got, want) {
		t.Errorf("passages %q, want %q", got, want)
	}
	if got := passages("", recs); len(got) != 0 {
		t.Errorf("passages of an empty body: %+v", got)
	}
}

func TestSnippetParts(t *testing.T) {
	got := snippetParts("…the [Norinco] deal for [VN2C] vehicles")
	want := []snippetPart{{"…the ", false}, {"Norinco", true}, {" deal for ", false}, {"VN2C", true}, {" vehicles", false}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("snippetParts = %+v, want %+v", got, want)
	}
}

func TestFormValue(t *testing.T) {
	for _, tt := range []struct{ field, text, want string }{
		{"quantity", "at least 6", `{"value":6,"qualifier":"at_least"}`},
		{"quantity", "~50", `{"value":50,"qualifier":"approx"}`},
		{"quantity", "12", `{"value":12,"qualifier":"exact"}`},
		{"quantity", "", `{"value":null,"qualifier":"unknown"}`},
		{"quantity", "six", `"six"`},
		{"actors", "Mali, Norinco ,", `["Mali","Norinco"]`},
		{"planned", "true", `true`},
		{"supplier", "chn", `"CHN"`},
		{"supplier", "none", `null`},
		{"date", "2023-03", `"2023-03"`},
		{"designation", `{"value": 1}`, `{"value": 1}`},
	} {
		if got := string(formValue(tt.field, tt.text)); got != tt.want {
			t.Errorf("formValue(%s, %q) = %s, want %s", tt.field, tt.text, got, tt.want)
		}
	}
	// What the form sends is what the store accepts.
	vn2c := record.Record{Kind: record.KindTransfer, Recipient: "MLI", Category: "armoured vehicle", Status: "delivered",
		Quantity: record.Quantity{Qualifier: record.QualUnknown}}
	if _, _, err := store.Correct(vn2c, "quantity", formValue("quantity", "at least 6")); err != nil {
		t.Errorf("the store refuses the form's quantity: %v", err)
	}
}

func TestChart(t *testing.T) {
	rows := []register.Row{
		{Supplier: "CHN", DeliveryDates: []string{"2021-05"}},
		{Supplier: "CHN", OrderDate: "2021"},
		{Supplier: "KOR", DeliveryDates: []string{"2021"}},
		{Supplier: "CHN", DeliveryDates: []string{"2024-01-02"}},
		{Supplier: "TUR"}, // no date
		{Supplier: "TUR", OrderDate: "2023", Pledge: true}, // only pledged
	}
	c := newChart(rows, func(code string) string { return code })
	var years []string
	counts := map[string]int{}
	for _, b := range c.Bars {
		years = append(years, b.Year)
		for _, s := range b.Segments {
			counts[b.Year+" "+s.Supplier] = s.Count
			if s.H <= 0 || s.Y+s.H > c.Height {
				t.Errorf("%s %s: bar from %d, %d high, outside the chart", b.Year, s.Supplier, s.Y, s.H)
			}
		}
	}
	if want := []string{"2021", "2022", "2023", "2024"}; !reflect.DeepEqual(years, want) {
		t.Errorf("years %q, want %q (gaps kept)", years, want)
	}
	if want := map[string]int{"2021 CHN": 2, "2021 KOR": 1, "2024 CHN": 1}; !reflect.DeepEqual(counts, want) {
		t.Errorf("counts %v, want %v", counts, want)
	}
	if c.Undated != 2 || len(c.Legend) != 2 || c.Legend[0].Supplier != "CHN" || c.Legend[0].Count != 3 {
		t.Errorf("undated %d, legend %+v", c.Undated, c.Legend)
	}
	// The tallest bar fills the plot.
	top := c.Height
	for _, s := range c.Bars[0].Segments {
		top = min(top, s.Y)
	}
	if top > plotTop+2 {
		t.Errorf("the tallest bar reaches %d, want the top of the plot (%d)", top, plotTop)
	}
	if got := newChart(nil, nil); len(got.Bars) != 0 {
		t.Errorf("chart of no rows has bars: %+v", got)
	}
}
