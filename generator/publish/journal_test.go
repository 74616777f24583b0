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
	f.Add((&journal{mkdirs: []string{"a"}, renames: []rename{{tmp: "t", target: "x", replaceDir: true}}, stale: []string{"s"}, staleDirs: []string{"d"}}).encode())
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
