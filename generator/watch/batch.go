package watch

import (
	"context"
	"slices"
	"sync/atomic"
	"time"
)

// batch gathers changes until a quiet time has passed and no step runs,
// then hands them to a step.
type batch struct {
	ctx     context.Context
	step    Step
	delay   time.Duration // the quiet time after a save
	burst   time.Duration // the quiet time after a burst of more files
	pending map[string]bool
	// born holds the pending paths created in this batch, which did not
	// exist when the last step began.
	born    map[string]bool
	quiet   *time.Timer
	quietC  <-chan time.Time // nil while no change waits for the quiet time
	running chan struct{}    // closed when the running step returns; nil when none runs
	due     bool             // the quiet time ended while a step was running
	// more is set when a change arrives while a step runs, for
	// Watcher.Pending.
	more *atomic.Bool
}

func newBatch(ctx context.Context, step Step, delay, burst time.Duration, more *atomic.Bool) *batch {
	quiet := time.NewTimer(delay)
	quiet.Stop()
	return &batch{ctx: ctx, step: step, delay: delay, burst: burst, pending: make(map[string]bool), born: make(map[string]bool), quiet: quiet, more: more}
}

// touched restarts the quiet time after a change.
func (b *batch) touched() {
	if b.running != nil {
		b.more.Store(true)
	}
	d := b.delay
	if len(b.pending) > saveFiles {
		d = b.burst
	}
	b.quiet.Reset(d)
	b.quietC = b.quiet.C
}

func (b *batch) quietEnded() {
	b.quietC = nil
	switch {
	case len(b.pending) == 0:
	case b.running != nil:
		b.due = true
	default:
		b.start()
	}
}

func (b *batch) stepEnded() {
	b.running = nil
	if b.due && len(b.pending) > 0 {
		b.start()
	}
	b.due = false
}

// start hands the pending changes to a step.
func (b *batch) start() {
	changed := make([]string, 0, len(b.pending))
	for p := range b.pending {
		changed = append(changed, p)
	}
	slices.Sort(changed)
	clear(b.pending)
	clear(b.born)
	b.more.Store(false)
	done := make(chan struct{})
	b.running = done
	go func() {
		defer close(done)
		b.step(b.ctx, changed)
	}()
}

// wait waits for the running step, if any, to return.
func (b *batch) wait() {
	if b.running != nil {
		<-b.running
	}
}
