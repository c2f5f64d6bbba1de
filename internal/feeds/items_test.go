package feeds

import (
	"slices"
	"strings"
	"testing"
)

const atomFeed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Wire</title><id>urn:wire</id><updated>2026-03-01T00:00:00Z</updated>
  <entry><id>urn:wire:1</id><title>One</title><link href="https://wire.example/1#top"/><updated>2026-03-01T00:00:00Z</updated></entry>
  <entry><id>urn:wire:1</id><title>One again</title><link href="https://wire.example/1"/><updated>2026-03-01T00:00:00Z</updated></entry>
  <entry><id>urn:wire:2</id><title>Two</title><link href="javascript:alert(1)"/><updated>2026-03-01T00:00:00Z</updated></entry>
</feed>`

const rssFeed = `<rss version="2.0"><channel><title>Wire</title>
<item><title>Relative</title><link>2026/03/story</link></item>
<item><title>Local file</title><link>file:///etc/passwd</link></item>
<item><title>Nothing to tell it apart</title></item>
</channel></rss>`

const jsonFeed = `{"version":"https://jsonfeed.org/version/1.1","title":"Wire","items":[{"id":"7","url":"https://wire.example/7","title":"Seven"}]}`

func TestParseItems(t *testing.T) {
	for _, c := range []struct {
		name, body string
		want       []Item
	}{
		// Keys are GUIDs; a repeated one is dropped; only http(s) links are kept.
		{"atom", atomFeed, []Item{{"urn:wire:1", "https://wire.example/1", "One"}, {"urn:wire:2", "", "Two"}}},
		// Without a GUID the link is the key; links resolve against the feed.
		{"rss", rssFeed, []Item{{"https://wire.example/news/2026/03/story", "https://wire.example/news/2026/03/story", "Relative"}}},
		{"json", jsonFeed, []Item{{"7", "https://wire.example/7", "Seven"}}},
	} {
		got, err := ParseItems([]byte(c.body), "https://wire.example/news/feed.xml")
		if err != nil || !slices.Equal(got, c.want) {
			t.Errorf("%s: %+v, %v; want %+v", c.name, got, err, c.want)
		}
	}
}

func FuzzParseItems(f *testing.F) {
	for _, seed := range []string{atomFeed, rssFeed, jsonFeed, "", "<rss", `{"items":[{}]}`, "<feed><entry><link href=\"//x\"/></entry></feed>",
		`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><item><link>http://a/</link></item></rdf:RDF>`} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		items, err := ParseItems(data, "https://wire.example/feed.xml")
		if err != nil {
			return
		}
		keys := map[string]bool{}
		for _, it := range items {
			if it.Key == "" || keys[it.Key] {
				t.Fatalf("blank or repeated key in %+v", items)
			}
			keys[it.Key] = true
			// Only a web address may reach the ingester, which reads other
			// sources as local files.
			if it.Link != "" && !strings.HasPrefix(it.Link, "http://") && !strings.HasPrefix(it.Link, "https://") {
				t.Fatalf("link %q is not a web address", it.Link)
			}
		}
	})
}
