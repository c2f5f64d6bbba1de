package register

import (
	"context"
	"slices"

	"github.com/dossier-osint/dossier/internal/catalog"
	"github.com/dossier-osint/dossier/internal/record"
	"github.com/dossier-osint/dossier/internal/store"
)

// Load reads what the register of one recipient (every recipient when
// "") needs: its transfers, the events that may tell their deals' story
// (see linkable), and the documents, without their text, that the
// transfers come from, with the stories those reprint. cat names the
// recipient's state and government bodies, as Build does.
func Load(ctx context.Context, st store.Store, cat *catalog.Catalog, recipient string) (Input, error) {
	transfers := store.Filter{Kind: record.KindTransfer, Recipient: recipient}
	recs, err := st.Records(ctx, transfers)
	if err != nil {
		return Input{}, err
	}
	events, err := linkable(ctx, st, cat, recipient, recs)
	if err != nil {
		return Input{}, err
	}
	docs, err := st.Documents(ctx, transfers)
	if err != nil {
		return Input{}, err
	}
	in := Input{Records: append(recs, events...), Documents: make(map[int64]store.Document, len(docs))}
	// The twins the documents reprint, and theirs in turn, a round at a time.
	for len(docs) > 0 {
		for _, d := range docs {
			in.Documents[d.ID] = d
		}
		var twins []int64
		for _, d := range docs {
			if _, ok := in.Documents[d.TwinOf]; d.TwinOf != 0 && !ok {
				twins = append(twins, d.TwinOf)
			}
		}
		slices.Sort(twins)
		docs = nil
		for chunk := range slices.Chunk(slices.Compact(twins), maxIDs) {
			found, err := st.Documents(ctx, store.Filter{DocumentIDs: chunk})
			if err != nil {
				return in, err
			}
			docs = append(docs, found...)
		}
	}
	return in, nil
}

// maxIDs bounds the IDs a query names, well under the backends' limits on
// the parameters of a statement.
const maxIDs = 1000

// linkable reads the events link may attach to a row of the recipient's
// transfers: those involving the recipient (bothSides asks for it), and
// the agreements signed on a date one of the transfers is contracted
// (sameDay). Every event may link to some row of the whole register.
func linkable(ctx context.Context, st store.Store, cat *catalog.Catalog, recipient string, transfers []store.Record) ([]store.Record, error) {
	if recipient == "" {
		return st.Records(ctx, store.Filter{Kind: record.KindEvent})
	}
	party := &store.Party{Country: recipient, Names: stateAndGovernmentNames(cat, recipient)}
	events, err := st.Records(ctx, store.Filter{Kind: record.KindEvent, Involving: party})
	if err != nil {
		return nil, err
	}
	var dates []string
	seen := map[string]bool{}
	for _, t := range transfers {
		if date := record.Str(t.Date); t.Status == record.StatusContracted && namesDay(date) && !seen[date] {
			seen[date] = true
			dates = append(dates, date)
		}
	}
	if len(dates) == 0 {
		return events, nil
	}
	agreements, err := st.Records(ctx, store.Filter{Kind: record.KindEvent, Type: record.EventAgreement, Dates: dates})
	if err != nil {
		return nil, err
	}
	found := map[int64]bool{}
	for _, e := range events {
		found[e.ID] = true
	}
	for _, a := range agreements {
		if !found[a.ID] {
			events = append(events, a)
		}
	}
	return events, nil
}

// stateAndGovernmentNames are the names and aliases by which an event's
// actor makes a state a party of it (see partiesOf): the state's own, and
// those of its government bodies.
func stateAndGovernmentNames(cat *catalog.Catalog, iso3 string) []string {
	var names []string
	for _, c := range cat.Countries {
		if c.ISO3 == iso3 {
			names = append(append(names, c.Name), c.Aliases...)
		}
	}
	for _, o := range cat.Organisations {
		if o.Kind == "government" && o.Country == iso3 {
			names = append(append(names, o.Name), o.Aliases...)
		}
	}
	return names
}
