package extract_test

import "testing"

// TestMisfireRules checks rules mended after a review of misfires:
// paying in instalments, a count of a kind no system was named of, a
// second giver after ", while", a time bounded with "until", and training
// supplied for a system.
func TestMisfireRules(t *testing.T) {
	checkTransferCases(t, []transferCase{
		// Paying in instalments settles a deal already made: it plans none.
		{"paying in instalments plans no purchase",
			"Egypt will pay for the 30 Rafale jets in instalments over ten years.",
			nil},
		{"paying in annual installments plans no purchase",
			"Ghana will pay for its four Z-9 helicopters in annual installments.",
			nil},
		{"paying in instalments for what was ordered keeps the order",
			"Peru will pay for the FA-50 jets it ordered in 2023 in instalments until 2030.",
			[]string{"PER KOR FA-50 ?/unknown contracted 2023"}},
		{"a purchase paid in instalments is still planned by its own verb",
			"Morocco will buy 24 AH-64E helicopters and pay for them in instalments.",
			[]string{"MAR USA AH-64E 24/exact planned -"}},
		{"a donor that pays for equipment still gives it",
			"Lithuania's army is growing. Norway said it would pay for six CV90 vehicles.",
			[]string{"LTU NOR CV90 6/exact planned -"}},
		// A count of a kind of equipment right after a status verb, no
		// system of that kind named, is unspecified equipment.
		{"a count of a kind no system of which was named",
			"Germany will supply 20 howitzers to Ukraine.",
			[]string{"UKR DEU - 20/exact planned -"}},
		{"a count of a kind a system of which another sentence named is no unspecified equipment",
			"Egypt ordered K9 howitzers from Hanwha in 2022. Hanwha has since shipped 30 howitzers to Egypt.",
			[]string{"EGY KOR K9 ?/unknown contracted 2022"}},
		// A giver's clause after ", while" that names no recipient gives to
		// the one the giver's clause before it names.
		{"a second giver after ', while' gives to the first clause's recipient",
			"Poland will give Ukraine 10 tanks, while Germany will supply 20 howitzers.",
			[]string{"UKR POL - 10/exact planned -", "UKR DEU - 20/exact planned -"}},
		{"a second giver after ', while', the first naming its recipient after 'to'",
			"Norway will donate eight NASAMS launchers to Ukraine, while Denmark will send 19 Caesar howitzers.",
			[]string{"UKR NOR NASAMS 8/exact planned -", "UKR DNK CAESAR 19/exact planned -"}},
		{"two past givings joined by ', while', each with its date",
			"Spain delivered six Leopard 2A4 tanks to Ukraine in March, while Portugal delivered three Leopard 2A6 tanks in April.",
			[]string{"UKR ESP Leopard 2A4 6/exact delivered 2024-03", "UKR PRT Leopard 2A6 3/exact delivered 2024-04"}},
		{"a second clause that names its own recipient keeps it",
			"Italy will send Slovenia ten Centauro vehicles, while France will give Estonia six Caesar howitzers.",
			[]string{"SVN ITA Centauro 10/exact planned -", "EST FRA CAESAR 6/exact planned -"}},
		{"a second giver after ';'",
			"Poland gave Ukraine 10 PT-91 tanks; Germany sent 20 PzH 2000 howitzers.",
			[]string{"UKR POL PT-91 Twardy 10/exact delivered -", "UKR DEU PzH 2000 20/exact delivered -"}},
		{"a second giver after ', whereas'",
			"The Netherlands sent Ukraine 14 Leopard 2A4 tanks in 2023, whereas Denmark delivered ten Leopard 1A5 tanks in 2024.",
			[]string{"UKR NLD Leopard 2A4 14/exact delivered 2023", "UKR DNK Leopard 1A5 10/exact delivered 2024"}},
		{"a receiver's clause after ', while' keeps its receiver",
			"Poland gave Ukraine 10 PT-91 tanks, while Moldova received 20 Piranha III vehicles from Germany.",
			[]string{"UKR POL PT-91 Twardy 10/exact delivered -", "MDA DEU Piranha III 20/exact delivered -"}},
		{"a receiver's clause before ', while' leaves the giver after it giving to the receiver",
			"Ukraine will get 10 PT-91 tanks from Poland, while Germany will supply 20 PzH 2000 howitzers.",
			[]string{"UKR POL PT-91 Twardy 10/exact planned -", "UKR DEU PzH 2000 20/exact planned -"}},
		// "until" with a date bounds a time; the "when" clause after it goes
		// on about the item, at that date.
		{"'until <month>, when they were delivered'",
			"The 12 Rafale jets were kept in storage in France until May, when they were delivered to Egypt.",
			[]string{"EGY FRA Rafale 12/exact delivered 2024-05"}},
		{"'until <month>, when they were handed over'",
			"Four Z-9 helicopters stayed at the Harbin plant until March, when they were handed over to Ghana.",
			[]string{"GHA CHN Z-9 4/exact delivered 2024-03"}},
		{"'until <day>, when'",
			"The two Akinci drones were kept in Turkey until 12 April, when they were handed over to Niger's army.",
			[]string{"NER TUR Bayraktar Akıncı 2/exact delivered 2024-04-12"}},
		{"'until' opening a clause of its own keeps its verb from the item before",
			"The Kenyan army kept its old Bell UH-1 helicopters in service until the Mi-17 helicopters arrived.",
			[]string{"KEN USA UH-1 ?/unknown in_service -", "KEN - Mi-17 ?/unknown delivered -"}},
		// Training, maintenance or parts supplied "with" for a system are a
		// service, not the system.
		{"'supplied <recipient> with training on' a fleet in service",
			"Nigeria flies the A-29. The United States supplied Nigerian pilots with training on the A-29 in 2022.",
			[]string{"NGA BRA A-29 ?/unknown in_service -"}},
		{"'supplied <force> with training for' the helicopters named before",
			"Kenya operates Bell UH-1 helicopters. In 2021 the United States supplied the Kenyan air force with training for the helicopters.",
			[]string{"KEN USA UH-1 ?/unknown in_service -"}},
		{"'will provide <recipient> with maintenance for'",
			"Turkey will provide Niger with maintenance for its Bayraktar TB2 drones.",
			nil},
		{"'supplied <force> with spare parts for'",
			"Russia supplied the Malian army with spare parts for its Mi-24 helicopters in 2023.",
			nil},
		{"'will provide training to' the crews of a system",
			"China will provide training to the crews of Ghana's Z-9 helicopters.",
			nil},
		{"'to the pilots of' after training",
			"Russia delivered training to Egypt's pilots of its new Su-35 jets in 2022.",
			nil},
		{"a service to the recipient, a date, then equipment",
			"Germany delivered ammunition to Ukraine on Monday and 20 Leopard 2 tanks.",
			[]string{"UKR DEU Leopard 2 20/exact delivered 2024-05-20"}},
		{"a service to the recipient 'in the form of' equipment",
			"Germany delivered support to Ukraine in the form of 20 Leopard 2 tanks.",
			[]string{"UKR DEU Leopard 2 20/exact delivered -"}},
		{"a service to the recipient 'for the first time along with' equipment",
			"The United States sent ammunition to Ukraine for the first time along with 20 Bradley vehicles.",
			[]string{"UKR USA M2 Bradley 20/exact delivered -"}},
		{"a deal that provides for services listed for a system",
			"The deal provides for training and maintenance for Ghana's Z-9 helicopters.",
			nil},
		{"services listed for a system ordered keep the order",
			"France will provide training and support for the Rafale jets Serbia ordered in 2024.",
			[]string{"SRB FRA Rafale ?/unknown contracted 2024"}},
		{"training listed before boats given leaves them given",
			"India will provide Mozambique with training and two FIC-15 boats.",
			[]string{"MOZ IND FIC-15 2/exact planned -"}},
		{"training listed after the drones supplied leaves them supplied",
			"Turkey supplied Niger with six Bayraktar TB2 drones and training in 2022.",
			[]string{"NER TUR Bayraktar TB2 6/exact delivered 2022"}},
		{"training listed before the drones supplied leaves them supplied",
			"Turkey supplied Niger with training and six Bayraktar TB2 drones in 2022.",
			[]string{"NER TUR Bayraktar TB2 6/exact delivered 2022"}},
		{"'supplied <force> with' a system",
			"China supplied the Cambodian navy with two Type 056 corvettes in 2023.",
			[]string{"KHM CHN Type 056 2/exact delivered 2023"}},
	})
}

