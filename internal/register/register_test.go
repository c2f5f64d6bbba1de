package register_test

import (
	"context"
	"fmt"
	"math/rand"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dossier-osint/dossier/internal/catalog"
	"github.com/dossier-osint/dossier/internal/record"
	"github.com/dossier-osint/dossier/internal/register"
	"github.com/dossier-osint/dossier/internal/store"
	"github.com/dossier-osint/dossier/internal/store/sqlite"
)

// testCatalog is a small catalog of its own, so the merge rules are tested
// apart from the embedded catalog's growth.
func testCatalog(t *testing.T) *catalog.Catalog {
	t.Helper()
	tsv := func(lines ...string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte(strings.Join(lines, "\n") + "\n")}
	}
	cat, err := catalog.Load(fstest.MapFS{
		"data/countries.tsv": tsv("iso3\tiso2\tname\taliases\tdemonyms\tcapitals\tkind\tsource",
			"MLI\tML\tMali\tRepublic of Mali\tMalian\tBamako\tstate\ttest",
			"CHN\tCN\tChina\tPRC\tChinese\tBeijing\tstate\ttest",
			"RUS\tRU\tRussia\tRussian Federation\tRussian\tMoscow\tstate\ttest",
			"KOR\tKR\tSouth Korea\tRepublic of Korea\tSouth Korean\tSeoul\tstate\ttest",
			"TUR\tTR\tTürkiye\tTurkey\tTurkish\tAnkara\tstate\ttest"),
		"data/organisations/test.tsv": tsv("name\tcountry\tkind\taliases\tsource",
			"Norinco\tCHN\tmaker\tChina North Industries Group Corporation\ttest",
			"Ganfeng\tCHN\tmaker\t\ttest",
			"Kia\tKOR\tmaker\t\ttest",
			"Kalashnikov\tRUS\tmaker\t\ttest",
			"Uralvagonzavod\tRUS\tmaker\t\ttest",
			"Baykar\tTUR\tmaker\t\ttest",
			"Malian Ministry of Defence\tMLI\tgovernment\tMinistry of Defence and Veterans Affairs\ttest"),
		"data/systems/test.tsv": tsv("designation\taliases\tcategory\tmaker\tcountry\tfamily\tsource",
			"VN2\t\tarmoured vehicle\tNorinco\tCHN\t\ttest",
			"VN2C\tVN-2C\tarmoured vehicle\tNorinco\tCHN\tVN2\ttest",
			"VN22\t\tarmoured vehicle\tNorinco\tCHN\tVN2\ttest",
			"KM450\tKM-450\tunarmoured vehicle\tKia\tKOR\t\ttest",
			"AK-103\t\tsmall arms\tKalashnikov\tRUS\t\ttest",
			"T-72B3\t\tarmoured vehicle\tUralvagonzavod\tRUS\t\ttest",
			"Bayraktar TB2\tTB2\tdrone\tBaykar\tTUR\t\ttest"),
		"data/categories.tsv": tsv("term\tcategory\tgeneric\tsource"),
		"data/places.tsv":     tsv("name\tsource"),
	})
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// transfer makes a record from "recipient supplier designation
// value/qualifier status date", with "-" for null.
func transfer(id, doc int64, spec string) store.Record {
	f := strings.Fields(spec)
	v, q, _ := strings.Cut(f[3], "/")
	r := record.Record{Kind: record.KindTransfer, Recipient: f[0], Supplier: ptr(f[1]), Designation: ptr(f[2]),
		Quantity: record.Quantity{Qualifier: q}, Status: f[4], Date: ptr(f[5])}
	if n, err := strconv.Atoi(v); err == nil {
		r.Quantity.Value = &n
	}
	return store.Record{ID: id, DocumentID: doc, Record: r}
}

func event(id, doc int64, typ, date, country string, actors ...string) store.Record {
	return store.Record{ID: id, DocumentID: doc, Record: record.Record{Kind: record.KindEvent, Type: typ,
		Date: ptr(date), Country: ptr(country), Actors: actors}}
}

func ptr(s string) *string {
	if s == "-" {
		return nil
	}
	return record.Ptr(s)
}

func reviewed(r store.Record, review string) store.Record {
	r.Review = review
	return r
}

