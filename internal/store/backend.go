package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/dossier-osint/dossier/internal/catalog"
	"github.com/dossier-osint/dossier/internal/record"
)

// What the backends share, so that they check, select, store, search and
// count alike. The SQL backends' schemas give records and their documents
// the same tables and columns (records r, document_sources), and their SQL
// dialects agree on the conditions below.

// Stamp is t, or now when t is zero, in UTC to the microsecond: a time as
// every backend keeps it.
func Stamp(t time.Time) time.Time {
	if t.IsZero() {
		t = time.Now()
	}
	return t.UTC().Truncate(time.Microsecond)
}

// AddOne is AddDocument done by a store's AddDocuments.
func AddOne(ctx context.Context, s Store, doc *Document, recs []record.Record) (int64, bool, error) {
	added, err := s.AddDocuments(ctx, []Addition{{Document: doc, Records: recs}})
	if err != nil {
		return 0, false, err
	}
	return added[0].ID, added[0].Created, nil
}

// AddBatch is the part of AddDocuments every backend does alike, around
// store, which writes the batch in one transaction given the time each
// document is ingested at. Before, it checks the batch and fills in what a
// caller may leave out: a document's Hash and Simhash, from its body, and
// its IngestedAt (now); after, it sets each document's ID, and IngestedAt
// when it was new.
func AddBatch(batch []Addition, store func(ats []time.Time) ([]Added, error)) ([]Added, error) {
	ats := make([]time.Time, len(batch))
	for n, a := range batch {
		doc := a.Document
		if doc == nil {
			return nil, errors.New("add document: nil document")
		}
		if err := CheckRecords(a.Records); err != nil {
			return nil, fmt.Errorf("add document: %w", err)
		}
		if err := checkReviewed(a); err != nil {
			return nil, fmt.Errorf("add document: %w", err)
		}
		if doc.Hash == "" {
			doc.Hash = TextHash(doc.Body)
		}
		if doc.Simhash == 0 {
			doc.Simhash = Simhash(doc.Body)
		}
		ats[n] = Stamp(doc.IngestedAt)
	}
	added, err := store(ats)
	if err != nil {
		return nil, fmt.Errorf("add document: %w", err)
	}
	for n, a := range batch {
		a.Document.ID = added[n].ID
		if added[n].Created {
			a.Document.IngestedAt = ats[n]
		}
	}
	return added, nil
}

// CheckRecords is CheckRecord for each of recs, naming the first bad one.
func CheckRecords(recs []record.Record) error {
	for i, r := range recs {
		if err := CheckRecord(r); err != nil {
			return fmt.Errorf("record %d: %w", i, err)
		}
	}
	return nil
}

// ApplyReview applies a checked verdict to a record as stored: a correction
// changes the record's field and sets rv.Old; the review becomes
// NextReview's. It reports whether the record's content changed, for the
// store to write back.
func ApplyReview(r *Record, rv *Review) (changed bool, err error) {
	if rv.Verdict == ReviewCorrected {
		if r.Record, rv.Old, err = Correct(r.Record, rv.Field, rv.New); err != nil {
			return false, err
		}
		changed = true
	}
	r.Review = NextReview(r.Review, rv.Verdict)
	return changed, nil
}

func checkReviewed(a Addition) error {
	if a.Reviews == nil {
		return nil
	}
	if len(a.Reviews) != len(a.Records) {
		return fmt.Errorf("%d reviews for %d records", len(a.Reviews), len(a.Records))
	}
	for i, rv := range a.Reviews {
		if !slices.Contains([]string{ReviewNone, ReviewConfirmed, ReviewRejected, ReviewCorrected}, rv.Review) {
			return fmt.Errorf("record %d: unknown review %q", i, rv.Review)
		}
		for j, h := range rv.History {
			if err := CheckReview(h); err != nil {
				return fmt.Errorf("record %d: review %d: %w", i, j, err)
			}
		}
	}
	return nil
}

// Count adds n records of a kind, status and recipient to st, as Stats
// counts them.
func (st *Stats) Count(kind, status, recipient string, n int) {
	switch kind {
	case record.KindTransfer:
		st.Transfers += n
		st.ByStatus[status] += n
		st.ByRecipient[recipient] += n
	case record.KindEvent:
		st.Events += n
	}
}

// Bind adds an argument to a query and returns its placeholder.
type Bind func(v any) string

