package extract_test

import (
	"testing"
)

// TestNewsRules checks rules read from written articles 65-76
// (mainstream defence news): back-references and whose state a clause
// speaks of, background fleets, schedules that are no delivery, plans,
// a deal and its handover in one sentence, denied deliveries and national
// subsidiaries.
func TestNewsRules(t *testing.T) {
	checkTransferCases(t, []transferCase{
		{"a family named bare after a variant is that system, which 'the jets' then points back to",
			"Peru signed a contract for 24 Gripen E/F fighter jets.\n\nIts front line today consists of about a dozen Mirage 2000P jets built by Dassault in France.\n\nPeru becomes the third South American operator of the Gripen. Colombia signed for 17 of the jets in November.",
			[]string{"PER SWE Gripen E/F 24/exact contracted -", "PER FRA Mirage 2000P 12/approx in_service -", "COL SWE Gripen 17/exact contracted 2023-11"}},
		{"'its' goes on about the state whose forces open the sentence before",
			"Armenia signed a contract for Akash batteries. Azerbaijan's armed forces are far better equipped. Its air defences include Israeli-made Barak MX systems, and its army flies Turkish Bayraktar TB2 armed drones.",
			[]string{"ARM IND Akash ?/unknown contracted -", "AZE ISR Barak MX ?/unknown in_service -", "AZE TUR Bayraktar TB2 ?/unknown in_service -"}},
		{"a state in a time clause closed by a comma is no buyer",
			"Mali received its first Bayraktar TB2 drones from Turkey's Baykar in late 2022, months after French troops left the country, and took delivery of the larger Akinci in 2024.",
			[]string{"MLI TUR Bayraktar TB2 ?/unknown delivered 2022", "MLI TUR Bayraktar Akıncı ?/unknown delivered 2024"}},
		{"a state whose maker the sentence names sells, it is no buyer gone on about",
			"Egypt ordered new jets. Italy has become one of Egypt's main suppliers over the past decade. The navy bought two FREMM frigates from Fincantieri in 2020.",
			[]string{"EGY ITA FREMM 2/exact delivered 2020"}},
		{"a letters-only name before 'programme' is the system",
			"Egypt is buying trainers. Defence officials compare them with the Rafale programme, under which Egypt ordered 30 more fighters from France in 2021.",
			[]string{"EGY FRA Rafale 30/exact contracted 2021"}},
		{"'has flown since', 'has used', a state that 'used' and 'user of' tell a fleet in service",
			"In June the Philippines ordered 12 more FA-50 Block 20 light fighters from Korea Aerospace Industries, adding to the 12 earlier FA-50s that its air force has flown since 2017. Togo has used TB2s against jihadist groups since 2022. During the war in Tigray, Ethiopia used Chinese Wing Loong I drones. Poland is also the largest foreign user of Hanwha Aerospace's K9 self-propelled howitzer.",
			[]string{"PHL KOR FA-50 12/exact contracted 2023-06", "PHL KOR FA-50 12/exact in_service -", "TGO TUR Bayraktar TB2 ?/unknown in_service -",
				"ETH CHN Wing Loong ?/unknown in_service -", "POL KOR K9 ?/unknown in_service -"}},
		{"'used' as an adjective is no verb, nor keeps a count from its system",
			"The last six of the twelve used Rafale fighters that Croatia bought from France landed at Pleso air base on Friday.",
			[]string{"HRV FRA Rafale 12/exact contracted -", "HRV FRA Rafale 6/exact delivered 2024-05-17"}},
		{"a delivery due, expected or scheduled is no delivery",
			"Peru signed a contract for 24 Gripen E/F fighter jets on Wednesday. The first jets are due to arrive in 2029 and the last in 2032. Saudi Arabia ordered ten Cheongung II batteries in 2024 and is expected to receive its first units this year. Poland received 46 K2 tanks in 2023, and the company said the last of the first batch would arrive in the first half of this year.",
			[]string{"PER SWE Gripen E/F 24/exact contracted 2024-05-22", "SAU KOR Cheongung II 10/exact contracted 2024", "POL KOR K2 46/exact delivered 2023"}},
		{"choices, funding, evaluation, interest, talks of buying and a counted memorandum are plans",
			"A bid to sell K2 tanks to Norway failed in 2023, when Oslo chose Germany's Leopard 2A8. Thailand's cabinet on Tuesday also approved funding of 3.2 billion baht for a further two UH-60M Black Hawks. India's defence ministry confirmed on Tuesday that it is evaluating Embraer's C-390 Millennium. The Brazilian army has shown interest in India's Akash air defence system. Officials confirmed in March that Indonesia had discussed buying J-10CE fighters from China. In August 2023 Indonesia signed a memorandum with Boeing for 24 F-15EX jets.",
			[]string{"NOR DEU Leopard 2A8 ?/unknown planned 2023", "THA USA UH-60M 2/exact planned 2024-05-21", "IND BRA C-390 Millennium ?/unknown planned 2024-05-21",
				"BRA IND Akash ?/unknown planned -", "IDN CHN J-10CE ?/unknown planned 2024-03", "IDN USA F-15EX 24/exact planned 2023-08"}},
		{"a memorandum on a service centre plans no purchase",
			"Slovakia's minister signed a memorandum of understanding with BAE Systems Hägglunds on a service and maintenance centre for CV90 vehicles.",
			nil},
		{"what a contract covered, and the handover of a system a relative clause says was bought",
			"In August, Warsaw signed a second executive contract with Hyundai Rotem for 180 K2 tanks. The first executive contract, signed in 2022, also covered 180 K2 tanks. Deliveries began last year of the Cheongung II medium-range air defence systems that Iraq signed for in September 2022.",
			[]string{"POL KOR K2 180/exact contracted 2023-08", "POL KOR K2 180/exact contracted 2022", "IRQ KOR Cheongung II ?/unknown contracted 2022-09",
				"IRQ KOR Cheongung II ?/unknown delivered 2023"}},
		{"'the first two of those' handed over are a batch of the system just ordered",
			"The Philippine navy ordered six HDP-2200 offshore patrol vessels from Hyundai in June 2022; the first two of those were handed over in Ulsan last year.",
			[]string{"PHL KOR HDP-2200 6/exact contracted 2022-06", "PHL KOR HDP-2200 2/exact delivered 2023"}},
		{"a count after the verb an earlier clause used is of that clause's system",
			"Peru is Saab's third export customer for the Gripen E/F in South America. Thailand signed for four of the jets in August, adding to the Gripen C/D fighters its air force has flown since 2011, and Colombia signed for 17 in November.",
			[]string{"THA SWE Gripen E/F 4/exact contracted 2023-08", "THA SWE Gripen C/D ?/unknown in_service -", "COL SWE Gripen E/F 17/exact contracted 2023-11"}},
		{"a delivery denied is a deal made",
			"Yerevan says Moscow has still not delivered weapons worth about 400 million dollars that Armenia paid for in 2021.",
			[]string{"ARM RUS - ?/unknown contracted 2021"}},
		{"a national company of a multinational maker supplies from its state",
			"Poland signed a contract on Tuesday with MBDA UK for about 1,400 CAMM-ER surface-to-air missiles.",
			[]string{"POL GBR CAMM-ER 1400/approx contracted 2024-05-21"}},
		{"a sentence that names no buyer in an article about the makers' state goes on about the system's last buyer",
			"South Korea's defence exports reached a record. South Korean firms sold more than ever. In August, Warsaw signed a second executive contract with Hyundai Rotem for 180 K2 tanks. The first executive contract, signed in 2022, also covered 180 K2 tanks.",
			[]string{"POL KOR K2 180/exact contracted 2023-08", "POL KOR K2 180/exact contracted 2022"}},
		{"a count after 'The' is a count, not a designation",
			"The 96 AH-64E Apache attack helicopters that Warsaw ordered from Boeing in August 2023 will be armed with new missiles.",
			[]string{"POL USA AH-64E 96/exact contracted 2023-08"}},
		{"the town a ship class is named after is no ship, nor a Philippine ship's prefix a maker",
			"The Philippine navy took delivery of the frigate BRP Diego Silang at HD Hyundai Heavy Industries' yard in Ulsan in March.",
			[]string{"PHL KOR - ?/unknown delivered 2024-03"}},
	})
}

