package search_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cxatlas/cxatlas/generator/i18n"

	"github.com/cxatlas/cxatlas/generator/build"
	"github.com/cxatlas/cxatlas/generator/internal/golden"
	"github.com/cxatlas/cxatlas/generator/render"
	"github.com/cxatlas/cxatlas/generator/search"
	"github.com/cxatlas/cxatlas/generator/site"
	"github.com/cxatlas/cxatlas/generator/synth"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// linkPortal loads and links the portal in dir.
func linkPortal(t testing.TB, dir string) (*site.Site, search.Linker) {
	t.Helper()
	res, err := build.Check(build.Options{SiteDir: dir, Now: time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)})
	if err != nil || res.Site == nil || res.Diags.HasErrors() {
		t.Fatalf("check %s: %v %v", dir, err, res.Diags)
	}
	theme, err := render.OpenTheme(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	r, err := render.New(theme)
	if err != nil {
		t.Fatal(err)
	}
	return res.Site, r.PortalLinks(res.Site)
}

// TestIndexGolden writes every file of the index of the Cyrillic fixture
// portal, one after the other, and compares them with
// testdata/cyrillic.golden.
func TestIndexGolden(t *testing.T) {
	s, l := linkPortal(t, "../../cmd/cxatlas/testdata/portals/cyrillic")
	files, err := search.Index(s, l, i18n.Default("ru"))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	for _, f := range files {
		fmt.Fprintf(&b, "== %s\n%s\n", f.Path, f.Data)
	}
	golden.Check(t, "testdata/cyrillic.golden", b.Bytes(), *update)
}

// TestIndexDeterministic builds the index of one portal twice and checks
// that the files are the same, byte for byte.
func TestIndexDeterministic(t *testing.T) {
	s, l := linkPortal(t, "../../cmd/cxatlas/testdata/portals/cyrillic")
	a, err := search.Index(s, l, nil)
	if err != nil {
		t.Fatal(err)
	}
	s, l = linkPortal(t, "../../cmd/cxatlas/testdata/portals/cyrillic")
	b, err := search.Index(s, l, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.EqualFunc(a, b, func(x, y search.File) bool { return x.Path == y.Path && bytes.Equal(x.Data, y.Data) }) {
		t.Error("two indexes of one portal differ")
	}
}

// TestIndexFiles checks the layout of the index: the manifest names every
// shard, each key sits in the shard of its first letters, every document
// has a record with a link, and the kinds come in the order of Kinds.
func TestIndexFiles(t *testing.T) {
	s, l := linkPortal(t, "../../cmd/cxatlas/testdata/portals/cyrillic")
	files, err := search.Index(s, l, nil)
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string][]byte{}
	for _, f := range files {
		byPath[f.Path] = f.Data
	}
	var m search.Manifest
	if err := json.Unmarshal(byPath["search/manifest.json"], &m); err != nil {
		t.Fatal(err)
	}
	shards := 0
	for _, name := range m.Shards {
		var sh map[string]json.RawMessage
		if err := json.Unmarshal(byPath[search.ShardPath(name)], &sh); err != nil {
			t.Fatalf("shard %q: %v", name, err)
		}
		for k := range sh {
			if r := []rune(k); string(r[:min(len(r), search.ShardPrefix)]) != name {
				t.Errorf("key %q is in shard %q", k, name)
			}
		}
		shards++
	}
	var docs []search.Doc
	chunks := 0
	for len(docs) < m.Docs {
		if first := m.ChunkOf(len(docs)); first != len(docs) {
			t.Fatalf("record %d is in the file of %d", len(docs), first)
		}
		chunk, err := search.Records(m, len(docs), byPath[search.ChunkPath(len(docs))])
		if err != nil || len(chunk) == 0 {
			t.Fatalf("records %d: %v, %d records", len(docs), err, len(chunk))
		}
		docs = append(docs, chunk...)
		chunks++
	}
	if len(docs) != m.Docs {
		t.Fatalf("%d records, manifest says %d", len(docs), m.Docs)
	}
	if want := shards + 1 + chunks; len(files) != want {
		t.Errorf("%d files, want %d", len(files), want)
	}
	counts := map[search.Kind]int{}
	last := -1
	for i, d := range docs {
		counts[d.Kind]++
		if d.URL == "" || strings.HasPrefix(d.URL, "/") || d.Title == "" {
			t.Errorf("record %d: %+v", i, d)
		}
		rank := slices.Index(search.Kinds(), d.Kind)
		if rank < last {
			t.Errorf("record %d: %s after a later kind", i, d.Kind)
		}
		last = rank
	}
	for _, k := range search.Kinds() {
		if counts[k] == 0 {
			t.Errorf("no %s in the index", k)
		}
	}
}

// TestIndexerMatchesIndex edits a generated portal in the ways writers
// do and checks that an Indexer, which keeps what it made last, gives the
// very files Index gives each time, and that it kept some: the edits that
// leave every document's words alone do not index the portal again.
func TestIndexerMatchesIndex(t *testing.T) {
	dir := t.TempDir()
	if err := synth.Generate(dir, synth.Small()); err != nil {
		t.Fatal(err)
	}
	personas, err := filepath.Glob(filepath.Join(dir, "content", "personas", "*.md"))
	if err != nil || len(personas) < 2 {
		t.Fatalf("no maps to edit: %v", err)
	}
	slices.Sort(personas)
	edit := func(file, re, repl string) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		loc := regexp.MustCompile(re).FindIndex(data)
		if loc == nil {
			t.Fatalf("%s: no match for %s", file, re)
		}
		data = slices.Concat(data[:loc[0]], []byte(repl), data[loc[1]:])
		if err := os.WriteFile(file, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	steps := []struct {
		name string
		edit func()
	}{
		{"first", func() {}},
		{"emotion", func() { edit(personas[0], `(?m)^emotion = -?\d+$`, "emotion = -2") }},
		{"severity", func() { edit(personas[1], `severity = "(low|medium|high)"`, `severity = "critical"`) }},
		{"description", func() { edit(personas[0], `\z`, "\nA new paragraph.\n") }},
		{"action", func() { edit(personas[1], `(?m)^action = ".*"$`, `action = "Phones the hotline again"`) }},
		{"emotion again", func() { edit(personas[1], `(?m)^emotion = -?\d+$`, "emotion = 2") }},
	}
	ix := new(search.Indexer)
	var last []search.File
	kept := 0
	for _, st := range steps {
		st.edit()
		s, l := linkPortal(t, dir)
		want, err := search.Index(s, l, nil)
		if err != nil {
			t.Fatal(err)
		}
		got, err := ix.Index(s, l, nil)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.EqualFunc(got, want, func(x, y search.File) bool { return x.Path == y.Path && bytes.Equal(x.Data, y.Data) }) {
			t.Errorf("%s: the Indexer's files differ from Index's", st.name)
		}
		for i, f := range got {
			if i < len(last) && len(f.Data) > 0 && &f.Data[0] == &last[i].Data[0] {
				kept++
				break
			}
		}
		last = got
	}
	if kept == 0 {
		t.Error("the Indexer kept no file from one edit to the next")
	}
}
