package extract

import "strings"

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
