// Command dossier extracts source-linked arms-transfer and event records
// from news articles.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

// usageError marks a mistake in how the command was called (exit code 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

const usage = `dossier: source-linked records of who arms whom, from the news

usage:
  dossier demo [--db F] [--addr A] [--no-serve]         ingest the bundled sample articles, show their register, serve the UI
  dossier serve [--db F] [--addr 127.0.0.1:8080] [--token T] [--watch 15m]
                                                         the web UI and HTTP API
  dossier extract [--format jsonl|json|table] FILE...    extract records from articles (- reads standard input)
  dossier ingest [--db F] PATH|URL|GLOB|-...             store articles and their records (folders, web archives too)
  dossier ingest --queue nats://HOST:4222 PATH|URL...    publish articles to a NATS JetStream queue for workers
  dossier worker --queue nats://HOST:4222 [--db F]       take articles from the queue, extract and store them
  dossier queue status|retry|delete --queue nats://HOST:4222   pending, in-flight and dead-lettered messages; send dead letters back to work; remove a queue
  dossier records [--db F] [filters] [--format F]        list stored records (table, json, jsonl, csv)
  dossier export [--db F] [--format jsonl|csv]           every record not rejected, in the guidelines' format
  dossier register [--db F] [--recipient X] [--supplier Y] [--format F]
                                                         one row per deal, merged across sources
  dossier search [--db F] QUERY                          full-text search with highlighted snippets
  dossier stats [--db F]                                 counts of documents and records
  dossier reextract [--db F]                             re-run extraction on stored documents, keeping reviews
  dossier migrate --from DB --to DB [--merge]            copy documents, records and reviews (SQLite file or postgres:// URL)
  dossier feeds add|list|remove|import|export ...        follow RSS, Atom and JSON feeds; OPML in and out
  dossier watch [--db F] [--interval 15m] [--once]       poll the followed feeds, ingest new items, deliver alerts
  dossier alerts add|list|remove|show ...                watchlists of transfers, their alerts and webhooks
  dossier catalog search|show|stats|unknown|import-sipri|coverage ...
                                                         the reference data of systems, makers and states
  dossier help                                           this text

The database is --db, else $DOSSIER_DB, else dossier.db in the user's data
directory. Filters: --kind --recipient --supplier --designation --category
--status --since --until --source --limit. Commands that extract take
--catalog FILE, your own systems file (catalog.tsv in the data directory by
default, if it exists).
`

func main() {
	err := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	if err == nil {
		return
	}
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(os.Stderr, "dossier: %v\n\n%s", err, usage)
		os.Exit(2)
	}
	if !errors.Is(err, errReported) {
		fmt.Fprintf(os.Stderr, "dossier: %v\n", err)
	}
	os.Exit(1)
}

// errReported says the failure was already written to standard error.
var errReported = errors.New("failed; see the messages above")

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return usageError{"no command given"}
	}
	switch args[0] {
	case "extract":
		return runExtract(args[1:], stdin, stdout, stderr)
	case "ingest":
		return runIngest(args[1:], stdin, stdout, stderr)
	case "records":
		return runRecords(args[1:], stdout, stderr)
	case "export":
		return runExport(args[1:], stdout, stderr)
	case "register":
		return runRegister(args[1:], stdout, stderr)
	case "search":
		return runSearch(args[1:], stdout, stderr)
	case "stats":
		return runStats(args[1:], stdout, stderr)
	case "reextract":
		return runReextract(args[1:], stdout, stderr)
	case "migrate":
		return runMigrate(args[1:], stdout, stderr)
	case "feeds":
		return runFeeds(args[1:], stdout, stderr)
	case "watch":
		return runWatch(args[1:], stdout, stderr)
	case "alerts":
		return runAlerts(args[1:], stdout, stderr)
	case "catalog":
		return runCatalog(args[1:], stdout, stderr)
	case "demo":
		return runDemo(args[1:], stdout, stderr)
	case "worker":
		return runWorker(args[1:], stdout, stderr)
	case "queue":
		return runQueue(args[1:], stdout, stderr)
	case "serve":
		return runServe(args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	return usageError{fmt.Sprintf("unknown command %q", args[0])}
}

// newFlags starts a command's flags; errors and -h go to stderr.
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// parseFlags reads a command's flags; a mistake is a usage error.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	return nil
}
