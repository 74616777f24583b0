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
	"syscall"
)

// journalOf lists the changes that commit the staged files st and remove
// the stale entries found before staging.
func journalOf(plan *dirPlan, st []staged, stale staleEntries) *journal {
	j := &journal{mkdirs: plan.inState(dirBlocked), stale: stale.files, staleDirs: stale.dirs}
	for _, s := range st {
		if s.tmp != "" {
			j.renames = append(j.renames, rename{tmp: relIn(plan.root, s.tmp), target: s.rel, replaceDir: s.replaceDir})
		}
	}
	return j
}

// commit makes the staged files st of a write the publish folder's, crash
// safe, and removes the stale entries found before staging: it flushes the
// staged files to disk, writes the journal, applies it and removes it.
// Should flushing or writing the journal fail, commit removes what staging
// made, the staged files and the folders, and the folder is as it was.
// Killed before the journal is in place, the write leaves the older build
// and temporary files that the next write removes; killed after, the next
// write finishes it from the journal. commit returns how many entries of
// the older build it removed.
func commit(plan *dirPlan, st []staged, stale staleEntries, opts Options) (int, error) {
	root, j := plan.root, journalOf(plan, st, stale)
	if j.empty() {
		return 0, nil
	}
	if len(j.renames) > 0 && !opts.NoSync {
		// The staged files must be on disk before a journal that
		// promises them is.
		if err := syncFS(root); err != nil {
			err = fmt.Errorf("publish: flushing staged files: %w", err)
			return 0, errors.Join(err, unstage(st, plan))
		}
	}
	opts.crash("journal")
	if err := writeJournal(root, j); err != nil {
		return 0, errors.Join(err, unstage(st, plan))
	}
	removed, err := apply(root, j, opts, false)
	if err != nil {
		return removed, fmt.Errorf("publish: replacing files failed; the next build finishes the change from %s: %w", journalName, err)
	}
	opts.crash("journal done")
	// The renames must be on disk before the journal is gone.
	if err := opts.sync(root); err != nil {
		return removed, fmt.Errorf("publish: flushing the publish folder: %w", err)
	}
	return removed, removeJournal(root)
}

// apply makes the changes of j below root: it replaces files where
// folders go, renames the staged files over their targets and removes
// stale entries. Resuming an interrupted apply, a staged file that is gone
// was renamed already. apply returns how many entries of the older build
// it removed.
func apply(root string, j *journal, opts Options, resuming bool) (int, error) {
	a := &applier{root: root, opts: opts, resuming: resuming}
	err := a.mkdirs(j.mkdirs)
	if err == nil {
		err = forEach(len(j.renames), opts.Workers, func(i int, _ *workerScratch) error { return a.rename(j.renames[i]) })
	}
	if err == nil {
		err = forEach(len(j.stale), opts.Workers, func(i int, _ *workerScratch) error { return a.remove(j.stale[i]) })
	}
	if err == nil {
		err = a.rmdirs(j.staleDirs)
	}
	return int(a.removed.Load()), err
}

// applier applies a journal.
type applier struct {
	root     string
	opts     Options
	resuming bool
	removed  atomic.Int64
	// realDirs holds the folders, slash-separated, that were found to be
	// real folders rather than symlinks.
	realDirs sync.Map
}

// path returns the file-system path of the slash-separated rel below the
// publish folder, after checking that no folder on the way is a symlink:
// a write never lists an entry below one, since planDirs replaces such
// links before anything goes through them, and following one would
// change files outside the publish folder.
func (a *applier) path(rel string) (string, error) {
	for i := range len(rel) {
		if rel[i] != '/' {
			continue
		}
		d := rel[:i]
		if _, ok := a.realDirs.Load(d); ok {
			continue
		}
		fi, err := os.Lstat(absIn(a.root, d))
		switch {
		case err != nil || !fi.Mode().IsDir() && fi.Mode()&fs.ModeSymlink == 0:
			// Nothing of rel can be there; the step fails or finds
			// nothing to do.
			return absIn(a.root, rel), nil
		case fi.Mode()&fs.ModeSymlink != 0:
			return "", fmt.Errorf("%s: the folder %s is a symbolic link; a write never goes through one, so the step is refused; remove %s and build again", rel, d, journalName)
		}
		a.realDirs.Store(d, true)
	}
	return absIn(a.root, rel), nil
}

// mkdirs makes the folders dirs, parents first, removing the file or
// symlink of an older build that stands at each.
func (a *applier) mkdirs(dirs []string) error {
	for _, d := range dirs {
		a.opts.crash("mkdir " + d)
		p, err := a.path(d)
		if err != nil {
			return err
		}
		if fi, err := os.Lstat(p); err == nil && !fi.IsDir() {
			if err := os.Remove(p); err != nil {
				return err
			}
			a.removed.Add(1)
		}
		if err := os.Mkdir(p, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			return err
		}
	}
	return nil
}

// rename moves one staged file over its target. Renames run on several
// workers: on ext4 a rename over an existing file starts writing the new
// data out, and those waits overlap.
func (a *applier) rename(r rename) error {
	a.opts.crash("rename " + r.target)
	tmp, err := a.path(r.tmp)
	if err != nil {
		return err
	}
	target, err := a.path(r.target)
	if err != nil {
		return err
	}
	if a.resuming {
		if _, err := os.Lstat(tmp); errors.Is(err, fs.ErrNotExist) {
			return nil
		}
	}
	if r.replaceDir {
		if fi, err := os.Lstat(target); err == nil && fi.IsDir() {
			if err := os.RemoveAll(target); err != nil {
				return err
			}
			a.removed.Add(1)
		}
	}
	return os.Rename(tmp, target)
}

// remove removes the stale file rel, if it is still there.
func (a *applier) remove(rel string) error {
	a.opts.crash("remove " + rel)
	p, err := a.path(rel)
	if err != nil {
		return err
	}
	err = os.Remove(p)
	if err == nil {
		a.removed.Add(1)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// rmdirs removes the stale folders dirs, each listed before its parent.
func (a *applier) rmdirs(dirs []string) error {
	for _, d := range dirs {
		a.opts.crash("rmdir " + d)
		p, err := a.path(d)
		if err != nil {
			return err
		}
		// A folder that something else filled meanwhile is kept.
		switch err := os.Remove(p); {
		case err == nil:
			a.removed.Add(1)
		case errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.ENOTEMPTY), errors.Is(err, syscall.EEXIST):
		default:
			return err
		}
	}
	return nil
}

// absIn returns the file-system path of the slash-separated rel below
// root.
func absIn(root, rel string) string {
	return filepath.Join(root, filepath.FromSlash(rel))
}

// relIn returns the slash-separated path, relative to root, of p, which
// lies below root.
func relIn(root, p string) string {
	return filepath.ToSlash(strings.TrimPrefix(p, root+string(filepath.Separator)))
}