// TestNewsEvents checks the event rules of written articles 65-76.
func TestNewsEvents(t *testing.T) {
	checkEventCases(t, []eventCase{
		// The stops of a tour are visits of their own.
		{"The first stop was Rome, where Fathy held talks with Italy's defence minister on Monday.", []string{"visit 2024-05-20", "meeting 2024-05-20"}},
		{"The last leg, in London on Wednesday, produced no weapons deal.", []string{"visit 2024-05-22"}},
		// Signings told in clauses of their own are agreements of their own.
		{"Thailand signed for four Gripen E/F jets in August, adding to its older fighters, and Colombia signed for 17 in November.",
			[]string{"agreement 2023-08", "agreement 2023-11"}},
		{"On Wednesday the two sides signed five memorandums of understanding, covering agricultural research and biofuels.", []string{"agreement 2024-05-22"}},
		// A signing denied, a wall to meet and investment at large are no events.
		{"No agreement has yet been signed, and Japanese officials have said any transfer would have to comply with the country's export rules.", nil},
		{"\"Every drone and every missile that enters our sky must meet a wall,\" the minister said.", nil},
		{"For Rabat, the plant is part of a push backed by a 2020 law that opened the sector to private and foreign investment.", nil},
		// Talks told with "discussed" are a meeting; a plan "first discussed" is not.
		{"Spanish officials said the two governments had also discussed cooperation in naval shipbuilding.", []string{"meeting -"}},
		{"Plans to buy twelve Su-30SM fighters, first discussed with Moscow in 2022, were shelved.", nil},
		// A forum a speaker works at is no meeting.
		{"\"It is cheap,\" said Kristaps Ozols of the Riga Security Forum.", nil},
		// What "the two ministers" discussed after their meeting is that meeting.
		{"Chile's defence minister held talks with his Brazilian counterpart on Monday. The order was worth little. Production is on schedule. According to the ministry, the two ministers also discussed a possible order for trainers.",
			[]string{"meeting 2024-05-20"}},
		// Visits or meetings referred to as "those" or "these" are things
		// told before, no event of their own.
		{"Vietnam has repeatedly protested against those visits.", nil},
		// A signing after "two years after" is not dated by the main clause.
		{"Serbia's defence minister met his French counterpart in Paris on Monday to review the programme, two years after Belgrade signed for 12 of the jets.", []string{"agreement -", "meeting 2024-05-20"}},
	})
}

