package main

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-osint/dossier/internal/feeds"
)

// fails runs a command that must fail and returns its standard error and error.
func fails(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := run(args, nil, &out, &errOut)
	if err == nil {
		t.Fatalf("%q succeeded:\n%s", args, out.String())
	}
	return errOut.String(), err
}

func TestFeedsAddListRemove(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	// Flags may follow the address.
	if out := cli(t, "feeds", "add", "--db", db, "https://wire.example/feed.xml", "--name", "Wire"); !strings.Contains(out, "following feed 1: https://wire.example/feed.xml") {
		t.Errorf("add: %s", out)
	}
	cli(t, "feeds", "add", "--db", db, "https://other.example/atom")
	for _, bad := range []string{"ftp://wire.example/feed", "wire.example/feed", "https://"} {
		_, err := fails(t, "feeds", "add", "--db", db, bad)
		var ue usageError
		if !errors.As(err, &ue) || !strings.Contains(err.Error(), `feed address "`+bad+`"`) {
			t.Errorf("adding %q: %v", bad, err)
		}
	}
	if _, err := fails(t, "feeds", "add", "--db", db, "https://wire.example/feed.xml"); !strings.Contains(err.Error(), "already exists") {
		t.Errorf("adding a followed feed again: %v", err)
	}

	list := cli(t, "feeds", "list", "--db", db)
	for _, want := range []string{"NAME", "LAST POLL", "NEXT POLL", "LAST ERROR", "Wire", "https://wire.example/feed.xml", "never", "due"} {
		if !strings.Contains(list, want) {
			t.Errorf("list lacks %q:\n%s", want, list)
		}
	}

	cli(t, "feeds", "remove", "--db", db, "https://wire.example/feed.xml")
	cli(t, "feeds", "remove", "--db", db, "2")
	if out := cli(t, "feeds", "list", "--db", db); !strings.Contains(out, "no feed followed") {
		t.Errorf("list after removing both: %s", out)
	}
	if _, err := fails(t, "feeds", "remove", "--db", db, "2"); !strings.Contains(err.Error(), `no followed feed has the address or ID "2"`) {
		t.Errorf("removing an unknown feed: %v", err)
	}
}

func TestFeedsImportExportRoundTrip(t *testing.T) {
	dir := t.TempDir()
	opml := writeFile(t, dir, "subs.opml", []byte(`<?xml version="1.0"?>
<opml version="2.0"><head><title>Reader</title></head><body>
  <outline text="Defence">
    <outline type="rss" text="Breaking Defense" xmlUrl="https://breakingdefense.com/feed/"/>
    <outline type="rss" text="Old gopher" xmlUrl="gopher://old.example/feed"/>
  </outline>
  <outline type="rss" text="Wire" xmlUrl="https://wire.example/feed.xml"/>
</body></opml>`))
	db := filepath.Join(dir, "a.db")
	stderr, err := fails(t, "feeds", "import", "--db", db, opml)
	if !errors.Is(err, errReported) || !strings.Contains(stderr, `feed Old gopher address "gopher://old.example/feed": unsupported scheme "gopher"`) {
		t.Errorf("import with a bad address: %v\n%s", err, stderr)
	}
	if _, err := fails(t, "feeds", "import", "--db", db, writeFile(t, dir, "x.opml", []byte("<rss/>"))); !strings.Contains(err.Error(), "x.opml: not an OPML file") {
		t.Errorf("importing a non-OPML file: %v", err)
	}

	exported := cli(t, "feeds", "export", "--db", db)
	subs, err := feeds.ReadOPML(strings.NewReader(exported))
	if err != nil || len(subs) != 2 || subs[0] != (feeds.Subscription{Name: "Breaking Defense", URL: "https://breakingdefense.com/feed/"}) ||
		subs[1] != (feeds.Subscription{Name: "Wire", URL: "https://wire.example/feed.xml"}) {
		t.Fatalf("exported %v, %v:\n%s", subs, err, exported)
	}

	// Into another database and out again: the same file.
	other := filepath.Join(dir, "b.db")
	if out := cli(t, "feeds", "import", "--db", other, writeFile(t, dir, "exported.opml", []byte(exported))); !strings.Contains(out, "2 feeds followed, 0 already followed, 0 refused") {
		t.Errorf("re-import: %s", out)
	}
	if again := cli(t, "feeds", "export", "--db", other); again != exported {
		t.Errorf("export after the round trip differs:\n%s\nwant\n%s", again, exported)
	}
	if out := cli(t, "feeds", "import", "--db", other, filepath.Join(dir, "exported.opml")); !strings.Contains(out, "0 feeds followed, 2 already followed") {
		t.Errorf("importing the same feeds twice: %s", out)
	}
}
