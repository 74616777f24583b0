// Package watch tells when the sources of a portal change. A Watcher follows
// files and folder trees through the operating system's file notifications,
// gathers a burst of changes into one set and hands it to a Step supplied by
// the caller: the watcher decides when to rebuild, the step decides what.
package watch

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// DefaultDelay is the quiet time that ends a burst of changes when
// Options.Delay is zero. Editors save a file in several writes and renames,
// and a checkout touches many files; 100 ms gathers them into one rebuild
// without a delay a writer would notice.
const DefaultDelay = 100 * time.Millisecond

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
	fsw     *fsnotify.Watcher
	roots   []string
	ignore  func(string) bool
	delay   time.Duration
	onError func(error)
	// dirs holds the folders watched inside the roots. New fills it; after
	// that only the goroutine of Run touches it.
	dirs      map[string]bool
	closeOnce sync.Once
	closeErr  error
}

// New starts watching opts.Paths. Changes made after New returns are
// reported by Run, even those made before Run is called.
func New(opts Options) (*Watcher, error) {
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	w := &Watcher{
		fsw:     fsw,
		ignore:  opts.Ignore,
		delay:   opts.Delay,
		onError: opts.OnError,
		dirs:    make(map[string]bool),
	}
	if w.ignore == nil {
		w.ignore = func(string) bool { return false }
	}
	if w.delay <= 0 {
		w.delay = DefaultDelay
	}
	if err := w.addRoots(opts.Paths); err != nil {
		fsw.Close()
		return nil, err
	}
	return w, nil
}

// addRoots watches each path and the folder holding it, so that the path
// is seen when it is created, replaced by an editor's rename, or removed.
func (w *Watcher) addRoots(paths []string) error {
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return fmt.Errorf("watch %s: %w", p, err)
		}
		w.roots = append(w.roots, abs)
	}
	parents := make(map[string]bool)
	for _, root := range w.roots {
		parent := filepath.Dir(root)
		if parents[parent] {
			continue
		}
		parents[parent] = true
		if err := w.fsw.Add(parent); err != nil {
			return fmt.Errorf("watch %s: %w", parent, err)
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
	b := newBatch(ctx, step, w.delay)
	defer b.quiet.Stop()
	for {
		select {
		case <-ctx.Done():
			b.wait()
			return nil
		case ev, ok := <-w.fsw.Events:
			if !ok {
				b.wait()
				return errors.New("watch: the file notifier stopped")
			}
			if w.handle(ev, b.pending) {
				b.touched()
			}
		case err, ok := <-w.fsw.Errors:
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

// Close stops watching. Run calls it on return; call it only when Run is
// never called.
func (w *Watcher) Close() error {
	w.closeOnce.Do(func() { w.closeErr = w.fsw.Close() })
	return w.closeErr
}

func (w *Watcher) report(err error) {
	if w.onError != nil {
		w.onError(fmt.Errorf("watch: %w", err))
	}
}
