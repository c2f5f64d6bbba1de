// Package extract turns an annotated document into transfer and event
// records, each with the sentences that support it. It is a pure function of
// the document and the read-only catalog.
package extract

import (
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-osint/dossier/internal/annotate"
	"github.com/dossier-osint/dossier/internal/catalog"
	"github.com/dossier-osint/dossier/internal/record"
)

// Extract returns the records of one document. source is copied into each
// record.
func Extract(d *annotate.Doc, source string) []record.Record {
	x := newDocState(d)
	defer x.release()
	events := x.events()
	transfers := x.transfers(events)
	// The records are written in place, each being large.
	out := make([]record.Record, len(transfers)+len(events))
	vals := newRecordValues(d, transfers, events)
	for k, t := range transfers {
		vals.transferRecord(&out[k], t, source)
	}
	for k, e := range events {
		vals.eventRecord(&out[len(transfers)+k], e, source)
	}
	return out
}

// docState is what the rules know of a document while they read it.
type docState struct {
	d        *annotate.Doc
	cat      *catalog.Catalog
	triggers [][]trigger
	focus    string // the state the article is mostly about
	// focusState is the focus's entry, whose name each event names among
	// its actors: looked up once a document rather than once an event.
	focusState *catalog.Country
	// done are the transfer records read so far, in reading order, while
	// transfers reads them (nil after).
	done []*transfer
	// read and atDates are readable and datesOf, which the rules ask for
	// again and again.
	read    []int
	atDates [][]annotate.DateMention
	// governedItems are what distracted read of the items of the
	// sentence items read last.
	governedItems []governedItem
	// transferBlock holds the records that newTransfer made last,
	// eventBlock the events newEvent made last and sentenceLists their
	// sentences.
	transferBlock []transfer
	eventBlock    []event
	sentenceLists []int
	// allTriggers is the array newDocState put the triggers in, history
	// and found the arrays of transfers, and eventList that of events.
	allTriggers []trigger
	history     []item
	found       []*transfer
	eventList   []*event
	// eventRoom holds the match findEvent found last, and matchRoom a
	// match of the hand-written patterns read at once (forumRe,
	// subjectRe, oneBefore, madeBy): their matchers write there rather
	// than allocate each match.
	eventRoom [6]int
	matchRoom [4]int
	// cues are the event cues of the sentence events reads, in arrays
	// kept for the next.
	cues eventCuesOf
}

// recordValues hold what the records of a document point to: a few
// allocations for all of them rather than one a field. A value appended
// after its slice has grown lands in a new array, while the records made
// before keep pointing into the old one, so growing is safe.
type recordValues struct {
	d     *annotate.Doc
	strs  []string
	ints  []int
	spans []record.Span
	sents []int // evidence's scratch
}

// newRecordValues has room for the values of the records of transfers
// and events.
func newRecordValues(d *annotate.Doc, transfers []*transfer, events []*event) *recordValues {
	evidenced := 0 // the spans of the records, their copies left out
	for _, t := range transfers {
		evidenced += len(t.sents)
	}
	for _, e := range events {
		evidenced += len(e.sents)
	}
	return &recordValues{
		d: d,
		// supplier, manufacturer, designation and date; country, date and subject
		strs:  make([]string, 0, 4*len(transfers)+3*len(events)),
		ints:  make([]int, 0, len(transfers)),
		spans: make([]record.Span, 0, evidenced),
	}
}

// strPtr is record.Ptr(s), kept in strs.
func (v *recordValues) strPtr(s string) *string {
	if s == "" {
		return nil
	}
	v.strs = append(v.strs, s)
	return &v.strs[len(v.strs)-1]
}

// intPtr is a pointer to n, kept in ints.
func (v *recordValues) intPtr(n int) *int {
	v.ints = append(v.ints, n)
	return &v.ints[len(v.ints)-1]
}

func newDocState(d *annotate.Doc) *docState {
	x := docStates.Get().(*docState)
	x.d, x.cat = d, d.Catalog
	x.triggers = slices.Grow(x.triggers, len(d.Sentences))[:len(d.Sentences)]
	x.read = slices.Grow(x.read, len(d.Sentences))
	x.atDates = slices.Grow(x.atDates, len(d.Sentences))[:len(d.Sentences)]
	var foundBuf [16]catalog.Match // the triggers' phrases of a sentence, mostly on the stack
	found := foundBuf[:0]
	// The triggers of every sentence, in one array (or a few, as it grows
	// past one a sentence).
	all := slices.Grow(x.allTriggers, len(d.Sentences))
	// The document's lists, held here rather than read again through d
	// after each call.
	sentences := d.Sentences
	pieces, dates := d.Pieces[:len(sentences)], d.Dates[:len(sentences)]
	for i := range sentences {
		s := &sentences[i] // not copied: a sentence is large
		if !s.Boilerplate {
			// A sentence without triggers, as most are, keeps the nil that
			// release left in its place.
			if found = triggers.matcher.AppendAllText(found[:0], pieces[i]); len(found) > 0 {
				from := len(all)
				all = appendTriggers(all, found, s.Start)
				kept := x.dropMisreadings(i, all[from:])
				all = all[:from+len(kept)] // dropMisreadings filters in place, from all[from] on
				x.triggers[i] = slices.Clip(kept)
			}
			if s.CopyOf < 0 {
				x.read = append(x.read, i)
			}
		}
		if len(dates[i]) > 0 { // a sentence without dates keeps none: release emptied its place
			x.atDates[i] = datesAt(dates[i])
		}
	}
	x.allTriggers = all
	x.focus = x.focusCountry()
	if x.focus != "" {
		x.focusState = x.cat.Country(x.focus)
	}
	return x
}

// docStates keep the memory of a docState, which dies when Extract
// returns, for the next document: its arrays grown to fit one document are
// not made anew for each. No record points into it (recordValues copies
// what records hold).
var docStates = sync.Pool{New: func() any { return new(docState) }}

