package publish

import (
	"errors"
	"maps"
	"os"
	"os/user"
	"path/filepath"
	"strings"
	"testing"
)

// portalFiles is a small build: the top-level names a portal is made of.
var portalFiles = map[string]string{
	"index.html":               "home",
	"personas/anna/index.html": "anna",
	"sitemap.xml":              "<urlset/>",
}

func TestWriteGuardsContents(t *testing.T) {
	tests := []struct {
		name    string
		before  map[string]string // nil: the publish dir does not exist
		wantErr string            // "" when the write goes ahead
		want    map[string]string // files after a write that goes ahead; nil: portalFiles and the marker
	}{
		{name: "new folder"},
		{name: "empty folder", before: map[string]string{}},
		{name: "dot-files only", before: map[string]string{".git/HEAD": "ref", ".nojekyll": ""},
			want: with(portalFiles, map[string]string{".git/HEAD": "ref", ".nojekyll": "", MarkerName: markerText})},
		{name: "older cxatlas output without a marker",
			before: map[string]string{"index.html": "old", "personas/gone/index.html": "gone", "sitemap.xml": "old"}},
		{name: "marked folder with strays", before: map[string]string{MarkerName: "", "stray.html": "x", "old/index.html": "x"}},
		{name: "marker that is a folder", before: map[string]string{MarkerName + "/x": "", "README.md": "mine"},
			wantErr: `it holds "README.md", which the portal does not, and no .cxatlas file of an earlier build`},
		{name: "sibling project", before: map[string]string{"README.md": "mine", "docs/guide.md": "mine", "index.html": "old"},
			wantErr: `it holds "README.md", "docs", which the portal does not, and no .cxatlas file of an earlier build; choose a new or empty folder`},
		{name: "many strays", before: map[string]string{"a": "", "b": "", "c": "", "d": "", "e": ""},
			wantErr: `it holds "a", "b", "c" and 2 more, which the portal does not`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := t.TempDir()
			dir := filepath.Join(base, "site", "public")
			makeTree(t, base, map[string]string{"site/config.toml": ""})
			if tt.before != nil {
				makeTree(t, dir, tt.before)
				if len(tt.before) == 0 {
					os.Mkdir(dir, 0o755)
				}
			}
			// The lock file comes and goes in the parent: its time changes.
			snap := withoutDirTimes(snapshot(t, base))
			opts := Options{Protected: []string{filepath.Join(base, "site")}, Inside: filepath.Join(base, "site"), Marker: true}
			_, guardErr := Guard(dir, filesAs(portalFiles, "data"), opts)
			_, err := Write(dir, filesAs(portalFiles, "data"), opts)
			if tt.wantErr != "" {
				var de *DirError
				if !errors.As(err, &de) || !errors.Is(err, ErrUnsafeDir) || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Write error = %v, want a DirError containing %q", err, tt.wantErr)
				}
				if guardErr == nil || guardErr.Error() != err.Error() {
					t.Errorf("Guard error = %v, want the same as Write's", guardErr)
				}
				if after := withoutDirTimes(snapshot(t, base)); !maps.Equal(after, snap) {
					t.Errorf("refused write changed the tree")
				}
				return
			}
			if err != nil || guardErr != nil {
				t.Fatalf("Write: %v; Guard: %v", err, guardErr)
			}
			want := tt.want
			if want == nil {
				want = with(portalFiles, map[string]string{MarkerName: markerText})
			}
			if got := contents(snapshot(t, dir)); !maps.Equal(got, want) {
				t.Errorf("files after:\n got %q\nwant %q", got, want)
			}
		})
	}
}

// with returns the union of maps a and b.
func with(a, b map[string]string) map[string]string {
	out := maps.Clone(a)
	maps.Copy(out, b)
	return out
}

func TestMarkerSaysWhatItIs(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	if _, err := Write(dir, filesAs(portalFiles, "data"), Options{Marker: true}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, MarkerName))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "published by cxatlas") || !strings.Contains(string(data), "replaces everything") {
		t.Errorf("marker says %q", data)
	}
	// Without Marker, Write leaves none, as before.
	plain := filepath.Join(t.TempDir(), "public")
	if _, err := Write(plain, filesAs(portalFiles, "data"), Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(filepath.Join(plain, MarkerName)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a write without Marker left a marker: %v", err)
	}
}

func TestWriteRefusesOutsideInside(t *testing.T) {
	base := t.TempDir()
	site := filepath.Join(base, "site")
	makeTree(t, base, map[string]string{"site/config.toml": "", "victim/README.md": "mine", "link": "->site"})
	tests := []struct {
		name, dir, wantErr string
	}{
		{name: "sibling", dir: filepath.Join(site, "..", "victim"), wantErr: "it is outside the site folder " + site + "; choose a folder inside the site, or name this one on the command line"},
		{name: "new folder beside the site", dir: filepath.Join(base, "out"), wantErr: "it is outside the site folder"},
		{name: "inside", dir: filepath.Join(site, "public")},
		{name: "inside through a symlink", dir: filepath.Join(base, "link", "public")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			snap := snapshot(t, base)
			_, err := Write(tt.dir, filesAs(portalFiles, "data"), Options{Protected: []string{site}, Inside: site})
			if tt.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if !errors.Is(err, ErrUnsafeDir) || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("Write error = %v, want one containing %q", err, tt.wantErr)
			}
			if after := snapshot(t, base); !maps.Equal(after, snap) {
				t.Errorf("refused write changed the tree")
			}
		})
	}
}

// TestGuardRefusesHomes checks the home folders without $HOME. It asks
// Guard only: a Write that got through would empty a real home folder.
func TestGuardRefusesHomes(t *testing.T) {
	u, err := user.Current()
	if err != nil || u.HomeDir == "" || u.HomeDir == "/" {
		t.Skipf("no home folder in the user database: %v", err)
	}
	t.Setenv("HOME", "")
	tests := []struct {
		name, dir, wantErr string
	}{
		{name: "own home from the user database", dir: u.HomeDir, wantErr: "it is or contains"},
		{name: "parent of the own home", dir: filepath.Dir(u.HomeDir), wantErr: "refusing " + filepath.Dir(u.HomeDir) + ": it is "},
		{name: "root's home", dir: "/root", wantErr: "it is or contains the home folder /root"},
		{name: "a user in /home", dir: "/home/someone-else", wantErr: "it is the home folder of a user, in /home"},
		{name: "/home itself", dir: "/home", wantErr: "it is or contains /home, the folder of the users' home folders"},
		{name: "a user in /Users", dir: "/Users/someone-else", wantErr: "it is the home folder of a user, in /Users"},
		{name: "below a home", dir: "/home/someone-else/portal/public"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Guard(tt.dir, nil, Options{})
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("Guard(%q): %v", tt.dir, err)
				}
				return
			}
			if !errors.Is(err, ErrUnsafeDir) || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("Guard(%q) error = %v, want one containing %q", tt.dir, err, tt.wantErr)
			}
			if !strings.Contains(err.Error(), "; choose a folder of its own for the portal") {
				t.Errorf("Guard(%q) error = %v, gives no advice", tt.dir, err)
			}
		})
	}
}
