package annotate

import "testing"

// TestRoleBeforeDateMatchesTheExpression holds scanDate, which reads a
// role word ("by", "from") and "the end of" after it from the date that
// follows, looking back (the scanners pass role words over), to the
// expression: role words in any case, after any byte and inside a phrase
// before them, parted from the date by any white space or other bytes,
// with "the end of" and its kin or a broken one between or not, before
// each date form, "of" and "in" ones, and words that begin none.
func TestRoleBeforeDateMatchesTheExpression(t *testing.T) {
	befores := []string{"", " ", "é", "Goïby ", "_", "9", "-", "(", "’", "\xff", "on ", "in 2019 ", "by ", "the end of ",
		"since the start of ", "May "}
	roles := []string{"by ", "By ", "FROM ", "from  ", "before\t", "since\n", "until\u00a0", "till-", "by", "bye ",
		"abby ", "Since the end of ", "by the  Middle of ", "before the beginning of\n", "until the start ",
		"from end of ", "by the end 2024 of ", "from the the end of ", "by THE START OF ", "by the endé of ",
		"by the end of the end of ", "from by ", "by of ", ""}
	dates := []string{"2024", "12 May", "May 2024", "of 2024", "in 2024", "of the first half of 2024", "last year",
		"the end of 2024", "Tuesday", "on Tuesday", "this month", "March", "Jan", "yesterday", "2024-09-02", "the 4th",
		"by 2024", "of", "the", "tanks", "4th", "2024’s", ""}
	checkEquivalentJoins(t, befores, roles, dates)
}

// TestOnBeforeDateMatchesTheExpression holds scanDate, which reads "on"
// from the weekday or "the 4th" after it, looking back (the scanners pass
// "on" over), to the expression: "on" in any case, after any byte, role
// words and phrases, parted by any white space or other bytes, before the
// forms it begins, others, and ones it does not begin.
func TestOnBeforeDateMatchesTheExpression(t *testing.T) {
	befores := []string{"", " ", "é", "Goïon ", "_", "9", "-", "(", "’", "\xff", "by ", "From ", "since the end of ",
		"by the end of\t", "said ", "in 2019 ", "on ", "on the ", "last ", "Tuesday "}
	ons := []string{"on ", "On ", "ON  ", "on\t", "on\n", "on\u00a0", "on-", "on", "upon ", "one ", "onto ", "of ", ""}
	rests := []string{"Tuesday", "tuesday's", "Friday (25)", "Sunday, the 14th of this month", "the 4th", "the 4th.",
		"the 1st between", "the 21st floor", "the 3rd of this month", "the  4th", "THE 4TH", "the 4", "the 44th",
		"the 4th, 2024", "4th", "last Friday", "the 12 May", "2024", "May", "the",
		"Thursday’s", "Mondays", ""}
	checkEquivalentJoins(t, befores, ons, rests)
}