// release clears x, keeping its arrays, and returns it to docStates.
func (x *docState) release() {
	*x = docState{
		triggers:      clearedToEmpty(x.triggers),
		read:          x.read[:0],
		atDates:       clearedToEmpty(x.atDates),
		governedItems: clearedToEmpty(x.governedItems),
		transferBlock: clearedToEmpty(x.transferBlock),
		eventBlock:    clearedToEmpty(x.eventBlock),
		sentenceLists: x.sentenceLists[:0],
		allTriggers:   clearedToEmpty(x.allTriggers),
		history:       clearedToEmpty(x.history),
		found:         clearedToEmpty(x.found),
		eventList:     clearedToEmpty(x.eventList),
		cues:          x.cues, // offsets only, which cuesOf empties
	}
	docStates.Put(x)
}

// clearedToEmpty zeroes s, so that what it points to can be collected,
// and returns it emptied, its array kept.
func clearedToEmpty[S ~[]E, E any](s S) S {
	clear(s)
	return s[:0]
}

// dropMisreadings drops trigger phrases that tell no status where they
// stand: "operate" or "fly" after "can" or "could" ("each F-16 can fly at
// Mach 2" tells what a type does, not who fields it), and "reached" with
// no state or capital right after it ("reached Dhaka" is an arrival,
// "reached an agreement" or "reached full capability" is not), a bare
// "order" with no year right before it ("in order to", "the order"), and
// "pay for" told with the terms of paying ("in instalments").
func (x *docState) dropMisreadings(i int, ts []trigger) []trigger {
	kept := ts[:0]
	for _, t := range ts {
		if t.orderNoun() && !x.dateRightBefore(i, t.Start) {
			continue
		}
		if t.Class == InService {
			// No rune beyond ASCII folds into the letters of "can" and
			// "could": lastWordIn, which lowers, reads the last word as
			// strings.EqualFold would.
			if last, _ := lastWordIn(x.text(t.Start-12, t.Start), "can", "could"); last != "" {
				continue
			}
		}
		if t.Class == Delivered && !t.Fwd && t.End-t.Start == len("reached") && strings.EqualFold(x.text(t.Start, t.End), "reached") &&
			!x.stateRightAfter(i, t.End) {
			continue
		}
		if t.Class == Delivered && x.dealFollowed(t) {
			continue
		}
		if t.Class == Delivered && x.futureParticiple(i, t) {
			continue
		}
		if t.Class.isStatus() && x.gluedToState(i, t) {
			continue
		}
		if t.Class == InService && x.futureUse(t) {
			continue
		}
		if t.Class == Planned && x.payingTerms(i, t) {
			continue
		}
		if t.Class == Delivered && x.phrasalGave(t) {
			continue
		}
		if t.Class == Delivered && (x.expectedArrival(t) || x.scheduledAfter(t)) {
			continue
		}
		if x.looseVerb(i, t) || x.contrasted(t) || t.Class == Own && (x.ownDeal(t) || x.ownedOf(t)) {
			continue
		}
		if t.Class == Contracted && x.hedgedDeal(t) {
			t.Class = Planned // "a possible order for Caesar guns" is still a plan
		}
		if t.Class == Planned && x.underWhich(t) {
			t.Class = Contracted // "signed notes under which Japan will provide equipment"
		}
		if t.Class == Shown && x.imageShows(i, t) {
			// "An image captured on 3 August shows two M-346FA at Mary-2":
			// what imagery shows at a state's base is in its service.
			t.Class, t.Bwd = InService, false
		}
		kept = append(kept, t)
	}
	return kept
}

// ownDeal: "its own" or "their own" before a deal noun ("Croatia
// completed its own fighter purchase"): the buyer's deal, not the
// supplier's own forces.
func (x *docState) ownDeal(t trigger) bool {
	after := x.text(t.End, t.End+30)
	for range 2 {
		var w string
		if w, after = firstWord(after); dealNounLead(w) {
			return true
		}
	}
	return false
}

// ownedOf: "of its own" or "of their own" ends a phrase ("operates two
// Guardian-class boats of its own,"): what the state has, however it
// came by it, not what it builds.
func (x *docState) ownedOf(t trigger) bool {
	if !strings.HasSuffix(x.text(t.Start-3, t.Start), "of ") {
		return false
	}
	next, _ := utf8.DecodeRuneInString(x.text(t.End, t.End+4))
	return !unicode.IsLetter(next) && next != ' '
}

// dealFollowed: "followed" after a word for a deal ("offered J-10
// fighters at the show, but no order followed") tells what became of an
// offer, no delivery of what came before.
func (x *docState) dealFollowed(t trigger) bool {
	if !annotate.LowerIs(x.text(t.Start, t.End), "followed") {
		return false
	}
	w, _ := annotate.LastField(x.text(t.Start-15, t.Start))
	return dealNounLead(w)
}

// hedgedDeal: a deal noun after "possible", "potential" or "proposed".
func (x *docState) hedgedDeal(t trigger) bool {
	w, _ := lastWordIn(x.text(t.Start-12, t.Start), "possible", "potential", "proposed")
	return w != ""
}

// underWhich: the verb's clause opens with "under which" ("an exchange of
// notes under which Japan will provide"): what the deal binds its parties
// to.
func (x *docState) underWhich(t trigger) bool {
	before := x.text(t.Start-40, t.Start)
	if !strings.Contains(before, "under which ") { // a fast search forward spares the slow one back, mostly
		return false
	}
	k := strings.LastIndex(before, "under which ")
	return !strings.ContainsAny(before[k:], ",;")
}

// contrasted: the verb follows "not just", "not only", "rather than" or
// "instead of" ("built at Romanian plants, not just bought off the
// shelf"): it tells what is not wanted, no deal.
func (x *docState) contrasted(t trigger) bool {
	before := x.text(t.Start-20, t.Start)
	if !mayEndContrast(before) {
		return false // most triggers
	}
	var lead string // the word before w that makes the contrast
	switch w, at := lastWordIn(before, "just", "only", "simply", "than", "of"); w {
	case "":
		return false
	case "than":
		lead, before = "rather", before[:at]
	case "of":
		lead, before = "instead", before[:at]
	default:
		lead, before = "not", before[:at]
	}
	w, _ := lastWordIn(before, lead)
	return w != ""
}

