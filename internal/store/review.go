package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/dossier-osint/dossier/internal/record"
)

// Review is one person's verdict on a record: an entry of its history.
type Review struct {
	ID       int64
	RecordID int64
	// Verdict is ReviewConfirmed, ReviewRejected or ReviewCorrected.
	Verdict  string
	Reviewer string
	// At is when the review was given; zero means now.
	At time.Time
	// A correction names the field it changes by its JSON name, with the
	// field's value before (filled in by the store) and after, as JSON.
	Field    string
	Old, New json.RawMessage
	Note     string
}

// ErrInvalid marks a review that cannot be applied as given: a mistake of
// the reviewer's, not a failure of the store.
var ErrInvalid = errors.New("invalid review")

// invalid wraps a reviewer's mistake in ErrInvalid.
func invalid(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrInvalid, fmt.Sprintf(format, args...))
}

// correctable lists, for each kind, the fields a person may correct:
// everything but the kind and the evidence, which tie the record to its text.
var correctable = map[string][]string{
	record.KindTransfer: {"category", "date", "designation", "manufacturer", "quantity", "recipient", "status", "supplier"},
	record.KindEvent:    {"actors", "country", "date", "planned", "subject", "type"},
}

// Correctable lists the fields of a kind of record that a person may
// correct, by their JSON names.
func Correctable(kind string) []string { return slices.Clone(correctable[kind]) }

// CheckReview returns an error unless rv is a verdict a store can apply.
func CheckReview(rv Review) error {
	if strings.TrimSpace(rv.Reviewer) == "" {
		return invalid("a review needs a reviewer")
	}
	switch rv.Verdict {
	case ReviewConfirmed, ReviewRejected:
		if rv.Field != "" {
			return invalid("a %s review changes no field; to change %q, correct it", rv.Verdict, rv.Field)
		}
		return nil
	case ReviewCorrected:
		if rv.Field == "" || len(rv.New) == 0 {
			return invalid("a correction needs a field and its new value")
		}
		return nil
	}
	return invalid("unknown verdict %q (want %q, %q or %q)", rv.Verdict, ReviewConfirmed, ReviewRejected, ReviewCorrected)
}

// NextReview is a record's review after a verdict. Confirming a corrected
// record keeps it corrected, so that a new extraction never overwrites what
// a person wrote (see PlanReplace).
func NextReview(current, verdict string) string {
	if current == ReviewCorrected && verdict == ReviewConfirmed {
		return ReviewCorrected
	}
	return verdict
}

// Correct returns r with one field set to value (JSON), and the field's
// old value. The value must be of the field's type and, for codes and
// enums, one the guidelines allow.
func Correct(r record.Record, field string, value json.RawMessage) (record.Record, json.RawMessage, error) {
	fields := correctable[r.Kind]
	if !slices.Contains(fields, field) {
		return r, nil, invalid("a %s's field %q cannot be corrected (correctable: %s)", r.Kind, field, strings.Join(fields, ", "))
	}
	source := r.Source
	r.Source = ""
	before, err := fieldsOf(r)
	if err != nil {
		return r, nil, err
	}
	old := before[field]
	before[field] = value
	data, err := json.Marshal(before)
	if err != nil {
		return r, nil, fmt.Errorf("%s: %w", field, err)
	}
	var out record.Record
	if err := json.Unmarshal(data, &out); err != nil {
		return r, nil, invalid("%s: %s is not a valid value: %v", field, value, err)
	}
	// A value the record cannot hold (an unknown key, a wrong type read as
	// zero) comes back different from what was asked.
	after, err := fieldsOf(out)
	if err != nil {
		return r, nil, err
	}
	if !sameJSON(after[field], value) {
		return r, nil, invalid("%s: %s is not a valid value (it would be stored as %s)", field, value, after[field])
	}
	if err := checkValues(out); err != nil {
		return r, nil, invalid("%s: %v", field, err)
	}
	out.Source = source
	return out, old, nil
}

func fieldsOf(r record.Record) (map[string]json.RawMessage, error) {
	data, err := json.Marshal(r)
	if err != nil {
		return nil, err
	}
	var m map[string]json.RawMessage
	return m, json.Unmarshal(data, &m)
}

func sameJSON(a, b json.RawMessage) bool {
	var ca, cb bytes.Buffer
	return json.Compact(&ca, a) == nil && json.Compact(&cb, b) == nil && ca.String() == cb.String()
}

var (
	countryCode = regexp.MustCompile(`^[A-Z]{3}$`)
	datePattern = regexp.MustCompile(`^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$`)
)

// checkValues checks the codes and enums of a corrected record.
func checkValues(r record.Record) error {
	oneOf := func(what, v string, allowed ...string) error {
		if slices.Contains(allowed, v) {
			return nil
		}
		sorted := slices.Clone(allowed)
		sort.Strings(sorted)
		return fmt.Errorf("%s %q is not one of %s", what, v, strings.Join(sorted, ", "))
	}
	code := func(what string, v *string) error {
		if v != nil && !countryCode.MatchString(*v) {
			return fmt.Errorf("%s %q is not an ISO 3166-1 alpha-3 code such as MLI", what, *v)
		}
		return nil
	}
	if r.Date != nil && !datePattern.MatchString(*r.Date) {
		return fmt.Errorf("date %q is not YYYY, YYYY-MM or YYYY-MM-DD", *r.Date)
	}
	if r.Kind == record.KindEvent {
		if err := oneOf("type", r.Type, record.EventVisit, record.EventMeeting, record.EventAgreement, record.EventInvestment); err != nil {
			return err
		}
		return code("country", r.Country)
	}
	if err := code("recipient", &r.Recipient); err != nil {
		return err
	}
	if err := code("supplier", r.Supplier); err != nil {
		return err
	}
	if err := oneOf("category", r.Category, record.Categories...); err != nil {
		return err
	}
	if err := oneOf("status", r.Status, record.StatusPlanned, record.StatusContracted, record.StatusDelivered, record.StatusInService); err != nil {
		return err
	}
	return oneOf("quantity qualifier", r.Quantity.Qualifier, record.QualExact, record.QualAtLeast, record.QualApprox, record.QualUnknown)
}
