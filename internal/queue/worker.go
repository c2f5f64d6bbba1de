package queue

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/dossier-osint/dossier/internal/catalog"
	"github.com/dossier-osint/dossier/internal/ingest"
	"github.com/dossier-osint/dossier/internal/store"
)

// Defaults of WorkerOptions.
const (
	DefaultAckWait       = 30 * time.Second
	DefaultMaxAttempts   = 5
	DefaultRetryDelay    = 2 * time.Second
	DefaultMaxAckPending = 1000
)

// WorkerOptions tune a worker. The consumer settings (AckWait,
// MaxAttempts, MaxAckPending) are shared by every worker of a queue: the
// last worker to start sets them.
type WorkerOptions struct {
	// Workers parse and extract in parallel; 0 means one per core. A worker
	// holds at most Workers+maxBatch messages, and asks for 2×Workers more
	// ahead.
	Workers int
	// AckWait is how long a message may stay unacknowledged before the
	// server gives it to another worker. A worker still busy with a message
	// says so every AckWait/3, so a slow document is not taken away.
	AckWait time.Duration
	// MaxAttempts is how many times a message is tried before it goes to
	// the dead-letter stream.
	MaxAttempts int
	// RetryDelay is the wait before the second attempt; it doubles with
	// each further attempt.
	RetryDelay time.Duration
	// MaxAckPending caps the messages handed out and not yet acknowledged
	// across all workers.
	MaxAckPending int
	// UntilEmpty stops the worker once nothing is pending or in flight.
	UntilEmpty bool
	// Fetch reads an address; nil fails address messages.
	Fetch func(ctx context.Context, url string) (data []byte, finalURL string, err error)
	// NearDistance is as in ingest.Options.
	NearDistance int
	// Log is told of each failure and dead letter; nil for none.
	Log func(format string, args ...any)
}

func (o WorkerOptions) withDefaults() WorkerOptions {
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.AckWait <= 0 {
		o.AckWait = DefaultAckWait
	}
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = DefaultMaxAttempts
	}
	if o.RetryDelay <= 0 {
		o.RetryDelay = DefaultRetryDelay
	}
	if o.MaxAckPending <= 0 {
		o.MaxAckPending = DefaultMaxAckPending
	}
	if o.Log == nil {
		o.Log = func(string, ...any) {}
	}
	return o
}

// WorkSummary says what a worker did.
type WorkSummary struct {
	// New and Duplicate count the documents stored and those found stored
	// already; Records the records of the new ones.
	New, Duplicate, Records int
	// Retried counts failed attempts put back for a retry; DeadLettered
	// the messages moved to the dead-letter stream.
	Retried, DeadLettered int
}

// maxBatch bounds the documents a worker stores in one transaction.
const maxBatch = 64

// emptyCheck is how often an UntilEmpty worker asks whether work is left.
const emptyCheck = 500 * time.Millisecond

// A worker reloads the stored fingerprints, to link reprints of stories
// other workers stored, every second, or less often when a reload is slow,
// so that reloading takes at most a twentieth of its time.
const (
	reloadEvery      = time.Second
	reloadTimeFactor = 20
)

// job is a message on its way through a worker.
type job struct {
	msg jetstream.Msg
	// source names the article in logs and dead letters.
	source string
	// attempt is the delivery count, 1 for the first.
	attempt  int
	sequence uint64
	prepared *ingest.Prepared
	stored   ingest.Stored
	err      error
}

type worker struct {
	q      *Queue
	cat    *catalog.Catalog
	opt    WorkerOptions
	writer *ingest.Writer
	// reloaded is when the fingerprints were last read; reloadTook how
	// long that took.
	reloaded   time.Time
	reloadTook time.Duration
	// held has a slot for each message taken and not yet finished.
	held     chan struct{}
	inFlight inFlight
	stopping atomic.Bool
	sum      WorkSummary
}