// mayEndContrast is false where contrasted's lastWordIn finds none of its
// words for sure, without building its list: the last byte of text,
// past ASCII white space, is ASCII and the last letter of none of them
// (t, y, n, f) in either case.
func mayEndContrast(text string) bool {
	end := len(text)
	for end > 0 && asciiSpace[text[end-1]] {
		end--
	}
	if end == 0 {
		return false
	}
	switch last := text[end-1]; last | 0x20 {
	case 't', 'y', 'n', 'f':
		return true
	default:
		return last >= utf8.RuneSelf
	}
}

// expectedArrival: a delivery verb after "will", "would", "due to",
// "expected to", "scheduled to" or "set to" ("The first jets are due to arrive in 2029",
// "is expected to receive its first units this year") tells a schedule,
// which the guidelines give no record.
func (x *docState) expectedArrival(t trigger) bool {
	before := x.text(t.Start-30, t.Start)
	// lastWordIn reads the last words as annotate.LastField and
	// annotate.LowerIs would, turning most away by their last byte.
	switch to, at := lastWordIn(before, "would", "will", "to"); to {
	case "would", "will":
		return true // "the last of the first batch would arrive in the first half of this year"
	case "to":
		w, _ := lastWordIn(before[:at], "due", "expected", "expects", "expect", "scheduled", "set", "likely")
		return w != ""
	}
	return false
}

// scheduledAfter: t is a noun of delivery whose clause goes on in the
// future ("Deliveries of that system are expected to begin in 2027"): a
// schedule, no delivery.
func (x *docState) scheduledAfter(t trigger) bool {
	verb := x.text(t.Start, t.End)
	if !annotate.LowerIs(verb, "deliveries of") && !annotate.LowerIs(verb, "delivery of") {
		return false
	}
	after := x.text(t.End, t.End+80)
	if k := strings.IndexAny(after, ",;."); k >= 0 {
		after = after[:k]
	}
	return containsLower(after, " expected to ", " due to ", " scheduled to ", " set to ", " will ")
}

// looseVerb: t is one of the common verbs that tell a status only in
// one use; "added" and "expects" only before equipment, "delivering"
// only right after a state. "used" tells a state's use only right after
// the state ("Ethiopia used Chinese Wing Loong I drones"), not "ships
// used water cannon" or "used to"; "covered" tells what a contract
// covered only after a word for the deal; "picked" and "chose" tell a
// choice, not "picked up". Nor do "leased" before a noun ("two leased
// C-295s"), "will build" for no state named, "paid for" asked ("whether
// Colombo paid for the ship") or "sale of" a kind of goods.
func (x *docState) looseVerb(i int, t trigger) bool {
	verb := x.text(t.Start, t.End)
	if verb == "" {
		return false
	}
	switch {
	case t.Class == Delivered && annotate.LowerIs(verb, "leased"):
		return x.attributive(i, t)
	case t.Class == Planned && lowerSuffix(verb, " build"):
		return !x.buildsFor(i, t)
	case t.Class == Contracted && lowerSuffix(verb, "paid for"):
		return x.asked(i, t)
	case t.Class == Contracted && annotate.LowerIs(verb, "sale of"):
		return x.kindAfter(i, t)
	}
	// The other verbs are told apart by their first letter first, in
	// either case, which spares most triggers the calls; no rune beyond
	// ASCII lowers into one of these letters.
	switch verb[0] | 0x20 {
	case 'u':
		return annotate.LowerIs(verb, "used") && (x.nextWord(t) == "to" || !x.stateRightBeforeVerb(i, t.Start))
	case 'd':
		// "shows Russia delivering Mi-24P helicopters to Mali"; "is
		// delivering patrol vessels" tells work under way.
		return annotate.LowerIs(verb, "delivering") && !x.stateRightBeforeVerb(i, t.Start)
	case 'c', 'p':
		switch {
		case annotate.LowerIs(verb, "covered"), annotate.LowerIs(verb, "covers"):
			return !containsLower(x.text(x.d.Sentences[i].Start, t.Start), "contract", "deal", "agreement", "order")
		case annotate.LowerIs(verb, "picked"), annotate.LowerIs(verb, "chose"):
			next := x.nextWord(t)
			return next == "up" || next == "to"
		}
	case 'e':
		// "expects a Dornier 228"; "expects to receive" is a phrase of its own.
		return annotate.LowerIs(verb, "expects") && !x.equipmentRightAfter(i, t.End)
	case 'a':
		// "later added Aksungur drones" or "added a second batch", not
		// "the minister added that".
		return annotate.LowerIs(verb, "added") && !x.equipmentRightAfter(i, t.End) && !batchRightAfter(x.text(t.End, t.End+30))
	}
	return false
}

// nextWord is the word after trigger t, as it stands.
func (x *docState) nextWord(t trigger) string {
	next, _ := firstWord(x.text(t.End, t.End+12))
	return next
}

// batchRightAfter: one of the first three words of after is "batch"
// ("a second batch").
func batchRightAfter(after string) bool {
	rest := after
	for range 3 {
		var w string
		if w, rest = firstWord(rest); annotate.LowerIs(w, "batch") {
			return true
		}
	}
	return false
}

// equipmentRightAfter: a system or a word for equipment follows byte at
// of sentence i within two words ("added Chinese Wing Loong II drones").
func (x *docState) equipmentRightAfter(i, at int) bool {
	for _, m := range x.d.Mentions[i] {
		if m.Start < at || m.Kind == annotate.MCountry && m.Form == catalog.Demonym {
			continue
		}
		gap := x.text(at, m.Start)
		return (m.Kind == annotate.MSystem || m.Kind == annotate.MUncatalogued || m.Kind == annotate.MTerm) &&
			annotate.FieldsAtMost(gap, 2) && !strings.ContainsAny(gap, ",;:\"“") && !strings.Contains(gap, "that ")
	}
	return false
}

// stateRightBeforeVerb: a state by name or capital, or a state's force,
// ends right before byte at of sentence i ("Ethiopia used").
func (x *docState) stateRightBeforeVerb(i, at int) bool {
	for _, m := range x.d.Mentions[i] {
		if m.End <= at && isStateLike(&m) && m.Form != catalog.Demonym && strings.TrimSpace(x.text(m.End, at)) == "" {
			return true
		}
	}
	return false
}

