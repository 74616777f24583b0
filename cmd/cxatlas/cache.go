package main

import (
	"os"
	"path/filepath"
)

// cacheDirEnv names the environment variable that sets the cache folder.
const cacheDirEnv = "CXATLAS_CACHE_DIR"

// cacheDir is the folder where builds keep what spares work the next time:
// $CXATLAS_CACHE_DIR when set, else cxatlas in the user's cache folder
// ($XDG_CACHE_HOME or ~/.cache on Linux); "" when there is none, which
// only costs speed.
func cacheDir() string {
	if d := os.Getenv(cacheDirEnv); d != "" {
		return d
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "cxatlas")
}
