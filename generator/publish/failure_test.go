package publish

import (
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// errInjected is the failure tests inject into staging.
var errInjected = errors.New("injected failure")

func TestWriteFailureLeavesDirUntouched(t *testing.T) {
	before := map[string]string{
		".git/HEAD":                "ref",
		"index.html":               "old home",
		"stale.html":               "stale",
		"personas/anna/index.html": "anna",
		"blocked":                  "a file where the build now wants a directory",
		"asdir/index.html":         "a directory where the build now wants a file",
		"link":                     "->index.html",
		"empty/":                   "",
	}
	// Files in order; the failing one is last so that the others are
	// staged first.
	files := []File{
		{Path: "index.html", Data: []byte("new home")},
		{Path: "personas/anna/index.html", Data: []byte("anna")},
		{Path: "personas/bob/index.html", Data: []byte("bob")},
		{Path: "new/deep/dir/index.html", Data: []byte("deep")},
		{Path: "blocked/index.html", Data: []byte("x")},
		{Path: "blocked/more/index.html", Data: []byte("y")},
		{Path: "asdir", Data: []byte("file now")},
		{Path: "link", Data: []byte("file now")},
		{Path: "app.css", Data: []byte("body { color: red }")},
	}
	tests := []struct {
		name    string
		exists  bool // the publish dir exists before the write
		last    File
		hook    string // path whose staging fails through the hook
		workers int
		wantErr string
	}{
		{name: "hook fails last file", exists: true, last: File{Path: "z.html", Data: []byte("z")}, hook: "z.html", wantErr: "injected"},
		{name: "hook fails last file, one worker", exists: true, last: File{Path: "z.html", Data: []byte("z")}, hook: "z.html", workers: 1, wantErr: "injected"},
		{name: "hook fails first file", exists: true, last: File{Path: "z.html", Data: []byte("z")}, hook: "index.html", wantErr: "injected"},
		{name: "broken script fails minification", exists: true, last: File{Path: "js/app.js", Data: []byte("function (")}, wantErr: "minify js/app.js"},
		{name: "broken JSON fails minification", exists: true, last: File{Path: "data.json", Data: []byte(`{"a": [1,}`)}, wantErr: "minify data.json"},
		{name: "invalid path fails validation", exists: true, last: File{Path: "../escape.html", Data: []byte("x")}, wantErr: "invalid path"},
		{name: "fresh dir, hook fails", last: File{Path: "z.html", Data: []byte("z")}, hook: "z.html", wantErr: "injected"},
		{name: "fresh dir below missing parents, broken script", last: File{Path: "app.js", Data: []byte("if (")}, wantErr: "minify app.js"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := t.TempDir()
			dir := filepath.Join(base, "site", "public")
			if !strings.HasPrefix(tt.name, "fresh dir below") {
				makeTree(t, base, map[string]string{"site/config.toml": "title = 'x'"})
			}
			if tt.exists {
				makeTree(t, dir, before)
			}
			snap := withoutDirTimes(snapshot(t, base))
			opts := Options{Minifier: NewMinifier(), Workers: tt.workers}
			var staged int // temporary entries on disk when the hook failed
			if tt.hook != "" {
				opts.stageHook = func(p string) error {
					if p != tt.hook {
						return nil
					}
					staged = countTemps(base)
					return errInjected
				}
			}
			_, err := Write(dir, append(files[:len(files):len(files)], tt.last), opts)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("Write error = %v, want one containing %q", err, tt.wantErr)
			}
			if tt.workers == 1 && staged == 0 {
				t.Errorf("nothing was staged before the failure; the test proves nothing")
			}
			if after := withoutDirTimes(snapshot(t, base)); !maps.Equal(after, snap) {
				t.Errorf("tree changed by a failed write:\nbefore %v\nafter  %v", contents(snap), contents(after))
				for p := range after {
					if _, ok := snap[p]; !ok {
						t.Errorf("new entry %s", p)
					}
				}
			}
		})
	}
}

