package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/dossier-osint/dossier/internal/store"
)

// browser starts headless Chromium for a test, or skips it where there is
// none (never in CI, where .ci/run installs it).
func browser(t *testing.T) context.Context {
	t.Helper()
	path := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("no Chromium: .ci/run installs Debian's chromium")
		}
		t.Skip("no Chromium on this machine (apt-get install chromium)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path), chromedp.NoSandbox,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.WindowSize(1280, 900))
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(alloc)
	ctx, cancelTime := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelTime(); cancelTab(); cancelAlloc() })
	return ctx
}

// serveSite serves a fresh site on loopback.
func serveSite(t *testing.T) (*site, string) {
	s := newSite(t)
	srv := httptest.NewServer(s.h)
	t.Cleanup(srv.Close)
	return s, srv.URL
}

func must[T any](t *testing.T, ctx context.Context, what string, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

// waitFor waits until a script is true on the page, through the
// navigation a form's submission starts.
func waitFor(t *testing.T, ctx context.Context, script string) {
	t.Helper()
	var err error
	for range 100 {
		var ok bool
		if ok, err = chromedp.Run(ctx, chromedp.Evaluate[bool](script)); err == nil && ok {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("waiting for %s: %v", script, err)
}

// screenshot saves the page as docs/NAME.png when DOSSIER_SCREENSHOTS
// names the folder (the README's pictures are made so).
func screenshot(t *testing.T, ctx context.Context, name string) {
	dir := os.Getenv("DOSSIER_SCREENSHOTS")
	if dir == "" {
		return
	}
	png := must(t, ctx, "screenshot "+name, chromedp.FullScreenshot(100))
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestBrowserCountryPage(t *testing.T) {
	ctx := browser(t)
	_, base := serveSite(t)
	must(t, ctx, "open Mali's page", chromedp.Navigate(base+"/countries/MLI"))
	bars := must(t, ctx, "count the chart's bars", chromedp.Evaluate[int](`document.querySelectorAll('#timeline rect[data-count]').length`))
	if bars == 0 {
		t.Error("the chart has no bar")
	}
	years := must(t, ctx, "read the chart's years", chromedp.Evaluate[[]string](`[...document.querySelectorAll('#timeline g.bar')].map(g => g.dataset.year)`))
	if len(years) == 0 || years[0] != "2021" {
		t.Errorf("chart years %q, want them to start in 2021", years)
	}
	table := must(t, ctx, "read the register", chromedp.Text(chromedp.CSS("table.register")))
	for _, want := range []string{"VN2C", "VP11", "KM450"} {
		if !strings.Contains(table, want) {
			t.Errorf("Mali's register lacks %s", want)
		}
	}
	// The stylesheet is the site's own, so the CSP lets it apply.
	bg := must(t, ctx, "read the header's colour", chromedp.Evaluate[string](`getComputedStyle(document.querySelector('header.site')).backgroundColor`))
	if bg == "rgba(0, 0, 0, 0)" || bg == "" {
		t.Errorf("the stylesheet did not apply: header background %q", bg)
	}
	screenshot(t, ctx, "country")
	must(t, ctx, "open the home page", chromedp.Navigate(base+"/"))
	screenshot(t, ctx, "home")
	must(t, ctx, "phone-sized window", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile))
	must(t, ctx, "open Mali's page on a phone", chromedp.Navigate(base+"/countries/MLI"))
	overflow := must(t, ctx, "measure the page", chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
	if overflow {
		t.Error("on a phone the page is wider than the screen")
	}
	screenshot(t, ctx, "country-phone")
}

func TestBrowserDocumentEvidence(t *testing.T) {
	ctx := browser(t)
	s, base := serveSite(t)
	recs, err := s.store.Records(t.Context(), store.Filter{DocumentID: s.mali, Designation: "VN2C"})
	if err != nil || len(recs) == 0 {
		t.Fatalf("VN2C record: %v", err)
	}
	must(t, ctx, "open the Mali article", chromedp.Navigate(fmt.Sprintf("%s/documents/%d", base, s.mali)))
	marks := must(t, ctx, "count highlights", chromedp.Evaluate[int](`document.querySelectorAll('mark.evidence').length`))
	if marks == 0 {
		t.Fatal("no evidence is highlighted")
	}
	must(t, ctx, "follow the VN2C record's evidence link",
		chromedp.Click(chromedp.CSS(fmt.Sprintf(`li[data-record="%d"] a[href^="#ev-"]`, recs[0].ID))))
	hash := must(t, ctx, "read the address", chromedp.Evaluate[string](`location.hash`))
	if hash != fmt.Sprintf("#ev-%d", recs[0].ID) {
		t.Errorf("after the click the address ends in %q", hash)
	}
	// The evidence of the record, highlighted after its anchor, names VN2C.
	text := must(t, ctx, "read the highlighted evidence", chromedp.Evaluate[string](fmt.Sprintf(
		`[...document.querySelectorAll('mark.evidence')].filter(m => m.dataset.records.split(' ').includes('%d')).map(m => m.textContent).join('')`, recs[0].ID)))
	if !strings.Contains(text, "VN2C") {
		t.Errorf("the VN2C record's highlighted evidence is %q", text)
	}
	screenshot(t, ctx, "document")
}

func TestBrowserReview(t *testing.T) {
	ctx := browser(t)
	s, base := serveSite(t)
	recs, err := s.store.Records(t.Context(), store.Filter{DocumentID: s.mali, Designation: "KM450"})
	if err != nil || len(recs) == 0 {
		t.Fatalf("KM450 record: %v", err)
	}
	id := recs[0].ID
	must(t, ctx, "log in", chromedp.Navigate(base+"/login?token="+testToken))
	must(t, ctx, "open the record", chromedp.Navigate(fmt.Sprintf("%s/records/%d", base, id)))
	must(t, ctx, "type the reviewer", chromedp.SendKeys(chromedp.CSS(`form.verdict input[name=reviewer]`), "Ana Analyst"))
	must(t, ctx, "confirm", chromedp.Click(chromedp.CSS(`#confirm`)))
	waitFor(t, ctx, `document.querySelector('#history tbody')?.textContent.includes('Ana Analyst')`)
	history := must(t, ctx, "read the history", chromedp.Text(chromedp.CSS(`#history tbody`)))
	if !strings.Contains(history, "confirmed") {
		t.Errorf("history after confirming: %q", history)
	}
	// A correction through the form.
	must(t, ctx, "type the reviewer", chromedp.SendKeys(chromedp.CSS(`form.correct input[name=reviewer]`), "Ana Analyst"))
	must(t, ctx, "choose the field", chromedp.SetValue(chromedp.CSS(`form.correct select[name=field]`), "quantity"))
	must(t, ctx, "type the value", chromedp.SendKeys(chromedp.CSS(`form.correct input[name=value]`), "at least 60"))
	must(t, ctx, "correct", chromedp.Click(chromedp.CSS(`#correct`)))
	waitFor(t, ctx, `document.querySelector('#history tbody')?.textContent.includes('corrected')`)
	screenshot(t, ctx, "record")

	hist, err := s.store.History(t.Context(), id)
	if err != nil || len(hist) != 2 || hist[0].Verdict != store.ReviewConfirmed || hist[0].Reviewer != "Ana Analyst" {
		t.Fatalf("stored history: %+v, %v", hist, err)
	}
	var q struct {
		Value     int
		Qualifier string
	}
	if err := json.Unmarshal(hist[1].New, &q); err != nil || q.Value != 60 || q.Qualifier != "at_least" {
		t.Errorf("stored correction %s, want at least 60", hist[1].New)
	}
}

func TestBrowserScrapedScriptsDoNotRun(t *testing.T) {
	ctx := browser(t)
	_, base := serveSite(t)
	var dialogs atomic.Int32
	must(t, ctx, "open a tab", chromedp.Navigate("about:blank"))
	go func() {
		for range chromedp.Events(ctx, cdppage.JavascriptDialogOpening) {
			dialogs.Add(1)
		}
	}()
	text := "Title: Togo <script>window.__xss='title'</script>\nPublished: 2024-03-01\n\n" +
		"Togo received <img src=x onerror=\"window.__xss='img';alert(1)\"> two Mi-17 helicopters from Russia. " +
		"<script>window.__xss='body';alert(2)</script> Read <a href=\"javascript:window.__xss='link'\">more</a>."
	html := `<html><head><title>Benin buys boats</title></head><body><article><h1>Benin buys boats</h1>
<p>Benin has ordered two patrol boats from France, the navy said.<img src=x onerror="window.__xss='html';alert(3)"></p>
<script>window.__xss='html-script'</script><p><a href="javascript:window.__xss='html-link'">Details</a></p></article></body></html>`
	var ids []int64
	for _, body := range []map[string]string{{"text": text, "source": "javascript:window.__xss='source'"}, {"html": html}} {
		data, _ := json.Marshal(body)
		r, err := http.NewRequest("POST", base+"/api/documents", strings.NewReader(string(data)))
		if err != nil {
			t.Fatal(err)
		}
		r.Header.Set("Authorization", "Bearer "+testToken)
		resp, err := http.DefaultClient.Do(r)
		if err != nil {
			t.Fatal(err)
		}
		var got ingestResponse
		json.NewDecoder(resp.Body).Decode(&got)
		resp.Body.Close()
		if resp.StatusCode != http.StatusCreated {
			t.Fatalf("POST: %d", resp.StatusCode)
		}
		ids = append(ids, got.DocumentID)
	}
	for _, id := range ids {
		must(t, ctx, "open the article", chromedp.Navigate(fmt.Sprintf("%s/documents/%d", base, id)))
		// Click every link of the article and its sources, as a reader might.
		must(t, ctx, "click the links", chromedp.Evaluate[chromedp.Void](`document.querySelectorAll('article a, p.meta a').forEach(a => a.click())`))
		must(t, ctx, "let anything run", chromedp.Sleep(300*time.Millisecond))
		xss := must(t, ctx, "look for the payloads' mark", chromedp.Evaluate[string](`String(window.__xss)`))
		if xss != "undefined" {
			t.Errorf("document %d: a scraped script ran (window.__xss = %q)", id, xss)
		}
		scripts := must(t, ctx, "count scripts", chromedp.Evaluate[int](`document.scripts.length + document.querySelectorAll('[onerror], a[href^="javascript:"]').length`))
		if scripts != 0 {
			t.Errorf("document %d: the page holds %d scripts, handlers or script links", id, scripts)
		}
	}
	if dialogs.Load() != 0 {
		t.Errorf("%d dialogs opened", dialogs.Load())
	}
}
