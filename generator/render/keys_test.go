package render

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/cxatlas/cxatlas/generator/i18n"
	"github.com/cxatlas/cxatlas/themes"
)

// rawRussian is the default theme's ru.toml alone, without the English
// catalogue that i18n.Default merges underneath, so that a key ru.toml
// lacks is missing here.
func rawRussian(t *testing.T) *i18n.Catalogue {
	t.Helper()
	src, err := fs.ReadFile(themes.Default, "default/i18n/ru.toml")
	if err != nil {
		t.Fatal(err)
	}
	ru, err := i18n.Parse("ru", string(src))
	if err != nil {
		t.Fatal(err)
	}
	return ru
}

// usedKeys returns the message keys the default theme's templates and the
// Go code of render, chart and the preview server use: the first argument of every T and plural
// call, and every string literal in Go that names a key of a catalogue
// group.
func usedKeys(t *testing.T, groups []string) map[string]string {
	t.Helper()
	used := map[string]string{}
	theme, err := OpenTheme("", "")
	if err != nil {
		t.Fatal(err)
	}
	tmplKey := regexp.MustCompile(`\b(?:T|plural) "([^"]+)"`)
	names, _ := fs.Glob(theme, "templates/*.html")
	for _, name := range names {
		src, _ := fs.ReadFile(theme, name)
		for _, m := range tmplKey.FindAllStringSubmatch(string(src), -1) {
			used[m[1]] = name
		}
	}
	goKey := regexp.MustCompile(`"((?:` + strings.Join(groups, "|") + `)\.[a-z_.]+)"`)
	// The server's words.go is where the preview server takes its words.
	for _, pattern := range []string{"*.go", "chart/*.go", "../server/words.go"} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			if strings.HasSuffix(file, "_test.go") {
				continue
			}
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range goKey.FindAllStringSubmatch(string(src), -1) {
				used[m[1]] = file
			}
		}
	}
	return used
}

// TestMessageKeysExist fails when a template or the Go renderer uses a
// message key that the English or the Russian catalogue lacks.
func TestMessageKeysExist(t *testing.T) {
	en, ru := i18n.Default("en"), rawRussian(t)
	var groups []string
	for _, k := range en.Keys() {
		g, _, _ := strings.Cut(k, ".")
		if !slices.Contains(groups, g) {
			groups = append(groups, g)
		}
	}
	used := usedKeys(t, groups)
	if len(used) < 150 {
		t.Fatalf("found only %d keys in use; the scan is broken", len(used))
	}
	for key, where := range used {
		for _, c := range []*i18n.Catalogue{en, ru} {
			if !c.Has(key) {
				t.Errorf("%s uses %q, which the %s catalogue lacks", where, key, c.Lang())
			}
		}
	}
}
