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
)

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
	// The Russian file alone: with English merged underneath, a key
	// ru.toml lacks would look present.
	en := i18n.Default("en")
	ru, err := i18n.Builtin("ru")
	if err != nil {
		t.Fatal(err)
	}
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
