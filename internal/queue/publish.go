package queue

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/url"
	"strings"
	"unicode"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/dossier-osint/dossier/internal/ingest"
)

// Headers of a work message besides Nats-Msg-Id.
const (
	headerSource = "Dossier-Source"
	headerURL    = "Dossier-URL"
)

// PublishSummary says what a Publish did.
type PublishSummary struct {
	// Published counts the messages the queue took; Queued those it
	// already had (the same message within the de-duplication window).
	Published, Queued int
	Failures          []ingest.Failure
}

// Publish sends every article of the sources to the queue: local files,
// folders, globs, web archives and "-" (stdin) are read here and sent
// whole; http(s) addresses are sent as addresses for a worker to fetch.
// A source that fails is listed in the summary and the others go on; the
// error is for the run itself (cancellation).
func (q *Queue) Publish(ctx context.Context, sources []string, stdin io.Reader, stdinName string) (PublishSummary, error) {
	var sum PublishSummary
	count := func(source string, duplicate bool, err error) {
		switch {
		case err != nil:
			sum.Failures = append(sum.Failures, ingest.Failure{Source: source, Err: err})
		case duplicate:
			sum.Queued++
		default:
			sum.Published++
		}
	}
	var local []string
	for _, s := range sources {
		if ingest.IsURL(s) {
			dup, err := q.PublishURL(ctx, s)
			count(s, dup, err)
		} else {
			local = append(local, s)
		}
	}
	err := ingest.Read(ctx, local, stdin, stdinName, func(a ingest.Article) error {
		dup, err := q.PublishArticle(ctx, a)
		count(a.Source, dup, err)
		return ctx.Err()
	}, func(f ingest.Failure) {
		sum.Failures = append(sum.Failures, f)
	})
	return sum, err
}

// PublishArticle sends an article read here. Its message id is the hash
// of its source and content, so that the same file published twice is
// one message, while a copy under another name still reaches the store,
// which adds the name to the stored document. It reports whether the
// queue already had the message.
func (q *Queue) PublishArticle(ctx context.Context, a ingest.Article) (duplicate bool, err error) {
	if err := checkHeader(a.Source); err != nil {
		return false, err
	}
	if err := checkHeader(a.URL); err != nil {
		return false, err
	}
	sum := sha256.New()
	fmt.Fprintf(sum, "%s\n", a.Source)
	sum.Write(a.Data)
	msg := nats.NewMsg(q.names.articleSubject)
	msg.Data = a.Data
	msg.Header.Set(headerSource, a.Source)
	if a.URL != "" {
		msg.Header.Set(headerURL, a.URL)
	}
	return q.publish(ctx, msg, hex.EncodeToString(sum.Sum(nil)))
}

// PublishURL sends an address for a worker to fetch; the address is its
// message id.
func (q *Queue) PublishURL(ctx context.Context, address string) (duplicate bool, err error) {
	if u, err := url.Parse(address); err != nil || u.Host == "" {
		return false, fmt.Errorf("not an address a worker can fetch")
	}
	msg := nats.NewMsg(q.names.urlSubject)
	msg.Data = []byte(address)
	msg.Header.Set(headerSource, address)
	return q.publish(ctx, msg, address)
}

func (q *Queue) publish(ctx context.Context, msg *nats.Msg, id string) (duplicate bool, err error) {
	if max := q.nc.MaxPayload(); int64(len(msg.Data)) > max {
		return false, fmt.Errorf("%d bytes, more than the %d a message may carry on this NATS server (max_payload)", len(msg.Data), max)
	}
	ack, err := q.js.PublishMsg(ctx, msg, jetstream.WithMsgID(id))
	if err != nil {
		return false, fmt.Errorf("publishing to %s: %w", msg.Subject, err)
	}
	return ack.Duplicate, nil
}

// checkHeader refuses a name that a message header cannot carry.
func checkHeader(value string) error {
	if strings.IndexFunc(value, unicode.IsControl) >= 0 {
		return fmt.Errorf("the name %q holds a control character, which a message header cannot carry", value)
	}
	return nil
}
