//go:build !linux

package publish

// Outside Linux a write is safe against a killed process, not against a
// power loss: nothing is synced.

// syncFS would write to disk everything written to the file system that
// holds dir.
func syncFS(string) error { return nil }

// syncDir would write the entries of the folder dir to disk.
func syncDir(string) error { return nil }
