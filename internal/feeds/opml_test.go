package feeds

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/dossier-osint/dossier/internal/store"
)

// readerExport is an OPML file as feed readers write it: feeds in
// folders, a folder without feeds, a link that is not a feed.
const readerExport = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Subscriptions</title></head>
  <body>
    <outline text="Defence" title="Defence">
      <outline type="rss" text="Breaking Defense" title="Breaking Defense" xmlUrl="https://breakingdefense.com/feed/" htmlUrl="https://breakingdefense.com/"/>
      <outline type="rss" text="Army Recognition" xmlUrl=" https://armyrecognition.com/rss "/>
    </outline>
    <outline text="Empty folder"/>
    <outline type="link" text="A page" url="https://example.org/"/>
    <outline type="rss" text="Top level &amp; co" xmlUrl="https://wire.example/feed.xml?a=1&amp;b=2"/>
  </body>
</opml>`

func TestReadOPMLFlattensFolders(t *testing.T) {
	subs, err := ReadOPML(strings.NewReader(readerExport))
	if err != nil {
		t.Fatal(err)
	}
	want := []Subscription{
		{"Breaking Defense", "https://breakingdefense.com/feed/"},
		{"Army Recognition", "https://armyrecognition.com/rss"},
		{"Top level & co", "https://wire.example/feed.xml?a=1&b=2"},
	}
	if !slices.Equal(subs, want) {
		t.Fatalf("subscriptions %+v, want %+v", subs, want)
	}
}

func TestReadOPMLRefusesOtherFiles(t *testing.T) {
	for _, in := range []string{"", "not xml", `<rss version="2.0"><channel/></rss>`, `<opml><body><outline`} {
		if _, err := ReadOPML(strings.NewReader(in)); err == nil || !strings.Contains(err.Error(), "not an OPML file") {
			t.Errorf("%q: got %v", in, err)
		}
	}
}

func TestOPMLRoundTrip(t *testing.T) {
	feeds := []store.Feed{
		{URL: "https://wire.example/feed.xml?a=1&b=2", Name: `Wire "A" & <B>`},
		{URL: "https://unnamed.example/atom"},
	}
	var out bytes.Buffer
	if err := WriteOPML(&out, feeds); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), "<?xml") || !strings.Contains(out.String(), `<opml version="2.0">`) {
		t.Errorf("not OPML 2.0:\n%s", out.String())
	}
	subs, err := ReadOPML(&out)
	if err != nil {
		t.Fatal(err)
	}
	// A feed without a name is written with its address as text, which
	// readers show; it comes back under that name.
	want := []Subscription{{feeds[0].Name, feeds[0].URL}, {feeds[1].URL, feeds[1].URL}}
	if !slices.Equal(subs, want) {
		t.Fatalf("read back %+v, want %+v", subs, want)
	}
}

func FuzzReadOPML(f *testing.F) {
	f.Add([]byte(readerExport))
	f.Add([]byte(`<opml version="2.0"><body><outline xmlUrl="x"><outline><outline xmlUrl="y"/></outline></outline></body></opml>`))
	f.Add([]byte(`<opml><head><title>&bogus;</title></head></opml>`))
	f.Add([]byte{0xff, 0xfe, '<'})
	f.Fuzz(func(t *testing.T, data []byte) {
		subs, err := ReadOPML(bytes.NewReader(data))
		if err != nil && subs != nil {
			t.Fatalf("subscriptions %+v with error %v", subs, err)
		}
		for _, s := range subs {
			if s.URL == "" || strings.TrimSpace(s.URL) != s.URL {
				t.Fatalf("subscription with a blank or padded address: %+v", s)
			}
		}
	})
}
