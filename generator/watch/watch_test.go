package watch

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cxatlas/cxatlas/generator/config"
)

// wait bounds every wait for the notifier: far more than a change takes,
// so that only a broken watcher reaches it.
const wait = 10 * time.Second

// phase is one round of changes and what the steps must report for it.
type phase struct {
	act  func(t *testing.T, site string)
	want []string // paths relative to the site that must be reported
	not  []string // paths that must not be reported
	// brief says the paths of not exist for a moment only, which a polling
	// watcher may see if it happens to look then.
	brief bool
}

func TestWatcherReportsChanges(t *testing.T) {
	base := []string{"config.toml", "content/personas/a.md", "content/stages/s.md", "content/touchpoints/t.md"}
	tests := []struct {
		name   string
		ignore string // relative path whose tree Options.Ignore reports
		phases []phase
	}{
		{name: "write a file", phases: []phase{{
			act:  write("content/personas/a.md"),
			want: []string{"content/personas/a.md"},
		}}},
		{name: "editor temporary files are ignored", phases: []phase{{
			act: write("content/personas/.a.md.swp", "content/personas/a.md~", "content/personas/4913",
				"content/personas/.#a.md", "content/personas/#a.md#", "content/personas/a.md"),
			want: []string{"content/personas/a.md"},
			not: []string{"content/personas/.a.md.swp", "content/personas/a.md~", "content/personas/4913",
				"content/personas/.#a.md", "content/personas/#a.md#"},
		}}},
		{name: "rename a file", phases: []phase{{
			act:  rename("content/personas/a.md", "content/personas/b.md"),
			want: []string{"content/personas/a.md", "content/personas/b.md"},
		}}},
		{name: "new nested folder", phases: []phase{{
			act:  write("content/personas/new/deep/x.md"),
			want: []string{"content/personas/new/deep/x.md"},
		}, {
			act:  write("content/personas/new/deep/y.md"),
			want: []string{"content/personas/new/deep/y.md"},
		}}},
		{name: "rename a folder", phases: []phase{{
			act:  rename("content/stages", "content/phases"),
			want: []string{"content/stages", "content/phases"},
		}, {
			act:  write("content/phases/s.md"),
			want: []string{"content/phases/s.md"},
			not:  []string{"content/stages/s.md"},
		}}},
		{name: "remove a folder", phases: []phase{{
			act:  remove("content/touchpoints"),
			want: []string{"content/touchpoints"},
		}, {
			act:  write("content/touchpoints/t2.md"),
			want: []string{"content/touchpoints/t2.md"},
		}}},
		{name: "content folder replaced", phases: []phase{{
			act:  remove("content"),
			want: []string{"content"},
		}, {
			act:  write("content/personas/c.md"),
			want: []string{"content/personas/c.md"},
		}, {
			act:  write("content/personas/d.md"),
			want: []string{"content/personas/d.md"},
		}}},
		{name: "config replaced by an editor's rename", phases: []phase{{
			act:  seq(write("config.toml.tmp"), rename("config.toml.tmp", "config.toml")),
			want: []string{"config.toml"},
			not:  []string{"config.toml.tmp"},
		}}},
		{name: "save through a temporary file", phases: []phase{{
			act:   seq(write("content/personas/a.md.tmp"), rename("content/personas/a.md.tmp", "content/personas/a.md")),
			want:  []string{"content/personas/a.md"},
			not:   []string{"content/personas/a.md.tmp"},
			brief: true,
		}}},
		{name: "a file created and removed in one burst", phases: []phase{{
			act:   seq(write("content/personas/scratch"), remove("content/personas/scratch"), write("content/personas/a.md")),
			want:  []string{"content/personas/a.md"},
			not:   []string{"content/personas/scratch"},
			brief: true,
		}}},
		{name: "removed, created and removed again", phases: []phase{{
			act:  seq(remove("content/personas/a.md"), write("content/personas/a.md"), remove("content/personas/a.md")),
			want: []string{"content/personas/a.md"},
		}}},
		{name: "themes folder created later", phases: []phase{{
			act:  write("themes/mine/page.html"),
			want: []string{"themes/mine/page.html"},
		}}},
		{name: "site catalogue created later, then edited", phases: []phase{{
			act:  write("i18n/ru.toml"),
			want: []string{"i18n/ru.toml"},
		}, {
			act:  write("i18n/ru.toml"),
			want: []string{"i18n/ru.toml"},
		}}},
		{name: "files outside the site paths", phases: []phase{{
			act:  write("README.md", "public/index.html", "content/personas/a.md"),
			want: []string{"content/personas/a.md"},
			not:  []string{"README.md", "public/index.html"},
		}}},
		{name: "ignored folder", ignore: "content/out", phases: []phase{{
			act:  write("content/out/x/index.html", "content/personas/a.md"),
			want: []string{"content/personas/a.md"},
			not:  []string{"content/out", "content/out/x/index.html"},
		}}},
	}
	for _, mode := range []struct {
		name string
		poll time.Duration
	}{{"notify", 0}, {"poll", 15 * time.Millisecond}} {
		for _, tt := range tests {
			t.Run(mode.name+"/"+tt.name, func(t *testing.T) {
				reportsChanges(t, base, tt.ignore, tt.phases, mode.poll)
			})
		}
	}
}

