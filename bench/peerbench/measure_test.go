package main

import (
	"bytes"
	"errors"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

// TestFileReaderReadsWholeFiles holds fileReader to os.ReadFile on files
// empty, smaller and larger than its buffer and at its edges, short ones
// after long ones in its kept buffer, and checks that a missing file is an
// error that names it.
func TestFileReaderReadsWholeFiles(t *testing.T) {
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(1, 2))
	var files fileReader
	for i, size := range []int{0, 1, 1500, 64<<10 - 1, 64 << 10, 64<<10 + 1, 3, 300 << 10, 0, 70 << 10} {
		data := make([]byte, size)
		for j := range data {
			data[j] = byte(rng.IntN(256))
		}
		name := filepath.Join(dir, "f"+string(rune('a'+i)))
		if err := os.WriteFile(name, data, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := files.read(name)
		if err != nil {
			t.Fatalf("read(%d bytes): %v", size, err)
		}
		if !bytes.Equal(got, data) {
			t.Fatalf("read(%d bytes) gave %d bytes, not the file's", size, len(got))
		}
	}
	missing := filepath.Join(dir, "missing")
	_, err := files.read(missing)
	var pathErr *fs.PathError
	if !errors.As(err, &pathErr) || pathErr.Path != missing || !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("read(missing) = %v, want a not-exist error naming %s", err, missing)
	}
}
