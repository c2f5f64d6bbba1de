package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/dossier-osint/dossier/internal/alerts"
	"github.com/dossier-osint/dossier/internal/feeds"
	"github.com/dossier-osint/dossier/internal/fetch"
)

// alertsEvery is how often watch looks for alerts to deliver.
const alertsEvery = time.Minute

func runWatch(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("watch", stderr)
	db := dbFlag(fs)
	user := catalogFlag(fs)
	interval := fs.Duration("interval", feeds.DefaultInterval, "time between polls of a feed (a failing one waits longer)")
	once := fs.Bool("once", false, "poll the due feeds and deliver the due alerts once, then exit")
	allowPrivate := fs.Bool("allow-private", false, "allow feeds, pages and webhooks on loopback, private and link-local addresses")
	ignoreRobots := fs.Bool("ignore-robots", false, "fetch pages that robots.txt disallows")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *interval < time.Minute {
		return usageError{fmt.Sprintf("--interval %s: at least 1m, out of courtesy to the sites polled", *interval)}
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

	watcher := feeds.New(st, cat, feeds.Options{
		Interval: *interval,
		Fetch:    fetch.Options{AllowPrivate: *allowPrivate, IgnoreRobots: *ignoreRobots},
		Log:      stderr,
	})
	dispatcher := alerts.NewDispatcher(st, alerts.Options{AllowPrivate: *allowPrivate, Log: stderr})
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	if *once {
		reports, err := watcher.PollOnce(ctx)
		fmt.Fprintln(stderr, feeds.Summarise(reports))
		delivered, failed, derr := dispatcher.DeliverDue(ctx)
		fmt.Fprintf(stderr, "alerts: %d delivered, %d failed\n", delivered, failed)
		switch {
		case err != nil:
			return err
		case derr != nil:
			return fmt.Errorf("delivering alerts: %w", derr)
		}
		for _, r := range reports {
			if r.Err != nil {
				return errReported
			}
		}
		return nil
	}
	fmt.Fprintf(stdout, "watching the followed feeds every %s; Ctrl-C stops\n", *interval)
	var wg sync.WaitGroup
	wg.Go(func() { dispatcher.Run(ctx, alertsEvery) })
	watcher.Run(ctx)
	wg.Wait()
	return nil
}
