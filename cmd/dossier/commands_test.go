package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-osint/dossier/internal/record"
)

// ingested returns a database holding the sample articles and a reprint of
// one of them under another name.
func ingested(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "t.db")
	dir := t.TempDir()
	if err := writeSamples(dir); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if err := run([]string{"ingest", "--db", db, dir}, nil, &out, &errOut); err != nil {
		t.Fatalf("ingest: %v\n%s", err, errOut.String())
	}
	if !strings.Contains(out.String(), "3 new") {
		t.Fatalf("ingest summary: %s", out.String())
	}
	return db
}

func cli(t *testing.T, args ...string) string {
	t.Helper()
	var out, errOut bytes.Buffer
	if err := run(args, nil, &out, &errOut); err != nil {
		t.Fatalf("%v: %v\n%s", args, err, errOut.String())
	}
	return out.String()
}

func TestRecordsFiltersAndFormats(t *testing.T) {
	db := ingested(t)
	var recs []record.Record
	if err := json.Unmarshal([]byte(cli(t, "records", "--db", db, "--recipient", "MLI", "--status", "delivered", "--format", "json")), &recs); err != nil {
		t.Fatal(err)
	}
	if len(recs) < 5 {
		t.Fatalf("%d delivered Mali records, want the sample's deliveries", len(recs))
	}
	for _, r := range recs {
		if r.Recipient != "MLI" || r.Status != record.StatusDelivered {
			t.Errorf("filter let through %+v", r)
		}
	}
	rows, err := csv.NewReader(strings.NewReader(cli(t, "records", "--db", db, "--designation", "VN-2C", "--format", "csv"))).ReadAll()
	if err != nil || len(rows) != 2 || rows[1][6] != "VN2C" {
		t.Errorf("csv for VN-2C: %v, %v; want a header and the VN2C row", rows, err)
	}
	if out := cli(t, "records", "--db", db, "--since", "2023", "--until", "2023", "--format", "jsonl"); strings.Contains(out, `"date":"2021"`) {
		t.Errorf("--since/--until 2023 let a 2021 record through")
	}
}

func TestExportIsTheGuidelinesFormat(t *testing.T) {
	db := ingested(t)
	lines := strings.Split(strings.TrimSpace(cli(t, "export", "--db", db)), "\n")
	if len(lines) < 20 {
		t.Fatalf("%d records exported", len(lines))
	}
	for _, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatal(err)
		}
		if m["source"] == "" || m["evidence"] == nil {
			t.Errorf("record without source or evidence: %s", l)
		}
		if _, ok := m["id"]; ok {
			t.Errorf("store fields leaked into the export: %s", l)
		}
	}
}

func TestRegisterMergesAndLinks(t *testing.T) {
	db := ingested(t)
	out := cli(t, "register", "--db", db, "--recipient", "MLI")
	for _, want := range []string{"VN2C", "KM450", "outside SIPRI scope", "2023-03, 2023-06", "visit 2024-09-02 → agreement 2024-09-02 → contracted 2024-09-02"} {
		if !strings.Contains(out, want) {
			t.Errorf("register lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "NER") {
		t.Error("--recipient MLI showed Niger's rows")
	}
	sipri := cli(t, "register", "--db", db, "--recipient", "MLI", "--sipri")
	if strings.Contains(sipri, "KM450") {
		t.Error("--sipri kept trucks, which SIPRI leaves out")
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(cli(t, "register", "--db", db, "--format", "json")), &rows); err != nil || len(rows) == 0 {
		t.Errorf("json register: %v", err)
	}
}

func TestSearchStatsAndReextract(t *testing.T) {
	db := ingested(t)
	if out := cli(t, "search", "--db", db, "Norinco"); !strings.Contains(out, "[Norinco]") {
		t.Errorf("search shows no highlighted hit:\n%s", out)
	}
	if out := cli(t, "search", "--db", db, "zzyzx"); !strings.Contains(out, "no document") {
		t.Errorf("a search without hits says: %s", out)
	}
	stats := cli(t, "stats", "--db", db)
	if !strings.Contains(stats, "documents  3") || !strings.Contains(stats, "MLI") {
		t.Errorf("stats:\n%s", stats)
	}
	if out := cli(t, "reextract", "--db", db); !strings.Contains(out, "3 documents re-extracted, 0 changed") {
		t.Errorf("re-extracting with the same extractor changed records: %s", out)
	}
}

func TestCatalogCommands(t *testing.T) {
	if out := cli(t, "catalog", "search", "vn 2c"); !strings.Contains(strings.SplitN(out, "\n", 3)[1], "VN2C") {
		t.Errorf("catalog search vn 2c:\n%s", out)
	}
	if out := cli(t, "catalog", "show", "Mi-35M"); !strings.Contains(out, "Mi-24") {
		t.Errorf("catalog show Mi-35M lacks its family:\n%s", out)
	}
	if out := cli(t, "catalog", "stats"); !strings.Contains(out, "armoured vehicle") {
		t.Errorf("catalog stats:\n%s", out)
	}

	// A designation the catalog lacks is listed by catalog unknown.
	db := filepath.Join(t.TempDir(), "u.db")
	art := filepath.Join(t.TempDir(), "zx.txt")
	os.WriteFile(art, []byte("url: https://example.org/x\ntitle: x\npublished: 2024-01-10\n---\nChad took delivery of a dozen ZX-900 armoured vehicles from China's Norinco on Monday.\n"), 0o644)
	cli(t, "ingest", "--db", db, art)
	if out := cli(t, "catalog", "unknown", "--db", db); !strings.Contains(out, "ZX-900") || !strings.Contains(out, "Chad took delivery") {
		t.Errorf("catalog unknown:\n%s", out)
	}

	// import-sipri adds what the catalog lacks to the user's file, which
	// then counts for extraction.
	sipri := filepath.Join(t.TempDir(), "register.csv")
	os.WriteFile(sipri, []byte("Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,Weapon description,Number delivered, ,Year(s) of delivery,status,Comments\n"+
		"Chad,China,2022,,12,,ZX-900,armoured personnel carrier,12,,2023,New,\nMali,China,2019,,6,,VN-2C,IFV,6,,2021,New,\n"), 0o644)
	user := filepath.Join(t.TempDir(), "catalog.tsv")
	if out := cli(t, "catalog", "import-sipri", "--out", user, sipri); !strings.Contains(out, "1 designations") {
		t.Errorf("import-sipri: %s", out)
	}
	data, _ := os.ReadFile(user)
	if !strings.Contains(string(data), "ZX-900\t\tarmoured vehicle\t\tCHN") || strings.Contains(string(data), "VN-2C") {
		t.Errorf("user catalog:\n%s", data)
	}
	if out := cli(t, "catalog", "show", "--catalog", user, "ZX-900"); !strings.Contains(out, "armoured vehicle") {
		t.Errorf("the imported system is not in the catalog:\n%s", out)
	}
}

// TestImportSIPRIFromSharedData reads the SIPRI trade register the project
// holds for tests.
func TestImportSIPRIFromSharedData(t *testing.T) {
	file := "../../../shared/data/sipri_trade_register_1950_2024.csv"
	if _, err := os.Stat(file); err != nil {
		t.Skip("no shared data")
	}
	user := filepath.Join(t.TempDir(), "catalog.tsv")
	out := cli(t, "catalog", "import-sipri", "--out", user, file)
	if !strings.Contains(out, "29503 rows read") {
		t.Errorf("import-sipri: %s", out)
	}
	if _, err := loadCatalog(user); err != nil {
		t.Errorf("the imported catalog does not load: %v", err)
	}
}
