package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/dossier-osint/dossier/internal/export"
	"github.com/dossier-osint/dossier/internal/ingest"
	"github.com/dossier-osint/dossier/internal/record"
	"github.com/dossier-osint/dossier/internal/register"
	"github.com/dossier-osint/dossier/internal/store"
)

func (s *server) apiRoutes(mux *http.ServeMux) {
	routes := []struct {
		method, path string
		handler      http.HandlerFunc
	}{
		{"GET", "/api/records", s.apiRecords},
		{"GET", "/api/records/{id}", s.apiRecord},
		{"PATCH", "/api/records/{id}", s.apiReview},
		{"GET", "/api/register", s.apiRegister},
		{"GET", "/api/documents", s.apiDocuments},
		{"GET", "/api/documents/{id}", s.apiDocument},
		{"POST", "/api/documents", s.apiIngest},
		{"GET", "/api/search", s.apiSearch},
		{"GET", "/api/entities", s.apiEntities},
		{"GET", "/api/stats", s.apiStats},
	}
	allowed := map[string][]string{}
	for _, r := range routes {
		mux.HandleFunc(r.method+" "+r.path, r.handler)
		allowed[r.path] = append(allowed[r.path], r.method)
	}
	// Other methods on an endpoint get a JSON 405 that names the right ones.
	for path, methods := range allowed {
		allow := strings.Join(methods, ", ")
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Allow", allow)
			writeError(w, http.StatusMethodNotAllowed, fmt.Sprintf("%s %s: this endpoint takes %s", r.Method, r.URL.Path, allow))
		})
	}
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, fmt.Sprintf("no endpoint %s %s; see the README for the API", r.Method, r.URL.Path))
	})
}

// Pages of lists: the default and the largest page.
const (
	defaultLimit = 100
	maxLimit     = 1000
)

// badRequest is an error in what the client asked, reported as 400.
type badRequest struct{ msg string }

func (e badRequest) Error() string { return e.msg }

func badf(format string, args ...any) error { return badRequest{fmt.Sprintf(format, args...)} }

// answerError answers a request error with 400, anything else as failed.
func (s *server) answerError(w http.ResponseWriter, r *http.Request, err error) {
	var bad badRequest
	if errors.As(err, &bad) {
		if isAPI(r) {
			writeError(w, http.StatusBadRequest, bad.msg)
		} else {
			s.errorPage(w, r, http.StatusBadRequest, bad.msg)
		}
		return
	}
	s.failed(w, r, err)
}

// filterOf reads the record filters of the CLI from a query string.
func filterOf(q url.Values) (store.Filter, error) {
	f := store.Filter{
		Kind: q.Get("kind"), Recipient: strings.ToUpper(q.Get("recipient")), Supplier: strings.ToUpper(q.Get("supplier")),
		Designation: q.Get("designation"), Category: q.Get("category"), Status: q.Get("status"),
		Since: q.Get("since"), Until: q.Get("until"), Source: q.Get("source"),
	}
	if f.Kind != "" && f.Kind != record.KindTransfer && f.Kind != record.KindEvent {
		return f, badf("kind %q: want transfer or event", f.Kind)
	}
	if f.Category != "" && !slices.Contains(record.Categories, f.Category) {
		return f, badf("category %q: want one of %s", f.Category, strings.Join(record.Categories, ", "))
	}
	var err error
	if f.DocumentID, err = intParam(q, "document", 0); err != nil {
		return f, err
	}
	limit, err := intParam(q, "limit", defaultLimit)
	if err != nil {
		return f, err
	}
	offset, err := intParam(q, "offset", 0)
	if err != nil {
		return f, err
	}
	if limit < 1 || limit > maxLimit {
		return f, badf("limit %d: want 1 to %d", limit, maxLimit)
	}
	f.Limit, f.Offset = int(limit), int(offset)
	return f, nil
}

func intParam(q url.Values, name string, def int64) (int64, error) {
	v := q.Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 {
		return 0, badf("%s %q: want a whole number, 0 or more", name, v)
	}
	return n, nil
}