// imageShows: t is "shows" or "showed" whose subject in its clause is an
// image ("An image captured on 3 August shows", "Imagery from 28 July
// shows", "The same image shows"), not an exhibitor.
func (x *docState) imageShows(i int, t trigger) bool {
	verb := x.text(t.Start, t.End)
	if !annotate.LowerIs(verb, "shows") && !annotate.LowerIs(verb, "showed") {
		return false
	}
	before := x.text(max(x.d.Sentences[i].Start, t.Start-50), t.Start)
	if k := strings.LastIndexAny(before, ",;:"); k >= 0 {
		before = before[k+1:]
	}
	return containsLower(before, "image", "imagery")
}

// phrasalGave: "gave" or "handed" opens a phrasal verb that tells no
// giving of equipment ("the aircraft it gave up", "handed down a
// sentence").
func (x *docState) phrasalGave(t trigger) bool {
	verb := x.text(t.Start, t.End)
	if !annotate.LowerIs(verb, "gave") && !annotate.LowerIs(verb, "handed") {
		return false
	}
	next, _ := firstWord(x.text(t.End, t.End+12))
	return next == "up" || next == "down" || next == "back" || next == "out" || next == "way" || next == "in"
}

// gluedToState: t is the second half of a compound adjective whose
// first is a state ("Russian-supplied L-39 jets", "US-supplied"): it
// tells where the equipment comes from, as "Russian-built" does, not
// that it was supplied in the clause.
func (x *docState) gluedToState(i int, t trigger) bool {
	if t.Start < 2 || x.d.Body[t.Start-1] != '-' {
		return false
	}
	for _, m := range x.d.Mentions[i] {
		if m.Kind == annotate.MCountry && (m.End == t.Start-1 || m.End == t.Start-2 && x.d.Body[m.End] == '.') {
			return true
		}
	}
	return false
}

// futureUse: an operating verb after "will" or "would" ("the aircraft
// will operate from INS Vikrant", "will be used by") tells a plan for equipment still to
// come, not equipment in service.
func (x *docState) futureUse(t trigger) bool {
	before := x.text(t.Start-20, t.Start)
	last, at := annotate.LastField(before)
	if annotate.LowerIs(last, "be") {
		last, _ = annotate.LastField(before[:at]) // "will be used by"
	}
	if annotate.LowerIs(last, "to") {
		// "designed to operate from short-deck ships": what a type is
		// made for, no fleet in service.
		w, _ := annotate.LastField(before[:at])
		if annotate.LowerIs(w, "designed") || annotate.LowerIs(w, "built") || annotate.LowerIs(w, "able") || annotate.LowerIs(w, "intended") {
			return true
		}
	}
	// "Spain would become the first foreign user of the Hürjet"
	if clause := x.text(t.Start-40, t.Start); becomesIn(clause) && !strings.ContainsAny(clause, ",;") {
		return true
	}
	// "The army plans to form a third battalion equipped with the system":
	// a unit to come, equipped in the plan.
	if endsWithLower(x.text(t.Start, t.End), " with") {
		clause := x.text(t.Start-60, t.Start)
		if k := strings.LastIndexAny(clause, ",;."); k >= 0 {
			clause = clause[k+1:]
		}
		if containsLower(clause, "plans to ", "plan to ", "intends to ") {
			return true
		}
	}
	return annotate.LowerIs(last, "will") || annotate.LowerIs(last, "would") || annotate.LowerIs(last, "shall")
}

// becomesIn is containsLower(clause, "would become", "will become"),
// asked only of a clause that holds " become" in any ASCII case, which
// either needs and which the fold search finds fast in any text: no rune
// beyond ASCII lowers into its letters (İ lowers into i, the Kelvin sign
// into k), while containsLower reads runes beyond ASCII at length. The
// search looks for its b, a rare letter, many bytes at a time.
func becomesIn(clause string) bool {
	return catalog.ContainsFoldASCII(clause, " become", 1) && containsLower(clause, "would become", "will become")
}

// futureParticiple: t is a participle after "be" or "and" in a clause
// told in the future ("will be delivered in 2027", "will be built in
// Brazil and delivered between 2026 and 2028"): an expected delivery
// schedule, which the guidelines give no record.
func (x *docState) futureParticiple(i int, t trigger) bool {
	before := x.text(max(x.d.Sentences[i].Start, t.Start-120), t.Start)
	// No rune beyond ASCII folds into the letters of "be" and "and", so
	// lastWordIn, which lowers, reads the last word as strings.EqualFold
	// would.
	if last, _ := lastWordIn(before, "be", "and"); last == "" {
		return false
	}
	// The clause ends at a comma, semicolon or colon.
	if k := strings.LastIndexAny(before, ",;:"); k >= 0 {
		before = before[k+1:]
	}
	return containsLower(before, "will be ", "to be ", "would be ")
}

// dateRightBefore: a date of sentence i ends right before byte at ("a
// 2020 order").
func (x *docState) dateRightBefore(i, at int) bool {
	for _, dm := range x.d.Dates[i] {
		if dm.End <= at && strings.TrimSpace(x.text(dm.End, at)) == "" {
			return true
		}
	}
	return false
}

// stateRightAfter: a state, by name or capital, follows byte at of
// sentence i with at most "the" between.
func (x *docState) stateRightAfter(i, at int) bool {
	for _, m := range x.d.Mentions[i] {
		if m.Kind == annotate.MCountry && m.Form != catalog.Demonym && m.Start >= at {
			gap := strings.TrimSpace(x.text(at, m.Start))
			return gap == "" || strings.EqualFold(gap, "the")
		}
	}
	return false
}

// readable lists the sentences that carry facts: not boilerplate, not the
// second printing of a doubled paragraph.
func (x *docState) readable() []int { return x.read }

// text returns body bytes [a, b).
func (x *docState) text(a, b int) string {
	if a < 0 {
		a = 0
	}
	if b > len(x.d.Body) {
		b = len(x.d.Body)
	}
	if a >= b {
		return ""
	}
	return x.d.Body[a:b]
}

