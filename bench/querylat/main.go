// Command querylat measures how fast a database answers the queries an
// analyst makes most: filtered records and a recipient's register.
//
//	go run ./bench/querylat -db /tmp/bench.db -n 200
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"sort"
	"time"

	"github.com/dossier-osint/dossier/internal/catalog"
	"github.com/dossier-osint/dossier/internal/register"
	"github.com/dossier-osint/dossier/internal/store"
	"github.com/dossier-osint/dossier/internal/store/sqlite"
)

func main() {
	db := flag.String("db", "", "database file")
	n := flag.Int("n", 200, "queries of each kind")
	flag.Parse()
	if err := run(*db, *n); err != nil {
		fmt.Fprintln(os.Stderr, "querylat:", err)
		os.Exit(1)
	}
}

func run(db string, n int) error {
	st, err := sqlite.Open(db)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := context.Background()
	cat := catalog.MustDefault()
	stats, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	var recipients []string
	for r := range stats.ByRecipient {
		recipients = append(recipients, r)
	}
	sort.Strings(recipients)
	if len(recipients) == 0 {
		return fmt.Errorf("%s holds no records", db)
	}
	measure := func(name string, q func(i int) error) error {
		times := make([]time.Duration, n)
		for i := range n {
			start := time.Now()
			if err := q(i); err != nil {
				return err
			}
			times[i] = time.Since(start)
		}
		sort.Slice(times, func(a, b int) bool { return times[a] < times[b] })
		fmt.Printf("%-36s p50 %7.2f ms  p99 %7.2f ms\n", name, ms(times[n/2]), ms(times[n*99/100]))
		return nil
	}
	if err := measure("records --recipient X --limit 100", func(i int) error {
		_, err := st.Records(ctx, store.Filter{Recipient: recipients[i%len(recipients)], Limit: 100})
		return err
	}); err != nil {
		return err
	}
	if err := measure("records --status delivered --since Y", func(i int) error {
		_, err := st.Records(ctx, store.Filter{Status: "delivered", Since: fmt.Sprint(2015 + i%10), Limit: 100})
		return err
	}); err != nil {
		return err
	}
	// The register path of the CLI and the server: load, then merge.
	return measure("register --recipient X", func(i int) error {
		in, err := register.Load(ctx, st, cat, recipients[i%len(recipients)])
		if err != nil {
			return err
		}
		register.Build(in, cat)
		return nil
	})
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
