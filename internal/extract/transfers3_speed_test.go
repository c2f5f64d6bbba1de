package extract

import "testing"

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