// Work takes messages from the queue and stores their articles in st until
// ctx is cancelled (or, with UntilEmpty, the queue is empty). It then stops
// taking messages, finishes those it holds, and returns. The error is for
// the worker itself (a consumer that cannot be set up or was deleted); a
// failing message is retried and then dead-lettered.
func (q *Queue) Work(ctx context.Context, st store.Store, cat *catalog.Catalog, opt WorkerOptions) (WorkSummary, error) {
	opt = opt.withDefaults()
	cons, err := q.js.CreateOrUpdateConsumer(ctx, q.names.workStream, jetstream.ConsumerConfig{
		Durable:     q.names.consumer,
		Description: "Dossier workers",
		AckPolicy:   jetstream.AckExplicitPolicy,
		AckWait:     opt.AckWait,
		// One delivery more than the attempts: a message whose worker died
		// on every attempt comes once more, to be dead-lettered.
		MaxDeliver:    opt.MaxAttempts + 1,
		MaxAckPending: opt.MaxAckPending,
	})
	if err != nil {
		return WorkSummary{}, fmt.Errorf("queue %s: setting up the consumer: %w", q.names.queue, err)
	}
	writer, err := ingest.NewWriter(ctx, st, opt.NearDistance)
	if err != nil {
		return WorkSummary{}, err
	}
	iter, err := cons.Messages(jetstream.PullMaxMessages(2*opt.Workers), jetstream.WithMessagesErrOnMissingHeartbeat(false))
	if err != nil {
		return WorkSummary{}, fmt.Errorf("queue %s: %w", q.names.queue, err)
	}
	w := &worker{q: q, cat: cat, opt: opt, writer: writer, reloaded: time.Now(),
		held: make(chan struct{}, opt.Workers+maxBatch), inFlight: inFlight{msgs: map[jetstream.Msg]bool{}}}
	// Drain hands over the messages already fetched, then ends Next.
	stop := sync.OnceFunc(func() {
		w.stopping.Store(true)
		iter.Drain()
	})
	defer stop() // also when taking messages failed
	done := make(chan struct{})
	defer close(done)
	go w.watch(ctx, cons, stop, done)

	// What is taken is finished even after ctx is cancelled.
	work := context.WithoutCancel(ctx)
	msgs := make(chan jetstream.Msg)
	jobs := make(chan job, maxBatch)
	var receiveErr error
	go func() {
		defer close(msgs)
		receiveErr = w.receive(iter, msgs)
	}()
	var preparers sync.WaitGroup
	for range opt.Workers {
		preparers.Go(func() {
			for m := range msgs {
				jobs <- w.prepare(work, m)
			}
		})
	}
	go func() {
		preparers.Wait()
		close(jobs)
	}()
	for j := range jobs {
		// Take what else is ready, to store it in the same transaction
		// (this loop is the only reader, so what len counts is there).
		batch := []job{j}
		for len(batch) < maxBatch && len(jobs) > 0 {
			batch = append(batch, <-jobs)
		}
		w.settle(work, batch)
	}
	return w.sum, receiveErr
}

// receive takes messages while the worker has room for them.
func (w *worker) receive(iter jetstream.MessagesContext, out chan<- jetstream.Msg) error {
	for {
		w.held <- struct{}{}
		msg, err := iter.Next()
		if err != nil {
			<-w.held
			if errors.Is(err, jetstream.ErrMsgIteratorClosed) && w.stopping.Load() {
				return nil
			}
			return fmt.Errorf("queue %s: taking messages: %w", w.q.names.queue, err)
		}
		w.inFlight.add(msg)
		out <- msg
	}
}

// watch keeps held messages alive with in-progress heartbeats, and stops
// the worker when ctx is cancelled or, with UntilEmpty, no work is left.
func (w *worker) watch(ctx context.Context, cons jetstream.Consumer, stop func(), done <-chan struct{}) {
	beat := time.NewTicker(max(w.opt.AckWait/3, time.Millisecond))
	defer beat.Stop()
	cancelled := ctx.Done()
	var empty <-chan time.Time
	if w.opt.UntilEmpty {
		t := time.NewTicker(emptyCheck)
		defer t.Stop()
		empty = t.C
	}
	for {
		select {
		case <-done:
			return
		case <-cancelled:
			stop()
			cancelled, empty = nil, nil
		case <-empty:
			if w.queueEmpty(cons) {
				stop()
				cancelled, empty = nil, nil
			}
		case <-beat.C:
			w.inFlight.each(func(m jetstream.Msg) { m.InProgress() })
		}
	}
}

// queueEmpty: nothing waits for a worker, and nothing is with one
// (including messages waiting for a retry).
func (w *worker) queueEmpty(cons jetstream.Consumer) bool {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	info, err := cons.Info(ctx)
	return err == nil && info.NumPending == 0 && info.NumAckPending == 0
}

