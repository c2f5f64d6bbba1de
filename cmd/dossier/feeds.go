package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"text/tabwriter"
	"time"

	"github.com/dossier-osint/dossier/internal/feeds"
	"github.com/dossier-osint/dossier/internal/fetch"
	"github.com/dossier-osint/dossier/internal/store"
)

const feedsUsage = `usage:
  dossier feeds add [--db F] URL [--name NAME]   follow an RSS, Atom or JSON feed
  dossier feeds list [--db F]                    followed feeds: last poll, failures, next poll, last error
  dossier feeds remove [--db F] URL|ID           stop following a feed
  dossier feeds import [--db F] FILE.opml        follow the feeds of a feed reader's OPML export
  dossier feeds export [--db F]                  the followed feeds as OPML 2.0
`

func runFeeds(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return usageError{"feeds needs a subcommand\n\n" + feedsUsage}
	}
	fs := newFlags("feeds "+args[0], stderr)
	db := dbFlag(fs)
	name := fs.String("name", "", "add: the feed's name")
	pos, err := parseAnyOrder(fs, args[1:])
	if err != nil {
		return err
	}
	needOne := func(what string) error {
		if len(pos) != 1 {
			return usageError{fmt.Sprintf("feeds %s needs %s", args[0], what)}
		}
		return nil
	}
	switch args[0] {
	case "add":
		if err := needOne("one URL"); err != nil {
			return err
		}
		if err := checkWebURL("feed", pos[0]); err != nil {
			return usageError{err.Error()}
		}
		return withStore(*db, func(ctx context.Context, st store.Store) error {
			f := store.Feed{URL: pos[0], Name: *name}
			if err := st.AddFeed(ctx, &f); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "following feed %d: %s\n", f.ID, f.URL)
			return nil
		})
	case "list":
		return withStore(*db, func(ctx context.Context, st store.Store) error { return listFeeds(ctx, stdout, st) })
	case "remove":
		if err := needOne("a URL or an ID"); err != nil {
			return err
		}
		return withStore(*db, func(ctx context.Context, st store.Store) error { return removeFeed(ctx, stdout, st, pos[0]) })
	case "import":
		if err := needOne("an OPML FILE"); err != nil {
			return err
		}
		return withStore(*db, func(ctx context.Context, st store.Store) error { return importFeeds(ctx, stdout, stderr, st, pos[0]) })
	case "export":
		return withStore(*db, func(ctx context.Context, st store.Store) error {
			list, err := st.Feeds(ctx)
			if err != nil {
				return err
			}
			return feeds.WriteOPML(stdout, list)
		})
	}
	return usageError{fmt.Sprintf("unknown feeds subcommand %q\n\n%s", args[0], feedsUsage)}
}

// parseAnyOrder reads flags before, between and after the positional
// arguments ("feeds add URL --name N"), where flag.Parse alone stops at
// the first positional one. It returns the positional arguments.
func parseAnyOrder(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := parseFlags(fs, args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// checkWebURL refuses an address Dossier cannot fetch or post to.
func checkWebURL(what, raw string) error {
	if err := fetch.CheckURL(raw); err != nil {
		return fmt.Errorf("%s address %q: %v", what, raw, err)
	}
	return nil
}

func listFeeds(ctx context.Context, w io.Writer, st store.Store) error {
	list, err := st.Feeds(ctx)
	if err != nil {
		return err
	}
	if len(list) == 0 {
		fmt.Fprintln(w, "no feed followed; add one with: dossier feeds add URL")
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tURL\tLAST POLL\tFAILURES\tNEXT POLL\tLAST ERROR")
	for _, f := range list {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d\t%s\t%s\n", f.ID, dash(f.Name), f.URL, when(f.LastPolled, "never"), f.Failures,
			when(f.NextPoll, "due"), dash(f.LastError))
	}
	return tw.Flush()
}

// when writes a stored time in local time, or instead for the zero time.
func when(t time.Time, instead string) string {
	if t.IsZero() {
		return instead
	}
	return t.Local().Format("2006-01-02 15:04")
}

func removeFeed(ctx context.Context, w io.Writer, st store.Store, urlOrID string) error {
	list, err := st.Feeds(ctx)
	if err != nil {
		return err
	}
	id, _ := strconv.ParseInt(urlOrID, 10, 64)
	for _, f := range list {
		if f.ID == id || f.URL == urlOrID {
			if err := st.RemoveFeed(ctx, f.ID); err != nil {
				return err
			}
			fmt.Fprintf(w, "stopped following feed %d: %s\n", f.ID, f.URL)
			return nil
		}
	}
	return fmt.Errorf("no followed feed has the address or ID %q (see dossier feeds list)", urlOrID)
}

// importFeeds follows every feed of an OPML file; one that is followed
// already or has a bad address is reported and the others go on.
func importFeeds(ctx context.Context, stdout, stderr io.Writer, st store.Store, file string) error {
	in, err := os.Open(file)
	if err != nil {
		return err
	}
	defer in.Close()
	subs, err := feeds.ReadOPML(in)
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	var added, known, refused int
	for _, s := range subs {
		if err := checkWebURL("feed "+dash(s.Name), s.URL); err != nil {
			fmt.Fprintf(stderr, "dossier: %s: %v\n", file, err)
			refused++
			continue
		}
		err := st.AddFeed(ctx, &store.Feed{URL: s.URL, Name: s.Name})
		switch {
		case errors.Is(err, store.ErrExists):
			known++
		case err != nil:
			return err
		default:
			added++
		}
	}
	fmt.Fprintf(stdout, "%s: %d feeds followed, %d already followed, %d refused\n", file, added, known, refused)
	if refused > 0 {
		return errReported
	}
	return nil
}
