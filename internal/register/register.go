// Package register merges extracted records into the view an arms-trade
// register such as SIPRI's gives: one row per transfer deal (recipient,
// supplier, designation) with its order, its delivery batches, the
// independent sources that tell them, the points where those sources
// disagree, and the events that led to the deal.
package register

import (
	"cmp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/dossier-osint/dossier/internal/catalog"
	"github.com/dossier-osint/dossier/internal/record"
	"github.com/dossier-osint/dossier/internal/store"
)

// Source is one independent source of a row: near-duplicate twins
// (store.Document.TwinOf) count as one, under the earliest twin's ID.
type Source struct {
	DocumentID int64
	URL        string
	RecordIDs  []int64
}

// Batch is one delivery batch; Sources are independent sources' document IDs.
type Batch struct {
	Date     string
	Quantity record.Quantity
	Sources  []int64
}

// Event is an event record linked to a row.
type Event struct {
	RecordID, DocumentID int64
	Type, Date           string
	Planned              bool
	Actors               []string
	Subject              string
}

// Conflict is a disagreement between sources, listed rather than resolved
// silently: Field is "ordered", "delivered" or "supplier", Values[i] is
// told by the sources Sources[i].
type Conflict struct {
	Field   string
	Values  []string
	Sources [][]int64
	// Date is the batch's date for a "delivered" conflict, as a row may
	// have several batches.
	Date string
}

// Row is one transfer deal.
type Row struct {
	// Supplier is "" when unknown; Designation is "" for unspecified equipment.
	Recipient, Supplier, Designation, Category string
	Manufacturer                               string
	// Ordered is the contract's number, reconciled across sources; nil
	// when no contract is told.
	Ordered *record.Quantity
	// Delivered sums the batches; nil when no delivery is told.
	Delivered *record.Quantity
	// OrderDate is the earliest contracted date.
	OrderDate     string
	DeliveryDates []string
	// Status is the furthest stage reached.
	Status    string
	Batches   []Batch
	Sources   []Source
	Conflicts []Conflict
	// InSIPRIScope is true for major conventional weapons.
	InSIPRIScope bool
	// Pledge is true when every record is only planned: the row is kept
	// but left out of totals.
	Pledge bool
	// Events are the linked events (see linked), Lifecycle the events and
	// stages in date order.
	Events    []Event
	Lifecycle []Step
	// Reviewed is "confirmed" when any record of the row is.
	Reviewed string
}

// Step is one point of a row's lifecycle. Kind is an event type or a
// transfer status.
type Step struct {
	Date, Kind, Label string
	DocumentID        int64
}

// Input is what Build merges. Documents need only ID, URL or Sources, and
// TwinOf; records should have distinct IDs, which fix the order sources are
// first seen in.
type Input struct {
	Records   []store.Record
	Documents map[int64]store.Document
}

// item is a transfer record with what merging needs of it.
type item struct {
	store.Record
	src      int64 // independent source
	key      string
	sys      *catalog.System
	supplier string
	date     string
}

type builder struct {
	docs    map[int64]store.Document
	cat     *catalog.Catalog
	systems map[string]*catalog.System // by folded designation or alias
	// parties are the events' sides, resolved once: every row weighs every
	// event of its window.
	parties map[int64]*parties
}

// draft is a row with the items behind it.
type draft struct {
	Row
	items []*item
}

