package extract

import (
	"bytes"
	"math/bits"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-osint/dossier/internal/annotate"
	"github.com/dossier-osint/dossier/internal/catalog"
	"github.com/dossier-osint/dossier/internal/record"
)

// item is a piece of equipment a sentence speaks of: a named system, a
// phrase referring back to one ("the three ships"), a batch, or unspecified
// equipment ("new military equipment"). It is large, so the rules read it
// in place (*item): copied into each of the dozens of calls an item goes
// through, it cost more than most of them read.
type item struct {
	sent        int
	start, end  int // the phrase, quantity included, in body bytes
	designation string
	sysIndex    int // into the catalog's Systems, or -1
	category    string
	origin      string // the catalog's country of origin
	maker       string // the catalog's maker
	// antecedent is the sentence that named the system a reference points back to.
	antecedent int
	qty        *annotate.QuantityMention
	// supplier and manufacturer as read where the system was named, for
	// the phrases that refer back to it.
	supplier, manufacturer string
	// The flags come last, packed into one word.
	uncatalogued bool
	generic      bool
	// distractor items (shown, exercised, carried) are no antecedents.
	distractor bool
	// series is "the first of six ordered": it tells the order alone.
	series bool
	// more is a bare count of the system named last ("and six more in
	// 2010"), dated by the date that follows it.
	more bool
}

// transfer is a record being built, with its evidence sentences.
type transfer struct {
	recipient, supplier, manufacturer string
	designation, category             string
	qtyValue                          int
	qualifier                         string
	status                            string
	date                              annotate.Date
	sents                             []int
	order                             int
	// supplierStated is false when the supplier is only the catalog's
	// guess from the system's origin.
	supplierStated bool
	// byFocus: no phrase names the recipient; it is the article's focus.
	byFocus      bool
	uncatalogued bool
	// listed: the sentence after names the equipment of this unspecified
	// delivery, which then needs no record of its own.
	listed bool
}

// anaphoricNouns refer back to a system named before: "the system", "the
// three ships", "one battery". The value is the category they fit, "" for any.
var anaphoricNouns = map[string]string{
	"system": "", "systems": "", "type": "", "vehicles": "vehicle", "vehicle": "vehicle", "units": "", "unit": "",
	"ships": "naval vessel", "ship": "naval vessel", "vessels": "naval vessel", "vessel": "naval vessel",
	"boats": "naval vessel", "corvette": "naval vessel", "aircraft": "aircraft", "jets": "aircraft",
	"fighters": "aircraft", "trainers": "aircraft", "planes": "aircraft", "helicopters": "helicopter",
	"drones": "drone", "guns": "artillery", "howitzers": "artillery", "launchers": "", "battery": "air defence",
	"batteries": "air defence", "radars": "sensor", "tanks": "armoured vehicle", "rifles": "small arms",
	"missiles": "missile", "frigates": "naval vessel", "corvettes": "naval vessel", "submarines": "naval vessel",
}

// The words the rules search for in every sentence or for every item,
// their heads made once.
var (
	batchWord       = lowerWordsOf("batch")
	mostOfIts       = lowerWordsOf("all of its ", "most of its ", "much of its ", "all of their ", "most of their ", "much of their ")
	inAllWords      = lowerWordsOf("in all", "in total", "altogether")
	versionWords    = lowerWordsOf("version", "variant", "derivative", "development", "licence", "license")
	forceWordsLower = lowerWordsOf(forceWords...)
	failedTo        = lowerWordsOf("failed to")
	listingWords    = lowerWordsOf("includ", "compris", "consist", "contain", "lists")
	alongWith       = lowerWordsOf("along with", "as well as", "together with")
	wonWord         = lowerWordsOf("won ")
	optionWord      = lowerWordsOf("option")
)

var (
	theOrdinals    = lowerWordsOf("the first", "the second", "the third", "the last", "the final", "the latest")
	ordinalAlone   = annotate.MustCompileSearch(ordinalAlonePattern)
	batchRe        = annotate.MustCompileSearch(`(?i)\b(?:a|the)\s+(?:first|second|third|fourth|further|follow-on|new|fresh|final|last|next)?\s*batch(?:\s+of\s+([\w,-]+))?`)
	includingAfter = regexp.MustCompile(`(?i)^(?:[^.;]{0,40}?\b(?:including|such as|among them|comprising)\b|[^.;,]{0,30}:)`)
	inAllAfter     = regexp.MustCompile(`(?i)^(?:\s+[\p{L}-]+){0,2},\s+([\w,-]+)\s+[\p{L}-]+\s+(?:in all|in total|altogether)`)
	oneBefore      = annotate.MustCompileSearch(`(?i)\b(?:a|an|another|one)\s+(?:second|third|fourth|further|new|single|more)?\s*$`)
	versionOfRe    = regexp.MustCompile(`(?i)\b(?:(?:version|variant|derivative|development)\s+of|licen[cs]e\s+from)\s+(?:the\s+|its\s+)?(?:[\p{L}-]+(?:'s|’s)\s+)?$`)
	agentBefore    = annotate.MustCompileSearch(`(?i)\b(?:flown|carried|transported|ferried|escorted|airlifted|brought)(?:\s+(?:in|into|to)\s+[\p{L}-]+)?\s+by\s+(?:[\p{L}\d-]+\s+){0,2}$`)
)

func (x *docState) transfers(events []*event) []*transfer {
	named := x.systemsNamed()
	history := slices.Grow(x.history, named) // systems named so far, in reading order
	out := slices.Grow(x.found, named)       // room for a record a system named, as most documents have
	// The items of a sentence, mostly on the stack.
	var itemBuf [8]item
	items := itemBuf[:0]
	read := x.readable()
	for ri, i := range read {
		items = x.items(items[:0], i, read[ri+1:], history)
		for k := range items {
			out, history = x.readItem(out, history, &items[k])
		}
	}
	x.history, x.found = history, out // for release to keep
	x.done = nil                      // the filters below rewrite out in place
	stateSuppliers(out)
	x.redirectDonations(out)
	out = dropToldFleets(mergeTransfers(out))
	x.inheritDates(out, events)
	kept := out[:0]
	for _, t := range out {
		if t.recipient == "" || t.recipient == t.supplier {
			continue // domestic: a state buying from itself is no transfer
		}
		if t.listed {
			continue // its equipment has records of its own
		}
		if t.designation == "" && t.supplier == "" && t.manufacturer == "" && !x.countedPlan(t) {
			continue // unspecified equipment from nobody in particular
		}
		kept = append(kept, t)
	}
	return kept
}

// countedPlan: t plans a counted number of a kind of equipment ("intends
// to buy up to six fast interceptor craft"), a purchase of its own before
// any supplier is chosen.
func (x *docState) countedPlan(t *transfer) bool {
	return t.status == record.StatusPlanned && t.qtyValue > 0 && t.category != "" && t.category != "other"
}

// anyDomestic: a state's own equipment is no antecedent for what it sells
// ("the HQ-22, which China's army fields" before "the system" Serbia ordered).
func anyDomestic(ts []*transfer) bool {
	for _, t := range ts {
		if t.recipient != "" && t.recipient == t.supplier {
			return true
		}
	}
	return false
}

// systemsNamed counts the mentions of systems in the readable sentences:
// about as many as the systems the history of transfers comes to hold.
func (x *docState) systemsNamed() int {
	n := 0
	for _, i := range x.readable() {
		ms := x.d.Mentions[i]
		for k := range ms {
			m := &ms[k]
			if m.Kind == annotate.MSystem || m.Kind == annotate.MUncatalogued {
				n++
			}
		}
	}
	return n
}

// items appends the equipment of sentence i to out.
func (x *docState) items(out []item, i int, later []int, history []item) []item {
	x.governedItems = x.governedItems[:0]
	ms := x.d.Mentions[i]
	text := x.d.Sentences[i].Text
	for k := 0; k < len(ms); k++ {
		m := &ms[k] // a mention is large, and most are no system
		switch m.Kind {
		case annotate.MSystem, annotate.MUncatalogued:
			if x.versionOf(m) {
				continue
			}
			// The item is made in its place in out, not copied there, being large.
			out = append(out, item{sent: i, start: m.Start, end: m.End, designation: m.Name, sysIndex: -1, category: m.Category, antecedent: -1})
			it := &out[len(out)-1]
			if m.Kind == annotate.MSystem {
				sys := x.cat.Systems[m.Index]
				it.sysIndex, it.origin, it.maker = m.Index, sys.Country, sys.Maker
				if named := x.text(m.Start, m.End); otherVariant(named, sys.Designation) {
					it.designation = named
				}
			} else {
				it.uncatalogued = true
			}
			// Two names of one system side by side ("Lynx CS/VP11",
			// "A-29 Super Tucano") are one mention.
			for k+1 < len(ms) && (ms[k+1].Kind == annotate.MSystem || ms[k+1].Kind == annotate.MUncatalogued) &&
				(strings.TrimSpace(x.text(it.end, ms[k+1].Start)) == "" && (x.sameSystem(it, &ms[k+1]) || x.spelledOut(&ms[k+1])) ||
					x.bracketedAlias(it, &ms[k], &ms[k+1])) {
				if x.spelledOut(&ms[k+1]) || x.bracketedAlias(it, &ms[k], &ms[k+1]) {
					// "Igla-S Very Short Range Air Defence Systems
					// (VSHORADS)": the words and the acronym after a
					// system name its kind, not a second system.
					it.end = ms[k+1].End
					if x.text(it.end, it.end+1) == ")" {
						it.end++
					}
					k++
					continue
				}
				it.end = ms[k+1].End
				if it.uncatalogued && ms[k+1].Kind == annotate.MSystem {
					sys := x.cat.Systems[ms[k+1].Index]
					it.designation, it.sysIndex, it.origin, it.maker, it.uncatalogued = sys.Designation, ms[k+1].Index, sys.Country, sys.Maker, false
					it.category = sys.Category
				}
				k++
			}
			if it.category == "" {
				it.category = x.categoryNear(i, k)
			}
			it.distractor = x.distracted(it) || x.replaced(it)
		case annotate.MTerm:
			out = x.termItem(out, i, k, later, history)
		}
	}
	// Ordinals count in a sentence that writes "the first" or the like,
	// batches in one that writes "batch": both of a system named before
	// (lastOf, lastBatched), the text unread while none is.
	if namesSystem(history) || namesSystem(out) {
		locs, batch := ordinalPhrases(text)
		if locs != nil {
			out = append(out, x.ordinalItems(i, locs, history, out)...)
		}
		if batch {
			out = append(out, x.batchItems(i, history, out)...)
		}
	}
	// pairItem reads only such a sentence; asked of all, returning its
	// large item would cost more than this test.
	if strings.HasPrefix(text, "The pair ") {
		if it, ok := x.pairItem(i, history, out); ok {
			out = append(out, it)
		}
	}
	if len(out) > 0 && len(x.triggers[i]) > 0 { // which themItems reads
		out = append(out, x.themItems(i, out)...)
	}
	if len(x.d.Qty[i]) > 0 { // which seriesItems and moreItems read, and most sentences have none
		if x.orderLooksBack(i) { // which seriesItems needs
			out = append(out, x.seriesItems(i, out)...)
		}
		out = append(out, x.moreItems(i, history, out)...)
	}
	// Unspecified equipment next to named systems, or to a phrase naming one
	// again ("the first battery, comprising a radar"), is their package or
	// their parts, not a deal of its own.
	// One in a clause of its own is its own deal: "India handed over a
	// Dornier 228 in 2016, and China donated military equipment".
	if namesSystem(out) {
		kept := out[:0]
		for k := range out {
			switch {
			case out[k].generic && x.hasNamedWith(i, out, &out[k]):
			case len(kept) < k: // one dropped before: this one moves up
				kept = append(kept, out[k])
			default: // kept where it stands, not copied onto itself
				kept = kept[:k+1]
			}
		}
		out = kept
	}
	if len(x.triggers[i]) == 0 { // which talksItems reads
		return out
	}
	return append(out, x.talksItems(i, out)...)
}

// namesSystem: one of items names its system (read in place, each being
// large).
func namesSystem(items []item) bool {
	for k := range items {
		if items[k].designation != "" {
			return true
		}
	}
	return false
}

// hasNamedWith: one of items names its system and is not apart from
// it, in sentence i.
func (x *docState) hasNamedWith(i int, items []item, it *item) bool {
	for k := range items {
		if items[k].designation != "" && !x.apart(i, items[k], *it) {
			return true
		}
	}
	return false
}

// holdsBatch is batchWord.inLower(text): only ASCII lowers into "batch"
// (of the runes beyond it only İ and the Kelvin sign lower into ASCII,
// into an i and a k), so its ASCII case is all there is to fold. Its b is
// rare in text.
func holdsBatch(text string) bool { return batchByB.heldIn(text) }

// batchByB and replacByP are "batch" and "replac" found by a rare letter.
var batchByB, replacByP = anchorWords('b', "batch"), anchorWords('p', "replac")

// apart: a clause with a subject of its own opens between items a and b
// of sentence i.
func (x *docState) apart(i int, a, b item) bool {
	if b.start < a.start {
		a, b = b, a
	}
	return x.clauseBreak(i, a.end) <= b.start
}

// builtAbroad: an Own phrase "built in" or "made in" a state after the
// equipment ("two corvettes built in China were commissioned into the
// Bangladesh Navy", "took delivery of two submarines built in Russia")
// tells where it comes from; the status verb tells what became of it,
// and the recipient decides whether it is domestic.
func (x *docState) builtAbroad(i int, t trigger) bool {
	return endsWithLower(x.text(t.Start, t.End), " in") && x.stateRightAfter(i, t.End)
}

// builtInBefore: an Own phrase "built in", "made in" or the like ends
// right before byte at of sentence i, with at most "the" between.
func (x *docState) builtInBefore(i, at int) bool {
	return slices.ContainsFunc(x.triggers[i], func(t trigger) bool {
		gap := strings.TrimSpace(x.text(t.End, at))
		return t.Class == Own && t.End <= at && endsWithLower(x.text(t.Start, t.End), " in") && (gap == "" || gap == "the")
	})
}

// otherVariant: the text names a system by its family alone or with
// another number than the catalog's variant ("Tata LPTA" or "Avante
// 1800" for "Tata LPTA 713" or "Avante 2200"): the record keeps the
// text's designation, not a variant the text does not name.
func otherVariant(named, designation string) bool {
	family, number, ok := cutNumber(designation)
	if !ok || !strings.HasPrefix(named, family) {
		return false
	}
	rest := strings.TrimSpace(named[len(family):])
	if rest == "" {
		return true
	}
	if _, n, ok := cutNumber(named); ok && rest == n {
		return n != number
	}
	return false
}

// cutNumber splits a designation whose last word is all digits ("Avante
// 2200") into the words before it and that number.
func cutNumber(designation string) (family, number string, ok bool) {
	k := strings.LastIndexByte(designation, ' ')
	number = designation[k+1:]
	if k <= 0 || !allDigits(number) {
		return "", "", false
	}
	return designation[:k], number, true
}

// talksItems reads "Togo and Ghana are in talks with Baykar": talks with
// a maker, their clause naming no equipment, plan a purchase of what it
// makes, unspecified.
func (x *docState) talksItems(i int, sofar []item) []item {
	for _, t := range x.triggers[i] {
		if t.Class != Planned || !annotate.LowerIs(x.text(t.Start, t.End), "in talks") {
			continue
		}
		end := x.clauseBreak(i, t.End)
		if slices.ContainsFunc(sofar, func(it item) bool { return it.start >= t.End && it.start < end }) {
			continue
		}
		ms := x.d.Mentions[i]
		for k := range ms {
			m := &ms[k]
			if m.Start > t.End && m.Kind == annotate.MOrg && (m.OrgKind == "maker" || m.OrgKind == "seller") &&
				x.text(t.End, m.Start) == " with " {
				return []item{{sent: i, start: m.Start, end: m.End, sysIndex: -1, category: x.makerCategory(m.Name), antecedent: -1, generic: true}}
			}
		}
	}
	return nil
}

// makerCategory is the one category of all the catalogued systems of a
// maker (Baykar's are drones), else "other".
func (x *docState) makerCategory(maker string) string {
	category := ""
	for _, sys := range x.cat.Systems {
		if sys.Maker != maker {
			continue
		}
		if category != "" && sys.Category != category {
			return "other"
		}
		category = sys.Category
	}
	if category == "" {
		return "other"
	}
	return category
}

// ordinalItems reads "The first was handed over in March 2023.": one of
// the system named last.
func (x *docState) ordinalItems(i int, locs [][]int, history, sofar []item) []item {
	s := x.d.Sentences[i]
	var out []item
	for _, loc := range locs {
		if ante, ok := lastOf(history, sofar, ""); ok {
			it := ante
			it.sent, it.start, it.end, it.antecedent = i, s.Start+loc[0], s.Start+loc[0]+len("the first"), ante.sent
			one := annotate.QuantityMention{Value: 1, Qualifier: annotate.Exact}
			if phrase := s.Text[loc[0]:loc[1]]; containsLower(phrase, "ones", "of them") && !endsWithLower(phrase, " was") && !endsWithLower(phrase, " is") {
				// "the first ones", "the last of them": how many, untold;
				// "the first of them was" is one.
				one = annotate.QuantityMention{Qualifier: annotate.Unknown}
			}
			it.qty = &one
			out = append(out, it)
		}
	}
	return out
}

// orderLooksBack: sentence i tells an order that looks back at what
// precedes it, the one trigger seriesItems makes an item of.
func (x *docState) orderLooksBack(i int) bool {
	return slices.ContainsFunc(x.triggers[i], func(t trigger) bool { return t.Class == Contracted && t.Bwd })
}

// seriesItems reads "received two T129s on Tuesday, the first of six
// ordered in 2022": a part of a series with no system of its own, told
// with the order, is that order of the system named before it.
func (x *docState) seriesItems(i int, sofar []item) []item {
	var out []item
	for k := range x.d.Qty[i] {
		q := x.d.Qty[i][k]
		if !q.Part {
			// "the remaining three of the six ordered under a 2020
			// contract": two counts the annotator gives apart.
			if p := x.partOfSeries(i, &x.d.Qty[i][k]); p.Part {
				q = *p
			}
		}
		if !q.Part || x.itemRightAfter(sofar, q.End) || x.hasItemCovering(sofar, q.Start) {
			continue
		}
		ante, ok := lastOf(nil, sofar, "")
		if !ok || ante.start > q.Start {
			continue
		}
		for _, t := range x.triggers[i] {
			if t.Start >= q.End && t.Class == Contracted && t.Bwd && strings.TrimSpace(x.text(q.End, t.Start)) == "" {
				it := ante
				it.start, it.end, it.series = q.Start, q.End, true
				it.qty = &annotate.QuantityMention{Value: q.Of, Qualifier: annotate.Exact}
				out = append(out, it)
			}
		}
	}
	return out
}

// moreItems reads "ordered six in 2008 and six more in 2010" or "on top
// of the 36 it already operates": a count with no noun of its own is a
// batch of the system named last. A count alone needs a verb of status
// or "the" right before it ("ordered 18, most of them used"); a count
// followed by "more" is a further batch, dated by the date after it.
func (x *docState) moreItems(i int, history, sofar []item) []item {
	var out []item
	qs := x.d.Qty[i]
	for k := range qs {
		q := &qs[k]
		if q.Part {
			continue
		}
		after := x.text(q.End, q.End+30)
		more := strings.HasPrefix(after[skipRegexpSpace(after, 0):], "more") || furtherBefore(x.text(q.Start-12, q.Start))
		if !more && (q.Qualifier == annotate.Unknown || !x.statusRightBefore(i, q.Start) && !theBefore(x.text(q.Start-8, q.Start)) &&
			!allBefore(x.text(q.Start-8, q.Start)) && !x.statusRightAfter(i, q.End)) {
			continue
		}
		var room [4]int // loc, read before the next count
		loc := matchBareCount(room[:0], after)
		if loc == nil && !more && (x.ofThemTo(i, q.End) || x.ofThoseStatus(i, q.End)) {
			loc = append(room[:0], 0, 0, -1, -1)
		}
		if loc == nil || x.hasItemCovering(sofar, q.Start) {
			continue
		}
		ante, ok := lastOf(history, sofar, "")
		if p, found := x.parallelItem(i, q.Start, sofar); found {
			ante, ok = p, true
		}
		if !ok || ante.start > q.Start && ante.sent == i {
			continue
		}
		it := ante
		it.sent, it.start, it.end, it.more = i, q.Start, q.End, more
		if more {
			it.end += loc[3]
		}
		if ante.sent != i {
			it.antecedent = ante.sent
		}
		qty := *q // a copy of its own only for the items made
		it.qty = &qty
		out = append(out, it)
	}
	return out
}

