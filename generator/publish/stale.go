package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
)

// staleEntries are the entries of an older build that a write removes,
// slash-separated and relative to the publish folder.
type staleEntries struct {
	// files are files and symlinks.
	files []string
	// dirs are folders left empty once files are gone, each before its
	// parent.
	dirs []string
}

// sweeper finds what an earlier build left behind.
type sweeper struct {
	files map[string]bool
	plan  *dirPlan
	mu    sync.Mutex // guards stale
	stale staleEntries
	// temps counts the temporary files of killed writes removed.
	temps atomic.Int64
	// slots bounds the goroutines sweeping directories besides the caller's:
	// a site has a folder per page, and reading 10,000 folders one after
	// the other is a noticeable part of a rebuild.
	slots chan struct{}
}

// findStale lists every file under root that is not in files, and every
// directory that is left empty without them and that the build does not
// need, but keeps entries whose name starts with "." and everything below
// them. Entries that stand where the build needs a folder are left to
// commit. Temporary files of a killed earlier write are removed on the
// spot, although their names start with "."; findStale returns how many.
// It sweeps directories on up to workers goroutines.
func findStale(root string, files []File, plan *dirPlan, workers int) (staleEntries, int, error) {
	s := &sweeper{files: make(map[string]bool, len(files)), plan: plan, slots: make(chan struct{}, max(0, workers-1))}
	for _, f := range files {
		s.files[f.Path] = true
	}
	_, err := s.sweep(root, "")
	if err != nil {
		err = fmt.Errorf("publish: looking for stale files: %w", err)
	}
	return s.stale, int(s.temps.Load()), err
}

// sweep looks through the directory abs (slash-separated rel below the
// root) and reports whether anything is left in it once the stale entries
// are gone.
func (s *sweeper) sweep(abs, rel string) (bool, error) {
	entries, err := os.ReadDir(abs)
	if err != nil {
		return true, err
	}
	var (
		kept   atomic.Bool
		errs   []error
		mu     sync.Mutex // guards errs once subdirectories run
		wg     sync.WaitGroup
		failed = func(err error) {
			mu.Lock()
			errs = append(errs, err)
			mu.Unlock()
			kept.Store(true)
		}
	)
	for _, e := range entries {
		name := e.Name()
		p := filepath.Join(abs, name)
		r := name
		if rel != "" {
			r = rel + "/" + name
		}
		_, needed := s.plan.state[r]
		switch {
		case isTempName(name) && e.Type().IsRegular():
			if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
				failed(err)
				continue
			}
			s.temps.Add(1)
		case strings.HasPrefix(name, "."), s.files[r], needed && !e.IsDir():
			kept.Store(true)
		case e.IsDir():
			dir := func() {
				if k, err := s.sweepDir(p, r); err != nil {
					failed(err)
				} else if k {
					kept.Store(true)
				}
			}
			// A free slot sweeps the directory beside this one; without
			// one the caller does it, so a deep tree cannot deadlock.
			select {
			case s.slots <- struct{}{}:
				wg.Go(func() {
					defer func() { <-s.slots }()
					dir()
				})
			default:
				dir()
			}
		default:
			s.add(&s.stale.files, r)
		}
	}
	wg.Wait()
	return kept.Load(), errors.Join(errs...)
}

// add appends rel to list under the sweeper's lock.
func (s *sweeper) add(list *[]string, rel string) {
	s.mu.Lock()
	*list = append(*list, rel)
	s.mu.Unlock()
}

// sweepDir sweeps the directory abs (rel below the root) and lists it as
// stale if it is left empty and the build does not need it. It reports
// whether it is kept.
func (s *sweeper) sweepDir(abs, rel string) (kept bool, err error) {
	childKept, err := s.sweep(abs, rel)
	if _, needed := s.plan.state[rel]; childKept || needed || err != nil {
		return true, err
	}
	// Every folder below this one was listed before it returned.
	s.add(&s.stale.dirs, rel)
	return false, nil
}
