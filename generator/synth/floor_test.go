package synth

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestSplit checks the body the floor converts: what follows the front
// matter, or the whole file when it has none the way cxatlas reads it.
func TestSplit(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"toml", "+++\ntitle = \"a\"\n+++\n\n# Body\n", "\n# Body\n"},
		{"yaml", "---\ntitle: a\n---\nBody\n", "Body\n"},
		{"delimiters with trailing spaces", "+++  \ntitle = \"a\"\n+++ \nBody", "Body"},
		{"no front matter", "# Just Markdown\n", "# Just Markdown\n"},
		{"never closed", "+++\ntitle = \"a\"\n", "+++\ntitle = \"a\"\n"},
		{"empty body", "+++\n+++\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(split([]byte(tt.src)).Body); got != tt.want {
				t.Errorf("split(%q).Body = %q, want %q", tt.src, got, tt.want)
			}
		})
	}
}

func TestFloor(t *testing.T) {
	dir := t.TempDir()
	spec := Small()
	if err := Generate(dir, spec); err != nil {
		t.Fatal(err)
	}
	res, err := Floor(filepath.Join(dir, "content"))
	if err != nil {
		t.Fatal(err)
	}
	var want int64
	p := readPortal(t, dir)
	for name, src := range p.files {
		if strings.HasSuffix(name, ".md") {
			want += int64(len(split(src).Body))
		}
	}
	if res.Files != spec.Files() || res.Bytes != want || res.HTML <= res.Bytes/2 {
		t.Errorf("Floor = %+v, want %d files and %d bytes", res, spec.Files(), want)
	}
	if _, err := Floor(filepath.Join(dir, "missing")); err == nil {
		t.Error("Floor of a missing folder gave no error")
	}

	// ParseFloor decodes the front matter too, and says which file it
	// could not decode.
	res, err = ParseFloor(filepath.Join(dir, "content"))
	if err != nil {
		t.Fatal(err)
	}
	var fm int64
	for name, src := range p.files {
		if strings.HasSuffix(name, ".md") {
			fm += int64(len(src) - len(split(src).Body) - 2*len("+++\n"))
		}
	}
	if res.Bytes != want || res.FrontMatter != fm {
		t.Errorf("ParseFloor = %+v, want %d bytes of body and %d of front matter", res, want, fm)
	}
	bad := filepath.Join(dir, "content", "stages", "zz-bad.md")
	if err := os.WriteFile(bad, []byte("+++\ntitle = \n+++\nBody\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ParseFloor(filepath.Join(dir, "content")); err == nil || !strings.Contains(err.Error(), "zz-bad.md") {
		t.Errorf("ParseFloor of a broken file: %v, want an error naming it", err)
	}
}

// TestHugoBuilds runs Hugo, when installed, on the Hugo version of the
// small portal: the baseline must build without errors or warnings.
func TestHugoBuilds(t *testing.T) {
	hugo, err := exec.LookPath("hugo")
	if err != nil || testing.Short() {
		t.Skip("hugo is not installed, or -short")
	}
	dir := t.TempDir()
	if err := GenerateHugo(dir, Small()); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	cmd := exec.Command(hugo, "--quiet", "-s", dir, "-d", out)
	msg, err := cmd.CombinedOutput()
	if err != nil || len(msg) > 0 {
		t.Fatalf("hugo: %v\n%s", err, msg)
	}
	page, err := os.ReadFile(filepath.Join(out, "personas", newPlan(Small()).personas[0].id, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), "<table>") || !strings.Contains(string(page), "<h1>") {
		t.Errorf("persona page lacks its title or table:\n%s", page)
	}
}