// parallelItem: the count at byte at follows a status verb that an
// earlier clause of the sentence uses too ("Thailand signed for four of
// the jets in August, adding to the Gripen C/D fighters ..., and Colombia
// signed for 17"): the count is of what that clause's verb governed,
// not of a system named between.
func (x *docState) parallelItem(i, at int, sofar []item) (item, bool) {
	ts := x.triggers[i]
	for k := range ts {
		t := ts[k]
		if !t.Fwd || !t.Class.isStatus() || t.End > at || strings.TrimSpace(x.text(t.End, at)) != "" {
			continue
		}
		verb := x.text(t.Start, t.End)
		for _, e := range ts {
			if e.End > t.Start || !strings.EqualFold(x.text(e.Start, e.End), verb) {
				continue
			}
			// The first item after the earlier verb is what it governed.
			for _, it := range sofar {
				if it.start >= e.End && it.end <= t.Start && it.designation != "" {
					return it, true
				}
			}
		}
	}
	return item{}, false
}

// furtherBefore: text ends with "another" or "the next", which make the
// count after it a further batch as "more" does ("another six in 2022").
func furtherBefore(text string) bool {
	if !lastFieldMayEndWith(text, "er", "xt") { // most counts: no word to read
		return false
	}
	last, start := annotate.LastField(text)
	if annotate.LowerIs(last, "another") {
		return true
	}
	if !annotate.LowerIs(last, "next") {
		return false
	}
	prev, _ := annotate.LastField(text[:start])
	return annotate.LowerIs(prev, "the")
}

// statusRightBefore: a status verb that governs what follows ends right
// before at ("ordered six").
func (x *docState) statusRightBefore(i, at int) bool {
	for _, t := range x.triggers[i] {
		if t.Fwd && t.Class.isStatus() && t.End <= at && strings.TrimSpace(x.text(t.End, at)) == "" {
			return true
		}
	}
	return false
}

// ofThemTo: " of them to" and a state follow byte at of sentence i ("gave
// six of them to Ukraine"): a count of the system named last, given on.
func (x *docState) ofThemTo(i, at int) bool {
	rest, ok := strings.CutPrefix(x.text(at, at+14), " of them to ")
	return ok && rest != "" && x.stateRightAfter(i, at+len(" of them to"))
}

// ofThoseStatus: " of those", " of them" or " of these" and a status
// verb follow byte at of sentence i ("the first two of those were handed
// over"): a count of the system named last.
func (x *docState) ofThoseStatus(i, at int) bool {
	after := x.text(at, at+10)
	for _, p := range []string{" of those", " of them", " of these"} {
		if strings.HasPrefix(after, p) {
			return x.statusRightAfter(i, at+len(p))
		}
	}
	return false
}

// statusRightAfter: a status verb that governs what precedes it starts
// right after at, an auxiliary or "already" allowed between ("six have
// been handed over", "nine already flying").
func (x *docState) statusRightAfter(i, at int) bool {
	for _, t := range x.triggers[i] {
		if !t.Bwd || !t.Class.isStatus() || t.Start < at || t.Start-at > 12 {
			continue
		}
		switch gap := strings.TrimSpace(x.text(at, t.Start)); gap {
		case "", "have", "has", "had", "were", "was", "are":
			return true
		}
	}
	return false
}

// theBefore: text ends with the word "the" and white space.
func theBefore(text string) bool {
	n := lastSpaceRun(text, len(text))
	t := text[:n]
	if n == len(text) || n < 3 || !strings.EqualFold(t[n-3:], "the") {
		return false
	}
	if n == 3 {
		return true
	}
	return !annotate.ASCIILetter(t[n-4]) // no letter right before "the"
}

// allBefore: text ends with the word "all" and white space ("all 64 had
// been handed over"): the whole of a count told before.
func allBefore(text string) bool {
	if !lastFieldMayEndWith(text, "all") {
		return false
	}
	last, start := annotate.LastField(text)
	return annotate.LowerIs(last, "all") && start > 0 && lastSpaceRun(text, len(text)) < len(text) && annotate.IsRegexpSpace(text[start-1])
}

// batchItems reads "a second batch followed in 2023": a batch with no
// system of its own is one of the system named last.
func (x *docState) batchItems(i int, history, sofar []item) []item {
	s := x.d.Sentences[i]
	var out []item
	for _, loc := range batchRe.FindAllSubmatchIndex(s.Text) {
		a, b := s.Start+loc[0], s.Start+loc[1]
		// Unspecified equipment after the batch ("a third batch of
		// twelve aircraft") is what the batch counts, no system of its
		// own: the batch names the system told before.
		all := slices.DeleteFunc(append(append([]item(nil), sofar...), out...), func(it item) bool { return it.generic })
		if x.itemRightAfter(all, b) || x.hasItemCovering(all, a) {
			continue
		}
		// "a second batch of 20 vehicles" goes on with vehicles.
		noun, _ := firstWord(x.text(b, b+30))
		kind := anaphoricNouns[strings.ToLower(noun)]
		ante, ok := x.lastBatched(history, all, kind)
		if !ok {
			ante, ok = lastOf(history, all, kind)
		}
		if !ok || len(all) > 0 && all[len(all)-1].start > a {
			continue
		}
		it := ante
		it.sent, it.start, it.end, it.qty = i, a, b, nil
		if ante.sent != i {
			it.antecedent = ante.sent
		}
		if loc[2] >= 0 {
			qs := x.d.Qty[i]
			for k := range qs {
				if qs[k].Start == s.Start+loc[2] {
					q := qs[k] // a copy of its own
					it.qty = &q
				}
			}
		}
		if it.qty == nil {
			unknown := annotate.QuantityMention{Qualifier: annotate.Unknown}
			it.qty = &unknown
		}
		out = append(out, it)
	}
	return out
}

// pairItem reads "The pair were ordered in 2021", a sentence i that
// opens with "The pair " (items asks it of no other): two of the system
// named last, which the sentence does not name again.
func (x *docState) pairItem(i int, history, sofar []item) (item, bool) {
	s := x.d.Sentences[i]
	if len(sofar) > 0 {
		return item{}, false
	}
	ante, ok := lastOf(history, nil, "")
	if !ok {
		return item{}, false
	}
	two := annotate.QuantityMention{Value: 2, Qualifier: annotate.Exact}
	ante.sent, ante.start, ante.end, ante.antecedent, ante.qty = i, s.Start, s.Start+len("The pair"), ante.sent, &two
	return ante, true
}

// themItems read "them" after a status verb as the system named before
// it in sentence i ("ordered 172 Pars vehicles in 2015, and Ankara
// delivered them between 2017 and 2020"), as many as were named.
func (x *docState) themItems(i int, sofar []item) []item {
	var out []item
	for _, t := range x.triggers[i] {
		after, ok := strings.CutPrefix(x.text(t.End, t.End+9), " them")
		if next, _ := utf8.DecodeRuneInString(after); !ok || !t.Fwd || !t.Class.isStatus() || after != "" && !notWordRune(next) {
			continue
		}
		for j := len(sofar) - 1; j >= 0; j-- {
			if ante := sofar[j]; ante.end <= t.Start && ante.designation != "" && !ante.distractor {
				q := ante.qty
				if q == nil {
					q = x.quantityBefore(&ante)
				}
				if q != nil {
					// the count only: its place would govern "them" by the
					// verb before the count
					ante.qty = &annotate.QuantityMention{Value: q.Value, Qualifier: q.Qualifier}
				}
				ante.start, ante.end, ante.antecedent = t.End+1, t.End+len(" them"), i
				out = append(out, ante)
				break
			}
		}
	}
	return out
}

// acquiredVerb: t opens with a verb of the buyer's acquiring
// ("acquired", "obtained", "bought", "purchased"), not of the seller's
// supplying.
func (x *docState) acquiredVerb(t trigger) bool {
	w, _ := firstWord(x.text(t.Start, t.End))
	return annotate.LowerIs(w, "acquired") || annotate.LowerIs(w, "obtained") || annotate.LowerIs(w, "bought") || annotate.LowerIs(w, "purchased")
}

// countArriving reads the count of an uncounted item in an absolute
// clause after it ("took delivery of a second batch of Yak-130 trainers
// from Russia, with six aircraft arriving on Tuesday").
func (x *docState) countArriving(it *item) *annotate.QuantityMention {
	if len(x.d.Qty[it.sent]) == 0 {
		return nil // no count to find
	}
	after := x.text(it.end, it.end+80)
	k := indexBy(after, ", with ", 0)
	if k < 0 || strings.ContainsAny(after[:k], ".;") {
		return nil
	}
	at := it.end + k + len(", with ")
	for n := range x.d.Qty[it.sent] {
		q := &x.d.Qty[it.sent][n]
		if q.Start != at {
			continue
		}
		noun, rest := firstWord(x.text(q.End, q.End+40))
		verb, _ := firstWord(rest)
		if _, ok := anaphoricNouns[strings.ToLower(noun)]; ok && strings.HasSuffix(verb, "ing") {
			return q
		}
	}
	return nil
}

// lastBatched is the system last told in batches ("a second batch of
// Yak-130 trainers"), of the kind the further batch counts if it says,
// which that batch goes on with, whatever was named since.
func (x *docState) lastBatched(history, sofar []item, kind string) (item, bool) {
	for _, list := range [][]item{sofar, history} {
		for j := len(list) - 1; j >= 0; j-- {
			if it := list[j]; it.designation != "" && !it.distractor && batchWord.inLower(x.text(it.start-20, it.start)) &&
				(kind == "" || fitsCategory(it.category, kind)) {
				return it, true
			}
		}
	}
	return item{}, false
}

// spelledOut: a catalogued system is named by words alone, three or
// more of them ("Very Short Range Air Defence Systems"): right after
// another system's name they tell its kind.
func (x *docState) spelledOut(m *annotate.Mention) bool {
	if m.Kind != annotate.MSystem {
		return false
	}
	name := x.text(m.Start, m.End)
	return !annotate.FieldsAtMost(name, 2) && !strings.ContainsAny(name, "0123456789-/")
}

// bracketedAlias: next stands in brackets right after prev, the last
// name of the item, and names the same system or prev's own acronym
// ("Cheongung-II (M-SAM Block 2)", "... Air Defence Systems (VSHORADS)").
func (x *docState) bracketedAlias(it *item, prev, next *annotate.Mention) bool {
	if x.text(prev.End, next.Start) != " (" {
		return false
	}
	// The brackets close within two words: "(M-SAM Block 2)".
	if after := x.text(next.End, next.End+16); !strings.HasPrefix(after, ")") {
		k := strings.IndexByte(after, ')')
		if k < 0 || !annotate.FieldsAtMost(after[:k], 2) || strings.ContainsAny(after[:k], "(,;") {
			return false
		}
	}
	return prev.Kind == next.Kind && prev.Index == next.Index && next.Kind == annotate.MSystem || x.sameSystem(it, next)
}

func (x *docState) sameSystem(it *item, m *annotate.Mention) bool {
	if m.Kind == annotate.MUncatalogued || it.uncatalogued {
		return true
	}
	if it.sysIndex == m.Index {
		return true
	}
	a, b := x.cat.Systems[it.sysIndex], x.cat.Systems[m.Index]
	return a.Family == b.Designation || b.Family == a.Designation || a.Family != "" && a.Family == b.Family
}

// categoryNear gives an uncategorised mention the category of the term
// that follows it.
func (x *docState) categoryNear(i, k int) string {
	ms := x.d.Mentions[i]
	for j := k + 1; j < len(ms) && j <= k+3; j++ {
		if ms[j].Kind == annotate.MTerm {
			return ms[j].Category
		}
	}
	return "other"
}

// termItem appends to sofar, the items of sentence i so far, what term k
// reads: a reference back to a named system ("the Indian system", "24 of
// the vehicles"), unspecified equipment of a deal ("half a dozen armoured
// patrol vehicles donated by the UAE"), or nothing (a category word next to
// a named system). Appending in place spares the copy of a large item
// returned, most often an empty one.
func (x *docState) termItem(sofar []item, i, k int, later []int, history []item) []item {
	ms := x.d.Mentions[i]
	m := &ms[k]
	// A term right after or right before a system names that system's kind.
	if k > 0 && (ms[k-1].Kind == annotate.MSystem || ms[k-1].Kind == annotate.MUncatalogued) &&
		annotate.FieldsAtMost(x.text(ms[k-1].End, m.Start), 3) && !clauseBreaks.in(x.text(ms[k-1].End, m.Start)) {
		return sofar
	}
	if k+1 < len(ms) && (ms[k+1].Kind == annotate.MSystem || ms[k+1].Kind == annotate.MUncatalogued) &&
		annotate.FieldsAtMost(x.text(m.End, ms[k+1].Start), 1) {
		return sofar
	}
	if k > 0 && ms[k-1].Kind == annotate.MTerm && strings.TrimSpace(x.text(ms[k-1].End, m.Start)) == "" {
		return sofar
	}
	// "a larger aircraft than the drones Burkina Faso flies": what a
	// system is compared with is other equipment, no record.
	if before := x.text(m.Start-10, m.Start); strings.HasSuffix(before, " than ") || strings.HasSuffix(before, " than the ") {
		return sofar
	}
	// "three batteries of the BrahMos missile": the term counts units of
	// the system named after it.
	if k+1 < len(ms) && (ms[k+1].Kind == annotate.MSystem || ms[k+1].Kind == annotate.MUncatalogued) {
		if gap := x.text(m.End, ms[k+1].Start); gap == " of the " || gap == " of " {
			return sofar
		}
	}
	// "dozens of armoured vehicles, including ...": the systems listed
	// are the equipment; a list of parts only ("the first battery,
	// comprising a radar and four launchers") leaves the term its own.
	// (The cheap look at the mentions first: most terms have no system
	// after them to list.)
	if after := x.text(m.End, m.End+60); x.systemBetween(i, m.End, m.End+len(after)) && mayIncludeAfter(after) &&
		includingAfter.MatchString(after) {
		return sofar
	}
	// The words before the noun, a state of origin left out: "the
	// first 12 German-built vehicles" refer back as "the first 12
	// vehicles" do.
	origin, lead := x.originBefore(i, k)
	before := x.text(lead-40, lead)
	var room [loweredRoom]byte
	word := lowered(&room, x.text(m.Start, m.End)) // looked up in place, not copied
	fits, anaphoric := anaphoricNouns[string(word)]
	if !anaphoric && bytes.HasSuffix(word, []byte("s")) { // a word without one was just looked up
		fits, anaphoric = anaphoricNouns[string(word[:len(word)-1])]
	}
	if x.partBefore(i, m.Start) {
		anaphoric = true // "the second of three offshore patrol vessels"
	}
	if countGlued(before) {
		anaphoric, fits = true, "" // "a 28-aircraft order": a count of the system just named
	}
	refers := anaphoric && (determinerBefore(before, 2, "the", "these", "those", "its", "their", "this", "that") ||
		determinerBefore(before, 0, "one", "of", "more") || countGlued(before) || x.partBefore(i, m.Start))
	// "a contract for ten batteries", "ordering 12 batteries": a count of a
	// kind right after a status verb is an order of the system named
	// before. A word that can itself be unspecified equipment ("14
	// aircraft") is one only when the sentence names that system.
	counted := !refers && anaphoric && x.countAfterStatus(i, m.Start)
	// With no system of its kind named before ("will supply 20
	// howitzers"), it is unspecified equipment of that kind.
	unnamedKind := false
	if counted && m.Generic {
		_, named := lastOf(history, sofar, fits)
		unnamedKind = !named
		history, later = nil, nil
	}
	if refers || counted {
		want := fits
		if want == "" {
			want = "*"
		}
		ante, ok := lastFrom(history, sofar, want, origin)
		if named, found := namedBefore(before, history, sofar); found {
			ante, ok = named, true
		}
		if !ok {
			ante, ok = x.nextSystem(later, want)
		}
		if ok {
			it := ante
			it.sent, it.start, it.end, it.antecedent = i, m.Start, m.End, ante.sent
			return append(sofar, it)
		}
		if !unnamedKind {
			return sofar
		}
	}
	if !m.Generic || x.heading(i) {
		return sofar // "3. April: a Turkish drone deal" heads a section, it tells no deal
	}
	// "bought almost all of its weapons from Russia" tells where a state
	// mostly buys, no deal. Each of mostOfIts holds the f of "of", which
	// most windows lack.
	if before := x.text(m.Start-20, m.Start); holdsLetter(before, 'f') && mostOfIts.inLower(before) {
		return sofar
	}
	if ante, ok := x.namedNext(later, m.Category); ok {
		ante.sent, ante.start, ante.end, ante.antecedent = i, m.Start, m.End, ante.sent
		return append(sofar, ante)
	}
	return append(sofar, item{sent: i, start: m.Start, end: m.End, sysIndex: -1, category: m.Category, antecedent: -1, generic: true})
}

// namedNext reads a designation told only in the next sentence, in an
// apposition to its subject ("Forty armoured vehicles were delivered. The
// vehicles, Panthera T6 models made in the UAE, were unloaded").
func (x *docState) namedNext(later []int, category string) (item, bool) {
	if len(later) == 0 {
		return item{}, false
	}
	j := later[0]
	s := x.d.Sentences[j]
	ms := x.d.Mentions[j]
	for k := range ms {
		m := &ms[k]
		if m.Kind != annotate.MSystem {
			continue
		}
		lead := x.text(s.Start, m.Start)
		sys := x.cat.Systems[m.Index]
		if (strings.HasPrefix(lead, "The ") || strings.HasPrefix(lead, "These ")) && strings.HasSuffix(lead, ", ") &&
			annotate.FieldsAtMost(lead, 3) && fitsCategory(sys.Category, category) {
			return item{sent: j, designation: sys.Designation, sysIndex: m.Index, category: sys.Category,
				origin: sys.Country, maker: sys.Maker, antecedent: -1}, true
		}
		break
	}
	return item{}, false
}

// namedBefore is the system named before whose designation holds the
// capitalised word that ends before ("The Marksman vehicles" after
// "Mahindra Marksman light armoured vehicles and Casspir vehicles").
func namedBefore(before string, history, sofar []item) (item, bool) {
	w, _ := annotate.LastField(before)
	if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) || len(w) < 3 || strings.HasSuffix(before, w) {
		return item{}, false
	}
	for _, list := range [][]item{sofar, history} {
		for j := len(list) - 1; j >= 0; j-- {
			for d := range strings.FieldsSeq(list[j].designation) {
				if strings.EqualFold(d, w) {
					return list[j], true
				}
			}
		}
	}
	return item{}, false
}

// heading: sentence i is a heading, a short line that ends with no stop
// ("3. April: a Turkish drone deal", "Egypt's lost Flankers").
func (x *docState) heading(i int) bool {
	text := x.d.Sentences[i].Text
	t := text[:lastSpaceRun(text, len(text))]
	if t == "" {
		return false
	}
	// The stop first: it ends most sentences, and is cheaper to read
	// than their words.
	switch t[len(t)-1] {
	case '.', '!', '?', '"', '\'', ')':
		return false
	}
	return !strings.HasSuffix(t, "”") && !strings.HasSuffix(t, "’") && annotate.FieldsAtMost(t, 10)
}

// originBefore is the state of a demonym right before term k of sentence
// i, "-built" or "-made" allowed between, and where the demonym starts
// (else "" and the term's start): "the Swedish jets" and "the French-made
// jets" point back to that state's system, not to the one named last.
func (x *docState) originBefore(i, k int) (string, int) {
	ms := x.d.Mentions[i]
	if k == 0 || ms[k-1].Kind != annotate.MCountry || ms[k-1].Form != catalog.Demonym {
		return "", ms[k].Start
	}
	gap := strings.TrimSpace(x.text(ms[k-1].End, ms[k].Start))
	for _, suffix := range []string{"", "-built", "-made", "-designed", "-supplied"} {
		if gap == suffix {
			return ms[k-1].Country, ms[k-1].Start
		}
	}
	return "", ms[k].Start
}

// countAfterStatus: a count ends right before at and follows a status
// verb, with at most "for" between ("ordered six", "contract for ten").
func (x *docState) countAfterStatus(i, at int) bool {
	qs := x.d.Qty[i]
	for k := range qs {
		q := &qs[k]
		if q.End > at || q.Qualifier == annotate.Unknown || strings.TrimSpace(x.text(q.End, at)) != "" {
			continue
		}
		for _, t := range x.triggers[i] {
			if gap := strings.TrimSpace(x.text(t.End, q.Start)); t.Fwd && t.Class.isStatus() && t.End <= q.Start && (gap == "" || gap == "for") {
				return true
			}
		}
	}
	return false
}

// countGlued: a number glued by a hyphen ends text ("a 28-" of "a
// 28-aircraft order").
func countGlued(text string) bool {
	n := len(text)
	return n >= 2 && text[n-1] == '-' && text[n-2] >= '0' && text[n-2] <= '9'
}

