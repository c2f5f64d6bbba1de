package server

import (
	"cmp"
	"net/http"
	"slices"
	"strings"

	"github.com/dossier-osint/dossier/internal/catalog"
	"github.com/dossier-osint/dossier/internal/record"
	"github.com/dossier-osint/dossier/internal/store"
)

// entity is a state, system or organisation the stored records name, with
// how often.
type entity struct {
	Type string `json:"type"`
	// ID is the ISO code of a state, the designation of a system, the name
	// of an organisation.
	ID   string `json:"id"`
	Name string `json:"name"`
	// Category of a system; Country of an organisation or system's maker.
	Category     string `json:"category,omitempty"`
	Country      string `json:"country,omitempty"`
	Uncatalogued bool   `json:"uncatalogued,omitempty"`
	// Counts of the records naming it in each role.
	AsRecipient int `json:"as_recipient,omitempty"`
	AsSupplier  int `json:"as_supplier,omitempty"`
	InEvents    int `json:"in_events,omitempty"`
	Transfers   int `json:"transfers,omitempty"`
}

var entityTypes = []string{"country", "system", "organisation"}

// apiEntities lists the entities of one type (all types when none is
// asked for) that stored records name, most named first; q keeps those
// whose name or id contains it.
func (s *server) apiEntities(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	typ := q.Get("type")
	if typ != "" && !slices.Contains(entityTypes, typ) {
		s.answerError(w, r, badf("type %q: want one of %s", typ, strings.Join(entityTypes, ", ")))
		return
	}
	f, err := filterOf(q)
	if err != nil {
		s.answerError(w, r, err)
		return
	}
	recs, err := s.Store.Records(r.Context(), store.Filter{})
	if err != nil {
		s.failed(w, r, err)
		return
	}
	all := s.entities(recs)
	needle := catalog.Fold(q.Get("q"))
	var out []entity
	for _, e := range all {
		if (typ == "" || e.Type == typ) && (needle == "" || strings.Contains(catalog.Fold(e.Name), needle) || strings.Contains(catalog.Fold(e.ID), needle)) {
			out = append(out, e)
		}
	}
	writeJSON(w, http.StatusOK, cutPage(out, f))
}

// entities counts what records not rejected name.
func (s *server) entities(recs []store.Record) []entity {
	byKey := map[string]*entity{}
	get := func(typ, id string) *entity {
		k := typ + "\x00" + id
		if e := byKey[k]; e != nil {
			return e
		}
		e := &entity{Type: typ, ID: id, Name: id}
		switch typ {
		case "country":
			e.Name = countryName(s.Catalog, id)
		case "system":
			if sys := s.Catalog.System(id); sys != nil {
				e.Name, e.Category, e.Country = sys.Designation, sys.Category, sys.Country
			}
		case "organisation":
			if o := s.Catalog.Organisation(id); o != nil {
				e.Name, e.Country = o.Name, o.Country
			}
		}
		byKey[k] = e
		return e
	}
	for _, r := range recs {
		if r.Review == store.ReviewRejected {
			continue
		}
		if r.Kind == record.KindTransfer {
			get("country", r.Recipient).AsRecipient++
			if sup := record.Str(r.Supplier); sup != "" {
				get("country", sup).AsSupplier++
			}
			if d := record.Str(r.Designation); d != "" {
				e := get("system", d)
				e.Transfers++
				e.Uncatalogued = r.Uncatalogued
				e.Category = cmp.Or(e.Category, r.Category)
			}
			if m := record.Str(r.Manufacturer); m != "" {
				get("organisation", m).Transfers++
			}
			continue
		}
		for _, a := range r.Actors {
			if c := s.Catalog.CountryByName(a); c != nil {
				get("country", c.ISO3).InEvents++
			} else {
				get("organisation", a).InEvents++
			}
		}
	}
	out := make([]entity, 0, len(byKey))
	for _, e := range byKey {
		out = append(out, *e)
	}
	slices.SortFunc(out, func(a, b entity) int {
		na, nb := a.AsRecipient+a.AsSupplier+a.InEvents+a.Transfers, b.AsRecipient+b.AsSupplier+b.InEvents+b.Transfers
		return cmp.Or(nb-na, cmp.Compare(a.Type, b.Type), cmp.Compare(a.ID, b.ID))
	})
	return out
}
