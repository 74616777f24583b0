// Package watch tells when the sources of a portal change. A Watcher follows
// files and folder trees through the operating system's file notifications,
// gathers a burst of changes into one set and hands it to a Step supplied by
// the caller: the watcher decides when to rebuild, the step decides what.
package watch

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/fsnotify/fsnotify"
)

// DefaultDelay is the quiet time that ends a burst of changes when
// Options.Delay is zero. It adds to the time every save takes to show, so it
// is as short as editors allow: Vim, with or without a backup copy, and the
// write-temporary-then-rename saves of other editors and of sed -i finish
// within a millisecond, their events less than half a millisecond apart.
const DefaultDelay = 10 * time.Millisecond

// DefaultBurstDelay is the quiet time once a burst has touched more than a
// save does, when Options.BurstDelay is zero. A git checkout or a copy of
// many files can pause for tens of milliseconds between two files on a
// busy machine; the longer wait keeps it one rebuild.
const DefaultBurstDelay = 100 * time.Millisecond

// saveFiles is how many paths a save of one file touches at most: the file
// and the temporary or backup files next to it that are not skipped. A
// burst touching more waits for the burst delay.
const saveFiles = 4

// Options says what a Watcher watches.
type Options struct {
	// Paths are the files and folders to watch. A folder is watched with
	// everything below it, including folders created later. A path need not
	// exist yet; it is picked up when it appears, and followed again when it
	// is removed and created anew. The folder holding each path must exist.
	Paths []string
	// Ignore, when set, reports paths whose changes are of no interest, such
	// as an output folder inside a watched tree; folders it reports are not
	// entered. Hidden files and the temporary files of editors are always
	// ignored.
	Ignore func(path string) bool
	// Delay is the quiet time that ends a burst of changes; zero means
	// DefaultDelay.
	Delay time.Duration
	// BurstDelay is the quiet time that ends a burst once it has touched
	// more files than one save does; zero means DefaultBurstDelay, and it is
	// never shorter than Delay.
	BurstDelay time.Duration
	// Poll, when positive, watches by looking at every file's size, time
	// and mode at this interval instead of through the operating system's
	// notifications, which do not arrive from network shares and some
	// containers' mounts.
	Poll time.Duration
	// OnError, when set, receives the problems the notifier reports, such
	// as lost events or a folder that cannot be watched. They do not stop
	// the watch. Nil discards them.
	OnError func(error)
}

// Step handles one set of changes. changed lists the absolute paths that
// were created, written, removed or renamed since the previous step, sorted
// and without repeats; a path may name a folder, standing for everything
// that was in it. A Step must return soon after ctx is done.
type Step func(ctx context.Context, changed []string)

// Watcher gathers the changes below a set of paths. Make one with New and
// run it with Run.
type Watcher struct {
	fsw     *fsnotify.Watcher // nil when polling
	roots   []string
	ignore  func(string) bool
	delay   time.Duration
	burst   time.Duration
	onError func(error)
	// poll is the interval of a polling watcher, and seen what its last
	// look found.
	poll time.Duration
	seen map[string]fileState
	// more is set when a change arrives while a step runs.
	more atomic.Bool
	// dirs holds the folders watched inside the roots. New fills it; after
	// that only the goroutine of Run touches it.
	dirs      map[string]bool
	closeOnce sync.Once
	closeErr  error
}

// New starts watching opts.Paths. Changes made after New returns are
// reported by Run, even those made before Run is called.
func New(opts Options) (*Watcher, error) {
	w := &Watcher{
		ignore:  opts.Ignore,
		delay:   opts.Delay,
		burst:   opts.BurstDelay,
		onError: opts.OnError,
		poll:    opts.Poll,
		dirs:    make(map[string]bool),
	}
	if w.ignore == nil {
		w.ignore = func(string) bool { return false }
	}
	if w.delay <= 0 {
		w.delay = DefaultDelay
	}
	if w.burst <= 0 {
		w.burst = DefaultBurstDelay
	}
	w.burst = max(w.burst, w.delay)
	if w.poll > 0 {
		if err := w.setRoots(opts.Paths); err != nil {
			return nil, err
		}
		w.seen = w.scan()
		return w, nil
	}
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch: %w", limitAdvice(err))
	}
	w.fsw = fsw
	if err := w.addRoots(opts.Paths); err != nil {
		fsw.Close()
		return nil, err
	}
	return w, nil
}

// setRoots records the absolute paths to watch, and checks that the
// folder holding each exists.
func (w *Watcher) setRoots(paths []string) error {
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return fmt.Errorf("watch %s: %w", p, err)
		}
		if w.poll > 0 {
			if _, err := os.Stat(filepath.Dir(abs)); err != nil {
				return fmt.Errorf("watch %s: %w", filepath.Dir(abs), err)
			}
		}
		w.roots = append(w.roots, abs)
	}
	return nil
}

// addRoots watches each path and the folder holding it, so that the path
// is seen when it is created, replaced by an editor's rename, or removed.
func (w *Watcher) addRoots(paths []string) error {
	if err := w.setRoots(paths); err != nil {
		return err
	}
	parents := make(map[string]bool)
	for _, root := range w.roots {
		parent := filepath.Dir(root)
		if parents[parent] {
			continue
		}
		parents[parent] = true
		if err := w.fsw.Add(parent); err != nil {
			return fmt.Errorf("watch %s: %w", parent, limitAdvice(err))
		}
	}
	for _, root := range w.roots {
		if err := w.addTree(root, nil); err != nil {
			return err
		}
	}
	return nil
}

// Run calls step with each set of changes until ctx is done, then stops
// watching and returns nil. Steps run one at a time, on a goroutine of
// their own: changes made while a step runs are gathered and handed to the
// next one. Run returns an error only when the notifier stops by itself.
// Run may be called once.
func (w *Watcher) Run(ctx context.Context, step Step) error {
	defer w.Close()
	b := newBatch(ctx, step, w.delay, w.burst, &w.more)
	defer b.quiet.Stop()
	var events <-chan fsnotify.Event
	var errs <-chan error
	var tick <-chan time.Time
	if w.fsw != nil {
		events, errs = w.fsw.Events, w.fsw.Errors
	} else {
		t := time.NewTicker(w.poll)
		defer t.Stop()
		tick = t.C
	}
	for {
		select {
		case <-ctx.Done():
			b.wait()
			return nil
		case <-tick:
			if w.look(b.pending) {
				b.touched()
			}
		case ev, ok := <-events:
			if !ok {
				b.wait()
				return errors.New("watch: the file notifier stopped")
			}
			if w.handle(ev, b) {
				b.touched()
			}
		case err, ok := <-errs:
			if !ok {
				b.wait()
				return errors.New("watch: the file notifier stopped")
			}
			w.report(err)
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				// Some changes were lost: redo everything.
				for _, root := range w.roots {
					b.pending[root] = true
				}
				b.touched()
			}
		case <-b.quietC:
			b.quietEnded()
		case <-b.running:
			b.stepEnded()
		}
	}
}

// Pending reports whether a change has arrived since the running step
// began, which a later step will handle: the running step's result is
// already out of date. A step may call it, from any goroutine.
func (w *Watcher) Pending() bool {
	return w.more.Load()
}

// Close stops watching. Run calls it on return; call it only when Run is
// never called.
func (w *Watcher) Close() error {
	w.closeOnce.Do(func() {
		if w.fsw != nil {
			w.closeErr = w.fsw.Close()
		}
	})
	return w.closeErr
}

func (w *Watcher) report(err error) {
	if w.onError != nil {
		w.onError(fmt.Errorf("watch: %w", err))
	}
}
