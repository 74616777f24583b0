package content

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sameValue reports how a and b differ, ignoring positions; "" if they
// hold the same values in the same order.
func sameValue(a, b *Node, path string) string {
	if a.Kind != b.Kind {
		return fmt.Sprintf("%s: kind %v vs %v", path, a.Kind, b.Kind)
	}
	switch a.Kind {
	case String:
		if a.Str != b.Str {
			return fmt.Sprintf("%s: %q vs %q", path, a.Str, b.Str)
		}
	case Int:
		if a.Int != b.Int {
			return fmt.Sprintf("%s: %d vs %d", path, a.Int, b.Int)
		}
	case Float:
		if a.Float != b.Float {
			return fmt.Sprintf("%s: %v vs %v", path, a.Float, b.Float)
		}
	case Bool:
		if a.Bool != b.Bool {
			return fmt.Sprintf("%s: %v vs %v", path, a.Bool, b.Bool)
		}
	case Date:
		if a.Time.Format("2006-01-02T15:04:05.999999999") != b.Time.Format("2006-01-02T15:04:05.999999999") {
			return fmt.Sprintf("%s: %v vs %v", path, a.Time, b.Time)
		}
	case List:
		if len(a.Items) != len(b.Items) {
			return fmt.Sprintf("%s: %d vs %d items", path, len(a.Items), len(b.Items))
		}
		for i := range a.Items {
			if d := sameValue(a.Items[i], b.Items[i], fmt.Sprintf("%s[%d]", path, i)); d != "" {
				return d
			}
		}
	case Table:
		if len(a.Fields) != len(b.Fields) {
			return fmt.Sprintf("%s: %d vs %d keys", path, len(a.Fields), len(b.Fields))
		}
		for i := range a.Fields {
			fa, fb := a.Fields[i], b.Fields[i]
			if fa.Key != fb.Key {
				return fmt.Sprintf("%s: key %q vs %q at %d", path, fa.Key, fb.Key, i)
			}
			if d := sameValue(fa.Value, fb.Value, path+"."+fa.Key); d != "" {
				return d
			}
		}
	}
	return ""
}

// exampleFrontMatter returns the TOML front matter of the repository's
// example portal and fixtures, as fuzz seeds and test cases.
func exampleFrontMatter() [][]byte {
	var out [][]byte
	for _, f := range exampleFiles() {
		if sp, err := SplitFrontMatter(f.src); err == nil && sp.Format == TOML {
			out = append(out, sp.Front)
		}
	}
	return out
}

// exampleFile is a content file of the repository's example portal or
// fixtures: its path from the content folder's parent, its section and
// its normalised text.
type exampleFile struct {
	name    string
	section Section
	src     []byte
}

// exampleFiles reads the content files of the repository's example portal
// and fixtures.
func exampleFiles() []exampleFile {
	var files []exampleFile
	for _, dir := range []string{"../../content", "../../cmd/cxatlas/testdata/portals"} {
		filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
				return nil
			}
			_, rel, ok := strings.Cut(filepath.ToSlash(p), "content/")
			if !ok {
				return nil
			}
			section, ok := sectionOf(rel)
			if !ok {
				return nil
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return nil
			}
			if data, err = normalize(data); err == nil {
				files = append(files, exampleFile{"content/" + rel, section, data})
			}
			return nil
		})
	}
	return files
}

// TestTOMLFastPathTakesExamples checks that the fast path handles the
// example portal, and agrees with BurntSushi/toml on it.
func TestTOMLFastPathTakesExamples(t *testing.T) {
	fronts := exampleFrontMatter()
	if len(fronts) < 20 {
		t.Fatalf("only %d example files", len(fronts))
	}
	for i, src := range fronts {
		fast, err := parseTOMLFast(src, 2)
		if err != nil {
			t.Errorf("file %d: fast path refused: %v\n%s", i, err, src)
			continue
		}
		slow, err := parseTOMLSlow(src, 2)
		if err != nil {
			t.Fatalf("file %d: %v", i, err)
		}
		if d := sameValue(fast, slow, ""); d != "" {
			t.Errorf("file %d: %s", i, d)
		}
	}
}

// FuzzTOMLFastPath checks that whatever the fast path accepts,
// BurntSushi/toml accepts too, with the same values in the same order.
func FuzzTOMLFastPath(f *testing.F) {
	for _, src := range exampleFrontMatter() {
		f.Add(src)
	}
	for _, s := range []string{tomlPersona, "a = 1\nb = -2.5e3\nc = true\nd = 2024-02-29\n", "s = \"\\u00e9\\t\\\"\"\nl = 'x'\nm = \"\"\"\nline\n\"\"\"\n",
		"[a.b]\nx = 1\n[[c]]\ny = [1, [2, 3], {z = 'w'}]\n[[c]]\n", "a = [\n  1, # one\n  2,\n]\n"} {
		f.Add([]byte(s))
	}
	// One parser for every input, as in a loading goroutine, so that what
	// one parse leaves in its storage is seen by the next.
	p := new(fastParser)
	f.Fuzz(func(t *testing.T, src []byte) {
		fast, err := p.parse(src, 1)
		if err != nil {
			return
		}
		slow, err := parseTOMLSlow(src, 1)
		if err != nil {
			t.Fatalf("fast path accepts what BurntSushi/toml refuses (%v):\n%q", err, src)
		}
		if d := sameValue(fast, slow, ""); d != "" {
			t.Fatalf("%s\n%q", d, src)
		}
	})
}
