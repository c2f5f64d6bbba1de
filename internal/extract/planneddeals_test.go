package extract_test

import "testing"

// TestPlannedDeals checks a deal noun that a verb of plan governs ("is
// negotiating a contract for", "wants to sign a deal for"): the deal is
// still to be made. A deal noun with a verb of its own between is not the
// plan's.
func TestPlannedDeals(t *testing.T) {
	checkTransferCases(t, []transferCase{
		{"'is negotiating a contract for <system>'",
			"Ghana is negotiating a contract for six Super Tucano aircraft.",
			[]string{"GHA BRA A-29 6/exact planned -"}},
		{"'are negotiating a lease for <system>'",
			"Officials in Bogotá are negotiating a lease for four Black Hawk helicopters.",
			[]string{"COL USA UH-60 4/exact planned -"}},
		{"'wants to sign a contract for <system>'",
			"Chile wants to sign a contract for 12 M-346 trainers.",
			[]string{"CHL ITA M-346 12/exact planned -"}},
		{"'will sign a new deal for <system>'",
			"Bulgaria will sign a new deal for eight F-16 Block 70 jets.",
			[]string{"BGR USA F-16 Block 70 8/exact planned -"}},
		{"'hopes to sign an agreement for <system>'",
			"Uruguay hopes to sign an agreement for two OPV 87 patrol vessels.",
			[]string{"URY FRA Gowind OPV 87 2/exact planned -"}},
		{"'is in talks over an order for <system>'",
			"Thailand is in talks over an order for 12 Gripen E fighters.",
			[]string{"THA SWE Gripen E/F 12/exact planned -"}},
		// The deal after a verb of its own is made.
		{"'plans to buy more ... after signing a contract for <system>'",
			"Norway plans to buy more tanks after signing a contract for 54 Leopard 2A8 tanks in 2023.",
			[]string{"NOR DEU Leopard 2A8 54/exact contracted 2023"}},
		{"'wants more ... and signed a deal for <system>'",
			"Peru wants more trainers and last year signed a deal for 24 FA-50 jets.",
			[]string{"PER KOR FA-50 24/exact contracted 2023"}},
		{"'signed a contract for <system>' with a plan told after it",
			"Egypt signed a contract for 30 Rafale jets in 2021 and wants to sign another.",
			[]string{"EGY FRA Rafale 30/exact contracted 2021"}},
	})
}
