package synth

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestHostile checks that every shape makes a file of front matter and
// body no larger than asked, and that Hostile writes a site for each.
func TestHostile(t *testing.T) {
	const size = 64 << 10
	for _, name := range HostileShapes() {
		src := HostileFile(name, size)
		if len(src) > size || len(src) == 0 {
			t.Errorf("%s: %d bytes, want 1 to %d", name, len(src), size)
		}
		if !bytes.HasPrefix(src, []byte("+++\n")) && !bytes.HasPrefix(src, []byte("---\n")) {
			t.Errorf("%s: no front matter: %.40q", name, src)
		}
	}
	dir := t.TempDir()
	if err := Hostile(dir, 4<<10, []string{"toml-nested-arrays", "md-deep-quote"}); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"toml-nested-arrays/config.toml", "md-deep-quote/content/personas/hostile.md"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Error(err)
		}
	}
	if err := Hostile(dir, 4<<10, []string{"no-such-shape"}); err == nil {
		t.Error("unknown shape: no error")
	}
}
