package watch

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/fsnotify/fsnotify"
)

// handle records the path of one event in the batch, and follows the
// folders it creates, removes or renames. It reports whether the event
// counts as a change. A file created and removed or renamed away within
// one batch, such as the temporary file of a save, is dropped from it: the
// build never saw it.
func (w *Watcher) handle(ev fsnotify.Event, b *batch) bool {
	pending := b.pending
	p := filepath.Clean(ev.Name)
	if !w.relevant(p) {
		return false
	}
	if !ev.Has(fsnotify.Create) && !ev.Has(fsnotify.Write) && !ev.Has(fsnotify.Remove) && !ev.Has(fsnotify.Rename) {
		return false // only permissions or times changed, which a build does not read
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		w.forget(p)
		if b.born[p] && !ev.Has(fsnotify.Create) {
			delete(b.born, p)
			delete(pending, p)
			return true
		}
	}
	if ev.Has(fsnotify.Create) {
		if !pending[p] {
			b.born[p] = true
		}
		// Files may have been put in a new folder before its watch was
		// added: report all of them.
		if err := w.addTree(p, pending); err != nil {
			w.report(err)
		}
	}
	pending[p] = true
	return true
}

// relevant reports whether p is a root or below one, and not ignored.
func (w *Watcher) relevant(p string) bool {
	for _, root := range w.roots {
		if p == root {
			return !w.ignore(p)
		}
		if within(root, p) {
			return !skipName(filepath.Base(p)) && !w.ignore(p)
		}
	}
	return false
}

// within reports whether p is below dir.
func within(dir, p string) bool {
	return strings.HasPrefix(p, dir) && len(p) > len(dir) && (p[len(dir)] == filepath.Separator || strings.HasSuffix(dir, string(filepath.Separator)))
}

// addTree watches top, when it is a folder, and every folder below it that
// is not skipped. When pending is not nil, the files found are recorded in
// it. A top that does not exist (any more) is not an error.
func (w *Watcher) addTree(top string, pending map[string]bool) error {
	err := filepath.WalkDir(top, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil // removed since: its removal is an event of its own
			}
			return err
		}
		if p != top && (skipName(d.Name()) || w.ignore(p)) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			if pending != nil {
				pending[p] = true
			}
			return nil
		}
		if w.dirs[p] {
			return nil
		}
		if err := w.fsw.Add(p); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return filepath.SkipDir
			}
			return limitAdvice(err)
		}
		w.dirs[p] = true
		return nil
	})
	if err != nil {
		return fmt.Errorf("watch %s: %w", top, err)
	}
	return nil
}

// forget stops watching p and the folders below it, which were removed or
// moved away. A folder moved inside the tree comes back as a creation under
// its new name.
func (w *Watcher) forget(p string) {
	for dir := range w.dirs {
		if dir == p || within(p, dir) {
			// The notifier has often dropped the watch already.
			if err := w.fsw.Remove(dir); err != nil && !errors.Is(err, fsnotify.ErrNonExistentWatch) {
				w.report(err)
			}
			delete(w.dirs, dir)
		}
	}
}
