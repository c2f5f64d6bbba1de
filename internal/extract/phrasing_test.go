package extract_test

import (
	"slices"
	"testing"

	"github.com/dossier-osint/dossier/internal/annotate"
	"github.com/dossier-osint/dossier/internal/catalog"
	"github.com/dossier-osint/dossier/internal/extract"
)

// TestPhrasingRules checks how transfers are read from phrasings of
// defence news: acronyms an article defines, several dates or systems in
// one clause, fleets, plans, back references, counts and the dates of the
// telling.
func TestPhrasingRules(t *testing.T) {
	checkTransferCases(t, []transferCase{
		// An acronym the article defines in brackets after a name stands for that
		// name, though the catalog gives it to another state's force.
		{"a force's acronym defined after its name names that force later",
			"The Bolivian Air Force (FAB) flies Chinese K-8 trainers. In May the FAB received two Harbin Z-9 helicopters from China.",
			[]string{"BOL CHN K-8 ?/unknown in_service -", "BOL CHN Z-9 2/exact delivered 2024-05"}},
		// A status told with two dates joined by "and" gives a record for each,
		// while "between" two dates is one span.
		{"bought in two years",
			"The Nepali Army flies Mi-17 helicopters bought from Russia in 2008 and 2012.",
			[]string{"NPL RUS Mi-17 ?/unknown delivered 2008", "NPL RUS Mi-17 ?/unknown delivered 2012"}},
		{"delivered between two years",
			"Bolivia flies six AS332 Super Puma helicopters delivered from France between 2014 and 2016.",
			[]string{"BOL FRA AS332 Super Puma 6/exact delivered 2014"}},
		// A system joined by "together with" after a comma shares the clause's
		// main verb, not the participle on the system before it.
		{"'together with' past a dated participle",
			"Nepal flies Mi-17 helicopters bought in 2010, together with three Dhruv light helicopters.",
			[]string{"NPL - Mi-17 ?/unknown delivered 2010", "NPL IND Dhruv 3/exact in_service -"}},
		// Lower-case words ending in a number's first digit are not read as a
		// system's name.
		{"'estimated at 2.3 billion'",
			"Egypt ordered seven IRIS-T SLM systems, together with radars, in 2018 in a deal estimated at 2.3 billion euros.",
			[]string{"EGY DEU IRIS-T SLM 7/exact contracted 2018"}},
		// that "has been flying" and "has deployed" tell a fleet in service.
		{"'has been flying'",
			"Chad has been flying Chinese CH-4B drones for years.",
			[]string{"TCD CHN CH-4B ?/unknown in_service -"}},
		{"'has deployed' against an enemy",
			"Sudan's army has deployed Mohajer-6 drones against the rebels.",
			[]string{"SDN IRN Mohajer-6 ?/unknown in_service -"}},
		// A date in the clause before ", while" dates that clause's status, not a
		// participle after it.
		{"a date before ', while'",
			"Chad received four Aksungur drones from Turkey in 2023, while N'Djamena has also been flying CH-4B drones bought from CASC.",
			[]string{"TCD TUR Aksungur 4/exact delivered 2023", "TCD CHN CH-4B ?/unknown delivered -"}},
		// A phrase set off by a comma before a state ("Further east, Sudan ...")
		// leaves that state the subject the next sentence goes on about.
		{"the next sentence's drones are the fronted state's",
			"Turkey sells drones across Africa and Turkish firms lead.\n\nFurther east, Sudan's army uses Mohajer-6 drones. The drones were shipped through Port Sudan.",
			[]string{"SDN IRN Mohajer-6 ?/unknown delivered -"}},
		// phrases that tell a purchase still to be decided: talks opened with a
		// maker, a proposal to buy, a giver's agreement to transfer, a batch under
		// an option.
		{"talks opened with a maker",
			"The Nepali Army has opened talks with Airbus Helicopters on three H215 helicopters.",
			[]string{"NPL FRA H215 3/exact planned -"}},
		{"a proposal to buy",
			"Nepal's army flies Mi-17 helicopters. A proposal to buy two Y-12 aircraft, first discussed in 2018, was shelved.",
			[]string{"NPL - Mi-17 ?/unknown in_service -", "NPL CHN Y-12 2/exact planned 2018"}},
		{"a giver agreeing to transfer is no recipient",
			"Tajikistan's army received two Mi-8 helicopters from Uzbekistan on Monday. Tashkent has also agreed to transfer ten BTR-80 carriers from army reserves.",
			[]string{"TJK UZB Mi-8 2/exact delivered 2024-05-20", "TJK UZB BTR-80 10/exact planned -"}},
		// A system the catalog lacks, found before a word for its kind, is that
		// system where the document names it again with a plainer noun.
		{"a coined name repeated before 'vehicles', under an option",
			"Honduras received 18 Otokar Kaya armoured vehicles in March. Four more Kaya vehicles are expected under an option.",
			[]string{"HND TUR Kaya 18/exact delivered 2024-03", "HND TUR Kaya 4/exact planned -"}},
		// Unspecified equipment told after ", and" with a subject of its own is a
		// deal of its own, not the package of a system named in the clause before.
		{"a gift after ', and' and another giver",
			"Nepal relies on gifts. India handed over a Dornier 228 aircraft in 2015, and China donated military equipment in March 2022.",
			[]string{"NPL IND Dornier 228 1/exact delivered 2015", "NPL CHN - ?/unknown delivered 2022-03"}},
		// that "radios" after a designation the catalog lacks makes it a system.
		{"a radio model",
			"Kenya received 50 RF-7850M tactical radios from the United States in March.",
			[]string{"KEN USA RF-7850M 50/exact delivered 2024-03"}},
		// A delivery "bringing its fleet to" a count tells the fleet in service as
		// well.
		{"'bringing its fleet to at least'",
			"Mali received three more Bayraktar TB2 drones in April, bringing its fleet to at least ten.",
			[]string{"MLI TUR Bayraktar TB2 3/exact delivered 2024-04", "MLI TUR Bayraktar TB2 10/at_least in_service -"}},
		// that "its third" before a system counts one, a maker's compound between
		// or not.
		{"'its third'",
			"Senegal commissioned its fourth OPV 58 S in May.",
			[]string{"SEN FRA OPV 58 S 1/exact delivered 2024-05"}},
		{"'its third' and a maker's compound",
			"The Senegalese navy took delivery of its third Piriou-built OPV 58 S vessel in 2022.",
			[]string{"SEN FRA OPV 58 S 1/exact delivered 2022"}},
		// that "Soviet-era" dates a design and leaves the supplier to the donor
		// the sentence names.
		{"'Soviet-era' and a donor",
			"Kyrgyzstan flies a Soviet-era Mi-8 helicopter donated by Russia in 2021.",
			[]string{"KGZ RUS Mi-8 ?/unknown delivered 2021"}},
		// A fleet whose use ended in a past year ("flew until 2017") is no fleet
		// in service.
		{"'flew until' a past year",
			"Bolivia flies K-8 trainers, which replaced the T-33s that the air force flew until 2016, among the last in service anywhere.",
			[]string{"BOL CHN K-8 ?/unknown in_service -"}},
		// that "added a second batch" tells a further delivery of the system named
		// before.
		{"'added a second batch'",
			"Niger received its first Bayraktar TB2 drones in 2021 and added a second batch in 2023.",
			[]string{"NER TUR Bayraktar TB2 ?/unknown delivered 2021", "NER TUR Bayraktar TB2 ?/unknown delivered 2023"}},
		// A system compared with the equipment a state flies ("larger than the
		// drones X flies") is not thereby in that state's service.
		{"'larger than the drones ... flies'",
			"Mali signed a contract with Baykar for Akinci combat drones in May. The Akinci is a far heavier aircraft than the drones Mali already flies.",
			[]string{"MLI TUR Bayraktar Akıncı ?/unknown contracted 2024-05"}},
		// that "expects" before equipment is a plan, undated by the arrival it
		// expects, and that a fleet counted as the delivery told after it is that
		// delivery.
		{"'expects a' and 'the two it already operates'",
			"Colombo expects a Dornier 228 aircraft from New Delhi next year, on top of the two it already operates. The two were supplied by India in 2021.",
			[]string{"LKA IND Dornier 228 1/exact planned -", "LKA IND Dornier 228 2/exact delivered 2021"}},
		// A signed licence for the local assembly of a foreign system contracts
		// its kits from the licensor.
		{"'signed a licence agreement ... for the local assembly of'",
			"Zambia and South Africa's Paramount Group signed a licence agreement on Monday for the local assembly of Marauder armoured vehicles.",
			[]string{"ZMB ZAF Marauder ?/unknown contracted 2024-05-20"}},
		// that "a follow-on batch" names the system told before, as "a further
		// batch" does.
		{"'a follow-on batch arrived'",
			"Bolivia flies about 20 K-8VB jet trainers. A follow-on batch arrived in 2015.",
			[]string{"BOL - K-8VB 20/approx in_service -", "BOL - K-8VB ?/unknown delivered 2015"}},
		// The day a source confirmed a story or said it in a post dates the
		// telling, not the deal or the delivery.
		{"'confirmed on Sunday' and a signing told after",
			"Nepal has scrapped its contract for two Mi-17V-5 helicopters from Russia, a spokesperson confirmed on Sunday. The deal was signed in March 2021.",
			[]string{"NPL RUS Mi-17V-5 2/exact contracted 2021-03"}},
		{"'said in a post on its website on Saturday'",
			"Cambodia has received SR5 rocket launchers from China, the ministry said in a post on its website on Saturday. The launchers arrived at the port on 12 May.",
			[]string{"KHM CHN SR5 ?/unknown delivered 2024-05-12"}},
		// A name the catalog lacks, ending a list of systems before their kind, is
		// a system of its own.
		{"'TB2, Wing Loong and Tundara drones'",
			"Ethiopia's fleet of TB2, Wing Loong and Tundara drones is the largest in Africa.",
			[]string{"ETH TUR Bayraktar TB2 ?/unknown in_service -", "ETH CHN Wing Loong ?/unknown in_service -", "ETH - Tundara ?/unknown in_service -"}},
	})
}

