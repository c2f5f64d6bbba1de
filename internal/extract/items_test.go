package extract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dossier-osint/dossier/internal/annotate"
	"github.com/dossier-osint/dossier/internal/catalog"
	"github.com/dossier-osint/dossier/internal/document"
)

// TestItemsSkipsWhatGivesNothing holds up the tests in items that skip
// seriesItems and moreItems in a sentence with no quantities, and
// themItems and talksItems in one with no triggers: there they give no
// items, in the written and held-out articles and the samples.
func TestItemsSkipsWhatGivesNothing(t *testing.T) {
	cat := catalog.MustDefault()
	files, _ := filepath.Glob("testdata/articles/*.txt")
	for _, pattern := range []string{"testdata/heldout/*.txt", "../../samples/*.txt"} {
		found, _ := filepath.Glob(pattern)
		files = append(files, found...)
	}
	if len(files) < 100 {
		t.Fatalf("only %d articles found", len(files))
	}
	skipped := 0
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
			if len(d.Qty[i]) == 0 {
				skipped++
				if got := len(x.seriesItems(i, items)) + len(x.moreItems(i, history, items)); got > 0 {
					t.Errorf("%s: sentence %d with no quantities gives %d items", name, i, got)
				}
			}
			if len(x.triggers[i]) == 0 {
				skipped++
				if got := len(x.themItems(i, items)) + len(x.talksItems(i, items)); got > 0 {
					t.Errorf("%s: sentence %d with no triggers gives %d items", name, i, got)
				}
			}
			for _, it := range items {
				if it.designation != "" && it.antecedent < 0 {
					history = append(history, it)
				}
			}
		}
		d.Release()
	}
	if skipped < 1000 {
		t.Fatalf("only %d sentences skipped", skipped)
	}
}
