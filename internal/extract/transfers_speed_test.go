package extract

import (
	"testing"

	"github.com/dossier-osint/dossier/internal/annotate"
	"github.com/dossier-osint/dossier/internal/annotate/testtext"
	"github.com/dossier-osint/dossier/internal/catalog"
)

// TestConsignmentOpeningAsLead holds up listedIn's first test: every lead
// consignmentLead matches opens as consignmentOpening says, in the
// written articles and in phrases built of its words, near misses and
// white space of every kind.
func TestConsignmentOpeningAsLead(t *testing.T) {
	words := []string{"The", "the", "THE", "This", "That", "Its", "its", "Their", "Thé", "İts", "X", "consignment",
		"shipment", "equipment", "batch", "cargo", "new", "which", "arrived,", "included", "includes", "comprised",
		"consisted", "of", "contains", "lists", "list", "Included", ";"}
	seps := []string{" ", "  ", "\t", "\n", "\f", "\r", "\v", "\u00a0", "", ", "}
	texts := append([]string{"", " ", "T", "I", " The shipment included ", "\u00a0The shipment included ",
		"\vThe shipment included ", "\n\tIts cargo contains "}, testtext.ArticleLines(t)...)
	texts = append(texts, testtext.Phrases(11, 30000, 7, words, seps)...)
	matched := 0
	for _, lead := range texts {
		for _, l := range []string{lead, lead + " ", " " + lead} {
			if consignmentLead.MatchString(l) {
				matched++
				if !consignmentOpening(l) {
					t.Errorf("consignmentOpening(%q) = false, but consignmentLead matches", l)
				}
			}
		}
	}
	if matched < 20 {
		t.Fatalf("only %d leads match consignmentLead", matched)
	}
}

// TestCountedRulesPastTheirGates holds up the tests of counts and dates
// that batches, oneByOne, fleetTotal, countArriving and quantityOfAfter
// now make first: in sentences written for each rule, which have the
// counts and dates it needs, each still reads its phrase.
func TestCountedRulesPastTheirGates(t *testing.T) {
	cat := catalog.MustDefault()
	type reading struct {
		body string
		read func(x *docState, g trigger, it *item) bool
	}
	readings := []reading{
		{"Serbia received 12 Rafale jets in two batches of six, in May 2023 and in February 2024.",
			func(x *docState, g trigger, _ *item) bool { _, dates := x.batches(0, g); return len(dates) == 2 }},
		{"Turkey transferred two Ada frigates to Pakistan, the first in December 2020 and the second in April 2021.",
			func(x *docState, g trigger, _ *item) bool { _, dates := x.oneByOne(0, g, 2); return len(dates) == 2 }},
		{"Egypt took delivery of two more Rafale jets, bringing its fleet to at least eight.",
			func(x *docState, g trigger, _ *item) bool { return x.fleetTotal(0, g) != nil }},
		{"Serbia took delivery of a second batch of Yak-130 trainers from Russia, with six aircraft arriving on Tuesday.",
			func(x *docState, _ trigger, it *item) bool { return it != nil && x.countArriving(it) != nil }},
		{"Turkey delivered armoured vehicles of type Ejder Yalçın to Georgia in quantity of twenty-four units.",
			func(x *docState, _ trigger, it *item) bool { return it != nil && x.quantityOfAfter(it) != nil }},
	}
	for _, r := range readings {
		d := annotate.Annotate(cat, r.body, "", "2024-06-01", "")
		x := newDocState(d)
		items := x.items(nil, 0, nil, nil)
		var it *item
		if len(items) > 0 {
			it = &items[0]
		}
		read := false
		for _, g := range x.triggers[0] {
			read = read || r.read(x, g, it)
		}
		if !read {
			t.Errorf("%q: its rule reads nothing (%d triggers, %d items)", r.body, len(x.triggers[0]), len(items))
		}
		d.Release()
	}
}

// TestSeriesItemsNeedAnOrderLookingBack holds up the test in items that
// skips seriesItems in a sentence with no order looking back
// (orderLooksBack): there it gives no items, in the written and held-out
// articles, the samples and the bodies below.
func TestSeriesItemsNeedAnOrderLookingBack(t *testing.T) {
	bodies := []string{
		"Nigeria received two T129 helicopters on Tuesday, the first of six ordered in 2022.",
		"Ghana took delivery of the remaining three of the six ordered under a 2020 contract.",
		"Kenya received two T129 helicopters on Tuesday, the first of six it plans to buy.",
		"Peru received the first of four OPV 58 S vessels. The second of four was launched in May.",
	}
	skipped, kept := 0, 0
	readItems(t, bodies, itemWalk{sentence: func(name string, x *docState, i int, items, history []item) {
		if x.orderLooksBack(i) {
			for _, it := range items {
				if it.series {
					kept++
				}
			}
			return
		}
		skipped++
		if got := len(x.seriesItems(i, items)); got > 0 {
			t.Errorf("%s: sentence %d with no order looking back gives %d series items", name, i, got)
		}
	}})
	if skipped < 1000 || kept == 0 {
		t.Fatalf("%d sentences skipped, %d series items kept", skipped, kept)
	}
}
