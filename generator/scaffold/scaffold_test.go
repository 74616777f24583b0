package scaffold

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"

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
