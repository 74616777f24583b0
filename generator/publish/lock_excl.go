package publish

import (
	"errors"
	"io/fs"
	"os"
)

// The lock of the systems without flock is the lock file's existence. It
// is built on every system, so that its tests run everywhere.

// tryLockExcl creates the lock file at path, which must not exist yet,
// without waiting. It returns errLocked when the file exists. Without
// flock a lock file outlives a holder that was killed: the message names
// its pid, and deleting the file frees the folder.
func tryLockExcl(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return nil, errLocked
	}
	return f, err
}

// unlockExcl lets go of the lock file f at path: it closes the file, then
// removes it with remove. The order matters: Windows refuses to remove a
// file that is still open, which would leave the folder locked for good.
func unlockExcl(path string, f *os.File, remove func(string) error) error {
	err := f.Close()
	if rerr := remove(path); rerr != nil {
		err = errors.Join(err, rerr)
	}
	return err
}
