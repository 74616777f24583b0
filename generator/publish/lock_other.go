//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package publish

import "os"

// tryLock takes the lock file at path; see tryLockExcl.
func tryLock(path string) (*os.File, error) {
	return tryLockExcl(path)
}

// unlockFile lets go of the lock file f at path; see unlockExcl.
func unlockFile(path string, f *os.File) error {
	return unlockExcl(path, f, os.Remove)
}
