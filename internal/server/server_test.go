package server

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"

	"github.com/dossier-osint/dossier/internal/record"
	"github.com/dossier-osint/dossier/internal/store"
)

// call sends a request from loopback, with the token when auth is set,
// and returns the response's status and body.
func (s *site) call(t *testing.T, method, target, body string, auth bool) (int, string) {
	t.Helper()
	rec := s.send(t, method, target, body, func(r *http.Request) {
		if auth {
			r.Header.Set("Authorization", "Bearer "+testToken)
		}
	})
	return rec.Code, rec.Body.String()
}

func (s *site) send(t *testing.T, method, target, body string, prepare func(*http.Request)) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(method, target, strings.NewReader(body))
	r.RemoteAddr = "127.0.0.1:50000"
	if body != "" {
		r.Header.Set("Content-Type", "application/json")
	}
	prepare(r)
	w := httptest.NewRecorder()
	s.h.ServeHTTP(w, r)
	return w
}

func decode[T any](t *testing.T, body string) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(body), &v); err != nil {
		t.Fatalf("response is not the JSON expected: %v\n%s", err, body)
	}
	return v
}

type recordsPage struct {
	Items []struct {
		ID          int64   `json:"id"`
		DocumentID  int64   `json:"document_id"`
		Review      string  `json:"review"`
		Kind        string  `json:"kind"`
		Recipient   string  `json:"recipient"`
		Designation *string `json:"designation"`
		Source      string  `json:"source"`
		Evidence    []record.Span
	} `json:"items"`
	NextOffset *int `json:"next_offset"`
}

func TestAPIRecordsFilterAndPages(t *testing.T) {
	onEachStore(t, func(t *testing.T, s *site) {
		code, body := s.call(t, "GET", "/api/records?recipient=mli&kind=transfer", "", false)
		if code != 200 {
			t.Fatalf("GET /api/records: %d %s", code, body)
		}
		all := decode[recordsPage](t, body)
		var designations []string
		for _, r := range all.Items {
			if r.Recipient != "MLI" || r.Kind != "transfer" || r.ID == 0 || r.DocumentID == 0 || len(r.Evidence) == 0 || r.Source == "" {
				t.Errorf("record %+v does not match the filter or lacks its id, evidence or source", r)
			}
			designations = append(designations, record.Str(r.Designation))
		}
		for _, want := range []string{"VN2C", "VP11", "KM450"} {
			if !slices.Contains(designations, want) {
				t.Errorf("Mali's transfers %q lack %s", designations, want)
			}
		}
		if all.NextOffset != nil {
			t.Errorf("one page holds them all, yet next_offset = %d", *all.NextOffset)
		}

		// Pages of two follow each other without gap or overlap.
		var paged []int64
		for offset := 0; ; {
			_, body := s.call(t, "GET", fmt.Sprintf("/api/records?recipient=MLI&kind=transfer&limit=2&offset=%d", offset), "", false)
			p := decode[recordsPage](t, body)
			if len(p.Items) > 2 {
				t.Fatalf("a page of 2 holds %d", len(p.Items))
			}
			for _, r := range p.Items {
				paged = append(paged, r.ID)
			}
			if p.NextOffset == nil {
				break
			}
			offset = *p.NextOffset
		}
		if len(paged) != len(all.Items) {
			t.Errorf("paging gave %d records, one page %d", len(paged), len(all.Items))
		}
		for i, r := range all.Items {
			if i < len(paged) && paged[i] != r.ID {
				t.Errorf("record %d of the pages is %d, want %d", i, paged[i], r.ID)
			}
		}

		for _, bad := range []string{"limit=0", "limit=5000", "offset=-1", "limit=ten", "kind=rumour", "category=tank", "document=x"} {
			code, body := s.call(t, "GET", "/api/records?"+bad, "", false)
			msg := decode[map[string]string](t, body)["error"]
			if code != 400 || msg == "" {
				t.Errorf("GET /api/records?%s = %d %q, want 400 with a message", bad, code, msg)
			}
		}
	})
}