func TestWriteRefusesUnsafeDirs(t *testing.T) {
	base := t.TempDir()
	home := filepath.Join(base, "home", "writer")
	site := filepath.Join(home, "portal")
	content := filepath.Join(site, "content")
	makeTree(t, base, map[string]string{
		"home/writer/notes.txt":                    "mine",
		"home/writer/portal/config.toml":           "title = 'x'",
		"home/writer/portal/content/personas/a.md": "+++\ntitle = 'A'\n+++\n",
		"home/writer/portal/public/old.html":       "old",
		"elsewhere/":                               "",
	})
	if err := os.Symlink(site, filepath.Join(base, "elsewhere", "site-link")); err != nil {
		t.Fatal(err)
	}
	t.Setenv("HOME", home)
	protected := []string{site, content}

	tests := []struct {
		name string
		dir  string
		ok   bool
	}{
		{name: "file-system root", dir: "/"},
		{name: "root spelled oddly", dir: "/tmp/../"},
		{name: "empty", dir: ""},
		{name: "home", dir: home},
		{name: "home with trailing slash", dir: home + "/"},
		{name: "ancestor of home", dir: filepath.Join(base, "home")},
		{name: "site dir", dir: site},
		{name: "content dir", dir: content},
		{name: "content dir spelled with ..", dir: filepath.Join(site, "public", "..", "content")},
		{name: "site dir through a symlink", dir: filepath.Join(base, "elsewhere", "site-link")},
		{name: "content dir through a symlink", dir: filepath.Join(base, "elsewhere", "site-link", "content")},
		{name: "publish dir inside the site dir", dir: filepath.Join(site, "public"), ok: true},
		{name: "publish dir through a symlink", dir: filepath.Join(base, "elsewhere", "site-link", "public"), ok: true},
		{name: "new dir elsewhere", dir: filepath.Join(base, "elsewhere", "out"), ok: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			snap := snapshot(t, base)
			_, err := Write(tt.dir, []File{{Path: "index.html", Data: []byte("home")}}, Options{Protected: protected})
			if tt.ok {
				if err != nil {
					t.Fatalf("Write(%q): %v", tt.dir, err)
				}
				return
			}
			if !errors.Is(err, ErrUnsafeDir) {
				t.Fatalf("Write(%q) error = %v, want ErrUnsafeDir", tt.dir, err)
			}
			if after := snapshot(t, base); !maps.Equal(after, snap) {
				t.Errorf("refused write changed the tree")
			}
		})
	}
}

func TestValidatePaths(t *testing.T) {
	long := strings.Repeat("é", 128) // 256 bytes
	tests := []struct {
		name    string
		paths   []string
		wantErr string
	}{
		{name: "ordinary", paths: []string{"index.html", "personas/anna/index.html", ".nojekyll"}},
		{name: "unicode", paths: []string{"personas/família/index.html", "personas/семья/index.html"}},
		{name: "dots inside names", paths: []string{"a..b/c...html", "..hidden"}},
		{name: "parent", paths: []string{"../x"}, wantErr: `".." segment`},
		{name: "parent inside", paths: []string{"a/../../x"}, wantErr: `".." segment`},
		{name: "dot segment", paths: []string{"a/./x"}, wantErr: `"." segment`},
		{name: "absolute", paths: []string{"/abs"}, wantErr: "absolute"},
		{name: "double slash", paths: []string{"a//b"}, wantErr: "empty path segment"},
		{name: "trailing slash", paths: []string{"a/"}, wantErr: "empty path segment"},
		{name: "empty", paths: []string{""}, wantErr: "empty"},
		{name: "backslash", paths: []string{`a\..\..\x`}, wantErr: "backslash"},
		{name: "nul", paths: []string{"a\x00b"}, wantErr: "NUL"},
		{name: "bad utf-8", paths: []string{"a\xffb"}, wantErr: "UTF-8"},
		{name: "name too long", paths: []string{"a/" + long}, wantErr: "longer than 255"},
		{name: "given twice", paths: []string{"a.html", "a.html"}, wantErr: "given twice"},
		{name: "file and directory", paths: []string{"a", "a/b/c.html"}, wantErr: "also the directory"},
		{name: "the journal", paths: []string{journalName}, wantErr: "keeps for itself"},
		{name: "a temporary file", paths: []string{"a/.cxatlas-0123456789abcdef.tmp"}, wantErr: "keeps for itself"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var files []File
			for _, p := range tt.paths {
				files = append(files, File{Path: p})
			}
			err := validatePaths(files)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("validatePaths(%q): %v", tt.paths, err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Fatalf("validatePaths(%q) = %v, want error containing %q", tt.paths, err, tt.wantErr)
			}
		})
	}
}

// countTemps counts the entries below dir with a temporary name.
func countTemps(dir string) int {
	n := 0
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.Contains(d.Name(), tempPrefix) {
			n++
		}
		return nil
	})
	return n
}

// TestJournalFailureLeavesDirUntouched makes writing the journal fail, the
// last step before anything of the older build changes: the staged files
// and the folders staging made must go, leaving the folder as it was.
func TestJournalFailureLeavesDirUntouched(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "public")
	makeTree(t, dir, map[string]string{"index.html": "old home", "stale.html": "stale"})
	snap := withoutDirTimes(snapshot(t, base))
	opts := Options{crashHook: func(step string) {
		if step == "journal" {
			// A folder in the journal's place, which no rename can
			// replace.
			makeTree(t, dir, map[string]string{journalName + "/x": "in the way"})
		}
	}}
	files := filesAs(map[string]string{"index.html": "new home", "new/deep/dir/index.html": "deep"}, "data")
	if _, err := Write(dir, files, opts); err == nil || !strings.Contains(err.Error(), "writing the journal") {
		t.Fatalf("Write error = %v, want one writing the journal", err)
	}
	after := withoutDirTimes(snapshot(t, base))
	delete(after, "public/"+journalName)
	delete(after, "public/"+journalName+"/x")
	if !maps.Equal(after, snap) {
		t.Errorf("tree changed by a failed write:\nbefore %v %v\nafter  %v %v", contents(snap), dirsOf(snap), contents(after), dirsOf(after))
	}
}
