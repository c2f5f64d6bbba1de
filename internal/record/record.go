// Package record holds the records Dossier extracts and exports: transfers
// and events with the evidence that supports them. The JSON form is the
// contract of ../shared/eval/GUIDELINES.md.
package record

import (
	"encoding/json"
	"strconv"
)

// Kinds of record.
const (
	KindTransfer = "transfer"
	KindEvent    = "event"
)

// Transfer statuses.
const (
	StatusPlanned    = "planned"
	StatusContracted = "contracted"
	StatusDelivered  = "delivered"
	StatusInService  = "in_service"
)

// Event types.
const (
	EventVisit      = "visit"
	EventMeeting    = "meeting"
	EventAgreement  = "agreement"
	EventInvestment = "investment"
)

// Quantity qualifiers.
const (
	QualExact   = "exact"
	QualAtLeast = "at_least"
	QualApprox  = "approx"
	QualUnknown = "unknown"
)

// Categories of equipment, the guidelines' enum.
var Categories = []string{
	"aircraft", "helicopter", "drone", "armoured vehicle", "unarmoured vehicle",
	"artillery", "air defence", "missile", "naval vessel", "sensor", "small arms", "other",
}

// Span is a pair of Unicode code-point offsets into a document body, end exclusive.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Quantity is a number of items with how sure the text is of it.
type Quantity struct {
	Value     *int   `json:"value"`
	Qualifier string `json:"qualifier"`
}

// String writes a quantity for a person: "≥6" for at least six, "~50" for
// about fifty, "?" when unknown.
func (q Quantity) String() string {
	if q.Value == nil {
		return "?"
	}
	switch q.Qualifier {
	case QualAtLeast:
		return "≥" + strconv.Itoa(*q.Value)
	case QualApprox:
		return "~" + strconv.Itoa(*q.Value)
	}
	return strconv.Itoa(*q.Value)
}

// Record is one transfer or event. Fields of the other kind stay empty and
// are left out of its JSON form.
type Record struct {
	Kind string

	// Transfer fields.
	Recipient    string
	Supplier     *string
	Manufacturer *string
	Designation  *string
	Category     string
	Quantity     Quantity
	Status       string
	// Uncatalogued is true when the designation was found by its shape, not in the catalog.
	Uncatalogued bool

	// Event fields.
	Type    string
	Actors  []string
	Country *string
	Planned bool
	Subject *string

	Date     *string
	Evidence []Span
	Source   string
}

type transferJSON struct {
	Kind         string   `json:"kind"`
	Recipient    string   `json:"recipient"`
	Supplier     *string  `json:"supplier"`
	Manufacturer *string  `json:"manufacturer"`
	Designation  *string  `json:"designation"`
	Category     string   `json:"category"`
	Quantity     Quantity `json:"quantity"`
	Status       string   `json:"status"`
	Date         *string  `json:"date"`
	Uncatalogued bool     `json:"uncatalogued,omitempty"`
	Evidence     []Span   `json:"evidence"`
	Source       string   `json:"source,omitempty"`
}

type eventJSON struct {
	Kind     string   `json:"kind"`
	Type     string   `json:"type"`
	Actors   []string `json:"actors"`
	Country  *string  `json:"country"`
	Date     *string  `json:"date"`
	Planned  bool     `json:"planned"`
	Subject  *string  `json:"subject"`
	Evidence []Span   `json:"evidence"`
	Source   string   `json:"source,omitempty"`
}

// MarshalJSON writes the guidelines' form of the record's kind, with nulls
// where a value is unknown.
func (r Record) MarshalJSON() ([]byte, error) {
	if r.Kind == KindEvent {
		actors := r.Actors
		if actors == nil {
			actors = []string{}
		}
		return json.Marshal(eventJSON{r.Kind, r.Type, actors, r.Country, r.Date, r.Planned, r.Subject, r.Evidence, r.Source})
	}
	return json.Marshal(transferJSON{r.Kind, r.Recipient, r.Supplier, r.Manufacturer, r.Designation, r.Category,
		r.Quantity, r.Status, r.Date, r.Uncatalogued, r.Evidence, r.Source})
}

// recordJSON holds the fields of both kinds, so that a record is decoded
// in one pass: stores read thousands at a time.
type recordJSON struct {
	transferJSON
	Type    string   `json:"type"`
	Actors  []string `json:"actors"`
	Country *string  `json:"country"`
	Planned bool     `json:"planned"`
	Subject *string  `json:"subject"`
}

// UnmarshalJSON reads either kind back, keeping only its kind's fields.
func (r *Record) UnmarshalJSON(data []byte) error {
	var u recordJSON
	if err := json.Unmarshal(data, &u); err != nil {
		return err
	}
	if u.Kind == KindEvent {
		*r = Record{Kind: u.Kind, Type: u.Type, Actors: u.Actors, Country: u.Country, Date: u.Date,
			Planned: u.Planned, Subject: u.Subject, Evidence: u.Evidence, Source: u.Source}
		return nil
	}
	*r = Record{Kind: u.Kind, Recipient: u.Recipient, Supplier: u.Supplier, Manufacturer: u.Manufacturer,
		Designation: u.Designation, Category: u.Category, Quantity: u.Quantity, Status: u.Status, Date: u.Date,
		Uncatalogued: u.Uncatalogued, Evidence: u.Evidence, Source: u.Source}
	return nil
}

// Ptr returns a pointer to s, or nil for the empty string: the guidelines
// write absent strings as null.
func Ptr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// Str dereferences p, giving "" for nil.
func Str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
