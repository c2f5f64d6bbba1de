package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-osint/dossier/internal/record"
)

const sampleArticle = `url: https://example.org/2024/03/01/story
title: Ghana receives patrol boats
published: 2024-03-01
---
Ghana's navy took delivery of four Flex Fighter patrol boats from France's Ocea on Tuesday.
`

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestExtractPrintsJSONLines(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "ghana.txt", []byte(sampleArticle))
	var out, errOut bytes.Buffer
	if err := run([]string{"extract", good}, nil, &out, &errOut); err != nil {
		t.Fatalf("extract failed: %v\n%s", err, errOut.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) == 0 || lines[0] == "" {
		t.Fatal("no records printed")
	}
	var found bool
	for _, l := range lines {
		var r record.Record
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("line is not a record: %q: %v", l, err)
		}
		if r.Source != good {
			t.Errorf("source = %q, want %q", r.Source, good)
		}
		if len(r.Evidence) == 0 {
			t.Errorf("record without evidence: %s", l)
		}
		if r.Kind == record.KindTransfer && r.Recipient == "GHA" && r.Status == record.StatusDelivered {
			found = true
			if got := record.Str(r.Date); got != "2024-02-27" {
				t.Errorf("date = %q, want the Tuesday before publication, 2024-02-27", got)
			}
			if r.Quantity.Value == nil || *r.Quantity.Value != 4 {
				t.Errorf("quantity = %+v, want 4", r.Quantity)
			}
			if record.Str(r.Supplier) != "FRA" {
				t.Errorf("supplier = %q, want FRA", record.Str(r.Supplier))
			}
		}
	}
	if !found {
		t.Errorf("no delivery to Ghana among:\n%s", out.String())
	}
}

func TestExtractReportsBadFilesAndGoesOn(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "good.txt", []byte(sampleArticle))
	empty := writeFile(t, dir, "empty.txt", nil)
	binary := writeFile(t, dir, "binary.txt", []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2})
	latin1 := writeFile(t, dir, "latin1.txt", []byte("Mali re\xe7oit des blind\xe9s."))
	missing := filepath.Join(dir, "missing.txt")
	var out, errOut bytes.Buffer
	err := run([]string{"extract", empty, good, binary, latin1, missing}, nil, &out, &errOut)
	if !errors.Is(err, errReported) {
		t.Fatalf("want a failure after the run, got %v", err)
	}
	for _, want := range []string{empty + ": empty", binary + ": binary", latin1 + ": not valid UTF-8", missing + ":"} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut.String())
		}
	}
	if !strings.Contains(out.String(), `"recipient":"GHA"`) {
		t.Errorf("the good file was not extracted:\n%s", out.String())
	}
}

func TestExtractReadsStandardInputAndFormats(t *testing.T) {
	for _, format := range []string{"json", "table"} {
		var out, errOut bytes.Buffer
		if err := run([]string{"extract", "--format", format, "-"}, strings.NewReader(sampleArticle), &out, &errOut); err != nil {
			t.Fatalf("%s: %v\n%s", format, err, errOut.String())
		}
		switch format {
		case "json":
			var recs []record.Record
			if err := json.Unmarshal(out.Bytes(), &recs); err != nil || len(recs) == 0 {
				t.Errorf("json output is not a list of records: %v\n%s", err, out.String())
			}
		case "table":
			if !strings.Contains(out.String(), "RECIPIENT") || !strings.Contains(out.String(), "GHA") {
				t.Errorf("table lacks its header or the record:\n%s", out.String())
			}
		}
	}
}

func TestUsageErrors(t *testing.T) {
	var out, errOut bytes.Buffer
	for _, args := range [][]string{{}, {"frobnicate"}, {"extract"}, {"extract", "--format", "xml", "x.txt"}} {
		var ue usageError
		if err := run(args, nil, &out, &errOut); !errors.As(err, &ue) {
			t.Errorf("%q: want a usage error, got %v", args, err)
		}
	}
}

func TestDemoRunsTheMainJob(t *testing.T) {
	var out, errOut bytes.Buffer
	db := filepath.Join(t.TempDir(), "demo.db")
	if err := run([]string{"demo", "--no-serve", "--db", db}, nil, &out, &errOut); err != nil {
		t.Fatalf("demo: %v\n%s", err, errOut.String())
	}
	for _, want := range []string{"VN2C", "VP11", "KM450", "MLI", "new"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("demo output lacks %q:\n%s", want, out.String())
		}
	}
}
