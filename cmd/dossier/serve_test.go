package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/dossier-osint/dossier/internal/catalog"
	"github.com/dossier-osint/dossier/internal/store/sqlite"
)

// TestServePrintsWhereAndStops serves an ingested database on a free
// loopback port: the printed login link authorises the browser, the API
// answers, and the server stops when its context ends.
func TestServePrintsWhereAndStops(t *testing.T) {
	db := ingested(t)
	st, err := sqlite.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx, cancel := context.WithCancel(context.Background())
	out, printed := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- serve(ctx, st, catalog.MustDefault(), "127.0.0.1:0", "secret-token", false, printed, io.Discard)
		printed.Close()
	}()
	lines := bufio.NewScanner(out)
	var login string
	for lines.Scan() && login == "" {
		login = regexp.MustCompile(`http://127\.0\.0\.1:\d+/login\?token=secret-token`).FindString(lines.Text())
	}
	go io.Copy(io.Discard, out)
	if login == "" {
		t.Fatal("serve printed no login link")
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(login)
	if err != nil || resp.StatusCode != http.StatusSeeOther || len(resp.Cookies()) != 1 {
		t.Fatalf("the printed login link: %v %v", resp, err)
	}
	resp.Body.Close()
	base := strings.TrimSuffix(login, "/login?token=secret-token")
	resp, err = http.Get(base + "/api/records?recipient=MLI")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("GET /api/records: %v %v", resp, err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(body), "VN2C") {
		t.Errorf("the served records lack VN2C")
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve after its context ended: %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop when its context ended")
	}
}

func TestServeRefusesBadFlags(t *testing.T) {
	for _, args := range [][]string{{"--watch", "10s"}, {"--addr"}} {
		var errOut strings.Builder
		if err := run(append([]string{"serve", "--db", t.TempDir() + "/x.db", "--token", "t"}, args...), nil, io.Discard, &errOut); err == nil {
			t.Errorf("serve %q succeeded", args)
		}
	}
}