func reportsChanges(t *testing.T, base []string, ignore string, phases []phase, poll time.Duration) {
	site := t.TempDir()
	write(base...)(t, site)
	opts := Options{Paths: SitePaths(site, config.Default()), Delay: 20 * time.Millisecond, Poll: poll}
	if ignore != "" {
		out := filepath.Join(site, filepath.FromSlash(ignore))
		opts.Ignore = func(p string) bool { return p == out || within(out, p) }
	}
	opts.OnError = func(err error) { t.Errorf("unexpected notifier error: %v", err) }
	batches := start(t, opts)
	for i, ph := range phases {
		// A polling watcher tells a change by its time and size: let the
		// clock move past the last write.
		time.Sleep(2 * poll)
		ph.act(t, site)
		got := collect(t, batches, site, ph.want)
		for _, p := range ph.not {
			if got[p] && !(ph.brief && poll > 0) {
				t.Errorf("phase %d: %s was reported; want it ignored (got %v)", i, p, keys(got))
			}
		}
	}
}

// start runs a watcher until the test ends and returns the sets it
// reports.
func start(t *testing.T, opts Options) <-chan []string {
	t.Helper()
	w, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	batches := make(chan []string, 100)
	done := make(chan error, 1)
	go func() {
		done <- w.Run(ctx, func(_ context.Context, changed []string) { batches <- changed })
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(wait):
			t.Errorf("Run did not return %v after its context was cancelled", wait)
		}
	})
	return batches
}

// collect reads sets of changes until every path of want was reported, and
// returns every path reported, relative to site.
func collect(t *testing.T, batches <-chan []string, site string, want []string) map[string]bool {
	t.Helper()
	got := make(map[string]bool)
	timeout := time.After(wait)
	for !covers(got, want) {
		select {
		case changed := <-batches:
			if !slices.IsSorted(changed) || len(slices.Compact(slices.Clone(changed))) != len(changed) {
				t.Errorf("changes %v are not sorted and unique", changed)
			}
			for _, p := range changed {
				if !filepath.IsAbs(p) {
					t.Errorf("changed path %s is not absolute", p)
				}
				rel, err := filepath.Rel(site, p)
				if err != nil {
					t.Fatal(err)
				}
				got[filepath.ToSlash(rel)] = true
			}
		case <-timeout:
			t.Fatalf("after %v, got %v; want at least %v", wait, keys(got), want)
		}
	}
	return got
}

func covers(got map[string]bool, want []string) bool {
	for _, p := range want {
		if !got[p] {
			return false
		}
	}
	return true
}

func keys(m map[string]bool) []string {
	var l []string
	for k := range m {
		l = append(l, k)
	}
	slices.Sort(l)
	return l
}

