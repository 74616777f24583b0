package publish

import (
	"path"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzCheckPath checks that every path checkPath accepts stays inside the
// publish directory and is already in clean, canonical form.
func FuzzCheckPath(f *testing.F) {
	for _, s := range []string{"index.html", "personas/семья/index.html", "../x", "a//b", "/abs", `a\b`, "a/./b", ".nojekyll", "a/.."} {
		f.Add(s)
	}
	root := filepath.FromSlash("/srv/public")
	f.Fuzz(func(t *testing.T, p string) {
		if checkPath(p) != "" {
			return
		}
		if path.Clean(p) != p {
			t.Errorf("accepted %q, which cleans to %q", p, path.Clean(p))
		}
		full := filepath.Join(root, filepath.FromSlash(p))
		if !strings.HasPrefix(full, root+string(filepath.Separator)) {
			t.Errorf("accepted %q, which resolves to %s outside %s", p, full, root)
		}
	})
}
