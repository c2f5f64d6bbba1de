package extract

import (
	"github.com/dossier-osint/dossier/internal/annotate"
	"github.com/dossier-osint/dossier/internal/catalog"
	"github.com/dossier-osint/dossier/internal/document"
	"github.com/dossier-osint/dossier/internal/record"
)

// Document annotates a parsed article and extracts its records; the
// records' source is the document's Source.
func Document(cat *catalog.Catalog, doc *document.Document) []record.Record {
	d := annotate.Annotate(cat, doc.Body, doc.Title, doc.Published, doc.URL)
	records := Extract(d, doc.Source)
	d.Release()
	return records
}
