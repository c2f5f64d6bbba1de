package extract

import (
	"slices"
	"strings"

	"github.com/dossier-osint/dossier/internal/annotate"
	"github.com/dossier-osint/dossier/internal/catalog"
)

// nominalBuyers are the states named after "by" right after the item when
// g is a noun of buying before it ("the signing of the contract for 12
// Rafale jets by Serbia", "the purchase of TB2 drones by Poland"), or
// right after such a noun ("the acquisition by Serbia of 12 Rafale jets"):
// the buyer's act, so "by" names who buys. A participle between them
// ("jets built by Dassault", "supplied by Turkey") leaves "by" to the
// supplier, and a noun of giving ("the delivery of ... by China") keeps
// its giver.
func (x *docState) nominalBuyers(it *item, g trigger) []string {
	if !g.Fwd || g.End > it.start {
		return nil
	}
	noun := g.End
	if x.text(g.End-3, g.End) == " by" {
		noun -= len(" by") // "purchase by", a phrase of the lexicon
	}
	if x.text(noun, noun+4) == " by " && x.buyerBy(noun+len(" by ")) {
		return x.stateList(it.sent, noun+len(" by"))
	}
	// "by" within a short reach of the item before its noun phrase's end,
	// which costs more to find.
	if !g.Buying || !strings.Contains(x.text(it.end, it.end+64), " by ") {
		return nil
	}
	end := x.nounEnd(it)
	if x.text(end, end+4) != " by " {
		return nil
	}
	return x.stateList(it.sent, end+len(" by"))
}

// nominalBuyer: m, after "by", is one of the nominalBuyers of the item,
// which supplier must not read as the giver that "by" names elsewhere.
func (x *docState) nominalBuyer(it *item, g trigger, m *annotate.Mention) bool {
	return x.afterPreposition(m.Start, "by") && slices.Contains(x.nominalBuyers(it, g), m.Country)
}

// buyerBy: byte at follows a noun of buying or signing and "by" ("the
// acquisition by Serbia", "the signing by the Egyptian government"): what
// "by" governs there buys, as the subject of "Serbia acquired" does.
func (x *docState) buyerBy(at int) bool {
	before := strings.TrimSuffix(x.text(at-32, at), "the ")
	before, ok := strings.CutSuffix(before, " by ")
	if !ok {
		return false
	}
	noun, _ := annotate.LastField(before)
	return annotate.LowerIs(noun, "signing") || slices.ContainsFunc(buyingNouns, func(w string) bool { return annotate.LowerIs(noun, w) })
}

// buyingPhrase: a trigger phrase ends with a noun of the buyer's deal
// and "of" or "for" ("purchase of", "contract for", "for the acquisition
// of"), which loadTriggers marks once.
func buyingPhrase(phrase string) bool {
	rest, ok := strings.CutSuffix(phrase, " of")
	if !ok {
		if rest, ok = strings.CutSuffix(phrase, " for"); !ok {
			return false
		}
	}
	noun, _ := annotate.LastField(rest)
	return slices.Contains(buyingNouns, noun)
}

// buyingNouns name a deal as the buyer makes it.
var buyingNouns = []string{"purchase", "acquisition", "procurement", "order", "contract", "deal", "agreement", "lease"}

// forItem: the state m, by name, follows "for" right after the item
// ("will pay for six CV90 vehicles for Lithuania", "ordered howitzers for
// Ukraine's army"): whoever pays, orders or sends, the equipment goes to
// it. A demonym is left out, as stateList leaves it.
func (x *docState) forItem(it *item, m *annotate.Mention) bool {
	if m.Form == catalog.Demonym {
		return false
	}
	gap := x.text(x.nounEnd(it), m.Start)
	return gap == " for " || gap == " for the "
}

// signerBuyers are the states that signed the deal, named after "signed
// by" right after the item ("A contract for 16 K9 howitzers was signed by
// Vietnam on Tuesday"), the maker's state left out: a state signs a deal
// as a party, and one that signs for equipment it does not make buys it.
func (x *docState) signerBuyers(it *item, g trigger) []string {
	if g.Class != Contracted || !strings.Contains(x.text(it.end, it.end+48), "signed by ") {
		return nil // most items: before the cost of nounEnd
	}
	end := x.nounEnd(it)
	after := x.text(end, end+32)
	k := strings.Index(after, "signed by ")
	if k < 0 || strings.ContainsAny(after[:k], ";.") {
		return nil
	}
	maker := it.origin
	if m := x.makerOf(it, g); m != nil && m.Country != "" {
		maker = m.Country
	}
	return slices.DeleteFunc(x.stateList(it.sent, end+k+len("signed by")), func(s string) bool { return s == maker })
}

// plannedDeal: the deal noun t ("a contract for", "an order for") is the
// object of a verb of plan right before it, only the noun's lead words
// and a preposition between ("is negotiating a contract for", "wants to
// sign a new deal for", "is in talks over an order for"): the deal is
// still to be made. "plans to buy more tanks after signing a contract
// for" puts a verb of its own between, which made the deal.
func (x *docState) plannedDeal(i int, t trigger) bool {
	start := max(x.d.Sentences[i].Start, t.Start-48)
	before := x.text(start, t.Start)
	for range 3 {
		w, at := annotate.LastField(before)
		if !dealLeads[strings.ToLower(w)] {
			break
		}
		before = before[:at]
	}
	if w, at := annotate.LastField(before); annotate.LowerIs(w, "sign") {
		to, _ := annotate.LastField(before[:at])
		return annotate.LowerIs(to, "to") || annotate.LowerIs(to, "will") || annotate.LowerIs(to, "would")
	}
	if w, at := annotate.LastField(before); planPrepositions[strings.ToLower(w)] {
		before = before[:at] // "talks over"
	}
	end := start + len(strings.TrimRight(before, " "))
	return slices.ContainsFunc(x.triggers[i], func(o trigger) bool { return o.Class == Planned && o.Fwd && o.End == end })
}

// dealLeads are the words that may open a deal's noun phrase.
var dealLeads = map[string]bool{"a": true, "an": true, "the": true, "new": true, "further": true, "follow-on": true,
	"firm": true, "second": true, "another": true, "possible": true, "potential": true, "formal": true, "final": true}

// planPrepositions join a noun of talks to the deal talked of.
var planPrepositions = map[string]bool{"over": true, "on": true, "about": true, "for": true}
