// Package queue spreads ingestion over machines through a NATS JetStream
// work queue: a publisher sends articles (or addresses to fetch), workers
// take them, parse, extract and store them, and acknowledge each one only
// once the store has committed it. A message that keeps failing is moved
// to a dead-letter stream with its error.
//
// One queue is named by a URL, nats://HOST:PORT[,nats://HOST2:PORT...][/NAME]:
// the NATS servers and a name (default "dossier") from which the streams
// and subjects are derived, so that several queues can share a cluster.
package queue

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// DefaultName is the queue a URL without a path names.
const DefaultName = "dossier"

// names are the streams, subjects and consumer of one queue.
type names struct {
	queue                      string
	workStream, deadStream     string
	articleSubject, urlSubject string
	workSubjects, deadSubject  string
	consumer                   string
}

func namesFor(queue string) names {
	upper := strings.ToUpper(strings.ReplaceAll(queue, "-", "_"))
	return names{
		queue:          queue,
		workStream:     upper + "_WORK",
		deadStream:     upper + "_DEAD",
		articleSubject: queue + ".work.article",
		urlSubject:     queue + ".work.url",
		workSubjects:   queue + ".work.>",
		deadSubject:    queue + ".dead",
		consumer:       "workers",
	}
}

// validName keeps a queue name usable in both subjects and stream names.
var validName = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)

// ParseURL splits a queue URL into the server list nats.Connect takes and
// the queue's name.
func ParseURL(raw string) (servers, name string, err error) {
	var hosts []string
	for _, part := range strings.Split(raw, ",") {
		u, err := url.Parse(strings.TrimSpace(part))
		if err != nil || (u.Scheme != "nats" && u.Scheme != "tls") || u.Host == "" {
			return "", "", fmt.Errorf("queue %q: want nats://HOST:PORT[/NAME]", raw)
		}
		if n := strings.Trim(u.Path, "/"); n != "" {
			if name != "" && n != name {
				return "", "", fmt.Errorf("queue %q: the servers name different queues, %q and %q", raw, name, n)
			}
			name = n
		}
		u.Path, u.RawPath = "", ""
		hosts = append(hosts, u.String())
	}
	if name == "" {
		name = DefaultName
	}
	if !validName.MatchString(name) {
		return "", "", fmt.Errorf("queue %q: the name %q should be lower-case letters, digits, - and _", raw, name)
	}
	return strings.Join(hosts, ","), name, nil
}

// Queue is a connection to one queue's streams.
type Queue struct {
	nc    *nats.Conn
	js    jetstream.JetStream
	names names
}

// dedupWindow is how long the work stream remembers a message id: the
// same article published again within it is dropped by the server;
// after it, the store still keeps one copy of each text.
const dedupWindow = time.Hour

// Open connects to a queue's servers and creates its streams if they are
// missing. Existing streams are left as they are, so that an operator's
// changes (replicas, limits) stand. client names the connection in the
// server's monitoring.
func Open(ctx context.Context, rawURL, client string) (*Queue, error) {
	servers, name, err := ParseURL(rawURL)
	if err != nil {
		return nil, err
	}
	// Reconnect without end: a worker outlives a server restart.
	nc, err := nats.Connect(servers, nats.Name(client), nats.MaxReconnects(-1))
	if err != nil {
		return nil, fmt.Errorf("queue %s: connecting: %w", rawURL, err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("queue %s: %w", rawURL, err)
	}
	q := &Queue{nc: nc, js: js, names: namesFor(name)}
	streams := []jetstream.StreamConfig{{
		Name:        q.names.workStream,
		Description: "Dossier: articles and addresses waiting for a worker",
		Subjects:    []string{q.names.workSubjects},
		Retention:   jetstream.WorkQueuePolicy,
		Storage:     jetstream.FileStorage,
		Duplicates:  dedupWindow,
	}, {
		Name:        q.names.deadStream,
		Description: "Dossier: messages that failed every attempt, with their error",
		Subjects:    []string{q.names.deadSubject},
		Storage:     jetstream.FileStorage,
	}}
	for _, cfg := range streams {
		if err := ensureStream(ctx, js, cfg); err != nil {
			nc.Close()
			return nil, fmt.Errorf("queue %s: stream %s: %w", rawURL, cfg.Name, err)
		}
	}
	return q, nil
}

func ensureStream(ctx context.Context, js jetstream.JetStream, cfg jetstream.StreamConfig) error {
	_, err := js.Stream(ctx, cfg.Name)
	if errors.Is(err, jetstream.ErrStreamNotFound) {
		_, err = js.CreateStream(ctx, cfg)
		if errors.Is(err, jetstream.ErrStreamNameAlreadyInUse) {
			return nil // another process created it meanwhile
		}
	}
	return err
}

// Name is the queue's name.
func (q *Queue) Name() string { return q.names.queue }

// Close closes the connection once what it still holds (acknowledgements
// above all) is sent.
func (q *Queue) Close() {
	q.nc.Flush()
	q.nc.Close()
}

// Delete removes the queue's streams with every message and dead letter
// they hold.
func (q *Queue) Delete(ctx context.Context) error {
	for _, s := range []string{q.names.workStream, q.names.deadStream} {
		if err := q.js.DeleteStream(ctx, s); err != nil && !errors.Is(err, jetstream.ErrStreamNotFound) {
			return fmt.Errorf("queue %s: deleting stream %s: %w", q.names.queue, s, err)
		}
	}
	return nil
}
