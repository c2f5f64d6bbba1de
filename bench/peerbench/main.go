// Command peerbench measures Dossier against peer libraries on the same
// files in one run, and writes the comparison to bench/RESULTS.md. bench/run
// builds it and runs it; see the README's "Benchmark against peers".
//
//	peerbench run [flags]                  the whole comparison
//	peerbench measure TOOL MODE LIST ...   one measurement of Dossier's side,
//	                                       run by `run` under taskset
package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: peerbench run [flags] | peerbench measure TOOL MODE LIST ...")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "measure":
		err = measure(os.Args[2:])
	case "run":
		err = runCommand(os.Args[2:])
	default:
		err = fmt.Errorf("no command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "peerbench:", err)
		os.Exit(1)
	}
}

func runCommand(args []string) error {
	fs := flag.NewFlagSet("run", flag.ExitOnError)
	var c config
	sizes := fs.String("sizes", "1,10", "corpus sizes in MB, comma-separated, smallest first")
	pageSizes := fs.String("page-sizes", "1", "corpus sizes whose articles are also measured as HTML pages")
	fs.StringVar(&c.work, "work", "/tmp/dossier-peerbench", "folder for corpora, databases and outputs")
	fs.StringVar(&c.dev, "dev", "../shared/eval/dev", "labelled dev articles (NAME.txt, NAME.gold.json)")
	fs.StringVar(&c.peers, "peers", "bench/peers", "folder of measure.mjs and its node_modules")
	fs.StringVar(&c.corpus, "corpus", "", "the built bench/corpus command")
	fs.StringVar(&c.dossier, "dossier", "", "the built dossier command, for ingest")
	fs.StringVar(&c.results, "results", "bench/RESULTS.md", "Markdown file whose generated part is rewritten")
	fs.StringVar(&c.judged, "judged", "bench/dates-judged.tsv", "dates in gold evidence that date no gold record, judged right or wrong by hand")
	fs.IntVar(&c.reps, "reps", 5, "timed passes per figure; the figure is their median")
	fs.Float64Var(&c.budget, "budget", 60, "seconds after which a figure starts no further pass")
	fs.Float64Var(&c.maxPass, "max-pass", 300, "skip a tool at a size where one pass is predicted to take longer (seconds)")
	fs.Parse(args)
	var err error
	if c.sizes, err = parseSizes(*sizes); err != nil {
		return err
	}
	if c.pageSizes, err = parseSizes(*pageSizes); err != nil {
		return err
	}
	if c.self, err = os.Executable(); err != nil {
		return err
	}
	return c.run()
}

func parseSizes(s string) ([]float64, error) {
	var out []float64
	for _, f := range strings.Split(s, ",") {
		v, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
		if err != nil || v <= 0 {
			return nil, fmt.Errorf("bad size %q", f)
		}
		out = append(out, v)
	}
	return out, nil
}
