package extract_test

import "testing"

// TestNominalBuyers checks "by" after a noun of signing, purchase or
// order: it names the buyer, not the supplier, unless a maker's or a
// giver's verb comes before it.
func TestNominalBuyers(t *testing.T) {
	checkTransferCases(t, []transferCase{
		{"'the signing of the contract for <system> by <buyer> on <day>'",
			"The signing of the deal for 18 Rafale jets by Croatia on Tuesday closed a long tender.",
			[]string{"HRV FRA Rafale 18/exact contracted 2024-05-21"}},
		{"'the purchase of <system> by <buyer> in <year>'",
			"The purchase of 20 Bayraktar TB2 drones by Poland in 2021 surprised its allies.",
			[]string{"POL TUR Bayraktar TB2 20/exact contracted 2021"}},
		{"'the order for <system> by <buyer>'",
			"The order for 48 K9 howitzers by Norway in 2017 was the first in Europe.",
			[]string{"NOR KOR K9 48/exact contracted 2017"}},
		{"'the acquisition of <system> by <buyer>'",
			"The acquisition of six CAESAR howitzers by Estonia in 2021 was its first from France.",
			[]string{"EST FRA CAESAR 6/exact delivered 2021"}},
		{"'the order for <system> by <buyer> and <buyer>'",
			"The order for 20 K2 tanks by Poland and Slovakia was signed on Monday.",
			[]string{"POL KOR K2 20/exact contracted 2024-05-20", "SVK KOR K2 20/exact contracted 2024-05-20"}},
		// "by" the buyer may come before the object too.
		{"'the acquisition by <buyer> of <system>'",
			"The acquisition by Hungary of 44 Lynx KF41 vehicles was completed in 2023.",
			[]string{"HUN DEU Lynx KF41 44/exact delivered 2023"}},
		{"'the signing by <buyer> of the contract for <system>'",
			"The signing by Qatar of the deal for 12 Rafale jets on Monday pleased Paris.",
			[]string{"QAT FRA Rafale 12/exact contracted 2024-05-20"}},
		{"'the signing by <buyer> of the contract for <system>' with a reacting state",
			"The signing by India of the contract for 36 Rafale jets in 2016 worried Pakistan.",
			[]string{"IND FRA Rafale 36/exact contracted 2016"}},
		// A state named after the buyer, reacting, is not the recipient.
		{"'the signing ... by <buyer> in <year> angered <capital>'",
			"The signing of the contract for 30 Su-30MK2 jets by Indonesia in 2011 angered Washington.",
			[]string{"IDN RUS Su-30MK2 30/exact contracted 2011"}},
		{"'the purchase ... by <buyer> alarmed <state>'",
			"The purchase of 24 J-10C fighters by Pakistan in 2021 alarmed India.",
			[]string{"PAK CHN J-10C 24/exact contracted 2021"}},
		// A maker's or giver's verb before "by" keeps "by" the supplier.
		{"'the purchase of <system> built by <maker>'",
			"The purchase of 12 Rafale jets built by Dassault cost Serbia 2.7 billion euros.",
			[]string{"SRB FRA Rafale 12/exact contracted -"}},
		{"'the purchase of <system> supplied by <state>'",
			"The purchase of 12 Bayraktar TB2 drones supplied by Turkey was Morocco's first.",
			[]string{"MAR TUR Bayraktar TB2 12/exact delivered -"}},
		{"'were supplied by <state>'",
			"Morocco's 12 Bayraktar TB2 drones were supplied by Turkey in 2022.",
			[]string{"MAR TUR Bayraktar TB2 12/exact delivered 2022"}},
		{"'the delivery of <system> by <supplier>'",
			"The delivery of four Z-9 helicopters by China to Ghana was completed in March.",
			[]string{"GHA CHN Z-9 4/exact delivered 2024-03"}},
	})
}

