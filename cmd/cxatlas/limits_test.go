package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxatlas/cxatlas/generator/synth"
)

// TestHostileFilesAreRefused adds the worst file of a shape to the example
// portal: check and build refuse it with its position and the limit it
// passes, and the build leaves the output folder as it was.
func TestHostileFilesAreRefused(t *testing.T) {
	tests := []struct {
		shape string
		size  int
		want  string
	}{
		{"toml-nested-arrays", 16 << 10, "hostile.md:3:37: error: front matter nests deeper than 32 levels"},
		{"toml-many-keys", 256 << 10, "hostile.md:1002:1: error: table holds more than 1000 keys"},
		{"yaml-huge-list", 1 << 20, "hostile.md:100002:3: error: front matter holds more than 100000 values"},
		{"md-deep-emphasis", 1 << 20, "hostile.md:4:10001: error: paragraph opens more than 5000 links and emphasis marks"},
	}
	for _, tt := range tests {
		t.Run(tt.shape, func(t *testing.T) {
			site := exampleSite(t)
			out := filepath.Join(t.TempDir(), "public")
			if r := cxatlas(t, site, "build", "-d", out); r.code != 0 {
				t.Fatalf("example portal does not build: %s", r.stderr)
			}
			file := filepath.Join(site, "content", "personas", "hostile.md")
			if err := os.WriteFile(file, synth.HostileFile(tt.shape, tt.size), 0o644); err != nil {
				t.Fatal(err)
			}
			for _, args := range [][]string{{"check"}, {"build", "-d", out}} {
				r := cxatlas(t, site, args...)
				if r.code != 1 || !strings.Contains(r.stdout+r.stderr, tt.want) {
					t.Errorf("%s: exit %d, output %.500s; want exit 1 and %q", args[0], r.code, r.stdout+r.stderr, tt.want)
				}
			}
			if _, err := os.Stat(filepath.Join(out, "personas", "hostile")); !os.IsNotExist(err) {
				t.Errorf("failed build published the hostile persona (%v)", err)
			}
		})
	}
}