// determinerBefore: text ends with one of words followed by at most
// between other words ("the three ships" with between 2, "24 of the" with
// between 0, "the first 12 German-built vehicles" with 2), all letters,
// digits and hyphens.
func determinerBefore(text string, between int, words ...string) bool {
	if found, ascii := determinerBeforeASCII(text, between, words); ascii {
		return found
	}
	return determinerBeforeFields(text, between, words)
}

// determinerBeforeASCII is determinerBefore for a text whose words it
// reads are ASCII, where a field is a run of bytes other than ASCII white
// space, read back byte by byte once: the general path's field, lowering
// and plainness tests cost several times as much. ascii is false where it
// meets a byte beyond ASCII, and the general path must read the text.
func determinerBeforeASCII(text string, between int, words []string) (found, ascii bool) {
	end := len(text)
	cut := !strings.HasSuffix(text, " ") // the phrase's own first word, cut by the window
	for n := 0; n <= between; {
		for end > 0 && asciiSpace[text[end-1]] {
			end--
		}
		if end == 0 {
			return false, true
		}
		start, kinds := end, fieldByte(0)
		for start > 0 {
			kind := fieldByteKinds[text[start-1]]
			if kind == 0 {
				break
			}
			kinds |= kind
			start--
		}
		if kinds&beyondASCIIByte != 0 {
			return false, false
		}
		plain := kinds&otherASCIIByte == 0
		w := text[start:end]
		end = start
		if cut {
			cut = false
			continue
		}
		for _, d := range words {
			// An ASCII word lowers to d only when as long.
			if len(w) == len(d) && catalog.EqualFoldASCII(w, d) {
				return true, true
			}
		}
		if !plain {
			return false, true
		}
		n++
	}
	return false, true
}

// fieldByte is the kind of a byte a field is read back over, one table
// look-up for the three tests of each: 0 for ASCII white space, which
// ends the field.
type fieldByte uint8

const (
	plainASCIIByte  fieldByte = 1 << iota // plainASCII
	otherASCIIByte                        // any other ASCII but white space
	beyondASCIIByte                       // a byte of a rune beyond ASCII
)

var fieldByteKinds = func() (t [256]fieldByte) {
	for c := range t {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = beyondASCIIByte
		case plainASCII[c]:
			t[c] = plainASCIIByte
		case !asciiSpace[c]:
			t[c] = otherASCIIByte
		}
	}
	return t
}()

// determinerBeforeFields is determinerBefore for any text.
func determinerBeforeFields(text string, between int, words []string) bool {
	w, start := annotate.LastField(text)
	if !strings.HasSuffix(text, " ") && w != "" {
		w, start = annotate.LastField(text[:start]) // the phrase's own first word, cut by the window
	}
	for range between + 1 {
		if w == "" {
			break
		}
		if lowerIsAny(w, words...) {
			return true
		}
		if !plainWord(w) {
			return false
		}
		w, start = annotate.LastField(text[:start])
	}
	return false
}

// notWordRune: r, lowered, is no letter, digit or hyphen.
func notWordRune(r rune) bool {
	if r < utf8.RuneSelf { // ASCII, where most words are: its letters lower into letters
		return !('a' <= r|0x20 && r|0x20 <= 'z' || '0' <= r && r <= '9' || r == '-')
	}
	r = unicode.ToLower(r)
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-'
}

// replaced: the item is what new equipment replaces ("replace ageing
// F-16s with up to 12 of the Swedish jets"), so no phrase refers back to it.
func (x *docState) replaced(it *item) bool {
	before := x.text(it.start-60, it.start)
	// "replac" holds no s or k, the letters whose folds reach beyond
	// ASCII, so replacedBefore matches only where an ASCII-folding search
	// finds it.
	return replacByP.heldIn(before) && replacedBefore.MatchString(before)
}

var replacedBefore = regexp.MustCompile(`(?i)\breplac(?:e|es|ed|ing)\s+(?:the\s+|its\s+|their\s+)?(?:[\p{L}'’-]+\s+){0,5}$`)

// partBefore: one of a series ends right before at.
func (x *docState) partBefore(i, at int) bool {
	qs := x.d.Qty[i]
	for k := range qs {
		q := &qs[k]
		if q.Part && q.End <= at && strings.TrimSpace(x.text(q.End, at)) == "" {
			return true
		}
	}
	return false
}

// lastOf returns the latest system named, in this sentence or before, that
// fits the category ("*" or "" for any).
func lastOf(history, sofar []item, category string) (item, bool) {
	return lastFrom(history, sofar, category, "")
}

// lastFrom is lastOf for systems from one state (alpha-3, "" for any).
func lastFrom(history, sofar []item, category, origin string) (item, bool) {
	if it, ok := lastFromOf(history, sofar, category, origin, false); ok {
		return it, true
	}
	// "Yugoimport displayed its Miloš ... Twelve of the vehicles were
	// handed over": a phrase that names the kind or the origin may point
	// back to a system only shown, when nothing else fits.
	if category != "" && category != "*" || origin != "" {
		return lastFromOf(history, sofar, category, origin, true)
	}
	return item{}, false
}

func lastFromOf(history, sofar []item, category, origin string, distractors bool) (item, bool) {
	for _, list := range [][]item{sofar, history} {
		for j := len(list) - 1; j >= 0; j-- {
			it := list[j]
			if it.designation == "" || it.distractor && !distractors || origin != "" && it.origin != origin && it.supplier != origin {
				continue
			}
			if category == "" || category == "*" || fitsCategory(it.category, category) {
				return it, true
			}
		}
	}
	return item{}, false
}

func fitsCategory(have, want string) bool {
	if have == want {
		return true
	}
	switch want {
	case "vehicle":
		return have == "armoured vehicle" || have == "unarmoured vehicle"
	case "aircraft":
		return have == "drone" || have == "helicopter"
	case "air defence":
		return have == "artillery" || have == "missile"
	}
	return false
}

// nextSystem looks ahead two sentences for the system a phrase announces
// ("the second of three offshore patrol vessels ... The OPV 58 S vessel").
func (x *docState) nextSystem(later []int, category string) (item, bool) {
	for n, j := range later {
		if n >= 2 {
			break
		}
		ms := x.d.Mentions[j]
		for k := range ms {
			m := &ms[k]
			if m.Kind != annotate.MSystem {
				continue
			}
			sys := x.cat.Systems[m.Index]
			if category == "*" || fitsCategory(sys.Category, category) {
				return item{sent: j, designation: sys.Designation, sysIndex: m.Index, category: sys.Category,
					origin: sys.Country, maker: sys.Maker, antecedent: -1}, true
			}
		}
	}
	return item{}, false
}

func (x *docState) itemRightAfter(items []item, at int) bool {
	for _, it := range items {
		if it.start >= at && annotate.FieldsAtMost(x.text(at, it.start), 4) && !strings.ContainsAny(x.text(at, it.start), ",;") {
			return true
		}
	}
	return false
}

func (x *docState) hasItemCovering(items []item, at int) bool {
	for _, it := range items {
		if it.start <= at && at < it.end {
			return true
		}
	}
	return false
}

// governors are the triggers that give an item its records: usually one,
// two where a delivery and the order behind it are told together. A
// distractor among them (a fair, an exercise, a carrier) means no record.
func (x *docState) governors(it *item, qty *annotate.QuantityMention) governorList {
	if before := x.text(it.start-60, it.start); strings.Contains(before, "by ") && agentBefore.MatchString(before) {
		return governed(trigger{Class: Agent}) // "flown into Belgrade by six Y-20 transport aircraft" carried the cargo
	}
	fwd, bwd := x.governing(it, qty)
	var order *trigger
	if fwd != nil && fwd.Class == Delivered {
		order = x.datedOrderAfter(it)
	}
	switch {
	case it.series:
		return governed(*bwd)
	case it.more && bwd != nil && annotate.FieldsAtMost(x.text(it.end, bwd.Start), 0):
		return governed(*bwd) // "received two ... and has 42 more on order"
	case it.more && fwd == nil && bwd == nil:
		// "The first four arrived in September and the next six in
		// October": a further batch with no verb shares the one before.
		if g := x.gappedVerb(it); g != nil {
			return governed(*g)
		}
	case fwd != nil && bwd != nil && x.dealNoun(*fwd) && x.contractVerb(*bwd):
		// "The acquisition of 64 T-90S tanks was contracted in 2017": the
		// verb tells what became of the deal the noun names.
		return governed(*bwd)
	case fwd != nil && bwd != nil && fwd.Class == InService && bwd.Class == Delivered &&
		(participleAfter(x.text(x.nounEnd(it), bwd.Start)) || x.givenInClause(it, *bwd)) &&
		(x.datedClause(it.sent, bwd.End) || x.acquiredVerb(*bwd)):
		// "flies Russian MiG-29 fighters donated by Moscow in 2017",
		// "operates two Dornier 228s that New Delhi handed over in 2023":
		// the fleet's acquisition is told with its date, which makes it no
		// background; "supplied by the United States" alone tells origin,
		// "acquired from China" or "obtained from" the buyer's acquisition.
		return governed(*bwd)
	case fwd != nil && bwd != nil && fwd.Class == Delivered && bwd.Class == Contracted &&
		(qty != nil && qty.Part || participleAfter(x.text(it.end, bwd.Start))):
		// "inducted the first of three Anka-S ordered from TAI in 2023"
		return governed(*fwd, *bwd)
	case qty != nil && qty.Part && bwd != nil && x.purchase(*bwd):
		// "received the first six of 24 Apaches it bought": the purchase
		// is the whole order, the part is what arrived.
		order := *bwd
		order.Class = Contracted
		if fwd != nil && fwd.Class == Delivered {
			return governed(*fwd, order)
		}
		if arrived := x.nextDelivered(it.sent, bwd.End); arrived != nil {
			return governed(*arrived, order) // "the first six of 24 F-16s it bought landed"
		}
		if fwd == nil {
			// "the first of 18 FA-50 ordered in 2023 would arrive in
			// 2026": the order alone is told as done.
			return governed(order)
		}
	case qty != nil && qty.Part && bwd != nil && bwd.Class == Delivered && x.pledgedInClause(it) != nil:
		// "the last four of the 19 Piranhas that Germany pledged in 2022
		// arrived": the pledge is the whole plan, the part what arrived.
		return governed(*bwd, *x.pledgedInClause(it))
	case bwd != nil && x.relativeVerb(it, *bwd):
		// "showed the J-35 fighters that Pakistan intends to acquire":
		// the clause on the item tells whose it is to be.
		if fwd != nil && fwd.Class == Delivered && bwd.Class == Contracted {
			// "Deliveries began last year of the Cheongung II systems
			// that Iraq signed for in September 2024": the deal and its
			// handover, both the clause's state's.
			return governed(*bwd, *fwd)
		}
		return governed(*bwd)
	case order != nil:
		// "received two J-10C on Monday, completing a 2020 order"
		return governed(*fwd, *order)
	case fwd != nil && (bwd == nil || it.start-fwd.End <= bwd.Start-it.end):
		return governed(*fwd)
	case bwd != nil:
		return governed(*bwd)
	}
	return governorList{}
}

// governorList holds an item's governors, one or two, in place: the
// rules ask for them twice an item, and a slice of them would be made
// each time.
type governorList struct {
	list [2]trigger
	n    int
}

// governed lists ts, one or two.
func governed(ts ...trigger) governorList {
	var g governorList
	g.n = copy(g.list[:], ts)
	return g
}

// all is the list as a slice of g's own array.
func (g *governorList) all() []trigger { return g.list[:g.n] }

// dealNoun: t is a noun naming a deal, not its stage ("the acquisition
// of", "the purchase of", "the sale of", "the purchase by").
func (x *docState) dealNoun(t trigger) bool {
	text := x.text(t.Start, t.End)
	if strings.HasSuffix(text, " by") {
		return annotate.LowerIs(text, "purchase by") || annotate.LowerIs(text, "procurement by")
	}
	return strings.HasSuffix(text, " of") && (annotate.LowerIs(text, "acquisition of") || annotate.LowerIs(text, "purchase of") ||
		annotate.LowerIs(text, "procurement of") || annotate.LowerIs(text, "sale of"))
}

// plannedBefore: a verb of plan ("is negotiating", "in talks") stands
// before the deal noun t in its clause.
func (x *docState) plannedBefore(i int, t trigger) bool {
	for _, o := range x.triggers[i] {
		if o.Class == Planned && o.Fwd && o.End <= t.Start && t.Start-o.End <= 80 && !strings.ContainsAny(x.text(o.End, t.Start), ";.") {
			return true
		}
	}
	return false
}

// contractVerb: t is a verb telling what became of a deal: a contract
// made ("was contracted", "contracted in September 2024") or a plan
// approved ("has been approved in principle").
func (x *docState) contractVerb(t trigger) bool {
	return t.Bwd && (t.Class == Contracted && containsLower(x.text(t.Start, t.End), "contracted") ||
		t.Class == Planned && containsLower(x.text(t.Start, t.End), "approved"))
}

// gappedVerb is the last status trigger before the item in its sentence.
func (x *docState) gappedVerb(it *item) *trigger {
	var g *trigger
	for k := range x.triggers[it.sent] {
		if t := &x.triggers[it.sent][k]; t.Class.isStatus() && !t.orderNoun() && t.End <= it.start {
			g = t
		}
	}
	return g
}

// datedOrderAfter is a bare order noun with its year ("completing a 2020
// order", "the last of a 2020 order") told after the item in its clause,
// with no other system between.
//
// "under a contract signed" ("received Mistral 3 missiles on Tuesday,
// under a contract signed with MBDA in 2022") tells the signing too: the
// contract is a record of its own, read as such an order noun up to
// "signed", which its date follows.
func (x *docState) datedOrderAfter(it *item) *trigger {
	for k := range x.triggers[it.sent] {
		t := &x.triggers[it.sent][k]
		if t.Start < it.end || strings.Contains(x.text(it.end, t.Start), ";") || x.systemBetween(it.sent, it.end, t.Start) {
			continue
		}
		if t.orderNoun() {
			return t
		}
		if t.Class == Contracted && annotate.LowerIs(x.text(t.Start, t.End), "under a contract") {
			if after := x.text(t.End, t.End+8); strings.HasPrefix(after, " signed") {
				return &trigger{Start: t.Start, End: t.End + len(" signed"), Class: Contracted}
			}
		}
	}
	return nil
}

// purchase: the trigger tells a purchase in the past ("ordered", "it
// bought"), which in a clause after a part of a series is its whole order.
func (x *docState) purchase(t trigger) bool {
	var room [loweredRoom]byte
	switch string(lowered(&room, x.text(t.Start, t.End))) {
	case "bought", "purchased", "acquired":
		return true
	}
	return t.Class == Contracted
}

// nextDelivered is the first delivery told after byte at in sentence i
// that looks back at what precedes it ("... landed at", "... arrived").
func (x *docState) nextDelivered(i, at int) *trigger {
	for k := range x.triggers[i] {
		if t := &x.triggers[i][k]; t.Start >= at && t.Bwd && t.Class == Delivered {
			return t
		}
	}
	return nil
}

// distracted: the item is shown, exercised, lost, carried or the
// supplier's own, so no phrase may refer back to it.
func (x *docState) distracted(it *item) bool {
	read := governedItem{it: *it, qty: x.quantityBefore(it)}
	read.govs = x.governors(it, read.qty)
	x.governedItems = append(x.governedItems, read)
	return read.govs.n > 0 && !read.govs.list[0].Class.isStatus()
}

// readItem appends to out the records of one item of the sentence
// transfers reads, with out for x.done, and adds the item to history when
// it names a system anew, with the supplier and manufacturer its first
// record takes.
func (x *docState) readItem(out []*transfer, history []item, it *item) ([]*transfer, []item) {
	x.done = out
	out = x.appendTransfersOf(out, it)
	ts := out[len(x.done):]
	if it.designation != "" && it.antecedent < 0 && !it.series && !anyDomestic(ts) {
		history = append(history, *it)
		if len(ts) > 0 {
			named := &history[len(history)-1]
			named.supplier, named.manufacturer = ts[0].supplier, ts[0].manufacturer
		}
	}
	return out, history
}

// governedItem is what distracted read of an item, kept for
// appendTransfersOf, which reads the same again: the count before it
// (quantityBefore) and its governors with that count.
type governedItem struct {
	it   item
	qty  *annotate.QuantityMention
	govs governorList
}

// governedItemOf is what distracted read of it in its sentence, or nil.
// Both readings are functions of the item alone (its distractor flag,
// which distracted sets, aside) and of the document, which the rules do
// not change.
func (x *docState) governedItemOf(it *item) *governedItem {
	as := *it
	as.distractor = false // as distracted read it
	for k := range x.governedItems {
		if read := &x.governedItems[k]; read.it == as {
			return read
		}
	}
	return nil
}

// appendTransfersOf appends to out the records one item gives: usually
// one, two where a delivery and the order behind it are told together
// ("inducted the first of three Anka-S ordered in 2023").
func (x *docState) appendTransfersOf(out []*transfer, it *item) []*transfer {
	before := len(out)
	i := it.sent
	qty := it.qty
	var read *governedItem
	if qty == nil {
		if read = x.governedItemOf(it); read != nil {
			qty = read.qty
		} else {
			qty = x.quantityBefore(it)
		}
	}
	if qty == nil || qty.Qualifier == annotate.Unknown {
		if q := x.countArriving(it); q != nil {
			qty = q
		}
	}
	var found governorList
	if read != nil && read.qty == qty {
		found = read.govs
	} else {
		found = x.governors(it, qty)
	}
	govs := found.all()
	if len(govs) == 0 {
		if p := x.listedIn(it); p != nil && !x.deniedReport(it.sent, it.start) {
			return append(out, x.listedTransfer(it, qty, p))
		}
		return out
	}
	// The handover after a relative clause of the deal goes to the
	// clause's state; how many, untold.
	handover := len(govs) == 2 && govs[1].Class == Delivered && govs[1].End <= it.start && x.relativeVerb(it, govs[0])
	for n, g := range govs {
		if !g.Class.isStatus() {
			return out[:before]
		}
		if it.generic && g.Class == InService {
			return out[:before] // "a plethora of Chinese weaponry" is no record
		}
		if x.unnamedBuild(it, g) {
			return out[:before] // "will build four more patrol ships": which, untold
		}
		if g.Class == InService && (x.retiredBefore(it) || x.usedUntil(it)) {
			return out[:before] // "will replace the air force's retired Hawk and MB-339 jets"
		}
		if (g.Class == Contracted || g.Class == Planned) && x.negated(g) {
			continue // "Botswana has not agreed to buy Gripen fighters"
		}
		if qty == nil && x.alsoCovers(g) {
			return out[:before] // "also covers Hellfire missiles": a package's accessory, no number told
		}
		if (qty == nil || it.generic) && x.memorandum(g) {
			return out[:before] // a memorandum on a service centre or cooperation is no planned purchase
		}
		t := &transfer{designation: it.designation, category: it.category, uncatalogued: it.uncatalogued,
			status: g.Class.status(), sents: x.sentenceList(i), qualifier: annotate.Unknown, order: it.start}
		dated := g // the trigger whose date the record takes
		if g.Class == Delivered && x.negated(g) {
			// "Moscow has still not delivered weapons ... that Armenia
			// paid for in 2021": a deal made, its delivery denied, dated
			// as a deal is.
			t.status = Contracted.status()
			dated.Class = Contracted
		}
		if it.antecedent >= 0 && it.antecedent != i {
			t.sents = append(t.sents, it.antecedent)
		}
		if qty != nil {
			t.qtyValue, t.qualifier = qty.Value, qty.Qualifier
			switch {
			case qty.Part && (n == 1 || len(govs) == 1 && g.Class == Contracted):
				// "the first of 18 FA-50 ... ordered in 2023 would
				// arrive": the order is for the whole series.
				t.qtyValue, t.qualifier = qty.Of, annotate.Exact
			case g.orderNoun():
				// "received two, completing a 2020 order": how many the
				// order was for, untold.
				t.qtyValue, t.qualifier = 0, annotate.Unknown
			}
		}
		if g.Class != InService && !x.futureReceipt(g) {
			t.date = x.dateFor(i, dated)
			if it.more { // which alone reads the date right after it
				if d, ok := x.dateRightAfter(it); ok {
					t.date = d
				}
			}
		}
		size, dates := x.batches(i, g)
		if dates == nil {
			size, dates = x.oneByOne(i, g, t.qtyValue)
		}
		if dates == nil {
			dates = x.twoDates(i, g, t.date)
		}
		if dates != nil {
			// "delivered in two batches of six, in May 2023 and in
			// February 2024": a record a batch, each with its date.
			for _, d := range dates {
				b := *t
				b.date, b.qtyValue, b.qualifier = d, size.Value, size.Qualifier
				out = x.forRecipients(out, it, g, &b)
			}
			continue
		}
		if g.Class == Delivered {
			if total := x.fleetTotal(i, g); total != nil {
				// "took delivery of two more, bringing its fleet to at
				// least eight": the fleet now in service, besides.
				f := *t
				f.status, f.date, f.qtyValue, f.qualifier = InService.status(), annotate.Date{}, total.Value, total.Qualifier
				out = x.forRecipients(out, it, g, &f)
			}
		}
		if handover && n == 1 {
			t.qtyValue, t.qualifier = 0, annotate.Unknown
			out = x.forRecipientsOf(out, it, g, govs[0], t)
			continue
		}
		out = x.forRecipients(out, it, g, t)
	}
	// What a report tells that the text denies gives no records. Asked
	// last, of the items that give some, as reading the records has no
	// effect but them.
	if len(out) > before && x.deniedReport(it.sent, it.start) {
		return out[:before]
	}
	return out
}