// TestPhrasingEvents checks events read from the same phrasings.
func TestPhrasingEvents(t *testing.T) {
	checkEventCases(t, []eventCase{
		// that "such visits" refers back to no visit of its own, and that
		// delegations visiting a fair's pavilions pay no official visit.
		{"A Chinese survey ship called at Colombo port last year, and Sri Lanka has since frozen all such visits.", nil},
		{"Delegations from Mali and Niger were seen visiting the Chinese and Turkish pavilions at the fair in Dakar.", nil},
		// A memorandum "also signed" in the sentence after a contract is a second
		// agreement.
		{"On Tuesday, Mali's defence minister signed a contract with Baykar for drones. The two delegations also signed a memorandum on training.",
			[]string{"agreement 2024-05-21", "agreement -"}},
		// A lease is signed as a contract is, and "The signing" refers back to
		// a signing told before.
		{"The army will get two helicopters under a lease signed on Tuesday with Bell.",
			[]string{"agreement 2024-05-21"}},
		{"On Tuesday Guyana signed a contract for two helicopters with Bell. Officials spoke of a new era.\n\nThe crews will train in Canada. The aircraft arrive in June.\n\nThe signing was attended by the Canadian envoy, who described the contract as a step forward.",
			[]string{"agreement 2024-05-21"}},
		// A signing told in speculation the sentence denies is none.
		{"The minister denied speculation that the country was about to sign a deal for Gripen fighters.", nil},
		// "said after meeting" someone named tells a meeting; "after
		// meeting reporters" does not.
		{"On Monday the undersecretary spoke after meeting Nurol Makina's chief executive, Arda Tekin.",
			[]string{"meeting 2024-05-20"}},
		{"The minister said after meeting reporters on Monday that the budget was tight.", nil},
		// "no talks" denies a meeting; a heading names no company investing.
		{"The ministry said no talks with Chinese firms had taken place.", nil},
		{"Ghana's army is growing.\n\nInvestment on the sidelines\n\nThe minister spoke to reporters.", nil},
		// A name ending in "in" or "no" before a meeting's words is no "in talks"
		// or "no talks".
		{"Chile's Defence Minister Pedro Valdovin spoke on Wednesday. On Monday Valdovin held talks with Defence Minister Hiroshi Tanabe.",
			[]string{"meeting 2024-05-20"}},
		{"On Monday Defence Minister Pedro Moreno signed a contract with Embraer for two C-390 aircraft.",
			[]string{"agreement 2024-05-20"}},
		// A cooperation arrangement or a plan of defence cooperation is signed as
		// a memorandum is.
		{"On Monday Fiji and New Zealand signed a five-year defence cooperation arrangement.",
			[]string{"agreement 2024-05-20"}},
		{"On Tuesday the Moldovan and German ministers signed a plan of defence cooperation on training.",
			[]string{"agreement 2024-05-21"}},
	})
}

