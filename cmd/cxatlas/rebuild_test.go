package main

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/cxatlas/cxatlas/generator/build"
	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/render"
	"github.com/cxatlas/cxatlas/generator/server"
	"github.com/cxatlas/cxatlas/generator/watch"
)

func TestCount(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{{0, "0"}, {7, "7"}, {999, "999"}, {1000, "1,000"}, {10144, "10,144"}, {1234567, "1,234,567"}, {-1234, "-1,234"}}
	for _, tt := range tests {
		if got := count(tt.n); got != tt.want {
			t.Errorf("count(%d) = %q; want %q", tt.n, got, tt.want)
		}
	}
}

func TestDuration(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{0, "0 ms"}, {23*time.Millisecond + 400*time.Microsecond, "23 ms"}, {999 * time.Millisecond, "999 ms"},
		{time.Second, "1.00 s"}, {3847 * time.Millisecond, "3.85 s"},
	}
	for _, tt := range tests {
		if got := duration(tt.d); got != tt.want {
			t.Errorf("duration(%v) = %q; want %q", tt.d, got, tt.want)
		}
	}
}

// TestFallbackSaidOnce checks that the reason for a full rebuild is printed
// the first time it comes up only, and each distinct reason once.
func TestFallbackSaidOnce(t *testing.T) {
	var out strings.Builder
	b := newRebuilder("serve", build.Options{SiteDir: "/site"}, nil, nil, &out, &out)
	res := func(rendered, pages int, fallback string) *build.Result {
		return &build.Result{Rendered: rendered, Pages: make([]render.Page, pages), Fallback: fallback}
	}
	b.printBuilt(res(10144, 10144, ""), nil, 3*time.Second)
	b.printBuilt(res(7, 10144, ""), []string{"/site/content/touchpoints/site.md"}, 23*time.Millisecond)
	b.printBuilt(res(10144, 10144, "config.toml changed"), []string{"/site/config.toml"}, 3*time.Second)
	b.printBuilt(res(10144, 10144, "config.toml changed"), []string{"/site/config.toml"}, 3*time.Second)
	b.printBuilt(res(10144, 10144, "the theme changed"), []string{"/site/themes/mine/page.html", "/site/themes/mine/x.css"}, 3*time.Second)
	want := "built 10,144 pages in 3.00 s\n" +
		"rebuilt 7 of 10,144 pages in 23 ms (content/touchpoints/site.md)\n" +
		"config.toml changed: rebuilt everything\n" +
		"rebuilt 10,144 of 10,144 pages in 3.00 s (config.toml)\n" +
		"rebuilt 10,144 of 10,144 pages in 3.00 s (config.toml)\n" +
		"the theme changed: rebuilt everything\n" +
		"rebuilt 10,144 of 10,144 pages in 3.00 s (themes/mine/page.html and 1 more)\n"
	if out.String() != want {
		t.Errorf("printed\n%s\nwant\n%s", out.String(), want)
	}
}

// liveSite builds the base portal with a rebuilder that tells a server,
// and returns the rebuilder, the site and the server's address.
func liveSite(t *testing.T) (*rebuilder, string, string) {
	t.Helper()
	site := testSite(t)
	out := filepath.Join(t.TempDir(), "out")
	h := server.New(out)
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	t.Cleanup(h.Close)
	var log syncBuffer
	b := newRebuilder("serve", build.Options{SiteDir: site, OutDir: out, Now: time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)},
		watch.SitePaths(site, config.Default()), h, &log, &log)
	b.build(context.Background(), nil)
	if b.err != nil {
		t.Fatalf("first build: %v\n%s", b.err, log.String())
	}
	return b, site, srv.URL + "/"
}

var buildAttr = regexp.MustCompile(`data-build="([^"]+)"`)

// servedBuild returns the build a page of the server names: it changes
// when the browsers are told to reload or to swap stylesheets.
func servedBuild(t *testing.T, url string) string {
	t.Helper()
	s := &serveRun{url: url}
	_, page := s.get(t, "personas/family/")
	m := buildAttr.FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no data-build in\n%s", page)
	}
	return m[1]
}