// deniedReport: what byte at of sentence i tells is told in a report,
// rumour or speculation that the sentence or the next denies ("a
// newspaper reported that the Maldives had agreed to buy drones from
// China. The ministry dismissed the report as baseless"). Only the
// report's own clause counts ("denied reports that it was buying drones,
// but confirmed a contract for 12 Rafales"), and only a denial of a
// report ("Opposition parties dismissed the deal as too costly" denies
// no report).
func (x *docState) deniedReport(i, at int) bool {
	s := x.d.Sentences[i]
	before := x.text(s.Start, at)
	if !holdsReportWord(before) {
		return false
	}
	lower := strings.ToLower(before)
	last := -1
	for _, w := range reportWords.words {
		last = max(last, strings.LastIndex(lower, w))
	}
	if clause := lower[last:]; strings.Contains(clause, ", but") || strings.Contains(clause, ", and") || strings.Contains(clause, ";") {
		return false
	}
	// The report's own sentence may deny it after what it tells
	// ("Rumours that it bought drones were pure invention").
	if deniesReport(s.Text) || denialWords.inLower(x.text(at, s.End)) {
		return true
	}
	next := x.readAfter(i)
	return next >= 0 && deniesReport(x.d.Sentences[next].Text)
}

// deniesReport: a word of denial stands within a few words of a word for a
// report ("dismissed the report", "dismissing weeks of speculation", "the
// claims are baseless"), or "no such" refers back to what it told ("There
// is no such contract").
func deniesReport(text string) bool {
	if !denialWords.inLower(text) {
		return false
	}
	lower := strings.ToLower(text)
	if strings.Contains(lower, "no such") {
		return true
	}
	for _, d := range denialWords.words {
		for from := 0; ; {
			k := strings.Index(lower[from:], d)
			if k < 0 {
				break
			}
			k += from
			near := lower[max(0, k-40):min(len(lower), k+len(d)+40)]
			if slices.ContainsFunc(reportNouns, func(n string) bool { return strings.Contains(near, n) }) {
				return true
			}
			from = k + len(d)
		}
	}
	return false
}

// The words of a report, of its denial, and the nouns a denial names a
// report by, for deniedReport.
var (
	reportWords = lowerWordsOf("reported that", "reports that", "report that", "claimed that", "speculation that", "rumour", "rumor")
	denialWords = lowerWordsOf("dismiss", "denied", "denies", "untrue", "invention", "baseless", "not true", "no such")
	reportNouns = []string{"report", "rumour", "rumor", "claim", "speculation", "story", "stories"}
)

// holdsReportWord is reportWords.inLower(text), searched by the p of
// "report" and "speculation" and the m of "claimed" and "rumour": letters
// rarer in text than the first two of a word. One pass over the text
// (nextReportAnchor) finds them and İ, which lowers into the i of
// "claimed" and "speculation": a text with İ is lowered and searched
// whole, which finds every word an ASCII case of it holds, so a word found
// before the İ tells the same.
func holdsReportWord(text string) bool {
	for k := nextReportAnchor(text, 0); k < len(text); k = nextReportAnchor(text, k+1) {
		switch text[k] | 0x20 {
		case 'p':
			if reportWordsByP.at(text, k) {
				return true
			}
		case 'm':
			if reportWordsByM.at(text, k) {
				return true
			}
		default: // 0xC4, which opens İ and other runes
			if strings.HasPrefix(text[k:], "\u0130") {
				return reportWords.inLower(text)
			}
		}
	}
	return false
}

// nextReportAnchor is the first byte of text from i that is a p or an m
// in either case or 0xC4, or len(text). It reads eight bytes at a time.
func nextReportAnchor(text string, i int) int {
	for ; i+8 <= len(text); i += 8 {
		w := load8(text, i)
		folded := w | asciiFold
		// zeroBytes marks the first such byte exactly (bytes above it may
		// be marked falsely).
		if found := zeroBytes(folded^'p'*lowBits) | zeroBytes(folded^'m'*lowBits) | zeroBytes(w^0xC4*lowBits); found != 0 {
			return i + bits.TrailingZeros64(found)/8
		}
	}
	for ; i < len(text); i++ {
		if c := text[i]; c|0x20 == 'p' || c|0x20 == 'm' || c == 0xC4 {
			return i
		}
	}
	return len(text)
}

// reportWordsByP and reportWordsByM are reportWords by their p or m.
var (
	reportWordsByP = anchorWords('p', "reported that", "reports that", "report that", "speculation that")
	reportWordsByM = anchorWords('m', "claimed that", "rumour", "rumor")
)

// readAfter is the readable sentence after i, or -1.
func (x *docState) readAfter(i int) int {
	k, found := slices.BinarySearch(x.read, i)
	if found {
		k++
	}
	if k >= len(x.read) {
		return -1
	}
	return x.read[k]
}

// consignmentLead opens a sentence on a delivery's contents: "The
// consignment, which arrived by rail last month, included".
var consignmentLead = regexp.MustCompile(`^\s*(?:The|This|That|Its|Their)\s+(?:[\p{L}-]+\s+)?(?:consignment|shipment|equipment|package|delivery|donation|gift|batch|aid|hardware|cargo|materiel)\b[^;]*\b(?:included|includes|comprised|comprises|consisted\s+of|consists\s+of|contained|contains|lists)\s`)

// consignmentOpening: the lead's first word after its white space starts
// with the T or I that consignmentLead's capitalised determiners (The,
// This, That, Its, Their) open with, as it must for the pattern to match:
// a test of a byte that spares most leads the search for listingWords.
func consignmentOpening(lead string) bool {
	k := skipRegexpSpace(lead, 0)
	return k < len(lead) && (lead[k] == 'T' || lead[k] == 'I')
}

// listedIn is the unspecified delivery of the sentence before whose
// contents the item's sentence lists ("The United States donated weapons
// and vehicles to Benin. The equipment included 600 M4 carbines"), else nil.
func (x *docState) listedIn(it *item) *transfer {
	s := x.d.Sentences[it.sent]
	lead := x.text(s.Start, it.start)
	if !consignmentOpening(lead) || !listingWords.inLower(lead) || !consignmentLead.MatchString(lead) {
		return nil
	}
	// "The same consignment contained" points back to the last delivery
	// told, however far and whatever it named.
	same := containsLower(lead, " same ")
	for k := len(x.done) - 1; k >= 0; k-- {
		p := x.done[k]
		if p.sents[0] == it.sent {
			continue
		}
		// "The United States will give the army an aid package. The
		// package lists two ScanEagle drones": a plan's list is planned.
		if p.designation == "" && p.sents[0] == x.readBefore(it.sent) || same && p.status == record.StatusDelivered {
			return p
		}
		if !same {
			break
		}
	}
	return nil
}

// readBefore is the readable sentence before i, or -1.
func (x *docState) readBefore(i int) int {
	k, _ := slices.BinarySearch(x.read, i)
	if k == 0 {
		return -1
	}
	return x.read[k-1]
}

// listedTransfer is the record of an item a consignment lists: the
// consignment's recipient, donor and date, unless the clause on the
// consignment tells its own ("which arrived last month"). The unspecified
// records of the consignment are then dropped.
func (x *docState) listedTransfer(it *item, qty *annotate.QuantityMention, p *transfer) *transfer {
	for _, o := range x.done {
		if o.designation == "" && o.sents[0] == p.sents[0] {
			o.listed = true
		}
	}
	t := *p
	t.designation, t.category, t.uncatalogued, t.order, t.listed = it.designation, it.category, it.uncatalogued, it.start, false
	t.sents = []int{it.sent, p.sents[0]}
	t.qtyValue, t.qualifier = 0, annotate.Unknown
	if qty != nil {
		t.qtyValue, t.qualifier = qty.Value, qty.Qualifier
	}
	g := trigger{Start: it.start, End: it.start, Class: Delivered}
	for _, o := range x.triggers[it.sent] {
		if o.Class == Delivered && o.End <= it.start {
			g = o
			if d := x.dateFor(it.sent, o); !d.IsZero() {
				t.date = d
			}
		}
	}
	// "about 1,500 Chinese-made rifles" come from where the text says.
	supplier, manufacturer, stated := x.supplier(it, g, t.recipient)
	t.manufacturer = manufacturer
	if t.supplier == "" || stated && supplier != "" {
		t.supplier = supplier
	}
	return &t
}

// usedUntil: the item's clause tells its use ended in a past year ("the
// T-33s that the air force flew until 2017").
func (x *docState) usedUntil(it *item) bool {
	dms := x.d.Dates[it.sent]
	for k := range dms {
		dm := &dms[k]
		if dm.Start > it.end && dm.Start-it.end < 60 && x.toldUntil(dm) &&
			!strings.ContainsAny(x.text(it.end, dm.Start), ",;") && dm.Date.Y < x.d.Ref.Y {
			return true
		}
	}
	return false
}

// retiredBefore: "retired", "decommissioned" or "former" qualifies the
// item or the list it ends ("retired Hawk and MB-339 jets"): a fleet no
// longer in service. "former" before a state or its force tells whose the
// item was ("three former US Coast Guard cutters"), not that it is retired.
func (x *docState) retiredBefore(it *item) bool {
	from := max(it.start-40, x.d.Sentences[it.sent].Start)
	before := x.text(from, it.start)
	if k := strings.LastIndexAny(before, ",;:."); k >= 0 {
		before, from = before[k+1:], from+k+1
	}
	for _, w := range []string{"retired ", "decommissioned ", "former "} {
		if k := strings.LastIndex(before, w); k >= 0 && annotate.FieldsAtMost(before[k+len(w):], 3) {
			return w != "former " || !x.stateAt(it.sent, from+k+len(w))
		}
	}
	return false
}

// stateAt: a state, its demonym or its force starts at byte at of
// sentence i.
func (x *docState) stateAt(i, at int) bool {
	ms := x.d.Mentions[i]
	for k := range ms {
		if ms[k].Start == at && isStateLike(&ms[k]) {
			return true
		}
	}
	return false
}

// negated: "not" or "never" stands before the verb, an auxiliary or
// "still" or "yet" allowed between ("has still not delivered").
func (x *docState) negated(g trigger) bool {
	if verb := x.text(g.Start, g.End); holdsLetter(verb, 'f') && failedTo.inLower(verb) { // most verbs have no f
		return true // "Moscow failed to deliver arms that had been paid for"
	}
	before := x.text(g.Start-40, g.Start)
	for range 3 {
		w, at := annotate.LastField(before)
		var room [loweredRoom]byte
		switch string(lowered(&room, w)) {
		case "not", "never":
			return true
		case "has", "have", "had", "still", "yet", "been":
			before = before[:at]
			continue
		}
		return false
	}
	return false
}

// alsoCovers: g is "also covers", which adds what accompanies a deal's
// main system; it is a record of its own only with a number ("an
// unspecified number of K10 vehicles").
func (x *docState) alsoCovers(g trigger) bool {
	return g.Class == Contracted && containsLower(x.text(g.Start, g.End), "also cover")
}

// memorandum: g is "signed a memorandum", which plans a purchase only of
// a counted system ("signed a memorandum with Boeing for 24 F-15EX jets").
func (x *docState) memorandum(g trigger) bool {
	return g.Class == Planned && containsLower(x.text(g.Start, g.End), "memorandum")
}

// futureReceipt: the trigger tells a receipt to come ("will receive", "is
// due to take delivery of"), a deal already made whose date the sentence
// does not give: the date it tells is the expected arrival.
func (x *docState) futureReceipt(g trigger) bool {
	first, _, _ := strings.Cut(x.text(g.Start, g.End), " ")
	if annotate.LowerIs(first, "expects") {
		return true // "expects a Dornier 228 early next year": when it is to come
	}
	if g.Class != Contracted {
		return false
	}
	return annotate.LowerIs(first, "will") || annotate.LowerIs(first, "is") || annotate.LowerIs(first, "are")
}

// plannedHandover: g plans a handover ("plans to deliver", "will
// send"): the giver is its subject, and a date after it that tells no
// announcement is when the equipment is to arrive.
func (x *docState) plannedHandover(g trigger) bool {
	return g.Class == Planned && x.handoverVerb(g)
}

// handoverVerb: g is a giver's verb of the future ("will provide", "plans
// to deliver"); "Canberra said it would pay for a new landing craft": the
// payer gives.
func (x *docState) handoverVerb(g trigger) bool {
	verb := x.text(g.Start, g.End)
	last, _ := lastWordIn(verb, "deliver", "supply", "send", "donate", "give", "provide", "over")
	// Only an r or R lowers into the r "pay for" ends in: most verbs are
	// turned away before the runes are read back.
	return last != "" || verb != "" && verb[len(verb)-1]|0x20 == 'r' && (endsWithLower(verb, "would pay for") || endsWithLower(verb, "will pay for"))
}

// forRecipients appends a copy of t for each recipient of the item.
func (x *docState) forRecipients(out []*transfer, it *item, g trigger, t *transfer) []*transfer {
	return x.forRecipientsOf(out, it, g, g, t)
}

// forRecipientsOf is forRecipients with the recipients of trigger who.
func (x *docState) forRecipientsOf(out []*transfer, it *item, g, who trigger, t *transfer) []*transfer {
	var buf [4]string // room for the recipients of most deals
	states, byFocus := x.recipients(buf[:0], it, who)
	for _, r := range states {
		c := x.newTransfer(t)
		c.recipient, c.byFocus = r, byFocus
		c.supplier, c.manufacturer, c.supplierStated = x.supplier(it, g, r)
		// The copies share the sentences, which are only ever appended
		// to: the clipped capacity makes an append copy them.
		c.sents = slices.Clip(t.sents)
		out = append(out, c)
		if it.designation == "" && c.supplierStated {
			if other := x.coSupplier(it, c.supplier); other != "" && other != r {
				// "armoured vehicles from France and the United Arab
				// Emirates": unspecified equipment from each.
				o := x.newTransfer(c)
				o.supplier, o.manufacturer = other, ""
				o.sents = append([]int(nil), t.sents...)
				out = append(out, o)
			}
		}
	}
	return out
}

// coSupplier is the state named after "from" the supplier and "and"
// after the item ("from France and the United Arab Emirates"), else "".
func (x *docState) coSupplier(it *item, supplier string) string {
	ms := x.d.Mentions[it.sent]
	for k := 0; k+1 < len(ms); k++ {
		if m := &ms[k]; m.Start >= it.end && m.Country == supplier && isStateLike(m) && x.afterPreposition(m.Start, "from") {
			if gap := strings.TrimSpace(x.text(m.End, ms[k+1].Start)); isStateLike(&ms[k+1]) && ms[k+1].Form != catalog.Demonym && (gap == "and" || gap == "and the") {
				return ms[k+1].Country
			}
			return ""
		}
	}
	return ""
}

// indexBy is strings.Index(s, word), found at the places where word's
// byte at stands, which strings.IndexByte finds reading many bytes at
// once (pick a byte rare in text: the comma of ", the first", the v of
// "inventory"). strings.Index tries each place of a text up to 64 bytes
// long, as most rests of a sentence are.
func indexBy(s, word string, at int) int {
	if len(s) < len(word) {
		return -1
	}
	c := word[at]
	for k := at; ; k++ {
		j := strings.IndexByte(s[k:], c)
		if j < 0 {
			return -1
		}
		k += j
		start := k - at
		if start+len(word) > len(s) {
			return -1 // nor any later place
		}
		if s[start:start+len(word)] == word {
			return start
		}
	}
}

// oneByOne reads "transferred two frigates, the first in December 2020
// and the second in April 2021": one unit a date, each of the whole
// count told by an ordinal after a comma, as batches does for batches.
func (x *docState) oneByOne(i int, g trigger, whole int) (size annotate.QuantityMention, dates []annotate.Date) {
	if whole < 2 || len(x.datesOf(i)) < 2 { // a date for each of two or more
		return size, nil
	}
	rest := x.text(g.End, x.d.Sentences[i].End)
	k := indexBy(rest, ", the first ", 0)
	if k < 0 {
		return size, nil
	}
	from := g.End + k
	ordinals := 0
	for _, o := range []string{"the first ", "the second ", "the third ", "the last "} {
		ordinals += strings.Count(rest[k:], o)
	}
	dms := x.datesOf(i)
	for n := range dms {
		dm := &dms[n]
		if dm.Start >= from {
			dates = append(dates, x.statusDate(dm, g))
		}
	}
	if ordinals != whole || len(dates) != ordinals {
		return size, nil
	}
	return annotate.QuantityMention{Value: 1, Qualifier: annotate.Exact}, dates
}

// twoDates reads "bought from Moscow in 2009 and 2011": the status is
// dated twice, two batches of untold size, where date is the first of the
// pair. Nil otherwise; "between 2014 and 2016" is one span.
func (x *docState) twoDates(i int, g trigger, date annotate.Date) []annotate.Date {
	ds := x.datesOf(i)
	reach := -1 // x.clauseBreak(i, g.End), found for the first pair after g
	for k := 0; k+1 < len(ds); k++ {
		a, b := &ds[k], &ds[k+1]
		if a.Start < g.End {
			continue
		}
		if reach < 0 {
			reach = x.clauseBreak(i, g.End)
		}
		if b.End > reach || x.statusDate(a, g) != date || strings.HasSuffix(x.text(g.End, a.Start), "between ") {
			continue
		}
		if gap := x.text(a.End, b.Start); gap == " and " || gap == " and in " {
			return []annotate.Date{date, x.statusDate(b, g)}
		}
	}
	return nil
}

// fleetTotalRe is the phrase on what a delivery brings the fleet to,
// just before the count.
var fleetTotalRe = regexp.MustCompile(`(?i)\b(?:bringing|taking|raising|increasing)\s+(?:its|their|the)\s+(?:[\p{L}-]+\s+)?(?:fleet|inventory)\s+to\s+$`)

// fleetTotal is the count a delivery's clause brings the fleet to, else nil.
func (x *docState) fleetTotal(i int, g trigger) *annotate.QuantityMention {
	if len(x.d.Qty[i]) == 0 { // the count it is, which most sentences lack
		return nil
	}
	rest := x.text(g.End, x.d.Sentences[i].End)
	if indexBy(rest, "fleet", 0) < 0 && indexBy(rest, "inventory", 2) < 0 {
		return nil
	}
	for k := range x.d.Qty[i] {
		q := &x.d.Qty[i][k]
		if q.Start > g.End && fleetTotalRe.MatchString(x.text(g.End, q.Start)) {
			return q
		}
	}
	return nil
}

// batchesRe is "in two batches of six" right after a status verb.
// A few words may stand between ("ordered from the United States in two
// batches of eight").
var batchesRe = regexp.MustCompile(`(?i)^(?:\s+[\w-]+){0,10}?\s+in\s+([\w-]+)\s+batches\s+of\s+([\w-]+)`)

// batches reads "delivered in two batches of six, in May 2023 and in
// February 2024": the size of a batch and one date a batch, told after
// it. Nil dates where the sentence tells no such split or the dates do
// not count the batches.
func (x *docState) batches(i int, g trigger) (size annotate.QuantityMention, dates []annotate.Date) {
	// Two counts (how many batches, of how many) and a date a batch, two
	// or more, which most sentences lack.
	if len(x.d.Qty[i]) < 2 || len(x.datesOf(i)) < 2 {
		return size, nil
	}
	// The word follows a verb inside the sentence, so in lower case: a
	// plain search keeps long sentences free of the folding buffer.
	rest := x.text(g.End, x.d.Sentences[i].End)
	if g.Class == InService || indexBy(rest, "batches", 0) < 0 {
		return size, nil
	}
	loc := batchesRe.FindStringSubmatchIndex(rest)
	if loc == nil {
		return size, nil
	}
	n := 0
	qs := x.d.Qty[i]
	for k := range qs {
		q := &qs[k]
		switch q.Start {
		case g.End + loc[2]:
			n = q.Value
		case g.End + loc[4]:
			size = *q
		}
	}
	if n < 2 || size.Value == 0 {
		return size, nil
	}
	dms := x.datesOf(i)
	for k := range dms {
		dm := &dms[k]
		if dm.Start >= g.End+loc[1] {
			dates = append(dates, x.statusDate(dm, g))
		}
	}
	if len(dates) != n {
		return size, nil
	}
	return size, dates
}