// focusCountry is the state named most often as an actor: in the title
// (which counts three times) and in the body, leaving out states named only
// as the origin of something ("Turkey's Otokar", "Russian-built").
func (x *docState) focusCountry() string {
	// The states in the order first named, with their scores: an article
	// names few, which an array on the stack mostly holds.
	type scored struct {
		iso   string
		score int
	}
	var buf [8]scored
	states := buf[:0]
	add := func(iso string, w int) {
		k := slices.IndexFunc(states, func(s scored) bool { return s.iso == iso })
		if k < 0 {
			k = len(states)
			states = append(states, scored{iso: iso})
		}
		states[k].score += w
	}
	if x.d.Title != "" {
		found := x.cat.Matcher().FindAll(x.d.Title)
		for j, m := range found {
			for _, r := range m.Refs {
				// "Bangladesh Army inducts ...": a state's forces act for
				// it, in the title as in the body.
				if r.Kind == catalog.OrgName {
					if o := x.cat.Organisations[r.Index]; o.Kind == "government" && o.Country != "" {
						add(o.Country, 3)
						break
					}
				}
				// "Athens completes its Rafale fleet": a capital acts when
				// a verb follows it; "Paris Air Show" or "jets land in
				// Athens" name a place.
				if r.Kind == catalog.Capital && verbAfter(x.d.Title[m.End:]) && !placeBefore(x.d.Title[:m.Start]) {
					add(x.cat.Countries[r.Index].ISO3, 3)
					break
				}
				if r.Kind == catalog.CountryName || r.Kind == catalog.Demonym {
					after := x.d.Title[m.End:]
					// "Chinese SR5" tells an origin, "Cambodian army" a
					// state's forces, which act for it.
					if strings.HasPrefix(after, "-") || isOriginPossessive(after) ||
						r.Kind == catalog.Demonym && (nounAfter(after) && !forceAfterPossessive(after) && !officialAfter(after) || j+1 < len(found) && systemAt(found[j+1], m.End+1)) {
						break
					}
					add(x.cat.Countries[r.Index].ISO3, 3)
					break
				}
			}
		}
	}
	for _, i := range x.readable() {
		ms := x.d.Mentions[i]
		for k := range ms {
			m := &ms[k] // not copied: a mention is large
			if m.Kind != annotate.MCountry && !(m.Kind == annotate.MOrg && m.OrgKind == "government") {
				continue
			}
			if x.isOriginModifier(i, k) || x.afterPreposition(m.Start, "from", "by") {
				continue
			}
			add(m.Country, 1)
		}
	}
	best := -1 // the first named of the highest scores
	for k, s := range states {
		if best < 0 || s.score > states[best].score {
			best = k
		}
	}
	if best < 0 {
		return ""
	}
	return states[best].iso
}

// officialAfter: a state's official or government follows the demonym
// ("Mongolian defence minister in Tokyo"), who acts for the state.
func officialAfter(after string) bool {
	after = strings.TrimPrefix(after, " ")
	for _, w := range []string{"defence minister", "defense minister", "minister", "prime minister", "president", "government", "delegation", "officials"} {
		if len(after) >= len(w) && strings.EqualFold(after[:len(w)], w) {
			return true
		}
	}
	return false
}

// systemAt: the match is a system's name that starts at byte at ("Australian
// Bushmasters": the demonym before it tells where it comes from).
func systemAt(m catalog.Match, at int) bool {
	return m.Start == at && slices.ContainsFunc(m.Refs, func(r catalog.Ref) bool { return r.Kind == catalog.SystemName })
}

// nounAfter: a common noun follows a demonym of a title ("Turkish armoured
// vehicles", "Indian firms"), which then tells where things come from, not
// who acts; "Malian Junta" or "Malian and Chinese officials" still act.
func nounAfter(after string) bool {
	if len(after) < 2 || after[0] != ' ' || after[1] < 'a' || after[1] > 'z' {
		return false
	}
	return !strings.HasPrefix(after, " and ") && !strings.HasPrefix(after, " or ")
}

// verbAfter: a lower-case word follows a title's name, as a verb follows
// its subject ("Athens completes").
func verbAfter(after string) bool {
	return len(after) >= 2 && after[0] == ' ' && after[1] >= 'a' && after[1] <= 'z' && nounAfter(after)
}

// placeBefore: a preposition of place ends text ("land in", "talks at").
func placeBefore(text string) bool {
	last, _ := annotate.LastField(text)
	return slices.ContainsFunc([]string{"in", "at", "from", "to", "for", "near"}, func(p string) bool { return annotate.LowerIs(last, p) })
}

// isOriginPossessive: "'s Otokar" after a state names the maker's home.
func isOriginPossessive(after string) bool {
	return strings.HasPrefix(after, "'s ") || strings.HasPrefix(after, "’s ")
}

// isOriginModifier tells whether mention k of sentence i names where
// something comes from rather than who acts: a demonym before a maker or a
// system ("Chinese-made FK-3", "Indian shipbuilder"), or a possessive
// before a maker ("Turkey's Otokar").
func (x *docState) isOriginModifier(i, k int) bool {
	ms := x.d.Mentions[i]
	m := &ms[k]
	after := strings.TrimPrefix(x.text(m.End, m.End+len(".-supplied")), ".") // "U.S.-built"
	if strings.HasPrefix(after, "-") && (strings.HasPrefix(after, "-built") || strings.HasPrefix(after, "-made") || strings.HasPrefix(after, "-designed") ||
		strings.HasPrefix(after, "-supplied") || strings.HasPrefix(after, "-origin")) {
		return true
	}
	if k+1 < len(ms) {
		next := &ms[k+1]
		gap := x.text(m.End, next.Start)
		switch next.Kind {
		case annotate.MOrg, annotate.MName:
			if next.OrgKind != "government" && (gap == "'s " || gap == "’s " || gap == " " ||
				m.Form == catalog.Demonym && annotate.FieldsAtMost(gap, 1) && !strings.ContainsAny(gap, ",;.")) {
				return true
			}
		case annotate.MSystem, annotate.MUncatalogued:
			if m.Form == catalog.Demonym && annotate.FieldsAtMost(gap, 2) && !strings.ContainsAny(gap, ",;.") && !dealNounLead(gap) {
				return true
			}
		case annotate.MTerm:
			if m.Form == catalog.Demonym && strings.TrimSpace(gap) == "" {
				return true // "Indian system", "Chinese weaponry"
			}
		}
	}
	return false
}