// Build merges the records into rows, ordered by recipient, supplier,
// designation and order date. Rejected records are left out. cat must not
// be nil: it names the systems, states and makers records are compared by.
func Build(in Input, cat *catalog.Catalog) []Row {
	b := &builder{docs: in.Documents, cat: cat, systems: systemIndex(cat), parties: map[int64]*parties{}}
	// Sorting pointers spares moving the records, which are large: moving
	// them was a sixth of Build's time.
	recs := make([]*store.Record, len(in.Records))
	for i := range in.Records {
		recs[i] = &in.Records[i]
	}
	slices.SortStableFunc(recs, func(a, b *store.Record) int {
		return cmp.Or(cmp.Compare(a.ID, b.ID), cmp.Compare(a.DocumentID, b.DocumentID))
	})
	var items []*item
	var events []*store.Record
	for _, r := range recs {
		if r.Review == store.ReviewRejected {
			continue
		}
		switch r.Kind {
		case record.KindTransfer:
			items = append(items, b.item(*r))
		case record.KindEvent:
			events = append(events, r)
		}
	}
	joinFamilies(items)

	var drafts []*draft
	for _, g := range groupBy(items, func(it *item) string { return it.Recipient + "\x00" + it.key }) {
		assignSuppliers(g)
		var group []*draft
		for _, bySupplier := range groupBy(g, func(it *item) string { return it.supplier }) {
			if g[0].key != "" {
				group = append(group, b.draft(bySupplier))
				continue
			}
			// Unspecified equipment has no designation to tell deals apart,
			// so each status and date is a deal of its own.
			for _, byStatus := range groupBy(bySupplier, func(it *item) string { return it.Status }) {
				for _, c := range clusters(byStatus) {
					group = append(group, b.draft(c.items))
				}
			}
		}
		if g[0].key != "" {
			supplierConflicts(group)
		}
		drafts = append(drafts, group...)
	}
	for _, d := range drafts {
		b.link(d, events)
	}
	sort.SliceStable(drafts, func(i, j int) bool { return less(drafts[i], drafts[j]) })
	rows := make([]Row, len(drafts))
	for i, d := range drafts {
		rows[i] = d.Row
	}
	return rows
}

func (b *builder) item(r store.Record) *item {
	it := &item{Record: r, src: b.source(r.DocumentID), supplier: record.Str(r.Supplier), date: record.Str(r.Date)}
	// The key is the folded catalog designation, so aliases and spellings
	// ("VN-2C", "vn 2c") meet; an uncatalogued designation keys on its own
	// folded form, which no catalog name has.
	it.key = catalog.Fold(record.Str(r.Designation))
	if it.sys = b.systems[it.key]; it.sys != nil {
		it.key = catalog.Fold(it.sys.Designation)
	}
	return it
}

// source follows a document's twins back to the earliest, which stands for
// them all.
func (b *builder) source(id int64) int64 {
	seen := map[int64]bool{}
	for !seen[id] {
		seen[id] = true
		d, ok := b.docs[id]
		if !ok || d.TwinOf == 0 {
			break
		}
		id = d.TwinOf
	}
	return id
}

func (b *builder) url(docID int64) string {
	d := b.docs[docID]
	if d.URL != "" || len(d.Sources) == 0 {
		return d.URL
	}
	return d.Sources[0]
}

// joinFamilies gives a record that names a family root ("VN2") the key of
// the family's variant ("VN2C") when the recipient has records of exactly
// one variant: the root is then a looser name for the same equipment. With
// two variants it is ambiguous and keeps its own row.
func joinFamilies(items []*item) {
	for _, g := range groupBy(items, func(it *item) string { return it.Recipient }) {
		variant := map[string]*item{} // by the family root's key
		ambiguous := map[string]bool{}
		for _, it := range g {
			if it.sys == nil || it.sys.Family == "" {
				continue
			}
			f := catalog.Fold(it.sys.Family)
			if v := variant[f]; v == nil {
				variant[f] = it
			} else if v.key != it.key {
				ambiguous[f] = true
			}
		}
		for _, it := range g {
			if v := variant[it.key]; v != nil && !ambiguous[it.key] && (it.sys == nil || it.sys.Family == "") {
				it.key, it.sys = v.key, v.sys
			}
		}
	}
}

// assignSuppliers gives records without a supplier the supplier other
// sources name for the same recipient and designation; for unspecified
// equipment, only one named for the same status and a compatible date. Where
// several are named, the one with most sources (then alphabetical) wins.
func assignSuppliers(g []*item) {
	var named [][]*item
	for _, n := range groupBy(g, func(it *item) string { return it.supplier }) {
		if n[0].supplier != "" {
			named = append(named, n)
		}
	}
	for _, it := range g {
		if it.supplier != "" {
			continue
		}
		best, bestN := "", 0
		for _, n := range named {
			if it.key == "" && !anyItem(n, func(o *item) bool { return o.Status == it.Status && compatible(o.date, it.date) }) {
				continue
			}
			if k, s := len(sourceIDs(n)), n[0].supplier; k > bestN || k == bestN && s < best {
				best, bestN = s, k
			}
		}
		it.supplier = best
	}
}