// participleAfter: the gap between an item and a trigger is the rest of
// its noun phrase ("Anka-S unmanned aircraft ordered"), not a new clause.
func participleAfter(gap string) bool {
	return annotate.FieldsAtMost(gap, 4) && !strings.ContainsAny(gap, ",;:()")
}

// quantityBefore finds the number in front of an item ("at least six
// Norinco VN2C", "a couple of ageing Brazilian-built EMB-312"), or after it
// ("The Pantsir-S1 battery, six launchers in all").
func (x *docState) quantityBefore(it *item) *annotate.QuantityMention {
	var best *annotate.QuantityMention
	for k := range x.d.Qty[it.sent] {
		q := &x.d.Qty[it.sent][k]
		if q.End > it.start {
			break
		}
		gap := x.text(q.End, it.start)
		if countBreaks.in(gap) || !annotate.FieldsAtMost(gap, 4) || x.systemBetween(it.sent, q.End, it.start) {
			continue
		}
		if gapTrigger(gap) {
			continue
		}
		best = q
	}
	if best != nil {
		return x.partOfSeries(it.sent, best)
	}
	if after := x.text(it.end, it.end+60); len(x.d.Qty[it.sent]) > 0 && strings.Contains(after, ",") && inAllWords.mayHold(after) {
		if m := inAllAfter.FindStringSubmatchIndex(after); m != nil {
			for k := range x.d.Qty[it.sent] {
				q := &x.d.Qty[it.sent][k]
				if q.Start == it.end+m[2] {
					return q
				}
			}
		}
	}
	// "armoured vehicles of type Ejder Yalçın 4x4 ... in quantity of
	// twenty-four units": translated copy gives the count after.
	if q := x.quantityOfAfter(it); q != nil {
		return q
	}
	// "The first of those aircraft was handed over": one of them.
	if ordinalOfBefore(x.text(it.start-30, it.start)) {
		return &annotate.QuantityMention{Value: 1, Qualifier: annotate.Exact}
	}
	// "a second FK-3 battery": one more.
	if !it.generic && oneBefore.FindSubmatchIndexIn(x.matchRoom[:], x.text(it.start-20, it.start)) != nil {
		return &annotate.QuantityMention{Value: 1, Qualifier: annotate.Exact}
	}
	// "commissioned its third OPV 58 S": one, the buyer's latest.
	if !it.generic && possessiveOrdinalBefore(x.text(it.start-30, it.start)) {
		return &annotate.QuantityMention{Value: 1, Qualifier: annotate.Exact}
	}
	// "a smaller patrol boat": one, unnamed.
	if it.generic && determinerBefore(x.text(it.start-30, it.start), 2, "a", "an") {
		return &annotate.QuantityMention{Value: 1, Qualifier: annotate.Exact}
	}
	return nil
}

// gapTrigger: the gap between a count and its item holds a trigger
// phrase, other than "used" or "leased" as an adjective ("the twelve used
// Rafale fighters" are second-hand, "two leased C-295s" rented).
func gapTrigger(gap string) bool {
	if strings.TrimSpace(gap) == "" {
		return false // most gaps, a space, hold no phrase: the matcher is spared
	}
	for _, t := range findTriggers(gap, 0) {
		if w := gap[t.Start:t.End]; !annotate.LowerIs(w, "used") && !annotate.LowerIs(w, "leased") {
			return true
		}
	}
	return false
}

// quantityOfAfter is the count of "in (the) quantity of N" told after
// the item in its clause.
func (x *docState) quantityOfAfter(it *item) *annotate.QuantityMention {
	if len(x.d.Qty[it.sent]) == 0 {
		return nil // no count to find
	}
	after := x.text(it.end, it.end+120)
	k := indexBy(after, "quantity of ", 0)
	if k < 0 || strings.ContainsAny(after[:k], ";.") || x.systemBetween(it.sent, it.end, it.end+k) {
		return nil
	}
	at := it.end + k + len("quantity of ")
	for j := range x.d.Qty[it.sent] {
		if q := &x.d.Qty[it.sent][j]; q.Start == at {
			return q
		}
	}
	return nil
}

// possessiveOrdinalBefore: text ends in "its third" or the like, a maker
// between ("its third Piriou-built").
func possessiveOrdinalBefore(text string) bool {
	w, at := annotate.LastField(text)
	if strings.HasSuffix(w, "-built") || strings.HasSuffix(w, "-made") {
		w, at = annotate.LastField(text[:at])
	}
	if !slices.ContainsFunc(laterOrdinals, func(o string) bool { return annotate.LowerIs(w, o) }) {
		return false
	}
	owner, _ := annotate.LastField(text[:at])
	return annotate.LowerIs(owner, "its") || annotate.LowerIs(owner, "their")
}

// laterOrdinals count one more of a series.
var laterOrdinals = []string{"second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}

// ordinalOfBefore: text ends with "the first of those", "the last of
// the" or the like and white space: one item of a set told before.
func ordinalOfBefore(text string) bool {
	if !strings.HasSuffix(text, " ") {
		return false
	}
	// The words are read from the last, at which most texts fail.
	for _, words := range [...][]string{setWords, {"of"}, ordinalWords, {"the"}} {
		w, at := lastWordIn(text, words...)
		if w == "" {
			return false
		}
		text = text[:at]
	}
	return true
}

var (
	ordinalWords = []string{"first", "second", "third", "last", "final", "latest"}
	setWords     = []string{"those", "these", "the", "its", "their"}
)

// partOfSeries reads "the first six of 24" as six of a series of 24; the
// annotator gives the two numbers apart.
func (x *docState) partOfSeries(i int, q *annotate.QuantityMention) *annotate.QuantityMention {
	qs := x.d.Qty[i]
	for k := range qs {
		p := &qs[k]
		// The gap is "of", "of the" or "of its", with a little white space.
		if p.End >= q.Start || q.Start-p.End > 12 || p.Part || p.Value == 0 {
			continue
		}
		lead := strings.ToLower(x.text(p.Start, p.End))
		gap := strings.Join(strings.Fields(x.text(p.End, q.Start)), " ")
		if (gap == "of" || gap == "of the" || gap == "of its") &&
			containsLower(lead, "first", "last", "final", "remaining") {
			return &annotate.QuantityMention{Start: p.Start, End: q.End, Value: p.Value, Qualifier: annotate.Exact, Part: true, Of: q.Value}
		}
		// "Three of the five S-400 squadrons": a count of a larger
		// whole told with "the" is a part of it as well.
		if (gap == "of the" || gap == "of its") && p.Qualifier == annotate.Exact && q.Qualifier == annotate.Exact && p.Value < q.Value {
			return &annotate.QuantityMention{Start: p.Start, End: q.End, Value: p.Value, Qualifier: annotate.Exact, Part: true, Of: q.Value}
		}
	}
	return q
}

// mayIncludeAfter: text passes what includingAfter needs, which costs
// far less to test than running it: a colon before any full stop,
// semicolon or comma, or one of its words before any full stop or
// semicolon.
func mayIncludeAfter(text string) bool {
	// Cut at the first full stop, then at the first semicolon before it:
	// strings.IndexAny(text, ".;") by two fast searches.
	if k := strings.IndexByte(text, '.'); k >= 0 {
		text = text[:k]
	}
	if k := strings.IndexByte(text, ';'); k >= 0 {
		text = text[:k]
	}
	head := text
	if k := strings.IndexByte(text, ','); k >= 0 {
		head = text[:k]
	}
	return strings.Contains(head, ":") || includingWords.mayHold(text)
}

var includingWords = lowerWordsOf("including", "such as", "among them", "comprising")

// versionOf: the system is the design another is "a version of" ("the
// AS9 Huntsman, a version of Hanwha's K9") or is built "under licence
// from", no equipment of its own.
func (x *docState) versionOf(m *annotate.Mention) bool {
	before := x.text(m.Start-40, m.Start)
	return endsLikeVersionOf(before) && versionWords.mayHold(before) &&
		versionOfRe.MatchString(before)
}

// endsLikeVersionOf: text ends as versionOfRe needs, which turns away
// nearly every text before a system at a glance: in white space after
// "of" or "from", then maybe "the" or "its", then maybe a possessive
// ("a version of the Turkish firm's "), each a word of its own.
func endsLikeVersionOf(text string) bool {
	if len(text) == 0 || !annotate.IsRegexpSpace(text[len(text)-1]) {
		return false
	}
	// Each of those words ends in an f, m, e or s, in either case, or in
	// ſ (0xC5 0xBF), which folds into s: most words before a name do not.
	if end := lastSpaceRun(text, len(text)); end == 0 || !endsVersionWord(text[end-1]) {
		return false
	}
	text, w := cutLastWord(text)
	if possessive(w) {
		text, w = cutLastWord(text)
	}
	if strings.EqualFold(w, "the") || strings.EqualFold(w, "its") {
		_, w = cutLastWord(text)
	}
	return strings.EqualFold(w, "of") || strings.EqualFold(w, "from")
}

// endsVersionWord: c can end the last word endsLikeVersionOf reads.
func endsVersionWord(c byte) bool {
	switch c | 0x20 {
	case 'f', 'm', 'e', 's':
		return true
	}
	return c == 0xbf
}

// cutLastWord cuts the last word off text, split at \s in a regexp (a
// byte of a rune beyond ASCII is never one of those spaces), with the
// spaces after it.
func cutLastWord(text string) (rest, word string) {
	end := lastSpaceRun(text, len(text))
	start := end
	for start > 0 && !annotate.IsRegexpSpace(text[start-1]) {
		start--
	}
	return text[:start], text[start:end]
}

// possessive: w ends in 's or ’s, in any case, as (?i) reads it.
func possessive(w string) bool {
	s, n := utf8.DecodeLastRuneInString(w)
	w = w[:len(w)-n]
	return (s == 's' || s == 'S' || s == '\u017f') && (strings.HasSuffix(w, "'") || strings.HasSuffix(w, "’"))
}

func (x *docState) systemBetween(i, a, b int) bool {
	ms := x.d.Mentions[i]
	for k := range ms {
		m := &ms[k]
		if m.Start >= a && m.End <= b && (m.Kind == annotate.MSystem || m.Kind == annotate.MUncatalogued) && !x.versionOf(m) {
			return true
		}
	}
	return false
}

// participleOn: trigger t follows a named system or a word for one
// right after it ("Mi-17s bought").
func (x *docState) participleOn(i int, t trigger) bool {
	ms := x.d.Mentions[i]
	for k := range ms {
		m := &ms[k]
		if (m.Kind == annotate.MSystem || m.Kind == annotate.MUncatalogued || m.Kind == annotate.MTerm) && m.End+1 == t.Start {
			return true
		}
	}
	return false
}

// serviceObject: the verb's own object, right after it, is a service for
// the item or a concern about it, not the item ("will provide maintenance
// for Taiwan's F-16s", "also has concerns about Turkey's S-400s", "will
// supply spare parts for its Mi-17s"), also after the one supplied and
// "with" ("supplied Kenya with training for its UH-1s"), in a list of
// services ("training and maintenance for"), or for the people who use
// the item ("training to the crews of its Z-9s").
func serviceObject(gap string) bool {
	if len(gap) < len(shortestServiceObject) {
		return false // most gaps, a space or a count, are shorter
	}
	head := gap[:min(len(gap), 48)]
	if k := strings.Index(head, " with "); k >= 0 && !strings.ContainsAny(head[:k], ",;") && serviceObject(gap[k+len(" with"):]) {
		return true
	}
	w, rest := firstWord(gap)
	if w == "the" {
		w, rest = firstWord(rest) // "paid for the fuel of its MiG-29s"
	}
	for {
		if strings.EqualFold(w, "spare") {
			w, rest = firstWord(rest)
		}
		if !serviceNouns[strings.ToLower(w)] {
			return false
		}
		var next string
		switch next, rest = firstWord(rest); next {
		case "for", "about", "on", "of":
			return true
		case "to":
			return serviceUsers(rest)
		case "and":
			w, rest = firstWord(rest)
		default:
			return false
		}
	}
}

// serviceUsers: text, after a service and "to", names the people who use
// the item ("training to the crews of its Z-9s", "to Ghana's pilots on
// the K-8s"). Anyone else ("support to Ukraine in the form of 20 tanks",
// "ammunition to Ukraine on Monday and 20 tanks") leaves the item the
// verb's.
func serviceUsers(text string) bool {
	w, rest := firstWord(text)
	if w == "the" || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
		w, rest = firstWord(rest)
	}
	if !itemUsers[strings.ToLower(w)] {
		return false
	}
	next, _ := firstWord(rest)
	return next == "of" || next == "for" || next == "on"
}

// itemUsers are the people who work a system, for serviceUsers.
var itemUsers = map[string]bool{"crews": true, "crew": true, "pilots": true, "operators": true, "users": true,
	"technicians": true, "mechanics": true, "personnel": true, "gunners": true, "sailors": true}

// negatedBetween: a verb denied between a deal and the item ("The deal
// signed on Monday does not cover the 12 Rafales") says the deal is not
// for it.
func negatedBetween(gap string) bool {
	// Most gaps, a space or two, are too short for either search.
	if len(gap) < len("not ") || !strings.Contains(gap, "not ") && !strings.Contains(gap, "n't ") {
		return false
	}
	return containsLower(gap, "does not ", "do not ", "did not ", "will not ", "doesn't ", "don't ", "didn't ", "won't ")
}

// shortestServiceObject is the shortest of serviceNouns with the shortest
// word after it: a noun lowered is no shorter.
const shortestServiceObject = "fuel on"

// serviceNouns name what a verb of supply or holding can take besides
// equipment, for serviceObject.
var serviceNouns = map[string]bool{"maintenance": true, "training": true, "support": true, "servicing": true,
	"repairs": true, "upgrades": true, "parts": true, "spares": true, "ammunition": true, "concerns": true,
	"concern": true, "doubts": true, "questions": true, "fuel": true}

// governing finds the nearest trigger before the item that governs what
// follows it, and the nearest after it that governs what precedes it. A
// trigger that contains the item ("a 28-aircraft order") governs it alone.
func (x *docState) governing(it *item, qty *annotate.QuantityMention) (fwd, bwd *trigger) {
	start := it.start
	ts := x.triggers[it.sent]
	if qty != nil && qty.End > 0 && qty.Start < start {
		start = qty.Start
	}
	for k := range ts {
		t := &ts[k]
		if t.Start <= it.start && it.end <= t.End {
			return t, nil
		}
	}
	for k := range ts {
		t := &ts[k]
		if t.Fwd && t.End <= start && !strings.Contains(x.text(t.End, start), ";") && !serviceObject(x.text(t.End, start)) &&
			!negatedBetween(x.text(t.End, start)) {
			// A participle that can look both ways ("missiles ordered from
			// India in 2022, a C-130 ...") does not reach across a comma.
			// "along with" or "as well as" carries the verb on past it:
			// "flies 33 F-16s, along with Su-27 jets".
			// A further batch shares its clause's verb: "ordered 18, most
			// of them used, in 2021 and six more in 2022".
			// "flies Mi-17s bought in 2009, together with Dhruv helicopters":
			// the phrase joins the fleet's verb, past the participle on the
			// system before it.
			// A present tense ("operates two Dornier 228s, a single Y-12
			// and ...") heads its whole list.
			if gap := x.text(t.End, start); t.Bwd && !it.more && strings.Contains(gap, ",") && !x.presentTense(*t) {
				if !alongWith.inLower(gap) {
					continue
				}
				if fwd != nil && x.participleOn(it.sent, *t) {
					continue
				}
			}
			fwd = t
		}
	}
	// "to replace ageing F-16s with up to 12 Gripens": what comes after
	// "with" is the replacement, which is still a plan.
	if fwd != nil && fwd.Class == InService && x.replacementAfter(*fwd, start) {
		plan := *fwd
		plan.Class = Planned
		fwd = &plan
	}
	// "is negotiating with Brazil's Embraer over the purchase of six
	// A-29", "wants to sign a contract for": a deal noun under a verb of
	// plan is still a plan.
	if fwd != nil && fwd.Class != Planned && (x.dealNoun(*fwd) && x.plannedBefore(it.sent, *fwd) || fwd.Buying && x.plannedDeal(it.sent, *fwd)) {
		plan := *fwd
		plan.Class = Planned
		fwd = &plan
	}
	// "is also buying 44 Leopard 2A8 tanks from Germany, with an option
	// for 33 more, under a contract signed in October": a deal told after
	// the item makes a plan or an expected receipt a contract.
	if fwd == nil || fwd.Class == Planned && !optionWord.inLower(x.text(fwd.Start, fwd.End)) {
		if c := x.underContractAfter(it); c != nil {
			fwd = c
		}
	}
	// "Italy's own air force operates about 90 Typhoons": the supplier's own.
	for k := range ts {
		if t := &ts[k]; t.Class == Own && t.End <= start && start-t.End < 60 {
			return t, nil
		}
	}
	if after := x.text(it.end, it.end+80); ofAmongFirstWords(after) && forceWordsLower.mayHold(after) {
		if m := ownedByForce.FindStringIndex(after); m != nil {
			bwd = &trigger{Start: it.end + m[0], End: it.end + m[1], Class: InService, Bwd: true}
		}
	}
	for k := range ts {
		t := &ts[k]
		if bwd != nil {
			break
		}
		if t.Start >= it.end && (t.Bwd || x.relativeVerb(it, *t)) {
			if t.Class == Own && x.builtAbroad(it.sent, *t) {
				continue
			}
			gap := x.text(it.end, t.Start)
			// A subject may run long before its verb when no comma breaks
			// it: "the first three Anka drones assembled in Kazakhstan
			// under licence from Turkish Aerospace were handed over".
			// "The Akinci is larger than the drones Burkina Faso already
			// flies": the verb after a comparison is its other term's, as
			// one after "until" is its clause's ("leaving the Guardian
			// boats to carry the load until the Korean vessels arrived"),
			// unless "until" only bounds a time ("until May, when they
			// were delivered").
			if (len(gap) <= 70 || len(gap) <= 120 && !strings.Contains(gap, ",")) && !strings.Contains(gap, ";") && !newSubject(gap) && !comparison(gap) && !x.untilClause(it.sent, it.end, gap) &&
				(!x.systemBetween(it.sent, it.end, t.Start) || x.coordinated(it.sent, it.end, t.Start)) {
				bwd = t
			}
			break
		}
	}
	// Distractors reach only a short way back: "displayed its Barak MX",
	// but not "signed a contract for drones, a type EDGE showed".
	if fwd != nil && !fwd.Class.isStatus() && fwd.Class != Shown && start-fwd.End > 40 {
		fwd = nil
	}
	// Nor across ", and", which starts a clause of its own: "ordered six
	// more in 2010, and lost one in a crash".
	if bwd != nil && !bwd.Class.isStatus() && bwd.Class != Own && (bwd.Start-it.end > 30 || strings.Contains(x.text(it.end, bwd.Start), ", and ")) {
		bwd = nil
	}
	// "Ecuador, which bought seven of the helicopters in 2008, lost four
	// of them", "Mali's air force, which flies L-39 jets, bought Su-24
	// bombers": the relative clause ends at the comma; the verb after it
	// is the main clause's.
	if bwd != nil && fwd != nil && fwd.Class.isStatus() && strings.Contains(x.text(it.end, bwd.Start), ",") &&
		relativeLead(x.text(fwd.Start-8, fwd.Start)) {
		bwd = nil
	}
	// "signed for nine Akıncı drones, to be partly produced in
	// Indonesia": a production clause after a comma tells where the
	// ordered drones are made, not whose they are.
	if bwd != nil && bwd.Class == Own && fwd != nil && fwd.Class.isStatus() && strings.Contains(x.text(it.end, bwd.Start), ",") {
		bwd = nil
	}
	// A distractor right next to the item decides: "four Typhoon jets
	// deployed at"; not one in a relative clause after a status verb
	// ("later added Akıncı drones, which were displayed at a parade").
	if bwd != nil && !bwd.Class.isStatus() && fwd != nil && fwd.Class.isStatus() && relativeAfter(x.text(x.nounEnd(it), bwd.Start)) {
		bwd = nil
	}
	if bwd != nil && !bwd.Class.isStatus() && bwd.Start-it.end <= 20 {
		return nil, bwd
	}
	// "orders for Pasara light vehicles from local industry for its own
	// army": a buyer's own industry after the item in its clause makes
	// the order domestic, whatever verb leads it.
	if bwd != nil && bwd.Class == Own && bwd.Start-it.end <= 60 && !strings.ContainsAny(x.text(it.end, bwd.Start), ",;") {
		return nil, bwd
	}
	return fwd, bwd
}

// presentTense: t is a verb of use in the present tense ("operates",
// "currently flies"), no participle.
func (x *docState) presentTense(t trigger) bool {
	verb, _ := annotate.LastField(x.text(t.Start, t.End))
	return t.Class == InService && strings.HasSuffix(verb, "s")
}

