// Command corpus writes a deterministic corpus of news-like articles for
// benchmarks: varied states, makers, systems, numbers, dates, phrasing and
// site boilerplate, drawn from the catalog with a seeded generator.
//
//	go run ./bench/corpus -n 10000 -out /tmp/corpus -seed 1
package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"github.com/dossier-osint/dossier/internal/catalog"
)

func main() {
	n := flag.Int("n", 10000, "articles to write")
	out := flag.String("out", "corpus", "folder to write them to")
	seed := flag.Uint64("seed", 1, "random seed: the same seed writes the same corpus")
	flag.Parse()
	if err := write(*n, *out, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "corpus:", err)
		os.Exit(1)
	}
}

var (
	deliveries = []string{"%s took delivery of %s %s %s from %s", "%s received %s %s %s supplied by %s",
		"%s has taken delivery of %s %s %s built by %s", "%s inducted %s %s %s made by %s"}
	orders = []string{"%s ordered %s %s %s from %s", "%s signed a contract for %s %s %s with %s",
		"%s placed an order for %s %s %s with %s"}
	plans = []string{"%s intends to buy %s %s %s from %s", "%s is in talks to acquire %s %s %s from %s"}
	qty   = []string{"six", "12", "at least four", "about 20", "a dozen", "half a dozen", "two", "30", "some 40", "dozens of"}
	fill  = []string{
		"The ministry said the equipment would strengthen border security and counter-terrorism operations.",
		"Officials did not disclose the value of the deal, which analysts put at several hundred million dollars.",
		"Crews were trained abroad for several weeks before the handover ceremony, attended by senior officers.",
		"The army has relied on ageing Soviet-era equipment for decades and is seeking to diversify its suppliers.",
		"Deliveries are expected to continue over the next two years, according to a person familiar with the programme.",
		"The opposition criticised the purchase, saying the money should have gone to schools and hospitals.",
	}
	chrome = []string{"Share this:", "Read more: Defence budgets rise across the region", "Exit mobile version", "Like this:\nLoading..."}
)

func write(n int, out string, seed uint64) error {
	cat, err := catalog.Default()
	if err != nil {
		return err
	}
	var states []catalog.Country
	for _, c := range cat.Countries {
		if !c.Former {
			states = append(states, c)
		}
	}
	var makers []catalog.Organisation
	for _, o := range cat.Organisations {
		if o.Kind == "maker" && o.Country != "" {
			makers = append(makers, o)
		}
	}
	bySystemMaker := map[string][]catalog.System{}
	for _, s := range cat.Systems {
		bySystemMaker[s.Maker] = append(bySystemMaker[s.Maker], s)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	pick := func(list []string) string { return list[r.IntN(len(list))] }
	for i := range n {
		buyer := states[r.IntN(len(states))]
		maker := makers[r.IntN(len(makers))]
		systems := bySystemMaker[maker.Name]
		system := fmt.Sprintf("X-%d", 100+r.IntN(900))
		category := "vehicles"
		if len(systems) > 0 {
			s := systems[r.IntN(len(systems))]
			system, category = s.Designation, s.Category
		}
		year := 2015 + r.IntN(10)
		date := pick([]string{"on Tuesday", "last month", "earlier this year", "last year",
			fmt.Sprintf("in March %d", year), fmt.Sprintf("on %d September %d", 1+r.IntN(28), year), fmt.Sprintf("in %d", year)})
		var b strings.Builder
		fmt.Fprintf(&b, "url: https://news%d.example/%d/%02d/story-%d\ntitle: %s and %s: article %d\npublished: %d-%02d-%02d\n---\n",
			r.IntN(50), year, 1+r.IntN(12), i, buyer.Name, maker.Name, i, year, 1+r.IntN(12), 1+r.IntN(28))
		for p := 0; p < 3+r.IntN(4); p++ {
			var tmpl string
			switch r.IntN(3) {
			case 0:
				tmpl = pick(deliveries)
			case 1:
				tmpl = pick(orders)
			default:
				tmpl = pick(plans)
			}
			fmt.Fprintf(&b, tmpl+" %s. %s %s\n\n", buyer.Name, pick(qty), system, category, maker.Name, date, pick(fill), pick(fill))
			if r.IntN(4) == 0 {
				fmt.Fprintf(&b, "%s\n\n", pick(chrome))
			}
		}
		name := filepath.Join(out, fmt.Sprintf("%03d", i/1000), fmt.Sprintf("article-%06d.txt", i))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	return nil
}
