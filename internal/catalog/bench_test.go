package catalog

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkLoad measures start-up: reading and indexing the embedded data.
func BenchmarkLoad(b *testing.B) {
	for range b.N {
		if _, err := Load(embedded); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMatcher measures the name matcher over article text on one core
// (run with -cpu 1).
func BenchmarkMatcher(b *testing.B) {
	c := MustDefault()
	files, _ := filepath.Glob("../../../shared/eval/dev/*.txt")
	more, _ := filepath.Glob("../../samples/*.txt")
	var sb strings.Builder
	for _, f := range append(files, more...) {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		sb.Write(data)
	}
	text := sb.String()
	if text == "" {
		b.Skip("no articles")
	}
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for range b.N {
		c.Matcher().FindAll(text)
	}
}
