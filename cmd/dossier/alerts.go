package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/dossier-osint/dossier/internal/alerts"
	"github.com/dossier-osint/dossier/internal/catalog"
	"github.com/dossier-osint/dossier/internal/record"
	"github.com/dossier-osint/dossier/internal/store"
)

const alertsUsage = `usage:
  dossier alerts add [--db F] [--recipient X] [--supplier Y] [--category C] [--webhook URL [--secret S]]
                                                  watch for new transfers matching every criterion given
  dossier alerts list [--db F]                    watchlists with their counts of alerts and undelivered ones
  dossier alerts remove [--db F] ID               delete a watchlist and its alerts
  dossier alerts show [--db F] [--watchlist ID] [--limit N]
                                                  recent alerts, newest first
`

func runAlerts(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return usageError{"alerts needs a subcommand\n\n" + alertsUsage}
	}
	fs := newFlags("alerts "+args[0], stderr)
	db := dbFlag(fs)
	var w store.Watchlist
	fs.StringVar(&w.Recipient, "recipient", "", "add: recipient state, ISO alpha-3 (MLI)")
	fs.StringVar(&w.Supplier, "supplier", "", "add: supplier state, ISO alpha-3 (TUR)")
	fs.StringVar(&w.Category, "category", "", "add: category ("+strings.Join(record.Categories, ", ")+")")
	fs.StringVar(&w.Webhook, "webhook", "", "add: http(s) address that receives each alert as a signed JSON POST")
	fs.StringVar(&w.Secret, "secret", "", "add: key of the webhook's HMAC signature (default: a random one, printed once)")
	watchlist := fs.Int64("watchlist", 0, "show: only this watchlist's alerts")
	limit := fs.Int("limit", 20, "show: at most this many alerts (0: all)")
	pos, err := parseAnyOrder(fs, args[1:])
	if err != nil {
		return err
	}
	switch args[0] {
	case "add":
		if err := checkWatchlist(&w, len(pos)); err != nil {
			return usageError{err.Error()}
		}
		return withStore(*db, func(ctx context.Context, st store.Store) error { return addWatchlist(ctx, stdout, st, w) })
	case "list":
		return withStore(*db, func(ctx context.Context, st store.Store) error { return listWatchlists(ctx, stdout, st) })
	case "remove":
		id, err := oneID(pos)
		if err != nil {
			return err
		}
		return withStore(*db, func(ctx context.Context, st store.Store) error {
			err := st.RemoveWatchlist(ctx, id)
			if errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("no watchlist %d (see dossier alerts list)", id)
			}
			if err == nil {
				fmt.Fprintf(stdout, "removed watchlist %d and its alerts\n", id)
			}
			return err
		})
	case "show":
		return withStore(*db, func(ctx context.Context, st store.Store) error {
			return showAlerts(ctx, stdout, st, store.AlertFilter{WatchlistID: *watchlist, Limit: *limit})
		})
	}
	return usageError{fmt.Sprintf("unknown alerts subcommand %q\n\n%s", args[0], alertsUsage)}
}

var iso3 = regexp.MustCompile(`^[A-Z]{3}$`)

// checkWatchlist refuses criteria no transfer could match and a webhook
// Dossier could not post to.
func checkWatchlist(w *store.Watchlist, extra int) error {
	if extra > 0 {
		return errors.New("alerts add takes only flags")
	}
	cat, err := catalog.Default()
	if err != nil {
		return err
	}
	for _, c := range []struct{ flag, code string }{{"recipient", w.Recipient}, {"supplier", w.Supplier}} {
		switch {
		case c.code == "":
		case !iso3.MatchString(c.code):
			return fmt.Errorf("--%s %q: want an upper-case ISO alpha-3 code such as %s", c.flag, c.code, strings.ToUpper(c.code))
		case cat.Country(c.code) == nil:
			return fmt.Errorf("--%s %q: no state has this ISO alpha-3 code", c.flag, c.code)
		}
	}
	if w.Category != "" && !slices.Contains(record.Categories, w.Category) {
		return fmt.Errorf("--category %q: want one of %s", w.Category, strings.Join(record.Categories, ", "))
	}
	if w.Recipient == "" && w.Supplier == "" && w.Category == "" {
		return errors.New("alerts add needs at least one of --recipient, --supplier and --category")
	}
	if w.Webhook == "" {
		if w.Secret != "" {
			return errors.New("--secret signs webhooks; it needs --webhook")
		}
		return nil
	}
	return checkWebURL("webhook", w.Webhook)
}