// RecordConds are f's conditions on a record r, for a WHERE clause.
func (f Filter) RecordConds(bind Bind) []string {
	var conds []string
	eq := func(col, v string) {
		if v != "" {
			conds = append(conds, col+` = `+bind(v))
		}
	}
	eq("r.kind", f.Kind)
	eq("r.recipient", f.Recipient)
	eq("r.supplier", f.Supplier)
	eq("r.category", f.Category)
	eq("r.status", f.Status)
	eq("r.type", f.Type)
	if len(f.Dates) > 0 {
		conds = append(conds, `r.date IN (`+bindAll(bind, f.Dates)+`)`)
	}
	if f.Involving != nil {
		conds = append(conds, f.Involving.cond(bind))
	}
	if f.RecordID != 0 {
		conds = append(conds, `r.id = `+bind(f.RecordID))
	}
	if f.Designation != "" {
		// A designation that folds to nothing must not find the records that have none.
		conds = append(conds, `r.designation_fold = `+bind(catalog.Fold(f.Designation))+` AND r.designation IS NOT NULL`)
	}
	// Comparing each side cut to the other's length orders dates of
	// different precision by their common prefix.
	if f.Since != "" {
		conds = append(conds, `substr(r.date, 1, length(`+bind(f.Since)+`)) >= substr(`+bind(f.Since)+`, 1, length(r.date))`)
	}
	if f.Until != "" {
		conds = append(conds, `substr(r.date, 1, length(`+bind(f.Until)+`)) <= substr(`+bind(f.Until)+`, 1, length(r.date))`)
	}
	return conds
}

// cond selects the events involving p, through the indexes on
// records.country and record_actors.name_fold.
func (p Party) cond(bind Bind) string {
	var ids []string
	if p.Country != "" {
		ids = append(ids, `SELECT id FROM records WHERE country = `+bind(p.Country))
	}
	if len(p.Names) > 0 {
		ids = append(ids, `SELECT record_id FROM record_actors WHERE name_fold IN (`+bindAll(bind, foldAll(p.Names))+`)`)
	}
	if len(ids) == 0 {
		// A party with no country and no name is involved in nothing.
		return `false`
	}
	return `r.id IN (` + strings.Join(ids, ` UNION `) + `)`
}

// bindAll binds each of values and lists the placeholders.
func bindAll[T any](bind Bind, values []T) string {
	placeholders := make([]string, len(values))
	for i, v := range values {
		placeholders[i] = bind(v)
	}
	return strings.Join(placeholders, `, `)
}

// DocumentConds are f's conditions on the document whose ID is docCol.
func (f Filter) DocumentConds(docCol string, bind Bind) []string {
	var conds []string
	if f.DocumentID != 0 {
		conds = append(conds, docCol+` = `+bind(f.DocumentID))
	}
	if len(f.DocumentIDs) > 0 {
		conds = append(conds, docCol+` IN (`+bindAll(bind, f.DocumentIDs)+`)`)
	}
	if f.Source != "" {
		conds = append(conds, docCol+` IN (SELECT document_id FROM document_sources WHERE source = `+bind(f.Source)+`)`)
	}
	return conds
}

// Where joins conditions into a WHERE clause, "" for none.
func Where(conds []string) string {
	if len(conds) == 0 {
		return ""
	}
	return ` WHERE ` + strings.Join(conds, ` AND `)
}

// RecordColumns are the columns that hold a record: the filter fields,
// and the record as the guidelines write it, without its source, which
// comes from the document. RecordValues gives their values.
const RecordColumns = `kind, recipient, supplier, designation, designation_fold, category, status, type, date, json, ` +
	PartyColumns

// PartyColumns index the parties of an event, for Filter.Involving: its
// country, and its actors folded (see catalog.Fold) as a JSON array, which
// the database copies to the table record_actors. A transfer has neither.
// PartyValues gives their values.
const PartyColumns = `country, actor_folds`

// PartyValues are the values of PartyColumns for r.
func PartyValues(r record.Record) []any {
	if r.Kind != record.KindEvent {
		return []any{nil, "[]"}
	}
	// A list of strings always marshals.
	folds, _ := json.Marshal(foldAll(r.Actors))
	return []any{r.Country, string(folds)}
}

// foldAll is catalog.Fold of each name, never nil.
func foldAll(names []string) []string {
	folded := make([]string, len(names))
	for i, n := range names {
		folded[i] = catalog.Fold(n)
	}
	return folded
}

// RecordValues are the values of RecordColumns for r.
func RecordValues(r record.Record) []any {
	r.Source = ""
	js, err := json.Marshal(r)
	if err != nil {
		// A Record holds only strings, numbers and slices of them.
		panic(fmt.Sprintf("record %+v: %v", r, err))
	}
	values := []any{r.Kind, r.Recipient, r.Supplier, r.Designation, catalog.Fold(record.Str(r.Designation)),
		r.Category, r.Status, r.Type, r.Date, string(js)}
	return append(values, PartyValues(r)...)
}

// SearchPhrases rewrites a user's search query for the full-text engines:
// every word or "quoted words" becomes a quoted phrase, so that
// punctuation and operators in the query are read as text ("VN-2C", "AND",
// "or", "-"), and all must match, as both SQLite FTS5 and PostgreSQL's
// websearch_to_tsquery read a list of quoted phrases. It is "" when the
// query has no word.
func SearchPhrases(q string) string {
	var terms []string
	add := func(s string) {
		if strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			terms = append(terms, `"`+s+`"`)
		}
	}
	for i, part := range strings.Split(q, `"`) {
		if i%2 == 1 {
			add(part)
			continue
		}
		for _, w := range strings.Fields(part) {
			add(w)
		}
	}
	return strings.Join(terms, " ")
}
