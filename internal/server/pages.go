package server

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/dossier-osint/dossier/internal/alerts"
	"github.com/dossier-osint/dossier/internal/catalog"
	"github.com/dossier-osint/dossier/internal/export"
	"github.com/dossier-osint/dossier/internal/ingest"
	"github.com/dossier-osint/dossier/internal/record"
	"github.com/dossier-osint/dossier/internal/register"
	"github.com/dossier-osint/dossier/internal/store"
)

func (s *server) pageRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /{$}", s.home)
	mux.HandleFunc("GET /login", s.login)
	mux.HandleFunc("GET /countries/{code}", s.countryPage)
	mux.HandleFunc("GET /documents/{id}", s.documentPage)
	mux.HandleFunc("GET /records/{id}", s.recordPage)
	mux.HandleFunc("POST /records/{id}/review", s.reviewForm)
	mux.HandleFunc("GET /register", s.registerPage)
	mux.HandleFunc("GET /search", s.searchPage)
	mux.HandleFunc("GET /watchlists", s.watchlistsPage)
	mux.HandleFunc("GET /feeds/alerts.atom", s.alertsFeed)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.errorPage(w, r, http.StatusNotFound, "there is no page at "+r.URL.Path)
	})
}

func templateFuncs(cat *catalog.Catalog) template.FuncMap {
	return template.FuncMap{
		"countryName": func(code string) string { return countryName(cat, code) },
		"str":         record.Str,
		"qty":         export.QuantityOf,
		"notes":       export.Notes,
		"join":        strings.Join,
		"dash": func(s string) string {
			if s == "" {
				return "–"
			}
			return s
		},
		"records": func(ids []int64) string {
			parts := make([]string, len(ids))
			for i, id := range ids {
				parts[i] = strconv.FormatInt(id, 10)
			}
			return strings.Join(parts, " ")
		},
		// Only web addresses become links: a source may be a file path, or
		// a scraped "javascript:" address.
		"webAddress": ingest.IsURL,
	}
}

func countryName(cat *catalog.Catalog, code string) string {
	if c := cat.Country(code); c != nil {
		return c.Name
	}
	if code == "" {
		return "unknown"
	}
	return code
}

