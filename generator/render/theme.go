package render

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/cxatlas/cxatlas/themes"
)

// OpenTheme returns the theme a portal is built with: the embedded default
// theme, overlaid file by file by <siteDir>/themes/<name>/ when name is set
// and is not "default". A file of the site's theme replaces the default file
// with the same path; all other default files stay. It is an error if the
// named theme folder does not exist.
func OpenTheme(siteDir, name string) (fs.FS, error) {
	base, err := fs.Sub(themes.Default, "default")
	if err != nil {
		return nil, fmt.Errorf("open the default theme: %w", err)
	}
	if name == "" || name == "default" {
		return base, nil
	}
	dir := filepath.Join(siteDir, "themes", name)
	info, err := os.Stat(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("theme %q: folder %s does not exist; create it or remove the theme setting", name, dir)
		}
		return nil, fmt.Errorf("theme %q: %w", name, err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("theme %q: %s is not a folder", name, dir)
	}
	return overlay{top: os.DirFS(dir), base: base}, nil
}

// overlay is a file system where the files of top hide those of base with
// the same path, and directories list the entries of both.
type overlay struct {
	top, base fs.FS
}

// Open opens name from top, or from base when top does not have it as a
// file. Directories are listed through ReadDir, which merges both.
func (o overlay) Open(name string) (fs.File, error) {
	if st, err := fs.Stat(o.top, name); err == nil && !st.IsDir() {
		return o.top.Open(name)
	}
	if f, err := o.base.Open(name); err == nil {
		return f, nil
	}
	return o.top.Open(name)
}

// ReadDir lists the union of name's entries in top and base, sorted by
// name; an entry of top wins over the entry of base with the same name.
func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	top, terr := fs.ReadDir(o.top, name)
	base, berr := fs.ReadDir(o.base, name)
	if terr != nil && berr != nil {
		return nil, berr
	}
	seen := make(map[string]bool, len(top))
	out := make([]fs.DirEntry, 0, len(top)+len(base))
	for _, e := range top {
		seen[e.Name()] = true
		out = append(out, e)
	}
	for _, e := range base {
		if !seen[e.Name()] {
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return out, nil
}