// docs makes documents 10..19, each its own source.
func docs() map[int64]store.Document {
	m := map[int64]store.Document{}
	for id := int64(10); id < 20; id++ {
		m[id] = store.Document{ID: id, URL: fmt.Sprintf("https://example.org/%d", id)}
	}
	return m
}

// render writes a row on one line for comparison.
func render(r register.Row) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s %s %s ordered=%s delivered=%s", r.Recipient, dash(r.Supplier), dash(r.Designation), r.Status,
		quantity(r.Ordered), quantity(r.Delivered))
	if r.OrderDate != "" {
		fmt.Fprintf(&b, " order=%s", r.OrderDate)
	}
	var parts []string
	for _, x := range r.Batches {
		parts = append(parts, fmt.Sprintf("%s:%s<%s>", dash(x.Date), quantity(&x.Quantity), ids(x.Sources)))
	}
	if len(parts) > 0 {
		fmt.Fprintf(&b, " batches=[%s]", strings.Join(parts, " "))
	}
	parts = nil
	for _, s := range r.Sources {
		parts = append(parts, fmt.Sprintf("%d:%s", s.DocumentID, ids(s.RecordIDs)))
	}
	fmt.Fprintf(&b, " sources=[%s]", strings.Join(parts, " "))
	for _, c := range r.Conflicts {
		parts = nil
		for i, v := range c.Values {
			parts = append(parts, fmt.Sprintf("%s<%s>", v, ids(c.Sources[i])))
		}
		fmt.Fprintf(&b, " conflict=%s%s[%s]", c.Field, strings.TrimRight(" "+c.Date, " "), strings.Join(parts, " "))
	}
	if r.Pledge {
		b.WriteString(" pledge")
	}
	if r.Reviewed != "" {
		b.WriteString(" " + r.Reviewed)
	}
	return b.String()
}

func quantity(q *record.Quantity) string {
	switch {
	case q == nil:
		return "-"
	case q.Value == nil:
		return "?/" + q.Qualifier
	}
	return strconv.Itoa(*q.Value) + "/" + q.Qualifier
}

