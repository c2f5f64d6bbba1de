package extract

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/dossier-osint/dossier/internal/annotate"
	"github.com/dossier-osint/dossier/internal/catalog"
	"github.com/dossier-osint/dossier/internal/document"
)

// TestGovernedItemsReadAsAgain checks the readings appendTransfersOf takes
// from what distracted read: for every item of the written and held-out
// articles and the samples, the count before it and its governors are
// what reading the item again gives.
func TestGovernedItemsReadAsAgain(t *testing.T) {
	cat := catalog.MustDefault()
	var files []string
	for _, pattern := range []string{"testdata/articles/*.txt", "testdata/heldout/*.txt", "../../samples/*.txt"} {
		found, _ := filepath.Glob(pattern)
		files = append(files, found...)
	}
	if len(files) < 100 {
		t.Fatalf("only %d articles found", len(files))
	}
	reused := 0
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := document.Parse(name, data)
		if err != nil {
			t.Fatal(err)
		}
		d := annotate.Annotate(cat, doc.Body, doc.Title, doc.Published, doc.URL)
		x := newDocState(d)
		var history []item
		read := x.readable()
		for ri, i := range read {
			items := x.items(nil, i, read[ri+1:], history)
			for _, it := range items {
				r := x.governedItemOf(it)
				if r == nil {
					continue
				}
				reused++
				qty := x.quantityBefore(it)
				if !reflect.DeepEqual(r.qty, qty) || !reflect.DeepEqual(r.govs, x.governors(it, qty)) {
					t.Errorf("%s: item %q of sentence %d: kept %+v, %+v; read again %+v, %+v",
						name, x.text(it.start, it.end), i, r.qty, r.govs, qty, x.governors(it, qty))
				}
				if it.designation != "" && it.antecedent < 0 {
					history = append(history, it)
				}
			}
		}
		d.Release()
	}
	if reused < 100 {
		t.Fatalf("only %d items read again", reused)
	}
}
