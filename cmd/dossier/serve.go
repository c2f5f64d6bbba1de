package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/dossier-osint/dossier/internal/alerts"
	"github.com/dossier-osint/dossier/internal/catalog"
	"github.com/dossier-osint/dossier/internal/feeds"
	"github.com/dossier-osint/dossier/internal/fetch"
	"github.com/dossier-osint/dossier/internal/server"
	"github.com/dossier-osint/dossier/internal/store"
)

// defaultAddr is loopback: the server is for this machine unless told
// otherwise.
const defaultAddr = "127.0.0.1:8080"

func runServe(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", stderr)
	db := dbFlag(fs)
	user := catalogFlag(fs)
	addr := fs.String("addr", defaultAddr, "address to listen on; other hosts than this one need the token even to read")
	token := fs.String("token", "", "token that authorises writes (default $DOSSIER_TOKEN, else one kept in "+tokenPath()+")")
	allowPrivate := fs.Bool("allow-private", false, "let POST /api/documents, feeds and webhooks reach loopback, private and link-local addresses")
	watch := fs.Duration("watch", 0, "also poll the followed feeds at this interval, as dossier watch does (0: do not)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	cat, err := loadCatalog(*user)
	if err != nil {
		return err
	}
	tok, err := serverToken(*token)
	if err != nil {
		return err
	}
	if *watch != 0 && *watch < time.Minute {
		return usageError{fmt.Sprintf("--watch %s: at least 1m, out of courtesy to the sites polled", *watch)}
	}
	return withStore(*db, func(ctx context.Context, st store.Store) error {
		ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
		defer stop()
		if *watch > 0 {
			go feeds.New(st, cat, feeds.Options{Interval: *watch, Fetch: fetch.Options{AllowPrivate: *allowPrivate}, Log: stderr}).Run(ctx)
		}
		return serve(ctx, st, cat, *addr, tok, *allowPrivate, stdout, stderr)
	})
}

// serve runs the server, and the delivery of alerts to webhooks, until
// ctx ends or SIGINT or SIGTERM.
func serve(ctx context.Context, st store.Store, cat *catalog.Catalog, addr, token string, allowPrivate bool, stdout, stderr io.Writer) error {
	fetcher := fetch.New(fetch.Options{AllowPrivate: allowPrivate})
	h, err := server.New(server.Config{Store: st, Catalog: cat, Token: token, Fetch: fetcher.Fetch,
		Log: log.New(stderr, "dossier serve: ", log.LstdFlags)})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listening on %s: %w (is another server using it? choose one with --addr)", addr, err)
	}
	base := "http://" + ln.Addr().String()
	fmt.Fprintf(stdout, "Dossier is serving at %s/\n", base)
	fmt.Fprintf(stdout, "To review and ingest from this browser, open %s/login?token=%s\n", base, token)
	fmt.Fprintf(stdout, "API clients send the header \"Authorization: Bearer %s\". Stop with Ctrl-C.\n", token)
	if host, _, _ := net.SplitHostPort(addr); !isLoopbackHost(host) {
		fmt.Fprintf(stderr, "dossier serve: %s is reachable from other hosts: they need the token even to read\n", addr)
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	go alerts.NewDispatcher(st, alerts.Options{AllowPrivate: allowPrivate, Log: stderr}).Run(ctx, alertsEvery)
	return server.ListenAndServe(ctx, ln, h)
}

func isLoopbackHost(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// tokenPath is where serve keeps the token it generated, beside the
// default database.
func tokenPath() string {
	return filepath.Join(filepath.Dir(defaultDBPath()), "token")
}

// serverToken is the flag's token, else $DOSSIER_TOKEN, else the one kept
// in tokenPath, generated there on first use.
func serverToken(flagValue string) (string, error) {
	if t := strings.TrimSpace(flagValue); t != "" {
		return t, nil
	}
	if t := strings.TrimSpace(os.Getenv("DOSSIER_TOKEN")); t != "" {
		return t, nil
	}
	path := tokenPath()
	data, err := os.ReadFile(path)
	if err == nil && strings.TrimSpace(string(data)) != "" {
		return strings.TrimSpace(string(data)), nil
	}
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return "", fmt.Errorf("reading the token: %w", err)
	}
	tok := newToken()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return "", fmt.Errorf("keeping the token: %w", err)
	}
	if err := os.WriteFile(path, []byte(tok+"\n"), 0o600); err != nil {
		return "", fmt.Errorf("keeping the token: %w", err)
	}
	return tok, nil
}

func newToken() string {
	b := make([]byte, 24)
	rand.Read(b)
	return hex.EncodeToString(b)
}
