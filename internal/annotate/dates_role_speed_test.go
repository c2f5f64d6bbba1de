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
	for _, before := range befores {
		for _, role := range roles {
			for _, date := range dates {
				checkEquivalent(t, before+role+date)
				if t.Failed() {
					return
				}
			}
		}
	}
}
