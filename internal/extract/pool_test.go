package extract_test

import (
	"encoding/json"
	"testing"

	"github.com/dossier-osint/dossier/internal/catalog"
	"github.com/dossier-osint/dossier/internal/extract"
	"github.com/dossier-osint/dossier/internal/record"
)

// TestRecordsOutliveTheNextDocument: Extract keeps its per-document
// memory for the next document, so a record pointing into it would change
// as later documents are read. Every sample's records must read the same
// after all the others are extracted.
func TestRecordsOutliveTheNextDocument(t *testing.T) {
	cat := catalog.MustDefault()
	docs := sampleAndDevDocs(t)
	var made [][]record.Record
	var first []string // each document's records as read when made
	for _, doc := range docs {
		recs := extract.Document(cat, doc)
		b, _ := json.Marshal(recs)
		made, first = append(made, recs), append(first, string(b))
	}
	for k, recs := range made {
		if again, _ := json.Marshal(recs); string(again) != first[k] {
			t.Errorf("%s: its records changed after later documents:\n%s\nnow\n%s", docs[k].Source, first[k], again)
		}
	}
	if len(docs) < 2 {
		t.Fatal("too few documents to test with")
	}
}
