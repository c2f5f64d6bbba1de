package extract_test

import "testing"

// TestPlannedDates checks the date of a plan: the day or month it was
// announced, told with "said" before it, as the guidelines date a planned
// record; an expected delivery date is not it.
func TestPlannedDates(t *testing.T) {
	checkTransferCases(t, []transferCase{
		{"'<giver> said in <month> it would pay for <system> for <state>'",
			"Denmark said in February it would pay for 19 CAESAR howitzers for Ukraine.",
			[]string{"UKR DNK CAESAR 19/exact planned 2024-02"}},
		{"'<buyer> announced on <day> that it would buy <system>'",
			"Romania announced on Tuesday that it would buy 54 M1 Abrams tanks.",
			[]string{"ROU USA M1 Abrams 54/exact planned 2024-05-21"}},
		{"'<buyer> said on <day> it plans to buy <system>'",
			"Ireland said on Monday it plans to buy two C295 aircraft.",
			[]string{"IRL ESP C295 2/exact planned 2024-05-20"}},
		// An expected delivery date is not the plan's.
		{"'said in <month> it would buy <system>, to arrive in <year>'",
			"Kenya said in January it would buy six AW139 helicopters, to arrive in 2026.",
			[]string{"KEN ITA AW139 6/exact planned 2024-01"}},
	})
}
