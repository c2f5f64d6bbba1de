package extract_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dossier-osint/dossier/internal/annotate"
	"github.com/dossier-osint/dossier/internal/catalog"
	"github.com/dossier-osint/dossier/internal/extract"
)

// FuzzExtract runs the whole job on any body: no panic, every evidence
// span inside the body, and records that encode.
func FuzzExtract(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(writtenDir, "*.txt"))
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		_, body, _ := strings.Cut(string(data), "\n---\n")
		for _, para := range strings.Split(body, "\n\n") {
			f.Add(para, "")
		}
	}
	f.Add("Mali received six TB2s in two batches of three, in May 2023 and in", "Mali buys drones")
	cat := catalog.MustDefault()
	f.Fuzz(func(t *testing.T, body, title string) {
		d := annotate.Annotate(cat, body, title, "2024-09-03", "")
		runes := utf8.RuneCountInString(body)
		for _, r := range extract.Extract(d, "fuzz.txt") {
			for _, ev := range r.Evidence {
				if ev.Start < 0 || ev.End > runes || ev.Start >= ev.End {
					t.Fatalf("evidence %+v outside a body of %d runes: %q", ev, runes, body)
				}
			}
			if _, err := json.Marshal(r); err != nil {
				t.Fatalf("record %+v does not encode: %v", r, err)
			}
		}
	})
}