// TestTitleDemonymBeforeForcesIsTheFocus checks that a demonym before a
// force word in the title ("Cambodian army") makes that state the
// article's, as the name of its forces would.
func TestTitleDemonymBeforeForcesIsTheFocus(t *testing.T) {
	cat := catalog.MustDefault()
	body := "Six SR5 launchers arrived from China on Friday.\n\nThe army's artillery still counts some 40 Czech-made RM-70s bought second-hand in the 1990s."
	d := annotate.Annotate(cat, body, "Cambodian army takes delivery of Chinese rocket launchers", "2024-05-23", "")
	got := transfers(extract.Extract(d, "test"))
	want := []string{"KHM CHN SR5 6/exact delivered 2024-05-17", "KHM CZE RM-70 40/approx delivered -"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// TestGiverAndBuyerRules checks which state of a sentence gives and which
// buys.
func TestGiverAndBuyerRules(t *testing.T) {
	checkTransferCases(t, []transferCase{
		// The state that opens a relative clause with a giver's verb gives the
		// system; the owner named before it buys.
		{"'which the United States delivered'",
			"Ghana's army wants spare parts. The parts are for the air force's four A-29 Super Tucano aircraft, which the United States delivered in 2019.",
			[]string{"GHA USA A-29 4/exact delivered 2019"}},
		// A state that gave something in the sentence before is no buyer the
		// next sentence goes on about.
		{"a giver is no subject gone on about",
			"Ghana's army is short of armour.\n\nItaly handed over a batch of Puma 6x6 carriers in 2023. Its M113 carriers, supplied by the United States long ago, are the oldest.",
			[]string{"GHA ITA Puma 6x6 ?/unknown delivered 2023", "GHA USA M113 ?/unknown delivered -"}},
		// A capital buys for its state as its name does.
		{"'Malé bought'",
			"In 2023 Malé bought two Bayraktar TB2 drones from Baykar.",
			[]string{"MDV TUR Bayraktar TB2 2/exact delivered 2023"}},
		// A demonym between the item and its verb names no buyer ("boats that
		// served the Indian fleet were handed over").
		{"a demonym in the subject's relative clause",
			"Nepal's army is short of lift. Two Mi-17 helicopters that served the Indian fleet were handed over in 2021.",
			[]string{"NPL - Mi-17 2/exact delivered 2021"}},
		// "by" names the giver a few words past a passive verb.
		{"'were given free of charge by India'",
			"Two Mi-17 helicopters were given free of charge by India to Nepal in 2021.",
			[]string{"NPL IND Mi-17 2/exact delivered 2021"}},
		// "were given" hands over as "were handed over" does; "more than ten
		// years" counts, it compares with nothing.
		{"'were given to Nepal'",
			"Two Mi-17 helicopters were given to Nepal by India in 2021.",
			[]string{"NPL IND Mi-17 2/exact delivered 2021"}},
		{"'for more than ten years' before the verb",
			"Nepal's army is short of lift. Two Mi-17 helicopters that were flown for more than ten years were handed over by India in 2021.",
			[]string{"NPL IND Mi-17 2/exact delivered 2021"}},
		// "troop carriers" and "protected vehicles" name a kind of armour, which
		// makes a letters-only name before them a system.
		{"'Bushmaster troop carriers'",
			"Fiji received six Bushmaster troop carriers from Australia in 2022.",
			[]string{"FJI AUS Bushmaster 6/exact delivered 2022"}},
		// A state that "pledged" the item in a relative clause gives it, whatever
		// verb then governs the item.
		{"'that Germany pledged in 2022 arrived'",
			"Moldova's army is growing. Ten Piranha III armoured personnel carriers that Germany pledged in 2022 arrived by rail in March.",
			[]string{"MDA DEU Piranha III 10/exact delivered 2024-03"}},
		// A part that arrived of what a giver pledged in a relative clause: the
		// pledge is the whole plan.
		{"'the last three of the 12 ... that Germany pledged in 2022 arrived'",
			"Moldova's army is growing. The last three of the 12 Piranha III armoured personnel carriers that Germany pledged in 2022 arrived by rail in March.",
			[]string{"MDA DEU Piranha III 3/exact delivered 2024-03", "MDA DEU Piranha III 12/exact planned 2022"}},
		// "last week" dates a status to the month of the week before.
		{"'arrived last week'",
			"Moldova's army is growing. Ten Piranha III armoured personnel carriers arrived from Germany last week.",
			[]string{"MDA DEU Piranha III 10/exact delivered 2024-05"}},
		// "will give" and "will provide" tell a giver's plan, whose receiver
		// follows the verb.
		{"'will give Sri Lanka'",
			"India will give Sri Lanka two Dornier 228 aircraft.",
			[]string{"LKA IND Dornier 228 2/exact planned -"}},
		{"'will provide Sri Lanka with'",
			"India will provide Sri Lanka with two Dornier 228 aircraft.",
			[]string{"LKA IND Dornier 228 2/exact planned -"}},
		// What an aid package planned in the sentence before "lists" is planned
		// with it, and the package needs no record of its own.
		{"'will give ... an aid package. The package lists'",
			"The United States will give Ghana's army a new aid package, the embassy said on Monday. The package lists four ScanEagle drones and 20 M1117 armoured vehicles.",
			[]string{"GHA USA ScanEagle 4/exact planned 2024-05-20", "GHA USA M1117 Guardian 20/exact planned 2024-05-20"}},
		// A demonym that ends its clause tells an origin; it buys nothing.
		{"'are Turkish too:'",
			"Ghana is re-arming. Its newest drones are Turkish too: the country ordered six Bayraktar TB2 drones from Baykar in 2021.",
			[]string{"GHA TUR Bayraktar TB2 6/exact contracted 2021"}},
		// "them" after a verb of acquiring or giving is the system named before
		// it in the sentence, as many as were named.
		{"'and Turkey delivered them in 2022'",
			"Ghana ordered six Bayraktar TB2 drones in 2021, and Turkey delivered them in 2022.",
			[]string{"GHA TUR Bayraktar TB2 6/exact contracted 2021", "GHA TUR Bayraktar TB2 6/exact delivered 2022"}},
		// A licence agreement "with" a partner contracts what it is to assemble.
		{"'signed a licence agreement with a local firm to assemble'",
			"Otokar has signed a licence agreement with a local firm to assemble 40 Arma 6x6 armoured vehicles for the Royal Army of Oman.",
			[]string{"OMN TUR Otokar Arma 40/exact contracted -"}},
		// An army's armour or arsenal "consists of" its fleet, as a fleet does.
		{"'the army's armour consists of'",
			"Jordan is re-arming. The army's armour consists of Challenger 1 tanks and M60 tanks.",
			[]string{"JOR GBR Challenger 1 ?/unknown in_service -", "JOR USA M60 ?/unknown in_service -"}},
		// Aircraft that "touched down at" a capital arrived there; a state that
		// "once flew" them gives them on.
		{"'once flown by Qatar's air force touched down at Nouakchott'",
			"Two Alpha Jet light attack aircraft once flown by Qatar's air force touched down at Nouakchott on Monday.",
			[]string{"MRT QAT Alpha Jet 2/exact delivered 2024-05-20"}},
		// "also has" tells a fleet as "already has" does.
		{"'It also has a few Y-12 transports'",
			"Niger's air force is small. It also has a few Harbin Y-12 transports.",
			[]string{"NER CHN Y-12 ?/unknown in_service -"}},
		// A fleet's acquisition told in a relative clause with its giver and
		// date is a delivery, words for its kind before "that" allowed.
		{"'operates two Dornier 228 light transports that New Delhi handed over in 2021'",
			"Guyana's army is small. It operates two Dornier 228 light transports that New Delhi handed over in 2021.",
			[]string{"GUY IND Dornier 228 2/exact delivered 2021"}},
		// A verb of use in the present tense heads its whole list across commas.
		{"'operates two Dornier 228s, a single Y-12 and'",
			"Guyana's army is small. It operates two Dornier 228 transports, a single Harbin Y-12 and a few helicopters.",
			[]string{"GUY DEU Dornier 228 2/exact in_service -", "GUY CHN Y-12 1/exact in_service -"}},
		// "will hand over" plans a handover; "under an agreement" signed makes it
		// a contract, still given by the state before the verb.
		{"'will hand over ... under an agreement signed in'",
			"Peru's air force is small. Bogotá will hand over four UH-1H Huey II helicopters under an agreement the two ministers signed in March.",
			[]string{"PER COL Huey II 4/exact contracted 2024-03"}},
		{"'will hand over'",
			"Peru's air force is small. Bogotá will hand over four UH-1H Huey II helicopters.",
			[]string{"PER COL Huey II 4/exact planned -"}},
		// A budget or donor that "pays for" equipment plans its purchase.
		{"'a budget that pays for'",
			"Peru's Congress approved a budget that pays for two Airbus H145M helicopters for the air force.",
			[]string{"PER DEU H145M 2/exact planned -"}},
		// ", while" opens a clause with its own subject, whose unspecified
		// equipment is its own deal beside the system named before it.
		{"', while Benin has received armoured vehicles from France'",
			"Togo's army is growing. Mali operates a dozen TB2s, while Benin has received armoured vehicles from France.",
			[]string{"MLI TUR Bayraktar TB2 12/approx in_service -", "BEN FRA - ?/unknown delivered -"}},
		// Unspecified equipment "from" two states comes from each.
		{"'armoured vehicles from France and the United Arab Emirates'",
			"Benin has received armoured vehicles from France and the United Arab Emirates.",
			[]string{"BEN FRA - ?/unknown delivered -", "BEN ARE - ?/unknown delivered -"}},
		// A ship named behind its navy's prefix after a word for its kind is
		// the system, where the text names no class.
		{"'the patrol vessel CGS Huravee'",
			"In 2023 New Delhi gifted the patrol vessel CGS Huravee to the Maldives.",
			[]string{"MDV IND Huravee ?/unknown delivered 2023"}},
		{"a navy's own ship named after its kind is no transfer",
			"The Indian Navy patrol vessel INS Sharda arrived in Maputo on Sunday for a port call.",
			nil},
		{"a ship named with its class is the class",
			"Colombia has a small navy. It operates the corvette ARC Nariño, a former Pohang-class ship donated by Seoul in 2014.",
			[]string{"COL KOR Pohang-class ?/unknown delivered 2014"}},
		// A deal or plan denied is none.
		{"'has not agreed to buy'",
			"Namibia has not agreed to buy Gripen fighters, the minister said.",
			nil},
		// Users counted but not named buy nothing the article can record.
		{"'is used by about a dozen air forces'",
			"Namibia ordered six PC-21 trainers in 2025. The PC-21 is used by about a dozen air forces around the world.",
			[]string{"NAM CHE Pilatus PC-21 6/exact contracted 2025"}},
		{"'is used by the air forces of Zambia and Egypt'",
			"Ghana ordered four K-8 trainers in 2023. The K-8 is used by the air forces of Zambia and Egypt.",
			[]string{"GHA CHN K-8 4/exact contracted 2023", "EGY CHN K-8 ?/unknown in_service -", "ZMB CHN K-8 ?/unknown in_service -"}},
		// A service or a concern as the verb's own object leaves the item
		// untransferred.
		{"'will provide maintenance for'",
			"Lockheed Martin will provide maintenance for Taiwan's 140 F-16 fighters.",
			nil},
		{"'also has concerns about'",
			"Washington also has concerns about Turkey's S-400 missiles.",
			nil},
		{"'will supply spare parts for'",
			"Russia will supply spare parts for Peru's 12 Mi-17 helicopters.",
			nil},
		// A verb denied between a deal and the item keeps the item out of it.
		{"'The deal signed on Monday does not cover'",
			"The deal signed on Monday does not cover the 12 Rafale jets Egypt wants.",
			nil},
		// "former" before a state's force tells whose the item was, not that it
		// is retired.
		{"'operates three former US Coast Guard Hamilton-class cutters'",
			"Sri Lanka's navy operates three former US Coast Guard Hamilton-class cutters.",
			[]string{"LKA USA Hamilton-class cutter 3/exact in_service -"}},
		// A counted purchase of a kind of equipment is planned before any
		// supplier is chosen.
		{"'intends to buy up to six patrol boats'",
			"Fiji's government intends to buy up to six patrol boats next year.",
			[]string{"FJI - - 6/approx planned 2025"}},
		// A state that "would pay for" equipment gives it.
		{"'Canberra said it would pay for a new landing craft'",
			"Fiji's navy is small. Canberra said on Monday that it would pay for a new landing craft.",
			[]string{"FJI AUS - 1/exact planned 2024-05-20"}},
		// What a signed deal binds a giver to "under which" it will provide is
		// contracted.
		{"'signed an exchange of notes under which Japan will provide'",
			"On Monday the two governments signed an exchange of notes under which Japan will provide Mongolia with military equipment.",
			[]string{"MNG JPN - ?/unknown contracted 2024-05-20"}},
		// "interceptor boats" are naval equipment of their own, whose maker is
		// no designation.
		{"'donated four Metal Shark interceptor boats'",
			"Washington donated four Metal Shark interceptor boats to Guyana in 2024.",
			[]string{"GUY USA - 4/exact delivered 2024"}},
		// "A contract signed in 2019 for" contracts what it is for.
		{"'A contract signed in 2019 for four K-8 trainers'",
			"Ghana is short of trainers. A contract signed in 2019 for four K-8 jet trainers from China was cancelled last year.",
			[]string{"GHA CHN K-8 4/exact contracted 2019"}},
		// A verb after "until" is its own clause's, not the item's before it.
		{"'leaving the Guardian-class boats to carry the load until help arrived'",
			"Samoa's old boats were retired in 2012, leaving two Guardian-class patrol boats to carry the load until help arrived.",
			nil},
		// "of its own" ending a phrase tells what a state has, not what it
		// builds.
		{"'operates two Guardian-class boats of its own,'",
			"Tonga's navy is small. Fiji's navy operates two Guardian-class boats of its own, the ministry said.",
			[]string{"FJI AUS Guardian-class patrol boat 2/exact in_service -"}},
		// A lease "signed" on a day contracts what comes "under" it.
		{"'will get ... under a five-year lease signed on Tuesday'",
			"Guyana's army will get two Bell 412EPX helicopters under a five-year lease signed on Tuesday with Bell Textron Canada.",
			[]string{"GUY USA Bell 412 2/exact contracted 2024-05-21"}},
		// "a trio of" is three, as "a pair of" is two.
		{"'handed over a trio of Chamsuri-class patrol boats'",
			"Timor-Leste's navy grew after South Korea handed over a trio of Chamsuri-class patrol boats in November.",
			[]string{"TLS KOR Chamsuri-class 3/exact delivered 2023-11"}},
		// "is built around eight" counts eight of a fleet in service.
		{"'the air arm is built around eight A-29s'",
			"The Dominican Republic's air arm is built around eight A-29 Super Tucano aircraft.",
			[]string{"DOM BRA A-29 8/exact in_service -"}},
		// A report the same or the next sentence denies tells no deal; one
		// confirmed does.
		{"'reported that ... The ministry dismissed the report'",
			"Earlier this month a newspaper reported that Fiji had agreed to buy two Bayraktar TB2 drones from Turkey. The ministry dismissed the report as baseless.",
			nil},
		{"'reported that ... The ministry confirmed'",
			"Earlier this month a newspaper reported that Fiji had agreed to buy two Bayraktar TB2 drones from Turkey. The ministry confirmed it.",
			[]string{"FJI TUR Bayraktar TB2 2/exact contracted 2024-05"}},
		{"'Rumours that ... were pure invention'",
			"Rumours last month that Fiji had bought armed drones from Israel were pure invention, the minister said.",
			nil},
		// A denial of something other than the report, or a deal told in
		// another clause than the report, stands.
		{"'reported that ... Opposition parties dismissed the deal'",
			"A local paper reported that Serbia had signed a contract for 12 Rafale fighters in April. Opposition parties dismissed the deal as too costly.",
			[]string{"SRB FRA Rafale 12/exact contracted 2024-04"}},
		{"'denied reports that ..., but confirmed'",
			"The ministry denied reports that Serbia was buying Chinese drones, but confirmed it signed a contract for 12 Rafale jets in April.",
			[]string{"SRB FRA Rafale 12/exact contracted 2024-04"}},
		// A ship class spelt with accented letters is a class all the same.
		{"'a Doğan-class patrol boat'",
			"Fiji's navy commissioned a Doğan-class patrol boat from Turkey in March.",
			[]string{"FJI TUR Doğan-class 1/exact delivered 2024-03"}},
	})
}
