package publish

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// maxNameBytes is the longest file name common file systems accept. A
// longer name would only fail when the staged file is renamed, too late to
// leave the publish directory untouched, so it is refused up front.
const maxNameBytes = 255

// validatePaths checks every file path and that no path is given twice or
// names both a file and a directory. It reports all problems at once.
func validatePaths(files []File) error {
	var errs []error
	seen := make(map[string]bool, len(files))
	for _, f := range files {
		if msg := checkPath(f.Path); msg != "" {
			errs = append(errs, fmt.Errorf("publish: invalid path %q: %s", f.Path, msg))
			continue
		}
		if seen[f.Path] {
			errs = append(errs, fmt.Errorf("publish: path %q is given twice", f.Path))
		}
		seen[f.Path] = true
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	for _, f := range files {
		for d := parentOf(f.Path); d != ""; d = parentOf(d) {
			if seen[d] {
				errs = append(errs, fmt.Errorf("publish: path %q is a file and also the directory of %q", d, f.Path))
				break
			}
		}
	}
	return errors.Join(errs...)
}

// checkPath returns why p cannot be written below the publish directory, or
// "" if it can.
func checkPath(p string) string {
	switch {
	case p == "":
		return "empty"
	case !utf8.ValidString(p):
		return "not valid UTF-8"
	case strings.IndexByte(p, 0) >= 0:
		return "contains a NUL byte"
	case strings.IndexByte(p, '\\') >= 0:
		return "contains a backslash; use /"
	case strings.HasPrefix(p, "/") || filepath.IsAbs(p):
		return "absolute; paths are relative to the publish directory"
	}
	for seg := range strings.SplitSeq(p, "/") {
		switch {
		case seg == "":
			return "empty path segment"
		case seg == "." || seg == "..":
			return fmt.Sprintf("%q segment", seg)
		case len(seg) > maxNameBytes:
			return fmt.Sprintf("segment longer than %d bytes", maxNameBytes)
		case seg == journalName || isTempName(seg):
			return fmt.Sprintf("%q is the name of a file the write keeps for itself; rename the page", seg)
		}
	}
	return ""
}

// parentOf returns the slash-separated parent of p, "" for the top level.
func parentOf(p string) string {
	i := strings.LastIndexByte(p, '/')
	if i < 0 {
		return ""
	}
	return p[:i]
}