func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, badf("%q is not an id: want a positive whole number", r.PathValue("id"))
	}
	return id, nil
}

// page is a slice of a list with where the next one starts (null at the end).
type page[T any] struct {
	Items      []T  `json:"items"`
	Limit      int  `json:"limit"`
	Offset     int  `json:"offset"`
	NextOffset *int `json:"next_offset"`
}

// pageOf cuts the page f asks for out of items that hold one more than
// the page when there are more.
func pageOf[T any](items []T, f store.Filter) page[T] {
	p := page[T]{Items: items, Limit: f.Limit, Offset: f.Offset}
	if len(items) > f.Limit {
		p.Items = items[:f.Limit]
		next := f.Offset + f.Limit
		p.NextOffset = &next
	}
	if p.Items == nil {
		p.Items = []T{}
	}
	return p
}

// apiRecord is a stored record in the guidelines' JSON, with its id,
// document and review.
type apiRecord struct {
	store.Record
}

func (r apiRecord) MarshalJSON() ([]byte, error) {
	fields := map[string]any{}
	data, err := json.Marshal(r.Record.Record)
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(data, &fields); err != nil {
		return nil, err
	}
	fields["id"], fields["document_id"], fields["review"] = r.ID, r.DocumentID, r.Review
	return json.Marshal(fields)
}

func recordsOf(recs []store.Record) []apiRecord {
	out := make([]apiRecord, len(recs))
	for i, r := range recs {
		out[i] = apiRecord{r}
	}
	return out
}

func (s *server) apiRecords(w http.ResponseWriter, r *http.Request) {
	servePage(s, w, r, s.Store.Records, func(rec store.Record) apiRecord { return apiRecord{rec} })
}

// servePage answers a list request: the filters and page of the query,
// the items list finds, each converted for the answer.
func servePage[T, U any](s *server, w http.ResponseWriter, r *http.Request, list func(context.Context, store.Filter) ([]T, error), convert func(T) U) {
	f, err := filterOf(r.URL.Query())
	if err != nil {
		s.answerError(w, r, err)
		return
	}
	more := f
	more.Limit++ // one more tells whether there is a next page
	items, err := list(r.Context(), more)
	if err != nil {
		s.failed(w, r, err)
		return
	}
	out := make([]U, len(items))
	for i, it := range items {
		out[i] = convert(it)
	}
	writeJSON(w, http.StatusOK, pageOf(out, f))
}

// cutPage cuts the page f asks for out of a whole list.
func cutPage[T any](all []T, f store.Filter) page[T] {
	return pageOf(all[min(f.Offset, len(all)):min(f.Offset+f.Limit+1, len(all))], f)
}

// recordWithHistory is a record and every review it has had.
type recordWithHistory struct {
	Record  apiRecord   `json:"record"`
	History []apiReview `json:"history"`
}

type apiReview struct {
	Verdict  string          `json:"verdict"`
	Reviewer string          `json:"reviewer"`
	At       time.Time       `json:"at"`
	Field    string          `json:"field,omitempty"`
	Old      json.RawMessage `json:"old,omitempty"`
	New      json.RawMessage `json:"new,omitempty"`
	Note     string          `json:"note,omitempty"`
}

func (s *server) recordWithHistory(r *http.Request, id int64) (recordWithHistory, error) {
	recs, err := s.Store.Records(r.Context(), store.Filter{RecordID: id})
	if err != nil {
		return recordWithHistory{}, err
	}
	if len(recs) == 0 {
		return recordWithHistory{}, fmt.Errorf("record %d: %w", id, store.ErrNotFound)
	}
	hist, err := s.Store.History(r.Context(), id)
	if err != nil {
		return recordWithHistory{}, err
	}
	out := recordWithHistory{Record: apiRecord{recs[0]}, History: []apiReview{}}
	for _, h := range hist {
		out.History = append(out.History, apiReview{h.Verdict, h.Reviewer, h.At, h.Field, h.Old, h.New, h.Note})
	}
	return out, nil
}

