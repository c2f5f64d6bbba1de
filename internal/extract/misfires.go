package extract

import (
	"strings"

	"github.com/dossier-osint/dossier/internal/annotate"
)

// payingTerms: t is "pay for" whose clause tells how the price is paid
// ("will pay for the jets in instalments over ten years"): the payment of
// a deal already made, which plans no purchase.
func (x *docState) payingTerms(i int, t trigger) bool {
	verb := x.text(t.Start, t.End)
	if !endsWithLower(verb, "pay for") && !endsWithLower(verb, "pays for") {
		return false
	}
	clause := x.text(t.End, min(t.End+120, x.d.Sentences[i].End))
	if k := strings.IndexAny(clause, ".;"); k >= 0 {
		clause = clause[:k]
	}
	return containsLower(clause, "instalment", "installment", "tranche")
}

// earlierRecipient is the state an earlier giver's verb of the item's
// sentence gives to, right after it or after "to" ("Poland will give
// Ukraine 10 tanks, while Germany will supply 20 howitzers"): a giver's
// clause that names no recipient goes on giving to it, not to the
// article's main state, which may be the first giver. It is "" when no
// verb before g gives.
func (x *docState) earlierRecipient(it *item, g trigger) string {
	i := it.sent
	ms := x.d.Mentions[i]
	to := ""
	for _, t := range x.triggers[i] {
		if t.End > g.Start || !t.Fwd || !(t.Class == Delivered && x.givingVerb(t) || x.plannedHandover(t)) {
			continue
		}
		for k := range ms {
			m := &ms[k]
			if m.Start < t.End || m.End > g.Start || !isStateLike(m) || x.isOriginModifier(i, k) {
				continue
			}
			if gap := strings.TrimSpace(x.text(t.End, m.Start)); gap == "" || gap == "the" || x.afterPreposition(m.Start, "to") {
				to = m.Country
				break
			}
		}
	}
	return to
}

// untilClause: gap, which starts at byte at of sentence i, holds "until"
// opening a clause of its own ("until the Korean vessels arrived"), whose
// verb is not the item's. "until May, when they were delivered" bounds a
// time with a date, and the clause after goes on about the item.
func (x *docState) untilClause(i, at int, gap string) bool {
	for from := 0; ; {
		k := strings.Index(gap[from:], " until ")
		if k < 0 {
			return false
		}
		from += k + len(" until ")
		if !x.dateSpans(i, at+from) {
			return true
		}
	}
}

// dateSpans: a date of sentence i holds byte at, or starts there.
func (x *docState) dateSpans(i, at int) bool {
	dms := x.d.Dates[i]
	for k := range dms {
		dm := &dms[k]
		if dm.Start <= at && at < dm.End {
			return true
		}
	}
	return false
}

// untilWhen is the date of "until <date>, when" right before the clause of
// g ("were kept in storage until May, when they were delivered"): the
// clause "when" opens happens at that date.
func (x *docState) untilWhen(i int, g trigger) (annotate.Date, bool) {
	dms := x.d.Dates[i]
	if len(dms) == 0 {
		return annotate.Date{}, false // most sentences, unread
	}
	start := x.d.Sentences[i].Start
	before := x.text(start, g.Start)
	k := strings.LastIndex(before, ", when ")
	if k < 0 || strings.ContainsAny(before[k+1:], ",;") {
		return annotate.Date{}, false
	}
	for n := range dms {
		dm := &dms[n]
		if dm.End == start+k && x.toldUntil(dm) {
			return x.statusDate(dm, g), true
		}
	}
	return annotate.Date{}, false
}

// toldUntil: the date dm is told "until <date>". The window reaches past
// dm's start as well as before it, as a date may be read with its role
// word, beginning with "until" itself.
func (x *docState) toldUntil(dm *annotate.DateMention) bool {
	return strings.Contains(x.text(dm.Start-6, dm.Start+6), "until ")
}

// premisesLease: the signing at loc of sentence i is of a lease or an
// arrangement, and neither the sentence nor the one before names
// equipment, nor does the sentence name defence or cooperation ("The
// embassy signed a lease for a new office building"): renting premises,
// no agreement the guidelines count.
func (x *docState) premisesLease(i int, loc []int) bool {
	text := x.d.Sentences[i].Text
	if !leaseNoun(text[loc[0]:loc[1]]) {
		return false
	}
	for j := max(i-1, 0); j <= i; j++ {
		for _, m := range x.d.Mentions[j] {
			if m.Kind == annotate.MSystem || m.Kind == annotate.MUncatalogued || m.Kind == annotate.MTerm {
				return false
			}
		}
	}
	return !containsLower(text, "defence", "defense", "military", "security", "cooperation", "co-operation")
}

// leaseNoun: a signing's match opens or ends with "lease" or
// "arrangement".
func leaseNoun(match string) bool {
	for _, n := range []string{"lease", "arrangement"} {
		if _, ok := wordAt(match, 0, n); ok {
			return true
		}
		if start, ok := endsWithFold(match, n); ok && annotate.Boundary(match, start) {
			return true
		}
	}
	return false
}

// signingOfDated: the match at loc of sentence i is the noun "signing of"
// a deal with a date after it in its clause ("The signing of the contract
// with Dassault on Monday ended years of talks"): a signing told with its
// own date, as "the contract, signed on Monday" is. A signing still to
// come ("is expected on Monday") is left to the one it refers to.
func (x *docState) signingOfDated(i int, loc []int) bool {
	text := x.d.Sentences[i].Text
	e, ok := wordAt(text, loc[0], "signing")
	return ok && strings.HasPrefix(text[e:], " of ") && x.datedClause(i, x.d.Sentences[i].Start+loc[1]) && !planned(text[loc[1]:])
}
