package register

import (
	"sort"
	"strconv"
	"strings"

	"github.com/dossier-osint/dossier/internal/record"
)

// claim is one number told for a batch or an order, with the items telling it.
type claim struct {
	q     record.Quantity
	items []*item
}

var qualifierRank = map[string]int{record.QualExact: 0, record.QualAtLeast: 1, record.QualApprox: 2}

// reconcile finds the number the items tell of one batch or order. An exact
// number beats a vague one that fits it ("at least six" and "six" give 6
// exact, as do "about 20" and "20"); among exact numbers the one most
// sources tell wins, the larger on a tie. Numbers that do not fit the
// winner come back as a Conflict (Field unset) listing each with its
// sources, the winner among them.
func reconcile(items []*item) (record.Quantity, *Conflict) {
	var claims []*claim
	at := map[string]*claim{}
	for _, it := range items {
		q := it.Quantity
		if q.Value == nil {
			continue
		}
		if q.Qualifier != record.QualAtLeast && q.Qualifier != record.QualApprox {
			q.Qualifier = record.QualExact
		}
		k := q.Qualifier + strconv.Itoa(*q.Value)
		if at[k] == nil {
			at[k] = &claim{q: q}
			claims = append(claims, at[k])
		}
		at[k].items = append(at[k].items, it)
	}
	if len(claims) == 0 {
		return record.Quantity{Qualifier: record.QualUnknown}, nil
	}
	w := winner(claims)
	all := []*claim{w}
	for _, c := range claims {
		if c != w && !fits(c.q, w.q) {
			all = append(all, c)
		}
	}
	v := *w.q.Value
	q := record.Quantity{Value: &v, Qualifier: w.q.Qualifier}
	if len(all) == 1 {
		return q, nil
	}
	sort.Slice(all, func(i, j int) bool {
		a, b := all[i].q, all[j].q
		if *a.Value != *b.Value {
			return *a.Value < *b.Value
		}
		return qualifierRank[a.Qualifier] < qualifierRank[b.Qualifier]
	})
	conflict := &Conflict{}
	for _, c := range all {
		conflict.Values = append(conflict.Values, formatQuantity(c.q))
		conflict.Sources = append(conflict.Sources, sourceIDs(c.items))
	}
	return q, conflict
}

// winner prefers exact numbers, then approximate ones, by sources and then
// size; with only "at least" numbers, the largest holds them all.
func winner(claims []*claim) *claim {
	var best *claim
	for _, qual := range []string{record.QualExact, record.QualApprox} {
		for _, c := range claims {
			if c.q.Qualifier != qual {
				continue
			}
			if best == nil {
				best = c
				continue
			}
			n, m := len(sourceIDs(c.items)), len(sourceIDs(best.items))
			if n > m || n == m && *c.q.Value > *best.q.Value {
				best = c
			}
		}
		if best != nil {
			return best
		}
	}
	for _, c := range claims {
		if best == nil || *c.q.Value > *best.q.Value {
			best = c
		}
	}
	return best
}

// fits says whether a claim agrees with the winning one.
func fits(c, w record.Quantity) bool {
	v, wv := *c.Value, *w.Value
	switch c.Qualifier {
	case record.QualExact:
		return v == wv
	case record.QualAtLeast:
		return wv >= v || w.Qualifier == record.QualApprox && near(v, wv)
	}
	return near(v, wv)
}

// near allows "about" a fifth either way: "about 20" fits 17 to 25.
func near(a, b int) bool {
	d := a - b
	if d < 0 {
		d = -d
	}
	return 5*d <= max(a, b)
}

// sum adds distinct batches. A batch without a number or told as "at
// least" makes the sum a lower bound.
func sum(batches []Batch) *record.Quantity {
	if len(batches) == 0 {
		return nil
	}
	total, known, qual := 0, false, record.QualExact
	for _, b := range batches {
		q := b.Quantity
		if q.Value == nil || q.Qualifier == record.QualAtLeast {
			qual = record.QualAtLeast
		} else if q.Qualifier == record.QualApprox && qual == record.QualExact {
			qual = record.QualApprox
		}
		if q.Value != nil {
			total += *q.Value
			known = true
		}
	}
	if !known {
		return &record.Quantity{Qualifier: record.QualUnknown}
	}
	return &record.Quantity{Value: &total, Qualifier: qual}
}

func formatQuantity(q record.Quantity) string {
	if q.Value == nil {
		return ""
	}
	n := strconv.Itoa(*q.Value)
	switch q.Qualifier {
	case record.QualAtLeast:
		return "at least " + n
	case record.QualApprox:
		return "about " + n
	}
	return n
}

// cluster is items whose dates may tell the same day, under the most
// precise of those dates.
type cluster struct {
	date  string
	items []*item
}

// clusters groups items by compatible dates. A less precise date ("2023",
// or none) joins a more precise one ("2023-03") only when that is the
// sole cluster it fits: beside "2023-03" and "2023-09" it stays apart
// rather than be guessed into either.
func clusters(items []*item) []cluster {
	var dates []string
	seen := map[string]bool{}
	for _, it := range items {
		if !seen[it.date] {
			seen[it.date] = true
			dates = append(dates, it.date)
		}
	}
	// Longest first, so a date's finer forms are placed before it is.
	sort.Slice(dates, func(i, j int) bool {
		if len(dates[i]) != len(dates[j]) {
			return len(dates[i]) > len(dates[j])
		}
		return dates[i] < dates[j]
	})
	at := map[string]int{}
	var out []cluster
	for i, d := range dates {
		c := -1
		for _, e := range dates[:i] {
			if len(e) > len(d) && strings.HasPrefix(e, d) {
				if c == -1 {
					c = at[e]
				} else if at[e] != c {
					c = -2
					break
				}
			}
		}
		if c < 0 {
			c = len(out)
			out = append(out, cluster{date: d})
		}
		at[d] = c
	}
	for _, it := range items {
		out[at[it.date]].items = append(out[at[it.date]].items, it)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].date, out[j].date
		return a != b && (b == "" || a != "" && a < b)
	})
	return out
}

// compatible says whether two dates may tell the same day: equal, or one a
// less precise form of the other ("2023" and "2023-03").
func compatible(a, b string) bool { return strings.HasPrefix(a, b) || strings.HasPrefix(b, a) }

// cmpPrefix compares dates on the precision they share, so "2023" is
// neither before nor after "2023-03".
func cmpPrefix(a, b string) int {
	n := min(len(a), len(b))
	return strings.Compare(a[:n], b[:n])
}

// yearsBefore moves a date back n years at its own precision; "" when it
// has no year.
func yearsBefore(d string, n int) string {
	if len(d) < 4 {
		return ""
	}
	y, err := strconv.Atoi(d[:4])
	if err != nil {
		return ""
	}
	return strconv.Itoa(y-n) + d[4:]
}
