package scaffold

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
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
		front, _, ok := strings.Cut(strings.TrimPrefix(string(data), "+++\n"), "\n+++\n")
		var m map[string]any
		if _, err := toml.Decode(front, &m); !ok || err != nil {
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
