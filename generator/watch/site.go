package watch

import (
	"os"
	"path/filepath"

	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/history"
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
	if dir := history.GitDir(siteDir); dir != "" {
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
