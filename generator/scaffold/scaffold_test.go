package scaffold

import (
	"flag"
	"github.com/cxatlas/cxatlas/generator/internal/golden"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/unicode/norm"

	"github.com/cxatlas/cxatlas/generator/content"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestNew(t *testing.T) {
	dir := t.TempDir()
	today := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	for _, kind := range Kinds() {
		p, err := New(dir, kind, "call-centre", "en", today)
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
		if _, err := New(dir, kind, "call-centre", "en", today); err == nil || !strings.Contains(err.Error(), "already exists") {
			t.Errorf("%s: overwrote an existing file: %v", kind, err)
		}
	}
	for _, bad := range []struct{ kind, id string }{{"journey", "x"}, {"persona", "a b"}, {"stage", "../x"}, {"stage", ""}} {
		if _, err := New(dir, bad.kind, bad.id, "en", today); err == nil {
			t.Errorf("New(%q, %q) succeeded", bad.kind, bad.id)
		}
	}
}

func TestNewRefusesClashingIDs(t *testing.T) {
	dir := t.TempDir()
	today := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	for _, id := range []string{"urgent-replacer", "сайт-йота", "site"} {
		if _, err := New(dir, "persona", id, "en", today); err != nil {
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
			p, err := New(dir, "persona", tt.id, "en", today)
			if err == nil {
				t.Fatalf("created %s", p)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("got %q, want it to start with %q", err, tt.want)
			}
		})
	}
	// The same id in another section is no clash.
	if _, err := New(dir, "stage", "site", "en", today); err != nil {
		t.Errorf("stage site: %v", err)
	}
}

func TestNewComposesTheID(t *testing.T) {
	dir := t.TempDir()
	p, err := New(dir, "touchpoint", norm.NFD.String("йота"), "en", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if want := dir + "/touchpoints/йота.md"; p != want {
		t.Errorf("wrote %q, want %q", p, want)
	}
}

// TestTemplates compares the files New writes, in each language, with the
// golden files of testdata/golden, refreshed with -update.
func TestTemplates(t *testing.T) {
	today := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	for _, lang := range []string{"en", "ru"} {
		dir := t.TempDir()
		for _, kind := range Kinds() {
			t.Run(lang+"/"+kind, func(t *testing.T) {
				p, err := New(dir, kind, "call-centre", lang, today)
				if err != nil {
					t.Fatal(err)
				}
				got, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				golden.Check(t, filepath.Join("testdata", "golden", lang, kind+".md"), got, *update)
			})
		}
	}
}

func TestTemplateLanguage(t *testing.T) {
	for tag, want := range map[string]string{
		"ru": "ru", "ru-RU": "ru", "RU": "ru", "ru_RU": "ru", "ru-Cyrl-BY": "ru", "rus": "ru",
		"en": "en", "en-GB": "en", "": "en", "de": "en", "rue": "en", "uk": "en",
	} {
		if got := templateLanguage(tag); got != want {
			t.Errorf("templateLanguage(%q) = %q, want %q", tag, got, want)
		}
	}
}

// TestTemplatesMatch checks that the Russian templates hold the same keys,
// in the same order, as the English ones: the keys are the content format.
func TestTemplatesMatch(t *testing.T) {
	for _, kind := range Kinds() {
		en, _ := templates.ReadFile("templates/en/" + kind + ".md")
		ru, _ := templates.ReadFile("templates/ru/" + kind + ".md")
		if a, b := keysOf(string(en)), keysOf(string(ru)); a != b {
			t.Errorf("%s: the keys differ:\nen: %s\nru: %s", kind, a, b)
		}
	}
}

// keysOf lists the keys of a template, also those of commented lines,
// leaving out the profile's free keys.
func keysOf(tmpl string) string {
	var keys []string
	profile := false
	for _, line := range strings.Split(tmpl, "\n") {
		line = strings.TrimSpace(strings.TrimPrefix(line, "# "))
		if strings.HasPrefix(line, "[") {
			profile = line == "[profile]"
			keys = append(keys, line)
			continue
		}
		k, _, ok := strings.Cut(line, " = ")
		if ok && !profile && !strings.ContainsAny(k, " #") {
			keys = append(keys, k)
		}
	}
	return strings.Join(keys, " ")
}

// TestExampleStep uncomments the example step of the persona templates: it
// must be valid TOML as it stands, with its own comments still comments.
func TestExampleStep(t *testing.T) {
	for _, lang := range []string{"en", "ru"} {
		tmpl, err := templates.ReadFile("templates/" + lang + "/persona.md")
		if err != nil {
			t.Fatal(err)
		}
		sp, err := content.SplitFrontMatter(tmpl)
		if err != nil {
			t.Fatal(err)
		}
		front := strings.ReplaceAll(strings.ReplaceAll(string(sp.Front), "{title}", "x"), "{today}", "2026-11-24")
		before, step, ok := strings.Cut(front, "# [[steps]]")
		if !ok {
			t.Fatalf("%s: no example step", lang)
		}
		step = strings.ReplaceAll("[[steps]]"+step, "\n# ", "\n")
		var m struct {
			Steps []map[string]any
		}
		if _, err := toml.Decode(before+step, &m); err != nil {
			t.Fatalf("%s: the uncommented step is not valid TOML: %v\n%s", lang, err, step)
		}
		if len(m.Steps) != 1 || len(m.Steps[0]) != 11 {
			t.Errorf("%s: want one step with 11 keys, got %v", lang, m.Steps)
		}
	}
}
