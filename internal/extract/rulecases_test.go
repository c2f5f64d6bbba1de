package extract_test

import (
	"slices"
	"testing"

	"github.com/dossier-osint/dossier/internal/catalog"
	"github.com/dossier-osint/dossier/internal/record"
)

// transferCase is an article body and the transfers it must give, each
// written as transfers writes it.
type transferCase struct {
	name, body string
	want       []string
}

// checkTransferCases extracts each body, published on 2024-05-23, and
// compares its transfers with the wanted ones in any order.
func checkTransferCases(t *testing.T, cases []transferCase) {
	t.Helper()
	cat := catalog.MustDefault()
	for _, tc := range cases {
		got := transfers(run(t, cat, tc.body, "2024-05-23"))
		slices.Sort(got)
		want := slices.Clone(tc.want)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s:\n got  %q\n want %q", tc.name, got, want)
		}
	}
}

// eventCase is an article body and the events it must give, in order,
// each as its type and date ("-" for none).
type eventCase struct {
	body string
	want []string
}

// checkEventCases extracts each body, published on 2024-05-23, and
// compares its events with the wanted ones.
func checkEventCases(t *testing.T, cases []eventCase) {
	t.Helper()
	cat := catalog.MustDefault()
	for _, tc := range cases {
		var got []string
		for _, r := range run(t, cat, tc.body, "2024-05-23") {
			if r.Kind == record.KindEvent {
				got = append(got, r.Type+" "+dashIfEmpty(record.Str(r.Date)))
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: events %q, want %q", tc.body, got, tc.want)
		}
	}
}