// dealNounLead: gap opens with a noun for a deal ("An Algerian request
// for IRIS-T SLM", "the Indian order for"): the demonym before it owns
// the deal, it does not tell where the system comes from.
func dealNounLead(gap string) bool {
	w, _ := firstWord(gap)
	var room [loweredRoom]byte
	switch string(lowered(&room, w)) {
	case "request", "order", "orders", "purchase", "acquisition", "contract", "deal", "bid", "tender", "buy":
		return true
	}
	return false
}

// determinersAfterPreposition are the words allowed between a preposition
// and what it governs ("to the", "of its").
var determinersAfterPreposition = []string{"the", "its"}

// afterPreposition: the words right before byte offset at are one of preps
// (allowing determinersAfterPreposition between).
func (x *docState) afterPreposition(at int, preps ...string) bool {
	return prepositionEnds(x.text(at-30, at), preps)
}

// prepositionEnds: the last word of text, as annotate.LastField reads it,
// is one of preps (lower-case ASCII letters), or one of
// determinersAfterPreposition is and the
// text before it ends so. Each ASCII word is read once, from its end, and
// compared whole; a byte beyond ASCII near the end leaves the answer to
// prepositionEndsByLastWord.
func prepositionEnds(text string, preps []string) bool {
	if !mayEndInPreposition(text, preps) {
		return false
	}
	for {
		w, start, ascii := lastASCIIWord(text)
		if !ascii {
			return prepositionEndsByLastWord(text, preps)
		}
		if !foldsToOneOf(w, determinersAfterPreposition) {
			return foldsToOneOf(w, preps)
		}
		text = text[:start]
	}
}

// mayEndInPreposition is false where prepositionEnds finds none of preps
// for sure, without reading the last word: the last byte of text, past
// ASCII white space, is ASCII and the last letter of none of them, nor of
// determinersAfterPreposition (as lastWordIn turns most words away). Most texts before
// a name end so.
func mayEndInPreposition(text string, preps []string) bool {
	end := len(text)
	for end > 0 && asciiSpace[text[end-1]] {
		end--
	}
	if end == 0 {
		return false
	}
	last := text[end-1]
	if last >= utf8.RuneSelf {
		return true
	}
	last |= 0x20
	return endsOneWith(determinersAfterPreposition, last) || endsOneWith(preps, last)
}

// endsOneWith: one of words ends with the byte last.
func endsOneWith(words []string, last byte) bool {
	for _, w := range words {
		if w[len(w)-1] == last {
			return true
		}
	}
	return false
}

// foldsToOneOf: w is one of words (lower-case ASCII) but for ASCII case.
func foldsToOneOf(w string, words []string) bool {
	for _, v := range words {
		if len(w) == len(v) && catalog.EqualFoldASCII(w, v) {
			return true
		}
	}
	return false
}

// prepositionEndsByLastWord is prepositionEnds for any text, asking
// lastWordIn word by word.
func prepositionEndsByLastWord(text string, preps []string) bool {
	for {
		w, start := lastWordIn(text, determinersAfterPreposition...)
		if w == "" {
			break
		}
		text = text[:start]
	}
	prep, _ := lastWordIn(text, preps...)
	return prep != ""
}

// lastASCIIWord is the last word of text and where it starts, as
// annotate.LastField reads it, when that word, the white space after it
// and the byte before it are ASCII (ascii is false otherwise).
func lastASCIIWord(text string) (w string, start int, ascii bool) {
	end := len(text)
	for end > 0 && asciiSpace[text[end-1]] {
		end--
	}
	// Eight bytes at a time back to the white space before the word, while
	// they are ASCII; then a byte at a time.
	for start = end; start >= 8; start -= 8 {
		x := load8(text, start-8)
		if x&(lowBits<<7) != 0 {
			break
		}
		if spaces := asciiSpaceBytes(x); spaces != 0 {
			start += (63-bits.LeadingZeros64(spaces))/8 - 7 // the byte after the last of them
			return text[start:end], start, true
		}
	}
	for ; start > 0; start-- {
		c := text[start-1]
		if c >= utf8.RuneSelf {
			return "", 0, false
		}
		if asciiSpace[c] {
			break
		}
	}
	return text[start:end], start, true
}

// asciiSpaceBytes has the high bit set of each byte of x, whose bytes are
// all ASCII, that is in asciiSpace (a space, or \t to \r), and no other
// bit. Adding to an ASCII byte carries into no other byte: ' ' XOR-ed
// away leaves a byte that plus 0x7f keeps its high bit clear just where
// it is zero, and \t to \r are the bytes that reach the high bit with
// 0x80-'\t' added but not with 0x80-'\r'-1.
func asciiSpaceBytes(x uint64) uint64 {
	const high = lowBits << 7
	space := ^((x ^ ' '*lowBits) + 0x7f*lowBits)
	control := (x + (0x80-'\t')*lowBits) ^ (x + (0x80-'\r'-1)*lowBits)
	return (space | control) & high
}

// evidence turns sentence indexes into spans, adding the copies of doubled
// paragraphs.
func (v *recordValues) evidence(sents []int) []record.Span {
	idx := v.sents[:0]
	for _, i := range sents {
		idx = append(idx, i)
		idx = append(idx, v.d.Sentences[i].Copies...)
	}
	slices.Sort(idx)
	idx = slices.Compact(idx)
	v.sents = idx
	from := len(v.spans)
	for _, i := range idx {
		s := &v.d.Sentences[i] // not copied: a sentence is large
		v.spans = append(v.spans, record.Span{Start: v.d.RuneOffset(s.Start), End: v.d.RuneOffset(s.End)})
	}
	// The capacity ends with the spans, so that appending to a record's
	// evidence never writes over the next record's.
	return v.spans[from:len(v.spans):len(v.spans)]
}

