package server

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/dossier-osint/dossier/internal/register"
)

// chart is a stacked bar chart of a country's deals by year and supplier,
// laid out here and drawn as SVG by the template, so that the page needs
// no script.
type chart struct {
	Width, Height int
	// LabelY is the baseline of the year labels.
	LabelY int
	Bars   []bar
	Legend []legendEntry
	Ticks  []tick
	// Undated counts the deals left out for want of a year.
	Undated int
}

type bar struct {
	Year     string
	X, Width int
	Segments []segment
	Total    int
}

type segment struct {
	Supplier string
	Count    int
	Y, H     int
	Fill     string
}

type legendEntry struct {
	Supplier, Fill string
	Count          int
}

type tick struct {
	Y     int
	Label string
}

// Layout of the plot area inside the SVG, in user units.
const (
	chartWidth, chartHeight = 640, 240
	plotLeft, plotBottom    = 36, 24
	plotTop                 = 8
)

// palette tells suppliers apart; it is read well by people with the
// common colour-vision deficiencies (Okabe and Ito's palette).
var palette = []string{"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999"}

// rowYear is the year a deal is charted in: its first delivery, else its
// order.
func rowYear(r register.Row) string {
	date := r.OrderDate
	if len(r.DeliveryDates) > 0 {
		date = r.DeliveryDates[0]
	}
	if len(date) < 4 {
		return ""
	}
	return date[:4]
}

// newChart counts the deals of rows by year and supplier.
func newChart(rows []register.Row, supplierName func(string) string) chart {
	counts := map[string]map[string]int{}
	totals := map[string]int{}
	c := chart{Width: chartWidth, Height: chartHeight, LabelY: chartHeight - 6}
	for _, r := range rows {
		year := rowYear(r)
		if year == "" || r.Pledge {
			c.Undated++
			continue
		}
		supplier := supplierName(r.Supplier)
		if counts[year] == nil {
			counts[year] = map[string]int{}
		}
		counts[year][supplier]++
		totals[supplier]++
	}
	if len(counts) == 0 {
		return c
	}
	suppliers := make([]string, 0, len(totals))
	for s := range totals {
		suppliers = append(suppliers, s)
	}
	slices.SortFunc(suppliers, func(a, b string) int { return cmp.Or(totals[b]-totals[a], cmp.Compare(a, b)) })
	fill := map[string]string{}
	for i, s := range suppliers {
		fill[s] = palette[min(i, len(palette)-1)]
		c.Legend = append(c.Legend, legendEntry{Supplier: s, Fill: fill[s], Count: totals[s]})
	}

	// Every year from the first to the last, so that gaps show as gaps.
	var first, last int
	peak := 0
	for y, bySupplier := range counts {
		n, _ := strconv.Atoi(y)
		if first == 0 || n < first {
			first = n
		}
		last = max(last, n)
		sum := 0
		for _, k := range bySupplier {
			sum += k
		}
		peak = max(peak, sum)
	}
	plotW, plotH := chartWidth-plotLeft, chartHeight-plotBottom-plotTop
	slot := plotW / (last - first + 1)
	for n := first; n <= last; n++ {
		year := strconv.Itoa(n)
		b := bar{Year: year, X: plotLeft + (n-first)*slot + slot/8, Width: max(slot*3/4, 1)}
		base := chartHeight - plotBottom
		for _, s := range suppliers {
			k := counts[year][s]
			if k == 0 {
				continue
			}
			h := k * plotH / peak
			base -= h
			b.Segments = append(b.Segments, segment{Supplier: s, Count: k, Y: base, H: h, Fill: fill[s]})
			b.Total += k
		}
		c.Bars = append(c.Bars, b)
	}
	for _, v := range []int{0, peak / 2, peak} {
		if v == 0 && peak > 0 || v > 0 {
			c.Ticks = append(c.Ticks, tick{Y: chartHeight - plotBottom - v*plotH/peak, Label: strconv.Itoa(v)})
		}
	}
	c.Ticks = slices.CompactFunc(c.Ticks, func(a, b tick) bool { return a.Label == b.Label })
	return c
}