func TestAPIDocuments(t *testing.T) {
	s := newSite(t)
	code, body := s.call(t, "GET", fmt.Sprintf("/api/documents/%d", s.mali), "", false)
	if code != 200 {
		t.Fatalf("GET document: %d %s", code, body)
	}
	doc := decode[apiDocumentJSON](t, body)
	if !strings.Contains(doc.Body, "Norinco") || len(doc.Records) == 0 || len(doc.Sources) != 1 {
		t.Errorf("document %d: body %d chars, %d records, sources %q", s.mali, len(doc.Body), len(doc.Records), doc.Sources)
	}
	code, body = s.call(t, "GET", "/api/documents?recipient=NER", "", false)
	list := decode[struct{ Items []apiDocumentJSON }](t, body)
	if code != 200 || len(list.Items) != 1 || list.Items[0].Body != "" {
		t.Errorf("documents with records for Niger: %d %+v, want one, without its body", code, list.Items)
	}
	for target, want := range map[string]int{"/api/documents/9999": 404, "/api/documents/abc": 400, "/api/records/9999": 404} {
		code, body := s.call(t, "GET", target, "", false)
		if code != want || decode[map[string]string](t, body)["error"] == "" {
			t.Errorf("GET %s = %d %s, want %d with an error message", target, code, body, want)
		}
	}
}

type apiDocumentJSON struct {
	ID      int64             `json:"id"`
	Body    string            `json:"body"`
	Sources []string          `json:"sources"`
	Records []json.RawMessage `json:"records"`
}

func TestAPIIngest(t *testing.T) {
	s := newSite(t)
	text := `{"text": "Title: Chad buys drones\nPublished: 2024-05-02\n\nChad has taken delivery of four Bayraktar TB2 drones from Turkey, the army said on Monday.", "source": "wire"}`
	if code, body := s.call(t, "POST", "/api/documents", text, false); code != 401 || !strings.Contains(body, "token") {
		t.Errorf("POST without the token = %d %s, want 401 saying a token is needed", code, body)
	}
	code, body := s.call(t, "POST", "/api/documents", text, true)
	got := decode[ingestResponse](t, body)
	if code != 201 || !got.Created || got.Records == 0 || got.DocumentID == 0 {
		t.Fatalf("POST a text = %d %s, want 201 with its records", code, body)
	}
	_, body = s.call(t, "GET", "/api/records?recipient=TCD", "", false)
	if recs := decode[recordsPage](t, body); len(recs.Items) == 0 || recs.Items[0].Source != "wire" {
		t.Errorf("Chad's records after the POST: %s", body)
	}
	code, body = s.call(t, "POST", "/api/documents", text, true)
	if again := decode[ingestResponse](t, body); code != 200 || again.Created || again.DocumentID != got.DocumentID {
		t.Errorf("POST the same text again = %d %s, want 200 and the same document", code, body)
	}

	page := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, `<html><head><title>Senegal orders patrol boats</title><meta property="article:published_time" content="2024-02-01"></head>
<body><nav>Home | World</nav><article><h1>Senegal orders patrol boats</h1><p>Senegal has ordered three OPV 58 S patrol vessels from France's Piriou shipyard, the navy said.</p>
<p>The first vessel is due for delivery next year, officials added in Dakar.</p></article><footer>© Example</footer></body></html>`)
	}))
	defer page.Close()
	code, body = s.call(t, "POST", "/api/documents", `{"url": "`+page.URL+`/senegal"}`, true)
	if fromURL := decode[ingestResponse](t, body); code != 201 || fromURL.DocumentID == 0 {
		t.Errorf("POST a URL = %d %s, want 201", code, body)
	}

	for _, bad := range []string{
		`{}`, `{"text": "a", "url": "https://example.org"}`, `{"url": "ftp://example.org/a"}`, `{"txt": "typo"}`, `not json`,
		`{"url": "http://127.0.0.1:1/nothing-listens"}`,
	} {
		code, body := s.call(t, "POST", "/api/documents", bad, true)
		if code != 400 || decode[map[string]string](t, body)["error"] == "" {
			t.Errorf("POST %s = %d %s, want 400 with a message", bad, code, body)
		}
	}
	huge := `{"text": "` + strings.Repeat("a", maxBody) + `"}`
	if code, body := s.call(t, "POST", "/api/documents", huge, true); code != 400 || !strings.Contains(body, "over") {
		t.Errorf("POST of %d bytes = %d %.200s, want 400 naming the limit", len(huge), code, body)
	}
	st, _ := s.store.Stats(t.Context())
	if st.Documents != 5 {
		t.Errorf("documents after the posts = %d, want the 3 samples + 2 posted", st.Documents)
	}
}

