package watch

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

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

// TestWatchCommit: a commit in the site's repository, which changes no
// file the portal reads, is a change all the same: the pages show history.
func TestWatchCommit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	site := t.TempDir()
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=Ann", "-c", "user.email=ann@example.com", "-c", "commit.gpgSign=false"}, args...)...)
		cmd.Dir = site
		cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
		cmd.Env = slices.DeleteFunc(cmd.Env, func(kv string) bool { return strings.HasPrefix(kv, "GIT_DIR=") })
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q")
	git("commit", "-q", "--allow-empty", "-m", "first")
	w, err := New(Options{Paths: SitePaths(site, config.Default()), Delay: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	got := make(chan []string, 1)
	done := make(chan error, 1)
	go func() {
		done <- w.Run(ctx, func(_ context.Context, changed []string) {
			select {
			case got <- changed:
			default:
			}
		})
	}()
	time.Sleep(50 * time.Millisecond) // let the watcher settle
	git("commit", "-q", "--allow-empty", "-m", "second")
	select {
	case changed := <-got:
		if !slices.ContainsFunc(changed, func(p string) bool { return filepath.Base(p) == "HEAD" }) {
			t.Errorf("changed = %v, want the repository's HEAD", changed)
		}
	case <-ctx.Done():
		t.Fatal("no rebuild after a commit")
	}
	cancel()
	<-done
}