// comparison: gap compares with another term ("is larger than the drones
// Burkina Faso flies"); "for more than four decades" only counts.
func comparison(gap string) bool {
	for from := 0; ; {
		k := strings.Index(gap[from:], " than ")
		if k < 0 {
			return false
		}
		if last, _ := annotate.LastField(gap[:from+k]); !strings.EqualFold(last, "more") && !strings.EqualFold(last, "less") && !strings.EqualFold(last, "fewer") {
			return true
		}
		from += k + len(" than ")
	}
}

// datedClause: a date follows byte at of sentence i in its clause.
func (x *docState) datedClause(i, at int) bool {
	dms := x.datesOf(i)
	for k := range dms {
		dm := &dms[k]
		if dm.Start >= at && !strings.ContainsAny(x.text(at, dm.Start), ",;") {
			return true
		}
	}
	return false
}

// newSubject: gap opens a clause with a subject of its own (", and it
// continues to fly"), whose verb looks forward, not back at the item.
func newSubject(gap string) bool {
	return strings.Contains(gap, ", and it ") || strings.Contains(gap, ", and they ") || strings.Contains(gap, ", but it ") ||
		strings.Contains(gap, ", but they ")
}

// underContractAfter is the "under a contract" that follows the item in
// its clause, only an option for more between, else nil.
func (x *docState) underContractAfter(it *item) *trigger {
	for k := range x.triggers[it.sent] {
		t := &x.triggers[it.sent][k]
		if t.Start < it.end || t.Class.isStatus() && containsLower(x.text(t.Start, t.End), "option") {
			continue
		}
		// "under a five-year lease signed on Tuesday"
		signedUnder := endsWithLower(x.text(t.Start, t.End), "signed") && containsLower(x.text(it.end, t.Start), "under a")
		if t.Class == Contracted && (underDeal(x.text(t.Start, t.End)) || signedUnder) &&
			!strings.ContainsAny(x.text(it.end, t.Start), ";") && !x.systemBetween(it.sent, it.end, t.Start) {
			return t
		}
		return nil
	}
	return nil
}

// underDeal: the phrase is "under a contract", "under an agreement" or
// "under a deal".
func underDeal(phrase string) bool {
	return annotate.LowerIs(phrase, "under a contract") || annotate.LowerIs(phrase, "under an agreement") || annotate.LowerIs(phrase, "under a deal")
}

// relativeVerb: t is the status verb of a relative clause on the item
// whose subject is a state: "the J-35, which Pakistan intends to acquire",
// "the 24 Rafale jets that Egypt ordered in 2021". A giver's verb is left
// out: the state before "sent" gives.
func (x *docState) relativeVerb(it *item, t trigger) bool {
	_, ok := x.relativeSubject(it, t)
	return ok && !x.givingVerb(t)
}

// relativeGiver is the state that gives the item in a relative clause on
// it ("the six A-29s, which the United States delivered in 2017", "the
// Piranhas that Germany pledged in 2022 arrived"): the supplier, not the
// buyer, whatever verb governs the item.
func (x *docState) relativeGiver(it *item) (annotate.Mention, bool) {
	for _, t := range x.triggers[it.sent] {
		if t.Start >= it.end && t.Class.isStatus() {
			m, ok := x.relativeSubject(it, t)
			return m, ok && x.givingVerb(t)
		}
	}
	return annotate.Mention{}, false
}

// relativeAfterKind is what follows " that " or " which " in gap after at
// most two lower-case words ("light transports that New Delhi ").
func relativeAfterKind(gap string) (string, bool) {
	for _, rel := range []string{" that ", " which "} {
		if k := strings.Index(gap, rel); k > 0 && annotate.FieldsAtMost(gap[:k], 2) && strings.ToLower(gap[:k]) == gap[:k] && !strings.ContainsAny(gap[:k], ",;:()") {
			return gap[k+len(rel):], true
		}
	}
	return "", false
}

// pledgedInClause is the planned giver's verb of a relative clause on the
// item ("that Germany pledged in 2022"), else nil.
func (x *docState) pledgedInClause(it *item) *trigger {
	for k := range x.triggers[it.sent] {
		if t := &x.triggers[it.sent][k]; t.Start >= it.end && t.Class.isStatus() {
			if t.Class == Planned && x.givenInClause(it, *t) {
				return t
			}
			return nil
		}
	}
	return nil
}

// givenInClause: t is the giver's verb of a relative clause on the item.
func (x *docState) givenInClause(it *item, t trigger) bool {
	_, ok := x.relativeSubject(it, t)
	return ok && x.givingVerb(t)
}

// relativeSubject is the state that opens a relative clause on the item
// as the subject of its status verb t ("which the Nigerian Air Force
// received"); "which competed for Algerian orders" has none.
func (x *docState) relativeSubject(it *item, t trigger) (annotate.Mention, bool) {
	if !t.Fwd || !t.Class.isStatus() || t.Start-it.end > 60 {
		return annotate.Mention{}, false
	}
	gap := strings.TrimPrefix(x.text(x.nounEnd(it), t.Start), ",")
	rest, ok := strings.CutPrefix(gap, " which ")
	if !ok {
		rest, ok = strings.CutPrefix(gap, " that ")
	}
	if !ok {
		// "the 24 Mi-171Sh helicopters for which Peru's defence ministry
		// signed a contract"
		rest, ok = strings.CutPrefix(gap, " for which ")
	}
	if !ok {
		// "two Dornier 228 light transports that New Delhi handed over":
		// a word or two for its kind the catalog lacks before "that".
		rest, ok = relativeAfterKind(gap)
	}
	if !ok || strings.ContainsAny(rest, ",;") || !annotate.FieldsAtMost(rest, 5) {
		return annotate.Mention{}, false
	}
	subject := t.Start - len(rest)
	ms := x.d.Mentions[it.sent]
	for k := range ms {
		m := &ms[k]
		if m.Start >= subject && m.End <= t.Start && isStateLike(m) {
			lead := strings.TrimSpace(x.text(subject, m.Start))
			return *m, (lead == "" || strings.EqualFold(lead, "the")) && m.Form != catalog.Demonym
		}
	}
	return annotate.Mention{}, false
}

// relativeLead: text ends with ", which", ", who" or ", that" and a
// space, which open a relative clause.
func relativeLead(text string) bool {
	return strings.HasSuffix(text, ", which ") || strings.HasSuffix(text, ", who ") || strings.HasSuffix(text, ", that ")
}

// relativeAfter: gap opens a relative clause (", which were").
func relativeAfter(gap string) bool {
	return strings.HasPrefix(gap, ", which ") || strings.HasPrefix(gap, ", that ")
}

// coordinated: the systems named between a and b of sentence i join the
// one before them in a list ("64 T-90S and T-90SK tanks from Russia was
// contracted"), so a verb after them governs the first too.
func (x *docState) coordinated(i, a, b int) bool {
	prev := a
	ms := x.d.Mentions[i]
	for k := range ms {
		m := &ms[k]
		if m.Start < a || m.End > b || m.Kind != annotate.MSystem && m.Kind != annotate.MUncatalogued {
			continue
		}
		switch strings.TrimSpace(x.text(prev, m.Start)) {
		case "and", "or", ",", ", and":
		default:
			return false
		}
		prev = m.End
	}
	return true
}

// nounEnd is where the item's noun phrase ends: after the word for its
// kind that follows it ("the TB2 drones"), a modifier or two allowed
// between ("the Cheongung II medium-range air defence systems").
func (x *docState) nounEnd(it *item) int {
	ms := x.d.Mentions[it.sent]
	for k := range ms {
		m := &ms[k]
		if m.Kind != annotate.MTerm || m.Start < it.end {
			continue
		}
		if gap := x.text(it.end, m.Start); annotate.FieldsAtMost(gap, 2) && !nounPhraseBreaks.in(gap) {
			return m.End
		}
		break
	}
	return it.end
}

// replacementAfter: t is a future "replace" and "with" stands between it
// and at.
func (x *docState) replacementAfter(t trigger, at int) bool {
	verb := x.text(t.Start, t.End)
	return strings.Contains(x.text(t.End, at), " with ") &&
		(strings.EqualFold(verb, "to replace") || len(verb) > 4 && strings.EqualFold(verb[:4], "will"))
}

// dateFor picks a trigger's date: the first date after it and before the
// next status trigger ("received ... on Monday, completing an order placed
// in 2016"), else the nearest date that no other trigger has after it.
func (x *docState) dateFor(i int, g trigger) annotate.Date {
	dates := x.datesOf(i)
	if x.plannedHandover(g) {
		// "plans to deliver 20 more in early 2027, the embassy said on
		// Monday": the plan is dated when it was told.
		for k := range dates {
			dm := &dates[k]
			if x.saidDate(*dm) {
				return dm.Date
			}
		}
		return annotate.Date{}
	}
	// A date right before the trigger is its own: "its 2009 order for
	// 420"; not one that ends a clause ("it ordered in 2021 landed").
	for k := range dates {
		dm := &dates[k]
		if dm.End <= g.Start && strings.TrimSpace(x.text(dm.End, g.Start)) == "" && !strings.HasPrefix(x.text(dm.Start, dm.End), "in ") {
			return x.statusDate(dm, g)
		}
	}
	if len(dates) == 0 {
		return x.undatedFor(i, g) // the clause read below would date nothing
	}
	// g reaches up to the next trigger, a distractor too ("added Akıncı
	// drones, which were displayed at a parade in 2023"), or to a clause
	// with a subject of its own.
	reach := x.clauseBreak(i, g.End)
	next := reach
	for _, o := range x.triggers[i] {
		if o.Start >= g.End && o.Start < next {
			next = o.Start
		}
	}
	for k := range dates {
		dm := &dates[k]
		// A date right before the next trigger is that one's: "handed
		// over six in October, under a 2019 contract for 14".
		if dm.Start >= g.End && dm.End <= next && (next == reach || strings.TrimSpace(x.text(dm.End, next)) != "") &&
			(g.Class == Planned || !x.saidDate(*dm)) {
			return x.statusDate(dm, g)
		}
	}
	var best annotate.Date
	bestDist := 1 << 30
	for k := range dates {
		dm := &dates[k]
		if x.ownedByOther(i, g, dm) || x.leadsOrder(i, dm) || x.leadsOther(i, g, dm) || x.inAside(i, g, dm) || g.Class != Planned && x.saidDate(*dm) {
			continue
		}
		// "has received FK-3 systems, and it continues to fly MiG-29s
		// donated in 2017": a date in a later clause is that clause's.
		if dm.Start >= reach || x.otherClause(i, g, dm) || x.beforeAfter(*dm, g.Start) {
			continue
		}
		if d := distance(g.Start, g.End, dm.Start, dm.End); d < bestDist {
			best, bestDist = x.statusDate(dm, g), d
		}
	}
	if best.IsZero() {
		return x.undatedFor(i, g)
	}
	return best
}

// undatedFor is the date of trigger g that none of the dates near it
// gives: the one "until" tells, or the one a delivery was complete by.
func (x *docState) undatedFor(i int, g trigger) annotate.Date {
	if d, ok := x.untilWhen(i, g); ok {
		return d
	}
	if g.Class == Delivered {
		return x.completedBy(i, g)
	}
	return annotate.Date{}
}

// clauseBreak is where a clause with a subject of its own opens after
// byte from of sentence i (", and Saudi officials have said", ", and it
// continues", ", while Benin has received"), else the sentence's end.
func (x *docState) clauseBreak(i, from int) int {
	end := x.d.Sentences[i].End
	if k := clauseOpening(x.text(from, end)); k >= 0 {
		return from + k
	}
	return end
}

// clauseOpening is where the first ", and", ", while" or ", whereas"
// before a subject of its own (a capital, "it" or "they") stands in
// text, or -1.
func clauseOpening(text string) int {
	// The conjunctions all open with ", ": one pass tries them at each
	// comma in order, found by strings.IndexByte, which reads many bytes
	// at once where strings.Index looks for the pair.
	for k := 0; ; k++ {
		j := strings.IndexByte(text[k:], ',')
		if j < 0 {
			return -1
		}
		k += j
		for _, conj := range []string{", and ", ", while ", ", whereas "} {
			if next, ok := strings.CutPrefix(text[k:], conj); ok {
				if r, _ := utf8.DecodeRuneInString(next); unicode.IsUpper(r) || strings.HasPrefix(next, "it ") || strings.HasPrefix(next, "they ") {
					return k
				}
			}
		}
	}
}

// beforeAfter: the date stands before "after" and byte at ("met on
// Monday, two years after Belgrade signed for 12 jets"): it dates the
// main clause, not what follows "after".
func (x *docState) beforeAfter(dm annotate.DateMention, at int) bool {
	return dm.End <= at && strings.Contains(x.text(dm.End, at), " after ")
}

// otherClause: the date belongs to the clause of another status verb
// joined to g's by "and": right before a verb after g ("bought TB2s too,
// and in 2023 added Wing Loong II drones"), or after a verb before g
// ("bought TB2 drones in 2021 and later added Akıncı drones").
func (x *docState) otherClause(i int, g trigger, dm *annotate.DateMention) bool {
	for _, o := range x.triggers[i] {
		if !o.Class.isStatus() || o.Start == g.Start {
			continue
		}
		// "and in 2024 Benin received": a subject may stand between.
		if gap := x.text(dm.End, o.Start); dm.Start >= g.End && o.Start >= dm.End && annotate.FieldsAtMost(gap, 2) && !strings.ContainsAny(gap, ",;") &&
			strings.Contains(x.text(g.End, dm.Start), " and ") {
			return true
		}
		// "received four in 2023, while it flies CH-4Bs bought from CASC":
		// "while" joins a clause of its own too.
		if gap := x.text(dm.End, g.Start); dm.End <= g.Start && o.End <= dm.Start && (strings.Contains(gap, " and ") || strings.Contains(gap, ", while ")) {
			return true
		}
	}
	return false
}

// leadsOther: the date opens the clause of another status verb that
// stands between it and g ("in 2023 the Slovak Republic transferred
// thirteen MiG-29 to Ukraine, and that the last of the F-16 ordered"):
// it is that verb's. A date before ", when" dates the clause that
// follows, g's ("in April, when the last six of the jets it ordered
// landed").
func (x *docState) leadsOther(i int, g trigger, dm *annotate.DateMention) bool {
	if dm.End <= g.Start && strings.HasPrefix(x.text(dm.End, dm.End+7), ", when ") {
		return false
	}
	for _, o := range x.triggers[i] {
		if o.Class.isStatus() && !o.orderNoun() && o.Class != g.Class && dm.End <= o.Start && o.End <= g.Start {
			return true
		}
	}
	return false
}

// inAside: the date stands in a relative clause set off by commas
// before g ("The government, which took office in March, is negotiating"):
// it dates what the clause tells.
func (x *docState) inAside(i int, g trigger, dm *annotate.DateMention) bool {
	if dm.End > g.Start || !strings.Contains(x.text(dm.End, g.Start), ",") {
		return false
	}
	before := x.text(x.d.Sentences[i].Start, dm.Start)
	k := max(strings.LastIndex(before, ", which "), strings.LastIndex(before, ", who "))
	return k >= 0 && !strings.ContainsAny(before[k+1:], ",;")
}

// saidDate: the date tells when something was said ("the company said
// on the 4th", "announced on Monday", "said in March"), not when the deal
// was made; a plan is dated when it was told.
func (x *docState) saidDate(dm annotate.DateMention) bool {
	before := x.text(dm.Start-40, dm.Start)
	w, at := annotate.LastField(before)
	if annotate.LowerIs(w, "on") || annotate.LowerIs(w, "in") { // "said in March"
		w, _ = annotate.LastField(before[:at])
	}
	var room [loweredRoom]byte
	switch string(lowered(&room, w)) {
	case "said", "says", "announced", "reported", "told", "stated", "confirmed":
		return true
	case "post", "statement", "briefing", "interview", "website", "account":
		// "the ministry said in a post on its website on Saturday"
		return containsLower(before, "said in a")
	}
	return false
}

// completedBy is the date a delivery told as done was complete by, in its
// clause ("all 64 had been handed over by the end of 2019").
func (x *docState) completedBy(i int, g trigger) annotate.Date {
	verb := x.text(g.Start, g.End)
	if !containsLower(verb, "been ", "was ", "were ") {
		return annotate.Date{}
	}
	dms := x.d.Dates[i]
	for k := range dms {
		dm := &dms[k]
		if dm.Role == annotate.By && dm.Start >= g.End && !strings.ContainsAny(x.text(g.End, dm.Start), ",;") {
			return x.statusDate(dm, g)
		}
	}
	return annotate.Date{}
}

// dateRightAfter is the date that follows an item within a few words
// ("six more in March 2022").
func (x *docState) dateRightAfter(it *item) (annotate.Date, bool) {
	dms := x.datesOf(it.sent)
	for k := range dms {
		dm := &dms[k]
		if dm.Start >= it.end && annotate.FieldsAtMost(x.text(it.end, dm.Start), 2) {
			return dm.Before(x.d.Ref), true
		}
	}
	return annotate.Date{}, false
}

// statusDate: what has happened cannot lie after the article's date.
func (x *docState) statusDate(dm *annotate.DateMention, g trigger) annotate.Date {
	if g.Class == Planned {
		return dm.Date
	}
	return dm.Before(x.d.Ref)
}

// leadsOrder: the date is the year of an order noun ("received the last
// J-10C of a 2020 order"), which no other trigger takes.
func (x *docState) leadsOrder(i int, dm *annotate.DateMention) bool {
	for _, o := range x.triggers[i] {
		if o.orderNoun() && o.Start >= dm.End && strings.TrimSpace(x.text(dm.End, o.Start)) == "" {
			return true
		}
	}
	return false
}

// ownedByOther: the date follows another status trigger of a different
// kind with no trigger between them.
func (x *docState) ownedByOther(i int, g trigger, dm *annotate.DateMention) bool {
	var owner *trigger
	for k := range x.triggers[i] {
		o := &x.triggers[i][k]
		// An order noun's year comes before it; a distractor after g owns
		// its date too ("added Akıncı drones, which were displayed at a
		// parade in 2023").
		if (o.Class.isStatus() || o.Start > g.End) && !o.orderNoun() && o.End <= dm.Start {
			owner = o
		}
	}
	// "has bought Korean air defence before: in 2024 it ordered": a colon
	// or semicolon closes the owner's clause.
	return owner != nil && owner.Class != g.Class && owner.Start != g.Start && !strings.ContainsAny(x.text(owner.End, dm.Start), ":;")
}

// recipients: the state a deal goes "to", else the states acting as
// subject ("Estonia and Latvia signed"), else the article's focus, which
// byFocus tells. room is empty room for them (some answers are returned
// in a slice of their own).
func (x *docState) recipients(room []string, it *item, g trigger) (states []string, byFocus bool) {
	i := it.sent
	ms := x.d.Mentions[i]
	if to := x.toRecipient(it, g); to != "" {
		return append(room, to), false
	}
	if from := x.wonFrom(it, g); from != "" {
		return append(room, from), false
	}
	if to := x.colonRecipient(it); to != "" {
		return append(room, to), false
	}
	nounEnd := x.nounEnd(it)
	if after := x.text(nounEnd, nounEnd+60); unnamedBuyer(after) || countsUsers(after) {
		// "to a country in the Asia-Pacific region", "is used by about a
		// dozen air forces": buyers it did not name
		return nil, false
	}
	if by := x.agentBuyers(it, nounEnd); len(by) > 0 {
		return by, false
	}
	if by := x.nominalBuyers(it, g); len(by) > 0 {
		return by, false
	}
	if by := x.signerBuyers(it, g); len(by) > 0 {
		return by, false
	}
	if r := x.partnerBuyer(it); r != "" {
		return append(room, r), false
	}
	if g.Class == Planned && endsWithLower(x.text(g.Start, g.End), " sell") && !strings.Contains(x.text(it.end, x.clauseBreak(i, it.end)), " to ") {
		return nil, false // "hopes to sell more T129s in Africa": no buyer yet
	}
	if x.giving(it, g) {
		// "Spain sent Ukraine 20 tanks": the state right after the verb
		// receives; the subject gives, so it is no recipient.
		for k := range ms {
			m := &ms[k]
			if gap := strings.TrimSpace(x.text(g.End, m.Start)); m.Start >= g.End && m.End <= it.start && isStateLike(m) && (gap == "" || gap == "the") {
				return append(room, m.Country), false
			}
		}
		if to := x.earlierRecipient(it, g); to != "" {
			return append(room, to), false
		}
		return x.focusRecipient(room)
	}
	subjectEnd := g.Start
	if it.start < g.Start {
		subjectEnd = it.start
		// "the HQ-22, which China's People's Liberation Army fields"; a
		// state between the item and the order it completes is no subject
		// ("received TB2 drones from Turkey, completing a 2020 order"),
		// nor one where it was built ("corvettes built in China were
		// commissioned"), nor one that gives it ("the A-29s, which the
		// United States delivered"), nor a demonym ("a boat that served
		// the Turkish fleet, was given").
		giver, gives := x.relativeGiver(it)
		for k := range ms {
			m := &ms[k]
			if m.Start >= it.end && m.End <= g.Start && isStateLike(m) && m.Form != catalog.Demonym && !x.isOriginModifier(i, k) && !g.orderNoun() &&
				!x.afterPreposition(m.Start, "from", "by", "in") && !(gives && m.Start == giver.Start) {
				return append(room, m.Country), false
			}
		}
	}
	subj := room
	for k := len(ms) - 1; k >= 0; k-- {
		m := &ms[k]
		if m.End > subjectEnd || !isStateLike(m) {
			continue
		}
		// "Compare that with Nigeria, whose planned purchase": the state
		// owns the deal that follows, whatever governs its name.
		if (x.isOriginModifier(i, k) || x.afterPreposition(m.Start, "from", "by", "with", "of", "in", "at", "against", "to")) && !x.whoseAfter(m) &&
			!x.forceOf(m) && !x.buyerBy(m.Start) {
			continue
		}
		if x.inTimeClause(m, subjectEnd) || x.predicative(m) {
			continue
		}
		subj = append(subj, m.Country)
		// "Estonia and Latvia", "Togo, Nigeria and Ghana": take the
		// other states of the list, unless a preposition governs it ("flies
		// with the air forces of Chile, and Uruguay signed").
		j := k
		for j > 0 && isStateLike(&ms[j-1]) && listGap(x.text(ms[j-1].End, ms[j].Start)) {
			j--
		}
		if j < k && !x.afterPreposition(ms[j].Start, "from", "by", "with", "of", "in", "at", "against", "to") {
			for _, o := range ms[j:k] {
				subj = append(subj, o.Country)
			}
		}
		break
	}
	if len(subj) > len(room) {
		return subj, false
	}
	if r := x.previousSubject(i); r != "" && r != it.origin && !x.makerFrom(i, r) {
		return append(room, r), false
	}
	// "The first executive contract, signed in 2022, also covered 180 K2
	// tanks" in an article about the makers' state: the sentence goes on
	// about who last bought the system, not about its home.
	if x.focus != "" && x.focus == it.origin {
		if held := x.heldBy(it.designation); held != "" && held != x.focus {
			return append(room, held), false
		}
	}
	return x.focusRecipient(room)
}

