package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sync/atomic"
)

// commit renames every staged file over its target. It first replaces the
// files or symlinks of an older build that stand where a directory is now
// needed, and removes directories that stand where a file now goes. It
// returns how many such entries it removed. Renames run on several workers:
// on ext4 a rename over an existing file starts writing the new data out,
// and overlapping those waits shortens the time in which the publish dir
// holds a mix of old and new files.
func commit(plan *dirPlan, st []staged, workers int) (removed int, err error) {
	for _, d := range plan.inState(dirBlocked) {
		p := plan.abs(d)
		if fi, err := os.Lstat(p); err == nil && !fi.IsDir() {
			if err := os.Remove(p); err != nil {
				return removed, commitFailed(err, st)
			}
			removed++
		}
		if err := os.Mkdir(p, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			return removed, commitFailed(err, st)
		}
	}
	var replaced atomic.Int64
	err = forEach(len(st), workers, func(i int, _ *workerScratch) error {
		s := &st[i]
		if s.tmp == "" {
			return nil
		}
		target := plan.abs(s.rel)
		if s.replaceDir {
			if err := os.RemoveAll(target); err != nil {
				return err
			}
			replaced.Add(1)
		}
		if err := os.Rename(s.tmp, target); err != nil {
			return err
		}
		s.tmp = ""
		return nil
	})
	removed += int(replaced.Load())
	if err != nil {
		return removed, commitFailed(err, st)
	}
	return removed, nil
}

// commitFailed removes the temporary files not yet renamed and explains
// that the publish directory may now be partly updated.
func commitFailed(err error, st []staged) error {
	for _, s := range st {
		if s.tmp != "" {
			os.Remove(s.tmp)
		}
	}
	return fmt.Errorf("publish: replacing files failed, the publish directory is partly updated; build again: %w", err)
}
