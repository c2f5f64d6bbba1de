package register

import (
	"slices"
	"sync"

	"github.com/dossier-osint/dossier/internal/catalog"
)

// Indexes of a catalog, built once per catalog: a catalog does not change
// once loaded, and building them for each register (a server builds one
// per request) cost more than the rest.
var (
	systemIndexes sync.Map // *catalog.Catalog → map[string]*catalog.System
	stateIndexes  sync.Map // *catalog.Catalog → map[string][]string
)

func perCatalog[T any](cache *sync.Map, cat *catalog.Catalog, build func() T) T {
	if idx, ok := cache.Load(cat); ok {
		return idx.(T)
	}
	idx, _ := cache.LoadOrStore(cat, build())
	return idx.(T)
}

// systemIndex finds the systems by folded designation and alias.
func systemIndex(cat *catalog.Catalog) map[string]*catalog.System {
	return perCatalog(&systemIndexes, cat, func() map[string]*catalog.System {
		idx := map[string]*catalog.System{}
		for i := range cat.Systems {
			s := &cat.Systems[i]
			for _, name := range append([]string{s.Designation}, s.Aliases...) {
				if k := catalog.Fold(name); k != "" && idx[k] == nil {
					idx[k] = s
				}
			}
		}
		return idx
	})
}

// stateNames finds the states by folded name and alias; an alias may name
// more than one.
func stateNames(cat *catalog.Catalog) map[string][]string {
	return perCatalog(&stateIndexes, cat, func() map[string][]string {
		idx := map[string][]string{}
		for _, c := range cat.Countries {
			for _, name := range append([]string{c.Name}, c.Aliases...) {
				if k := catalog.Fold(name); !slices.Contains(idx[k], c.ISO3) {
					idx[k] = append(idx[k], c.ISO3)
				}
			}
		}
		return idx
	})
}
