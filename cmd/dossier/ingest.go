package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/dossier-osint/dossier/internal/fetch"
	"github.com/dossier-osint/dossier/internal/ingest"
)

func runIngest(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("ingest", stderr)
	db := dbFlag(fs)
	workers := fs.Int("workers", 0, "parallel extraction workers (default: one per core)")
	allowPrivate := fs.Bool("allow-private", false, "allow fetching from loopback, private and link-local addresses")
	user := catalogFlag(fs)
	ignoreRobots := fs.Bool("ignore-robots", false, "fetch pages that robots.txt disallows")
	queueURL := queueFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"ingest needs at least one PATH, URL, glob or - for standard input"}
	}
	if *queueURL != "" {
		return publishToQueue(*queueURL, fs.Args(), stdin, stdout, stderr)
	}
	cat, err := loadCatalog(*user)
	if err != nil {
		return err
	}
	st, err := openStore(*db)
	if err != nil {
		return err
	}
	defer st.Close()

	fetcher := fetch.New(fetch.Options{AllowPrivate: *allowPrivate, IgnoreRobots: *ignoreRobots})
	opt := ingest.Options{
		Workers: *workers,
		Fetch:   fetcher.Fetch,
	}
	if f, ok := stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		bar := progressbar.NewOptions(countInputs(fs.Args()),
			progressbar.OptionSetWriter(stderr), progressbar.OptionSetDescription("ingesting"),
			progressbar.OptionShowCount(), progressbar.OptionShowIts(), progressbar.OptionSetItsString("docs"),
			progressbar.OptionSetPredictTime(true), progressbar.OptionClearOnFinish(), progressbar.OptionThrottle(100*time.Millisecond))
		opt.Progress = func(done int) { bar.Set(done) }
		defer bar.Finish()
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	start := time.Now()
	sum, err := ingest.Run(ctx, st, cat, fs.Args(), stdin, opt)
	elapsed := time.Since(start)
	for _, f := range sum.Failures {
		fmt.Fprintf(stderr, "dossier: %s: %v\n", f.Source, f.Err)
	}
	docs := sum.New + sum.Duplicate + len(sum.Failures)
	fmt.Fprintf(stdout, "%d documents in %s (%.0f/s): %d new (%d reprints of stored stories), %d already stored, %d failed; %d records added\n",
		docs, elapsed.Round(time.Millisecond), float64(docs)/elapsed.Seconds(), sum.New, sum.NearDuplicate, sum.Duplicate, len(sum.Failures), sum.Records)
	deliverAlerts(ctx, st, *allowPrivate, stderr)
	if err != nil {
		return err
	}
	if len(sum.Failures) > 0 {
		return errReported
	}
	return nil
}

// countInputs counts the documents the sources hold for the progress bar;
// -1 (an open-ended bar) when a web archive or an unreadable source makes
// the number unknown.
func countInputs(sources []string) int {
	n := 0
	for _, s := range sources {
		files, err := ingest.Expand(s)
		if err != nil {
			return -1
		}
		for _, f := range files {
			if ingest.IsWARC(f) {
				return -1
			}
		}
		n += len(files)
	}
	return n
}
