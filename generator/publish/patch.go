package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"slices"
)

// Patch changes part of a publish directory that an earlier Write made:
// it publishes files, removes the files at the paths in remove, and
// removes the folders that leaves empty, and touches nothing else. It is
// for a caller that knows what dir holds because it wrote it, such as a
// rebuild after one file changed, which has no need to look through
// thousands of unchanged files.
//
// Patch checks the paths and takes the lock as Write does, finishes a
// write that was killed first, and changes dir all or nothing through the
// journal, like Write. dir must exist. Options.Record is not kept: a later
// Write compares the files Patch wrote byte by byte.
func Patch(dir string, files []File, remove []string, opts Options) (rep Report, err error) {
	rm := make([]File, len(remove))
	for i, p := range remove {
		rm[i] = File{Path: p}
	}
	if err := validatePaths(rm); err != nil {
		return Report{}, err
	}
	root, lock, err := enter(dir, files, opts)
	if err != nil {
		return Report{}, err
	}
	defer func() {
		if rerr := lock.release(); rerr != nil {
			err = errors.Join(err, rerr)
		}
	}()
	if fi, err := os.Lstat(root); err != nil || !fi.IsDir() {
		return Report{}, fmt.Errorf("publish: %s is not a publish folder written before", root)
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	opts.Record = ""
	recovered, err := recoverJournal(root, opts)
	rep.Removed += recovered
	if err != nil {
		return rep, err
	}
	plan, err := planDirs(root, files)
	if err != nil {
		return rep, err
	}
	stale, err := removals(root, remove, files)
	if err != nil {
		return rep, err
	}
	st, err := stage(plan, files, opts, nil)
	if err != nil {
		return rep, err
	}
	rep.count(st)
	removed, err := commit(plan, st, stale, opts)
	rep.Removed += removed
	return rep, err
}

// removals lists the files of remove that exist below root, and the
// folders their removal leaves empty, each before its parent; folders
// that files will be written to are kept.
func removals(root string, remove []string, files []File) (staleEntries, error) {
	var stale staleEntries
	gone := map[string]bool{}
	for _, p := range remove {
		if _, err := os.Lstat(absIn(root, p)); errors.Is(err, fs.ErrNotExist) {
			continue
		} else if err != nil {
			return stale, fmt.Errorf("publish: %w", err)
		}
		stale.files = append(stale.files, p)
		gone[p] = true
	}
	needed := map[string]bool{}
	for _, f := range files {
		for d := parentOf(f.Path); d != ""; d = parentOf(d) {
			needed[d] = true
		}
	}
	// Deeper folders first: a folder is empty once its files and its
	// emptied sub-folders are gone.
	var dirs []string
	seen := map[string]bool{}
	for _, p := range stale.files {
		for d := parentOf(p); d != "" && !seen[d]; d = parentOf(d) {
			seen[d] = true
			dirs = append(dirs, d)
		}
	}
	slices.SortFunc(dirs, func(a, b string) int { return depth(b) - depth(a) })
	for _, d := range dirs {
		if needed[d] {
			continue
		}
		entries, err := os.ReadDir(absIn(root, d))
		if err != nil {
			return stale, fmt.Errorf("publish: %w", err)
		}
		empty := true
		for _, e := range entries {
			if !gone[d+"/"+e.Name()] {
				empty = false
				break
			}
		}
		if empty {
			stale.dirs = append(stale.dirs, d)
			gone[d] = true
		}
	}
	return stale, nil
}

// depth counts the folders in the slash-separated path p.
func depth(p string) int {
	n := 0
	for i := range len(p) {
		if p[i] == '/' {
			n++
		}
	}
	return n
}
