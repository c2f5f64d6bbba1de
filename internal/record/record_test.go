package record

import (
	"encoding/json"
	"reflect"
	"testing"
)

func TestJSONRoundTrip(t *testing.T) {
	six := 6
	for _, r := range []Record{
		{Kind: KindTransfer, Recipient: "MLI", Supplier: Ptr("CHN"), Manufacturer: Ptr("Norinco"), Designation: Ptr("VN2C"),
			Category: "armoured vehicle", Quantity: Quantity{Value: &six, Qualifier: QualAtLeast}, Status: StatusDelivered,
			Date: Ptr("2021"), Uncatalogued: true, Evidence: []Span{{Start: 1, End: 9}}, Source: "a.txt"},
		{Kind: KindEvent, Type: EventVisit, Actors: []string{"Mali", "Norinco"}, Country: Ptr("CHN"), Date: Ptr("2024-09-02"),
			Planned: true, Subject: Ptr("arms"), Evidence: []Span{{Start: 3, End: 4}}, Source: "b.txt"},
	} {
		data, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		var back Record
		if err := json.Unmarshal(data, &back); err != nil || !reflect.DeepEqual(back, r) {
			t.Errorf("%s back from %s = %+v, %v", r.Kind, data, back, err)
		}
	}
	// A field of the other kind is not read into a record.
	var r Record
	if err := json.Unmarshal([]byte(`{"kind": "transfer", "recipient": "MLI", "type": "visit", "actors": ["x"]}`), &r); err != nil || r.Type != "" || r.Actors != nil {
		t.Errorf("a transfer read an event's fields: %+v, %v", r, err)
	}
	if err := json.Unmarshal([]byte(`{"kind": "event", "recipient": "MLI"}`), &r); err != nil || r.Recipient != "" {
		t.Errorf("an event read a transfer's field: %+v, %v", r, err)
	}
}

func TestQuantityString(t *testing.T) {
	six := 6
	for q, want := range map[Quantity]string{
		{Value: &six, Qualifier: QualAtLeast}: "≥6", {Value: &six, Qualifier: QualApprox}: "~6",
		{Value: &six, Qualifier: QualExact}: "6", {Qualifier: QualUnknown}: "?",
	} {
		if got := q.String(); got != want {
			t.Errorf("%+v.String() = %q, want %q", q, got, want)
		}
	}
}