// render writes a page; a template that fails is answered with 500
// before anything is sent, since it renders into a buffer.
func (s *server) render(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	var buf bytes.Buffer
	if err := s.pages.ExecuteTemplate(&buf, name, data); err != nil {
		if s.Log != nil {
			s.Log.Printf("rendering %s for %s: %v", name, r.URL.Path, err)
		}
		http.Error(w, "the page could not be drawn; see the server's log", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

type errorData struct {
	Title   string
	Status  int
	Message string
}

func (s *server) errorPage(w http.ResponseWriter, r *http.Request, status int, msg string) {
	s.render(w, r, status, "error", errorData{Title: http.StatusText(status), Status: status, Message: msg})
}

// login keeps the token in a cookie for this browser: the address served
// prints is /login?token=..., so one click both opens and authorises.
func (s *server) login(w http.ResponseWriter, r *http.Request) {
	if !s.tokenIs(r.URL.Query().Get("token")) {
		s.errorPage(w, r, http.StatusUnauthorized, "that is not this server's token; it was printed when the server started")
		return
	}
	http.SetCookie(w, &http.Cookie{Name: tokenCookie, Value: s.Token, Path: "/", HttpOnly: true,
		SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

type countryCount struct {
	Code  string
	Count int
}

type homeData struct {
	Title     string
	Stats     store.Stats
	Countries []countryCount
	Documents []store.Document
	Records   []store.Record
}

// homeRecords is how many of the latest records the home page lists.
const homeRecords = 15

func (s *server) home(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	st, err := s.Store.Stats(ctx)
	if err != nil {
		s.failed(w, r, err)
		return
	}
	docs, err := s.Store.Documents(ctx, store.Filter{Limit: 10})
	if err != nil {
		s.failed(w, r, err)
		return
	}
	data := homeData{Title: "Dossier", Stats: st, Documents: docs}
	for _, d := range docs {
		if len(data.Records) >= homeRecords {
			break
		}
		recs, err := s.Store.Records(ctx, store.Filter{DocumentID: d.ID, Kind: record.KindTransfer})
		if err != nil {
			s.failed(w, r, err)
			return
		}
		data.Records = append(data.Records, recs[:min(len(recs), homeRecords-len(data.Records))]...)
	}
	for code, n := range st.ByRecipient {
		data.Countries = append(data.Countries, countryCount{code, n})
	}
	slices.SortFunc(data.Countries, func(a, b countryCount) int { return cmp.Or(b.Count-a.Count, cmp.Compare(a.Code, b.Code)) })
	s.render(w, r, http.StatusOK, "home", data)
}

type supplierSummary struct {
	Code       string
	Deals      int
	Categories []string
}

type partner struct {
	Name   string
	Events int
}

type countryData struct {
	Title     string
	Code      string
	Chart     chart
	Rows      []register.Row
	Suppliers []supplierSummary
	Partners  []partner
	Events    []store.Record
	Query     string
}

func (s *server) countryPage(w http.ResponseWriter, r *http.Request) {
	code := strings.ToUpper(r.PathValue("code"))
	country := s.Catalog.Country(code)
	if country == nil {
		s.errorPage(w, r, http.StatusNotFound, fmt.Sprintf("%q is not a state's ISO 3166-1 alpha-3 code (MLI is Mali)", r.PathValue("code")))
		return
	}
	rows, err := s.registerRows(r, store.Filter{Recipient: code}, false)
	if err != nil {
		s.failed(w, r, err)
		return
	}
	data := countryData{Title: country.Name, Code: code, Rows: rows,
		Chart: newChart(rows, func(c string) string { return countryName(s.Catalog, c) }),
		Query: url.Values{"recipient": {code}}.Encode()}
	bySupplier := map[string]*supplierSummary{}
	for _, row := range rows {
		sum := bySupplier[row.Supplier]
		if sum == nil {
			sum = &supplierSummary{Code: row.Supplier}
			bySupplier[row.Supplier] = sum
		}
		sum.Deals++
		if !slices.Contains(sum.Categories, row.Category) {
			sum.Categories = append(sum.Categories, row.Category)
		}
	}
	for _, sum := range bySupplier {
		data.Suppliers = append(data.Suppliers, *sum)
	}
	slices.SortFunc(data.Suppliers, func(a, b supplierSummary) int { return cmp.Or(b.Deals-a.Deals, cmp.Compare(a.Code, b.Code)) })

	data.Events, err = s.countryEvents(r, country)
	if err != nil {
		s.failed(w, r, err)
		return
	}
	partners := map[string]int{}
	for _, e := range data.Events {
		for _, a := range e.Actors {
			if !s.names(country, a) {
				partners[a]++
			}
		}
	}
	for name, n := range partners {
		data.Partners = append(data.Partners, partner{name, n})
	}
	slices.SortFunc(data.Partners, func(a, b partner) int { return cmp.Or(b.Events-a.Events, cmp.Compare(a.Name, b.Name)) })
	s.render(w, r, http.StatusOK, "country", data)
}

// names reports whether name is one of a country's names.
func (s *server) names(c *catalog.Country, name string) bool {
	named := s.Catalog.CountryByName(name)
	return named != nil && named.ISO3 == c.ISO3
}

// countryEvents are the events held in a country or with it among the actors.
func (s *server) countryEvents(r *http.Request, c *catalog.Country) ([]store.Record, error) {
	events, err := s.Store.Records(r.Context(), store.Filter{Kind: record.KindEvent})
	if err != nil {
		return nil, err
	}
	var out []store.Record
	for _, e := range events {
		if e.Review != store.ReviewRejected && (record.Str(e.Country) == c.ISO3 || slices.ContainsFunc(e.Actors, func(a string) bool { return s.names(c, a) })) {
			out = append(out, e)
		}
	}
	slices.SortStableFunc(out, func(a, b store.Record) int { return cmp.Compare(record.Str(b.Date), record.Str(a.Date)) })
	return out, nil
}

// otherSource is a document that tells of the same deal as a record.
type otherSource struct {
	DocumentID int64
	URL        string
	Record     int64
}

type documentData struct {
	Title    string
	Document *store.Document
	Passages []passage
	Records  []store.Record
	Others   []otherSource
}

func (s *server) documentPage(w http.ResponseWriter, r *http.Request) {
	doc, recs, err := s.documentWithRecords(r)
	if err != nil {
		s.answerError(w, r, err)
		return
	}
	id := doc.ID
	others, err := s.otherSources(r, id, recs)
	if err != nil {
		s.failed(w, r, err)
		return
	}
	title := cmp.Or(doc.Title, fmt.Sprintf("Document %d", id))
	s.render(w, r, http.StatusOK, "document", documentData{Title: title, Document: doc, Passages: passages(doc.Body, recs),
		Records: recs, Others: others})
}

// otherSources finds, through the register, the other documents that
// report the deals this document's transfers belong to.
func (s *server) otherSources(r *http.Request, docID int64, recs []store.Record) ([]otherSource, error) {
	mine := map[int64]bool{}
	recipients := map[string]bool{}
	for _, rec := range recs {
		if rec.Kind == record.KindTransfer {
			mine[rec.ID] = true
			recipients[rec.Recipient] = true
		}
	}
	var out []otherSource
	seen := map[int64]bool{docID: true}
	for recipient := range recipients {
		rows, err := s.registerRows(r, store.Filter{Recipient: recipient}, false)
		if err != nil {
			return nil, err
		}
		for _, row := range rows {
			var here int64
			for _, src := range row.Sources {
				for _, rid := range src.RecordIDs {
					if mine[rid] {
						here = rid
					}
				}
			}
			if here == 0 {
				continue
			}
			for _, src := range row.Sources {
				if !seen[src.DocumentID] {
					seen[src.DocumentID] = true
					out = append(out, otherSource{DocumentID: src.DocumentID, URL: src.URL, Record: here})
				}
			}
		}
	}
	slices.SortFunc(out, func(a, b otherSource) int { return cmp.Compare(a.DocumentID, b.DocumentID) })
	return out, nil
}

type recordData struct {
	Title   string
	Record  recordWithHistory
	Stored  store.Record
	Error   string
	Fields  []string
	Message string
}

func (s *server) recordPage(w http.ResponseWriter, r *http.Request) {
	s.showRecord(w, r, http.StatusOK, "")
}

// showRecord draws a record's page, with the problem of a review just
// refused, if any.
func (s *server) showRecord(w http.ResponseWriter, r *http.Request, status int, problem string) {
	id, err := pathID(r)
	if err != nil {
		s.answerError(w, r, err)
		return
	}
	rh, err := s.recordWithHistory(r, id)
	if err != nil {
		s.failed(w, r, err)
		return
	}
	rec := rh.Record.Record
	s.render(w, r, status, "record", recordData{Title: fmt.Sprintf("Record %d", id), Record: rh, Stored: rec,
		Error: problem, Fields: store.Correctable(rec.Kind)})
}

// reviewForm applies the review form of a record's page and shows the
// page again, with its new history.
func (s *server) reviewForm(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.answerError(w, r, err)
		return
	}
	if err := r.ParseForm(); err != nil {
		s.answerError(w, r, badf("the form could not be read: %v", err))
		return
	}
	rv := &store.Review{RecordID: id, Verdict: r.PostForm.Get("verdict"), Reviewer: strings.TrimSpace(r.PostForm.Get("reviewer")),
		Note: strings.TrimSpace(r.PostForm.Get("note"))}
	if rv.Verdict == store.ReviewCorrected {
		rv.Field = r.PostForm.Get("field")
		rv.New = formValue(rv.Field, r.PostForm.Get("value"))
	}
	if err := s.review(r, rv); err != nil {
		if _, bad := err.(badRequest); bad {
			s.showRecord(w, r, http.StatusBadRequest, err.Error())
			return
		}
		s.failed(w, r, err)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("/records/%d#history", id), http.StatusSeeOther)
}

// formValue turns what a person typed for a field into its JSON: a
// number is a quantity ("at least 6", "about 50" set the qualifier), a
// comma-separated list the actors, "none" or nothing a null, and anything
// else a string. JSON typed in is taken as it is.
func formValue(field, text string) json.RawMessage {
	text = strings.TrimSpace(text)
	if json.Valid([]byte(text)) && (strings.HasPrefix(text, "{") || strings.HasPrefix(text, "[") || strings.HasPrefix(text, `"`)) {
		return json.RawMessage(text)
	}
	var v any = text
	switch lower := strings.ToLower(text); {
	case lower == "" || lower == "none" || lower == "null" || lower == "unknown":
		v = nil
		if field == "quantity" {
			v = record.Quantity{Qualifier: record.QualUnknown}
		}
	case field == "quantity":
		q := record.Quantity{Qualifier: record.QualExact}
		for prefix, qual := range map[string]string{"at least ": record.QualAtLeast, "≥": record.QualAtLeast,
			"about ": record.QualApprox, "~": record.QualApprox} {
			if rest, ok := strings.CutPrefix(lower, prefix); ok {
				lower, q.Qualifier = strings.TrimSpace(rest), qual
			}
		}
		if n, err := strconv.Atoi(lower); err == nil {
			q.Value = &n
			v = q
		}
	case field == "actors":
		var actors []string
		for _, a := range strings.Split(text, ",") {
			if a = strings.TrimSpace(a); a != "" {
				actors = append(actors, a)
			}
		}
		v = actors
	case field == "planned":
		if b, err := strconv.ParseBool(lower); err == nil {
			v = b
		}
	case field == "recipient" || field == "supplier" || field == "country":
		v = strings.ToUpper(text)
	}
	data, _ := json.Marshal(v)
	return data
}

type registerData struct {
	Title      string
	Rows       []register.Row
	Filter     store.Filter
	Categories []string
	Statuses   []string
	Query      string
}

func (s *server) registerPage(w http.ResponseWriter, r *http.Request) {
	f, err := filterOf(r.URL.Query())
	if err != nil {
		s.answerError(w, r, err)
		return
	}
	rows, err := s.registerRows(r, f, false)
	if err != nil {
		s.failed(w, r, err)
		return
	}
	q := url.Values{}
	for k, v := range map[string]string{"recipient": f.Recipient, "supplier": f.Supplier, "category": f.Category, "status": f.Status} {
		if v != "" {
			q.Set(k, v)
		}
	}
	s.render(w, r, http.StatusOK, "register", registerData{Title: "Register", Rows: rows, Filter: f, Categories: record.Categories,
		Statuses: []string{record.StatusPlanned, record.StatusContracted, record.StatusDelivered, record.StatusInService},
		Query:    q.Encode()})
}

type searchHit struct {
	store.SearchHit
	Parts []snippetPart
}

type searchData struct {
	Title string
	Query string
	Hits  []searchHit
}

func (s *server) searchPage(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	data := searchData{Title: "Search", Query: q}
	if q != "" {
		hits, err := s.Store.Search(r.Context(), q, 50)
		if err != nil {
			s.failed(w, r, err)
			return
		}
		for _, h := range hits {
			data.Hits = append(data.Hits, searchHit{h, snippetParts(h.Snippet)})
		}
	}
	s.render(w, r, http.StatusOK, "search", data)
}

type watchlistsData struct {
	Title      string
	Watchlists []store.Watchlist
	Alerts     []store.Alert
}

func (s *server) watchlistsPage(w http.ResponseWriter, r *http.Request) {
	ws, err := s.Store.Watchlists(r.Context())
	if err != nil {
		s.failed(w, r, err)
		return
	}
	alerts, err := s.Store.Alerts(r.Context(), store.AlertFilter{Limit: 50})
	if err != nil {
		s.failed(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "watchlists", watchlistsData{Title: "Watchlists", Watchlists: ws, Alerts: alerts})
}

// alertsFeed serves the recent alerts as Atom, for feed readers.
func (s *server) alertsFeed(w http.ResponseWriter, r *http.Request) {
	list, err := s.Store.Alerts(r.Context(), store.AlertFilter{Limit: 50})
	if err != nil {
		s.failed(w, r, err)
		return
	}
	ws, err := s.Store.Watchlists(r.Context())
	if err != nil {
		s.failed(w, r, err)
		return
	}
	base := s.BaseURL
	if base == "" {
		scheme := "http"
		if r.TLS != nil {
			scheme = "https"
		}
		base = scheme + "://" + r.Host
	}
	var buf bytes.Buffer
	if err := alerts.WriteAtom(&buf, list, ws, strings.TrimSuffix(base, "/")+"/feeds/alerts.atom", time.Now()); err != nil {
		s.failed(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	w.Write(buf.Bytes())
}
