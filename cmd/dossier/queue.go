package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"text/tabwriter"
	"time"

	"github.com/dossier-osint/dossier/internal/queue"
)

// queueFlag adds --queue to a command.
func queueFlag(fs *flag.FlagSet) *string {
	return fs.String("queue", "", "NATS JetStream work queue, nats://HOST:4222[,nats://HOST2:4222...][/NAME] (NAME default "+queue.DefaultName+")")
}

// publishToQueue is `dossier ingest --queue`: the articles go to the queue
// for workers to store.
func publishToQueue(queueURL string, sources []string, stdin io.Reader, stdout, stderr io.Writer) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	q, err := queue.Open(ctx, queueURL, "dossier ingest")
	if err != nil {
		return err
	}
	defer q.Close()
	start := time.Now()
	sum, err := q.Publish(ctx, sources, stdin, "")
	for _, f := range sum.Failures {
		fmt.Fprintf(stderr, "dossier: %s: %v\n", f.Source, f.Err)
	}
	fmt.Fprintf(stdout, "queue %s: %d published in %s, %d already queued, %d failed\n",
		q.Name(), sum.Published, time.Since(start).Round(time.Millisecond), sum.Queued, len(sum.Failures))
	if err != nil {
		return err
	}
	if len(sum.Failures) > 0 {
		return errReported
	}
	return nil
}

// runQueue is `dossier queue status|retry|delete`.
func runQueue(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || (args[0] != "status" && args[0] != "retry" && args[0] != "delete") {
		return usageError{"queue needs a subcommand: status, retry or delete"}
	}
	fs := newFlags("queue "+args[0], stderr)
	queueURL := queueFlag(fs)
	var latest *int
	if args[0] == "status" {
		latest = fs.Int("dead", 5, "how many of the newest dead letters to show")
	}
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if *queueURL == "" {
		return usageError{"queue " + args[0] + " needs --queue nats://HOST:4222"}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	q, err := queue.Open(ctx, *queueURL, "dossier queue "+args[0])
	if err != nil {
		return err
	}
	defer q.Close()
	switch args[0] {
	case "delete":
		if err := q.Delete(ctx); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "queue %s deleted, with its messages and dead letters\n", q.Name())
		return nil
	case "retry":
		moved, err := q.Retry(ctx)
		fmt.Fprintf(stdout, "queue %s: %d dead letters sent back to the workers\n", q.Name(), moved)
		return err
	}
	st, err := q.Status(ctx, *latest)
	if err != nil {
		return err
	}
	printStatus(stdout, q.Name(), st)
	return nil
}

func printStatus(w io.Writer, name string, st queue.Status) {
	fmt.Fprintf(w, "queue %s\n", name)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  pending\t%d\n", st.Pending)
	fmt.Fprintf(tw, "  in flight\t%d\n", st.InFlight)
	fmt.Fprintf(tw, "  redelivered\t%d\n", st.Redelivered)
	fmt.Fprintf(tw, "  dead-lettered\t%d\n", st.Dead)
	fmt.Fprintf(tw, "  waiting requests\t%d\n", st.Waiting)
	tw.Flush()
	if len(st.Latest) > 0 {
		fmt.Fprintln(w, "\nnewest dead letters:")
		for _, d := range st.Latest {
			fmt.Fprintf(w, "  %s  %s (%d deliveries): %s\n", d.Time.Local().Format(time.DateTime), d.Source, d.Deliveries, d.Error)
		}
	}
}
