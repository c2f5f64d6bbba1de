package register

import (
	"context"

	"github.com/dossier-osint/dossier/internal/record"
	"github.com/dossier-osint/dossier/internal/store"
)

// Load reads what the register of one recipient (every recipient when
// "") needs: its transfers, every event (any may tell a deal's story), and
// the documents, without their text, that the transfers come from, with
// the stories those reprint.
func Load(ctx context.Context, st store.Store, recipient string) (Input, error) {
	transfers := store.Filter{Kind: record.KindTransfer, Recipient: recipient}
	recs, err := st.Records(ctx, transfers)
	if err != nil {
		return Input{}, err
	}
	events, err := st.Records(ctx, store.Filter{Kind: record.KindEvent})
	if err != nil {
		return Input{}, err
	}
	docs, err := st.Documents(ctx, transfers)
	if err != nil {
		return Input{}, err
	}
	in := Input{Records: append(recs, events...), Documents: make(map[int64]store.Document, len(docs))}
	for _, d := range docs {
		in.Documents[d.ID] = d
	}
	for _, d := range docs {
		for id := d.TwinOf; id != 0; {
			if _, ok := in.Documents[id]; ok {
				break
			}
			twin, err := st.Document(ctx, id)
			if err != nil {
				return in, err
			}
			twin.Body = ""
			in.Documents[id] = *twin
			id = twin.TwinOf
		}
	}
	return in, nil
}
