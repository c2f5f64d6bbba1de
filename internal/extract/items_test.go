package extract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dossier-osint/dossier/internal/annotate"
	"github.com/dossier-osint/dossier/internal/catalog"
	"github.com/dossier-osint/dossier/internal/document"
)

// articleFiles are the written and held-out articles and the samples.
func articleFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, pattern := range []string{"testdata/articles/*.txt", "testdata/heldout/*.txt", "../../samples/*.txt"} {
		found, _ := filepath.Glob(pattern)
		files = append(files, found...)
	}
	if len(files) < 100 {
		t.Fatalf("only %d articles found", len(files))
	}
	return files
}

// parseArticle is document.Parse of the file name.
func parseArticle(t *testing.T, name string) *document.Document {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := document.Parse(name, data)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// itemWalk is what readItems calls, with the article's name and state:
// sentence with the items of each sentence before they are read, item
// with each item and the records read before it (x.done) before its own
// are read. Either may be nil.
type itemWalk struct {
	sentence func(name string, x *docState, i int, items, history []item)
	item     func(name string, x *docState, it item, out []*transfer)
}

// readItems annotates each of the articles, then each of bodies, and
// reads its items as transfers does, with the same history and x.done,
// calling walk.
func readItems(t *testing.T, bodies []string, walk itemWalk) {
	cat := catalog.MustDefault()
	var docs []*annotate.Doc
	var names []string
	for _, name := range articleFiles(t) {
		doc := parseArticle(t, name)
		docs = append(docs, annotate.Annotate(cat, doc.Body, doc.Title, doc.Published, doc.URL))
		names = append(names, name)
	}
	for _, body := range bodies {
		docs = append(docs, annotate.Annotate(cat, body, "", "2024-06-01", ""))
		names = append(names, body)
	}
	for k, d := range docs {
		name := names[k]
		x := newDocState(d)
		var out []*transfer
		var history []item
		read := x.readable()
		for ri, i := range read {
			items := x.items(nil, i, read[ri+1:], history)
			if walk.sentence != nil {
				walk.sentence(name, x, i, items, history)
			}
			for _, it := range items {
				if walk.item != nil {
					x.done = out
					walk.item(name, x, it, out)
				}
				out, history = x.readItem(out, history, &it)
			}
		}
		d.Release()
	}
}

// TestItemsSkipsWhatGivesNothing holds up the tests in items that skip
// seriesItems and moreItems in a sentence with no quantities, and
// themItems and talksItems in one with no triggers: there they give no
// items, in the written and held-out articles and the samples.
func TestItemsSkipsWhatGivesNothing(t *testing.T) {
	skipped := 0
	readItems(t, nil, itemWalk{sentence: func(name string, x *docState, i int, items, history []item) {
		if len(x.d.Qty[i]) == 0 {
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
	}})
	if skipped < 1000 {
		t.Fatalf("only %d sentences skipped", skipped)
	}
}
