package watch

import (
	"errors"
	"io/fs"
	"path/filepath"
	"time"
)

// fileState is what a polling watcher compares between two looks at a
// file.
type fileState struct {
	size int64
	mod  time.Time
	mode fs.FileMode
}

// scan returns the state of every file and folder below the roots that is
// not skipped or ignored. A root that does not exist has no files.
func (w *Watcher) scan() map[string]fileState {
	files := make(map[string]fileState, len(w.seen))
	for _, root := range w.roots {
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) {
					return nil // gone since its folder was read
				}
				w.report(err)
				return nil
			}
			if (p != root && skipName(d.Name())) || w.ignore(p) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				// A folder counts when it comes and goes, not when its
				// entries change.
				files[p] = fileState{mode: fs.ModeDir}
				return nil
			}
			info, err := d.Info()
			if err != nil {
				return nil // removed since its folder was read
			}
			files[p] = fileState{size: info.Size(), mod: info.ModTime(), mode: info.Mode()}
			return nil
		})
	}
	return files
}

// look compares the files with the last look, records the paths of those
// created, changed or removed in pending, and reports whether there were
// any.
func (w *Watcher) look(pending map[string]bool) bool {
	now := w.scan()
	changed := false
	for p, st := range now {
		if old, ok := w.seen[p]; !ok || old != st {
			pending[p] = true
			changed = true
		}
	}
	for p := range w.seen {
		if _, ok := now[p]; !ok {
			pending[p] = true
			changed = true
		}
	}
	w.seen = now
	return changed
}
