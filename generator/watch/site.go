package watch

import (
	"path/filepath"

	"github.com/cxatlas/cxatlas/generator/config"
)

// SitePaths returns what a build of the portal in siteDir reads, for
// Options.Paths: its config.toml, its content folder and its themes/
// folder, whether or not they exist yet.
func SitePaths(siteDir string, cfg *config.Config) []string {
	return []string{
		filepath.Join(siteDir, config.FileName),
		filepath.Join(siteDir, filepath.FromSlash(cfg.ContentDir)),
		filepath.Join(siteDir, "themes"),
	}
}
