package server

import (
	"github.com/cxatlas/cxatlas/generator/i18n"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// portal writes a small built portal into a new folder, next to a secret
// file that must never be served, and returns the folder.
func portal(t *testing.T) string {
	t.Helper()
	top := t.TempDir()
	dir := filepath.Join(top, "public")
	files := map[string]string{
		"index.html":                 "<!doctype html><html><body><h1>Home</h1></body></html>",
		"personas/family/index.html": "<!doctype html><html><body><h1>Family</h1><script>var s = '</body>';</script></body></html>",
		"404.html":                   "<!doctype html><html><body><h1>Page not found</h1></body></html>",
		"static/cxatlas.css":         "body{color:red}",
		"data.json":                  `{"personas":[]}`,
		"fragment.html":              "<p>no body tag",
		"upper.HTML":                 "<HTML><BODY><P>Loud</P></BODY >\n</HTML>",
		"empty/.gitkeep":             "",
		"personas/семья/index.html":  "<html><body><h1>Семья</h1></body></html>",
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(top, "secret.txt"), []byte("SECRET"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(top, "secret.txt"), filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestServeHTTP(t *testing.T) {
	tests := []struct {
		name     string
		method   string
		target   string
		status   int
		body     string // a part of the body
		html     bool   // the live-reload script is injected
		location string
	}{
		{name: "home", target: "/", status: 200, body: "<h1>Home</h1>", html: true},
		{name: "pretty URL", target: "/personas/family/", status: 200, body: "<h1>Family</h1>", html: true},
		{name: "pretty URL in Cyrillic", target: "/personas/%D1%81%D0%B5%D0%BC%D1%8C%D1%8F/", status: 200, body: "<h1>Семья</h1>", html: true},
		{name: "index file by name", target: "/personas/family/index.html", status: 200, body: "<h1>Family</h1>", html: true},
		{name: "folder without slash", target: "/personas/family", status: 301, location: "family/"},
		{name: "folder without slash keeps the query", target: "/personas/family?x=1", status: 301, location: "family/?x=1"},
		{name: "missing page", target: "/personas/nobody/", status: 404, body: "<h1>Page not found</h1>", html: true},
		{name: "missing file", target: "/static/missing.css", status: 404, body: "<h1>Page not found</h1>", html: true},
		{name: "folder without index", target: "/empty/", status: 404, body: "<h1>Page not found</h1>", html: true},
		{name: "stylesheet", target: "/static/cxatlas.css", status: 200, body: "body{color:red}"},
		{name: "json", target: "/data.json", status: 200, body: `{"personas":[]}`},
		{name: "page without body tag", target: "/fragment.html", status: 200, body: "<p>no body tag", html: true},
		{name: "upper-case tags", target: "/upper.HTML", status: 200, body: "<P>Loud</P>", html: true},
		{name: "head", method: "HEAD", target: "/personas/family/", status: 200, html: true},
		{name: "script", target: "/_cxatlas/live.js", status: 200, body: "EventSource"},
		{name: "unknown own path", target: "/_cxatlas/nothing", status: 404},
		{name: "post", method: "POST", target: "/", status: 405},
		{name: "dot-dot", target: "/../secret.txt", status: 400},
		{name: "dot-dot inside", target: "/static/../../secret.txt", status: 400},
		{name: "escaped dot-dot", target: "/%2e%2e/secret.txt", status: 400},
		{name: "escaped slashes", target: "/static/..%2f..%2fsecret.txt", status: 400},
		{name: "backslashes", target: `/static/..\..\secret.txt`, status: 400},
		{name: "link out of the folder", target: "/link.txt", status: 404, body: "<h1>Page not found</h1>", html: true},
	}
	h := New(portal(t))
	defer h.Close()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			method := tt.method
			if method == "" {
				method = "GET"
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(method, tt.target, nil))
			res := rec.Result()
			body := rec.Body.String()
			if res.StatusCode != tt.status {
				t.Fatalf("status %d; want %d (body %q)", res.StatusCode, tt.status, body)
			}
			if strings.Contains(body, "SECRET") {
				t.Fatalf("served the file outside the folder: %q", body)
			}
			if !strings.Contains(body, tt.body) {
				t.Errorf("body %q does not contain %q", body, tt.body)
			}
			if got := res.Header.Get("Location"); got != tt.location {
				t.Errorf("Location %q; want %q", got, tt.location)
			}
			injected := strings.Count(body, `src="/_cxatlas/live.js"`)
			switch {
			case tt.html && method == "HEAD":
				if body != "" {
					t.Errorf("HEAD sent a body: %q", body)
				}
			case tt.html && injected != 1:
				t.Errorf("live-reload script found %d times; want once in %q", injected, body)
			case !tt.html && injected != 0:
				t.Errorf("live-reload script in a response that is not HTML: %q", body)
			}
			if tt.html {
				if ct := res.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
					t.Errorf("Content-Type %q; want HTML", ct)
				}
				checkLength(t, res, body, method)
			}
		})
	}
}

