package history

import (
	"os"
	"path/filepath"
	"strings"
)

// GitDir returns the git folder of the repository siteDir is in: the
// folder GIT_DIR names when it is set, else the .git folder of the nearest
// folder up that has one, or the folder a .git file names (a worktree or
// submodule); "" outside a repository. It runs no git command, so a site
// outside git costs nothing.
func GitDir(siteDir string) string {
	if env := os.Getenv("GIT_DIR"); env != "" {
		if info, err := os.Stat(env); err == nil && info.IsDir() {
			return env
		}
		return ""
	}
	dir, err := filepath.Abs(siteDir)
	if err != nil {
		return ""
	}
	for {
		dotgit := filepath.Join(dir, ".git")
		info, err := os.Stat(dotgit)
		if err == nil && info.IsDir() {
			return dotgit
		}
		if err == nil && info.Mode().IsRegular() {
			data, err := os.ReadFile(dotgit)
			if err != nil {
				return ""
			}
			target, ok := strings.CutPrefix(strings.TrimSpace(string(data)), "gitdir: ")
			if !ok {
				return ""
			}
			if !filepath.IsAbs(target) {
				target = filepath.Join(dir, target)
			}
			return filepath.Clean(target)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}
