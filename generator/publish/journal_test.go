package publish

import (
	"maps"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestJournalRoundTrip(t *testing.T) {
	j := &journal{
		mkdirs:    []string{"blocked", "blocked/more"},
		renames:   []rename{{tmp: ".cxatlas-0123456789abcdef.tmp", target: "blocked/index.html"}, {tmp: "a b/.cxatlas-0123456789abcdef.tmp", target: "a b/\"q\" é", replaceDir: true}},
		stale:     []string{"old.html", "personas/bob/index.html"},
		staleDirs: []string{"personas/bob"},
	}
	got, err := decodeJournal(j.encode())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, j) {
		t.Errorf("decoded %+v, want %+v", got, j)
	}
}

// TestRecoverDamagedJournal checks that a journal that is not whole is
// never acted on: the older build stays, and the journal and the staged
// files go.
func TestRecoverDamagedJournal(t *testing.T) {
	whole := (&journal{renames: []rename{{tmp: ".cxatlas-0123456789abcdef.tmp", target: "index.html"}}, stale: []string{"old.html"}}).encode()
	tests := []struct {
		name    string
		journal string
	}{
		{name: "cut short", journal: string(whole[:len(whole)-5])},
		{name: "cut before the end line", journal: string(whole[:strings.Index(string(whole), "end ")])},
		{name: "a changed byte", journal: strings.Replace(string(whole), "old.html", "odd.html", 1)},
		{name: "empty", journal: ""},
		{name: "another program's file", journal: "hello\n"},
		{name: "an unknown step", journal: strings.Replace(string(whole), "remove", "delete", 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "public")
			build := map[string]string{"index.html": "old home", "old.html": "old"}
			makeTree(t, dir, build)
			makeTree(t, dir, map[string]string{journalName: tt.journal, ".cxatlas-0123456789abcdef.tmp": "new home"})
			if err := Recover(dir); err != nil {
				t.Fatal(err)
			}
			if got := contents(snapshot(t, dir)); !maps.Equal(got, build) {
				t.Errorf("recovered to %v, want the older build %v", got, build)
			}
		})
	}
}

func TestRecoverRemovesTemporaryFolders(t *testing.T) {
	for _, do := range []struct {
		name string
		run  func(dir string) error
	}{
		{"Recover", Recover},
		{"Write", func(dir string) error { _, err := Write(dir, nil, Options{}); return err }},
	} {
		t.Run(do.name, func(t *testing.T) {
			base := t.TempDir()
			makeTree(t, base, map[string]string{
				".public.cxatlas-0123456789abcdef.tmp/index.html": "killed first build",
				".public.cxatlas-0123456789abcdef.tmp/a/b.html":   "killed first build",
				".other.cxatlas-0123456789abcdef.tmp/index.html":  "another folder's",
				".public.cxatlas-0123456789ABCDEF.tmp/index.html": "not a name Write makes",
				".public.cxatlas-0123456789abcdef.tmp.bak/x":      "not a name Write makes",
			})
			want := contents(snapshot(t, base))
			for p := range want {
				if strings.HasPrefix(p, ".public.cxatlas-0123456789abcdef.tmp/") {
					delete(want, p)
				}
			}
			if err := do.run(filepath.Join(base, "public")); err != nil {
				t.Fatal(err)
			}
			if got := contents(snapshot(t, base)); !maps.Equal(got, want) {
				t.Errorf("left %v, want %v", got, want)
			}
		})
	}
}

// FuzzDecodeJournal checks that decodeJournal never panics and that what
// it accepts encodes and decodes to the same journal.
func FuzzDecodeJournal(f *testing.F) {
	f.Add((&journal{mkdirs: []string{"a"}, renames: []rename{{tmp: "a/.cxatlas-0123456789abcdef.tmp", target: "x", replaceDir: true}}, stale: []string{"s"}, staleDirs: []string{"d"}}).encode())
	f.Add([]byte(journalHeader + "end 0 00000000\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		j, err := decodeJournal(data)
		if err != nil {
			return
		}
		again, err := decodeJournal(j.encode())
		if err != nil || !reflect.DeepEqual(again, j) {
			t.Errorf("decoded %q to %+v, which encodes and decodes to %+v, %v", data, j, again, err)
		}
	})
}

// TestPlantedJournalStaysInside plants journals, whole and checksummed,
// that name entries outside the publish folder, directly or through a
// symlink inside it: neither Write nor Recover may touch the folder beside
// it.
func TestPlantedJournalStaysInside(t *testing.T) {
	const tmp = ".cxatlas-0123456789abcdef.tmp"
	tests := []struct {
		name    string
		journal journal
		through bool // the journal goes through the symlink "link"
	}{
		{name: "remove ..", journal: journal{stale: []string{"../victim/README"}}},
		{name: "rmdir ..", journal: journal{staleDirs: []string{"../victim/empty"}}},
		{name: "mkdir ..", journal: journal{mkdirs: []string{"../victim/README"}}},
		{name: "rename over a folder ..", journal: journal{renames: []rename{{tmp: tmp, target: "../victim/docs", replaceDir: true}}}},
		{name: "rename from ..", journal: journal{renames: []rename{{tmp: "../victim/README", target: "index.html"}}}},
		{name: "staged file not a temporary name", journal: journal{renames: []rename{{tmp: "keep.html", target: "index.html"}}}},
		{name: "staged file below ..", journal: journal{renames: []rename{{tmp: "../victim/" + tmp, target: "index.html"}}}},
		{name: "absolute", journal: journal{stale: []string{"/etc/victim"}}},
		{name: "remove through a symlink", journal: journal{stale: []string{"link/README"}}, through: true},
		{name: "rename over a folder through a symlink", journal: journal{renames: []rename{{tmp: tmp, target: "link/docs", replaceDir: true}}}, through: true},
		{name: "rmdir through a symlink", journal: journal{staleDirs: []string{"link/empty"}}, through: true},
		{name: "mkdir through a symlink", journal: journal{mkdirs: []string{"link/README"}}, through: true},
	}
	for _, tt := range tests {
		for _, do := range []struct {
			name string
			run  func(dir string) error
		}{
			{"Recover", Recover},
			{"Write", func(dir string) error {
				_, err := Write(dir, filesAs(map[string]string{"index.html": "new"}, "data"), Options{})
				return err
			}},
		} {
			t.Run(tt.name+"/"+do.name, func(t *testing.T) {
				base := t.TempDir()
				makeTree(t, base, map[string]string{
					"victim/README":         "precious",
					"victim/docs/a.html":    "precious",
					"victim/empty/":         "",
					"public/index.html":     "old",
					"public/keep.html":      "old",
					"public/link":           "->../victim",
					"public/" + journalName: string(tt.journal.encode()),
					"public/" + tmp:         "planted",
				})
				victim := snapshot(t, filepath.Join(base, "victim"))
				err := do.run(filepath.Join(base, "public"))
				if got := snapshot(t, filepath.Join(base, "victim")); !maps.Equal(got, victim) {
					t.Errorf("the folder beside the publish folder changed: %v, want %v", contents(got), contents(victim))
				}
				if tt.through && (err == nil || !strings.Contains(err.Error(), "the folder link is a symbolic link")) {
					t.Errorf("error = %v, want one naming the symlink", err)
				}
				if !tt.through && err != nil {
					t.Errorf("error = %v; a journal naming entries outside is dropped like a damaged one", err)
				}
			})
		}
	}
}