func TestAPIReview(t *testing.T) {
	onEachStore(t, func(t *testing.T, s *site) {
		recs, err := s.store.Records(t.Context(), store.Filter{DocumentID: s.mali, Designation: "VN2C"})
		if err != nil || len(recs) == 0 {
			t.Fatalf("VN2C record: %v %v", recs, err)
		}
		target := fmt.Sprintf("/api/records/%d", recs[0].ID)
		if code, _ := s.call(t, "PATCH", target, `{"verdict": "confirmed", "reviewer": "ana"}`, false); code != 401 {
			t.Errorf("PATCH without the token = %d, want 401", code)
		}
		code, body := s.call(t, "PATCH", target, `{"verdict": "corrected", "reviewer": "ana", "field": "quantity", "value": {"value": 8, "qualifier": "exact"}, "note": "ministry figure"}`, true)
		if code != 200 {
			t.Fatalf("PATCH a correction = %d %s", code, body)
		}
		got := decode[struct {
			Record struct {
				Review   string          `json:"review"`
				Quantity record.Quantity `json:"quantity"`
			} `json:"record"`
			History []struct {
				Verdict, Reviewer, Field, Note string
				Old, New                       json.RawMessage
			} `json:"history"`
		}](t, body)
		if got.Record.Review != "corrected" || got.Record.Quantity.Value == nil || *got.Record.Quantity.Value != 8 {
			t.Errorf("record after the correction: %+v", got.Record)
		}
		if len(got.History) != 1 || got.History[0].Reviewer != "ana" || got.History[0].Field != "quantity" ||
			!strings.Contains(string(got.History[0].Old), `"at_least"`) || got.History[0].Note != "ministry figure" {
			t.Errorf("history after the correction: %+v", got.History)
		}
		for _, bad := range []string{
			`{"verdict": "maybe", "reviewer": "ana"}`,
			`{"verdict": "confirmed"}`,
			`{"verdict": "corrected", "reviewer": "ana", "field": "category", "value": "tank"}`,
			`{"verdict": "corrected", "reviewer": "ana", "field": "evidence", "value": []}`,
		} {
			code, body := s.call(t, "PATCH", target, bad, true)
			if code != 400 || decode[map[string]string](t, body)["error"] == "" {
				t.Errorf("PATCH %s = %d %s, want 400 with a message", bad, code, body)
			}
		}
		if code, _ := s.call(t, "PATCH", "/api/records/99999", `{"verdict": "confirmed", "reviewer": "ana"}`, true); code != 404 {
			t.Errorf("PATCH an unknown record = %d, want 404", code)
		}
		if hist, _ := s.store.History(t.Context(), recs[0].ID); len(hist) != 1 {
			t.Errorf("refused reviews left history: %+v", hist)
		}
	})
}

func TestAPIRegisterSearchEntities(t *testing.T) {
	onEachStore(t, func(t *testing.T, s *site) {
		code, body := s.call(t, "GET", "/api/register?recipient=MLI&format=csv", "", false)
		if code != 200 || !strings.HasPrefix(body, "recipient,supplier,designation") || !strings.Contains(body, "VN2C") || strings.Contains(body, "NER,") {
			t.Errorf("register CSV for Mali: %d\n%s", code, body)
		}
		_, body = s.call(t, "GET", "/api/register?recipient=MLI&supplier=KOR", "", false)
		rows := decode[struct {
			Items []struct{ Supplier, Designation string }
		}](t, body)
		if len(rows.Items) != 1 || rows.Items[0].Designation != "KM450" {
			t.Errorf("Mali's deals with South Korea: %+v, want KM450", rows.Items)
		}
		if code, _ := s.call(t, "GET", "/api/register?format=xml", "", false); code != 400 {
			t.Errorf("register in xml = %d, want 400", code)
		}

		_, body = s.call(t, "GET", "/api/search?q=Norinco", "", false)
		hits := decode[struct{ Items []store.SearchHit }](t, body)
		if len(hits.Items) == 0 || hits.Items[0].DocumentID != s.mali || !strings.Contains(hits.Items[0].Snippet, "[Norinco]") {
			t.Errorf("search Norinco: %+v", hits.Items)
		}
		if code, _ := s.call(t, "GET", "/api/search?q=", "", false); code != 400 {
			t.Errorf("search without q = %d, want 400", code)
		}

		_, body = s.call(t, "GET", "/api/entities?type=country&q=mali", "", false)
		ents := decode[struct{ Items []entity }](t, body)
		if len(ents.Items) != 1 || ents.Items[0].ID != "MLI" || ents.Items[0].AsRecipient == 0 {
			t.Errorf("entities country mali: %+v", ents.Items)
		}
		_, body = s.call(t, "GET", "/api/entities?type=organisation&q=norinco", "", false)
		if ents := decode[struct{ Items []entity }](t, body); len(ents.Items) != 1 || ents.Items[0].Country != "CHN" {
			t.Errorf("entities organisation norinco: %+v", ents.Items)
		}
		if code, _ := s.call(t, "GET", "/api/entities?type=person", "", false); code != 400 {
			t.Errorf("entities of an unknown type = %d, want 400", code)
		}
	})
}

