package publish

import (
	"os"

	"golang.org/x/sys/unix"
)

// syncFS writes to disk everything written to the file system that holds
// dir: one call, however many files were staged, instead of one sync per
// file.
func syncFS(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	return unix.Syncfs(int(f.Fd()))
}

// syncDir writes the entries of the folder dir to disk, so that a file
// created or renamed in it is found there after a power loss.
func syncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}
