//go:build !linux

package content

import "os"

// dirCache is the Linux shortcut for reading files (read_linux.go); here
// every file is read through the root.
type dirCache struct{}

// read leaves every file to the root.
func (*dirCache) read(*os.Root, string, int64, *[]byte) ([]byte, bool, error) {
	return nil, false, nil
}

func (*dirCache) close() {}
