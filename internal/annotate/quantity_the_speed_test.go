package annotate

import (
	"regexp"
	"testing"
)

// TestPartAfterTheMatchesTheExpression holds scanQuantity, which reads
// "the second of three" from its second word (the scanners pass "the"
// over), to the expression: where "the" is a word of its own, in any case,
// after any byte, parted from the next word by any white space or other
// bytes, or inside a phrase before it.
func TestPartAfterTheMatchesTheExpression(t *testing.T) {
	befores := []string{"", " ", "bathe ", "Bathe ", "é", "éthe ", "Goïthe ", "_", "9", "-", "(", "’", "ß", "\xff",
		"one of the ", "a couple of ", "second of the ", "the ", "between two and "}
	thes := []string{"the ", "The ", "THE ", "tHe ", "the  ", "the\t", "the\n", "the\u00a0", "the-", "the", "thee ", "he ", ""}
	checkEquivalentJoins(t, befores, thes, []string{"second of three", "Last of its four", "first of the 12", "fifth of", "second"})
}

// TestPhrasesAfterAMatchTheExpression holds scanQuantity, which reads the
// phrases of "a" from the word after it (the scanners pass "a" over), to
// the expression: "a" as a word of its own or not, in any case, after any
// byte and inside a phrase before it, before each word that goes on with
// one of its phrases and some that do not.
func TestPhrasesAfterAMatchTheExpression(t *testing.T) {
	befores := []string{"", " ", "ba ", "é", "Goïa ", "_", "9", "-", "(", "’", "\xff", "about ", "at least ", "half ",
		"one of ", "some ", "a ", "the "}
	as := []string{"a ", "A ", "a  ", "a\t", "a\n", "a\u00a0", "a-", "a", "an ", "aa ", ""}
	rests := []string{"hundred", "hundred dozen", "thousand tanks", "dozen", "couple of", "pair of", "trio of", "few",
		"number", "batch", "fleet", "large number", "new batch", "first batch", "second of three", "final batch",
		"further batch", "fresh batch", "third", "couple", "Pair Of", "large", "dozens", "twelve"}
	checkEquivalentJoins(t, befores, as, rests)
}

// TestEveryWordOfTheExpressionAfterA holds the words that the scanners
// read after "a" (qwAfterA, which copies the words countAt and vagueAt
// take there) to the expression: every word the expression names, after
// "a", before what may go on with its phrase. A word given to the
// phrases of "a" but not to qwAfterA fails here.
func TestEveryWordOfTheExpressionAfterA(t *testing.T) {
	words := regexp.MustCompile(`[a-z]{2,}`).FindAllString(refQuantityRe.String(), -1)
	checkEquivalentJoins(t, []string{"a ", "A  "}, words, []string{"", " of tanks", " batch of 12", " number of", " tanks"})
}
