//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package publish

import (
	"errors"
	"io/fs"
	"os"
)

// tryLock creates the lock file at path, which must not exist yet, without
// waiting. It returns errLocked when the file exists. Without flock a lock
// file outlives a holder that was killed: the message names its pid, and
// deleting the file frees the folder.
func tryLock(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return nil, errLocked
	}
	return f, err
}
