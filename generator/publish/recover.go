package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Recover brings the publish folder dir back to one whole build after a
// write to it was killed or the machine lost power: it finishes the
// interrupted write from its journal when there is one, which yields the
// new build, and removes the temporary files and folders a killed write
// left, which leaves the older build. Write does the same first, so
// Recover is for programs that read the folder without writing it.
//
// Recover refuses the folders Write refuses, and takes the same lock, so it
// waits for a write under way to end.
func Recover(dir string) (err error) {
	root, err := guardDir(dir, Options{})
	if err != nil {
		return err
	}
	lock, err := lockDir(root, 0)
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, lock.release()) }()
	if err := removeTempDirs(root); err != nil {
		return err
	}
	if _, err := os.Lstat(root); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if _, err := recoverJournal(root, Options{Workers: 1}); err != nil {
		return err
	}
	return removeTemps(root)
}

// recoverJournal finishes the write whose journal is in root, if any. A
// journal that is not whole was never acted on, as it is renamed into
// place whole before anything is renamed, so it is only removed: the older
// build is intact, and the temporary files it lists are removed with the
// others. recoverJournal returns how many entries of the older build it
// removed.
func recoverJournal(root string, opts Options) (int, error) {
	j, err := readJournal(root)
	switch {
	case errors.Is(err, errDamagedJournal):
		return 0, removeJournal(root)
	case err != nil:
		return 0, err
	case j == nil:
		return 0, nil
	}
	removed, err := apply(root, j, opts, true)
	if err != nil {
		return removed, fmt.Errorf("publish: finishing the write interrupted in %s from its journal: %w; fix the cause and build again", root, err)
	}
	if err := syncFS(root); err != nil {
		return removed, fmt.Errorf("publish: flushing the publish folder: %w", err)
	}
	return removed, removeJournal(root)
}

// removeTemps removes the temporary files of killed writes anywhere below
// root, except in a ".git" folder, which a write never touches.
func removeTemps(root string) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && d.Name() == ".git":
			return filepath.SkipDir
		case d.Type().IsRegular() && isTempName(d.Name()):
			if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("publish: removing a temporary file: %w", err)
			}
		}
		return nil
	})
}

// removeTempDirs removes the hidden folders, beside the publish folder
// root, in which a killed write built root when it did not exist yet.
func removeTempDirs(root string) error {
	parent, base := filepath.Dir(root), filepath.Base(root)
	entries, err := os.ReadDir(parent)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("publish: looking for temporary folders: %w", err)
	}
	for _, e := range entries {
		if e.IsDir() && isTempDirName(e.Name(), base) {
			if err := os.RemoveAll(filepath.Join(parent, e.Name())); err != nil {
				return fmt.Errorf("publish: removing a temporary folder: %w", err)
			}
		}
	}
	return nil
}

// isTempDirName reports whether name is that of a temporary folder in
// which a write builds the publish folder base; see makeTempDir.
func isTempDirName(name, base string) bool {
	rest, ok := strings.CutPrefix(name, "."+base)
	return ok && isTempName(rest) && isHex(rest[len(tempPrefix):len(rest)-len(tempSuffix)])
}

// isHex reports whether s is lower-case hexadecimal digits.
func isHex(s string) bool {
	for _, c := range s {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}
