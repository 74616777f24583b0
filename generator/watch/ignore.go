package watch

import "strings"

// skipName reports whether a file or folder name is of no interest to a
// build: hidden entries, which the content loader passes over too, and the
// temporary and backup files editors write next to the file being edited.
func skipName(name string) bool {
	switch {
	case strings.HasPrefix(name, "."): // hidden, Emacs lock files (.#x), Vim swap files (.x.swp)
		return true
	case strings.HasSuffix(name, "~"): // backups of Vim, Emacs, nano
		return true
	case name == "4913": // Vim's probe for a writable folder
		return true
	case strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"): // Emacs auto-save
		return true
	}
	for _, suffix := range []string{".swp", ".swo", ".swx", "___jb_tmp___", "___jb_old___"} {
		if strings.HasSuffix(name, suffix) {
			return true
		}
	}
	return false
}