func (b *builder) draft(items []*item) *draft {
	first := items[0]
	d := &draft{items: items, Row: Row{
		Recipient:    first.Recipient,
		Supplier:     first.supplier,
		Designation:  designation(items),
		Manufacturer: mostCommon(items, func(it *item) string { return record.Str(it.Manufacturer) }),
		Category:     mostCommon(items, func(it *item) string { return it.Category }),
		Pledge:       true,
	}}
	if s := first.sys; s != nil {
		if s.Category != "" {
			d.Category = s.Category
		}
		if d.Manufacturer == "" {
			d.Manufacturer = s.Maker
		}
	}
	d.InSIPRIScope = inScope[d.Category]
	d.Sources = b.sources(items)

	byStatus := map[string][]*item{}
	for _, it := range items {
		byStatus[it.Status] = append(byStatus[it.Status], it)
		if rank[it.Status] > rank[d.Status] {
			d.Status = it.Status
		}
		if it.Status != record.StatusPlanned {
			d.Pledge = false
		}
		if it.Review == store.ReviewConfirmed {
			d.Reviewed = store.ReviewConfirmed
		}
	}
	if c := byStatus[record.StatusContracted]; len(c) > 0 {
		q, conflict := reconcile(c)
		d.Ordered = &q
		if conflict != nil {
			conflict.Field = "ordered"
			d.Conflicts = append(d.Conflicts, *conflict)
		}
		for _, it := range c {
			if it.date != "" && (d.OrderDate == "" || it.date < d.OrderDate) {
				d.OrderDate = it.date
			}
		}
	}
	for _, status := range []string{record.StatusPlanned, record.StatusContracted, record.StatusDelivered, record.StatusInService} {
		for _, c := range clusters(byStatus[status]) {
			q, conflict := reconcile(c.items)
			d.Lifecycle = append(d.Lifecycle, Step{Date: c.date, Kind: status, Label: label(q, d.Designation), DocumentID: c.items[0].DocumentID})
			if status != record.StatusDelivered {
				continue // one contract: its conflicts are the row's "ordered"
			}
			d.Batches = append(d.Batches, Batch{Date: c.date, Quantity: q, Sources: sourceIDs(c.items)})
			if c.date != "" {
				d.DeliveryDates = append(d.DeliveryDates, c.date)
			}
			if conflict != nil {
				conflict.Field, conflict.Date = "delivered", c.date
				d.Conflicts = append(d.Conflicts, *conflict)
			}
		}
	}
	d.Delivered = sum(d.Batches)
	return d
}

func (b *builder) sources(items []*item) []Source {
	var out []Source
	at := map[int64]int{}
	for _, it := range items {
		i, ok := at[it.src]
		if !ok {
			u := b.url(it.src)
			if u == "" {
				u = b.url(it.DocumentID)
			}
			if u == "" {
				u = it.Source
			}
			i = len(out)
			at[it.src] = i
			out = append(out, Source{DocumentID: it.src, URL: u})
		}
		out[i].RecordIDs = append(out[i].RecordIDs, it.ID)
	}
	return out
}

// supplierConflicts marks rows of one recipient and designation whose
// suppliers differ for compatible dates: sources disagree on who supplied
// the same deal, and a reader must see it on each row.
func supplierConflicts(group []*draft) {
	for _, d := range group {
		c := Conflict{Field: "supplier"}
		clash := map[*item]bool{}
		for _, o := range group {
			if o == d {
				continue
			}
			var theirs []*item
			for _, x := range o.items {
				for _, a := range d.items {
					if a.date != "" && x.date != "" && compatible(a.date, x.date) {
						clash[a] = true
						theirs = append(theirs, x)
						break
					}
				}
			}
			if len(theirs) > 0 {
				c.Values, c.Sources = append(c.Values, o.Supplier), append(c.Sources, sourceIDs(theirs))
			}
		}
		if len(clash) == 0 {
			continue
		}
		var mine []*item
		for _, a := range d.items {
			if clash[a] {
				mine = append(mine, a)
			}
		}
		c.Values, c.Sources = append(c.Values, d.Supplier), append(c.Sources, sourceIDs(mine))
		sort.Sort(byValue(c))
		d.Conflicts = append(d.Conflicts, c)
	}
}