// verbRightAfter: a trigger phrase follows byte at of sentence i after
// a space.
func (x *docState) verbRightAfter(i, at int) bool {
	for _, t := range x.triggers[i] {
		if t.Start > at && t.Start <= at+1 {
			return true
		}
	}
	return false
}

// listGap: gap joins two names of a list (", ", " and ", ", and "), "the"
// allowed before the second ("Ecuador, the Dominican Republic").
func listGap(gap string) bool {
	gap = strings.TrimSpace(gap)
	if g, ok := strings.CutSuffix(gap, " the"); ok {
		gap = g
	}
	switch gap {
	case ",", "and", ", and":
		return true
	}
	return false
}

// forceOf: the state follows a word for its forces or ministry and "of"
// ("the Armed Forces of Niger", "the Ministry of Defence of Burkina
// Faso"), which act for it.
func (x *docState) forceOf(m *annotate.Mention) bool {
	before, ok := strings.CutSuffix(x.text(m.Start-40, m.Start), " of ")
	if !ok {
		return false
	}
	for _, f := range forceOfWords {
		if len(before) >= len(f) && catalog.EqualFoldASCII(before[len(before)-len(f):], f) {
			return true
		}
	}
	return false
}

// forceOfWords are the forces and ministries forceOf reads before "of".
var forceOfWords = append(slices.Clone(forceWords), "forces", "armies", "navies", "ministry of defence", "ministry of defense", "government")

// unnamedBuyer: the text after an item sends it "to a country", "to an
// unnamed customer" or the like: a buyer the article does not name, so
// no state nearby is the recipient.
func unnamedBuyer(after string) bool {
	rest, ok := strings.CutPrefix(trimOpeningQuotes(after, true), "to ")
	if !ok {
		return false
	}
	rest = trimOpeningQuotes(rest, false)
	for _, p := range []string{"a country", "an unnamed", "an undisclosed", "an international customer", "a customer", "a foreign customer",
		"an export customer", "a client", "a buyer"} {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	return false
}

// trimOpeningQuotes is strings.TrimLeft(s, "\"“"), or with spaces as
// well strings.TrimLeft(s, " \"“"): read a byte at a time, where TrimLeft
// decodes each rune and looks it up in the cutset.
func trimOpeningQuotes(s string, spaces bool) string {
	for {
		switch {
		case s == "":
			return s
		case s[0] == '"' || spaces && s[0] == ' ':
			s = s[1:]
		case strings.HasPrefix(s, "“"):
			s = s[len("“"):]
		default:
			return s
		}
	}
}

// manyUsers: the text after an item counts its users without naming them
// ("is used by about a dozen air forces around the world"), not "is used
// by the air forces of Zambia and Egypt", which names them.
var manyUsers = regexp.MustCompile(`^\s+(?:is|are)\s+(?:now\s+|already\s+)?(?:used|operated|flown)\s+by\s+(?:about\s+|some\s+|more\s+than\s+|over\s+|at\s+least\s+)?(?:a\s+dozen|dozens\s+of|several|many|\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)\s+(?:other\s+)?(?:air\s+forces|armies|navies|countries|militaries|operators|nations)\b`)

// countsUsers is manyUsers.MatchString(after), which it asks only where
// after opens on "is" or "are" after white space: most items are followed
// by other words.
func countsUsers(after string) bool {
	verb := after[skipRegexpSpace(after, 0):]
	return len(verb) < len(after) && (strings.HasPrefix(verb, "is") || strings.HasPrefix(verb, "are")) && manyUsers.MatchString(after)
}

// agentBuyers are the states named as the agent of a purchase or of use
// told after the item in its clause: "Yak-130 aircraft ordered by Uganda
// in 2023", "is already used by the armies of Indonesia, Malaysia and
// Saudi Arabia". end is where the item's noun phrase ends (nounEnd).
func (x *docState) agentBuyers(it *item, end int) []string {
	i := it.sent
	for _, t := range x.triggers[i] {
		if t.Start < end || t.Start-end > 80 || !t.Bwd || !t.Class.isStatus() || t.Class == Delivered {
			continue
		}
		if gap := x.text(end, t.Start); strings.Contains(gap, ";") || x.systemBetween(i, end, t.Start) {
			return nil
		}
		// "flies with the air forces of Colombia, Ecuador and Chile":
		// a fleet's users follow "with" as buyers follow "by".
		after := t.End
		verb := x.text(t.Start, t.End)
		switch {
		case endsWithLower(verb, " by"), t.Class == InService && endsWithLower(verb, " with"):
		case x.text(t.End, t.End+4) == " by ":
			after += len(" by")
		case t.Class == InService && x.text(t.End, t.End+6) == " with ":
			after += len(" with")
		default:
			return nil
		}
		return x.stateList(i, after)
	}
	return nil
}

// stateList is the states named from byte at of sentence i on, "the" or
// a force and "of" allowed before the first, joined by commas and "and"
// ("the armies of Indonesia, Malaysia and Saudi Arabia").
func (x *docState) stateList(i, at int) []string {
	var out []string
	prev := at
	ms := x.d.Mentions[i]
	for k := range ms {
		m := &ms[k]
		if m.Start < prev {
			continue
		}
		if !isStateLike(m) || m.Form == catalog.Demonym {
			break
		}
		gap := strings.TrimSpace(x.text(prev, m.Start))
		if len(out) == 0 && gap != "" && !strings.EqualFold(gap, "the") && !x.forceOf(m) {
			break
		}
		if len(out) > 0 && !listGap(gap) || x.verbRightAfter(i, m.End) {
			break // "..., and Uruguay signed for six": a clause of its own
		}
		out = append(out, m.Country)
		prev = m.End
	}
	return out
}

// partnerBuyer is the state a maker or seller signs with ("The company
// signed a contract with Angola", "Rosoboronexport signed a contract with
// the Ministry of Defence of Burkina Faso", "Hanwha Aerospace, which
// signed its first deal with Vietnam"): with a company as subject, the
// other party buys.
func (x *docState) partnerBuyer(it *item) string {
	i := it.sent
	company := x.companyOpens(i)
	ms := x.d.Mentions[i]
	for k := range ms {
		m := &ms[k]
		if m.Start >= it.start {
			break
		}
		if m.Kind == annotate.MOrg && (m.OrgKind == "maker" || m.OrgKind == "seller") {
			company = true
			continue
		}
		if !isStateLike(m) {
			continue
		}
		if !company || m.Form == catalog.Demonym {
			return "" // a state speaks first: it is the subject
		}
		if x.afterPreposition(m.Start, "with") || x.forceOf(m) && strings.Contains(x.text(m.Start-45, m.Start), "with the ") {
			return m.Country
		}
	}
	return ""
}

// predicative: the demonym ends its clause ("Its newest vehicles are
// Turkish too: the sultanate ordered 172 Pars"): it tells an origin, no
// one who acts.
func (x *docState) predicative(m *annotate.Mention) bool {
	if m.Form != catalog.Demonym {
		return false
	}
	after := strings.TrimPrefix(x.text(m.End, m.End+5), " too")
	return after == "" || strings.ContainsRune(",:;.", rune(after[0]))
}

// inTimeClause: the state stands in a clause of time closed by a comma
// before end ("took delivery of the Akinci in 2024" after "months after
// French troops left the country,"): it dates the sentence, it buys nothing.
func (x *docState) inTimeClause(m *annotate.Mention, end int) bool {
	if !strings.Contains(x.text(m.End, end), ",") {
		return false
	}
	lead := x.text(m.Start-40, m.Start)
	if k := strings.LastIndexAny(lead, ",;"); k >= 0 {
		lead = lead[k+1:]
	} else {
		return false
	}
	for _, w := range strings.Fields(lead) {
		var room [loweredRoom]byte
		switch string(lowered(&room, w)) {
		case "after", "before", "until", "since", "when", "while":
			return true
		}
	}
	return false
}

// makerFrom: sentence i names a maker from state iso ("The navy bought
// two FREMM frigates from Fincantieri" after a sentence about Italy):
// that state sells, so it is no buyer gone on about.
func (x *docState) makerFrom(i int, iso string) bool {
	ms := x.d.Mentions[i]
	for k := range ms {
		m := &ms[k]
		if m.Kind == annotate.MOrg && (m.OrgKind == "maker" || m.OrgKind == "seller") && m.Country == iso {
			return true
		}
	}
	return false
}

// previousSubject is the state that opens the sentence before i in its
// paragraph ("Algeria, the region's largest importer, has shown less
// concern. A further six Su-30MKA fighters were delivered by Russia"): a
// sentence that names no buyer goes on about the one just named, unless
// that state makes the system ("India remains Armenia's largest source
// ... A further batch of Pinaka launchers arrived").
func (x *docState) previousSubject(i int) string {
	j := i - 1
	// Sentences that name nothing go on about the same subject: "The
	// first twelve were handed over in 2022. The army plans ...".
	for j >= 0 && x.d.Sentences[j].Paragraph == x.d.Sentences[i].Paragraph && !x.d.Sentences[j].Boilerplate && len(x.d.Mentions[j]) == 0 {
		j--
	}
	if j < 0 || x.d.Sentences[j].Paragraph != x.d.Sentences[i].Paragraph || x.d.Sentences[j].Boilerplate || len(x.d.Mentions[j]) == 0 {
		return ""
	}
	m := &x.d.Mentions[j][0]
	if !isStateLike(m) || m.Form == catalog.Demonym || x.isOriginModifier(j, 0) {
		return ""
	}
	// "Further east, Sudan's army ...": a fronted phrase set off by a comma
	// leaves the state the subject.
	lead := strings.TrimSpace(x.text(x.d.Sentences[j].Start, m.Start))
	if lead != "" && !strings.EqualFold(lead, "the") && !strings.HasSuffix(lead, ",") {
		return ""
	}
	if after := x.text(m.End, m.End+20); (strings.HasPrefix(after, "'s") || strings.HasPrefix(after, "’s")) && !forceAfterPossessive(after) {
		return "" // "Germany's approach to Algeria": the subject is the approach
	}
	if x.givesFirst(j, m) {
		return "" // "France handed over VAB carriers. Its M113s, supplied by ...": France gives
	}
	return m.Country
}

// givesFirst: the first status verb after state m in sentence i is a
// giver's ("France handed over", "Qatar, meanwhile, donated"): m gives.
func (x *docState) givesFirst(i int, m *annotate.Mention) bool {
	for _, t := range x.triggers[i] {
		if t.Start >= m.End && t.Class.isStatus() {
			return t.Fwd && x.givingVerb(t)
		}
	}
	return false
}

// forceAfterPossessive: after is "'s" and a state's force ("'s armed
// forces are far better equipped"), which acts for the state.
func forceAfterPossessive(after string) bool {
	_, rest, _ := strings.Cut(after, " ")
	for _, f := range forceWords {
		if len(rest) >= len(f) && strings.EqualFold(rest[:len(f)], f) {
			return true
		}
	}
	return false
}

// whoseAfter: ", whose" follows the mention.
func (x *docState) whoseAfter(m *annotate.Mention) bool {
	after := x.text(m.End, m.End+8)
	return strings.HasPrefix(after, ", whose ")
}

// focusRecipient is the article's focus as the recipient no phrase names
// ("The army took delivery of ...").
func (x *docState) focusRecipient(dst []string) ([]string, bool) {
	if x.focus == "" {
		return nil, false
	}
	return append(dst, x.focus), true
}

// toRecipient is the state a deal goes "to": "sale to Jordan", "to the
// navy of Côte d'Ivoire", "to Vietnam's border guard", or the state or
// capital equipment "reached" ("reached Dhaka in January").
func (x *docState) toRecipient(it *item, g trigger) string {
	after := max(g.End, it.end)
	ms := x.d.Mentions[it.sent]
	for k := range ms {
		m := &ms[k]
		// "continues to fly Russian MiG-29 fighters": a state of origin
		// after "to" and a verb receives nothing.
		if m.Start < min(g.End, it.end) || m.Start > after+60 || !isStateLike(m) || x.isOriginModifier(it.sent, k) {
			continue
		}
		before := strings.ToLower(x.text(m.Start-25, m.Start))
		if toState.MatchString(before) && !accordingTo.MatchString(before) {
			return m.Country
		}
		if m.Start >= it.end && (strings.HasSuffix(before, " for ") || strings.HasSuffix(before, " for the ")) && x.forItem(it, m) {
			return m.Country
		}
		// "ordered additional Hermes 900 drones for the Israeli Air
		// Force": the force the equipment is for receives it.
		if m.Kind == annotate.MOrg && m.Start >= it.end && strings.HasSuffix(before, " for the ") && !x.systemBetween(it.sent, it.end, m.Start) {
			return m.Country
		}
		// "were commissioned into the Bangladesh Navy": the force a
		// system enters receives it.
		if m.Kind == annotate.MOrg && m.Start >= it.end && strings.HasSuffix(before, " into the ") {
			return m.Country
		}
	}
	return ""
}

// colonRecipient: the clause before a colon tells a giving "to" a state
// whose instances the clause after it lists ("India has given equipment to
// the Mozambican armed forces before: ten trucks were donated in 2023").
func (x *docState) colonRecipient(it *item) string {
	start := x.d.Sentences[it.sent].Start
	lead := x.text(start, it.start)
	if strings.IndexByte(lead, ':') < 0 {
		return "" // most sentences have no colon, which IndexByte tells fastest
	}
	colon := strings.LastIndexByte(lead, ':')
	if !slices.ContainsFunc(x.triggers[it.sent], func(t trigger) bool { return t.Class == Delivered && t.End <= start+colon }) {
		return "" // "has turned to Turkey: it bought TB2 drones" names the seller
	}
	ms := x.d.Mentions[it.sent]
	for k := range ms {
		m := &ms[k]
		if m.End <= start+colon && isStateLike(m) && x.afterPreposition(m.Start, "to") {
			return m.Country
		}
	}
	return ""
}

// wonFrom: a seller "won" the order or contract "from" a state or its
// forces ("Navantia has won an order from the Peruvian Navy for two
// patrol vessels"): that state buys.
func (x *docState) wonFrom(it *item, g trigger) string {
	if g.Class != Contracted || !wonWord.inLower(x.text(g.Start, g.End)) {
		return ""
	}
	ms := x.d.Mentions[it.sent]
	for k := range ms {
		m := &ms[k]
		if m.Start >= g.End && m.Start <= max(it.end, g.End)+60 && isStateLike(m) && x.afterPreposition(m.Start, "from") {
			return m.Country
		}
	}
	return ""
}

// giving: the trigger is an active verb of the giver told before the
// item ("Spain sent", "Russia supplied", "China donated").
func (x *docState) giving(it *item, g trigger) bool {
	if g.Start >= it.end && underDeal(x.text(g.Start, g.End)) {
		// "Bogotá will hand over four Hueys under an agreement signed in
		// November": the verb before the item tells who gives.
		for _, t := range x.triggers[it.sent] {
			if t.Fwd && t.End <= it.start {
				g = t
			}
		}
	}
	if !g.Fwd || g.End > it.start || g.Class != Delivered && g.Class != Planned && !x.underWhich(g) {
		return false
	}
	switch g.Class {
	case Delivered:
		return x.givingVerb(g)
	case Contracted:
		return x.handoverVerb(g) // "notes under which Japan will provide equipment" bind the giver
	}
	// "Washington plans to deliver a second package", "Tashkent has
	// agreed to transfer a dozen BTR-80s"
	verb := x.text(g.Start, g.End)
	return x.plannedHandover(g) || endsWithLower(verb, " sell") || endsWithLower(verb, " transfer")
}

// givingVerb: t is one of givingVerbs.
func (x *docState) givingVerb(t trigger) bool { return isGivingVerb(x.text(t.Start, t.End)) }

// isGivingVerb: verb is one of givingVerbs, in any case.
func isGivingVerb(verb string) bool {
	if !catalog.IsASCII(verb) {
		return slices.ContainsFunc(givingVerbs, func(v string) bool { return strings.EqualFold(v, verb) })
	}
	// An ASCII verb folds as one of the verbs only in ASCII, at its
	// length: only the few verbs as long are compared.
	if len(verb) >= len(givingVerbsByLength) {
		return false
	}
	for _, v := range givingVerbsByLength[len(verb)] {
		if catalog.EqualFoldASCII(verb, v) {
			return true
		}
	}
	return false
}

// givingVerbsByLength are givingVerbs by their length in bytes.
var givingVerbsByLength = func() (by [][]string) {
	for _, v := range givingVerbs {
		by = append(by, make([][]string, max(0, len(v)+1-len(by)))...)
		by[len(v)] = append(by[len(v)], v)
	}
	return by
}()

// givingVerbs are the active verbs of a giver.
var givingVerbs = []string{"gave", "has given", "have given", "handed", "sent", "has sent", "have sent", "had sent", "shipped", "delivered", "delivers", "delivering", "donated", "donates",
	"supplied", "supplies", "gifted", "transferred", "handed over", "hands over", "failed to deliver", "has failed to deliver",
	"pledged", "has pledged", "promised", "has promised"}

var accordingTo = regexp.MustCompile(`according to (?:the |an? )?(?:[\p{L}-]+ ){0,2}$`)

var toState = annotate.MustCompileSearch(`\b(?:to (?:the |an? )?(?:[\p{L}-]+ ){0,2}(?:of )?|reached (?:the )?)$`)

func isStateLike(m *annotate.Mention) bool {
	return m.Kind == annotate.MCountry || m.Kind == annotate.MOrg && m.OrgKind == "government" && m.Country != ""
}

// supplier: the state named as source ("from Russia", "donated by the
// United States", "Russian-built"), else the home of the item's maker, else
// the catalog's origin of the system. stated is false for that last guess,
// which what the rest of the document states about the system overrides.
func (x *docState) supplier(it *item, g trigger, recipient string) (supplier, manufacturer string, stated bool) {
	i := it.sent
	ms := x.d.Mentions[i]
	maker := x.makerOf(it, g)
	if maker != nil {
		manufacturer = maker.Name
	} else if it.maker != "" && it.designation != "" {
		if o := x.cat.Organisation(it.maker); o != nil && x.docNames(o) {
			manufacturer = o.Name
		}
	}
	if giver, ok := x.relativeGiver(it); ok && giver.Country != recipient {
		return giver.Country, manufacturer, true
	}
	for k := range ms {
		m := &ms[k]
		if !isStateLike(m) || m.Country == recipient {
			continue // "the first two Kuwaiti Typhoons" names the owner
		}
		// "tanks from Russia", "was delivered by Russia", "donated by the United Arab Emirates"
		// "from Spain's Airbus": the maker's home named after the item
		// supplies as "from Spain" does.
		if m.Start >= it.end && x.afterPreposition(m.Start, "from", "by", "with") &&
			(!x.isOriginModifier(i, k) || isOriginPossessive(x.text(m.End, m.End+4))) && !x.nominalBuyer(it, g, m) {
			gap := x.text(it.end, m.Start)
			short := annotate.FieldsAtMost(gap, 4) && !strings.ContainsAny(gap, ",0123456789")
			// "was given free of charge by Ankara": "by" reaches a little
			// further past the verb.
			afterVerb := m.Start >= g.End && (annotate.FieldsAtMost(x.text(g.End, m.Start), 2) ||
				x.afterPreposition(m.Start, "by") && annotate.FieldsAtMost(x.text(g.End, m.Start), 5) && !strings.ContainsAny(x.text(g.End, m.Start), ",;"))
			if short || afterVerb || x.formerUser(m) {
				return m.Country, manufacturer, true
			}
		}
		// "two submarines built in Russia": where it was built supplies.
		if m.Start >= it.end && m.Start-it.end <= 40 && x.builtInBefore(i, m.Start) {
			return m.Country, manufacturer, true
		}
		// "negotiating with Taiwan for two Bell UH-1H helicopters": the
		// state a deal is made with supplies, whoever built the system.
		if gap := strings.TrimSpace(x.text(g.End, m.Start)); (g.Class == Planned || g.Class == Contracted) && m.Start >= g.End && m.End <= it.start &&
			(gap == "with" || gap == "with the") {
			return m.Country, manufacturer, true
		}
		// "Russian-built MiG-29", "the Indian system"; not across another
		// system ("Chinese-supplied Harbin Z-9 and Indian Chetak"), nor
		// an era ("a Soviet-era Mi-8 donated by Russia").
		if m.End <= it.start && m.End > it.start-40 && x.isOriginModifier(i, k) && !strings.ContainsAny(x.text(m.End, it.start), ",;") &&
			!strings.HasPrefix(x.text(m.End, m.End+4), "-era") &&
			!x.systemBetween(i, m.End, it.start) {
			return m.Country, manufacturer, true
		}
	}
	if maker != nil && maker.Country != "" {
		return maker.Country, manufacturer, true
	}
	// "Russia supplied military equipment to Mali": the subject gives.
	subjectGives := x.toRecipient(it, g) == recipient || x.giving(it, g)
	for k := len(ms) - 1; k >= 0 && subjectGives; k-- {
		m := &ms[k]
		if m.End > g.Start || !isStateLike(m) || m.Country == recipient {
			continue
		}
		// "looked to China, which last year donated trucks": the state
		// a relative clause opens on gives, whatever governs its name.
		if !x.isOriginModifier(i, k) && (!x.afterPreposition(m.Start, "from", "by", "with", "of", "in", "at", "to", "for") ||
			strings.HasPrefix(x.text(m.End, m.End+8), ", which ")) {
			return m.Country, manufacturer, true
		}
		break
	}
	// "Latvia took delivery of 47 M109s ... it gave six of them to
	// Ukraine": with no state as subject, who last received the system
	// gives it on.
	if x.giving(it, g) && x.toRecipient(it, g) == recipient {
		if held := x.heldBy(it.designation); held != "" && held != recipient {
			return held, manufacturer, true
		}
	}
	if it.antecedent >= 0 && it.supplier != "" {
		if manufacturer == "" {
			manufacturer = it.manufacturer
		}
		return it.supplier, manufacturer, true
	}
	if manufacturer != "" {
		if o := x.cat.Organisation(manufacturer); o != nil && o.Country != "" {
			return o.Country, manufacturer, true
		}
	}
	if it.origin != "" {
		if c := x.cat.Country(it.origin); c != nil && !c.Former {
			return it.origin, manufacturer, false
		}
	}
	return "", manufacturer, false
}

// formerUser: the state follows "once flown by", "formerly operated by"
// or the like ("Alpha Jets once flown by Qatar's air force touched
// down"): its second-hand equipment comes from it.
func (x *docState) formerUser(m *annotate.Mention) bool {
	before := strings.TrimSuffix(x.text(m.Start-32, m.Start), "the ")
	before, ok := strings.CutSuffix(before, " by ")
	if !ok {
		return false
	}
	verb, at := annotate.LastField(before)
	adverb, _ := annotate.LastField(before[:at])
	return slices.ContainsFunc([]string{"once", "formerly", "previously"}, func(w string) bool { return annotate.LowerIs(adverb, w) }) &&
		slices.ContainsFunc([]string{"flown", "operated", "used"}, func(w string) bool { return annotate.LowerIs(verb, w) })
}

// heldBy is the recipient of the latest record of a system read so far,
// who may give it on.
func (x *docState) heldBy(designation string) string {
	for k := len(x.done) - 1; k >= 0 && designation != ""; k-- {
		if t := x.done[k]; t.recipient != "" && sameDesignation(t.designation, designation) {
			return t.recipient
		}
	}
	return ""
}

// makerOf finds the organisation that makes or sells the item: its
// catalogued maker named in the sentence, a maker right before it ("Kia
// KM450"), one it comes "from" or is "made by", the subject of the sentence
// ("Thales delivered"), or for unspecified equipment the maker of the
// sentence before ("It delivered a smaller patrol boat").
func (x *docState) makerOf(it *item, g trigger) *annotate.Mention {
	i := it.sent
	ms := x.d.Mentions[i]
	isMaker := func(m *annotate.Mention) bool {
		return m.Kind == annotate.MOrg && (m.OrgKind == "maker" || m.OrgKind == "seller") || m.Kind == annotate.MName
	}
	if it.maker != "" { // most items the catalog lacks have no maker to look for
		for k := range ms {
			if m := &ms[k]; m.Name == it.maker && isMaker(m) {
				return m
			}
		}
	}
	for k := range ms {
		m := &ms[k]
		if !isMaker(m) {
			continue
		}
		if m.End <= it.start && annotate.FieldsAtMost(x.text(m.End, it.start), 1) && !strings.ContainsAny(x.text(m.End, it.start), ",;") {
			return m
		}
		if m.Start >= it.end && annotate.FieldsAtMost(x.text(it.end, m.Start), 7) && !strings.Contains(x.text(it.end, m.Start), ";") &&
			x.madeByBefore(m) {
			return m
		}
		// "Thales delivered", not "talks with Baykar, and Nigeria flies".
		if gap := x.text(m.End, g.Start); m.End <= g.Start && m.End <= it.start && annotate.FieldsAtMost(gap, 3) && !strings.ContainsAny(gap, ",;") {
			return m
		}
		// "negotiating with Hindustan Aeronautics (HAL) for Dornier 228"
		if m.Start >= g.End && m.End <= it.start && x.madeByBefore(m) {
			return m
		}
	}
	if it.generic {
		for k := range ms {
			if isMaker(&ms[k]) {
				return &ms[k]
			}
		}
		return x.previousMaker(i)
	}
	if it.uncatalogued {
		// "took delivery of the frigate BRP Diego Silang at HD Hyundai
		// Heavy Industries' yard": a name the catalog lacks has no maker
		// but the one its sentence names.
		for k := range ms {
			if isMaker(&ms[k]) && ms[k].Kind == annotate.MOrg {
				return &ms[k]
			}
		}
	}
	return nil
}

// dealOpener opens a sentence on the deal told before: "This agreement".
var dealOpener = regexp.MustCompile(`^(?:This|The) (?:agreement|deal|contract) `)

// madeByPattern is the pattern endsMadeBy reads: "from", "by" or "with"
// before a maker's name, maybe after "the" and a possessive.
const madeByPattern = `(?i)\b(?:from|by|with)\s+(?:the\s+)?(?:[\p{L}]+(?:'s|’s)\s+)?(?:[\p{L}-]+\s+)?$`

// madeByBefore: madeBy matches the 40 bytes before m (endsMadeBy).
func (x *docState) madeByBefore(m *annotate.Mention) bool {
	return endsMadeBy(x.text(m.Start-40, m.Start))
}

// endsMadeBy is madeBy.MatchString(text) read back from the end, where
// its match ends, rather than tried at each "from", "by" or "with": one
// of those ends one of the last four words of text (split at \s, which no
// part of the pattern holds), after a word boundary, and the words after
// it each with white space after it, at most three, read as "the", a
// possessive and a name, each optional, in that order.
func endsMadeBy(text string) bool {
	if text == "" || !annotate.IsRegexpSpace(text[len(text)-1]) {
		return false
	}
	var after [3]string // the words after the one read, the last first
	for n := 0; ; n++ {
		var w string
		text, w = cutLastWord(text)
		if w == "" {
			return false
		}
		if endsInMaker(w) && madeByTail(after[:n]) {
			return true
		}
		if n == len(after) {
			return false
		}
		after[n] = w
	}
}

// endsInMaker: the word w ends in "from", "by" or "with", in any case (no
// rune beyond ASCII folds into their letters), after a word boundary.
func endsInMaker(w string) bool {
	for _, lead := range []string{"by", "from", "with"} {
		if k := len(w) - len(lead); k >= 0 && catalog.EqualFoldASCII(w[k:], lead) && (k == 0 || !isWordByte(w[k-1])) {
			return true
		}
	}
	return false
}

// madeByTail: the words after madeBy's "from", "by" or "with", the last
// first, read as (?:the\s+)?(?:[\p{L}]+(?:'s|’s)\s+)?(?:[\p{L}-]+\s+)?.
func madeByTail(after []string) bool {
	the := func(w string) bool { return len(w) == 3 && catalog.EqualFoldASCII(w, "the") }
	name := func(w string) bool {
		return runOf(w, 0, func(r rune) bool { return unicode.IsLetter(r) || r == '-' }) == len(w)
	}
	switch len(after) {
	case 0:
		return true
	case 1:
		return letterPossessive(after[0]) || name(after[0])
	case 2:
		return the(after[1]) && (letterPossessive(after[0]) || name(after[0])) || letterPossessive(after[1]) && name(after[0])
	}
	return the(after[2]) && letterPossessive(after[1]) && name(after[0])
}

// letterPossessive: w is letters then 's or ’s ([\p{L}]+(?:'s|’s) with
// (?i)).
func letterPossessive(w string) bool {
	if !possessive(w) {
		return false
	}
	_, n := utf8.DecodeLastRuneInString(w)
	stem := w[:len(w)-n]
	if strings.HasSuffix(stem, "'") {
		stem = stem[:len(stem)-1]
	} else {
		stem = stem[:len(stem)-len("’")]
	}
	return stem != "" && runOf(stem, 0, unicode.IsLetter) == len(stem)
}

// companyOpens: sentence i opens with "The company", "The firm" or "The
// group", which go on about the maker named before.
func (x *docState) companyOpens(i int) bool {
	s := x.d.Sentences[i]
	lead := x.text(s.Start, s.Start+16)
	for lead != "" && (lead[0] == ' ' || lead[0] == '\t' || lead[0] == '\n') { // strings.TrimLeft(lead, " \t\n") without its set
		lead = lead[1:]
	}
	return strings.HasPrefix(lead, "The company ") || strings.HasPrefix(lead, "The firm ") || strings.HasPrefix(lead, "The group ")
}

// previousMaker is the last maker named in the sentences before i, for a
// sentence whose subject is "It", "The company" or "This agreement", which
// go on about that maker or its deal ("Bishkek has looked to China, which
// donated trucks" names its own giver).
func (x *docState) previousMaker(i int) *annotate.Mention {
	s := x.d.Sentences[i]
	lead := strings.TrimLeft(x.text(s.Start, s.Start+20), " \t\n")
	if !x.companyOpens(i) && !strings.HasPrefix(lead, "It ") && !dealOpener.MatchString(lead) {
		return nil
	}
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		ms := x.d.Mentions[j]
		for k := len(ms) - 1; k >= 0; k-- {
			if ms[k].Kind == annotate.MOrg && (ms[k].OrgKind == "maker" || ms[k].OrgKind == "seller") {
				return &ms[k]
			}
		}
	}
	return nil
}

