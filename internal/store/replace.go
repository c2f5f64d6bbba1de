package store

import (
	"github.com/dossier-osint/dossier/internal/catalog"
	"github.com/dossier-osint/dossier/internal/record"
)

// Replacement is how a new extraction replaces a document's records. It is
// decided here, once, so that every backend keeps reviews alike.
type Replacement struct {
	// Records are the document's records afterwards, in order: the new
	// extraction's, then the reviewed records it no longer finds.
	Records []Placed
	// Delete holds the IDs of the unreviewed records that go.
	Delete []int64
}

// Placed is one record after a replacement.
type Placed struct {
	// ID is the kept record's, 0 for a record to insert.
	ID     int64
	Record record.Record
}

// Counts gives what ReplaceRecords returns.
func (r Replacement) Counts() (added, removed, kept int) {
	for _, p := range r.Records {
		if p.ID == 0 {
			added++
		} else {
			kept++
		}
	}
	return added, len(r.Delete), kept
}

// PlanReplace decides how recs replace old, a document's records in order.
// A reviewed record whose key (kind, recipient, folded designation, status,
// type, date) equals a new record's takes that record's place, keeping its
// ID and review; it takes the new content too, unless the review is
// "corrected", since then the stored content is a person's. A reviewed
// record that no new record matches is kept as it was. Unreviewed records
// are replaced.
func PlanReplace(old []Record, recs []record.Record) Replacement {
	var plan Replacement
	reviewed := map[matchKey][]Record{}
	for _, o := range old {
		if o.Review == ReviewNone {
			plan.Delete = append(plan.Delete, o.ID)
			continue
		}
		k := keyOf(o.Record)
		reviewed[k] = append(reviewed[k], o)
	}
	matched := map[int64]bool{}
	for _, r := range recs {
		k := keyOf(r)
		cands := reviewed[k]
		if len(cands) == 0 {
			plan.Records = append(plan.Records, Placed{Record: r})
			continue
		}
		o := cands[0]
		reviewed[k] = cands[1:]
		matched[o.ID] = true
		if o.Review != ReviewCorrected {
			o.Record = r
		}
		plan.Records = append(plan.Records, Placed{ID: o.ID, Record: o.Record})
	}
	for _, o := range old {
		if o.Review != ReviewNone && !matched[o.ID] {
			plan.Records = append(plan.Records, Placed{ID: o.ID, Record: o.Record})
		}
	}
	return plan
}

type matchKey struct {
	kind, recipient, designation, status, typ string
	date                                      string
	dated                                     bool
}

func keyOf(r record.Record) matchKey {
	return matchKey{r.Kind, r.Recipient, catalog.Fold(record.Str(r.Designation)), r.Status, r.Type,
		record.Str(r.Date), r.Date != nil}
}
