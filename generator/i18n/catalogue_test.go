package i18n

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func TestPlural(t *testing.T) {
	en, ru := Default("en"), Default("ru")
	tests := []struct {
		n      int
		en, ru string
	}{
		{0, "0 steps", "0 шагов"},
		{1, "1 step", "1 шаг"},
		{2, "2 steps", "2 шага"},
		{5, "5 steps", "5 шагов"},
		{11, "11 steps", "11 шагов"},
		{21, "21 steps", "21 шаг"},
		{22, "22 steps", "22 шага"},
		{25, "25 steps", "25 шагов"},
		{101, "101 steps", "101 шаг"},
		{111, "111 steps", "111 шагов"},
	}
	for _, tt := range tests {
		t.Run(tt.en, func(t *testing.T) {
			if got := en.Plural("count.steps", tt.n); got != tt.en {
				t.Errorf("en: got %q, want %q", got, tt.en)
			}
			if got := ru.Plural("count.steps", tt.n); got != tt.ru {
				t.Errorf("ru: got %q, want %q", got, tt.ru)
			}
		})
	}
}

func TestDate(t *testing.T) {
	tests := []struct {
		lang string
		day  time.Time
		want string
	}{
		{"en", time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), "1 June 2026"},
		{"en", time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC), "31 December 2026"},
		{"ru", time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), "1 июня 2026"},
		{"ru", time.Date(2026, 3, 8, 0, 0, 0, 0, time.UTC), "8 марта 2026"},
		{"ru-RU", time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC), "15 января 2026"},
	}
	for _, tt := range tests {
		t.Run(tt.lang+" "+tt.want, func(t *testing.T) {
			if got := Default(tt.lang).Date(tt.day); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestNumbers(t *testing.T) {
	en, ru := Default("en"), Default("ru")
	tests := []struct {
		name   string
		format func(c *Catalogue) string
		en, ru string
	}{
		{"negative mean", func(c *Catalogue) string { return c.SignedTenths(-0.5) }, "-0.5", "−0,5"},
		{"positive mean", func(c *Catalogue) string { return c.SignedTenths(1.26) }, "+1.3", "+1,3"},
		{"whole mean", func(c *Catalogue) string { return c.SignedTenths(2.01) }, "+2", "+2"},
		{"zero mean", func(c *Catalogue) string { return c.SignedTenths(-0.04) }, "0", "0"},
		{"negative score", func(c *Catalogue) string { return c.Signed(-2) }, "-2", "−2"},
		{"positive score", func(c *Catalogue) string { return c.Signed(3) }, "+3", "+3"},
		{"count", func(c *Catalogue) string { return c.Int(1234) }, "1234", "1234"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.format(en); got != tt.en {
				t.Errorf("en: got %q, want %q", got, tt.en)
			}
			if got := tt.format(ru); got != tt.ru {
				t.Errorf("ru: got %q, want %q", got, tt.ru)
			}
		})
	}
}

// TestMatch checks which catalogue a language gets, and that a language
// with no catalogue of its own gets English plurals and numbers along with
// the English words, not "0 step" or "-0,5".
func TestMatch(t *testing.T) {
	tests := []struct{ lang, want, zero, twentyOne, half string }{
		{"", "en", "0 steps", "21 steps", "-0.5"},
		{"en", "en", "0 steps", "21 steps", "-0.5"},
		{"en-GB", "en", "0 steps", "21 steps", "-0.5"},
		{"ru", "ru", "0 шагов", "21 шаг", "−0,5"},
		{"ru-RU", "ru", "0 шагов", "21 шаг", "−0,5"},
		{"de", "en", "0 steps", "21 steps", "-0.5"},
		{"fr", "en", "0 steps", "21 steps", "-0.5"},
		{"uk", "en", "0 steps", "21 steps", "-0.5"},
		{"not a tag!", "en", "0 steps", "21 steps", "-0.5"},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			c := Default(tt.lang)
			if got := c.Lang(); got != tt.want {
				t.Errorf("got catalogue %q, want %q", got, tt.want)
			}
			for _, got := range [][2]string{
				{c.Plural("count.steps", 0), tt.zero},
				{c.Plural("count.steps", 21), tt.twentyOne},
				{c.SignedTenths(-0.5), tt.half},
			} {
				if got[0] != got[1] {
					t.Errorf("got %q, want %q", got[0], got[1])
				}
			}
		})
	}
}

func TestFormat(t *testing.T) {
	c, err := Parse("en", `greet = "Hello {name}, {n} {missing} {"`)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := c.Format("greet", "name", "Anna", "n", "3"), "Hello Anna, 3 {missing} {"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := c.T("no.such.key"); got != "no.such.key" {
		t.Errorf("a missing key should show as itself, got %q", got)
	}
}

