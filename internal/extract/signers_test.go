package extract_test

import "testing"

// TestSigners checks a deal "signed by" states told after its equipment:
// the signers are its parties, and the one that does not make the
// equipment buys it.
func TestSigners(t *testing.T) {
	checkTransferCases(t, []transferCase{
		{"'a contract for <system> was signed by <buyer>'",
			"A contract for 16 K9 howitzers was signed by Vietnam on Tuesday.",
			[]string{"VNM KOR K9 16/exact contracted 2024-05-21"}},
		{"'the deal for <system> was signed by <buyer> and <maker's state>'",
			"The deal for 20 Gripen fighters was signed by Colombia and Sweden in 2023.",
			[]string{"COL SWE Gripen 20/exact contracted 2023"}},
		{"'signed by <maker's state> and <buyer>'",
			"An agreement for eight CAESAR howitzers was signed by France and Croatia in March.",
			[]string{"HRV FRA CAESAR 8/exact contracted 2024-03"}},
		{"'signed by <buyer>'s minister'",
			"The order for 30 Piranha vehicles was signed by Ghana's defence minister on Monday.",
			[]string{"GHA CHE Piranha 30/exact contracted 2024-05-20"}},
		// Only the maker's state signs: it is no buyer.
		{"'signed by <maker's state>' with a buyer before",
			"Estonia's contract for 12 K9 howitzers was signed by South Korea in 2023.",
			[]string{"EST KOR K9 12/exact contracted 2023"}},
	})
}
