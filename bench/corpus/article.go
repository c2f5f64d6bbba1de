package main

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/dossier-osint/dossier/bench/internal/benchfile"
	"github.com/dossier-osint/dossier/internal/catalog"
)

// article is one generated news story: its header fields and its body as a
// scraper would store it, chrome lines included.
type article struct {
	url, title, published string
	body                  string
}

// text is the article in the header format of the evaluation guidelines.
func (a article) text() string {
	return fmt.Sprintf("url: %s\ntitle: %s\npublished: %s\n---\n%s", a.url, a.title, a.published, a.body)
}

var (
	deliveries = []string{"%s took delivery of %s %s %s from %s", "%s received %s %s %s supplied by %s",
		"%s has taken delivery of %s %s %s built by %s", "%s inducted %s %s %s made by %s"}
	orders = []string{"%s ordered %s %s %s from %s", "%s signed a contract for %s %s %s with %s",
		"%s placed an order for %s %s %s with %s"}
	plans = []string{"%s intends to buy %s %s %s from %s", "%s is in talks to acquire %s %s %s from %s"}
	qty   = []string{"six", "12", "at least four", "about 20", "a dozen", "half a dozen", "two", "30", "some 40", "dozens of",
		"eight", "24", "a couple of", "between 10 and 12", "three", "several"}
	fill = []string{
		"The ministry said the equipment would strengthen border security and counter-terrorism operations.",
		"Officials did not disclose the value of the deal, which analysts put at several hundred million dollars.",
		"Crews were trained abroad for several weeks before the handover ceremony, attended by senior officers.",
		"The army has relied on ageing Soviet-era equipment for decades and is seeking to diversify its suppliers.",
		"Deliveries are expected to continue over the next two years, according to a person familiar with the programme.",
		"The opposition criticised the purchase, saying the money should have gone to schools and hospitals.",
	}
	// measured fillers hold numbers that count nothing: weights, calibres, money.
	measured = []string{
		"Each vehicle weighs %d tonnes and carries a crew of three.",
		"The package, worth about $%d million, includes spare parts and training.",
		"The system has a range of %d km, according to the maker's brochure.",
		"The main gun is a %d mm cannon fitted in a remotely operated turret.",
	}
	firstNames = []string{"Amara", "Jonas", "Leila", "Tomás", "Mirela", "Kwame", "Ingrid", "Farid", "Nadia", "Viktor", "Sun-hee", "Rafael"}
	lastNames  = []string{"Okafor", "Lindqvist", "Haddad", "Ferreira", "Popescu", "Mensah", "Solberg", "Karimi", "Benali", "Horvat", "Park", "Quispe"}
	weekdays   = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
	monthNames = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
)

// categoryNouns name each catalog category as news text would.
var categoryNouns = map[string]string{
	"aircraft": "aircraft", "helicopter": "helicopters", "drone": "drones", "armoured vehicle": "armoured vehicles",
	"unarmoured vehicle": "trucks", "artillery": "howitzers", "air defence": "air defence systems", "missile": "missiles",
	"naval vessel": "patrol vessels", "sensor": "radars", "small arms": "rifles",
}

// newsWriter draws articles from the catalog with a seeded generator, so the
// same seed writes the same articles.
type newsWriter struct {
	r        *rand.Rand
	states   []catalog.Country
	makers   []catalog.Organisation
	byMaker  map[string][]catalog.System
	articles int
}

func newNewsWriter(cat *catalog.Catalog, seed uint64) *newsWriter {
	w := &newsWriter{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), byMaker: map[string][]catalog.System{}}
	for _, c := range cat.Countries {
		if !c.Former {
			w.states = append(w.states, c)
		}
	}
	for _, o := range cat.Organisations {
		if o.Kind == "maker" && o.Country != "" {
			w.makers = append(w.makers, o)
		}
	}
	for _, s := range cat.Systems {
		w.byMaker[s.Maker] = append(w.byMaker[s.Maker], s)
	}
	return w
}

func (w *newsWriter) pick(list []string) string { return list[w.r.IntN(len(list))] }

func (w *newsWriter) person() string { return w.pick(firstNames) + " " + w.pick(lastNames) }

// date is a date phrase in one of the forms news uses, around year.
func (w *newsWriter) date(year int) string {
	month, day := w.pick(monthNames), 1+w.r.IntN(28)
	return w.pick([]string{"on " + w.pick(weekdays), "last month", "earlier this year", "last year", "last week",
		fmt.Sprintf("in %s %d", month, year), fmt.Sprintf("on %d %s %d", day, month, year),
		fmt.Sprintf("on %s %d, %d", month, day, year), fmt.Sprintf("in %d", year), "in " + month,
		fmt.Sprintf("in late %d", year), fmt.Sprintf("in the first half of %d", year)})
}

// next writes the next article.
func (w *newsWriter) next() article {
	i := w.articles
	w.articles++
	buyer := w.states[w.r.IntN(len(w.states))]
	maker := w.makers[w.r.IntN(len(w.makers))]
	system, noun := fmt.Sprintf("X-%d", 100+w.r.IntN(900)), "vehicles"
	if systems := w.byMaker[maker.Name]; len(systems) > 0 {
		s := systems[w.r.IntN(len(systems))]
		system = s.Designation
		if n, ok := categoryNouns[s.Category]; ok {
			noun = n
		} else {
			noun = "systems"
		}
	}
	year := 2015 + w.r.IntN(10)
	a := article{
		url:       fmt.Sprintf("https://news%d.example/%d/%02d/story-%d", w.r.IntN(50), year, 1+w.r.IntN(12), i),
		title:     fmt.Sprintf("%s and %s: article %d", buyer.Name, maker.Name, i),
		published: fmt.Sprintf("%d-%02d-%02d", year, 1+w.r.IntN(12), 1+w.r.IntN(28)),
	}
	var b strings.Builder
	if w.r.IntN(3) == 0 && len(buyer.Capitals) > 0 {
		fmt.Fprintf(&b, "%s, %s %d (Wire) — ", strings.ToUpper(buyer.Capitals[0]), w.pick(monthNames), 1+w.r.IntN(28))
	}
	for p := 0; p < 3+w.r.IntN(4); p++ {
		var tmpl string
		switch w.r.IntN(3) {
		case 0:
			tmpl = w.pick(deliveries)
		case 1:
			tmpl = w.pick(orders)
		default:
			tmpl = w.pick(plans)
		}
		fmt.Fprintf(&b, tmpl+" %s. %s %s\n\n", buyer.Name, w.pick(qty), system, noun, maker.Name, w.date(year), w.pick(fill), w.filler())
		if w.r.IntN(4) == 0 {
			fmt.Fprintf(&b, "%s\n\n", w.pick(benchfile.ChromeLines))
		}
		if w.r.IntN(5) == 0 {
			fmt.Fprintf(&b, "Defence Minister %s met %s executives %s to discuss local assembly and maintenance.\n\n",
				w.person(), maker.Name, w.date(year))
		}
	}
	a.body = strings.TrimSuffix(b.String(), "\n\n") + "\n"
	return a
}

// filler is a sentence with no record in it, half of them holding numbers
// that count nothing.
func (w *newsWriter) filler() string {
	if w.r.IntN(2) == 0 {
		return w.pick(fill)
	}
	return fmt.Sprintf(w.pick(measured), 5+w.r.IntN(150))
}
