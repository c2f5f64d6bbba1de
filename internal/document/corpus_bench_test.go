package document

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkParseCorpus parses the generated 10 MB corpus's first directory,
// if present (see bench/peerbench), a workload of header articles.
func BenchmarkParseCorpus(b *testing.B) {
	files, _ := filepath.Glob("/tmp/dossier-peerbench/corpus-10mb/000/*.txt")
	if len(files) == 0 {
		b.Skip("no generated corpus")
	}
	datas := make([][]byte, len(files))
	size := 0
	for i, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		datas[i] = data
		size += len(data)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		for i, data := range datas {
			if _, err := Parse(files[i], data); err != nil {
				b.Fatal(err)
			}
		}
	}
}
