package watch

import (
	"path/filepath"

	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/i18n"
)

// SitePaths returns what a build of the portal in siteDir reads, for
// Options.Paths: its config.toml, its content folder, its themes/ folder
// and its i18n/ folder of message catalogues, whether or not they exist
// yet.
func SitePaths(siteDir string, cfg *config.Config) []string {
	return []string{
		filepath.Join(siteDir, config.FileName),
		filepath.Join(siteDir, filepath.FromSlash(cfg.ContentDir)),
		filepath.Join(siteDir, "themes"),
		filepath.Join(siteDir, i18n.Dir),
	}
}
