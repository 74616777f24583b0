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

// sweeper removes what an earlier build left behind.
type sweeper struct {
	files   map[string]bool
	plan    *dirPlan
	removed atomic.Int64
	// slots bounds the goroutines sweeping directories besides the caller's:
	// a site has a folder per page, and reading 10,000 folders one after
	// the other is a noticeable part of a rebuild.
	slots chan struct{}
}

// removeStale deletes every file under root that is not in files, and every
// directory left empty, but keeps entries whose name starts with "." and
// everything below them. Temporary files of an interrupted earlier Write are
// removed although their names start with ".". It returns how many entries it
// removed. It sweeps directories on up to workers goroutines.
func removeStale(root string, files []File, plan *dirPlan, workers int) (int, error) {
	s := &sweeper{files: make(map[string]bool, len(files)), plan: plan, slots: make(chan struct{}, max(0, workers-1))}
	for _, f := range files {
		s.files[f.Path] = true
	}
	_, err := s.sweep(root, "")
	if err != nil {
		err = fmt.Errorf("publish: removing stale files: %w", err)
	}
	return int(s.removed.Load()), err
}

// sweep cleans the directory abs (slash-separated rel below the root) and
// reports whether anything is left in it.
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
		switch {
		case strings.HasPrefix(name, ".") && !(isTempName(name) && e.Type().IsRegular()), s.files[r]:
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
			if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
				failed(err)
				continue
			}
			s.removed.Add(1)
		}
	}
	wg.Wait()
	return kept.Load(), errors.Join(errs...)
}

// sweepDir sweeps the directory abs (rel below the root) and removes it if
// it is left empty and the build does not need it. It reports whether it
// is kept.
func (s *sweeper) sweepDir(abs, rel string) (kept bool, err error) {
	childKept, err := s.sweep(abs, rel)
	if _, needed := s.plan.state[rel]; childKept || needed || err != nil {
		return true, err
	}
	if err := os.Remove(abs); err != nil {
		return true, err
	}
	s.removed.Add(1)
	return false, nil
}