func ids(xs []int64) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = strconv.FormatInt(x, 10)
	}
	return strings.Join(s, ",")
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func TestBuild(t *testing.T) {
	cat := testCatalog(t)
	twins := docs()
	twins[11] = store.Document{ID: 11, URL: "https://mirror.example.org/11", TwinOf: 10}
	twins[12] = store.Document{ID: 12, TwinOf: 11}
	cases := []struct {
		name string
		recs []store.Record
		docs map[int64]store.Document
		want []string
	}{
		{"same delivery from two outlets, the spellings and dates compatible",
			[]store.Record{
				transfer(1, 10, "MLI CHN VN2C 6/exact delivered 2023-03"),
				transfer(2, 11, "MLI CHN VN-2C 6/exact delivered 2023"),
			}, nil,
			[]string{"MLI CHN VN2C delivered ordered=- delivered=6/exact batches=[2023-03:6/exact<10,11>] sources=[10:1 11:2]"}},
		{"twins count as one source, under the earliest",
			[]store.Record{
				transfer(1, 12, "MLI CHN VN2C 6/exact delivered 2023-03"),
				transfer(2, 11, "MLI CHN VN2C 6/exact delivered 2023-03"),
				transfer(3, 13, "MLI CHN VN2C 6/exact delivered 2023-03"),
			}, twins,
			[]string{"MLI CHN VN2C delivered ordered=- delivered=6/exact batches=[2023-03:6/exact<10,13>] sources=[10:1,2 13:3]"}},
		{"two batches on two dates stay two",
			[]store.Record{
				transfer(1, 10, "MLI CHN VN2C 6/exact delivered 2023-03"),
				transfer(2, 11, "MLI CHN VN2C 4/exact delivered 2023-09"),
			}, nil,
			[]string{"MLI CHN VN2C delivered ordered=- delivered=10/exact batches=[2023-03:6/exact<10> 2023-09:4/exact<11>] sources=[10:1 11:2]"}},
		{"a year that fits two batches is not guessed into either",
			[]store.Record{
				transfer(1, 10, "MLI CHN VN2C 6/exact delivered 2023-03"),
				transfer(2, 11, "MLI CHN VN2C 4/exact delivered 2023-09"),
				transfer(3, 12, "MLI CHN VN2C ?/unknown delivered 2023"),
			}, nil,
			[]string{"MLI CHN VN2C delivered ordered=- delivered=10/at_least batches=[2023:?/unknown<12> 2023-03:6/exact<10> 2023-09:4/exact<11>] sources=[10:1 11:2 12:3]"}},
		{"at least six and six are six exact",
			[]store.Record{
				transfer(1, 10, "MLI CHN VN2C 6/at_least delivered 2023-03"),
				transfer(2, 11, "MLI CHN VN2C 6/exact delivered 2023-03"),
			}, nil,
			[]string{"MLI CHN VN2C delivered ordered=- delivered=6/exact batches=[2023-03:6/exact<10,11>] sources=[10:1 11:2]"}},
		{"about 20 and 20 are 20 exact; at least alone stays at least",
			[]store.Record{
				transfer(1, 10, "MLI CHN VN2C 20/approx delivered 2023-03"),
				transfer(2, 11, "MLI CHN VN2C 20/exact delivered 2023-03"),
				transfer(3, 10, "MLI CHN VN2C 2/at_least delivered 2024"),
			}, nil,
			[]string{"MLI CHN VN2C delivered ordered=- delivered=22/at_least batches=[2023-03:20/exact<10,11> 2024:2/at_least<10>] sources=[10:1,3 11:2]"}},
		{"about 20 fits 22 and an approximate batch makes the sum approximate",
			[]store.Record{
				transfer(1, 10, "MLI CHN VN2C 20/approx delivered 2023-03"),
				transfer(2, 11, "MLI CHN VN2C 22/exact delivered 2023-03"),
				transfer(3, 11, "MLI CHN VN2C 30/approx delivered 2024"),
			}, nil,
			[]string{"MLI CHN VN2C delivered ordered=- delivered=52/approx batches=[2023-03:22/exact<10,11> 2024:30/approx<11>] sources=[10:1 11:2,3]"}},
		{"at least 6 does not fit 4",
			[]store.Record{
				transfer(1, 10, "MLI CHN VN2C 6/at_least delivered 2023-03"),
				transfer(2, 11, "MLI CHN VN2C 4/exact delivered 2023-03"),
				transfer(3, 12, "MLI CHN VN2C 3/at_least delivered 2023-03"),
			}, nil,
			[]string{"MLI CHN VN2C delivered ordered=- delivered=4/exact batches=[2023-03:4/exact<10,11,12>] sources=[10:1 11:2 12:3] conflict=delivered 2023-03[4<11> at least 6<10>]"}},
		{"6 against 8 is a conflict; the tie shows the larger",
			[]store.Record{
				transfer(1, 10, "MLI CHN VN2C 6/exact delivered 2023-03"),
				transfer(2, 11, "MLI CHN VN2C 8/exact delivered 2023-03"),
			}, nil,
			[]string{"MLI CHN VN2C delivered ordered=- delivered=8/exact batches=[2023-03:8/exact<10,11>] sources=[10:1 11:2] conflict=delivered 2023-03[6<10> 8<11>]"}},
		{"6 against 8 shows the value of most sources, and still lists the conflict",
			[]store.Record{
				transfer(1, 10, "MLI CHN VN2C 6/exact delivered 2023-03"),
				transfer(2, 11, "MLI CHN VN2C 8/exact delivered 2023-03"),
				transfer(3, 12, "MLI CHN VN2C 6/exact delivered 2023-03"),
				transfer(4, 13, "MLI CHN VN2C 20/approx delivered 2023-03"),
			}, nil,
			[]string{"MLI CHN VN2C delivered ordered=- delivered=6/exact batches=[2023-03:6/exact<10,11,12,13>] sources=[10:1 11:2 12:3 13:4] conflict=delivered 2023-03[6<10,12> 8<11> about 20<13>]"}},
		{"orders conflict too; the order date is the earliest",
			[]store.Record{
				transfer(1, 10, "MLI CHN VN2C 6/exact contracted 2024-09-02"),
				transfer(2, 11, "MLI CHN VN2C 8/exact contracted 2024-09"),
				transfer(3, 11, "MLI CHN VN2C 2/exact delivered 2025"),
			}, nil,
			[]string{"MLI CHN VN2C delivered ordered=8/exact delivered=2/exact order=2024-09 batches=[2025:2/exact<11>] sources=[10:1 11:2,3] conflict=ordered[6<10> 8<11>]"}},
		{"two suppliers for one delivery: two rows, each with the conflict",
			[]store.Record{
				transfer(1, 10, "MLI CHN VN2C 6/exact delivered 2023-03"),
				transfer(2, 11, "MLI RUS VN2C 6/exact delivered 2023"),
			}, nil,
			[]string{
				"MLI CHN VN2C delivered ordered=- delivered=6/exact batches=[2023-03:6/exact<10>] sources=[10:1] conflict=supplier[CHN<10> RUS<11>]",
				"MLI RUS VN2C delivered ordered=- delivered=6/exact batches=[2023:6/exact<11>] sources=[11:2] conflict=supplier[CHN<10> RUS<11>]",
			}},
		{"two suppliers on different dates: two deals, no conflict",
			[]store.Record{
				transfer(1, 10, "MLI CHN VN2C 6/exact delivered 2023-03"),
				transfer(2, 11, "MLI RUS VN2C 6/exact delivered 2019"),
			}, nil,
			[]string{
				"MLI CHN VN2C delivered ordered=- delivered=6/exact batches=[2023-03:6/exact<10>] sources=[10:1]",
				"MLI RUS VN2C delivered ordered=- delivered=6/exact batches=[2019:6/exact<11>] sources=[11:2]",
			}},
		{"an empty supplier joins the named one",
			[]store.Record{
				transfer(1, 10, "MLI - VN2C 6/exact delivered 2023-03"),
				transfer(2, 11, "MLI CHN VN2C 6/exact delivered 2023-03"),
			}, nil,
			[]string{"MLI CHN VN2C delivered ordered=- delivered=6/exact batches=[2023-03:6/exact<10,11>] sources=[10:1 11:2]"}},
		{"an empty supplier with none named stays unknown",
			[]store.Record{
				transfer(1, 10, "MLI - VN2C 6/exact delivered 2023-03"),
				transfer(2, 11, "MLI CHN KM450 50/exact delivered 2021"),
			}, nil,
			[]string{
				"MLI - VN2C delivered ordered=- delivered=6/exact batches=[2023-03:6/exact<10>] sources=[10:1]",
				"MLI CHN KM450 delivered ordered=- delivered=50/exact batches=[2021:50/exact<11>] sources=[11:2]",
			}},
		{"unspecified equipment: one row per status and date",
			[]store.Record{
				transfer(1, 10, "MLI CHN - ?/unknown contracted 2024-09-02"),
				transfer(2, 11, "MLI - - ?/unknown contracted 2024-09-02"),
				transfer(3, 10, "MLI CHN - ?/unknown delivered 2024-03"),
				transfer(4, 12, "MLI - - ?/unknown delivered 2022"),
			}, nil,
			[]string{
				"MLI - - delivered ordered=- delivered=?/unknown batches=[2022:?/unknown<12>] sources=[12:4]",
				"MLI CHN - delivered ordered=- delivered=?/unknown batches=[2024-03:?/unknown<10>] sources=[10:3]",
				"MLI CHN - contracted ordered=?/unknown delivered=- order=2024-09-02 sources=[10:1 11:2]",
			}},
		{"a family root joins its sole variant",
			[]store.Record{
				transfer(1, 10, "MLI CHN VN2 ?/unknown delivered 2021"),
				transfer(2, 11, "MLI CHN VN2C 6/at_least delivered 2021"),
			}, nil,
			[]string{"MLI CHN VN2C delivered ordered=- delivered=6/at_least batches=[2021:6/at_least<10,11>] sources=[10:1 11:2]"}},
		{"a family root beside two variants keeps its own row",
			[]store.Record{
				transfer(1, 10, "MLI CHN VN2 ?/unknown delivered 2021"),
				transfer(2, 11, "MLI CHN VN2C 6/exact delivered 2021"),
				transfer(3, 12, "MLI CHN VN22 4/exact delivered 2021"),
			}, nil,
			[]string{
				"MLI CHN VN2 delivered ordered=- delivered=?/unknown batches=[2021:?/unknown<10>] sources=[10:1]",
				"MLI CHN VN22 delivered ordered=- delivered=4/exact batches=[2021:4/exact<12>] sources=[12:3]",
				"MLI CHN VN2C delivered ordered=- delivered=6/exact batches=[2021:6/exact<11>] sources=[11:2]",
			}},
		{"only planned is a pledge; a contract makes it a deal",
			[]store.Record{
				transfer(1, 10, "MLI TUR TB2 6/exact planned 2024-01"),
				transfer(2, 11, "MLI RUS T-72B3 10/exact planned 2024-01"),
				transfer(3, 12, "MLI RUS T-72B3 10/exact contracted 2024-06"),
			}, nil,
			[]string{
				"MLI RUS T-72B3 contracted ordered=10/exact delivered=- order=2024-06 sources=[11:2 12:3]",
				"MLI TUR Bayraktar TB2 planned ordered=- delivered=- sources=[10:1] pledge",
			}},
		{"in service alone, and behind a delivery",
			[]store.Record{
				transfer(1, 10, "MLI TUR TB2 ?/unknown in_service -"),
				transfer(2, 11, "MLI RUS T-72B3 ?/unknown in_service -"),
				transfer(3, 11, "MLI RUS T-72B3 10/exact delivered 2020"),
			}, nil,
			[]string{
				"MLI RUS T-72B3 delivered ordered=- delivered=10/exact batches=[2020:10/exact<11>] sources=[11:2,3]",
				"MLI TUR Bayraktar TB2 in_service ordered=- delivered=- sources=[10:1]",
			}},
		{"rejected records are left out; corrected count; confirmed shows",
			[]store.Record{
				reviewed(transfer(1, 10, "MLI CHN VN2C 8/exact delivered 2023-03"), store.ReviewRejected),
				reviewed(transfer(2, 11, "MLI CHN VN2C 6/exact delivered 2023-03"), store.ReviewCorrected),
				reviewed(transfer(3, 12, "MLI CHN VN2C 6/exact delivered 2023-03"), store.ReviewConfirmed),
				reviewed(transfer(4, 13, "MLI RUS T-72B3 8/exact delivered 2023-03"), store.ReviewRejected),
			}, nil,
			[]string{"MLI CHN VN2C delivered ordered=- delivered=6/exact batches=[2023-03:6/exact<11,12>] sources=[11:2 12:3] confirmed"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := c.docs
			if d == nil {
				d = docs()
			}
			var got []string
			for _, r := range register.Build(register.Input{Records: c.recs, Documents: d}, cat) {
				got = append(got, render(r))
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(c.want, "\n\t"))
			}
		})
	}
}