func (s *server) apiRecord(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err == nil {
		var rh recordWithHistory
		if rh, err = s.recordWithHistory(r, id); err == nil {
			writeJSON(w, http.StatusOK, rh)
			return
		}
	}
	s.answerError(w, r, err)
}

// reviewRequest is the body of PATCH /api/records/{id}.
type reviewRequest struct {
	Verdict  string          `json:"verdict"`
	Reviewer string          `json:"reviewer"`
	Field    string          `json:"field"`
	Value    json.RawMessage `json:"value"`
	Note     string          `json:"note"`
}

func (s *server) apiReview(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.answerError(w, r, err)
		return
	}
	var req reviewRequest
	if err := decodeJSON(r, &req); err != nil {
		s.answerError(w, r, err)
		return
	}
	rv := &store.Review{RecordID: id, Verdict: req.Verdict, Reviewer: req.Reviewer, Field: req.Field, New: req.Value, Note: req.Note}
	if err := s.review(r, rv); err != nil {
		s.answerError(w, r, err)
		return
	}
	rh, err := s.recordWithHistory(r, id)
	if err != nil {
		s.failed(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, rh)
}

// review applies a review, telling the reviewer's mistakes (400) from the
// store's failures.
func (s *server) review(r *http.Request, rv *store.Review) error {
	_, err := s.Store.Review(r.Context(), rv)
	if errors.Is(err, store.ErrInvalid) {
		return badRequest{err.Error()}
	}
	return err
}

// decodeJSON reads a request body into v, refusing unknown fields so that
// a misspelt field is an error, not silently ignored.
func decodeJSON(r *http.Request, v any) error {
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return badf("the request body is over %d bytes", tooBig.Limit)
		}
		return badf("the request body is not the JSON expected: %v", err)
	}
	return nil
}

