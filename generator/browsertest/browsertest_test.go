package browsertest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

func TestMain(m *testing.M) {
	code := m.Run()
	CloseShared()
	os.Exit(code)
}

func writePages(t *testing.T, pages map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range pages {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestTabRecordsErrors checks that a tab reports what a page does wrong:
// a console error, an uncaught exception and a link that leaves the
// sub-path, and nothing on a clean page.
func TestTabRecordsErrors(t *testing.T) {
	dir := writePages(t, map[string]string{
		"clean.html": `<!doctype html><html lang="en"><title>ok</title><link rel="icon" href="data:,"><p>fine</p>`,
		"bad.html": `<!doctype html><html lang="en"><title>bad</title>
<link rel="stylesheet" href="/elsewhere.css">
<script>console.error("boom", 42); null.x;</script>`,
	})
	base := Serve(t, dir, "/cx/portal/")
	if !strings.HasSuffix(base, "/cx/portal/") {
		t.Fatalf("base %q does not end with the sub-path", base)
	}
	b := Shared(t)
	t.Run("clean", func(t *testing.T) {
		t.Parallel()
		tab := b.Tab(t)
		tab.Do(t, chromedp.Navigate(base+"clean.html"))
		text, err := chromedp.Run(tab.Ctx, chromedp.Text("p"))
		if err != nil {
			t.Fatal(err)
		}
		if text != "fine" {
			t.Errorf("text %q", text)
		}
		if errs := tab.Errors(); len(errs) != 0 {
			t.Errorf("errors on a clean page: %q", errs)
		}
	})
	t.Run("bad", func(t *testing.T) {
		t.Parallel()
		tab := b.Tab(t)
		tab.Do(t, chromedp.Navigate(base+"bad.html"), chromedp.WaitReady("body"))
		got := strings.Join(tab.Errors(), "\n")
		for _, want := range []string{"console.error: \"boom\" 42", "uncaught", "TypeError", "elsewhere.css"} {
			if !strings.Contains(got, want) {
				t.Errorf("errors lack %q:\n%s", want, got)
			}
		}
	})
}

// TestAxe checks that axe-core runs in the page and reports a known
// violation, and none on an accessible page.
func TestAxe(t *testing.T) {
	NeedAxe(t)
	dir := writePages(t, map[string]string{
		"good.html": `<!doctype html><html lang="en"><head><title>good</title></head><body><main><h1>Fine</h1>
<p>Dark text on white.</p></main></body></html>`,
		"poor.html": `<!doctype html><html lang="en"><head><title>poor</title></head><body><main><h1>Poor</h1>
<p style="color:#aaa;background:#fff">Pale text.</p><input type="checkbox"></main></body></html>`,
	})
	base := Serve(t, dir, "/")
	b := Shared(t)
	tests := []struct {
		page string
		want []string
	}{
		{"good.html", nil},
		{"poor.html", []string{"color-contrast", "label"}},
	}
	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			t.Parallel()
			tab := b.Tab(t)
			tab.Do(t, chromedp.Navigate(base+tt.page))
			vs, err := Axe(tab.Ctx, "wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, v := range vs {
				ids = append(ids, v.ID)
			}
			if strings.Join(ids, " ") != strings.Join(tt.want, " ") {
				t.Errorf("violations %q, want %q\n%v", ids, tt.want, vs)
			}
		})
	}
}
