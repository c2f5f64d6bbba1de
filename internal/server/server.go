// Package server serves the database over HTTP: a JSON API and a web UI
// rendered on the server, with every asset embedded in the binary.
package server

import (
	"context"
	"crypto/subtle"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/dossier-osint/dossier/internal/catalog"
	"github.com/dossier-osint/dossier/internal/store"
)

// Config is what a server serves and how.
type Config struct {
	Store   store.Store
	Catalog *catalog.Catalog
	// Token authorises writes (ingest, review) and reads from other hosts
	// than this one.
	Token string
	// Fetch reads the addresses posted to /api/documents; nil refuses them.
	Fetch func(ctx context.Context, url string) ([]byte, string, error)
	// BaseURL is the server's address as users reach it, for links in the
	// alerts feed; "" takes it from each request.
	BaseURL string
	// Log receives one line per failed request; nil logs nothing.
	Log *log.Logger
}

// maxBody bounds a request body: an article page is far smaller.
const maxBody = 12 << 20

//go:embed templates/*.html
var templateFiles embed.FS

//go:embed static
var staticFiles embed.FS

// contentSecurityPolicy allows nothing inline and nothing from elsewhere, so
// that a script smuggled into a scraped article cannot run.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// tokenCookie carries the token for a browser, set by /login.
const tokenCookie = "dossier_token"

type server struct {
	Config
	pages *template.Template
}

// New returns the handler of the whole site.
func New(cfg Config) (http.Handler, error) {
	if cfg.Store == nil || cfg.Catalog == nil {
		return nil, errors.New("server: a store and a catalog are needed")
	}
	if cfg.Token == "" {
		return nil, errors.New("server: a token is needed to authorise writes")
	}
	pages, err := template.New("").Funcs(templateFuncs(cfg.Catalog)).ParseFS(templateFiles, "templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("server: templates: %w", err)
	}
	s := &server{Config: cfg, pages: pages}
	mux := http.NewServeMux()
	static, err := fs.Sub(staticFiles, "static")
	if err != nil {
		return nil, err
	}
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	s.apiRoutes(mux)
	s.pageRoutes(mux)
	return s.guard(mux), nil
}

// guard applies what every request needs: security headers, a body
// limit, and the token where it is required.
func (s *server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		r.Body = http.MaxBytesReader(w, r.Body, maxBody)
		if r.URL.Path == "/login" || strings.HasPrefix(r.URL.Path, "/static/") {
			next.ServeHTTP(w, r)
			return
		}
		write := r.Method != http.MethodGet && r.Method != http.MethodHead
		if (write || !fromLoopback(r)) && !s.authorised(r) {
			s.deny(w, r, write)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// authorised: the token as a bearer header (API clients), or as the cookie
// /login set (browsers) on a request from this site's own pages, so that
// another site cannot make a browser write with it.
func (s *server) authorised(r *http.Request) bool {
	if tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok {
		return s.tokenIs(tok)
	}
	c, err := r.Cookie(tokenCookie)
	if err != nil || !s.tokenIs(c.Value) {
		return false
	}
	site := r.Header.Get("Sec-Fetch-Site")
	return r.Method == http.MethodGet || site == "" || site == "same-origin"
}

func (s *server) tokenIs(tok string) bool {
	return subtle.ConstantTimeCompare([]byte(tok), []byte(s.Token)) == 1
}

func (s *server) deny(w http.ResponseWriter, r *http.Request, write bool) {
	msg := "this server answers other hosts only with its token: send \"Authorization: Bearer TOKEN\""
	if write {
		msg = "writing needs the server's token: send \"Authorization: Bearer TOKEN\", or open /login?token=TOKEN in the browser"
	}
	if isAPI(r) {
		writeError(w, http.StatusUnauthorized, msg)
		return
	}
	s.errorPage(w, r, http.StatusUnauthorized, msg)
}

func fromLoopback(r *http.Request) bool {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return false
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func isAPI(r *http.Request) bool { return strings.HasPrefix(r.URL.Path, "/api/") }

// writeJSON answers with a value as JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}

// writeError answers with {"error": msg}.
func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

// failed answers a failure from the store: 404 for what is absent, 500
// (logged, with a generic message) for the rest.
func (s *server) failed(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := http.StatusInternalServerError, "the database failed to answer; see the server's log"
	if errors.Is(err, store.ErrNotFound) {
		status, msg = http.StatusNotFound, err.Error()
	}
	if status == http.StatusInternalServerError && s.Log != nil {
		s.Log.Printf("%s %s: %v", r.Method, r.URL.Path, err)
	}
	if isAPI(r) {
		writeError(w, status, msg)
		return
	}
	s.errorPage(w, r, status, msg)
}

// ListenAndServe serves h on addr until ctx ends, then shuts down,
// letting requests in flight finish.
func ListenAndServe(ctx context.Context, ln net.Listener, h http.Handler) error {
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: time.Minute, IdleTimeout: 2 * time.Minute}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		shut, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		return srv.Shutdown(shut)
	}
}
