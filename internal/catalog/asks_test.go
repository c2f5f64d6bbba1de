package catalog

import "testing"

// TestNodeAsksAreItsRefs checks what each node asks of capitals against
// its refs, of the catalog's matcher and of a phrase matcher.
func TestNodeAsksAreItsRefs(t *testing.T) {
	asking := 0
	for _, m := range []*Matcher{MustDefault().Matcher(), NewPhraseMatcher([]string{"PLAN", "the Plan", "AT-10", "will"})} {
		for n := range m.nodes {
			var want capitalsAsked
			for _, r := range m.refsOf(uint32(n)) {
				want.upper |= r.upperMask
				want.acronym |= r.acronymMask
				want.marked |= r.markedCaps
			}
			if got := m.nodes[n].asks; got != want {
				t.Errorf("node %d asks %+v, its refs %+v", n, got, want)
			}
			if want.any() {
				asking++
			}
		}
	}
	if asking == 0 {
		t.Error("no node asks for capitals")
	}
}