func (s *server) apiRegister(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f, err := filterOf(q)
	if err != nil {
		s.answerError(w, r, err)
		return
	}
	format := q.Get("format")
	if format != "" && format != "json" && format != "csv" {
		s.answerError(w, r, badf("format %q: want json or csv", format))
		return
	}
	rows, err := s.registerRows(r, f, q.Get("sipri") == "1" || q.Get("sipri") == "true")
	if err != nil {
		s.failed(w, r, err)
		return
	}
	if format == "csv" {
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="register.csv"`)
		export.RegisterCSV(w, rows)
		return
	}
	writeJSON(w, http.StatusOK, cutPage(rows, f))
}

// registerRows builds the register and keeps the rows f selects: its
// recipient, supplier, category and status.
func (s *server) registerRows(r *http.Request, f store.Filter, sipriOnly bool) ([]register.Row, error) {
	in, err := register.Load(r.Context(), s.Store, s.Catalog, f.Recipient)
	if err != nil {
		return nil, err
	}
	var rows []register.Row
	for _, row := range register.Build(in, s.Catalog) {
		if f.Supplier != "" && row.Supplier != f.Supplier || f.Category != "" && row.Category != f.Category ||
			f.Status != "" && row.Status != f.Status || sipriOnly && (!row.InSIPRIScope || row.Pledge) {
			continue
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// apiDocument is a document's metadata, and its text when asked for one.
type apiDocument struct {
	ID         int64       `json:"id"`
	Title      string      `json:"title"`
	URL        string      `json:"url"`
	Published  string      `json:"published"`
	Format     string      `json:"format"`
	Sources    []string    `json:"sources"`
	TwinOf     int64       `json:"twin_of,omitempty"`
	IngestedAt time.Time   `json:"ingested_at"`
	Body       string      `json:"body,omitempty"`
	Records    []apiRecord `json:"records,omitempty"`
}

func documentOf(d store.Document) apiDocument {
	return apiDocument{ID: d.ID, Title: d.Title, URL: d.URL, Published: d.Published, Format: d.Format,
		Sources: d.Sources, TwinOf: d.TwinOf, IngestedAt: d.IngestedAt, Body: d.Body}
}

func (s *server) apiDocuments(w http.ResponseWriter, r *http.Request) {
	servePage(s, w, r, s.Store.Documents, documentOf)
}

func (s *server) apiDocument(w http.ResponseWriter, r *http.Request) {
	d, recs, err := s.documentWithRecords(r)
	if err != nil {
		s.answerError(w, r, err)
		return
	}
	out := documentOf(*d)
	out.Records = recordsOf(recs)
	writeJSON(w, http.StatusOK, out)
}

// documentWithRecords reads the document the path names, with its records.
func (s *server) documentWithRecords(r *http.Request) (*store.Document, []store.Record, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, nil, err
	}
	d, err := s.Store.Document(r.Context(), id)
	if err != nil {
		return nil, nil, err
	}
	recs, err := s.Store.Records(r.Context(), store.Filter{DocumentID: id})
	return d, recs, err
}

// ingestRequest is the body of POST /api/documents: one of URL, Text or
// HTML. Source names where a text came from (default "api").
type ingestRequest struct {
	URL    string `json:"url"`
	Text   string `json:"text"`
	HTML   string `json:"html"`
	Source string `json:"source"`
}

// ingestResponse says what became of a posted article.
type ingestResponse struct {
	DocumentID int64 `json:"document_id"`
	Created    bool  `json:"created"`
	Records    int   `json:"records"`
}

func (s *server) apiIngest(w http.ResponseWriter, r *http.Request) {
	var req ingestRequest
	if err := decodeJSON(r, &req); err != nil {
		s.answerError(w, r, err)
		return
	}
	res, err := s.ingest(r, req)
	if err != nil {
		s.answerError(w, r, err)
		return
	}
	status := http.StatusOK
	if res.Created {
		status = http.StatusCreated
	}
	writeJSON(w, status, res)
}

// ingest stores one posted article through the same path as the CLI.
func (s *server) ingest(r *http.Request, req ingestRequest) (ingestResponse, error) {
	given := 0
	for _, v := range []string{req.URL, req.Text, req.HTML} {
		if strings.TrimSpace(v) != "" {
			given++
		}
	}
	if given != 1 {
		return ingestResponse{}, badf(`give exactly one of "url", "text" or "html"`)
	}
	source, body := req.Source, req.Text+req.HTML
	if req.URL != "" {
		if !ingest.IsURL(req.URL) {
			return ingestResponse{}, badf("url %q: want an http or https address", req.URL)
		}
		source = req.URL
	}
	if source == "" {
		source = "api"
	}
	opt := ingest.Options{Fetch: s.Fetch, Workers: 1, StdinName: source}
	from := source
	if req.URL == "" {
		from = "-"
	}
	sum, err := ingest.Run(r.Context(), s.Store, s.Catalog, []string{from}, strings.NewReader(body), opt)
	if err != nil {
		return ingestResponse{}, err
	}
	if len(sum.Failures) > 0 {
		return ingestResponse{}, badf("%s: %v", source, sum.Failures[0].Err)
	}
	if len(sum.Stored) != 1 {
		return ingestResponse{}, fmt.Errorf("ingesting %s stored %d documents", source, len(sum.Stored))
	}
	st := sum.Stored[0]
	return ingestResponse{DocumentID: st.DocumentID, Created: st.New, Records: sum.Records}, nil
}

func (s *server) apiSearch(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if q == "" {
		s.answerError(w, r, badf(`search needs q, the words to find ("quoted words" stay together)`))
		return
	}
	f, err := filterOf(url.Values{"limit": r.URL.Query()["limit"], "offset": r.URL.Query()["offset"]})
	if err != nil {
		s.answerError(w, r, err)
		return
	}
	hits, err := s.Store.Search(r.Context(), q, f.Offset+f.Limit+1)
	if err != nil {
		s.failed(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, cutPage(hits, f))
}

func (s *server) apiStats(w http.ResponseWriter, r *http.Request) {
	st, err := s.Store.Stats(r.Context())
	if err != nil {
		s.failed(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}
