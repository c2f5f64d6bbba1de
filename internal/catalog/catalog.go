// Package catalog holds Dossier's reference data: states, organisations,
// weapon systems and the words that name kinds of equipment. The data are
// plain TSV files embedded in the binary (see data/FORMAT.md); this package
// loads them and finds their names in text.
package catalog

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
)

//go:embed data
var embedded embed.FS

// Country is a state, current or former.
type Country struct {
	ISO3     string
	ISO2     string
	Name     string
	Aliases  []string
	Demonyms []string
	Capitals []string
	Former   bool
}

// Organisation is a maker, seller, government body or bloc.
type Organisation struct {
	Name    string
	Country string // ISO3; "" for blocs
	Kind    string // maker, seller, government, bloc
	Aliases []string
}

// System is one weapon system or variant.
type System struct {
	Designation string
	Aliases     []string
	Category    string
	Maker       string
	Country     string
	Family      string
	Source      string
}

// Term is a word or phrase naming a kind of equipment.
type Term struct {
	Text     string
	Category string
	// Generic terms can stand for the equipment of a deal with no designation.
	Generic bool
}

// Catalog is the loaded reference data and its name matcher.
type Catalog struct {
	Countries     []Country
	Organisations []Organisation
	Systems       []System
	Terms         []Term
	// Places are geographic names that hold a state's name but are not the
	// state ("Latin America", "Lake Chad").
	Places []string

	countryByISO3 map[string]int
	countryByName map[string]int
	orgByName     map[string]int
	familyRoot    []int // per system, the index of its family's root, or -1
	matcher       *Matcher
}

var (
	defaultOnce sync.Once
	defaultCat  *Catalog
	defaultErr  error
)

// Default returns the embedded catalog, loaded once.
func Default() (*Catalog, error) {
	defaultOnce.Do(func() { defaultCat, defaultErr = Load(embedded) })
	return defaultCat, defaultErr
}

// MustDefault is Default for tests and tools where a broken embedded catalog
// is a build error.
func MustDefault() *Catalog {
	c, err := Default()
	if err != nil {
		panic(err)
	}
	return c
}

// Embedded returns the file system of the embedded data, laid out as Load
// reads it, so a test can combine it with data of its own.
func Embedded() fs.FS { return embedded }

// Load reads a catalog from a file system laid out like data/.
func Load(fsys fs.FS) (*Catalog, error) {
	c := &Catalog{}
	rows, err := ReadTSV(fsys, "data/countries.tsv", []string{"iso3", "iso2", "name", "aliases", "demonyms", "capitals", "kind", "source"})
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		c.Countries = append(c.Countries, Country{ISO3: r[0], ISO2: r[1], Name: r[2], Aliases: split(r[3]),
			Demonyms: split(r[4]), Capitals: split(r[5]), Former: r[6] == "former"})
	}
	if err := eachTSV(fsys, "data/organisations", []string{"name", "country", "kind", "aliases", "source"}, func(r []string) {
		c.Organisations = append(c.Organisations, Organisation{Name: r[0], Country: r[1], Kind: r[2], Aliases: split(r[3])})
	}); err != nil {
		return nil, err
	}
	if err := eachTSV(fsys, "data/systems", []string{"designation", "aliases", "category", "maker", "country", "family", "source"}, func(r []string) {
		c.Systems = append(c.Systems, System{Designation: r[0], Aliases: split(r[1]), Category: r[2], Maker: r[3],
			Country: r[4], Family: r[5], Source: r[6]})
	}); err != nil {
		return nil, err
	}
	rows, err = ReadTSV(fsys, "data/categories.tsv", []string{"term", "category", "generic", "source"})
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		c.Terms = append(c.Terms, Term{Text: r[0], Category: r[1], Generic: r[2] == "yes"})
	}
	rows, err = ReadTSV(fsys, "data/places.tsv", []string{"name", "source"})
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		c.Places = append(c.Places, r[0])
	}
	c.index()
	return c, nil
}

