package queue

import (
	"context"
	"errors"
	"fmt"

	"github.com/nats-io/nats.go/jetstream"
)

// Status is how much work a queue holds.
type Status struct {
	// Pending messages wait for a worker.
	Pending uint64
	// InFlight messages are with a worker and not yet acknowledged,
	// including failed ones waiting for their retry; Redelivered are those
	// of them delivered more than once.
	InFlight, Redelivered int
	// Waiting counts the workers' open requests for messages.
	Waiting int
	// Dead counts the dead letters; Latest are the newest of them.
	Dead   uint64
	Latest []DeadLetter
}

// Status reads the queue's counts and up to latest of its newest dead
// letters.
func (q *Queue) Status(ctx context.Context, latest int) (Status, error) {
	var st Status
	work, err := q.js.Stream(ctx, q.names.workStream)
	if err != nil {
		return st, fmt.Errorf("queue %s: stream %s: %w", q.names.queue, q.names.workStream, err)
	}
	cons, err := work.Consumer(ctx, q.names.consumer)
	switch {
	case errors.Is(err, jetstream.ErrConsumerNotFound):
		// No worker has started yet: everything stored is pending.
		st.Pending = work.CachedInfo().State.Msgs
	case err != nil:
		return st, fmt.Errorf("queue %s: consumer %s: %w", q.names.queue, q.names.consumer, err)
	default:
		info := cons.CachedInfo()
		st.Pending, st.InFlight, st.Redelivered, st.Waiting = info.NumPending, info.NumAckPending, info.NumRedelivered, info.NumWaiting
	}
	dead, err := q.js.Stream(ctx, q.names.deadStream)
	if err != nil {
		return st, fmt.Errorf("queue %s: stream %s: %w", q.names.queue, q.names.deadStream, err)
	}
	st.Dead = dead.CachedInfo().State.Msgs
	st.Latest, err = q.deadLetters(ctx, dead, latest)
	return st, err
}
