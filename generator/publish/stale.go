package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// sweeper removes what an earlier build left behind.
type sweeper struct {
	files   map[string]bool
	plan    *dirPlan
	removed int
}

// removeStale deletes every file under root that is not in files, and every
// directory left empty, but keeps entries whose name starts with "." and
// everything below them. Temporary files of an interrupted earlier Write are
// removed although their names start with ".". It returns how many entries it
// removed.
func removeStale(root string, files []File, plan *dirPlan) (int, error) {
	s := &sweeper{files: make(map[string]bool, len(files)), plan: plan}
	for _, f := range files {
		s.files[f.Path] = true
	}
	_, err := s.sweep(root, "")
	if err != nil {
		err = fmt.Errorf("publish: removing stale files: %w", err)
	}
	return s.removed, err
}

// sweep cleans the directory abs (slash-separated rel below the root) and
// reports whether anything is left in it.
func (s *sweeper) sweep(abs, rel string) (kept bool, err error) {
	entries, err := os.ReadDir(abs)
	if err != nil {
		return true, err
	}
	var errs []error
	for _, e := range entries {
		name := e.Name()
		p := filepath.Join(abs, name)
		r := name
		if rel != "" {
			r = rel + "/" + name
		}
		switch {
		case strings.HasPrefix(name, ".") && !(isTempName(name) && e.Type().IsRegular()):
			kept = true
		case s.files[r]:
			kept = true
		case e.IsDir():
			childKept, err := s.sweep(p, r)
			if err != nil {
				errs = append(errs, err)
			}
			if _, needed := s.plan.state[r]; childKept || needed {
				kept = true
				continue
			}
			if err := os.Remove(p); err != nil {
				errs = append(errs, err)
				kept = true
				continue
			}
			s.removed++
		default:
			if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
				errs = append(errs, err)
				kept = true
				continue
			}
			s.removed++
		}
	}
	return kept, errors.Join(errs...)
}
