package publish

import (
	"bytes"
	"flag"
	"github.com/cxatlas/cxatlas/generator/internal/golden"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var updateGolden = flag.Bool("update", false, "rewrite golden files in testdata")

func TestMinifyPage(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "page.html"))
	if err != nil {
		t.Fatal(err)
	}
	orig := bytes.Clone(src)
	got, err := NewMinifier().Minify("personas/семья/index.html", src)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(src, orig) {
		t.Error("Minify changed its input")
	}
	golden.Check(t, filepath.Join("testdata", "page.min.html"), got, *updateGolden)
	if len(got) >= len(src) {
		t.Errorf("minified page is %d bytes, source %d", len(got), len(src))
	}
	for _, keep := range []string{
		"<!doctype html>", "<html lang=ru>", "<head>", "</head>", "<body>", "</body></html>",
		"<title>Семья — карта пути</title>", "</p>", "</li>", "</td>",
		`<title id="t1">Кривая эмоций</title>`, `stroke-dasharray="4 2"`,
		"<pre><code>  keep   this\nspacing</code></pre>",
		`class="card persona"`, `title="a=b"`, "class=\"a`b\"", `type=text`,
		`{"@context":"https://schema.org","@type":"WebPage","name":"Семья"}`,
	} {
		if !bytes.Contains(got, []byte(keep)) {
			t.Errorf("minified page lacks %q", keep)
		}
	}
}

func TestMinifyByExtension(t *testing.T) {
	tests := []struct {
		path, in, want string
	}{
		{"style.css", "body {\n  color: #ff0000;\n}\n", "body{color:red}"},
		{"app.js", "function add(a, b) {\n  return a + b;\n}\n", "function add(e,t){return e+t}"},
		{"app.mjs", "export const x = 1 ;", "export const x=1"},
		{"chart.svg", `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"> <rect x="0" y="0" width="10" height="10"/> </svg>`,
			`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect x="0" y="0" width="10" height="10"/></svg>`},
		{"sitemap.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset>\n  <url><loc>https://example.com/personas/семья/</loc></url>\n</urlset>\n",
			`<?xml version="1.0" encoding="UTF-8"?><urlset><url><loc>https://example.com/personas/семья/</loc></url></urlset>`},
		{"data.json", "{\n  \"personas\": [ \"семья\" ]\n}\n", `{"personas":["семья"]}`},
		{"PAGE.HTM", "<p>  a  </p>", "<p>a</p>"},
		{"robots.txt", "User-agent: *\n\n", "User-agent: *\n\n"},
		{"logo.png", "\x89PNG  ", "\x89PNG  "},
		{"no-extension", "  x  ", "  x  "},
	}
	m := NewMinifier()
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			got, err := m.Minify(tt.path, []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("Minify(%q) = %q, want %q", tt.path, got, tt.want)
			}
		})
	}
}

func TestMinifyConcurrent(t *testing.T) {
	m := NewMinifier()
	// Pages share one backing array, as a renderer's buffer might.
	shared := []byte(strings.Repeat("<p>  hello  </p>", 64))
	want, err := m.Minify("a.html", shared)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			page := shared[:len(shared)-16*(i%4)]
			for range 50 {
				got, err := m.Minify("a.html", page)
				if err != nil {
					t.Error(err)
					return
				}
				if i%4 == 0 && !bytes.Equal(got, want) {
					t.Errorf("concurrent Minify = %q, want %q", got, want)
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestWriteMinifies(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	files := []File{{Path: "index.html", Data: []byte("<!DOCTYPE html>\n<html>\n<head>\n<title>x</title>\n</head>\n<body>\n<p>  hi  </p>\n</body>\n</html>\n")}}
	opts := Options{Minifier: NewMinifier()}
	for i, want := range []Report{{Written: 1}, {Unchanged: 1}} {
		rep, err := Write(dir, files, opts)
		if err != nil {
			t.Fatal(err)
		}
		if rep != want {
			t.Errorf("write %d: report %+v, want %+v", i+1, rep, want)
		}
	}
	got, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "<!doctype html><html><head><title>x</title></head><body><p>hi</p></body></html>"; string(got) != want {
		t.Errorf("written page = %q, want %q", got, want)
	}
}
