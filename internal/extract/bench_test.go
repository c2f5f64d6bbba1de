package extract_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dossier-osint/dossier/internal/annotate"
	"github.com/dossier-osint/dossier/internal/catalog"
	"github.com/dossier-osint/dossier/internal/document"
	"github.com/dossier-osint/dossier/internal/extract"
)

// BenchmarkAnnotateExtract measures the whole job on one document at a
// time: sentences, mentions, dates, quantities and the rules. Run with
// -cpu 1 for the one-core figure the README quotes.
func BenchmarkAnnotateExtract(b *testing.B) {
	cat := catalog.MustDefault()
	docs := sampleAndDevDocs(b)
	size := 0
	for _, doc := range docs {
		size += len(doc.Body)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		for _, doc := range docs {
			d := annotate.Annotate(cat, doc.Body, doc.Title, doc.Published, doc.URL)
			extract.Extract(d, doc.Source)
			d.Release()
		}
	}
}

// sampleAndDevDocs parses the bundled samples and the dev articles.
func sampleAndDevDocs(tb testing.TB) []*document.Document {
	files, _ := filepath.Glob("../../samples/*.txt")
	dev, _ := filepath.Glob(filepath.Join(devDir, "*.txt"))
	var docs []*document.Document
	for _, f := range append(files, dev...) {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		doc, err := document.Parse(f, data)
		if err != nil {
			tb.Fatal(err)
		}
		docs = append(docs, doc)
	}
	return docs
}