// TestMisfireEvents checks the event rules mended after the same review:
// a lease or arrangement of premises is no agreement, and "the signing of"
// a deal on a date is dated.
func TestMisfireEvents(t *testing.T) {
	checkEventCases(t, []eventCase{
		// A lease or an arrangement counts as an agreement only about
		// equipment, defence or cooperation.
		{"The Kenyan embassy in Washington signed a lease for a new office building on Monday.", nil},
		{"Mali and Russia signed an arrangement on Tuesday for the rental of a building in Bamako.", nil},
		{"The ministry's lease on the old barracks, signed in 2019, runs out next year.", nil},
		{"Croatia signed a lease for 12 Black Hawk helicopters on Monday.", []string{"agreement 2024-05-20"}},
		{"Fiji and New Zealand signed a defence cooperation arrangement on Friday.", []string{"agreement 2024-05-17"}},
		{"Peru wants two AW139 helicopters. A five-year lease was signed with Leonardo on Monday.", []string{"agreement 2024-05-20"}},
		{"Colombia signed an arrangement with Sweden on Monday for the lease of Gripen fighters.", []string{"agreement 2024-05-20"}},
		// "The signing of" a deal with a date in its clause tells that date.
		{"The signing of the contract between Serbia and Dassault Aviation on Monday ended years of talks.", []string{"agreement 2024-05-20"}},
		{"Indonesia's signing of a contract for 42 Rafale jets on 10 February 2022 was the largest.", []string{"agreement 2022-02-10"}},
		{"The signing of a memorandum on defence cooperation by Ghana and Turkey on 3 April opened a new chapter.", []string{"agreement 2024-04-03"}},
		{"After the signing of the contract on Monday, Chile paid a first instalment for its Black Hawk helicopters.", []string{"agreement 2024-05-20"}},
		{"Armenia signed a contract with KNDS on Monday. The signing of the contract was attended by the president.", []string{"agreement 2024-05-20"}},
		{"Egypt signed a deal for Rafale jets on 4 May. The signing of the deal, the third since 2015, pleased Paris.", []string{"agreement 2024-05-04"}},
		{"Qatar will buy 12 Rafale jets. The signing of the contract is expected on Monday.", []string{"agreement -"}},
	})
}