func (c *Catalog) index() {
	c.countryByISO3 = make(map[string]int, len(c.Countries))
	c.countryByName = make(map[string]int, len(c.Countries))
	for i, k := range c.Countries {
		c.countryByISO3[k.ISO3] = i
		for _, name := range append([]string{k.Name}, k.Aliases...) {
			if _, taken := c.countryByName[Fold(name)]; !taken {
				c.countryByName[Fold(name)] = i
			}
		}
	}
	c.orgByName = make(map[string]int, len(c.Organisations))
	for i, o := range c.Organisations {
		c.orgByName[Fold(o.Name)] = i
		for _, a := range o.Aliases {
			if _, taken := c.orgByName[Fold(a)]; !taken {
				c.orgByName[Fold(a)] = i
			}
		}
	}
	byDesignation := make(map[string]int, len(c.Systems))
	for i, s := range c.Systems {
		if _, taken := byDesignation[s.Designation]; !taken {
			byDesignation[s.Designation] = i
		}
	}
	c.familyRoot = make([]int, len(c.Systems))
	for i, s := range c.Systems {
		c.familyRoot[i] = -1
		if r, ok := byDesignation[s.Family]; ok && s.Family != "" && r != i {
			c.familyRoot[i] = r
		}
	}
	c.matcher = newMatcher(c)
}

// FamilyRoot is the index of the system that heads system i's family
// ("Gripen" for "Gripen E/F"), or -1.
func (c *Catalog) FamilyRoot(i int) int {
	if i < 0 || i >= len(c.familyRoot) {
		return -1
	}
	return c.familyRoot[i]
}

// Country returns the state with the alpha-3 code, or nil.
func (c *Catalog) Country(iso3 string) *Country {
	if i, ok := c.countryByISO3[iso3]; ok {
		return &c.Countries[i]
	}
	return nil
}

// CountryByName returns the state with the name, short or former name, or
// nil.
func (c *Catalog) CountryByName(name string) *Country {
	if i, ok := c.countryByName[Fold(name)]; ok {
		return &c.Countries[i]
	}
	return nil
}

// Organisation returns the organisation with the name or alias, or nil.
func (c *Catalog) Organisation(name string) *Organisation {
	if i, ok := c.orgByName[Fold(name)]; ok {
		return &c.Organisations[i]
	}
	return nil
}

// Matcher returns the name matcher over the whole catalog.
func (c *Catalog) Matcher() *Matcher { return c.matcher }

func split(cell string) []string {
	if cell == "" {
		return nil
	}
	parts := strings.Split(cell, "|")
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// eachTSV reads every .tsv file of a folder in name order.
func eachTSV(fsys fs.FS, dir string, header []string, row func([]string)) error {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return fmt.Errorf("catalog: %w", err)
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tsv") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	for _, n := range names {
		rows, err := ReadTSV(fsys, path.Join(dir, n), header)
		if err != nil {
			return err
		}
		for _, r := range rows {
			row(r)
		}
	}
	return nil
}

// ReadTSV reads a data file in the catalog's format (see data/FORMAT.md)
// whose header line is header. Short rows are padded; rows with too many
// cells are an error naming the line.
func ReadTSV(fsys fs.FS, name string, header []string) ([][]string, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("catalog: %w", err)
	}
	return parseTSV(name, string(data), header)
}

func parseTSV(name, text string, header []string) ([][]string, error) {
	var rows [][]string
	seenHeader := false
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cells := strings.Split(line, "\t")
		if !seenHeader {
			if strings.Join(cells, "\t") != strings.Join(header, "\t") {
				return nil, fmt.Errorf("catalog: %s: header is %q, want %q", name, line, strings.Join(header, "\t"))
			}
			seenHeader = true
			continue
		}
		if len(cells) > len(header) {
			return nil, fmt.Errorf("catalog: %s:%d: %d cells, want %d", name, n+1, len(cells), len(header))
		}
		for len(cells) < len(header) {
			cells = append(cells, "")
		}
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		if cells[0] == "" {
			return nil, fmt.Errorf("catalog: %s:%d: first cell is empty", name, n+1)
		}
		rows = append(rows, cells)
	}
	if !seenHeader {
		return nil, fmt.Errorf("catalog: %s: no header line", name)
	}
	return rows, nil
}
