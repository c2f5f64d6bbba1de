package catalog

import (
	"os"
	"path/filepath"
	"testing"
)

// TestEmbeddedCatalogIsConsistent checks the data files against each other:
// categories from the guidelines, states that exist, families that exist.
func TestEmbeddedCatalogIsConsistent(t *testing.T) {
	c := MustDefault()
	if len(c.Systems) < 2500 {
		t.Errorf("%d systems, want at least 2,500", len(c.Systems))
	}
	makers := 0
	for _, o := range c.Organisations {
		if o.Kind == "maker" || o.Kind == "seller" {
			makers++
		}
		if o.Country != "" && c.Country(o.Country) == nil {
			t.Errorf("organisation %s: unknown state %q", o.Name, o.Country)
		}
	}
	if makers < 400 {
		t.Errorf("%d makers and sellers, want at least 400", makers)
	}
	designations := map[string]bool{}
	for _, s := range c.Systems {
		designations[Fold(s.Designation)] = true
	}
	for _, s := range c.Systems {
		if !validCategory(s.Category) {
			t.Errorf("system %s: category %q is not one of the guidelines'", s.Designation, s.Category)
		}
		if c.Country(s.Country) == nil {
			t.Errorf("system %s: unknown state %q", s.Designation, s.Country)
		}
		if s.Family != "" && !designations[Fold(s.Family)] {
			t.Errorf("system %s: family %q is no designation in the catalog", s.Designation, s.Family)
		}
		if s.Source == "" {
			t.Errorf("system %s: no source", s.Designation)
		}
	}
	if len(c.Countries) < 249 {
		t.Errorf("%d states, want every ISO 3166-1 entry", len(c.Countries))
	}
}

func TestSearchIsFuzzy(t *testing.T) {
	c := MustDefault()
	for term, want := range map[string]string{"vn 2c": "VN2C", "tb-2": "Bayraktar TB2", "k9 thunder": "K9", "Pantsir S1": "Pantsir-S1"} {
		hits := c.Search(term, 5)
		if len(hits) == 0 || hits[0].System.Designation != want {
			got := ""
			if len(hits) > 0 {
				got = hits[0].System.Designation
			}
			t.Errorf("Search(%q) = %q first, want %q", term, got, want)
		}
	}
	if hits := c.Search("zzqqxx", 5); len(hits) != 0 {
		t.Errorf("nonsense found %d systems", len(hits))
	}
}

func TestUserSystemsAddAndOverride(t *testing.T) {
	c := MustDefault()
	path := filepath.Join(t.TempDir(), "catalog.tsv")
	data := "designation\taliases\tcategory\tmaker\tcountry\tfamily\tsource\n" +
		"ZX-900\tZX900 Falcon\tarmoured vehicle\tNorinco\tCHN\t\tmy notes\n" +
		"VN2C\tVN-2C\tartillery\tNorinco\tCHN\t\tmy correction\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	u, err := c.WithUserSystems(path)
	if err != nil {
		t.Fatal(err)
	}
	if s := u.System("ZX-900"); s == nil || s.Category != "armoured vehicle" {
		t.Errorf("the user's new system is not found: %+v", s)
	}
	if s := u.System("VN-2C"); s == nil || s.Category != "artillery" {
		t.Errorf("the user's row did not override VN2C: %+v", s)
	}
	if s := c.System("ZX-900"); s != nil {
		t.Error("the embedded catalog was changed")
	}
	bad := filepath.Join(t.TempDir(), "bad.tsv")
	os.WriteFile(bad, []byte("designation\taliases\tcategory\tmaker\tcountry\tfamily\tsource\nX-1\t\tspaceship\t\tUSA\t\tme\n"), 0o644)
	if _, err := c.WithUserSystems(bad); err == nil {
		t.Error("an unknown category was accepted")
	}
}

func TestCountryByName(t *testing.T) {
	cat := MustDefault()
	for name, want := range map[string]string{"Mali": "MLI", "turkey": "TUR", "Türkiye": "TUR", "Ivory Coast": "CIV"} {
		if c := cat.CountryByName(name); c == nil || c.ISO3 != want {
			t.Errorf("CountryByName(%q) = %+v, want %s", name, c, want)
		}
	}
	if c := cat.CountryByName("Norinco"); c != nil {
		t.Errorf("CountryByName(Norinco) = %+v, want nil", c)
	}
}

func FuzzSameFoldIsFoldEquality(f *testing.F) {
	for _, s := range [][2]string{{"VN-2C", "vn2c"}, {"Goïta", "GOITA"}, {"", "-"}, {"Łódź", "lodz"}, {"a\xffb", "ab"}, {"F-16", "F-16V"}, {"F-16V", "f16"}, {"F-16", "F-16\u0301"},
		{"Su-30MKI", "Su-30MKI"}, {"Łódź", "Łódź"}, {"a\xffb", "a\xffb"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if got, want := SameFold(a, b), Fold(a) == Fold(b); got != want {
			t.Errorf("SameFold(%q, %q) = %v, want %v", a, b, got, want)
		}
	})
}