// checkLength checks that Content-Length counts the body as sent.
func checkLength(t *testing.T, res *http.Response, body, method string) {
	t.Helper()
	n, err := strconv.Atoi(res.Header.Get("Content-Length"))
	if err != nil {
		t.Fatalf("Content-Length %q: %v", res.Header.Get("Content-Length"), err)
	}
	if method != "HEAD" && n != len(body) {
		t.Errorf("Content-Length %d; body has %d bytes", n, len(body))
	}
}

// TestSnippetBeforeBodyEnd checks where the script goes in the pages of
// the fixture, over the wire.
func TestSnippetBeforeBodyEnd(t *testing.T) {
	h := New(portal(t))
	srv := httptest.NewServer(h)
	defer srv.Close()
	defer h.Close()
	res, err := http.Get(srv.URL + "/personas/family/")
	if err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(res.Body)
	res.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	body := string(data)
	if res.ContentLength != int64(len(data)) {
		t.Errorf("Content-Length %d; read %d bytes", res.ContentLength, len(data))
	}
	want := "var s = '</body>';</script>" + string(snippet(h.buildID(0), newWords(i18n.Default("en")).attrs)) + "</body></html>"
	if !strings.HasSuffix(body, want) {
		t.Errorf("page ends %q; want %q", body[max(0, len(body)-len(want)):], want)
	}
	disk, err := os.ReadFile(filepath.Join(h.dir, "personas", "family", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(disk), "live.js") {
		t.Error("the script was written to the file on disk")
	}
}

// TestNothingBuiltYet checks that a missing folder gives the placeholder
// page, with the script that shows the errors of the first build.
func TestNothingBuiltYet(t *testing.T) {
	h := New(filepath.Join(t.TempDir(), "missing"))
	defer h.Close()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	if rec.Code != 404 || !strings.Contains(rec.Body.String(), "/_cxatlas/live.js") {
		t.Errorf("got %d %q; want 404 and the placeholder with the script", rec.Code, rec.Body.String())
	}
}

func TestInject(t *testing.T) {
	tag := "<script></script>"
	tests := []struct {
		name, page, want string
	}{
		{"before body end", "<p>a</p></body></html>", "<p>a</p><script></script></body></html>"},
		{"last body end", "<script>'</body>'</script></body>", "<script>'</body>'</script><script></script></body>"},
		{"upper case", "<P>a</BODY>", "<P>a<script></script></BODY>"},
		{"space in tag", "a</body >", "a<script></script></body >"},
		{"no body end", "<p>a", "<p>a<script></script>"},
		{"other tag", "a</bodyx>", "a</bodyx><script></script>"},
		{"empty", "", "<script></script>"},
		{"cut tag", "a</bod", "a</bod<script></script>"},
		{"tag at the end", "a</body", "a<script></script></body"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(inject([]byte(tt.page), []byte(tag))); got != tt.want {
				t.Errorf("inject(%q) = %q; want %q", tt.page, got, tt.want)
			}
		})
	}
}

func FuzzInject(f *testing.F) {
	f.Add("<html><body>x</body></html>")
	f.Add("</BODY")
	f.Fuzz(func(t *testing.T, page string) {
		tag := "<script></script>"
		got := string(inject([]byte(page), []byte(tag)))
		if len(got) != len(page)+len(tag) || strings.Replace(got, tag, "", 1) != page && !strings.Contains(page, tag) {
			t.Errorf("inject(%q) = %q: not the page with the tag added once", page, got)
		}
	})
}