// write returns an action that writes each file, creating its folders.
func write(files ...string) func(*testing.T, string) {
	return func(t *testing.T, site string) {
		t.Helper()
		for _, f := range files {
			p := filepath.Join(site, filepath.FromSlash(f))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte("+++\ntitle = \""+f+"\"\n+++\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func rename(from, to string) func(*testing.T, string) {
	return func(t *testing.T, site string) {
		t.Helper()
		if err := os.Rename(filepath.Join(site, filepath.FromSlash(from)), filepath.Join(site, filepath.FromSlash(to))); err != nil {
			t.Fatal(err)
		}
	}
}

func remove(name string) func(*testing.T, string) {
	return func(t *testing.T, site string) {
		t.Helper()
		if err := os.RemoveAll(filepath.Join(site, filepath.FromSlash(name))); err != nil {
			t.Fatal(err)
		}
	}
}

func seq(acts ...func(*testing.T, string)) func(*testing.T, string) {
	return func(t *testing.T, site string) {
		t.Helper()
		for _, act := range acts {
			act(t, site)
		}
	}
}

// TestStepsRunOneAtATime checks that a change made while a step runs is
// handed to the next step, after the running one returns.
func TestStepsRunOneAtATime(t *testing.T) {
	site := t.TempDir()
	write("content/personas/a.md")(t, site)
	w, err := New(Options{Paths: SitePaths(site, config.Default()), Delay: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var running, overlaps atomic.Int32
	entered := make(chan []string)
	release := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		done <- w.Run(ctx, func(ctx context.Context, changed []string) {
			if running.Add(1) > 1 {
				overlaps.Add(1)
			}
			defer running.Add(-1)
			entered <- changed
			select {
			case <-release:
			case <-ctx.Done():
			}
		})
	}()

	write("content/personas/a.md")(t, site)
	first := receive(t, entered)
	if !slices.Contains(first, filepath.Join(site, "content", "personas", "a.md")) {
		t.Fatalf("first step got %v; want a.md", first)
	}
	// The first step is still running: this change must wait for it.
	write("content/personas/b.md")(t, site)
	release <- struct{}{}
	// Late events of the first write may come in a step of their own.
	b := filepath.Join(site, "content", "personas", "b.md")
	for i := 0; ; i++ {
		next := receive(t, entered)
		release <- struct{}{}
		if slices.Contains(next, b) {
			break
		}
		if i == 5 {
			t.Fatalf("b.md not reported in %d steps after the first", i+1)
		}
	}
	if n := overlaps.Load(); n > 0 {
		t.Errorf("%d steps ran while another was running", n)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run returned %v after cancel; want nil", err)
		}
	case <-time.After(wait):
		t.Fatal("Run did not return after its context was cancelled")
	}
}

// receive returns the next value of c, or fails the test after wait.
func receive[T any](t *testing.T, c <-chan T) T {
	t.Helper()
	select {
	case v := <-c:
		return v
	case <-time.After(wait):
		t.Fatalf("no step within %v", wait)
		var zero T
		return zero
	}
}

func TestNewRefusesAMissingParent(t *testing.T) {
	_, err := New(Options{Paths: []string{filepath.Join(t.TempDir(), "no", "content")}})
	if err == nil || !strings.Contains(err.Error(), "watch") {
		t.Errorf("New on a path whose folder is missing: err = %v; want a watch error", err)
	}
}

func TestSkipName(t *testing.T) {
	tests := []struct {
		name string
		skip bool
	}{
		{"family.md", false},
		{"config.toml", false},
		{"4913.md", false},
		{"a#b.md", false},
		{".family.md.swp", true},
		{".family.md.swo", true},
		{"family.md.swx", true},
		{"family.md~", true},
		{".#family.md", true},
		{"#family.md#", true},
		{"4913", true},
		{".git", true},
		{"family.md___jb_tmp___", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := skipName(tt.name); got != tt.skip {
				t.Errorf("skipName(%q) = %v; want %v", tt.name, got, tt.skip)
			}
		})
	}
}