func TestAccessAndHeaders(t *testing.T) {
	s := newSite(t)
	remote := func(auth string) func(*http.Request) {
		return func(r *http.Request) {
			r.RemoteAddr = "203.0.113.7:40000"
			if auth != "" {
				r.Header.Set("Authorization", "Bearer "+auth)
			}
		}
	}
	if w := s.send(t, "GET", "/api/records", "", remote("")); w.Code != 401 {
		t.Errorf("read from another host without the token = %d, want 401", w.Code)
	}
	if w := s.send(t, "GET", "/api/records", "", remote("wrong")); w.Code != 401 {
		t.Errorf("read from another host with a wrong token = %d, want 401", w.Code)
	}
	if w := s.send(t, "GET", "/api/records", "", remote(testToken)); w.Code != 200 {
		t.Errorf("read from another host with the token = %d, want 200", w.Code)
	}
	w := s.send(t, "GET", "/", "", func(*http.Request) {})
	csp := w.Header().Get("Content-Security-Policy")
	if w.Code != 200 || !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("home: %d, CSP %q", w.Code, csp)
	}

	// A browser logs in once; its cookie then authorises forms of this
	// site, not requests another site makes it send.
	w = s.send(t, "GET", "/login?token="+testToken, "", func(*http.Request) {})
	cookies := w.Result().Cookies()
	if w.Code != http.StatusSeeOther || len(cookies) != 1 || !cookies[0].HttpOnly {
		t.Fatalf("login: %d, cookies %+v", w.Code, cookies)
	}
	recs, _ := s.store.Records(t.Context(), store.Filter{DocumentID: s.mali})
	form := fmt.Sprintf("/records/%d/review", recs[0].ID)
	post := func(site string) int {
		return s.send(t, "POST", form, "verdict=confirmed&reviewer=ana", func(r *http.Request) {
			r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			r.Header.Set("Sec-Fetch-Site", site)
			r.AddCookie(cookies[0])
		}).Code
	}
	if code := post("cross-site"); code != 401 {
		t.Errorf("a form posted from another site = %d, want 401", code)
	}
	if code := post("same-origin"); code != http.StatusSeeOther {
		t.Errorf("the review form of the page = %d, want 303", code)
	}
	if w := s.send(t, "GET", "/login?token=nope", "", func(*http.Request) {}); w.Code != 401 || len(w.Result().Cookies()) != 0 {
		t.Errorf("login with a wrong token = %d, cookies %v", w.Code, w.Result().Cookies())
	}
}

