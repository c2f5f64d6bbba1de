package extract

import (
	"strings"

	"github.com/dossier-osint/dossier/internal/annotate"
)

// attributive: the participle t stands before its noun as an adjective,
// after a determiner, a possessive or a number ("operates two leased C-295
// aircraft", "the leased jets", "Ghana's leased helicopters"): it names a
// fleet by how it is held, not its acquisition.
func (x *docState) attributive(i int, t trigger) bool {
	w, _ := annotate.LastField(x.text(t.Start-24, t.Start))
	if possessive(w) || attributiveLeads[strings.ToLower(w)] {
		return true
	}
	qs := x.d.Qty[i]
	for k := range qs {
		q := &qs[k]
		if q.End <= t.Start && strings.TrimSpace(x.text(q.End, t.Start)) == "" {
			return true
		}
	}
	return false
}

// attributiveLeads are the determiners that can stand before a participle
// used as an adjective.
var attributiveLeads = map[string]bool{"the": true, "a": true, "an": true, "its": true, "their": true, "his": true,
	"her": true, "our": true, "these": true, "those": true, "this": true, "that": true}

// buildsFor: t, a verb of building to come ("will build"), has a state by
// name after "for" in its sentence ("South Korea will build 18 FA-50 jets
// for Poland"): a maker's state building for another, which buys. Without
// one ("will build jets for its air force") the builder's own.
func (x *docState) buildsFor(i int, t trigger) bool {
	ms := x.d.Mentions[i]
	for k := range ms {
		if m := &ms[k]; m.Start > t.End && isStateLike(m) && x.afterPreposition(m.Start, "for") {
			return true
		}
	}
	return false
}

// asked: t stands in a question told indirectly ("would not say whether
// Greece paid for the jets"): what it tells may not have happened.
func (x *docState) asked(i int, t trigger) bool {
	before := x.text(max(x.d.Sentences[i].Start, t.Start-60), t.Start)
	k := strings.LastIndex(before, "whether ")
	return k >= 0 && !strings.ContainsAny(before[k:], ",;")
}

// kindAfter: a bare lower-case noun follows t, no number, determiner or
// name ("not only a sale of aircraft"): a kind of goods, not the
// equipment of a deal.
func (x *docState) kindAfter(i int, t trigger) bool {
	w, _ := firstWord(x.text(t.End, t.End+24))
	if w == "" || w[0] < 'a' || w[0] > 'z' {
		return false // a name or a figure
	}
	qs := x.d.Qty[i]
	for k := range qs {
		q := &qs[k]
		if q.Start > t.End && q.Start <= t.End+1 {
			return false // "six"
		}
	}
	return !objectLeads[w]
}

// objectLeads are the words that open a noun phrase naming equipment.
var objectLeads = map[string]bool{"the": true, "its": true, "their": true, "up": true, "more": true, "another": true,
	"additional": true, "further": true, "a": true, "an": true}

// unnamedBuild: g is a verb of building ("will build") and the item no
// named system ("will build four more patrol ships"): a yard's work
// order, whose deal the article names elsewhere if at all.
func (x *docState) unnamedBuild(it *item, g trigger) bool {
	return it.generic && lowerSuffix(x.text(g.Start, g.End), " build")
}

// lowerSuffix: s ends with the ASCII suffix, in any case. Unlike
// endsWithLower it reads no rune before the suffix, and the first byte
// mostly tells: looseVerb asks it of every trigger.
func lowerSuffix(s, suffix string) bool {
	return len(s) >= len(suffix) && annotate.LowerIs(s[len(s)-len(suffix):], suffix)
}
