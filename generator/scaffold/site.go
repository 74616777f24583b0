package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"
)

// SiteLanguages lists the languages NewSite can start a portal in.
func SiteLanguages() []string { return []string{"en", "ru"} }

// NewSite starts a portal in dir: a config.toml whose comments explain
// every key, the home page, and one persona whose map runs through two
// stages and two touchpoints, all in language ("en" or "ru"), so that the
// portal builds and passes check at once. It refuses a dir that already
// holds a config.toml or a content folder, and returns the paths it
// wrote, relative to dir.
func NewSite(dir, language string, today time.Time) ([]string, error) {
	root := "templates/" + language + "/site"
	if _, err := fs.Stat(templates, root); err != nil {
		return nil, fmt.Errorf("unknown language %q: use %s", language, strings.Join(SiteLanguages(), " or "))
	}
	for _, name := range []string{"config.toml", "content"} {
		if _, err := os.Stat(filepath.Join(dir, name)); !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s already exists: start the portal in a new or empty folder", filepath.Join(dir, name))
		}
	}
	var names []string
	err := fs.WalkDir(templates, root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, strings.TrimPrefix(p, root+"/"))
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	var written []string
	for _, name := range names {
		data, err := templates.ReadFile(path.Join(root, name))
		if err == nil {
			err = writeNew(filepath.Join(dir, filepath.FromSlash(name)), strings.ReplaceAll(string(data), "{today}", today.Format("2006-01-02")))
		}
		if err != nil {
			for _, w := range written {
				os.Remove(filepath.Join(dir, filepath.FromSlash(w)))
			}
			return nil, err
		}
		written = append(written, name)
	}
	return written, nil
}

// writeNew writes a file that must not exist yet, making its folder.
func writeNew(p, text string) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
