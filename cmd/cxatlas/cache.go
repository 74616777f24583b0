package main

import (
	"os"
	"path/filepath"
)

// cacheDir is the folder where builds keep what spares work the next time,
// in the user's cache folder ($XDG_CACHE_HOME or ~/.cache on Linux); ""
// when there is none, which only costs speed.
func cacheDir() string {
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "cxatlas")
}
