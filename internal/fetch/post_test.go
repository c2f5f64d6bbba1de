package fetch

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestPost(t *testing.T) {
	var got struct {
		method, sig, ua string
		body            []byte
	}
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/hook":
			got.method, got.sig, got.ua = r.Method, r.Header.Get("X-Sig"), r.UserAgent()
			got.body, _ = io.ReadAll(r.Body)
		case "/moved":
			http.Redirect(w, r, "/hook", http.StatusTemporaryRedirect)
		default:
			http.Error(w, "boom", http.StatusInternalServerError)
		}
	})
	f := newFetcher(Options{})
	ctx := context.Background()
	if err := f.Post(ctx, srv.URL+"/hook", http.Header{"X-Sig": {"s"}}, []byte(`{"a":1}`)); err != nil {
		t.Fatal(err)
	}
	if got.method != http.MethodPost || got.sig != "s" || got.ua != DefaultUserAgent || string(got.body) != `{"a":1}` {
		t.Fatalf("webhook received %+v", got)
	}

	var status *StatusError
	err := f.Post(ctx, srv.URL+"/fail", nil, nil)
	if !errors.As(err, &status) || status.Code != 500 || err.Error() != "fetch "+srv.URL+"/fail: HTTP 500 Internal Server Error" {
		t.Fatalf("failing webhook: %v", err)
	}
	// The body is never resent elsewhere.
	got.method = ""
	if err := f.Post(ctx, srv.URL+"/moved", nil, []byte("x")); !errors.As(err, &status) || status.Code != http.StatusTemporaryRedirect || got.method != "" {
		t.Fatalf("redirecting webhook: %v, reached %q", err, got.method)
	}
}

func TestPostIsGuarded(t *testing.T) {
	if err := New(Options{}).Post(context.Background(), "http://127.0.0.1:1/hook", nil, nil); err == nil ||
		!strings.Contains(err.Error(), "refusing private address 127.0.0.1 for http://127.0.0.1:1/hook") {
		t.Errorf("webhook on loopback: %v", err)
	}
	if err := New(Options{}).Post(context.Background(), "ftp://example.com/hook", nil, nil); err == nil || !strings.Contains(err.Error(), `unsupported scheme "ftp"`) {
		t.Errorf("ftp webhook: %v", err)
	}
	hang := newServer(t, func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	err := newFetcher(Options{Timeout: 50 * time.Millisecond}).Post(context.Background(), hang.URL+"/hook", nil, nil)
	if err == nil || !strings.Contains(err.Error(), "timed out after 50ms") {
		t.Errorf("hanging webhook: %v", err)
	}
}

func TestCheckURL(t *testing.T) {
	for _, u := range []string{"https://a.example/feed", "http://a.example"} {
		if err := CheckURL(u); err != nil {
			t.Errorf("%s: %v", u, err)
		}
	}
	for _, u := range []string{"a.example/feed", "file:///etc/passwd", "https://", "http://a b/", "/feed.xml"} {
		if err := CheckURL(u); err == nil {
			t.Errorf("%s accepted", u)
		}
	}
}

func TestStatusError(t *testing.T) {
	srv := redirectServer(t)
	f := newFetcher(Options{})
	body, final, err := f.Fetch(context.Background(), srv.URL+"/r/1")
	if err != nil || string(body) != articleHTML || final != srv.URL+"/r/0" {
		t.Fatalf("Fetch: %q, %q, %v", body, final, err)
	}
	var status *StatusError
	if _, _, err := f.Fetch(context.Background(), srv.URL+"/missing"); !errors.As(err, &status) || status.Code != 404 || status.URL != srv.URL+"/missing" {
		t.Fatalf("missing page: %v", err)
	}
}