func TestPagesEscapeScrapedText(t *testing.T) {
	s := newSite(t)
	payload := `Title: <script>alert(1)</script> Gabon
Published: 2024-03-01

Gabon received <img src=x onerror=alert(2)> two Mi-17 helicopters from Russia <script>window.x=1</script> last month.`
	body, _ := json.Marshal(map[string]string{"text": payload, "source": "javascript:alert(3)"})
	code, resp := s.call(t, "POST", "/api/documents", string(body), true)
	if code != 201 {
		t.Fatalf("POST: %d %s", code, resp)
	}
	id := decode[ingestResponse](t, resp).DocumentID
	code, page := s.call(t, "GET", fmt.Sprintf("/documents/%d", id), "", false)
	if code != 200 {
		t.Fatalf("document page: %d", code)
	}
	for _, raw := range []string{"<script>", "<img src=x", `href="javascript:`} {
		if strings.Contains(page, raw) {
			t.Errorf("the page holds %q unescaped", raw)
		}
	}
	if !strings.Contains(page, "&lt;script&gt;") {
		t.Error("the page does not show the escaped text")
	}
}

func TestPages(t *testing.T) {
	onEachStore(t, func(t *testing.T, s *site) {
		for target, want := range map[string][]string{
			"/":                                  {"Mali", "Latest documents", "/countries/MLI"},
			"/countries/MLI":                     {`id="timeline"`, "VN2C", "VP11", "KM450", "Norinco"},
			"/countries/mli":                     {"VN2C"},
			"/register?supplier=KOR":             {"KM450"},
			"/search?q=Bayraktar":                {"<mark>Bayraktar</mark>"},
			"/watchlists":                        {"No watchlist yet"},
			fmt.Sprintf("/documents/%d", s.mali): {`<mark class="evidence"`, "VN2C"},
		} {
			code, page := s.call(t, "GET", target, "", false)
			if code != 200 {
				t.Errorf("GET %s = %d", target, code)
				continue
			}
			for _, w := range want {
				if !strings.Contains(page, w) {
					t.Errorf("GET %s lacks %q", target, w)
				}
			}
		}
		for target, want := range map[string]int{"/countries/XYZ": 404, "/documents/999": 404, "/no/such/page": 404, "/records/x": 400} {
			if code, _ := s.call(t, "GET", target, "", false); code != want {
				t.Errorf("GET %s = %d, want %d", target, code, want)
			}
		}
		if code, page := s.call(t, "GET", "/register?supplier=KOR", "", false); code != 200 || strings.Contains(page, "VN2C") {
			t.Errorf("the register filtered on South Korea shows Chinese deals")
		}
	})
}

func TestAlertsFeed(t *testing.T) {
	s := newSite(t)
	if err := s.store.AddWatchlist(t.Context(), &store.Watchlist{Recipient: "TCD", Category: "drone"}); err != nil {
		t.Fatal(err)
	}
	text := `{"text": "Title: Chad buys drones\nPublished: 2024-05-02\n\nChad has taken delivery of four Bayraktar TB2 drones from Turkey, the army said on Monday."}`
	if code, body := s.call(t, "POST", "/api/documents", text, true); code != 201 {
		t.Fatalf("POST: %d %s", code, body)
	}
	w := s.send(t, "GET", "/feeds/alerts.atom", "", func(r *http.Request) { r.Host = "dossier.example:8080" })
	if w.Code != 200 || !strings.HasPrefix(w.Header().Get("Content-Type"), "application/atom+xml") {
		t.Fatalf("alerts feed: %d %s", w.Code, w.Header().Get("Content-Type"))
	}
	feed, err := gofeed.NewParser().ParseString(w.Body.String())
	if err != nil {
		t.Fatalf("the alerts feed does not parse: %v\n%s", err, w.Body.String())
	}
	if len(feed.Items) != 1 || !strings.Contains(feed.Items[0].Title, "TB2") || !strings.HasPrefix(feed.Items[0].Link, "http://dossier.example:8080/documents/") {
		t.Errorf("alerts feed items: %+v", feed.Items)
	}
	if code, page := s.call(t, "GET", "/watchlists", "", false); code != 200 || !strings.Contains(page, "TB2") {
		t.Errorf("the watchlists page does not list the alert: %d", code)
	}
}

func TestAPIWrongMethod(t *testing.T) {
	s := newSite(t)
	w := s.send(t, "DELETE", "/api/records/1", "", func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+testToken) })
	if w.Code != http.StatusMethodNotAllowed || w.Header().Get("Allow") != "GET, PATCH" || decode[map[string]string](t, w.Body.String())["error"] == "" {
		t.Errorf("DELETE /api/records/1 = %d, Allow %q, %s", w.Code, w.Header().Get("Allow"), w.Body.String())
	}
}
