package build

import (
	"github.com/cxatlas/cxatlas/generator/internal/golden"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/cxatlas/cxatlas/generator/i18n"
	"github.com/tdewolff/parse/v2"
	htmllex "github.com/tdewolff/parse/v2/html"
)

// cyrillicPortal is a portal written in Russian with language = "ru".
const cyrillicPortal = "../../cmd/cxatlas/testdata/portals/cyrillic"

// buildRussian builds the Russian test portal into a temporary folder.
func buildRussian(t *testing.T) string {
	t.Helper()
	out := t.TempDir()
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	res, err := Build(Options{SiteDir: cyrillicPortal, OutDir: out, Now: now})
	if err != nil {
		t.Fatalf("build: %v\n%s", err, formatDiags(res.Diags))
	}
	return out
}

// TestRussianPortalHasNoEnglish walks the text a reader sees or hears on
// every page of a Russian portal (text nodes, title, aria-label, alt and
// the text of SVG charts) and fails on any message of the English
// catalogue.
func TestRussianPortalHasNoEnglish(t *testing.T) {
	out := buildRussian(t)
	english := englishFragments(t)
	pages := 0
	err := filepath.WalkDir(out, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(path, ".html") {
			return err
		}
		pages++
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, path)
		for _, text := range visibleText(string(data)) {
			for _, en := range english {
				if en.re.MatchString(text) {
					t.Errorf("%s: English message %s (%q) in %q", rel, en.key, en.text, text)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 10 {
		t.Fatalf("walked %d pages; the portal should have more", pages)
	}
}

// fragment is a run of words of an English message, between placeholders
// and tags.
type fragment struct {
	key, text string
	re        *regexp.Regexp
}

// englishFragments returns the words of every English message that its
// Russian message does not share (a name like "data.json" stays the same).
func englishFragments(t *testing.T) []fragment {
	t.Helper()
	// The Russian file alone: with English merged underneath, a key
	// ru.toml lacks would share every word with English and hide.
	en := i18n.Default("en")
	ru, err := i18n.Builtin("ru")
	if err != nil {
		t.Fatal(err)
	}
	var out []fragment
	for _, key := range en.Keys() {
		ruWords := strings.Join(ru.Texts(key), "\n")
		for _, msg := range en.Texts(key) {
			for _, f := range regexp.MustCompile(`\{[a-z]+\}|<[^>]*>|[^A-Za-z' ]+`).Split(msg, -1) {
				f = strings.TrimSpace(f)
				// Single short words ("A", "of") say too little to tell a
				// message from a name.
				if len(f) < 3 || strings.Contains(ruWords, f) {
					continue
				}
				out = append(out, fragment{key, f, regexp.MustCompile(`\b` + regexp.QuoteMeta(f) + `\b`)})
			}
		}
	}
	if len(out) < 200 {
		t.Fatalf("only %d English fragments: the catalogue did not load", len(out))
	}
	return out
}

// visibleText returns the text of doc a reader sees or hears: text nodes
// outside script and style, the title, aria-label and alt attributes, and
// the title, desc and text elements of inline SVG.
func visibleText(doc string) []string {
	var out []string
	l := htmllex.NewLexer(parse.NewInputString(doc))
	tag := ""
	for {
		tt, data := l.Next()
		switch tt {
		case htmllex.ErrorToken:
			return out
		case htmllex.StartTagToken:
			tag = strings.ToLower(string(l.Text()))
		case htmllex.EndTagToken:
			tag = ""
		case htmllex.AttributeToken:
			switch string(l.AttrKey()) {
			case "title", "aria-label", "alt":
				out = append(out, html.UnescapeString(strings.Trim(string(l.AttrVal()), `"'`)))
			}
		case htmllex.TextToken:
			if tag != "script" && tag != "style" {
				out = append(out, html.UnescapeString(string(data)))
			}
		case htmllex.SVGToken:
			svg := string(data)
			if i, j := strings.IndexByte(svg, '>'), strings.LastIndex(svg, "</svg"); i >= 0 && j > i {
				out = append(out, visibleText(svg[i+1:j])...)
			}
		}
	}
}

// TestVisibleTextSeesEverything keeps the walk honest: it must find text in
// every place the Russian test looks.
func TestVisibleTextSeesEverything(t *testing.T) {
	doc := `<p title="t1" aria-label="a1">p1 <img alt="i1"></p><script>s1</script>` +
		`<svg><title>st1</title><desc>sd1</desc><text>sx1<tspan>sx2</tspan></text></svg>`
	got := strings.Join(visibleText(doc), "|")
	for _, want := range []string{"t1", "a1", "p1", "i1", "st1", "sd1", "sx1", "sx2"} {
		if !strings.Contains(got, want) {
			t.Errorf("visibleText missed %q: %s", want, got)
		}
	}
	if strings.Contains(got, "s1|") || strings.HasSuffix(got, "s1") {
		t.Errorf("visibleText read a script: %s", got)
	}
}

// TestRussianGolden compares the home page and a persona's map of the
// Russian test portal with testdata/ru; go test -update rewrites them.
func TestRussianGolden(t *testing.T) {
	out := buildRussian(t)
	for _, page := range []struct{ path, golden string }{
		{"index.html", "home.html"},
		{"personas/пенсионерка/index.html", "persona.html"},
	} {
		t.Run(page.golden, func(t *testing.T) {
			got, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(page.path)))
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", "ru", page.golden), got, *update)
		})
	}
}

// copyDir copies the folder src into a new temporary folder.
func copyDir(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if e.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// TestSiteMessages checks that a site's own i18n/ru.toml overrides the
// theme's words on the pages, and that check reports a key it does not
// know with its line.
func TestSiteMessages(t *testing.T) {
	dir := copyDir(t, cyrillicPortal)
	own := "# Our words\n[nav]\npains = \"Проблемы\"\nhomee = \"Дом\"\n"
	if err := os.MkdirAll(filepath.Join(dir, "i18n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "i18n", "ru.toml"), []byte(own), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Check(Options{SiteDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	want := `i18n/ru.toml:4:1: warning: unknown message key "nav.homee"; did you mean "nav.home"?`
	if got := formatDiags(res.Diags); !strings.Contains(got, want) {
		t.Errorf("check should say\n%s\ngot\n%s", want, got)
	}
	out := t.TempDir()
	if _, err := Build(Options{SiteDir: dir, OutDir: out}); err != nil {
		t.Fatal(err)
	}
	home, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(home), ">Проблемы</a>") || strings.Contains(string(home), ">Боли</a></li>") {
		t.Error("the site's nav.pains did not replace the theme's")
	}
}
