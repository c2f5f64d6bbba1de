package alerts

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/dossier-osint/dossier/internal/record"
	"github.com/dossier-osint/dossier/internal/store"
)

func TestAtomParsesBackWithTheAlerts(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	wl := watch(t, st, store.Watchlist{Recipient: "NER", Category: "drone"})
	ingestSample(t, st, "niger_bayraktar")
	alerts, err := st.Alerts(ctx, store.AlertFilter{})
	if err != nil || len(alerts) == 0 {
		t.Fatalf("alerts: %d, %v", len(alerts), err)
	}
	lists, _ := st.Watchlists(ctx)

	const self = "https://dossier.example:8080/feeds/alerts.atom"
	var out bytes.Buffer
	if err := WriteAtom(&out, alerts, lists, self, time.Now()); err != nil {
		t.Fatal(err)
	}
	feed, err := gofeed.NewParser().Parse(&out)
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if feed.FeedType != "atom" || feed.FeedVersion != "1.0" || len(feed.Items) != len(alerts) || feed.FeedLink != self {
		t.Fatalf("feed %s %s with %d entries, self %q", feed.FeedType, feed.FeedVersion, len(feed.Items), feed.FeedLink)
	}
	a := alerts[0]
	e := feed.Items[0]
	wantID := fmt.Sprintf("tag:dossier.example,%s:alerts/%d", a.Created.UTC().Format(time.DateOnly), a.ID)
	wantLink := fmt.Sprintf("https://dossier.example:8080/documents/%d", a.Record.DocumentID)
	if e.GUID != wantID || e.Link != wantLink || e.UpdatedParsed == nil || !e.UpdatedParsed.Equal(a.Created.Truncate(time.Second)) {
		t.Errorf("entry id %q link %q updated %v; want %q %q %v", e.GUID, e.Link, e.UpdatedParsed, wantID, wantLink, a.Created)
	}
	if !strings.HasPrefix(e.Title, "NER ← TUR: Bayraktar TB2 (drone), ") || !strings.Contains(e.Description, fmt.Sprintf("Watchlist %d (recipient NER, category drone)", wl.ID)) {
		t.Errorf("entry title %q, summary %q", e.Title, e.Description)
	}
	if feed.UpdatedParsed == nil || !feed.UpdatedParsed.Equal(a.Created.Truncate(time.Second)) {
		t.Errorf("feed updated %v, want the newest alert's %v", feed.UpdatedParsed, a.Created)
	}
}

func TestAtomWithoutAlerts(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	var out bytes.Buffer
	if err := WriteAtom(&out, nil, nil, "http://localhost:8080/feeds/alerts.atom", now); err != nil {
		t.Fatal(err)
	}
	feed, err := gofeed.NewParser().Parse(&out)
	if err != nil || len(feed.Items) != 0 || !feed.UpdatedParsed.Equal(now) {
		t.Fatalf("empty feed: %+v, %v", feed, err)
	}
	if err := WriteAtom(&out, nil, nil, "/feeds/alerts.atom", now); err == nil {
		t.Error("a relative self address was accepted")
	}
}

func TestTitle(t *testing.T) {
	for _, c := range []struct {
		r    record.Record
		want string
	}{
		{record.Record{Recipient: "MLI", Supplier: record.Ptr("TUR"), Designation: record.Ptr("TB2"), Category: "drone", Status: record.StatusDelivered, Date: record.Ptr("2022")},
			"MLI ← TUR: TB2 (drone), delivered 2022"},
		{record.Record{Recipient: "MLI", Manufacturer: record.Ptr("Norinco"), Category: "other", Status: record.StatusInService},
			"MLI ← ?: Norinco (other), in service"},
	} {
		if got := Title(c.r); got != c.want {
			t.Errorf("Title = %q, want %q", got, c.want)
		}
	}
}