func TestSourceURLs(t *testing.T) {
	d := docs()
	d[11] = store.Document{ID: 11, Sources: []string{"/data/a.txt", "/data/b.txt"}, TwinOf: 10}
	d[12] = store.Document{ID: 12, Sources: []string{"/data/c.txt"}}
	recs := []store.Record{
		transfer(1, 11, "MLI CHN VN2C 6/exact delivered 2023-03"),
		transfer(2, 12, "MLI CHN VN2C 6/exact delivered 2023-03"),
		transfer(3, 13, "MLI CHN VN2C 6/exact delivered 2023-03"),
	}
	recs[2].Source = "/data/d.txt"
	delete(d, 13)
	rows := register.Build(register.Input{Records: recs, Documents: d}, testCatalog(t))
	want := []register.Source{
		{DocumentID: 10, URL: "https://example.org/10", RecordIDs: []int64{1}},
		{DocumentID: 12, URL: "/data/c.txt", RecordIDs: []int64{2}},
		{DocumentID: 13, URL: "/data/d.txt", RecordIDs: []int64{3}},
	}
	if len(rows) != 1 || !reflect.DeepEqual(rows[0].Sources, want) {
		t.Errorf("got %+v, want one row with sources %+v", rows, want)
	}
}

func TestScope(t *testing.T) {
	recs := []store.Record{
		transfer(1, 10, "MLI KOR KM450 50/exact delivered 2021"),
		transfer(2, 10, "MLI RUS AK-103 ?/unknown delivered 2021"),
		transfer(3, 10, "MLI RUS T-72B3 10/exact delivered 2021"),
		transfer(4, 10, "MLI TUR TB2 2/exact delivered 2021"),
		transfer(5, 10, "MLI CHN P18 2/exact delivered 2021"), // uncatalogued: the record's category
		transfer(6, 10, "MLI CHN - ?/unknown delivered 2021"),
	}
	recs[4].Category = "naval vessel"
	recs[5].Category = "other"
	recs[2].Category = "unarmoured vehicle" // the catalog knows better
	var got []string
	for _, r := range register.Build(register.Input{Records: recs, Documents: docs()}, testCatalog(t)) {
		got = append(got, fmt.Sprintf("%s %s %v", dash(r.Designation), r.Category, r.InSIPRIScope))
	}
	want := []string{
		"- other false",
		"P18 naval vessel true",
		"KM450 unarmoured vehicle false",
		"AK-103 small arms false",
		"T-72B3 armoured vehicle true",
		"Bayraktar TB2 drone true",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// lifecycleInput is a deal told by several outlets, with events that lead
// to it and events that do not.
func lifecycleInput() register.Input {
	norinco := func(r store.Record) store.Record {
		r.Manufacturer = record.Ptr("Norinco")
		return r
	}
	return register.Input{Documents: docs(), Records: []store.Record{
		event(1, 10, record.EventVisit, "2024-09-01", "CHN", "Assimi Goïta", "Mali"),
		event(2, 10, record.EventAgreement, "2024-09-02", "CHN", "Mali", "Norinco"),
		event(3, 11, record.EventAgreement, "2024-09-02", "CHN", "Mali", "Norinco"), // retold: one step
		event(4, 12, record.EventInvestment, "2024-05", "MLI", "Ganfeng", "Mali"),   // the recipient side only
		event(5, 12, record.EventVisit, "2021-06", "CHN", "Mali", "China"),          // more than two years before
		event(6, 12, record.EventMeeting, "2023-02", "-", "Ministry of Defence and Veterans Affairs", "Norinco"),
		event(7, 12, record.EventMeeting, "2025-02", "MLI", "Mali", "China"), // after the contract
		event(8, 13, record.EventVisit, "-", "CHN", "Mali", "China"),         // undated
		norinco(transfer(20, 10, "MLI CHN VN2C ?/unknown contracted 2024-09-02")),
		norinco(transfer(21, 11, "MLI - VN2C 4/exact delivered 2025-01")),
		norinco(transfer(22, 13, "MLI CHN VN2C 2/exact delivered 2025-06")),
		transfer(23, 12, "MLI KOR KM450 ?/unknown contracted 2024-09-10"),
		transfer(24, 14, "MLI - - ?/unknown contracted 2024-09-02"),
	}}
}

func TestLifecycle(t *testing.T) {
	rows := register.Build(lifecycleInput(), testCatalog(t))
	got := map[string][]string{}
	for _, r := range rows {
		var steps []string
		for _, s := range r.Lifecycle {
			steps = append(steps, fmt.Sprintf("%s %s %s @%d", s.Date, s.Kind, s.Label, s.DocumentID))
		}
		for _, e := range r.Events {
			steps = append(steps, fmt.Sprintf("event %d", e.RecordID))
		}
		got[r.Designation] = steps
	}
	want := map[string][]string{
		"VN2C": {
			"2023-02 meeting (Ministry of Defence and Veterans Affairs, Norinco) @12",
			"2024-09-01 visit (Assimi Goïta, Mali) @10",
			"2024-09-02 agreement (Mali, Norinco) @10",
			"2024-09-02 contracted VN2C @10",
			"2025-01 delivered 4 VN2C @11",
			"2025-06 delivered 2 VN2C @13",
			"event 1", "event 2", "event 3", "event 6",
		},
		// A contract on another day, with a supplier no event names.
		"KM450": {"2024-09-10 contracted KM450 @12"},
		// Unspecified equipment and no supplier: only the signing that day.
		"": {
			"2024-09-02 agreement (Mali, Norinco) @10",
			"2024-09-02 contracted equipment @14",
			"event 2", "event 3",
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestDeterministic(t *testing.T) {
	cat := testCatalog(t)
	in := lifecycleInput()
	for i, spec := range []string{
		"MLI CHN VN2C 6/exact delivered 2023-03", "MLI CHN VN2C 8/exact delivered 2023-03",
		"MLI RUS VN2C 6/exact delivered 2023", "MLI - VN22 1/exact delivered 2023",
		"MLI - - ?/unknown delivered 2023", "MLI CHN - ?/unknown delivered 2023",
		"MLI RUS - ?/unknown delivered 2023", "MLI TUR TB2 2/at_least planned 2022",
	} {
		in.Records = append(in.Records, transfer(int64(100+i), int64(10+i), spec))
	}
	want := register.Build(in, cat)
	rng := rand.New(rand.NewSource(1))
	for range 20 {
		shuffled := append([]store.Record(nil), in.Records...)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		if got := register.Build(register.Input{Records: shuffled, Documents: in.Documents}, cat); !reflect.DeepEqual(got, want) {
			t.Fatalf("order changed the register:\n%v\nwant\n%v", got, want)
		}
	}
}

func TestTotals(t *testing.T) {
	rows := register.Build(register.Input{Documents: docs(), Records: []store.Record{
		transfer(1, 10, "MLI CHN VN2C 6/exact contracted 2022"),
		transfer(2, 10, "MLI CHN VN2C 4/exact delivered 2023"),
		transfer(3, 11, "MLI CHN VN22 ?/unknown delivered 2023"),
		transfer(4, 11, "MLI TUR TB2 6/exact planned 2024"),
		transfer(5, 11, "MLI KOR KM450 50/exact delivered 2021"),
		transfer(6, 12, "MLI RUS T-72B3 10/exact delivered 2021"),
	}}, testCatalog(t))
	want := []register.Total{
		{Recipient: "MLI", Supplier: "CHN", Deals: 2, Ordered: 6, Delivered: 4, Partial: true},
		{Recipient: "MLI", Supplier: "RUS", Deals: 1, Delivered: 10},
	}
	if got := register.Totals(rows); !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

// TestDefaultCatalog checks the embedded catalog's spellings meet.
func TestDefaultCatalog(t *testing.T) {
	rows := register.Build(register.Input{Documents: docs(), Records: []store.Record{
		transfer(1, 10, "MLI CHN VN-2C 6/exact delivered 2021"),
		transfer(2, 11, "MLI CHN VN2C 6/exact delivered 2021"),
	}}, catalog.MustDefault())
	if len(rows) != 1 || rows[0].Designation != "VN2C" || len(rows[0].Sources) != 2 || !rows[0].InSIPRIScope {
		t.Errorf("got %+v, want one VN2C row with two sources", rows)
	}
}

// A contract dated only by its year names no day: it does not claim the
// agreements of that year between other parties.
func TestYearOnlyContractClaimsNoAgreement(t *testing.T) {
	in := register.Input{Documents: docs(), Records: []store.Record{
		event(1, 10, record.EventAgreement, "2021", "FRA", "France", "India"),
		event(2, 11, record.EventAgreement, "2021-03-04", "FRA", "France", "India"),
		transfer(20, 12, "MLI KOR KM450 ?/unknown contracted 2021"),
		transfer(21, 13, "MLI KOR K9 ?/unknown contracted 2021-03-04"),
	}}
	for _, r := range register.Build(in, testCatalog(t)) {
		var linked []int64
		for _, e := range r.Events {
			linked = append(linked, e.RecordID)
		}
		want := map[string][]int64{"KM450": nil, "K9": {2}}[r.Designation]
		if !reflect.DeepEqual(linked, want) {
			t.Errorf("%s links events %v, want %v", r.Designation, linked, want)
		}
	}
}

// Load reads the twins a recipient's documents reprint, and theirs in
// turn, though they tell nothing of the recipient.
func TestLoadReadsTwinChains(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var twinOf int64
	for i, recipient := range []string{"NER", "NER", "MLI"} {
		doc := &store.Document{URL: fmt.Sprintf("https://example.org/%d", i), Title: "t", Body: fmt.Sprintf("body %d", i),
			Sources: []string{fmt.Sprintf("%d.txt", i)}, TwinOf: twinOf}
		rec := transfer(0, 0, recipient+" CHN VN2C 6/exact delivered 2023-03").Record
		if twinOf, _, err = st.AddDocument(ctx, doc, []record.Record{rec}); err != nil {
			t.Fatal(err)
		}
	}
	in, err := register.Load(ctx, st, testCatalog(t), "MLI")
	if err != nil {
		t.Fatal(err)
	}
	for id := int64(1); id <= 3; id++ {
		if d := in.Documents[id]; d.ID != id || d.URL == "" || d.Body != "" {
			t.Errorf("document %d = %+v, want it without its body", id, d)
		}
	}
	if len(in.Documents) != 3 {
		t.Errorf("%d documents, want 3", len(in.Documents))
	}
}
