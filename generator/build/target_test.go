package build

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxatlas/cxatlas/generator/publish"
)

// TestPublishDirGuard builds the base portal with each publishDir: check
// must report what build refuses, at publishDir's line of config.toml, and
// a refused build must leave the files around the site as they were.
func TestPublishDirGuard(t *testing.T) {
	tests := []struct {
		name       string
		publishDir string            // as written in config.toml; "ABS/" starts the test's folder
		extra      map[string]string // files laid out in the test's folder
		symlinks   map[string]string // links laid out in another folder, LINKS
		want       string            // check's diagnostic, after "config.toml:2:1: error: "; "" when fine
		wantOut    string            // where a fine build publishes, relative to the test's folder
	}{
		{name: "default", publishDir: "public", wantOut: "site/public"},
		{name: "sibling project", publishDir: "../victim", extra: map[string]string{"victim/README.md": "mine", "victim/docs/a.md": "mine"},
			want: `publish folder "../victim" is refused: it is outside the site folder ` + "ABS/site; choose a folder inside the site, or name this one on the command line (cxatlas build -d) to publish there"},
		{name: "site folder", publishDir: ".", want: `publish folder "." is refused: it is or contains ABS/site, which must never be emptied`},
		{name: "parent", publishDir: "..", want: `publish folder ".." is refused: it is or contains ABS/site`},
		{name: "content folder", publishDir: "content", want: `publish folder "content" is refused: it is or contains ABS/site/content, which must never be emptied`},
		{name: "root", publishDir: "/", want: `publish folder "/" is refused: it is the file-system root`},
		{name: "symlink to the site", publishDir: "LINKS/mirror", symlinks: map[string]string{"mirror": "ABS/site"},
			want: `publish folder "LINKS/mirror" is refused: it is or contains ABS/site, which must never be emptied`},
		{name: "absolute inside the site", publishDir: "ABS/site/out", wantOut: "site/out"},
		{name: "absolute outside the site", publishDir: "ABS/elsewhere", want: `publish folder "ABS/elsewhere" is refused: it is outside the site folder`},
		{name: "foreign files in public", publishDir: "public", extra: map[string]string{"site/public/notes.txt": "mine"},
			want: `publish folder "public" is refused: it holds "notes.txt", which the portal does not, and no .cxatlas file of an earlier build; choose a new or empty folder, or move those files away; to let cxatlas replace everything in it but dot-files, create an empty file ABS/site/public/.cxatlas in it`},
		{name: "marked public with strays", publishDir: "public", extra: map[string]string{"site/public/.cxatlas": "", "site/public/old.html": "old"}, wantOut: "site/public"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, err := filepath.EvalSymlinks(t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			links := t.TempDir()
			abs := func(s string) string { return strings.ReplaceAll(strings.ReplaceAll(s, "ABS", dir), "LINKS", links) }
			site := filepath.Join(dir, "site")
			if err := os.CopyFS(site, os.DirFS("testdata/base")); err != nil {
				t.Fatal(err)
			}
			a := archive{files: []archiveFile{{name: "site/config.toml", data: []byte("title = \"Base portal\"\npublishDir = \"" + abs(tt.publishDir) + "\"\n")}}}
			for name, data := range tt.extra {
				a.files = append(a.files, archiveFile{name: name, data: []byte(data)})
			}
			a.apply(t, dir)
			for name, target := range tt.symlinks {
				if err := os.Symlink(abs(target), filepath.Join(links, name)); err != nil {
					t.Fatal(err)
				}
			}
			before := snapshot(t, dir)

			res, err := Check(Options{SiteDir: site, Now: testNow})
			if err != nil {
				t.Fatal(err)
			}
			got := formatDiags(res.Diags)
			bres, berr := Build(Options{SiteDir: site, Now: testNow})
			if tt.want == "" {
				if got != "" || berr != nil {
					t.Fatalf("check: %s; build: %v", got, berr)
				}
				if want := filepath.Join(dir, tt.wantOut); bres.OutDir != want {
					t.Errorf("published to %s, want %s", bres.OutDir, want)
				}
				if _, err := os.Stat(filepath.Join(dir, tt.wantOut, "index.html")); err != nil {
					t.Errorf("no portal in %s: %v", tt.wantOut, err)
				}
				return
			}
			if want := "config.toml:2:1: error: " + abs(tt.want); !strings.HasPrefix(got, want) {
				t.Errorf("check says:\n%s\nwant:\n%s", got, want)
			}
			var de *publish.DirError
			if !errors.As(berr, &de) || !strings.Contains(berr.Error(), de.Reason) {
				t.Errorf("build error = %v, want a refused publish folder", berr)
			}
			after := snapshot(t, dir)
			for k, v := range before {
				if after[k] != v && !strings.HasSuffix(k, "/") {
					t.Errorf("refused build changed %s", k)
				}
			}
			if len(after) != len(before) {
				t.Errorf("refused build changed the tree: %d entries before, %d after", len(before), len(after))
			}
		})
	}
}
