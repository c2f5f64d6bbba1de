package extract_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/dossier-osint/dossier/internal/catalog"
	"github.com/dossier-osint/dossier/internal/document"
	"github.com/dossier-osint/dossier/internal/extract"
)

const devDir = "../../../shared/eval/dev"

// TestDevSetQuality scores the extractor on the labelled development
// articles with the project's scorer and fails below the agreed floor.
func TestDevSetQuality(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(devDir, "*.txt"))
	if len(files) == 0 {
		if os.Getenv("CI") == "true" {
			t.Fatalf("no labelled articles in %s", devDir)
		}
		t.Skipf("no labelled articles in %s", devDir)
	}
	if _, err := exec.LookPath("python3"); err != nil {
		t.Fatalf("python3 is needed to run the scorer: %v", err)
	}
	cat := catalog.MustDefault()
	pred := filepath.Join(t.TempDir(), "pred.jsonl")
	out, err := os.Create(pred)
	if err != nil {
		t.Fatal(err)
	}
	enc := json.NewEncoder(out)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := document.Parse(f, data)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, r := range extract.Document(cat, doc) {
			if err := enc.Encode(r); err != nil {
				t.Fatal(err)
			}
		}
	}
	out.Close()
	raw, err := exec.Command("python3", filepath.Join(devDir, "..", "score.py"), devDir, pred, "--json").Output()
	if err != nil {
		t.Fatalf("score.py: %v", err)
	}
	var res struct {
		Transfer struct{ F1 float64 } `json:"transfer"`
		Event    struct{ F1 float64 } `json:"event"`
		Fields   map[string]*float64  `json:"transfer_fields"`
	}
	if err := json.Unmarshal(raw, &res); err != nil {
		t.Fatalf("reading the scorer's output: %v\n%s", err, raw)
	}
	t.Logf("transfer F1 %.3f, event F1 %.3f", res.Transfer.F1, res.Event.F1)
	if res.Transfer.F1 < 0.90 {
		t.Errorf("transfer F1 %.3f, want at least 0.90", res.Transfer.F1)
	}
	if res.Event.F1 < 0.75 {
		t.Errorf("event F1 %.3f, want at least 0.75", res.Event.F1)
	}
	for field, acc := range res.Fields {
		if acc == nil {
			continue
		}
		t.Logf("field %s %.3f", field, *acc)
		if *acc < 0.85 {
			t.Errorf("field accuracy of %s is %.3f, want at least 0.85", field, *acc)
		}
	}
}