// TestNoReloadOntoAStaleBuild checks that a build finished while a later
// save waits is not shown to the browsers, and that the next build
// reloads them even when it writes nothing more.
func TestNoReloadOntoAStaleBuild(t *testing.T) {
	b, site, url := liveSite(t)
	before := servedBuild(t, url)
	waiting := true
	b.pending = func() bool { return waiting }

	edit(t, site, family, `title = "Family"`, `title = "Household"`)
	b.build(context.Background(), []string{filepath.Join(site, family)})
	if got := servedBuild(t, url); got != before {
		t.Errorf("a build followed by a waiting save reloaded the browsers (%s -> %s)", before, got)
	}

	// The save that waited changed nothing the pages show.
	waiting = false
	b.build(context.Background(), []string{filepath.Join(site, family)})
	if got := servedBuild(t, url); got == before {
		t.Error("the follow-up build did not reload the browsers, which were owed the first build's change")
	}
}

// TestStylesOnly checks which changes swap stylesheets rather than reload.
func TestStylesOnly(t *testing.T) {
	b := newRebuilder("serve", build.Options{SiteDir: "/site"}, nil, nil, os.Stdout, os.Stderr)
	tests := []struct {
		changed []string
		want    bool
	}{
		{[]string{"/site/themes/mine/static/cxatlas.css"}, true},
		{[]string{"/site/themes/mine/static/cxatlas.CSS", "/site/themes/mine/static/print.css"}, true},
		{[]string{"/site/themes/mine/static/cxatlas.css", "/site/content/personas/family.md"}, false},
		{[]string{"/site/themes/mine/templates/page.html"}, false},
		{[]string{"/site/content/notes.css"}, false},
		{[]string{"/site/themes.css"}, false},
		{nil, false},
	}
	for _, tt := range tests {
		if got := b.stylesOnly(tt.changed); got != tt.want {
			t.Errorf("stylesOnly(%v) = %v; want %v", tt.changed, got, tt.want)
		}
	}
}

// TestTell checks what the browsers are told after a successful build.
func TestTell(t *testing.T) {
	css := []string{"/site/themes/mine/static/cxatlas.css"}
	page := []string{"/site/content/personas/family.md"}
	tests := []struct {
		name    string
		changed []string
		files   int  // files the build wrote or removed
		early   int  // files the early publish changed; -1 when there was none
		pending bool // a later save waits
		owed    bool // an earlier build's reload was held back
		want    string
	}{
		{"a page changed", page, 3, -1, false, false, "reload"},
		{"nothing changed", page, 0, -1, false, false, ""},
		{"a stylesheet changed", css, 1, -1, false, false, "css"},
		{"a stylesheet and more changed", css, 40, -1, false, false, "reload"},
		{"the early reload showed it all", page, 3, 3, false, false, ""},
		{"the rest changed more after the early reload", page, 9, 3, false, false, "reload"},
		{"a later save waits", page, 3, -1, true, false, ""},
		{"an owed reload with nothing new", page, 0, -1, false, true, "reload"},
		{"an owed reload and a stylesheet", css, 1, -1, false, true, "reload"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := server.New(t.TempDir())
			srv := httptest.NewServer(h)
			t.Cleanup(srv.Close)
			t.Cleanup(h.Close)
			s := &serveRun{url: srv.URL + "/"}
			events := s.events(t)
			await(t, events, "hello")
			b := newRebuilder("serve", build.Options{SiteDir: "/site"}, nil, h, os.Stdout, os.Stderr)
			b.early, b.owed = tt.early, tt.owed
			b.pending = func() bool { return tt.pending }
			if tt.early > 0 {
				h.Reload() // the early reload
				await(t, events, "reload")
			}
			res := &build.Result{Shown: []string{"personas/family/index.html"}}
			res.Report.Written = tt.files
			b.tell(res, tt.changed)
			// A mark after what tell sent: the first event is tell's, if any.
			h.ShowErrors([]string{"mark"})
			got := next(t, events)
			if got.name == "problems" {
				got.name = ""
			}
			if got.name != tt.want {
				t.Errorf("told %q; want %q", got.name, tt.want)
			}
			// After an early reload, the map it showed stays.
			if shown := strings.HasSuffix(got.data, "\n/personas/family/"); got.name == "reload" && shown != (tt.early > 0) {
				t.Errorf("told %q with %q; the early reload's page is named: %v, want %v", got.name, got.data, shown, tt.early > 0)
			}
			if b.owed != (tt.pending && tt.files > 0) {
				t.Errorf("owed = %v after the build", b.owed)
			}
		})
	}
}
