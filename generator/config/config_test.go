package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		want  string // the diagnostics, one a line
		check func(*Config) bool
	}{
		{"defaults", ``, "", func(c *Config) bool {
			return c.Emotion == Scale{-2, 2} && c.Minify && c.PublishDir == "public" && c.StaleAfter == 180 && c.MaxFileSize == 5<<20
		}},
		{"all keys", "title = \"T\"\nbaseURL = \"https://x.example/cx\"\n[emotion]\nmin = 1\nmax = 5\n", "", func(c *Config) bool {
			return c.Title == "T" && c.BaseURL == "https://x.example/cx/" && c.Emotion == Scale{1, 5}
		}},
		{"malformed", "title = \"T\n", "config.toml:1:11: error: malformed TOML: strings cannot contain newlines", nil},
		{"inverted scale", "[emotion]\nmin = 2\nmax = 2\n", "config.toml:2:1: error: emotion scale min (2) must be below max (2)", nil},
		{"unknown key", "titel = \"T\"\n", "config.toml: warning: unknown setting \"titel\" is ignored", nil},
		{"wrong type", "minify = \"no\"\n", "config.toml:1: error: minify must be true or false, not text", nil},
		{"list for a number", "staleAfter = [1]\n", "config.toml:1: error: staleAfter must be a whole number, not a list", nil},
		{"date for a number", "maxFileSize = 2026-01-01\n", "config.toml:1: error: maxFileSize must be a whole number, not a date", nil},
		{"number for a table", "emotion = 3\n", "config.toml:1: error: emotion must be a table, not a whole number", nil},
		{"key of another table", "[params]\nmax = 1\n[emotion]\nmin = 5\nmax = 300\n", "config.toml: warning: unknown setting \"params\" is ignored\n" +
			"config.toml: warning: unknown setting \"params.max\" is ignored\n" +
			"config.toml:5:1: error: emotion scale max (300) must be between -100 and 100", nil},
		{"scale too wide", "[emotion]\nmin = -100\nmax = 100\n", "config.toml:3:1: error: emotion scale from -100 to 100 is too wide; use at most 100 steps", nil},
		{"https edit URL with a query", "editURL = \"https://git.example/edit?path=\"\n", "", nil},
		{"base URL with a query", "baseURL = \"https://x.example/?a=1\"\n", "config.toml:1:1: error: baseURL \"https://x.example/?a=1\" must not hold a query (?...)", nil},
		{"URL without a host", "editURL = \"https:///edit/\"\n", "config.toml:1:1: error: editURL \"https:///edit/\" has no host name", nil},
		{"dotted key", "emotion.min = 3\nemotion.max = 3\n", "config.toml:1:1: error: emotion scale min (3) must be below max (3)", nil},
		{"theme path", "theme = \"../x\"\n", "config.toml:1:1: error: theme \"../x\" must be the name of a folder in themes/", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := Default()
			var got []string
			for _, d := range Parse(cfg, []byte(tt.src)) {
				got = append(got, d.String())
			}
			if g := strings.Join(got, "\n"); !strings.HasPrefix(g, tt.want) || (tt.want == "") != (g == "") {
				t.Errorf("got %q, want %q", g, tt.want)
			}
			if tt.check != nil && !tt.check(cfg) {
				t.Errorf("config %+v", cfg)
			}
		})
	}
}

func TestLoadMissingFile(t *testing.T) {
	cfg, diags := Load(t.TempDir())
	if len(diags) != 0 || cfg.Title == "" {
		t.Errorf("a missing config.toml should give the defaults: %v", diags)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, FileName), []byte("title = \"Mine\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if cfg, _ := Load(dir); cfg.Title != "Mine" {
		t.Errorf("title %q", cfg.Title)
	}
}

// TestControlInAddressReportedOnce checks that an address holding a control
// character gets one error, naming the character, and not a second one
// saying it is no address.
func TestControlInAddressReportedOnce(t *testing.T) {
	for key, want := range map[string]string{
		"baseURL": "config.toml:1:1: error: baseURL holds the control character U+0007 at character 19; remove it",
		"editURL": "config.toml:1:1: error: editURL holds the control character U+0007 at character 19; remove it",
	} {
		diags := Parse(Default(), []byte(key+" = \"https://x.example/\\u0007\"\n"))
		var got []string
		for _, d := range diags {
			got = append(got, d.String())
		}
		if g := strings.Join(got, "\n"); g != want {
			t.Errorf("%s: got %q, want %q", key, g, want)
		}
	}
}
