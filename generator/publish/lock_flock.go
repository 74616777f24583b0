//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package publish

import (
	"errors"
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// tryLock opens the lock file at path, creating it, and takes an exclusive
// flock on it without waiting. It returns errLocked when someone else holds
// it, and a nil file and error when the file was removed or replaced before
// the lock was taken, so that the caller tries again at once. The kernel
// releases a flock when its holder ends, however it ends: a lock is never
// stale.
func tryLock(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|syscall.O_NOFOLLOW, 0o644)
	if err != nil {
		return nil, err
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, unix.EWOULDBLOCK) {
			return nil, errLocked
		}
		return nil, err
	}
	held, err1 := f.Stat()
	now, err2 := os.Lstat(path)
	if err1 != nil || err2 != nil || !os.SameFile(held, now) {
		f.Close()
		return nil, nil
	}
	if err := f.Truncate(0); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// unlockFile lets go of the lock file f at path. The file is removed
// first, while still held, so that whoever opened it meanwhile notices it
// is gone and starts again on a new one.
func unlockFile(path string, f *os.File) error {
	err := os.Remove(path)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
