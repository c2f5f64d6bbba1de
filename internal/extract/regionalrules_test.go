package extract_test

import (
	"testing"
)

// TestRegionalNewsRules checks rules read from written articles 77-88
// (English editions of regional and state outlets): lists, deals told by
// the seller, records in asides and relative clauses, agents of a
// purchase, kinds and acronyms after a name, and what is no record.
func TestRegionalNewsRules(t *testing.T) {
	checkTransferCases(t, []transferCase{
		{"a fleet that 'already counts' a list holds each of its systems",
			"Mali's air fleet already counts Bayraktar TB2 drones, Su-25 attack aircraft and L-39 Albatros training jets.",
			[]string{"MLI TUR Bayraktar TB2 ?/unknown in_service -", "MLI - Su-25 ?/unknown in_service -", "MLI CZE L-39 Albatros ?/unknown in_service -"}},
		{"'used by the armies of' a list of states gives each a record",
			"The ASTROS rocket artillery system, produced by Avibras, is already used by the armies of Indonesia, Malaysia and Saudi Arabia.",
			[]string{"IDN BRA ASTROS II ?/unknown in_service -", "MYS BRA ASTROS II ?/unknown in_service -", "SAU BRA ASTROS II ?/unknown in_service -"}},
		{"a production clause after a comma does not take the second counted system from its order",
			"In February, Indonesia signed for 60 Bayraktar TB3 and nine Akıncı drones, to be partly produced in Indonesia.",
			[]string{"IDN TUR Bayraktar TB3 60/exact contracted 2024-02", "IDN TUR Bayraktar Akıncı 9/exact contracted 2024-02"}},
		{"a company signing 'with' a state sells to it",
			"Baykar has added another customer. The company signed a contract with Angola on Tuesday for the supply of Bayraktar TB2 drones. On Monday, Rosoboronexport signed a contract with the Ministry of Defence of Burkina Faso for the supply of Mi-171Sh helicopters.",
			[]string{"AGO TUR Bayraktar TB2 ?/unknown contracted 2024-05-21", "BFA RUS Mi-171Sh ?/unknown contracted 2024-05-20"}},
		{"the buyer named as agent ('ordered by') receives the delivery and the order",
			"In September the Russian side completed the delivery of the last four of the twelve Yak-130 combat training aircraft ordered by Uganda in 2023.",
			[]string{"UGA RUS Yak-130 4/exact delivered 2023-09", "UGA RUS Yak-130 12/exact contracted 2023"}},
		{"a state's forces 'of' a state act for it",
			"Mali received two drones. In November, the Armed Forces of Niger received two Aksungur drones from Turkish Aerospace.",
			[]string{"NER TUR Aksungur 2/exact delivered 2023-11"}},
		{"records in asides: a participle set off by commas, a series ordered as a whole, a build under a dated agreement",
			"The Pakistan Air Force's J-10C fighters, acquired from China in 2022, drew attention. The PN is set to induct the first of eight Hangor-class submarines, being built under a 2015 agreement with China, by the end of the year.",
			[]string{"PAK CHN J-10C ?/unknown delivered 2022", "PAK CHN Hangor-class 8/exact contracted 2015"}},
		{"the part of a series told to arrive names the whole order",
			"Malaysia's minister said the first of 18 FA-50 Block 20 light combat aircraft ordered from Korea Aerospace Industries in 2023 would arrive in 2026.",
			[]string{"MYS KOR FA-50 18/exact contracted 2023"}},
		{"words and an acronym after a name tell its kind; a letters-only name with a hyphen needs no context",
			"India signed a contract with Rosoboronexport for the procurement of Igla-S Very Short Range Air Defence Systems (VSHORADS). The Igla-S will replace the Russian-origin Igla-1M systems which have been in service with the army since the 1980s.",
			[]string{"IND RUS 9K338 Igla-S ?/unknown contracted -", "IND RUS 9K310 Igla-1 ?/unknown in_service -"}},
		{"an alias in brackets after a name is that system",
			"Iraq signed for eight batteries of the Cheongung-II (M-SAM Block 2) medium-range surface-to-air missile system in September 2024.",
			[]string{"IRQ KOR Cheongung II 8/exact contracted 2024-09"}},
		{"units 'of the' system named after them count that system, not the one before",
			"Armenia signed for the Akash air defence system in 2022. The Philippines has so far received three batteries of the BrahMos supersonic cruise missile.",
			[]string{"ARM IND Akash ?/unknown contracted 2022", "PHL IND BrahMos 3/exact delivered -"}},
		{"an ambiguous name is the system the document named already",
			"Romania intends to buy 298 Lynx infantry fighting vehicles from Germany's Rheinmetall. The minister discussed the Lynx programme with the company.",
			[]string{"ROU DEU Lynx KF41 298/exact planned -"}},
		{"a deal 'with' a state, a sale 'to' one, a fleet 'of' a system, what a contract 'covers' and an agreement to lease",
			"Hanwha Aerospace, which signed its first deal with Vietnam in May for 20 K9 self-propelled howitzers, is bidding elsewhere. IAI's largest export deal, the Arrow 3 sale to Germany signed in 2023, is on track. He said the RMAF's fleet of Russian-built Su-30MKM fighters would remain the backbone of the air force. India signed a contract for Igla-S missiles on Wednesday. The contract covers 120 launchers, officials said. The Defence Ministry yesterday signed an agreement to lease 12 AW139 helicopters for the Malaysian Army from Leonardo.",
			[]string{"VNM KOR K9 20/exact contracted 2024-05", "DEU ISR Arrow 3 ?/unknown contracted 2023", "MYS RUS Su-30MKM ?/unknown in_service -",
				"IND RUS 9K338 Igla-S 120/exact contracted 2024-05-22", "MYS ITA AW139 12/exact contracted 2024-05-22"}},
		{"no record: retired jets replaced, an unnamed buyer, a design purpose, a future first user, a contrast, an expected arrival",
			"The aircraft will replace the Royal Malaysian Air Force's retired Hawk and MB-339 jets. Elbit reported a contract to supply Hermes 900 drones to \"a country in the Asia-Pacific region\". The TB3, designed to operate from short-deck ships, became an export product. Spain would become the first foreign user of the Hürjet. \"We want the Lynx KF41 to be built at Romanian plants, not just bought off the shelf,\" he wrote. Argentina expects to receive by the end of the year the first of the 24 F-16 fighters contracted from Denmark in April of last year.",
			[]string{"ARG DNK F-16 24/exact contracted 2023-04"}},
		{"a count before a name and its spelled-out kind in brackets reaches the recipient after them",
			"Elbit Systems has won a contract worth about $700 million from Greece's Ministry of National Defence to supply 36 PULS (Precise and Universal Launching System) artillery rocket launchers to the Hellenic Army.",
			[]string{"GRC ISR PULS 36/exact contracted -"}},
		{"equipment ordered 'for the' forces of a state goes to that state",
			"Last week the ministry ordered additional Hermes 900 drones for the Israeli Air Force from Elbit.",
			nil},
		{"a date after 'said' dates the statement, not the signing told on the day named after",
			"Hyundai Rotem has signed a contract with Poland to supply 180 K2 main battle tanks, the company said on the 4th. The deal was signed in Warsaw on the 1st between Hyundai Rotem and Poland's Armament Agency.",
			[]string{"POL KOR K2 180/exact contracted 2024-05-01"}},
	})
}

// TestRegionalNewsEvents checks the event rules of written articles 77-88.
func TestRegionalNewsEvents(t *testing.T) {
	checkEventCases(t, []eventCase{
		// A sum with a decimal point stands between the verb and the noun.
		{"The Defence Ministry yesterday signed a RM1.2 billion agreement to lease 12 AW139 helicopters from Leonardo.", []string{"agreement 2024-05-22"}},
		// "concluded" tells a signing, and an earlier contract keeps its own date.
		{"The Air Force signed a memorandum with Italy on Monday. The Air Force has received all the aircraft of the contract concluded with the Italian Republic in 2016 for 28 aircraft.",
			[]string{"agreement 2024-05-20", "agreement 2016"}},
		// A date after "said" is when it was said.
		{"Hyundai Rotem has signed a contract with Poland to supply 180 K2 tanks, the company said on the 4th.", []string{"agreement -"}},
	})
}
