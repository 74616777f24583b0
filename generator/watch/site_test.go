package watch

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/cxatlas/cxatlas/generator/config"
)

func TestSitePathsGit(t *testing.T) {
	root := t.TempDir()
	site := filepath.Join(root, "portal")
	if err := os.MkdirAll(site, 0o755); err != nil {
		t.Fatal(err)
	}
	cfg := config.Default()
	if got := SitePaths(site, cfg); len(got) != 4 {
		t.Errorf("outside git: %v", got)
	}
	tests := []struct {
		name  string
		setup func(t *testing.T) string // returns the git folder
	}{
		{"repository above the site", func(t *testing.T) string {
			dir := filepath.Join(root, ".git")
			if err := os.MkdirAll(filepath.Join(dir, "logs"), 0o755); err != nil {
				t.Fatal(err)
			}
			return dir
		}},
		{"worktree", func(t *testing.T) string {
			dir := filepath.Join(root, "main", ".git", "worktrees", "portal")
			if err := os.MkdirAll(filepath.Join(dir, "logs"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(site, ".git"), []byte("gitdir: "+dir+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			return dir
		}},
	}
	if err := os.MkdirAll(filepath.Join(root, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := tt.setup(t)
			got := SitePaths(site, cfg)
			for _, want := range []string{filepath.Join(dir, "HEAD"), filepath.Join(dir, "logs", "HEAD")} {
				if !slices.Contains(got, want) {
					t.Errorf("SitePaths = %v, lacks %s", got, want)
				}
			}
			for _, p := range got {
				if filepath.Base(p) == "objects" || p == filepath.Join(root, ".git") {
					t.Errorf("SitePaths watches %s", p)
				}
			}
		})
	}
}
