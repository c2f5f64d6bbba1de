package queue

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Headers a dead letter adds to the original message's.
const (
	headerError      = "Dossier-Error"
	headerSubject    = "Dossier-Subject"
	headerDeliveries = "Dossier-Deliveries"
)

// DeadLetter is a message that failed every attempt.
type DeadLetter struct {
	Source string
	// Subject is the work subject it was published to.
	Subject    string
	Error      string
	Deliveries int
	Time       time.Time
}

// deadLetter copies a message that failed its last attempt, with its
// error, to the dead-letter stream, then tells the server to stop
// delivering it. If the copy cannot be published the message is put back,
// and the delivery that MaxDeliver keeps in reserve dead-letters it again.
func (w *worker) deadLetter(ctx context.Context, j *job) {
	dead := nats.NewMsg(w.q.names.deadSubject)
	dead.Data = j.msg.Data()
	for k, v := range j.msg.Headers() {
		if k != jetstream.MsgIDHeader {
			dead.Header[k] = v
		}
	}
	dead.Header.Set(headerError, oneLine(j.err.Error()))
	dead.Header.Set(headerSubject, j.msg.Subject())
	dead.Header.Set(headerDeliveries, strconv.Itoa(j.attempt))
	// The work message's sequence: a second copy of the same dead letter
	// is dropped.
	id := fmt.Sprintf("%s-%d", w.q.names.workStream, j.sequence)
	if _, err := w.q.js.PublishMsg(ctx, dead, jetstream.WithMsgID(id)); err != nil {
		w.opt.Log("%s: failed %d times (%v), and dead-lettering it failed too: %v", j.source, j.attempt, j.err, err)
		j.msg.Nak()
		return
	}
	// Term, not TermWithReason: servers before 2.10 ignore a reason term.
	if err := j.msg.Term(); err != nil {
		w.opt.Log("%s: dead-lettered, but ending its delivery failed: %v", j.source, err)
	}
	w.sum.DeadLettered++
	w.opt.Log("%s: dead-lettered after %d attempts: %v", j.source, j.attempt, j.err)
}

// oneLine makes an error message fit in a header.
func oneLine(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsControl), " ")
}

// deadLetters returns up to n of the latest dead letters, newest first.
func (q *Queue) deadLetters(ctx context.Context, stream jetstream.Stream, n int) ([]DeadLetter, error) {
	state := stream.CachedInfo().State
	var out []DeadLetter
	for seq := state.LastSeq; seq >= state.FirstSeq && seq > 0 && len(out) < n; seq-- {
		msg, err := stream.GetMsg(ctx, seq)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			continue
		}
		if err != nil {
			return out, fmt.Errorf("queue %s: reading dead letter %d: %w", q.names.queue, seq, err)
		}
		deliveries, _ := strconv.Atoi(msg.Header.Get(headerDeliveries))
		out = append(out, DeadLetter{Source: msg.Header.Get(headerSource), Subject: msg.Header.Get(headerSubject),
			Error: msg.Header.Get(headerError), Deliveries: deliveries, Time: msg.Time})
	}
	return out, nil
}

// Retry moves every dead letter back to the work stream, for the workers
// to try again once what failed is mended, and returns how many it moved.
// Each is published under an ID of its own, so a Retry cut short and run
// again sends none twice, and deleted from the dead letters only once the
// work stream holds it.
func (q *Queue) Retry(ctx context.Context) (int, error) {
	dead, err := q.js.Stream(ctx, q.names.deadStream)
	if err != nil {
		return 0, fmt.Errorf("queue %s: stream %s: %w", q.names.queue, q.names.deadStream, err)
	}
	state := dead.CachedInfo().State
	moved := 0
	for seq := state.FirstSeq; seq <= state.LastSeq && seq > 0; seq++ {
		msg, err := dead.GetMsg(ctx, seq)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			continue
		}
		if err != nil {
			return moved, fmt.Errorf("queue %s: reading dead letter %d: %w", q.names.queue, seq, err)
		}
		work := nats.NewMsg(msg.Header.Get(headerSubject))
		work.Data = msg.Data
		for k, v := range msg.Header {
			if k != headerError && k != headerSubject && k != headerDeliveries {
				work.Header[k] = v
			}
		}
		id := fmt.Sprintf("%s-%d", q.names.deadStream, seq)
		if _, err := q.js.PublishMsg(ctx, work, jetstream.WithMsgID(id)); err != nil {
			return moved, fmt.Errorf("queue %s: sending dead letter %d back: %w", q.names.queue, seq, err)
		}
		if err := dead.DeleteMsg(ctx, seq); err != nil {
			return moved, fmt.Errorf("queue %s: deleting dead letter %d: %w", q.names.queue, seq, err)
		}
		moved++
	}
	return moved, nil
}