// writeSite writes a site folder with the catalogue files given by name.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		path := filepath.Join(dir, Dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestSiteCatalogue(t *testing.T) {
	theme := fstest.MapFS{
		"i18n/en.toml": {Data: []byte("[nav]\nhome = \"Home\"\npains = \"Pain points\"\n[count.steps]\none = \"{n} step\"\nother = \"{n} steps\"\n")},
		"i18n/ru.toml": {Data: []byte("[nav]\nhome = \"Главная\"\npains = \"Боли\"\n")},
	}
	tests := []struct {
		name, lang string
		files      map[string]string
		key, want  string
		// diags holds what the warnings must say, one substring each.
		diags []string
	}{
		{name: "override", lang: "ru", files: map[string]string{"ru.toml": "[nav]\npains = \"Проблемы\"\n"},
			key: "nav.pains", want: "Проблемы"},
		{name: "kept", lang: "ru", files: map[string]string{"ru.toml": "[nav]\npains = \"Проблемы\"\n"},
			key: "nav.home", want: "Главная"},
		{name: "unknown key", lang: "ru", files: map[string]string{"ru.toml": "[nav]\n\nhomme = \"Дом\"\n"},
			key: "nav.home", want: "Главная", diags: []string{`i18n/ru.toml:3:1: warning: unknown message key "nav.homme"; did you mean "nav.home"?`}},
		{name: "new language", lang: "uk", files: map[string]string{"uk.toml": "[nav]\nhome = \"Головна\"\n"},
			key: "nav.home", want: "Головна", diags: []string{`i18n/uk.toml:1:1: warning: the catalogue misses 2 message keys (count.steps, nav.pains)`}},
		{name: "new language falls back", lang: "uk-UA", files: map[string]string{"uk.toml": "[nav]\nhome = \"Головна\"\n"},
			key: "nav.pains", want: "Pain points", diags: []string{"misses 2 message keys"}},
		{name: "not a message", lang: "ru", files: map[string]string{"ru.toml": "[nav]\nhome = 3\n"},
			key: "nav.home", want: "Главная", diags: []string{`i18n/ru.toml:2:1: warning: message "nav.home": a message must be a string`}},
		{name: "bad toml", lang: "ru", files: map[string]string{"ru.toml": "[nav\n"},
			key: "nav.home", want: "Главная", diags: []string{"i18n/ru.toml:2:", "error: message catalogue is not valid TOML"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, diags := load(theme, theme, writeSite(t, tt.files), tt.lang)
			if got := c.T(tt.key); got != tt.want {
				t.Errorf("%s = %q, want %q", tt.key, got, tt.want)
			}
			var all []string
			for _, d := range diags {
				all = append(all, d.String())
			}
			text := strings.Join(all, "\n")
			for _, want := range tt.diags {
				if !strings.Contains(text, want) {
					t.Errorf("diagnostics lack %q:\n%s", want, text)
				}
			}
			if len(tt.diags) == 0 && len(diags) > 0 {
				t.Errorf("unexpected diagnostics:\n%s", text)
			}
		})
	}
}

// TestThemeCatalogue checks that a site theme's catalogue overrides the
// default theme's key by key instead of replacing it, and that the keys a
// theme's English adds are known to the site's files.
func TestThemeCatalogue(t *testing.T) {
	theme := fstest.MapFS{
		"i18n/en.toml": {Data: []byte("[theme]\nbanner = \"Welcome\"\n")},
		"i18n/ru.toml": {Data: []byte("[nav]\npains = \"Проблемы\"\n[theme]\nbanner = \"Добро пожаловать\"\nbaner = \"опечатка\"\n")},
	}
	site := writeSite(t, map[string]string{"ru.toml": "[theme]\nbanner = \"Здравствуйте\"\n"})
	c, diags := Load(theme, site, "ru")
	for key, want := range map[string]string{
		"nav.pains":        "Проблемы",           // the theme's
		"stage.pains_here": "Боли на этом этапе", // the default theme's Russian
		"theme.banner":     "Здравствуйте",       // the site's
		"nav.home":         "Главная",
	} {
		if got := c.T(key); got != want {
			t.Errorf("%s = %q, want %q", key, got, want)
		}
	}
	var all []string
	for _, d := range diags {
		all = append(all, d.String())
	}
	text := strings.Join(all, "\n")
	if !strings.Contains(text, `unknown message key "theme.baner"`) || len(diags) != 1 {
		t.Errorf("want one warning, about theme.baner; got:\n%s", text)
	}
	en, _ := Load(theme, "", "en")
	if got, want := en.T("nav.pains"), Default("en").T("nav.pains"); got != want {
		t.Errorf("English nav.pains = %q, want the default %q", got, want)
	}
}

// TestCataloguesComplete fails when the Russian catalogue of the default
// theme lacks a key of the English one, or has one it does not.
func TestCataloguesComplete(t *testing.T) {
	// The Russian file alone: with English merged underneath, a key
	// ru.toml lacks would look present.
	en := Default("en")
	ru, err := Builtin("ru")
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range en.Keys() {
		if !ru.Has(k) {
			t.Errorf("ru.toml lacks %q", k)
		}
	}
	for _, k := range ru.Keys() {
		if !en.Has(k) {
			t.Errorf("ru.toml has %q, which en.toml does not", k)
		}
	}
}

// TestDocsListEveryKey keeps the table of keys in docs/i18n.md in step with
// the default theme's en.toml: every key listed once, and no other.
func TestDocsListEveryKey(t *testing.T) {
	doc, err := os.ReadFile("../../docs/i18n.md")
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]int{}
	for _, m := range regexp.MustCompile("(?m)^\\| `([a-z0-9_.]+)` \\|").FindAllStringSubmatch(string(doc), -1) {
		listed[m[1]]++
	}
	en := Default("en")
	for _, k := range en.Keys() {
		if listed[k] != 1 {
			t.Errorf("docs/i18n.md lists %q %d times, want once", k, listed[k])
		}
	}
	for k := range listed {
		if !en.Has(k) {
			t.Errorf("docs/i18n.md lists %q, which en.toml does not have", k)
		}
	}
}
