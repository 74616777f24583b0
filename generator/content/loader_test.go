package content

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/diag"
)

// TestLoaderReadsWhatChanged checks that a Loader reads again exactly the
// files it is told changed, finds new and removed files, and otherwise
// shares the documents of the last Load.
func TestLoaderReadsWhatChanged(t *testing.T) {
	site := t.TempDir()
	write := func(name, title string) string {
		p := filepath.Join(site, "content", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("+++\ntitle = \""+title+"\"\n+++\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a := write("stages/a.md", "A")
	write("stages/b.md", "B")
	l := NewLoader(Options{SiteDir: site, Config: config.Default()})
	titles := func(set *Set) []string {
		var out []string
		for _, d := range set.Stages {
			out = append(out, d.ID+"="+d.Title)
		}
		return out
	}
	first, diags := l.Load(nil)
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	steps := []struct {
		name    string
		edit    func() []string
		want    []string
		sameAsB bool // b's document is the one of the first Load
	}{
		{"edit told", func() []string { write("stages/a.md", "A2"); return []string{a} }, []string{"a=A2", "b=B"}, true},
		{"edit not told", func() []string { write("stages/b.md", "B2"); return []string{a} }, []string{"a=A2", "b=B"}, true},
		{"folder told", func() []string { return []string{filepath.Join(site, "content", "stages")} }, []string{"a=A2", "b=B2"}, false},
		{"new file", func() []string { return []string{write("stages/c.md", "C")} }, []string{"a=A2", "b=B2", "c=C"}, false},
		{"removed file", func() []string { os.Remove(a); return []string{a} }, []string{"b=B2", "c=C"}, false},
		{"everything", func() []string { write("stages/b.md", "B3"); return nil }, []string{"b=B3", "c=C"}, false},
	}
	for _, st := range steps {
		set, diags := l.Load(st.edit())
		if diags.HasErrors() {
			t.Fatalf("%s: %v", st.name, diags.Err())
		}
		if got := titles(set); !slices.Equal(got, st.want) {
			t.Errorf("%s: stages %v, want %v", st.name, got, st.want)
		}
		i := slices.IndexFunc(set.Stages, func(d *StageDoc) bool { return d.ID == "b" })
		if same := i >= 0 && set.Stages[i] == first.Stages[1]; same != st.sameAsB {
			t.Errorf("%s: b's document shared with the first Load: %v, want %v", st.name, same, st.sameAsB)
		}
	}
}

// TestLoaderFindsDuplicatesAgain checks that a Loader that reads only
// what changed still finds an id taken twice when a file that did not
// parse is mended, and lets it go when the file breaks again.
func TestLoaderFindsDuplicatesAgain(t *testing.T) {
	site := t.TempDir()
	dir := filepath.Join(site, "content", "stages")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	const good, bad = "+++\ntitle = \"Buy\"\n+++\n", "+++\ntitle = \n+++\n"
	write("buy.md", good)
	write("Buy.md", bad)
	l := NewLoader(Options{SiteDir: site, Config: config.Default()})
	dupErrors := func(diags diag.List) int {
		n := 0
		for _, d := range diags {
			if d.Severity == diag.Error && strings.Contains(d.Text(), "duplicate id") {
				n++
			}
		}
		return n
	}
	steps := []struct {
		name string
		text string
		want int
	}{
		{"first", "", 0},
		{"mended", good, 1},
		{"edited", good + "More.\n", 1},
		{"broken again", bad, 0},
	}
	for _, st := range steps {
		var changed []string
		if st.text != "" {
			changed = []string{write("Buy.md", st.text)}
		}
		_, diags := l.Load(changed)
		if got := dupErrors(diags); got != st.want {
			t.Errorf("%s: %d errors about a duplicate id, want %d\n%v", st.name, got, st.want, diags)
		}
	}
}
