package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/dossier-osint/dossier/internal/alerts"
	"github.com/dossier-osint/dossier/internal/catalog"
	"github.com/dossier-osint/dossier/internal/fetch"
	"github.com/dossier-osint/dossier/internal/queue"
	"github.com/dossier-osint/dossier/internal/store"
)

// runWorker is `dossier worker`: it takes articles from the queue and
// stores them until SIGINT or SIGTERM, then finishes what it holds.
func runWorker(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("worker", stderr)
	queueURL := queueFlag(fs)
	db := dbFlag(fs)
	workers := fs.Int("workers", 0, "documents parsed and extracted at once (default: one per core)")
	ackWait := fs.Duration("ack-wait", queue.DefaultAckWait, "how long a message may go unacknowledged before another worker gets it (a busy worker extends it)")
	untilEmpty := fs.Bool("until-empty", false, "exit once no message is pending or in flight")
	allowPrivate := fs.Bool("allow-private", false, "allow fetching from loopback, private and link-local addresses")
	ignoreRobots := fs.Bool("ignore-robots", false, "fetch pages that robots.txt disallows")
	user := catalogFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *queueURL == "" {
		return usageError{"worker needs --queue nats://HOST:4222"}
	}
	if *ackWait < time.Second {
		return usageError{fmt.Sprintf("--ack-wait %s: at least 1s, or messages go back to the queue while they are being stored", *ackWait)}
	}
	cat, err := loadCatalog(*user)
	if err != nil {
		return err
	}
	opt := queue.WorkerOptions{Workers: *workers, AckWait: *ackWait, UntilEmpty: *untilEmpty,
		Fetch: fetch.New(fetch.Options{AllowPrivate: *allowPrivate, IgnoreRobots: *ignoreRobots}).Fetch,
		Log:   log.New(stderr, "dossier worker: ", log.LstdFlags).Printf}
	return withStore(*db, func(ctx context.Context, st store.Store) error {
		// Alerts on what this worker stores go out from here too; more
		// workers may deliver one twice, so receivers key on its id.
		ctx, cancel := context.WithCancel(ctx)
		var delivering sync.WaitGroup
		delivering.Go(func() {
			alerts.NewDispatcher(st, alerts.Options{AllowPrivate: *allowPrivate, Log: stderr}).Run(ctx, alertsEvery)
		})
		err := work(ctx, *queueURL, st, cat, opt, stdout)
		cancel()
		delivering.Wait()
		if err == nil { // the alerts of what was stored since the last round
			deliverAlerts(context.Background(), st, *allowPrivate, stderr)
		}
		return err
	})
}

// work runs a worker until SIGINT or SIGTERM (or an empty queue, with
// opt.UntilEmpty) and prints what it did.
func work(ctx context.Context, queueURL string, st store.Store, cat *catalog.Catalog, opt queue.WorkerOptions, stdout io.Writer) error {
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		stop() // a second signal ends the process at once
	}()
	q, err := queue.Open(ctx, queueURL, "dossier worker")
	if err != nil {
		return err
	}
	defer q.Close()
	start := time.Now()
	sum, err := q.Work(ctx, st, cat, opt)
	elapsed := time.Since(start)
	docs := sum.New + sum.Duplicate
	fmt.Fprintf(stdout, "queue %s: %d documents in %s (%.0f/s): %d new, %d already stored; %d records added; %d attempts failed and retried, %d dead-lettered\n",
		q.Name(), docs, elapsed.Round(time.Millisecond), float64(docs)/elapsed.Seconds(), sum.New, sum.Duplicate, sum.Records, sum.Retried, sum.DeadLettered)
	return err
}
