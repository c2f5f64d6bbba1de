package register

import "github.com/dossier-osint/dossier/internal/record"

// Total sums a recipient's deals with one supplier, as a register's summary
// does: only rows in SIPRI's scope that are more than pledges count.
type Total struct {
	Recipient, Supplier string
	Deals               int
	// Ordered and Delivered add the numbers told.
	Ordered, Delivered int
	// Partial is true when a number added is approximate or a lower bound,
	// or a told order or delivery has no number.
	Partial bool
}

// Totals sums rows by recipient and supplier, in the rows' order.
func Totals(rows []Row) []Total {
	var out []Total
	at := map[[2]string]int{}
	for _, r := range rows {
		if r.Pledge || !r.InSIPRIScope {
			continue
		}
		k := [2]string{r.Recipient, r.Supplier}
		i, ok := at[k]
		if !ok {
			i = len(out)
			at[k] = i
			out = append(out, Total{Recipient: r.Recipient, Supplier: r.Supplier})
		}
		t := &out[i]
		t.Deals++
		for _, q := range []struct {
			q   *record.Quantity
			sum *int
		}{{r.Ordered, &t.Ordered}, {r.Delivered, &t.Delivered}} {
			if q.q == nil {
				continue
			}
			if q.q.Value != nil {
				*q.sum += *q.q.Value
			}
			if q.q.Value == nil || q.q.Qualifier != record.QualExact {
				t.Partial = true
			}
		}
	}
	return out
}
