package catalog

import (
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/dossier-osint/dossier/internal/record"
)

// Hit is a system found by Search, with how well its best name fits.
type Hit struct {
	System *System
	Name   string // the designation or alias that fitted
	Score  int    // 100 equal, 80 prefix, 60 contained, less for near spellings
}

// Search finds systems whose designation or an alias is like term, folding
// case, accents and punctuation ("vn 2c" finds VN2C, "tb-2" Bayraktar TB2),
// best first.
func (c *Catalog) Search(term string, limit int) []Hit {
	q := Fold(term)
	if q == "" {
		return nil
	}
	var hits []Hit
	for i := range c.Systems {
		s := &c.Systems[i]
		best := Hit{System: s}
		for _, name := range append([]string{s.Designation}, s.Aliases...) {
			if sc := matchScore(q, Fold(name)); sc > best.Score {
				best.Score, best.Name = sc, name
			}
		}
		if best.Score > 0 {
			hits = append(hits, best)
		}
	}
	sort.SliceStable(hits, func(i, j int) bool {
		if hits[i].Score != hits[j].Score {
			return hits[i].Score > hits[j].Score
		}
		return len(hits[i].System.Designation) < len(hits[j].System.Designation)
	})
	if limit > 0 && len(hits) > limit {
		hits = hits[:limit]
	}
	return hits
}

func matchScore(q, name string) int {
	switch {
	case name == "":
		return 0
	case q == name:
		return 100
	case strings.HasPrefix(name, q):
		return 80
	case len(q) >= 3 && strings.Contains(name, q):
		return 60
	case len(q) >= 4 && editDistance(q, name, 2) <= 1:
		return 50
	case len(q) >= 6 && editDistance(q, name, 2) <= 2:
		return 40
	}
	return 0
}

// editDistance is Levenshtein's distance, stopped early once it exceeds max.
func editDistance(a, b string, max int) int {
	if d := len(a) - len(b); d > max || -d > max {
		return max + 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > max {
			return max + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// System returns the system a designation or alias names, or nil.
func (c *Catalog) System(name string) *System {
	for _, m := range c.matcher.FindAll(name) {
		if m.Start != 0 || m.End != len(strings.TrimSpace(name)) {
			continue
		}
		for _, r := range m.Refs {
			if r.Kind == SystemName {
				return &c.Systems[r.Index]
			}
		}
	}
	return nil
}

// Recognises says whether text names a catalogued system anywhere in it:
// "K-9 Thunder 155mm" holds K9.
func (c *Catalog) Recognises(text string) bool {
	for _, m := range c.matcher.FindAll(text) {
		for _, r := range m.Refs {
			if r.Kind == SystemName {
				return true
			}
		}
	}
	return false
}

// Family returns the variants of a system's family, the system included.
func (c *Catalog) Family(s *System) []*System {
	root := s.Designation
	if s.Family != "" {
		root = s.Family
	}
	var out []*System
	for i := range c.Systems {
		t := &c.Systems[i]
		if t.Designation == root || t.Family == root {
			out = append(out, t)
		}
	}
	return out
}

// Count is a number of systems under a name.
type Count struct {
	Name string
	N    int
}

// CountBy counts systems by a key (category, country), most first.
func (c *Catalog) CountBy(key func(*System) string) []Count {
	n := map[string]int{}
	for i := range c.Systems {
		n[key(&c.Systems[i])]++
	}
	out := make([]Count, 0, len(n))
	for k, v := range n {
		out = append(out, Count{k, v})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].N > out[j].N || out[i].N == out[j].N && out[i].Name < out[j].Name })
	return out
}

// SystemsHeader is the header line of a systems file.
var SystemsHeader = []string{"designation", "aliases", "category", "maker", "country", "family", "source"}

// WithUserSystems returns a copy of the catalog with the systems of a
// user's file (the systems format of data/FORMAT.md) added; a row whose
// designation the catalog has already replaces that entry.
func (c *Catalog) WithUserSystems(path string) (*Catalog, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("user catalog: %w", err)
	}
	rows, err := parseTSV(path, string(data), SystemsHeader)
	if err != nil {
		return nil, err
	}
	out := &Catalog{Countries: c.Countries, Organisations: c.Organisations, Terms: c.Terms, Places: c.Places}
	out.Systems = append([]System(nil), c.Systems...)
	at := map[string]int{}
	for i, s := range out.Systems {
		at[Fold(s.Designation)] = i
	}
	for n, r := range rows {
		if !validCategory(r[2]) {
			return nil, fmt.Errorf("user catalog %s: row %d (%s): unknown category %q", path, n+1, r[0], r[2])
		}
		s := System{Designation: r[0], Aliases: split(r[1]), Category: r[2], Maker: r[3], Country: r[4], Family: r[5], Source: r[6]}
		if i, ok := at[Fold(s.Designation)]; ok {
			out.Systems[i] = s
			continue
		}
		at[Fold(s.Designation)] = len(out.Systems)
		out.Systems = append(out.Systems, s)
	}
	out.index()
	return out, nil
}

func validCategory(c string) bool {
	for _, k := range record.Categories {
		if c == k {
			return true
		}
	}
	return false
}
