package scaffold

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/unicode/norm"

	"github.com/cxatlas/cxatlas/generator/content"
)

func TestNew(t *testing.T) {
	dir := t.TempDir()
	today := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	for _, kind := range Kinds() {
		p, err := New(dir, kind, "call-centre", today)
		if err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		sp, err := content.SplitFrontMatter(data)
		var m map[string]any
		if err == nil {
			_, err = toml.Decode(string(sp.Front), &m)
		}
		if err != nil || sp.Format != content.TOML {
			t.Fatalf("%s: the template is not valid TOML front matter: %v", kind, err)
		}
		if m["title"] != "Call centre" {
			t.Errorf("%s: title %v", kind, m["title"])
		}
		if _, err := New(dir, kind, "call-centre", today); err == nil || !strings.Contains(err.Error(), "already exists") {
			t.Errorf("%s: overwrote an existing file: %v", kind, err)
		}
	}
	for _, bad := range []struct{ kind, id string }{{"journey", "x"}, {"persona", "a b"}, {"stage", "../x"}, {"stage", ""}} {
		if _, err := New(dir, bad.kind, bad.id, today); err == nil {
			t.Errorf("New(%q, %q) succeeded", bad.kind, bad.id)
		}
	}
}

func TestNewRefusesClashingIDs(t *testing.T) {
	dir := t.TempDir()
	today := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	for _, id := range []string{"urgent-replacer", "сайт-йота", "site"} {
		if _, err := New(dir, "persona", id, today); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(dir+"/personas/more", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dir+"/personas/more/nested.md", []byte("+++\ntitle = \"N\"\n+++\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, id, want string
	}{
		{"case", "Urgent-Replacer", `id "Urgent-Replacer" clashes with ` + dir + `/personas/urgent-replacer.md, which has the same id in other case`},
		{"unicode form", norm.NFD.String("сайт-йота"), dir + `/personas/сайт-йота.md already exists`},
		{"unicode form and case", norm.NFD.String("Сайт-йота"), `id "Сайт-йота" clashes with ` + dir + `/personas/сайт-йота.md, which has the same id in other case`},
		{"look-alike", "sitе", `id "sitе" clashes with ` + dir + `/personas/site.md, which has a look-alike: its "е" is Cyrillic where "site" has Latin "e"`},
		{"nested folder", "nested", dir + `/personas/more/nested.md already exists`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := New(dir, "persona", tt.id, today)
			if err == nil {
				t.Fatalf("created %s", p)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("got %q, want it to start with %q", err, tt.want)
			}
		})
	}
	// The same id in another section is no clash.
	if _, err := New(dir, "stage", "site", today); err != nil {
		t.Errorf("stage site: %v", err)
	}
}

func TestNewComposesTheID(t *testing.T) {
	dir := t.TempDir()
	p, err := New(dir, "touchpoint", norm.NFD.String("йота"), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if want := dir + "/touchpoints/йота.md"; p != want {
		t.Errorf("wrote %q, want %q", p, want)
	}
}
