package publish

import (
	"io/fs"
	"syscall"
)

// changeAndInode returns the change time, in nanoseconds since 1970, and
// the inode number of the file fi describes.
func changeAndInode(fi fs.FileInfo) (changeNs int64, inode uint64, ok bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, 0, false
	}
	return st.Ctim.Nano(), st.Ino, true
}