// TestLeases checks that a lease of named equipment signed is a contracted
// transfer, as a contract is, and that one of premises is none.
func TestLeases(t *testing.T) {
	checkTransferCases(t, []transferCase{
		{"'signed a lease for <count> <system>'",
			"Slovakia signed a lease for 14 Gripen fighters on Monday.",
			[]string{"SVK SWE Gripen 14/exact contracted 2024-05-20"}},
		{"'signed a lease with <maker> for <system>'",
			"Peru signed a lease with Leonardo for two AW139 helicopters in 2023.",
			[]string{"PER ITA AW139 2/exact contracted 2023"}},
		{"'signed a five-year lease for <system>'",
			"Kenya signed a five-year lease for three Bell 412 helicopters.",
			[]string{"KEN USA Bell 412 3/exact contracted -"}},
		{"'for the lease of <system>' after an arrangement signed",
			"Colombia signed an arrangement with Sweden on Monday for the lease of Gripen fighters.",
			[]string{"COL SWE Gripen ?/unknown contracted 2024-05-20"}},
		{"'the lease of <system> by <lessee>'",
			"The lease of four AW139 helicopters by Malaysia was signed on Monday.",
			[]string{"MYS ITA AW139 4/exact contracted 2024-05-20"}},
		{"a lease with a landlord is no transfer",
			"The embassy signed a lease with the owner of the building.",
			nil},
		{"a lease of premises is no transfer",
			"The Kenyan embassy in Washington signed a lease for a new office building on Monday.",
			nil},
	})
	checkEventCases(t, []eventCase{
		{"Slovakia signed a lease for 14 Gripen fighters on Monday.", []string{"agreement 2024-05-20"}},
	})
}

// TestPayersFor checks that a state that pays for equipment for another
// gives it to that one, as a donor does, and that equipment ordered or
// sent "for" a state goes to it.
func TestPayersFor(t *testing.T) {
	checkTransferCases(t, []transferCase{
		{"'will pay for <system> for <recipient>'",
			"Denmark will pay for 19 CAESAR howitzers for Ukraine.",
			[]string{"UKR DNK CAESAR 19/exact planned -"}},
		{"'would pay for <system> for <recipient's forces>'",
			"Germany would pay for ten Piranha III vehicles for Moldova's army, its minister said.",
			[]string{"MDA DEU Piranha III 10/exact planned -"}},
		{"'pays for <system> for <recipient>' after the system's name",
			"The Netherlands pays for 14 Leopard 2A4 tanks for Ukraine.",
			[]string{"UKR NLD Leopard 2A4 14/exact planned -"}},
		{"'will pay for <system> for the <recipient>'",
			"Japan will pay for five TC-90 aircraft for the Philippines.",
			[]string{"PHL JPN TC-90 5/exact planned -"}},
		// Whoever orders or sends equipment "for" a state, it goes to that
		// state.
		{"'ordered <system> for <recipient>'",
			"Germany ordered 20 PzH 2000 howitzers for Ukraine.",
			[]string{"UKR DEU PzH 2000 20/exact contracted -"}},
		{"'bought <system> for <recipient>' with a date",
			"Spain bought 20 Leopard 2A4 tanks for Ukraine in 2023.",
			[]string{"UKR ESP Leopard 2A4 20/exact delivered 2023"}},
		{"'will supply <system> for <recipient's forces>'",
			"Turkey will supply 12 Bayraktar TB2 drones for Niger's army.",
			[]string{"NER TUR Bayraktar TB2 12/exact planned -"}},
		// A payer for its own forces buys for itself.
		{"'will pay for <system> for its army'",
			"Estonia will pay for 12 CAESAR howitzers for its army.",
			[]string{"EST FRA CAESAR 12/exact planned -"}},
		{"'for' a price names no recipient",
			"Poland ordered 96 AH-64E helicopters for $12 billion in 2024.",
			[]string{"POL USA AH-64E 96/exact contracted 2024"}},
	})
}
