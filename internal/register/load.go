package register

import (
	"context"

	"github.com/dossier-osint/dossier/internal/record"
	"github.com/dossier-osint/dossier/internal/store"
)

// Load reads the records the register needs (all of a
// recipient's, events included) and their documents.
func Load(ctx context.Context, st store.Store, recipient string) (Input, error) {
	recs, err := st.Records(ctx, store.Filter{})
	if err != nil {
		return Input{}, err
	}
	in := Input{Documents: map[int64]store.Document{}}
	for _, r := range recs {
		if recipient != "" && r.Kind == record.KindTransfer && r.Recipient != recipient {
			continue
		}
		in.Records = append(in.Records, r)
		if _, ok := in.Documents[r.DocumentID]; !ok {
			d, err := st.Document(ctx, r.DocumentID)
			if err != nil {
				return in, err
			}
			d.Body = "" // the register needs addresses and twins, not text
			in.Documents[r.DocumentID] = *d
		}
	}
	return in, nil
}