// prepare parses and extracts a message's article, fetching it first if
// the message is an address.
func (w *worker) prepare(ctx context.Context, msg jetstream.Msg) job {
	j := job{msg: msg, source: msg.Headers().Get(headerSource), attempt: w.opt.MaxAttempts}
	md, err := msg.Metadata()
	if err != nil {
		j.err = fmt.Errorf("reading the message's metadata: %w", err)
		return j
	}
	j.attempt, j.sequence = int(md.NumDelivered), md.Sequence.Stream
	if j.attempt > w.opt.MaxAttempts {
		j.err = fmt.Errorf("no outcome in %d deliveries: the workers stopped or ran out of time on it", j.attempt-1)
		return j
	}
	a := ingest.Article{Source: j.source, Data: msg.Data(), URL: msg.Headers().Get(headerURL)}
	if msg.Subject() == w.q.names.urlSubject {
		if w.opt.Fetch == nil {
			j.err = errors.New("this worker does not fetch addresses")
			return j
		}
		a.Data, a.URL, j.err = w.opt.Fetch(ctx, j.source)
		if j.err != nil {
			return j
		}
	}
	j.prepared, j.err = ingest.Prepare(w.cat, a)
	return j
}

// settle stores the prepared articles of a batch, then acknowledges each
// message stored and retries or dead-letters each one that failed.
func (w *worker) settle(ctx context.Context, batch []job) {
	var ready []*job
	for i := range batch {
		if batch[i].err == nil {
			ready = append(ready, &batch[i])
		}
	}
	if time.Since(w.reloaded) > max(reloadEvery, reloadTimeFactor*w.reloadTook) {
		start := time.Now()
		if err := w.writer.Reload(ctx); err != nil {
			w.opt.Log("reloading fingerprints (reprints may go unlinked until the next try): %v", err)
		}
		w.reloaded, w.reloadTook = time.Now(), time.Since(start)
	}
	if err := w.store(ctx, ready); err != nil && len(ready) > 1 {
		// One article the store refuses must not fail the others.
		for _, j := range ready {
			w.store(ctx, []*job{j})
		}
	}
	for i := range batch {
		w.finish(ctx, &batch[i])
	}
}

// store stores jobs in one transaction and records the outcome in each.
func (w *worker) store(ctx context.Context, jobs []*job) error {
	if len(jobs) == 0 {
		return nil
	}
	prepared := make([]*ingest.Prepared, len(jobs))
	for i, j := range jobs {
		prepared[i] = j.prepared
	}
	stored, err := w.writer.Store(ctx, prepared)
	for i, j := range jobs {
		if err != nil {
			j.err = err
		} else {
			j.stored, j.err = stored[i], nil
		}
	}
	return err
}

// finish acknowledges a stored message, or puts a failed one back for a
// later attempt, or after the last attempt moves it to the dead letters.
func (w *worker) finish(ctx context.Context, j *job) {
	defer func() {
		w.inFlight.remove(j.msg)
		<-w.held
	}()
	switch {
	case j.err == nil:
		if err := j.msg.Ack(); err != nil {
			w.opt.Log("%s: stored, but acknowledging failed (it will come again and be found stored): %v", j.source, err)
		}
		if !j.stored.New {
			w.sum.Duplicate++
			return
		}
		w.sum.New++
		w.sum.Records += j.prepared.Records()
	case j.attempt >= w.opt.MaxAttempts:
		w.deadLetter(ctx, j)
	default:
		delay := w.opt.RetryDelay << (j.attempt - 1)
		w.opt.Log("%s: attempt %d of %d failed, retrying in %s: %v", j.source, j.attempt, w.opt.MaxAttempts, delay, j.err)
		j.msg.NakWithDelay(delay)
		w.sum.Retried++
	}
}

// inFlight are the messages a worker holds, for heartbeats.
type inFlight struct {
	mu   sync.Mutex
	msgs map[jetstream.Msg]bool
}

func (f *inFlight) add(m jetstream.Msg) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.msgs[m] = true
}

func (f *inFlight) remove(m jetstream.Msg) {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.msgs, m)
}

func (f *inFlight) each(fn func(jetstream.Msg)) {
	f.mu.Lock()
	msgs := make([]jetstream.Msg, 0, len(f.msgs))
	for m := range f.msgs {
		msgs = append(msgs, m)
	}
	f.mu.Unlock()
	for _, m := range msgs {
		fn(m)
	}
}
