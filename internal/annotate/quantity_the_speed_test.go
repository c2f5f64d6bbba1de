package annotate

import "testing"

// TestPartAfterTheMatchesTheExpression holds scanQuantity, which reads
// "the second of three" from its second word (the scanners pass "the"
// over), to the expression: where "the" is a word of its own, in any case,
// after any byte, parted from the next word by any white space or other
// bytes, or inside a phrase before it.
func TestPartAfterTheMatchesTheExpression(t *testing.T) {
	befores := []string{"", " ", "bathe ", "Bathe ", "é", "éthe ", "Goïthe ", "_", "9", "-", "(", "’", "ß", "\xff",
		"one of the ", "a couple of ", "second of the ", "the ", "between two and "}
	thes := []string{"the ", "The ", "THE ", "tHe ", "the  ", "the\t", "the\n", "the\u00a0", "the-", "the", "thee ", "he ", ""}
	for _, before := range befores {
		for _, the := range thes {
			for _, rest := range []string{"second of three", "Last of its four", "first of the 12", "fifth of", "second"} {
				checkEquivalent(t, before+the+rest)
				if t.Failed() {
					return
				}
			}
		}
	}
}