// docNames says whether the document names the organisation anywhere.
func (x *docState) docNames(o *catalog.Organisation) bool {
	for _, ms := range x.d.Mentions {
		for k := range ms {
			m := &ms[k]
			if m.Kind == annotate.MOrg && m.Name == o.Name {
				return true
			}
		}
	}
	return false
}

// stateSuppliers gives records whose supplier is only the catalog's guess
// the supplier and maker the document states for the same system elsewhere
// ("from Italy's Leonardo" in the first sentence, "the first two Typhoons"
// later).
func stateSuppliers(ts []*transfer) {
	// The first stated record of each designation (by catalog.Fold), in a
	// list: a document names few systems, and comparing folds spares
	// making them.
	var stated []*transfer
	for _, t := range ts {
		if !t.supplierStated || t.supplier == t.recipient || catalog.SameFold(t.designation, "") {
			continue
		}
		if statedFor(stated, t.designation) == nil {
			stated = append(stated, t)
		}
	}
	if len(stated) == 0 {
		return
	}
	for _, t := range ts {
		if t.supplierStated {
			continue
		}
		if s := statedFor(stated, t.designation); s != nil && s.supplier != t.recipient {
			t.supplier = s.supplier
			if t.manufacturer == "" {
				t.manufacturer = s.manufacturer
			}
		}
	}
}

// sameDesignation is catalog.SameFold(a, b), answered at once for equal
// strings: the records of one system mostly hold the catalog's own.
func sameDesignation(a, b string) bool {
	return a == b || catalog.SameFold(a, b)
}

// statedFor is the record of stated whose designation folds as
// designation does, or nil.
func statedFor(stated []*transfer, designation string) *transfer {
	for _, s := range stated {
		if sameDesignation(s.designation, designation) {
			return s
		}
	}
	return nil
}

// redirectDonations reads an article about a giver ("Germany has already
// delivered 30 Gepard guns", after "Germany will send ... to Ukraine"):
// a record that falls back on the focus as recipient while the focus
// supplies it goes to the state the focus's other deals name as
// recipient.
func (x *docState) redirectDonations(ts []*transfer) {
	to := ""
	for _, t := range ts {
		if t.byFocus || t.supplier != x.focus || t.recipient == x.focus {
			continue
		}
		if to != "" && to != t.recipient {
			return // the focus gives to several states: whose, untold
		}
		to = t.recipient
	}
	if to == "" {
		return
	}
	for _, t := range ts {
		if t.byFocus && t.recipient == x.focus && t.supplier == x.focus {
			t.recipient = to
		}
	}
}

// mergeTransfers joins what a document tells twice: the same system, state
// and status with dates and quantities that agree or are missing.
func mergeTransfers(ts []*transfer) []*transfer {
	out := ts[:0] // filtered in place
	for _, t := range ts {
		merged := false
		for _, o := range out {
			if o.recipient != t.recipient || o.status != t.status || !sameDesignation(o.designation, t.designation) {
				continue
			}
			if o.designation == "" && o.supplier != t.supplier {
				continue
			}
			if !o.date.IsZero() && !t.date.IsZero() && o.date != t.date {
				continue
			}
			if o.qualifier != annotate.Unknown && t.qualifier != annotate.Unknown && o.qtyValue != t.qtyValue {
				continue
			}
			if o.date.IsZero() {
				o.date = t.date
			}
			if o.qualifier == annotate.Unknown {
				o.qtyValue, o.qualifier = t.qtyValue, t.qualifier
			}
			if o.supplier == "" {
				o.supplier = t.supplier
			}
			if o.manufacturer == "" {
				o.manufacturer = t.manufacturer
			}
			o.sents = appendInts(o.sents, t.sents...)
			merged = true
			break
		}
		if !merged {
			out = append(out, t)
		}
	}
	return out
}

// dropToldFleets drops a fleet in service whose acquisition the
// document tells with no date or count of its own ("Uganda operates
// Marksman vehicles. The Marksman vehicles were bought a decade ago"),
// or with the fleet's count ("the two it already operates ... were
// supplied in 2022"): the delivery is that fleet.
func dropToldFleets(ts []*transfer) []*transfer {
	kept := ts[:0]
	for _, t := range ts {
		if t.status != record.StatusInService || !slices.ContainsFunc(ts, func(o *transfer) bool {
			return o.status == record.StatusDelivered && o.recipient == t.recipient && o.designation != "" &&
				sameDesignation(o.designation, t.designation) && (o.date.IsZero() && o.qualifier == annotate.Unknown || o.qtyValue > 0 && o.qtyValue == t.qtyValue)
		}) {
			kept = append(kept, t)
		}
	}
	return kept
}

// inheritDates dates what the text leaves undated: a deal's option or
// follow-on plan takes the date of the order told before it, and the
// unspecified equipment of a signed agreement takes the signing's date.
func (x *docState) inheritDates(ts []*transfer, events []*event) {
	for k, t := range ts {
		if t.status == record.StatusContracted {
			// "The contract was signed in Beijing in September 2024" after
			// a sentence on the deal: the signing dates it, more finely if
			// it agrees.
			for _, i := range t.sents {
				if d, ok := x.signedAfter(i); ok && (t.date.IsZero() || t.date.Y == d.Y && t.date.Precision < d.Precision) {
					t.date = d
					break
				}
			}
		}
		if !t.date.IsZero() || t.status == record.StatusInService || t.status == record.StatusDelivered {
			continue
		}
		for j := k - 1; j >= 0; j-- {
			o := ts[j]
			if t.designation != "" && sameDesignation(o.designation, t.designation) && o.recipient == t.recipient &&
				o.status == record.StatusContracted && !o.date.IsZero() {
				t.date = o.date
				break
			}
		}
		if t.date.IsZero() && t.status == record.StatusContracted {
			for _, e := range events {
				if e.typ == record.EventAgreement && !e.planned && !e.date.IsZero() && sharesSentence(e.sents, t.sents, 1) {
					t.date = e.date
					break
				}
			}
		}
	}
}

// signedOpener opens a sentence on the signing of the deal told before:
// "The contract, worth 2.7 billion euros, was signed", "It was signed".
var signedOpener = regexp.MustCompile(`^\s*(?:It|(?:The|This|That) (?:contract|deal|agreement|order))\b[^;]*?\b(?:was|were) (?:signed|inked|concluded)\b`)

// signedLead: text opens as signedOpener needs, after white space (Go's
// \s): with "It", or with "The", "This" or "That" and a word for the
// deal. Far cheaper than the search for signingWords, it turns most
// sentences away first.
func signedLead(text string) bool {
	text = text[skipRegexpSpace(text, 0):]
	if strings.HasPrefix(text, "It") {
		return true
	}
	for _, determiner := range []string{"The ", "This ", "That "} {
		if deal, ok := strings.CutPrefix(text, determiner); ok {
			return strings.HasPrefix(deal, "contract") || strings.HasPrefix(deal, "deal") || strings.HasPrefix(deal, "agreement") ||
				strings.HasPrefix(deal, "order")
		}
	}
	return false
}

// signingWords tell a signing, for signedAfter.
var signingWords = lowerWordsOf(" signed", " inked", " concluded")

// signedAfter is the date of the signing told in the readable sentence
// after i, if it opens on one.
func (x *docState) signedAfter(i int) (annotate.Date, bool) {
	k, _ := slices.BinarySearch(x.read, i)
	if k+1 >= len(x.read) {
		return annotate.Date{}, false
	}
	j := x.read[k+1]
	s := x.d.Sentences[j]
	if !signedLead(s.Text) || !signingWords.inLower(s.Text) {
		return annotate.Date{}, false
	}
	loc := signedOpener.FindStringIndex(s.Text)
	if loc == nil {
		return annotate.Date{}, false
	}
	dms := x.datesOf(j)
	for n := range dms {
		dm := &dms[n]
		if dm.Start >= s.Start+loc[1] {
			return dm.Before(x.d.Ref), true
		}
	}
	return annotate.Date{}, false
}

// sharesSentence: some sentence of a is within reach of one of b.
func sharesSentence(a, b []int, reach int) bool {
	for _, i := range a {
		for _, j := range b {
			if i-j <= reach && j-i <= reach {
				return true
			}
		}
	}
	return false
}

// transferRecord writes the record of t into r, a zero record.
func (v *recordValues) transferRecord(r *record.Record, t *transfer, source string) {
	r.Kind, r.Recipient, r.Supplier = record.KindTransfer, t.recipient, v.strPtr(t.supplier)
	r.Manufacturer, r.Designation, r.Category = v.strPtr(t.manufacturer), v.strPtr(t.designation), t.category
	r.Status, r.Uncatalogued, r.Evidence, r.Source = t.status, t.uncatalogued, v.evidence(t.sents), source
	r.Quantity.Qualifier = t.qualifier
	if r.Category == "" {
		r.Category = "other"
	}
	if t.qualifier != annotate.Unknown && t.qtyValue > 0 {
		r.Quantity.Value = v.intPtr(t.qtyValue)
	} else {
		r.Quantity.Qualifier = annotate.Unknown
	}
	r.Date = v.strPtr(t.date.String())
}
