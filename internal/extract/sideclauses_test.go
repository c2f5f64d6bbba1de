package extract_test

import (
	"testing"
)

// TestSideClauseRules checks rules read from written articles 53-64:
// equipment in service told as background, systems named again by a
// count or a back-reference, sellers and donors as subjects, and where a
// recipient no phrase names is found.
func TestSideClauseRules(t *testing.T) {
	checkTransferCases(t, []transferCase{
		{"a bare count before a backward status verb is a batch of the system named last",
			"Russia delivered a further three Mi-35M attack helicopters to Uzbekistan in March. They joined nine already flying with the air force's helicopter regiment.",
			[]string{"UZB RUS Mi-35M 3/exact delivered 2024-03", "UZB RUS Mi-35M 9/exact in_service -"}},
		{"N have been handed over, of an order told before in the sentence",
			"Of the eight T-6C Texan II trainers that Tunisia ordered from Textron Aviation in 2019, six have been handed over.",
			[]string{"TUN USA T-6 Texan II 8/exact contracted 2019", "TUN USA T-6 Texan II 6/exact delivered -"}},
		{"who received a system gives N of them on",
			"Latvia took delivery of 47 used M109A5Ö howitzers from Austria in 2017, and in 2022 it gave six of them to Ukraine.",
			[]string{"LVA AUT M109A5 47/exact delivered 2017", "UKR LVA M109A5 6/exact delivered 2022"}},
		{"a seller as subject sells to the state after 'to'",
			"Latvia will sell three decommissioned Skrunda-class patrol boats to Georgia's coast guard.",
			[]string{"GEO LVA Skrunda-class 3/exact planned -"}},
		{"a donor hands the force it names equipment",
			"China handed the PNGDF a dozen military trucks in 2018.",
			[]string{"PNG CHN - 12/approx delivered 2018"}},
		{"a demonym before a deal noun owns the deal, it is no origin",
			"An Algerian request for IRIS-T SLM air defence systems from Diehl Defence was turned down.",
			[]string{"DZA DEU IRIS-T SLM ?/unknown planned -"}},
		{"a sentence with no buyer goes on about the state opening the sentence before",
			"Egypt ordered 30 Rafale jets in 2021.\n\nAlgeria, the region's largest importer, has shown less concern. A further six Su-30MKA fighters were delivered by Russia in 2024.",
			[]string{"EGY FRA Rafale 30/exact contracted 2021", "DZA RUS Su-30MKA 6/exact delivered 2024"}},
		{"a state opening the sentence before that makes the system is no buyer",
			"Armenia bought guns from France. India remains Armenia's largest source of weapons. A further batch of 12 Pinaka launchers arrived last month.",
			[]string{"ARM IND Pinaka 12/exact delivered 2024-04"}},
		{"orders from the buyer's own industry are domestic",
			"The Serbian defence ministry announced new orders for Lazar 3 armoured vehicles and Pasara light vehicles from local industry for its own army.",
			nil},
		{"'signed for' a back-reference with a demonym reaches a system only shown",
			"A full-size mock-up of the Rafale stood at the entrance, a reminder that Serbia signed for twelve of the French fighters with Dassault Aviation in August 2024.",
			[]string{"SRB FRA Rafale 12/exact contracted 2024-08"}},
		{"the vehicles point back to a vehicle, not to a helicopter named since",
			"Yugoimport displayed its Miloš 4x4 armoured vehicle. The Serbian air force parked one of its H145M light helicopters next to the hall. Twelve of the vehicles were handed over to the army of Burkina Faso in March.",
			[]string{"BFA SRB BOV M16 Miloš 12/exact delivered 2024-03"}},
		{"a relative clause opened by 'for which' tells whose the contract is",
			"The case concerns the 24 Mi-171Sh helicopters for which Peru's defence ministry signed a contract with Rosoboronexport in November 2013.",
			[]string{"PER RUS Mi-171Sh 24/exact contracted 2013-11"}},
		{"what imagery shows at a base is in service",
			"Turkmenistan buys quietly. An image captured on 3 August shows two M-346FA light combat aircraft on the apron at Mary-2.",
			[]string{"TKM ITA M-346FA 2/exact in_service -"}},
		{"a numbered heading tells no deal",
			"3. April: a Turkish drone deal\nIn April the defence ministry of Uzbekistan and Baykar signed a contract for Akinci drones.",
			[]string{"UZB TUR Bayraktar Akıncı ?/unknown contracted 2024-04"}},
		{"a state's possessive contract with a maker, signed in a year",
			"Morocco's contract with Israel Aerospace Industries for the Barak MX air defence system, signed in 2022, has survived.",
			[]string{"MAR ISR Barak MX ?/unknown contracted 2022"}},
		{"what a state gave up is no giving",
			"France is replacing the aircraft it gave up with new Rafale F4 jets ordered from Dassault.",
			nil},
	})
}

// TestSideClauseEvents checks the event rules of written articles 53-64.
func TestSideClauseEvents(t *testing.T) {
	checkEventCases(t, []eventCase{
		{"Serbia signed for twelve Rafale fighters with Dassault Aviation in August 2024.", []string{"agreement 2024-08"}},
		{"Admiral Marco Ferretti is greeted by General Ahmed Houssein Daher at the defence ministry on 25 February.", []string{"meeting 2024-02-25"}},
		{"Australia's Assistant Minister for Defence, Daniel Whitcombe, who arrived in Port Moresby on Sunday for the celebrations, spoke to reporters.", []string{"visit 2024-05-19"}},
		{"The first batch of Pinaka launchers arrived in Yerevan last month.", nil},
		{"Egypt signed a contract for 24 Su-35 jets in 2018. Morocco's contract with Israel Aerospace Industries for the Barak MX, signed in 2022, has survived.",
			[]string{"agreement 2018", "agreement 2022"}},
	})
}