type byValue Conflict

func (c byValue) Len() int           { return len(c.Values) }
func (c byValue) Less(i, j int) bool { return c.Values[i] < c.Values[j] }
func (c byValue) Swap(i, j int) {
	c.Values[i], c.Values[j] = c.Values[j], c.Values[i]
	c.Sources[i], c.Sources[j] = c.Sources[j], c.Sources[i]
}

// link attaches the events of a row's story.
//
// An event links when it involves both sides of the deal and falls in the
// two years before the row's first contract or delivery, that day
// included (a row with neither counts from its earliest date). The
// recipient side is the event's country or an actor naming the recipient
// state or one of its government bodies; the supplier side is the same
// for the supplier state, or an actor naming the manufacturer. Asking for
// both sides keeps a country's unrelated visits and investments out of
// every one of its rows. An agreement signed the day a contract of the row
// is dated always links: it is that contract's signing. Only a full date
// names a day: a contract dated "2021" would otherwise claim every
// agreement of that year, whoever signed it.
func (b *builder) link(d *draft, events []*store.Record) {
	var anchor string
	contracts := map[string]bool{}
	for _, it := range d.items {
		if it.date == "" {
			continue
		}
		if it.Status == record.StatusContracted && namesDay(it.date) {
			contracts[it.date] = true
		}
		if it.Status == record.StatusContracted || it.Status == record.StatusDelivered {
			if anchor == "" || it.date < anchor {
				anchor = it.date
			}
		}
	}
	if anchor == "" {
		for _, it := range d.items {
			if it.date != "" && (anchor == "" || it.date < anchor) {
				anchor = it.date
			}
		}
	}
	from := yearsBefore(anchor, 2)
	m := b.makerOf(d)
	steps := map[string]bool{}
	for _, e := range events {
		date := record.Str(e.Date)
		sameDay := e.Type == record.EventAgreement && contracts[date]
		inWindow := date != "" && from != "" && cmpPrefix(date, from) >= 0 && cmpPrefix(date, anchor) <= 0
		if !sameDay && !(inWindow && b.bothSides(d, m, e)) {
			continue
		}
		d.Events = append(d.Events, Event{RecordID: e.ID, DocumentID: e.DocumentID, Type: e.Type, Date: date,
			Planned: e.Planned, Actors: append([]string(nil), e.Actors...), Subject: record.Str(e.Subject)})
		// Outlets retelling one event would repeat its step.
		if k := e.Type + "\x00" + date + "\x00" + strconv.FormatBool(e.Planned); !steps[k] {
			steps[k] = true
			d.Lifecycle = append(d.Lifecycle, Step{Date: date, Kind: e.Type, Label: eventLabel(e.Record), DocumentID: e.DocumentID})
		}
	}
	sort.SliceStable(d.Lifecycle, func(i, j int) bool {
		a, c := d.Lifecycle[i], d.Lifecycle[j]
		if a.Date != c.Date {
			return c.Date == "" || a.Date != "" && a.Date < c.Date
		}
		return rank[a.Kind] < rank[c.Kind]
	})
}

// maker is a row's manufacturer as an event's actors may name it: folded,
// and as a catalogued organisation. It is resolved once a row rather than
// for each event of its window.
type maker struct {
	name string
	org  *catalog.Organisation
}

func (b *builder) makerOf(d *draft) maker {
	return maker{name: catalog.Fold(d.Manufacturer), org: b.cat.Organisation(d.Manufacturer)}
}

func (b *builder) bothSides(d *draft, m maker, e *store.Record) bool {
	if d.Supplier == "" && d.Manufacturer == "" {
		return false
	}
	p := b.partiesOf(e)
	supplier := d.Supplier != "" && p.states[d.Supplier] ||
		d.Manufacturer != "" && (p.names[m.name] || m.org != nil && p.orgs[m.org])
	return supplier && p.states[d.Recipient]
}

// parties is who an event involves: the states its country and actors
// name (by a name of the state or one of its government bodies), and its
// actors by folded name and as catalogued organisations.
type parties struct {
	states map[string]bool
	names  map[string]bool
	orgs   map[*catalog.Organisation]bool
}