func appendUnique(list []string, items ...string) []string {
	for _, it := range items {
		if it == "" {
			continue
		}
		dup := false
		for _, l := range list {
			if catalog.SameFold(l, it) {
				dup = true
				break
			}
		}
		if !dup {
			if list == nil {
				list = make([]string, 0, 4) // room for the actors of most events at once
			}
			list = append(list, it)
		}
	}
	return list
}

func appendInts(list []int, items ...int) []int {
	for _, it := range items {
		dup := false
		for _, l := range list {
			if l == it {
				dup = true
				break
			}
		}
		if !dup {
			list = append(list, it)
		}
	}
	return list
}

// datesOf returns the dates of sentence i that date an event ("in 2019"),
// leaving out bounds ("since 2018", "by 2026").
func (x *docState) datesOf(i int) []annotate.DateMention { return x.atDates[i] }

// datesAt is the dates of ds that date an event: ds itself when they all
// do.
func datesAt(ds []annotate.DateMention) []annotate.DateMention {
	if !slices.ContainsFunc(ds, func(dm annotate.DateMention) bool { return dm.Role != annotate.At }) {
		return ds
	}
	var out []annotate.DateMention
	for _, dm := range ds {
		if dm.Role == annotate.At {
			out = append(out, dm)
		}
	}
	return out
}

func distance(a0, a1, b0, b1 int) int {
	switch {
	case a1 <= b0:
		return b0 - a1
	case b1 <= a0:
		return a0 - b1
	}
	return 0
}

// mayHoldFold says whether text may hold one of words (in lower case) as
// a case-insensitive pattern matches them: in any ASCII case, or with a
// long s or a Kelvin sign, which Go's (?i) matches as s and k. A false
// answer spares running the pattern.
func mayHoldFold(text string, words ...string) bool {
	var heads foldHeads
	heads.set(words)
	return mayHoldFoldOf(text, words, &heads)
}

// mayHoldFoldOf is mayHoldFold with the heads of words made.
func mayHoldFoldOf(text string, words []string, heads *foldHeads) bool {
	found, ascii := searchFoldASCII(text, words, heads)
	return found || !ascii && (holdsRune(text, "\u017f") || holdsRune(text, "\u212a"))
}

// holdsRune says whether text holds r, a rune beyond ASCII: looking for
// its first byte first, which is fast on texts of any length.
func holdsRune(text, r string) bool {
	return strings.IndexByte(text, r[0]) >= 0 && strings.Contains(text, r)
}

// containsLower says whether strings.ToLower(s) contains one of needles
// (in lower case ASCII), without lowering s.
func containsLower(s string, needles ...string) bool {
	var heads foldHeads
	heads.set(needles)
	return containsLowerOf(s, needles, &heads)
}

// containsLowerOf is containsLower with the heads of needles made.
func containsLowerOf(s string, needles []string, heads *foldHeads) bool {
	// What s holds in ASCII, ToLower(s) holds lowered; it holds more only
	// where s has runes beyond ASCII that lower into it.
	found, ascii := searchFoldASCII(s, needles, heads)
	if found || ascii || !holdsRune(s, "\u0130") && !holdsRune(s, "\u212a") { // İ and the Kelvin sign lower into ASCII
		return found
	}
	lower := strings.ToLower(s)
	for _, n := range needles {
		if strings.Contains(lower, n) {
			return true
		}
	}
	return false
}

// foldHeads are what searchFoldASCII looks for to find needles: the
// pairs of their first two bytes, where it then compares them.
type foldHeads struct {
	// first and second repeat each pair of first bytes over a word, once,
	// for the first pairs of them.
	first, second [8]uint64
	pairs         int
	// byBytes: a needle has no first two bytes to look for that way (or
	// there are too many pairs), and the search goes a byte at a time.
	byBytes bool
}

func (heads *foldHeads) set(needles []string) {
	var a, b byte // the last pair
	for _, w := range needles {
		if len(w) < 2 || w[0]&w[1]&0x20 == 0 || heads.pairs == len(heads.first) && (w[0] != a || w[1] != b) {
			heads.byBytes = true
			return
		}
		if heads.pairs > 0 && w[0] == a && w[1] == b {
			continue // "the first", "the second"
		}
		a, b = w[0], w[1]
		heads.first[heads.pairs], heads.second[heads.pairs] = uint64(a)*lowBits, uint64(b)*lowBits
		heads.pairs++
	}
}

// lowerWords are words (in lower case ASCII) with their heads made once,
// for a search made in every sentence or for every item.
type lowerWords struct {
	words []string
	heads foldHeads
}

func lowerWordsOf(words ...string) *lowerWords {
	w := &lowerWords{words: words}
	w.heads.set(words)
	return w
}

// inLower says whether strings.ToLower(s) contains one of w.
func (w *lowerWords) inLower(s string) bool { return containsLowerOf(s, w.words, &w.heads) }

// mayHold is mayHoldFold(text, w.words...).
func (w *lowerWords) mayHold(text string) bool { return mayHoldFoldOf(text, w.words, &w.heads) }

