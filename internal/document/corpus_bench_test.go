package document

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkParseCorpus parses the first directory of the 10 MB corpus
// that ./bench/run writes (under $BENCH_DIR, as there), a workload of
// header articles; it is skipped until that corpus exists.
func BenchmarkParseCorpus(b *testing.B) {
	work := os.Getenv("BENCH_DIR")
	if work == "" {
		work = filepath.Join(os.TempDir(), "dossier-peerbench")
	}
	files, _ := filepath.Glob(filepath.Join(work, "corpus-10mb", "000", "*.txt"))
	if len(files) == 0 {
		b.Skip("no generated corpus under " + work + ": run ./bench/run first")
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
