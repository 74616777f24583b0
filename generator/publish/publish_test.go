package publish

import (
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// writeCase is a case of TestWrite.
type writeCase struct {
	name   string
	before map[string]string // nil: the publish dir does not exist
	files  map[string]string
	// kept lists paths whose inode and mtime must not change.
	kept     []string
	want     map[string]string // files and symlinks after; nil: files
	wantDirs []string          // directories after; nil: not checked
	report   Report
}

func TestWrite(t *testing.T) {
	tests := []writeCase{
		{
			name:   "first write into an empty dir",
			before: map[string]string{},
			files: map[string]string{
				"index.html":               "home",
				"personas/anna/index.html": "anna",
				"css/style.css":            "body{}",
			},
			wantDirs: []string{"css", "personas", "personas/anna"},
			report:   Report{Written: 3},
		},
		{
			name:   "fresh dir that does not exist yet",
			before: nil,
			files: map[string]string{
				"index.html":               "home",
				"personas/anna/index.html": "anna",
			},
			wantDirs: []string{"personas", "personas/anna"},
			report:   Report{Written: 2},
		},
		{
			name:   "identical write touches nothing",
			before: map[string]string{"index.html": "home", "a/b/index.html": "b"},
			files:  map[string]string{"index.html": "home", "a/b/index.html": "b"},
			kept:   []string{"index.html", "a/b/index.html", "a", "a/b"},
			report: Report{Unchanged: 2},
		},
		{
			name:   "changed file rewritten, others kept",
			before: map[string]string{"index.html": "home", "a.html": "old a", "b.html": "bbb"},
			files:  map[string]string{"index.html": "home", "a.html": "new a, longer", "b.html": "BBB"},
			kept:   []string{"index.html"},
			report: Report{Written: 2, Unchanged: 1},
		},
		{
			name: "stale files and empty dirs removed",
			before: map[string]string{
				"index.html":               "home",
				"old.html":                 "gone",
				"personas/anna/index.html": "anna",
				"personas/bob/index.html":  "bob",
				"personas/bob/extra/x.svg": "x",
				"empty/":                   "",
				"deep/er/still/":           "",
			},
			files:    map[string]string{"index.html": "home", "personas/anna/index.html": "anna"},
			kept:     []string{"index.html", "personas/anna/index.html"},
			wantDirs: []string{"personas", "personas/anna"},
			report:   Report{Unchanged: 2, Removed: 9},
		},
		{
			name: "dot entries kept",
			before: map[string]string{
				".gitkeep":          "",
				".nojekyll":         "",
				".git/HEAD":         "ref: refs/heads/gh-pages",
				".git/objects/ab/c": "blob",
				"img/.keep":         "",
				"img/old.png":       "png",
				".well-known/x":     "x",
			},
			files: map[string]string{"index.html": "home"},
			want: map[string]string{
				".gitkeep":          "",
				".nojekyll":         "",
				".git/HEAD":         "ref: refs/heads/gh-pages",
				".git/objects/ab/c": "blob",
				"img/.keep":         "",
				".well-known/x":     "x",
				"index.html":        "home",
			},
			kept:   []string{".git", ".git/HEAD", ".git/objects/ab/c", "img/.keep"},
			report: Report{Written: 1, Removed: 1},
		},
		{
			name:   "dot file given by the build is written",
			before: map[string]string{".nojekyll": "old"},
			files:  map[string]string{".nojekyll": ""},
			report: Report{Written: 1},
		},
		{
			name:   "leftover temporary file removed",
			before: map[string]string{"a/.cxatlas-0123456789abcdef.tmp": "half", "a/index.html": "a"},
			files:  map[string]string{"a/index.html": "a"},
			report: Report{Unchanged: 1, Removed: 1},
		},
		{
			name:   "same size, different bytes",
			before: map[string]string{"a.json": `{"a":1}`},
			files:  map[string]string{"a.json": `{"a":2}`},
			report: Report{Written: 1},
		},
		{
			name:   "file where a directory was",
			before: map[string]string{"a/index.html": "a", "a/.hidden": "h", "b.html": "b"},
			files:  map[string]string{"a": "now a file", "b.html": "b"},
			kept:   []string{"b.html"},
			report: Report{Written: 1, Unchanged: 1, Removed: 1},
		},
		{
			name:     "directory where a file was",
			before:   map[string]string{"a": "file", "b": "file"},
			files:    map[string]string{"a/b/index.html": "deep", "b/index.html": "b"},
			wantDirs: []string{"a", "a/b", "b"},
			report:   Report{Written: 2, Removed: 2},
		},
		{
			name: "symlinked directory replaced, never written through",
			before: map[string]string{
				"outside/secret": "keep me",
				"pub/personas":   "->../outside",
				"pub/link.html":  "->../outside/secret",
				"pub/index.html": "home",
			},
			files: map[string]string{"personas/anna/index.html": "anna", "link.html": "page"},
			want: map[string]string{
				"personas/anna/index.html": "anna",
				"link.html":                "page",
			},
			report: Report{Written: 2, Removed: 2},
		},
		{
			name:   "unicode paths",
			before: map[string]string{"personas/família/index.html": "old"},
			files: map[string]string{
				"personas/família/index.html": "família",
				"personas/семья/index.html":   "семья",
				"touchpoints/搜索/index.html":   "搜索",
			},
			wantDirs: []string{"personas", "personas/família", "personas/семья", "touchpoints", "touchpoints/搜索"},
			report:   Report{Written: 3},
		},
	}
	for _, tt := range tests {
		for _, kind := range []string{"data", "render", "stream", "recorded"} {
			t.Run(tt.name+"/"+kind, func(t *testing.T) {
				tt.run(t, kind)
			})
		}
	}
}

// run runs tt with files that give their content the way kind says (see
// filesAs); "recorded" gives it as Data, with a record kept between the
// writes.
func (tt writeCase) run(t *testing.T, kind string) {
	base := t.TempDir()
	var rec string
	if kind == "recorded" {
		kind, rec = "data", filepath.Join(t.TempDir(), "record")
	}
	dir := filepath.Join(base, "public")
	if tt.before != nil {
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		// Entries named pub/... or outside/... are placed beside the
		// publish dir; the rest inside it.
		inside, beside := map[string]string{}, map[string]string{}
		for p, v := range tt.before {
			if rest, ok := strings.CutPrefix(p, "pub/"); ok {
				beside["public/"+rest] = v
			} else if _, ok := strings.CutPrefix(p, "outside/"); ok {
				beside[p] = v
			} else {
				inside[p] = v
			}
		}
		makeTree(t, base, beside)
		makeTree(t, dir, inside)
	}
	var before map[string]entry
	if tt.before != nil {
		before = snapshot(t, dir)
	}
	outside := snapshotIfExists(t, filepath.Join(base, "outside"))

	rep, err := Write(dir, filesAs(tt.files, kind), Options{Protected: []string{filepath.Join(base, "site")}, Record: rec})
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	if rep != tt.report {
		t.Errorf("report = %+v, want %+v", rep, tt.report)
	}
	after := snapshot(t, dir)
	want := tt.want
	if want == nil {
		want = tt.files
	}
	if got := contents(after); !maps.Equal(got, want) {
		t.Errorf("files after:\n got %q\nwant %q", got, want)
	}
	if tt.wantDirs != nil {
		if got := dirsOf(after); !slices.Equal(got, tt.wantDirs) {
			t.Errorf("dirs after = %q, want %q", got, tt.wantDirs)
		}
	}
	for _, p := range tt.kept {
		if before[p] != after[p] {
			t.Errorf("%s changed: before %+v, after %+v", p, before[p], after[p])
		}
	}
	if got := snapshotIfExists(t, filepath.Join(base, "outside")); !maps.Equal(got, outside) {
		t.Errorf("entries outside the publish dir changed")
	}
	if got := snapshot(t, base); hasTemp(got) {
		t.Errorf("temporary entries left: %q", slices.Collect(maps.Keys(got)))
	}
	// A second identical write must find nothing to do.
	rep, err = Write(dir, filesAs(tt.files, kind), Options{Record: rec})
	if err != nil {
		t.Fatalf("second Write: %v", err)
	}
	if want := (Report{Unchanged: len(tt.files)}); rep != want {
		t.Errorf("second report = %+v, want %+v", rep, want)
	}
	if again := snapshot(t, dir); !maps.Equal(again, after) {
		t.Errorf("second identical write changed the tree")
	}
}

func snapshotIfExists(t *testing.T, dir string) map[string]entry {
	t.Helper()
	if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
		return map[string]entry{}
	}
	return snapshot(t, dir)
}

// hasTemp reports whether any path of a snapshot, directories included,
// holds a temporary file or directory name.
func hasTemp(tree map[string]entry) bool {
	for p := range tree {
		if strings.Contains(p, tempPrefix) {
			return true
		}
	}
	return false
}
