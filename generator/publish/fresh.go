package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
)

// writeFresh builds the publish dir root, which does not exist yet, under a
// temporary name beside it and renames it into place, so that a failure
// leaves nothing behind. Files are written straight to their final names
// inside the temporary tree, with no per-file staging.
func writeFresh(root string, files []File, opts Options) (Report, error) {
	if err := removeTempDirs(root); err != nil {
		return Report{}, err
	}
	parent := filepath.Dir(root)
	madeParents, err := mkdirAllTracked(parent)
	if err != nil {
		return Report{}, fmt.Errorf("publish: %w", err)
	}
	tmp, err := makeTempDir(parent, filepath.Base(root))
	if err != nil {
		return Report{}, errors.Join(fmt.Errorf("publish: %w", err), removeDirs(madeParents))
	}
	fail := func(err error) (Report, error) {
		if rerr := os.RemoveAll(tmp); rerr != nil {
			err = errors.Join(err, rerr)
		}
		return Report{}, errors.Join(err, removeDirs(madeParents))
	}
	plan, err := planDirs(tmp, files)
	if err == nil {
		err = plan.createMissing()
	}
	st := make([]staged, len(files))
	if err == nil {
		err = forEach(len(files), opts.Workers, func(i int, sc *workerScratch) error {
			st[i].rel = files[i].Path
			return writeNew(plan, files[i], opts, sc, &st[i])
		})
	}
	if err == nil {
		opts.crash("rename " + root)
		err = os.Rename(tmp, root)
	}
	if err != nil {
		return fail(fmt.Errorf("publish: %w", err))
	}
	if opts.Record != "" {
		saveRecord(opts.Record, root, recordOf(st))
	}
	return Report{Written: len(files)}, nil
}

// writeNew writes f to a new file below plan's root, noting in s what the
// record of the write needs.
func writeNew(plan *dirPlan, f File, opts Options, sc *workerScratch, s *staged) error {
	if err := opts.hook(f.Path); err != nil {
		return err
	}
	if f.Stream != nil {
		return streamNew(plan.abs(f.Path), f)
	}
	data, err := f.bytes(opts, sc, s)
	if err != nil {
		return err
	}
	w, err := os.OpenFile(plan.abs(f.Path), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	s.fi, err = writeClose(w, data)
	return err
}

// makeTempDir creates a hidden, empty directory in parent named after base.
func makeTempDir(parent, base string) (string, error) {
	for {
		p := filepath.Join(parent, fmt.Sprintf(".%s%s%016x%s", base, tempPrefix, rand.Uint64(), tempSuffix))
		err := os.Mkdir(p, 0o755)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return p, err
	}
}

// mkdirAllTracked creates dir and its missing ancestors and returns those
// it created, parents first.
func mkdirAllTracked(dir string) ([]string, error) {
	var missing []string
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Lstat(d); err == nil {
			break
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		missing = append(missing, d)
		if filepath.Dir(d) == d {
			break
		}
	}
	var made []string
	for i := len(missing) - 1; i >= 0; i-- {
		if err := os.Mkdir(missing[i], 0o755); err != nil {
			return nil, errors.Join(err, removeDirs(made))
		}
		made = append(made, missing[i])
	}
	return made, nil
}

// removeDirs removes the empty directories dirs, listed parents first.
func removeDirs(dirs []string) error {
	var errs []error
	for i := len(dirs) - 1; i >= 0; i-- {
		if err := os.Remove(dirs[i]); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