func (b *builder) partiesOf(e *store.Record) *parties {
	if p := b.parties[e.ID]; p != nil {
		return p
	}
	p := &parties{states: map[string]bool{}, names: map[string]bool{}, orgs: map[*catalog.Organisation]bool{}}
	if c := record.Str(e.Country); c != "" {
		p.states[c] = true
	}
	byName := stateNames(b.cat)
	for _, a := range e.Actors {
		folded := catalog.Fold(a)
		p.names[folded] = true
		for _, iso3 := range byName[folded] {
			p.states[iso3] = true
		}
		if o := b.cat.Organisation(a); o != nil {
			p.orgs[o] = true
			if o.Kind == "government" {
				p.states[o.Country] = true
			}
		}
	}
	b.parties[e.ID] = p
	return p
}

func eventLabel(e record.Record) string {
	s := record.Str(e.Subject)
	if len(e.Actors) > 0 {
		s = strings.TrimSpace(s + " (" + strings.Join(e.Actors, ", ") + ")")
	}
	if e.Planned {
		s = "planned: " + s
	}
	return s
}

func label(q record.Quantity, designation string) string {
	if designation == "" {
		designation = "equipment"
	}
	return strings.TrimSpace(formatQuantity(q) + " " + designation)
}

// rank orders lifecycle kinds on one day, and statuses by how far a deal
// has gone: in service implies a delivery, but a delivery told is the
// fuller news.
var rank = map[string]int{
	record.EventVisit: 1, record.EventMeeting: 2, record.EventInvestment: 3, record.EventAgreement: 4,
	record.StatusPlanned: 5, record.StatusContracted: 6, record.StatusInService: 7, record.StatusDelivered: 8,
}

// inScope holds the categories of SIPRI's major conventional weapons.
var inScope = map[string]bool{
	"aircraft": true, "helicopter": true, "drone": true, "armoured vehicle": true, "artillery": true,
	"air defence": true, "missile": true, "naval vessel": true, "sensor": true,
}

func designation(items []*item) string {
	if items[0].key == "" {
		return ""
	}
	if s := items[0].sys; s != nil {
		return s.Designation
	}
	return mostCommon(items, func(it *item) string { return record.Str(it.Designation) })
}

// mostCommon returns the value most items give, the first seen on a tie,
// ignoring "".
func mostCommon(items []*item, value func(*item) string) string {
	n := map[string]int{}
	best := ""
	for _, it := range items {
		v := value(it)
		if v == "" {
			continue
		}
		n[v]++
		if n[v] > n[best] {
			best = v
		}
	}
	return best
}

func less(a, b *draft) bool {
	for _, k := range [][2]string{
		{a.Recipient, b.Recipient}, {a.Supplier, b.Supplier},
		{catalog.Fold(a.Designation), catalog.Fold(b.Designation)}, {a.Designation, b.Designation},
		{a.OrderDate, b.OrderDate}, {a.items[0].date, b.items[0].date},
	} {
		if k[0] != k[1] {
			return k[0] < k[1]
		}
	}
	if rank[a.Status] != rank[b.Status] {
		return rank[a.Status] < rank[b.Status]
	}
	return a.items[0].ID < b.items[0].ID
}

func groupBy(items []*item, key func(*item) string) [][]*item {
	at := map[string]int{}
	var out [][]*item
	for _, it := range items {
		k := key(it)
		i, ok := at[k]
		if !ok {
			i = len(out)
			at[k] = i
			out = append(out, nil)
		}
		out[i] = append(out[i], it)
	}
	return out
}

func anyItem(items []*item, f func(*item) bool) bool {
	for _, it := range items {
		if f(it) {
			return true
		}
	}
	return false
}

// sourceIDs lists the items' independent sources, in order first seen.
func sourceIDs(items []*item) []int64 {
	var out []int64
	seen := map[int64]bool{}
	for _, it := range items {
		if !seen[it.src] {
			seen[it.src] = true
			out = append(out, it.src)
		}
	}
	return out
}

// namesDay says whether a date is a full date (YYYY-MM-DD), not a month or year.
func namesDay(date string) bool { return len(date) == len("2006-01-02") }
