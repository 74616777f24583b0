package main

import (
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/cxatlas/cxatlas/generator/publish"
)

// guardedSite lays out a folder holding the minimal portal in site/, with
// publishDir set in its config.toml unless empty, and a sibling project in
// victim/. It returns the folder.
func guardedSite(t *testing.T, publishDir string) string {
	t.Helper()
	base, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	site := filepath.Join(base, "site")
	if err := os.CopyFS(site, os.DirFS("testdata/portals/minimal")); err != nil {
		t.Fatal(err)
	}
	config := "title = \"Minimal portal\"\n"
	if publishDir != "" {
		config += "publishDir = \"" + strings.ReplaceAll(publishDir, "BASE", base) + "\"\n"
	}
	for name, data := range map[string]string{"site/config.toml": config, "victim/README.md": "mine", "victim/docs/guide.md": "mine"} {
		p := filepath.Join(base, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(site, filepath.Join(base, "link")); err != nil {
		t.Fatal(err)
	}
	return base
}

// files lists the files below dir with their content.
func files(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		data, err := os.ReadFile(p)
		out[p] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestPublishDirRefused(t *testing.T) {
	tests := []struct {
		name       string
		publishDir string   // in config.toml; BASE is the test's folder
		args       []string // more arguments of build
		want       string   // in build's error
		check      string   // in check's output; "" when check is not run
	}{
		{name: "sibling project", publishDir: "../victim", want: "BASE/victim: it is outside the site folder BASE/site; choose a folder inside the site, or name this one on the command line (cxatlas build -d)",
			check: `config.toml:2:1: error: publish folder "../victim" is refused: it is outside the site folder BASE/site`},
		{name: "site folder", publishDir: ".", want: "it is or contains BASE/site, which must never be emptied", check: `publish folder "." is refused: it is or contains BASE/site`},
		{name: "parent", publishDir: "..", want: "it is or contains BASE/site", check: `publish folder ".." is refused`},
		{name: "content folder", publishDir: "content", want: "it is or contains BASE/site/content", check: `publish folder "content" is refused`},
		{name: "root", publishDir: "/", want: "/: it is the file-system root", check: `publish folder "/" is refused: it is the file-system root`},
		{name: "symlink to the site", publishDir: "BASE/link", want: "it is or contains BASE/site", check: `publish folder "BASE/link" is refused`},
		{name: "absolute, outside", publishDir: "BASE/out", want: "BASE/out: it is outside the site folder", check: `publish folder "BASE/out" is refused`},
		{name: "-d to a project", args: []string{"-d", "BASE/victim"},
			want: `BASE/victim: it holds "README.md", "docs", which the portal does not, and no .cxatlas file of an earlier build; choose a new or empty folder, or move those files away; to let cxatlas replace everything in it but dot-files, create an empty file BASE/victim/.cxatlas in it`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := guardedSite(t, tt.publishDir)
			abs := func(s string) string { return strings.ReplaceAll(s, "BASE", base) }
			before := files(t, base)
			args := []string{"build", "-s", filepath.Join(base, "site")}
			for _, a := range tt.args {
				args = append(args, abs(a))
			}
			r := cxatlas(t, ".", args...)
			if want := abs(tt.want); r.code != 1 || !strings.Contains(r.stderr, "cxatlas: publish: refusing ") || !strings.Contains(r.stderr, want) {
				t.Errorf("build: exit %d, stderr:\n%s\nwant:\n%s", r.code, r.stderr, want)
			}
			if after := files(t, base); !maps.Equal(after, before) {
				t.Errorf("a refused build changed files")
			}
			if tt.check == "" {
				return
			}
			r = cxatlas(t, ".", "check", "-s", filepath.Join(base, "site"))
			if r.code != 1 || !strings.Contains(r.stdout, abs(tt.check)) {
				t.Errorf("check: exit %d, stdout:\n%s\nwant:\n%s", r.code, r.stdout, abs(tt.check))
			}
		})
	}
}

func TestPublishDirAccepted(t *testing.T) {
	t.Run("absolute inside the site", func(t *testing.T) {
		base := guardedSite(t, "BASE/site/out")
		r := cxatlas(t, ".", "build", "-s", filepath.Join(base, "site"))
		if r.code != 0 || !strings.Contains(r.stdout, " in "+filepath.Join(base, "site", "out")+"\n") {
			t.Fatalf("exit %d: %s%s", r.code, r.stdout, r.stderr)
		}
		checkSite(t, filepath.Join(base, "site", "out"))
	})
	t.Run("output of an older cxatlas, without a marker", func(t *testing.T) {
		base := guardedSite(t, "")
		out := filepath.Join(base, "site", "public")
		if r := cxatlas(t, ".", "build", "-s", filepath.Join(base, "site")); r.code != 0 {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		marker, err := os.ReadFile(filepath.Join(out, publish.MarkerName))
		if err != nil || !strings.Contains(string(marker), "cxatlas") {
			t.Fatalf("no marker after a build: %v", err)
		}
		if err := os.Remove(filepath.Join(out, publish.MarkerName)); err != nil {
			t.Fatal(err)
		}
		if r := cxatlas(t, ".", "build", "-s", filepath.Join(base, "site")); r.code != 0 {
			t.Fatalf("rebuild of an unmarked portal: exit %d: %s", r.code, r.stderr)
		}
		if _, err := os.Stat(filepath.Join(out, publish.MarkerName)); err != nil {
			t.Errorf("the rebuild left no marker: %v", err)
		}
		if r := cxatlas(t, ".", "check", "-s", filepath.Join(base, "site")); r.code != 0 {
			t.Errorf("check: exit %d: %s", r.code, r.stdout)
		}
	})
}

// TestBuildWaitsForLock holds the lock of the output folder as another
// build would, and runs a build into it: the build must wait, then fail
// naming the holder, and leave the folder as it was.
func TestBuildWaitsForLock(t *testing.T) {
	site := testSite(t)
	out := filepath.Join(t.TempDir(), "public")
	if r := cxatlas(t, ".", "build", "-s", site, "-d", out); r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	before := files(t, out)
	unlock, err := publish.Lock(out, 0)
	if err != nil {
		t.Fatal(err)
	}
	edit(t, site, family, "title = ", "title = \"Changed\"\nx = ")
	r := cxatlas(t, ".", "build", "-s", site, "-d", out)
	want := fmt.Sprintf("cxatlas: publish: %s is being written by pid %d on host ", out, os.Getpid())
	if r.code != 1 || !strings.Contains(r.stderr, want) || !strings.Contains(r.stderr, "; waited 5s for it to finish; try again once it has") {
		t.Errorf("build while locked: exit %d, stderr:\n%s\nwant: %s", r.code, r.stderr, want)
	}
	if err := unlock(); err != nil {
		t.Fatal(err)
	}
	if after := files(t, out); !maps.Equal(after, before) {
		t.Errorf("a build that found the folder locked changed it")
	}
}

// TestConcurrentBuilds runs builds of two versions of a portal into one
// folder at once: each waits for the other, both succeed, and the folder
// holds one whole build.
func TestConcurrentBuilds(t *testing.T) {
	sites := []string{testSite(t), testSite(t)}
	edit(t, sites[1], family, "title = ", "title = \"Second\"\nx = ")
	out := filepath.Join(t.TempDir(), "public")
	var wg sync.WaitGroup
	results := make([]result, 6)
	for i := range results {
		wg.Go(func() {
			cmd := exec.Command(binary, "build", "-q", "-s", sites[i%2], "-d", out)
			outb, err := cmd.CombinedOutput()
			results[i] = result{stderr: string(outb)}
			if err != nil {
				results[i].code = 1
			}
		})
	}
	wg.Wait()
	for i, r := range results {
		if r.code != 0 {
			t.Errorf("build %d failed: %s", i, r.stderr)
		}
	}
	checkSite(t, out)
	entries, err := os.ReadDir(filepath.Dir(out))
	if err != nil || len(entries) != 1 {
		t.Errorf("beside the output folder: %v (%v)", entries, err)
	}
}
