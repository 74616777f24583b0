package watch

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/i18n"
)

// SitePaths returns what a build of the portal in siteDir reads, for
// Options.Paths: its config.toml, its content folder, its themes/ folder
// and its i18n/ folder of message catalogues, whether or not they exist
// yet. When the site is in a git repository, the history the pages show
// changes with each commit, checkout and merge: SitePaths adds the files
// git rewrites then, HEAD and logs/HEAD of the repository's git folder,
// and nothing else of it (not the thousands of files in objects/).
func SitePaths(siteDir string, cfg *config.Config) []string {
	paths := []string{
		filepath.Join(siteDir, config.FileName),
		filepath.Join(siteDir, filepath.FromSlash(cfg.ContentDir)),
		filepath.Join(siteDir, "themes"),
		filepath.Join(siteDir, i18n.Dir),
	}
	if dir := gitDir(siteDir); dir != "" {
		// The watcher needs the folder of each path to exist: logs/
		// appears with the first commit.
		for _, p := range []string{filepath.Join(dir, "HEAD"), filepath.Join(dir, "logs", "HEAD")} {
			if _, err := os.Stat(filepath.Dir(p)); err == nil {
				paths = append(paths, p)
			}
		}
	}
	return paths
}

// gitDir returns the git folder of the repository siteDir is in: the
// .git folder of the nearest folder up that has one, or the folder a .git
// file names (a worktree or submodule); "" outside a repository.
func gitDir(siteDir string) string {
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
