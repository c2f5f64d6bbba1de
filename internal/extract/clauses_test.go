package extract_test

import (
	"testing"
)

// TestClauseRules checks rules about whose clause a deal is told in, and
// how counts, statuses and dates are read from it (written articles 41-52).
func TestClauseRules(t *testing.T) {
	checkTransferCases(t, []transferCase{
		{"a state glued to a participle names the origin, not a supply told",
			"Mali's air force, which flies Russian-supplied L-39 jets, bought Su-24 bombers from Russia in 2023.",
			[]string{"MLI RUS L-39 Albatros ?/unknown in_service -", "MLI RUS Su-24 ?/unknown delivered 2023"}},
		{"the state before ', whose' owns the deal after it",
			"Burkina Faso's junta bought TB2 drones in 2022. Compare that with Nigeria, whose planned purchase of twelve AH-1Z helicopters from the United States was approved in 2022.",
			[]string{"BFA TUR Bayraktar TB2 ?/unknown delivered 2022", "NGA USA AH-1Z 12/exact planned 2022"}},
		{"a state after 'to' is no subject of the next clause, nor its year that clause's date",
			"In 2023 Slovakia transferred 13 MiG-29 jets to Ukraine, and the last of the 14 F-16 Block 70 jets ordered from the United States was received in January 2024.",
			[]string{"UKR SVK MiG-29 13/exact delivered 2023", "SVK USA F-16 Block 70 1/exact delivered 2024-01", "SVK USA F-16 Block 70 14/exact contracted -"}},
		{"N of the M received: the part delivered, the whole contracted",
			"India's defence ministry gave an update on Monday. Three of the five S-400 squadrons contracted from Russia in 2018 have been received.",
			[]string{"IND RUS S-400 3/exact delivered -", "IND RUS S-400 5/exact contracted 2018"}},
		{"the remaining N of the M ordered is the order",
			"India received its first three AH-64E helicopters in July 2023, and the remaining three of the six ordered under a 2020 contract are expected by December.",
			[]string{"IND USA AH-64E 3/exact delivered 2023-07", "IND USA AH-64E 6/exact contracted 2020"}},
		{"a deal noun told contracted, then all of it handed over by a date",
			"The acquisition of 64 T-90S tanks from Russia was contracted in 2017, and all 64 had been handed over to Vietnam's army by the end of 2019.",
			[]string{"VNM RUS T-90S 64/exact contracted 2017", "VNM RUS T-90S 64/exact delivered 2019"}},
		{"an order in two dated batches, and the first of those aircraft",
			"Bulgaria ordered sixteen F-16 Block 70 fighters from the United States in two batches of eight, in 2019 and 2022. The first of those aircraft was handed over in March 2024.",
			[]string{"BGR USA F-16 Block 70 8/exact contracted 2019", "BGR USA F-16 Block 70 8/exact contracted 2022", "BGR USA F-16 Block 70 1/exact delivered 2024-03"}},
		{"the agreement for equipment, signed",
			"Namibia is buying helicopters from India. The agreement for two Dhruv helicopters was signed on 28 March.",
			[]string{"NAM IND Dhruv 2/exact contracted 2024-03-28"}},
		{"what a contract also covers is a record with a number",
			"Vietnam signed a contract for twenty K9 howitzers on 15 April. It also covers an unspecified number of K10 vehicles.",
			[]string{"VNM KOR K9 20/exact contracted 2024-04-15", "VNM KOR K10 ?/unknown contracted 2024-04-15"}},
		{"what a package also covers without a number is no record",
			"Morocco signed a contract for 24 AH-64E helicopters in 2020. The package also covers Hellfire missiles and training.",
			[]string{"MAR USA AH-64E 24/exact contracted 2020"}},
		{"a purchase under negotiation is a plan, and a year in an aside dates nothing",
			"Uruguay's government, which took office in March, is negotiating with Embraer over the purchase of six A-29 aircraft.",
			[]string{"URY BRA A-29 6/exact planned -"}},
		{"a relative clause that buys ends at its comma",
			"The HAL Dhruv has a mixed export record. Ecuador, which bought seven of the helicopters in 2008, lost four of them in crashes.",
			[]string{"ECU IND Dhruv 7/exact delivered 2008"}},
		{"in quantity of N units",
			"On 2 December, to the Armed Forces of the Kyrgyz Republic were transferred armoured vehicles of type Ejder Yalçın in quantity of twenty-four units.",
			[]string{"KGZ TUR Ejder Yalçın 24/exact delivered 2023-12-02"}},
		{"what aircraft will operate from is no service",
			"India signed a contract for 26 Rafale Marine fighters in April 2024. The aircraft will operate from INS Vikrant.",
			[]string{"IND FRA Rafale M 26/exact contracted 2024-04"}},
		{"a fleet consists of what is in service; an origin does not reach across another system",
			"Namibia's helicopter fleet consists of Chinese-supplied Harbin Z-9 and Indian Chetak helicopters.",
			[]string{"NAM CHN Z-9 ?/unknown in_service -", "NAM IND Chetak ?/unknown in_service -"}},
	})
}

// TestMeetingAConditionIsNoMeeting: "meet" as fulfilling a condition or
// a target is no meeting; meeting a party still is.
func TestMeetingAConditionIsNoMeeting(t *testing.T) {
	checkEventCases(t, []eventCase{
		{"Vietnam's minister will meet Lockheed Martin executives in Hanoi.", []string{"meeting -"}},
		{"The deficit is capped at 3 per cent, the threshold Bulgaria must meet if it is to join the euro area in January 2026.", nil},
		{"Bulgaria must meet the criteria before it joins the euro area.", nil},
	})
}