// searchFoldASCII says whether s holds one of needles (in lower case),
// whose heads are heads, ignoring ASCII case; and, when it holds none,
// whether s is all ASCII (false where it did not read every byte).
func searchFoldASCII(s string, needles []string, heads *foldHeads) (found, ascii bool) {
	// It compares the needles only where their first two bytes stand, found
	// eight bytes at a time: a word of s OR-ed with asciiFold has at byte k
	// a needle's byte with 0x20 set when s has it there in either case (or
	// a few other bytes, which comparing the whole needle turns away).
	if heads.byBytes {
		return containsFoldASCIISlow(s, needles...), false
	}
	first, second, n := &heads.first, &heads.second, heads.pairs
	var seen uint64 // the bytes read OR-ed together: their high bits tell runes beyond ASCII
	i := 0
	if n == 1 {
		// Most calls have needles of one head, which nextHead looks for
		// with its few values in registers (calling hasFoldAt in the same
		// loop made them spill).
		for {
			var at, read uint64
			i, at, read = nextHead(s, i, first[0], second[0])
			seen |= read
			if at == 0 {
				break
			}
			if foldAtAny(s, i, at, needles) {
				return true, false
			}
			i += 8
		}
	}
	for ; i+9 <= len(s); i += 8 {
		w0, w1 := load8(s, i), load8(s, i+1) // s[i:i+8] and s[i+1:i+9]
		seen |= w0
		if foldAtAny(s, i, headsAt(w0, w1, first[:n], second[:n]), needles) {
			return true, false
		}
	}
	// The bytes from i on, fewer than nine: read as the last eight and
	// their next, leaving out the heads before i, or, in a shorter s,
	// padded with zeros, which start no needle that fits.
	var w0, w1 uint64
	base := len(s) - 9
	if base >= 0 {
		w0, w1 = load8(s, base), load8(s, base+1)
	} else {
		base = 0
		for k := len(s) - 1; k >= 0; k-- { // the first byte lowest
			w0 = w0<<8 | uint64(s[k])
		}
		w1 = w0 >> 8
	}
	seen |= w0 | w1
	if foldAtAny(s, base, headsAt(w0, w1, first[:n], second[:n])&(^uint64(0)<<(8*(i-base))), needles) {
		return true, false
	}
	return false, seen&(lowBits<<7) == 0
}

// headsAt has the high bit set of each byte k where w0 and w1, s[i:i+8]
// and s[i+1:i+9], may hold the pair of bytes first and second repeat, in
// any ASCII case, for one of the pairs; and of a few bytes more.
func headsAt(w0, w1 uint64, first, second []uint64) uint64 {
	var at uint64
	for k := range first {
		at |= zeroBytes(((w0 ^ first[k]) | (w1 ^ second[k])) &^ asciiFold)
	}
	return at
}

// foldAtAny: one of needles stands in s at byte i+k, for a byte k whose
// high bit is set in at.
func foldAtAny(s string, i int, at uint64, needles []string) bool {
	for ; at != 0; at &= at - 1 {
		if hasFoldAt(s, i+bits.TrailingZeros64(at)/8, needles) {
			return true
		}
	}
	return false
}

// nextHead is the first block of eight bytes of s from i on, by steps of
// eight, where the pair of bytes a, b (repeated over a word, with 0x20
// set in each byte) may stand, in any ASCII case, with the high bit of
// each such byte; or where the blocks that have a byte after them end,
// and 0. read is the bytes of the blocks it read OR-ed together.
func nextHead(s string, i int, a, b uint64) (next int, at, read uint64) {
	// Slicing what is left spares a bounds check of each load. As a and
	// b have 0x20 set, (w|asciiFold)^a is (w^a)&^asciiFold.
	rest := s[i:]
	for len(rest) >= 9 {
		w0, w1 := load8(rest, 0), load8(rest, 1)
		read |= w0
		if at := zeroBytes(((w0 ^ a) | (w1 ^ b)) &^ asciiFold); at != 0 {
			return len(s) - len(rest), at, read
		}
		rest = rest[8:]
	}
	return len(s) - len(rest), 0, read
}

// containsFoldASCIISlow is containsFoldASCII for any needles, a byte at a
// time.
func containsFoldASCIISlow(s string, needles ...string) bool {
	for i := range len(s) + 1 {
		if hasFoldAt(s, i, needles) {
			return true
		}
	}
	return false
}

// hasFoldAt: one of needles (in lower case) stands at byte i of s, in any
// ASCII case.
func hasFoldAt(s string, i int, needles []string) bool {
	var head uint64 // s[i:i+8] OR-ed with asciiFold, when s has them
	if i+8 <= len(s) {
		head = load8(s, i) | asciiFold
	}
	for _, n := range needles {
		if len(n) > len(s)-i {
			continue
		}
		// A needle as long as a word is turned away by its first eight
		// bytes, compared at once, where they differ in more than case.
		if len(n) >= 8 && head != load8(n, 0)|asciiFold {
			continue
		}
		if catalog.EqualFoldASCII(s[i:i+len(n)], n) {
			return true
		}
	}
	return false
}

const (
	lowBits   = 0x0101010101010101
	asciiFold = 0x2020202020202020 // OR-ed into ASCII letters, lowers them
)

// zeroBytes has the high bit set of each byte of y that is zero, and of
// some bytes above one that is (the borrow of the subtraction runs on),
// and no other bit.
func zeroBytes(y uint64) uint64 {
	return (y - lowBits) &^ y & (lowBits << 7)
}

// load8 reads s[i:i+8] as a little-endian word (one load).
func load8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// byteSet is a set of ASCII bytes, such as the marks the rules look for
// in the gaps between words or those that end a word (firstWord): a table
// read a byte at a time, where strings.ContainsAny or IndexAny makes a
// set of its own at each call, or looks each rune of a short text up in
// the marks.
type byteSet [256]bool

func byteSetOf(chars string) *byteSet {
	var set byteSet
	for _, c := range []byte(chars) {
		if c >= utf8.RuneSelf {
			panic("byteSetOf: " + chars + " is not ASCII") // a rule's constant
		}
		set[c] = true
	}
	return &set
}

// in is strings.ContainsAny(s, chars) for the set's chars: a byte of a
// rune beyond ASCII, or of one miscoded, is never one of them.
func (set *byteSet) in(s string) bool {
	for i := 0; i < len(s); i++ {
		if set[s[i]] {
			return true
		}
	}
	return false
}

// The marks that break a gap: of a clause, of a count's phrase and of a
// noun's phrase.
var (
	clauseBreaks     = byteSetOf(",;")
	countBreaks      = byteSetOf(",;:()")
	nounPhraseBreaks = byteSetOf(",;.()")
)

// endsWithLower says whether strings.ToLower(s) ends with suffix (ASCII),
// without lowering s.
func endsWithLower(s, suffix string) bool {
	for k := len(suffix) - 1; k >= 0; k-- {
		r, size := utf8.DecodeLastRuneInString(s)
		if size == 0 || unicode.ToLower(r) != rune(suffix[k]) {
			return false
		}
		s = s[:len(s)-size]
	}
	return true
}
