package render

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestOpenThemeOverlaysFileByFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		p := filepath.Join(dir, "themes", "brand", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("static/cxatlas.css", "body{color:purple}")
	write("static/logo.svg", "<svg/>")
	write("templates/404.html", `{{define "main"}}<h1>Lost? Brand says hi</h1>{{end}}`)

	theme, err := OpenTheme(dir, "brand")
	if err != nil {
		t.Fatal(err)
	}
	css, err := fs.ReadFile(theme, "static/cxatlas.css")
	if err != nil || string(css) != "body{color:purple}" {
		t.Errorf("site theme file does not win: %q, %v", css, err)
	}
	if _, err := fs.ReadFile(theme, "templates/persona.html"); err != nil {
		t.Errorf("default files are hidden: %v", err)
	}
	r, err := New(theme)
	if err != nil {
		t.Fatal(err)
	}
	files, err := r.Static()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, f.Path)
	}
	// The site's own file joins the default theme's files.
	for _, want := range []string{"static/cxatlas.css", "static/favicon.svg", "static/logo.svg"} {
		if !slices.Contains(names, want) {
			t.Errorf("static files %q lack %s", names, want)
		}
	}
	s := linkSet(t, testConfig(), exampleSet())
	if page := string(renderPath(t, r, s, "404.html")); !strings.Contains(page, "Brand says hi") {
		t.Error("the site's 404 template is not used")
	}
	if page := string(renderPath(t, r, s, "index.html")); !strings.Contains(page, "Most severe pain points") {
		t.Error("the default home template is not used")
	}
}

func TestOpenThemeErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := OpenTheme(dir, "missing"); err == nil || !strings.Contains(err.Error(), `theme "missing"`) {
		t.Errorf("missing theme: err = %v", err)
	}
	for _, name := range []string{"", "default"} {
		theme, err := OpenTheme(dir, name)
		if err != nil {
			t.Fatalf("OpenTheme(%q): %v", name, err)
		}
		if _, err := fs.Stat(theme, "templates/_base.html"); err != nil {
			t.Errorf("OpenTheme(%q) lacks the layout: %v", name, err)
		}
	}
}

func TestNewRejectsIncompleteTheme(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "templates"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "templates", "_base.html"), []byte(`{{define "base"}}{{end}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := New(os.DirFS(dir)); err == nil || !strings.Contains(err.Error(), "home.html") {
		t.Errorf("err = %v, want one naming the missing home.html", err)
	}
}
