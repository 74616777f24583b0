package publish

import (
	"path/filepath"
	"testing"
)

// BenchmarkClaim measures what Write adds to every write for its safety:
// the checks of the publish directory, the marker check of its contents,
// and taking and releasing its lock.
func BenchmarkClaim(b *testing.B) {
	files := benchFiles(1000, 100, 1)
	dir := filepath.Join(b.TempDir(), "site", "public")
	opts := Options{Marker: true, Protected: []string{filepath.Dir(dir)}, Inside: filepath.Dir(dir)}
	mustWrite(b, dir, files, Report{Written: len(files)})
	for b.Loop() {
		root, err := guardDir(dir, opts)
		if err != nil {
			b.Fatal(err)
		}
		l, err := lockDir(root, 0)
		if err != nil {
			b.Fatal(err)
		}
		if err := guardContents(dir, root, files, opts); err != nil {
			b.Fatal(err)
		}
		if err := l.release(); err != nil {
			b.Fatal(err)
		}
	}
}
