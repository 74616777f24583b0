package publish

import (
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPatch(t *testing.T) {
	before := map[string]string{
		"index.html":                   "home",
		"personas/a/index.html":        "a",
		"personas/b/index.html":        "b",
		"personas/b/map.csv":           "b csv",
		"stages/s/index.html":          "s",
		"deep/x/y/index.html":          "y",
		"style.css":                    "css",
		"touchpoints/t/index.html":     "t",
		"touchpoints/u/index.html":     "u",
		"touchpoints/u/extra/old.html": "old",
	}
	tests := []struct {
		name   string
		files  map[string]string
		remove []string
		// want is before with these changes; "" removes a path.
		want    map[string]string
		written int
		removed int
		dirs    []string // folders that must be gone
	}{
		{name: "one page", files: map[string]string{"personas/a/index.html": "a2"},
			want: map[string]string{"personas/a/index.html": "a2"}, written: 1},
		{name: "same bytes", files: map[string]string{"personas/a/index.html": "a"},
			want: map[string]string{}},
		{name: "new page in new folder", files: map[string]string{"personas/c/index.html": "c"},
			want: map[string]string{"personas/c/index.html": "c"}, written: 1},
		{name: "remove a page and its emptied folder", remove: []string{"personas/a/index.html"},
			want: map[string]string{"personas/a/index.html": ""}, removed: 2, dirs: []string{"personas/a"}},
		{name: "remove keeps a folder with other files", remove: []string{"personas/b/index.html"},
			want: map[string]string{"personas/b/index.html": ""}, removed: 1},
		{name: "remove empties a chain of folders", remove: []string{"deep/x/y/index.html"},
			want: map[string]string{"deep/x/y/index.html": ""}, removed: 4, dirs: []string{"deep", "deep/x", "deep/x/y"}},
		{name: "remove and write into the same folder", files: map[string]string{"personas/a/map.csv": "csv"},
			remove: []string{"personas/a/index.html"},
			want:   map[string]string{"personas/a/index.html": "", "personas/a/map.csv": "csv"}, written: 1, removed: 1},
		{name: "remove what is not there", remove: []string{"personas/z/index.html"}, want: map[string]string{}},
		{name: "rename", files: map[string]string{"touchpoints/v/index.html": "v"},
			remove: []string{"touchpoints/t/index.html"},
			want:   map[string]string{"touchpoints/t/index.html": "", "touchpoints/v/index.html": "v"}, written: 1, removed: 2,
			dirs: []string{"touchpoints/t"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "public")
			if _, err := Write(dir, filesAs(before, "data"), Options{Marker: true}); err != nil {
				t.Fatal(err)
			}
			rep, err := Patch(dir, filesAs(tc.files, "render"), tc.remove, Options{Marker: true, NoSync: true})
			if err != nil {
				t.Fatal(err)
			}
			want := maps.Clone(before)
			want[MarkerName] = markerText
			for p, v := range tc.want {
				if v == "" {
					delete(want, p)
				} else {
					want[p] = v
				}
			}
			snap := snapshot(t, dir)
			if got := contents(snap); !maps.Equal(got, want) {
				t.Errorf("after Patch:\n got %v\nwant %v", got, want)
			}
			for _, d := range tc.dirs {
				if _, ok := snap[d]; ok {
					t.Errorf("folder %s left behind", d)
				}
			}
			for p, e := range snap {
				if strings.Contains(p, ".tmp") || strings.Contains(p, "journal") {
					t.Errorf("left behind: %s (%v)", p, e.mode)
				}
			}
			if rep.Written != tc.written || rep.Removed != tc.removed {
				t.Errorf("report: %d written, %d removed; want %d, %d", rep.Written, rep.Removed, tc.written, tc.removed)
			}
		})
	}
}

func TestPatchRefuses(t *testing.T) {
	base := t.TempDir()
	if _, err := Patch(filepath.Join(base, "missing"), filesAs(map[string]string{"a.html": "a"}, "data"), nil, Options{}); err == nil {
		t.Error("Patch into a missing folder succeeded")
	}
	dir := filepath.Join(base, "public")
	if _, err := Write(dir, filesAs(map[string]string{"a.html": "a"}, "data"), Options{}); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"../escape.html", "/abs.html", "a/../../b"} {
		if _, err := Patch(dir, nil, []string{bad}, Options{}); err == nil {
			t.Errorf("Patch removing %q succeeded", bad)
		}
		if _, err := Patch(dir, filesAs(map[string]string{bad: "x"}, "data"), nil, Options{}); err == nil {
			t.Errorf("Patch writing %q succeeded", bad)
		}
	}
	if _, err := os.Stat(filepath.Join(base, "escape.html")); err == nil {
		t.Error("a file was written outside the folder")
	}
}