func addWatchlist(ctx context.Context, stdout io.Writer, st store.Store, w store.Watchlist) error {
	generated := w.Webhook != "" && w.Secret == ""
	if generated {
		w.Secret = alerts.NewSecret()
	}
	if err := st.AddWatchlist(ctx, &w); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "watchlist %d: %s\n", w.ID, alerts.Describe(w))
	if generated {
		fmt.Fprintf(stdout, "webhook %s, signed with the secret %s\n(shown once: keep it to verify the %s header)\n", w.Webhook, w.Secret, alerts.SignatureHeader)
	}
	return nil
}

func listWatchlists(ctx context.Context, w io.Writer, st store.Store) error {
	lists, err := st.Watchlists(ctx)
	if err != nil {
		return err
	}
	if len(lists) == 0 {
		fmt.Fprintln(w, "no watchlist; add one with: dossier alerts add --recipient X --category C")
		return nil
	}
	all, err := st.Alerts(ctx, store.AlertFilter{})
	if err != nil {
		return err
	}
	count, undelivered := map[int64]int{}, map[int64]int{}
	for _, a := range all {
		count[a.WatchlistID]++
		if a.Delivered.IsZero() {
			undelivered[a.WatchlistID]++
		}
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tCRITERIA\tWEBHOOK\tALERTS\tUNDELIVERED")
	for _, l := range lists {
		pending := "-"
		if l.Webhook != "" {
			pending = strconv.Itoa(undelivered[l.ID])
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%s\n", l.ID, alerts.Describe(l), dash(l.Webhook), count[l.ID], pending)
	}
	return tw.Flush()
}

func showAlerts(ctx context.Context, w io.Writer, st store.Store, f store.AlertFilter) error {
	found, err := st.Alerts(ctx, f)
	if err != nil {
		return err
	}
	lists, err := st.Watchlists(ctx)
	if err != nil {
		return err
	}
	hooked := map[int64]bool{}
	for _, l := range lists {
		hooked[l.ID] = l.Webhook != ""
	}
	if len(found) == 0 {
		fmt.Fprintln(w, "no alert")
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tRAISED\tWATCHLIST\tTRANSFER\tDOCUMENT\tWEBHOOK")
	for _, a := range found {
		fmt.Fprintf(tw, "%d\t%s\t%d\t%s\t%d\t%s\n", a.ID, when(a.Created, "-"), a.WatchlistID, alerts.Title(a.Record.Record),
			a.Record.DocumentID, deliveryState(a, hooked[a.WatchlistID]))
	}
	return tw.Flush()
}

func deliveryState(a store.Alert, hooked bool) string {
	switch {
	case !hooked:
		return "-"
	case !a.Delivered.IsZero():
		return "delivered " + when(a.Delivered, "")
	case a.Attempts == 0:
		return "pending"
	}
	return fmt.Sprintf("%d attempts, next %s: %s", a.Attempts, when(a.NextAttempt, "now"), a.LastError)
}

func oneID(pos []string) (int64, error) {
	if len(pos) == 1 {
		if id, err := strconv.ParseInt(pos[0], 10, 64); err == nil {
			return id, nil
		}
	}
	return 0, usageError{"alerts remove needs one watchlist ID (see dossier alerts list)"}
}

// ingestDeliveryBudget bounds the webhook deliveries that close an
// ingest, so that a slow webhook never holds it up for long.
var ingestDeliveryBudget = 5 * time.Second

// deliverAlerts posts the alerts that are due, within the budget, unless
// ctx (the ingest) was interrupted; what fails is retried later by
// dossier watch or the next ingest.
func deliverAlerts(ctx context.Context, st store.Store, allowPrivate bool, stderr io.Writer) {
	if ctx.Err() != nil {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, ingestDeliveryBudget)
	defer cancel()
	d := alerts.NewDispatcher(st, alerts.Options{AllowPrivate: allowPrivate, Timeout: ingestDeliveryBudget, Log: stderr})
	delivered, failed, err := d.DeliverDue(ctx)
	if err != nil {
		fmt.Fprintf(stderr, "dossier: delivering alerts: %v\n", err)
	}
	if delivered+failed > 0 {
		fmt.Fprintf(stderr, "alerts: %d delivered, %d failed (tried again later)\n", delivered, failed)
	}
}
