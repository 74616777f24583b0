package publish

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// MarkerName is the file that Write leaves in a publish directory when
// Options.Marker is set, to recognise the directory as its own the next
// time. Its name starts with a dot, so the stale sweep keeps it.
const MarkerName = ".cxatlas"

// markerText is the content of the marker file.
const markerText = `This folder holds a portal published by cxatlas.

cxatlas writes this file into every folder it publishes to, and publishes
again only into a folder that holds it, is empty, or holds nothing but the
names the portal is made of. Each build replaces everything in this folder
except the entries whose names start with a dot (.git, .nojekyll, ...):
keep no other files here.
`

// guardContents refuses, when opts.Marker is set, an existing publish
// directory root (given as dir) that holds entries the build would not
// write, unless it holds the marker of an earlier Write. Entries whose
// names start with "." are never removed as stale, so they do not count.
// A directory without a marker that holds only names the files have at
// their top level is taken as the work of an older cxatlas, which wrote
// no marker.
func guardContents(dir, root string, files []File, opts Options) error {
	if !opts.Marker {
		return nil
	}
	if fi, err := os.Lstat(root); errors.Is(err, fs.ErrNotExist) || err == nil && !fi.IsDir() {
		return nil // Write makes it, or says it is not a directory
	}
	entries, err := os.ReadDir(root)
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	top := make(map[string]bool, len(files))
	for _, f := range files {
		name, _, _ := strings.Cut(f.Path, "/")
		top[name] = true
	}
	var foreign []string
	for _, e := range entries {
		switch name := e.Name(); {
		case name == MarkerName && e.Type().IsRegular():
			return nil
		case !strings.HasPrefix(name, ".") && !top[name]:
			foreign = append(foreign, name)
		}
	}
	if len(foreign) == 0 {
		return nil
	}
	return &DirError{Dir: dir,
		Reason: fmt.Sprintf("it holds %s, which the portal does not, and no %s file of an earlier build", listNames(foreign), MarkerName),
		Advice: fmt.Sprintf("choose a new or empty folder, or move those files away; to let cxatlas replace everything in it but dot-files, create an empty file %s in it",
			filepath.Join(dir, MarkerName))}
}

// listNames names up to three entries, quoted, and counts the rest.
func listNames(names []string) string {
	slices.Sort(names)
	quoted := make([]string, 0, 3)
	for _, n := range names[:min(3, len(names))] {
		quoted = append(quoted, fmt.Sprintf("%q", n))
	}
	s := strings.Join(quoted, ", ")
	if len(names) > 3 {
		s += fmt.Sprintf(" and %d more", len(names)-3)
	}
	return s
}

// writeMarker leaves the marker in the publish directory root, unless it
// is there already.
func writeMarker(root string) error {
	if old, err := os.ReadFile(filepath.Join(root, MarkerName)); err == nil && bytes.Equal(old, []byte(markerText)) {
		return nil
	}
	if err := os.WriteFile(filepath.Join(root, MarkerName), []byte(markerText), 0o644); err != nil {
		return fmt.Errorf("publish: writing the marker: %w", err)
	}
	return nil
}
