package feeds

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/mmcdole/gofeed"
)

// Item is a feed entry to follow.
type Item struct {
	// Key tells the entry from the others of its feed across polls: its
	// GUID, else its link.
	Key string
	// Link is the absolute http(s) address of the entry's page, "" when it
	// has none: such an entry cannot be fetched.
	Link  string
	Title string
}

// ParseItems reads the entries of an RSS, Atom or JSON feed, dropping
// those without a GUID or a link (nothing tells them apart) and repeats of
// a key. Relative links are resolved against base, the feed's address.
func ParseItems(body []byte, base string) ([]Item, error) {
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
		return nil, errors.New("not an RSS, Atom or JSON feed")
	}
	if err != nil {
		return nil, fmt.Errorf("malformed feed: %w", err)
	}
	baseURL, _ := url.Parse(base)
	seen := map[string]bool{}
	var items []Item
	for _, it := range feed.Items {
		if it == nil {
			continue
		}
		link := pageLink(baseURL, it.Link)
		key := strings.TrimSpace(it.GUID)
		if key == "" {
			key = link
		}
		if key == "" || seen[key] {
			continue
		}
		seen[key] = true
		items = append(items, Item{Key: key, Link: link, Title: strings.TrimSpace(it.Title)})
	}
	return items, nil
}

// pageLink makes an entry's link absolute; "" unless it is http(s), so a
// feed cannot point the ingester at a local file or another scheme.
func pageLink(base *url.URL, link string) string {
	u, err := url.Parse(strings.TrimSpace(link))
	if err != nil || link == "" {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	u.Fragment = ""
	return u.String()
}
