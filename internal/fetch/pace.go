package fetch

import (
	"context"
	"sync"
	"time"
)

// pacer spaces requests to the same host by at least interval. Each caller
// reserves the next free slot before sleeping, so concurrent callers queue
// instead of all waking at once.
type pacer struct {
	interval time.Duration
	mu       sync.Mutex
	next     map[string]time.Time // host -> earliest start of the next request
}

// pruneAt bounds the map for long-running watchers visiting many hosts.
const pruneAt = 4096

func (p *pacer) wait(ctx context.Context, host string) error {
	if p.interval <= 0 {
		return nil
	}
	p.mu.Lock()
	now := time.Now()
	if p.next == nil {
		p.next = map[string]time.Time{}
	}
	if len(p.next) >= pruneAt {
		for h, t := range p.next {
			if t.Before(now) {
				delete(p.next, h)
			}
		}
	}
	start := now
	if t, ok := p.next[host]; ok && t.After(now) {
		start = t
	}
	p.next[host] = start.Add(p.interval)
	p.mu.Unlock()

	d := time.Until(start)
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
