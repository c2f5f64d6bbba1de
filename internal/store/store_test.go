package store

import (
	"encoding/json"
	"math/bits"
	"slices"
	"strings"
	"testing"

	"github.com/dossier-osint/dossier/internal/record"
)

func TestTextHash(t *testing.T) {
	a := TextHash("Mali received  six VN2C\nvehicles.")
	if a != TextHash("  mali RECEIVED six\tvn2c vehicles.\n") {
		t.Error("TextHash differs for the same text re-cased and re-spaced")
	}
	if a == TextHash("Mali received seven VN2C vehicles.") {
		t.Error("TextHash equal for different words")
	}
	if len(a) != 64 || strings.Trim(a, "0123456789abcdef") != "" {
		t.Errorf("TextHash = %q, want 64 hex digits", a)
	}
}

func TestSimhash(t *testing.T) {
	words := strings.Fields(`Mali has taken delivery of a new batch of armoured vehicles from China, the
ministry of defence said on Tuesday. The vehicles, built by Norinco, were handed over at a ceremony
in Bamako attended by the transition president and senior officers of the armed forces. The delivery
follows a contract signed last year and includes infantry fighting vehicles and trucks.`)
	base := strings.Join(words, " ")
	edited := strings.Replace(base, "Tuesday", "Wednesday", 1)
	other := `The European Union announced new funding for water projects in Senegal on Monday, with
grants for rural wells, irrigation schemes and training for local engineers. The programme runs for five
years and will be managed with regional authorities, the delegation said in a statement.`
	dist := func(a, b string) int { return bits.OnesCount64(Simhash(a) ^ Simhash(b)) }
	if d := dist(base, strings.ToUpper(base)+" !!"); d != 0 {
		t.Errorf("case and punctuation change the hash by %d bits, want 0", d)
	}
	// The edit changes 3 of some 50 shingles; in a text this short that
	// moves the hash by about 10 bits, in a full article by a few.
	if d := dist(base, edited); d > 12 {
		t.Errorf("one edited word: %d bits apart, want at most 12", d)
	}
	if d := dist(base, other); d < 20 {
		t.Errorf("unrelated articles: %d bits apart, want at least 20", d)
	}
	if Simhash("") != 0 || Simhash(" ... ") != 0 {
		t.Error("Simhash of a text without words is not 0")
	}
	if Simhash("two words") == 0 {
		t.Error("Simhash of a text shorter than a shingle is 0")
	}
}

func TestCorrectEvent(t *testing.T) {
	visit := record.Record{Kind: record.KindEvent, Type: record.EventVisit, Actors: []string{"Mali"},
		Country: record.Ptr("CHN"), Evidence: []record.Span{{Start: 1, End: 9}}, Source: "a.txt"}
	got, old, err := Correct(visit, "actors", json.RawMessage(`["Mali", "Norinco"]`))
	if err != nil || !slices.Equal(got.Actors, []string{"Mali", "Norinco"}) || string(old) != `["Mali"]` {
		t.Fatalf("correcting actors = %+v, old %s, %v", got, old, err)
	}
	if got.Source != "a.txt" || len(got.Evidence) != 1 || len(visit.Actors) != 1 {
		t.Errorf("a correction changed more than its field: %+v (original %+v)", got, visit)
	}
	if got, _, err := Correct(visit, "planned", json.RawMessage(`true`)); err != nil || !got.Planned {
		t.Errorf("correcting planned = %+v, %v", got, err)
	}
	for field, value := range map[string]string{
		"type": `"parade"`, "country": `"china"`, "category": `"drone"`, "actors": `"Mali"`, "planned": `"yes"`,
	} {
		if _, _, err := Correct(visit, field, json.RawMessage(value)); err == nil {
			t.Errorf("Correct(%s = %s) accepted", field, value)
		}
	}
}

func TestNextReview(t *testing.T) {
	for _, tt := range []struct{ current, verdict, want string }{
		{ReviewNone, ReviewConfirmed, ReviewConfirmed},
		{ReviewCorrected, ReviewConfirmed, ReviewCorrected},
		{ReviewCorrected, ReviewRejected, ReviewRejected},
		{ReviewRejected, ReviewCorrected, ReviewCorrected},
	} {
		if got := NextReview(tt.current, tt.verdict); got != tt.want {
			t.Errorf("NextReview(%q, %q) = %q, want %q", tt.current, tt.verdict, got, tt.want)
		}
	}
}

func TestPlanReplaceSameKeys(t *testing.T) {
	x := record.Record{Kind: record.KindTransfer, Recipient: "MLI", Designation: record.Ptr("VN2C"), Status: record.StatusDelivered}
	undated := x
	undated.Date = nil
	dated := x
	empty := ""
	dated.Date = &empty
	old := []Record{
		{ID: 1, Record: x, Review: ReviewConfirmed},
		{ID: 2, Record: x, Review: ReviewRejected},
		{ID: 3, Record: x},
		{ID: 4, Record: dated, Review: ReviewConfirmed},
	}
	// Three finds of the same key take the two reviewed records in order,
	// then make a new one; a null date is not an empty one.
	plan := PlanReplace(old, []record.Record{undated, undated, undated})
	var ids []int64
	for _, p := range plan.Records {
		ids = append(ids, p.ID)
	}
	if !slices.Equal(ids, []int64{1, 2, 0, 4}) || !slices.Equal(plan.Delete, []int64{3}) {
		t.Errorf("plan = %v, delete %v; want [1 2 0 4], delete [3]", ids, plan.Delete)
	}
	if a, r, k := plan.Counts(); a != 1 || r != 1 || k != 3 {
		t.Errorf("Counts = %d, %d, %d; want 1, 1, 3", a, r, k)
	}
}
