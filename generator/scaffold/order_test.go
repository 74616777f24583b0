package scaffold

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestNextOrder checks the order a new stage takes among the stages of a
// folder.
func TestNextOrder(t *testing.T) {
	for _, c := range []struct {
		name  string
		files map[string]string
		want  int
	}{
		{"no folder", nil, 1},
		{"empty folder", map[string]string{}, 1},
		{"TOML", map[string]string{"a.md": "+++\ntitle = \"A\"\norder = 2\n+++\n", "b.md": "+++\ntitle = \"B\"\norder = 7 # last\n+++\n"}, 8},
		{"YAML and a byte-order mark", map[string]string{"a.md": "\ufeff---\r\ntitle: A\r\norder: 4\r\n---\r\n"}, 5},
		{"in a sub-folder", map[string]string{"b2b/a.md": "+++\ntitle = \"A\"\norder = 3\n+++\n"}, 4},
		{"no order", map[string]string{"a.md": "+++\ntitle = \"A\"\n+++\n"}, 1},
		{"order in the body or indented is not the stage's", map[string]string{"a.md": "+++\ntitle = \"A\"\norder = 1\n  order = 50\n+++\norder = 99\n"}, 2},
		{"hidden and other files", map[string]string{".a.md": "+++\norder = 9\n+++\n", "b.txt": "+++\norder = 9\n+++\n"}, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "stages")
			for name, text := range c.files {
				p := filepath.Join(dir, name)
				os.MkdirAll(filepath.Dir(p), 0o755)
				if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if c.files != nil {
				os.MkdirAll(dir, 0o755)
			}
			got, err := nextOrder(dir)
			if err != nil || got != c.want {
				t.Errorf("nextOrder = %d, %v; want %d", got, err, c.want)
			}
		})
	}
}

// TestNewSite checks the files a new site holds in each language, and
// that a folder with a site in it is refused.
func TestNewSite(t *testing.T) {
	today := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	for _, lang := range SiteLanguages() {
		dir := t.TempDir()
		files, err := NewSite(dir, lang, today)
		if err != nil {
			t.Fatal(err)
		}
		if len(files) != 7 || files[0] != "config.toml" || !strings.Contains(strings.Join(files, " "), "content/_index.md") {
			t.Errorf("%s: wrote %v", lang, files)
		}
		persona, _ := filepath.Glob(filepath.Join(dir, "content", "personas", "*.md"))
		data, _ := os.ReadFile(persona[0])
		if !strings.Contains(string(data), "reviewed = 2026-11-24") {
			t.Errorf("%s: the persona is not reviewed today:\n%s", lang, data)
		}
		if _, err := NewSite(dir, lang, today); err == nil || !strings.Contains(err.Error(), "already exists") {
			t.Errorf("%s: second NewSite: %v", lang, err)
		}
	}
	if _, err := NewSite(t.TempDir(), "de", today); err == nil {
		t.Error("NewSite in German: no error")
	}
}
