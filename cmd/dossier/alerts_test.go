package main

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/dossier-osint/dossier/samples"
)

func TestAlertsAddValidates(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--recipient", "mli"}, `--recipient "mli": want an upper-case ISO alpha-3 code such as MLI`},
		{[]string{"--supplier", "XYZ"}, `--supplier "XYZ": no state has this ISO alpha-3 code`},
		{[]string{"--category", "drones"}, `--category "drones": want one of aircraft, helicopter, drone`},
		{[]string{"--webhook", "https://hooks.example/x"}, "at least one of --recipient, --supplier and --category"},
		{[]string{"--recipient", "MLI", "--secret", "s"}, "--secret signs webhooks; it needs --webhook"},
		{[]string{"--recipient", "MLI", "--webhook", "hooks.example/x"}, `webhook address "hooks.example/x"`},
		{[]string{"--recipient", "MLI", "extra"}, "alerts add takes only flags"},
	} {
		_, err := fails(t, append([]string{"alerts", "add", "--db", db}, c.args...)...)
		var ue usageError
		if !errors.As(err, &ue) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v, want a usage error saying %q", c.args, err, c.want)
		}
	}
	if out := cli(t, "alerts", "list", "--db", db); !strings.Contains(out, "no watchlist") {
		t.Errorf("a refused watchlist was stored:\n%s", out)
	}
}

func TestAlertsAddListShowRemove(t *testing.T) {
	db := ingested(t) // the samples, before any watchlist: no alert yet
	// The webhook is on loopback, so ingest (without --allow-private)
	// refuses to post to it: no request leaves, and the failure is kept.
	hook := newReceiver(t).srv.URL + "/dossier"
	out := cli(t, "alerts", "add", "--db", db, "--recipient", "NER", "--category", "drone", "--webhook", hook)
	secret := regexp.MustCompile(`signed with the secret (\S+)`).FindStringSubmatch(out)
	if !strings.Contains(out, "watchlist 1: recipient NER, category drone") || secret == nil || len(secret[1]) < 20 {
		t.Fatalf("add with a webhook and no secret: %s", out)
	}
	cli(t, "alerts", "add", "--db", db, "--supplier", "CHN")
	// A watchlist sees what is stored from then on: here another
	// outlet's version of a sample article.
	niger, err := samples.Files.ReadFile("niger_bayraktar.txt")
	if err != nil {
		t.Fatal(err)
	}
	reprint := strings.Replace(string(niger), "NIAMEY - ", "NIAMEY (Wire) - ", 1)
	cli(t, "ingest", "--db", db, writeFile(t, t.TempDir(), "reprint.txt", []byte(reprint)))

	list := cli(t, "alerts", "list", "--db", db)
	if !regexp.MustCompile(`(?m)^1\s+recipient NER, category drone\s+`+regexp.QuoteMeta(hook)+`\s+2\s+2\s*$`).MatchString(list) ||
		!regexp.MustCompile(`(?m)^2\s+supplier CHN\s+-\s+0\s+-\s*$`).MatchString(list) {
		t.Errorf("alerts list:\n%s", list)
	}
	shown := cli(t, "alerts", "show", "--db", db, "--watchlist", "1", "--limit", "1")
	if lines := strings.Split(strings.TrimSpace(shown), "\n"); len(lines) != 2 || !strings.Contains(shown, "NER ← TUR: Bayraktar TB2 (drone)") {
		t.Errorf("alerts show --limit 1:\n%s", shown)
	}
	// The oldest alert was tried and refused; the webhook being down, the
	// newer one waits for the next round.
	shown = cli(t, "alerts", "show", "--db", db)
	if !regexp.MustCompile(`1 attempts, next [-0-9: ]+: refusing private address 127\.0\.0\.1`).MatchString(shown) || !strings.Contains(shown, "pending") {
		t.Errorf("alerts show lacks the delivery states:\n%s", shown)
	}

	cli(t, "alerts", "remove", "--db", db, "1")
	if _, err := fails(t, "alerts", "remove", "--db", db, "1"); !strings.Contains(err.Error(), "no watchlist 1") {
		t.Errorf("removing it twice: %v", err)
	}
	if out := cli(t, "alerts", "show", "--db", db); !strings.Contains(out, "no alert") {
		t.Errorf("alerts of a removed watchlist:\n%s", out)
	}
}

// TestIngestNeverWaitsLongForAWebhook: a webhook that never answers costs
// an ingest its short delivery budget, not its success.
func TestIngestNeverWaitsLongForAWebhook(t *testing.T) {
	hang := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Once the body is read, the server notices the client leaving.
		io.Copy(io.Discard, r.Body)
		<-r.Context().Done()
	}))
	t.Cleanup(hang.Close)
	defer func(b time.Duration) { ingestDeliveryBudget = b }(ingestDeliveryBudget)
	ingestDeliveryBudget = 300 * time.Millisecond

	db := filepath.Join(t.TempDir(), "t.db")
	cli(t, "alerts", "add", "--db", db, "--recipient", "NER", "--webhook", hang.URL+"/in")
	dir := t.TempDir()
	if err := writeSamples(dir); err != nil {
		t.Fatal(err)
	}
	var out, errOut strings.Builder
	if err := run([]string{"ingest", "--db", db, "--allow-private", dir}, nil, &out, &errOut); err != nil {
		t.Fatalf("ingest with a hanging webhook: %v\n%s", err, errOut.String())
	}
	if !strings.Contains(out.String(), "3 new") || !strings.Contains(errOut.String(), "alerts: 0 delivered, 1 failed (tried again later)") ||
		!strings.Contains(errOut.String(), hang.URL+"/in") {
		t.Errorf("ingest output:\n%s\n%s", out.String(), errOut.String())
	}
	if shown := cli(t, "alerts", "show", "--db", db); !strings.Contains(shown, "1 attempts") {
		t.Errorf("the failed delivery is not recorded:\n%s", shown)
	}
}