func dashIfEmpty(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// TestReportingRules checks rules read from written articles 89-100
// (wires, commentary and releases): a consignment's contents told in the
// sentence after it, several states in one clause, a fleet's donors, and
// dates and makers that belong to a neighbouring clause.
func TestReportingRules(t *testing.T) {
	checkTransferCases(t, []transferCase{
		{"a consignment's contents listed in the next sentence are its records, dated by the clause on it",
			"Armenia took delivery of a large consignment of military equipment from Russia on Friday. The consignment, which arrived by train last month, comprised ten BTR-82A carriers and two Tor-M2 batteries.",
			[]string{"ARM RUS BTR-82A 10/exact delivered 2024-04", "ARM RUS Tor-M2 2/exact delivered 2024-04"}},
		{"a weekday before the verb names no system",
			"The United Kingdom on Friday donated ambulances and trucks to the army of Moldova.",
			[]string{"MDA GBR - ?/unknown delivered 2024-05-17"}},
		{"a state a relative clause opens on gives, and a maker of the sentence before is no party",
			"Saab unveiled a new radar on Monday. Estonia has also looked to Finland, which last year donated several trucks to the Estonian army.",
			[]string{"EST FIN - ?/unknown delivered 2023"}},
		{"a maker before a comma and a new subject makes nothing of that subject's fleet",
			"Benin is said to be in talks with Baykar, and Benin already flies CH-3 drones.",
			[]string{"BEN CHN CH-3 ?/unknown in_service -", "BEN TUR - ?/unknown planned -"}},
		{"the forces a type flies with are its users, up to a clause of its own",
			"The Gripen fighter already flies with the air forces of Hungary, the Czech Republic and South Africa, and Thailand signed for four of the jets in 2023.",
			[]string{"HUN SWE Gripen ?/unknown in_service -", "CZE SWE Gripen ?/unknown in_service -", "ZAF SWE Gripen ?/unknown in_service -",
				"THA SWE Gripen 4/exact contracted 2023"}},
		{"a list of states as subject buys for each",
			"Togo, Benin and Ghana ordered Bayraktar TB2 drones in 2023.",
			[]string{"TGO TUR Bayraktar TB2 ?/unknown contracted 2023", "BEN TUR Bayraktar TB2 ?/unknown contracted 2023", "GHA TUR Bayraktar TB2 ?/unknown contracted 2023"}},
		{"a state of origin after 'to' and a verb receives nothing",
			"Serbia continues to fly Russian MiG-29 fighters.",
			[]string{"SRB RUS MiG-29 ?/unknown in_service -"}},
		{"a fleet whose dated donation is told is a delivery; its donor alone tells origin",
			"Belarus still flies Su-30SM fighters donated by Russia in 2019. Tunisia operates UH-60M helicopters supplied by the United States.",
			[]string{"BLR RUS Su-30SM ?/unknown delivered 2019", "TUN USA UH-60M ?/unknown in_service -"}},
		{"a verb after ', and it' looks forward, and a later clause's date stays there",
			"In recent years Serbia has received Airbus H145M helicopters, and it continues to fly MiG-29 fighters donated by Belarus in 2019.",
			[]string{"SRB DEU H145M ?/unknown delivered -", "SRB BLR MiG-29 ?/unknown delivered 2019"}},
		{"a verb after ', and it' governs no list before it",
			"Serbia has lately received Chinese FK-3 air defence batteries, CH-92A armed drones and Airbus H145M light helicopters, and it continues to fly MiG-29 fighters.",
			[]string{"SRB CHN FK-3 ?/unknown delivered -", "SRB CHN CH-92A ?/unknown delivered -", "SRB DEU H145M ?/unknown delivered -",
				"SRB - MiG-29 ?/unknown in_service -"}},
		{"a giver 'delivering' to a state, and a system joined by 'as well as'",
			"Records show China delivering Z-9 helicopters to Ghana in 2019, as well as K-8 trainers.",
			[]string{"GHA CHN Z-9 ?/unknown delivered 2019", "GHA CHN K-8 ?/unknown delivered 2019"}},
		{"'added' before equipment is an acquisition, before 'that' it is speech; a date before a joined verb is that verb's",
			"Chad bought Hürkuş trainers too, and in 2024 added Aksungur drones. The minister added that the T129 helicopters were flying.",
			[]string{"TCD TUR Hürkuş ?/unknown delivered -", "TCD TUR Aksungur ?/unknown delivered 2024"}},
		{"a date after an earlier verb joined by 'and' is that verb's, and a display told in a relative clause keeps neither",
			"Niger bought TB2 drones in 2021 and later added Aksungur and Akıncı drones, which were displayed at a parade in 2023.",
			[]string{"NER TUR Bayraktar TB2 ?/unknown delivered 2021", "NER TUR Aksungur ?/unknown delivered -", "NER TUR Bayraktar Akıncı ?/unknown delivered -"}},
		{"a purchase under a contract told after the item is a contract, dated by its signing",
			"Poland is also buying 18 K9 howitzers from Hanwha Aerospace, with an option for 12 more, under a contract signed in March.",
			[]string{"POL KOR K9 18/exact contracted 2024-03", "POL KOR K9 12/exact planned 2024-03"}},
		{"an expected receipt under a contract is a contract; a maker's home after 'from' supplies",
			"The Ghanaian air force is also expected to receive two C295 transport aircraft from Spain's Airbus under a contract signed last year.",
			[]string{"GHA ESP C295 2/exact contracted 2023"}},
		{"a noun of delivery told in the future is a schedule, and hoping to sell is a plan",
			"Egypt ordered ten K9 howitzers in 2023. Deliveries of those guns are expected to begin in 2026. Hanwha also hopes to sell its Redback vehicle to Egypt.",
			[]string{"EGY KOR K9 10/exact contracted 2023", "EGY KOR AS21 Redback ?/unknown planned -"}},
		{"a date in a clause with a subject of its own, or before 'after', dates no deal",
			"Hanwha hopes to sell K9 howitzers to Egypt, and Egyptian officials have said a decision is expected this year. The minister met Hanwha on Monday, a year after Cairo signed for 20 K9 howitzers.",
			[]string{"EGY KOR K9 ?/unknown planned -", "EGY KOR K9 20/exact contracted -"}},
		{"a signing told in the next sentence dates the deal; a colon closes an earlier verb's clause",
			"Serbia bought French jets before: Belgrade ordered 12 Rafale fighters. The contract, worth 2.7 billion euros, was signed in August 2023. Egypt has bought Korean guns before: in 2022 it ordered K9 howitzers.",
			[]string{"SRB FRA Rafale 12/exact contracted 2023-08", "EGY KOR K9 ?/unknown contracted 2022"}},
		{"'It was signed' in the next sentence dates the deal, a figure with a point between",
			"Egypt ordered 30 Rafale fighters. It, worth 4.5 billion euros, was signed on Monday in Cairo.",
			[]string{"EGY FRA Rafale 30/exact contracted 2024-05-20"}},
		{"a maker's delivering is work under way, no delivery",
			"Ghana ordered two K-8 trainers. Norinco is delivering armoured vehicles to Bolivia.",
			[]string{"GHA CHN K-8 2/exact contracted -"}},
		{"a giver planning a handover: the plan is dated when told, not when the equipment is to come",
			"Benin's army received 12 Bastion vehicles. Washington plans to deliver 20 more MaxxPro vehicles in early 2025, the embassy said on Monday.",
			[]string{"BEN FRA Bastion 12/exact delivered -", "BEN USA MaxxPro 20/exact planned 2024-05-20"}},
		{"a hoped-for sale with no buyer is no record",
			"Nigeria flies T129 helicopters. Turkish Aerospace hopes to sell more T129 helicopters in Africa and Asia.",
			[]string{"NGA TUR T129 ATAK ?/unknown in_service -"}},
		{"a capitalised word before a back-reference picks the system whose name holds it; its undated purchase is the fleet",
			"Kenya operates Mahindra Marksman armoured vehicles and Casspir mine-protected vehicles. The Marksman vehicles were bought in the past.",
			[]string{"KEN IND Mahindra Marksman ?/unknown delivered -", "KEN ZAF Casspir ?/unknown in_service -"}},
		{"the state a deal is negotiated with supplies",
			"Bolivia is negotiating with Taiwan for two Bell UH-1H helicopters.",
			[]string{"BOL TWN UH-1H 2/exact planned -"}},
		{"talks with a maker, their clause naming no equipment, plan an unspecified purchase for each state",
			"Senegal and Mali are said to be in talks with Baykar, and Niger already flies Chinese CH-3 drones.",
			[]string{"SEN TUR - ?/unknown planned -", "MLI TUR - ?/unknown planned -", "NER CHN CH-3 ?/unknown in_service -"}},
		{"a capitalised name before 'class' is a ship class, which a back-reference in apposition does not replace",
			"Malaysia ordered three LMS Batch 2 ships from Turkey. Its first four ships, the Keris class, were ordered from China in 2017.",
			[]string{"MYS TUR LMS Batch 2 3/exact contracted -", "MYS CHN Keris class ?/unknown contracted 2017"}},
		{"a possible order is a plan",
			"The ministers discussed a possible order for Caesar self-propelled guns, which Estonia has been evaluating.",
			[]string{"EST FRA CAESAR ?/unknown planned -"}},
		{"'its own' before a deal noun is the buyer's deal, not the supplier's forces",
			"Croatia completed its own fighter purchase when the last six Rafale jets landed at Pleso.",
			[]string{"HRV FRA Rafale 6/exact delivered -"}},
		{"'second-hand' after a number counts no seconds",
			"Croatia ordered 12 second-hand Rafale jets from France in 2021.",
			[]string{"HRV FRA Rafale 12/exact contracted 2021"}},
		{"a date before ', when' dates the clause after it; 'in 2021' ending a clause dates no verb after it",
			"Serbia flies Rafale fighters. Croatia finished its fighter purchase in April, when the last six of the 12 Rafales it ordered from France in 2021 landed at Pleso.",
			[]string{"SRB FRA Rafale ?/unknown in_service -", "HRV FRA Rafale 6/exact delivered 2024-04", "HRV FRA Rafale 12/exact contracted 2021"}},
	})
}
