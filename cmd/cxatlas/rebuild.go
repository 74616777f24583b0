package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/cxatlas/cxatlas/generator/build"
	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/diag"
	"github.com/cxatlas/cxatlas/generator/publish"
	"github.com/cxatlas/cxatlas/generator/server"
	"github.com/cxatlas/cxatlas/generator/watch"
)

// rebuilder is the step cxatlas serve and cxatlas build -watch run after
// each change: it builds through one build.Session, prints one line about
// the build, and tells the browsers when there are any.
type rebuilder struct {
	cmd            string // "serve" or "build", for the messages
	session        *build.Session
	site           string
	paths          []string        // what the watcher follows
	h              *server.Handler // nil for build -watch
	pending        func() bool     // reports a change the next build will handle
	stdout, stderr io.Writer

	// mu guards what Early and the build's return share.
	mu        sync.Mutex
	built     bool            // a build has succeeded
	failing   bool            // the last build failed
	owed      bool            // browsers were not reloaded after a build that changed files
	early     int             // files the early publish of the running build changed
	fallbacks map[string]bool // the reasons for a full rebuild, and notices, already printed
	err       error           // what the last build returned
}

// newRebuilder returns a rebuilder whose session builds with opts.
func newRebuilder(cmd string, opts build.Options, paths []string, h *server.Handler, stdout, stderr io.Writer) *rebuilder {
	b := &rebuilder{
		cmd: cmd, session: build.NewSession(opts), site: opts.SiteDir, paths: paths, h: h,
		pending: func() bool { return false }, stdout: stdout, stderr: stderr, fallbacks: make(map[string]bool),
	}
	if h != nil {
		b.session.Early = b.earlyReload
	}
	return b
}

// earlyReload reloads the browsers once the pages that show the change
// are published, before the pages of the whole portal follow: the page
// being edited shows the change as soon as it can.
func (b *rebuilder) earlyReload(res *build.Result) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.early = res.Report.Written + res.Report.Removed
	if b.early > 0 && !b.pending() {
		b.h.Reload()
	}
}

// build builds the portal, prints one line about it, and tells the
// browsers. changed is nil for the first build.
func (b *rebuilder) build(_ context.Context, changed []string) {
	b.mu.Lock()
	b.early = -1
	b.mu.Unlock()
	start := time.Now()
	res, err := b.session.Build(changed)
	took := time.Since(start)
	b.mu.Lock()
	defer b.mu.Unlock()
	b.err = err
	if res != nil && res.Messages != nil && b.h != nil {
		b.h.SetMessages(res.Messages)
	}
	if res != nil {
		// Warnings are printed once, with the first build.
		report(b.stderr, res.Diags, changed != nil || err != nil)
	}
	switch {
	case errors.Is(err, publish.ErrUnsafeDir) && changed == nil:
		// Nothing will ever be written: the command stops.
		fmt.Fprintf(b.stderr, "cxatlas %s: %v\n", b.cmd, err)
		return
	case errors.Is(err, build.ErrContent):
		var problems []string
		for _, d := range res.Diags {
			if d.Severity == diag.Error {
				problems = append(problems, d.Location()+": "+d.Text())
			}
		}
		fmt.Fprintf(b.stderr, "build failed in %s: %s%s; %s\n", duration(took), plural(len(problems), "error"), b.cause(changed), b.serving())
		b.showErrors(problems)
	case err != nil:
		fmt.Fprintf(b.stderr, "build failed in %s: %v%s; %s\n", duration(took), err, b.cause(changed), b.serving())
		b.showErrors([]string{err.Error()})
	default:
		if !b.pending() {
			// What the build dropped goes back to the system while the
			// writer reads the page, before its line is printed: a long
			// session stays at the memory of one build, rather than
			// wherever the collector's last goal left it.
			debug.FreeOSMemory()
		}
		b.printBuilt(res, changed, took)
		b.tell(res, changed)
		b.built, b.failing = true, false
	}
	b.checkPaths(changed)
}

// printBuilt prints the line of a successful build, after the reason for
// a full rebuild the first time it comes up.
func (b *rebuilder) printBuilt(res *build.Result, changed []string, took time.Duration) {
	if res.Fallback != "" && !b.fallbacks[res.Fallback] {
		b.fallbacks[res.Fallback] = true
		fmt.Fprintf(b.stdout, "%s: rebuilt everything\n", res.Fallback)
	}
	if res.Notice != "" && !b.fallbacks[res.Notice] {
		b.fallbacks[res.Notice] = true
		fmt.Fprintln(b.stdout, res.Notice)
	}
	if changed == nil {
		fmt.Fprintf(b.stdout, "built %s pages in %s\n", count(len(res.Pages)), duration(took))
		return
	}
	fmt.Fprintf(b.stdout, "rebuilt %s of %s pages in %s%s\n", count(res.Rendered), count(len(res.Pages)), duration(took), b.cause(changed))
}

// tell tells the browsers about a successful build: they swap their
// stylesheets when only stylesheets of the theme changed, and reload
// otherwise, unless nothing they show changed, the early publish reloaded
// them already for all that did, or a later change is already waiting for
// the next build.
func (b *rebuilder) tell(res *build.Result, changed []string) {
	if b.h == nil {
		return
	}
	r := res.Report
	files := r.Written + r.Removed
	if b.pending() {
		b.owed = b.owed || files > 0 || b.failing
		return
	}
	switch {
	case b.owed || b.failing:
		b.h.Reload()
	case files == 0 || files == b.early:
		// Nothing changed, or nothing after the early reload.
	case b.early <= 0 && b.stylesOnly(changed) && files <= len(changed):
		b.h.ReloadStyles()
	case b.early > 0:
		// The pages published early were reloaded then and are as they
		// were: the browsers that show them stay.
		b.h.ReloadExcept(res.Shown)
	default:
		b.h.Reload()
	}
	b.owed = false
}

// showErrors lists the problems of a failed build over the browsers'
// pages, unless a later change is already waiting for the next build.
func (b *rebuilder) showErrors(problems []string) {
	b.failing = true
	if b.h != nil && !b.pending() {
		b.h.ShowErrors(problems)
	}
}

// stylesOnly reports whether every changed path is a stylesheet in the
// site's themes folder.
func (b *rebuilder) stylesOnly(changed []string) bool {
	themes, err := filepath.Abs(filepath.Join(b.site, "themes"))
	if err != nil || len(changed) == 0 {
		return false
	}
	for _, p := range changed {
		if !strings.HasPrefix(p, themes+string(filepath.Separator)) || !strings.EqualFold(filepath.Ext(p), ".css") {
			return false
		}
	}
	return true
}

// serving says what the browsers see after a failed build.
func (b *rebuilder) serving() string {
	switch {
	case b.h == nil && b.built:
		return "the output folder keeps the last good build"
	case b.h == nil:
		return "the output folder was not changed"
	case b.built:
		return "serving the last good build"
	}
	return "pages show the errors until they are fixed"
}

// cause names what changed, relative to the site folder.
func (b *rebuilder) cause(changed []string) string {
	if len(changed) == 0 {
		return ""
	}
	name := changed[0]
	if abs, err := filepath.Abs(b.site); err == nil {
		if rel, err := filepath.Rel(abs, name); err == nil {
			name = filepath.ToSlash(rel)
		}
	}
	if len(changed) > 1 {
		return fmt.Sprintf(" (%s and %s more)", name, count(len(changed)-1))
	}
	return " (" + name + ")"
}

// checkPaths warns when config.toml moved the content folder, which the
// watcher does not follow.
func (b *rebuilder) checkPaths(changed []string) {
	if !slices.ContainsFunc(changed, func(p string) bool { return filepath.Base(p) == config.FileName }) {
		return
	}
	cfg, diags := config.Load(b.site)
	if diags.HasErrors() {
		return
	}
	if now := watch.SitePaths(b.site, cfg); !slices.Equal(now, b.paths) {
		fmt.Fprintf(b.stderr, "cxatlas %s: the content folder is now %s; restart cxatlas %s to watch it\n", b.cmd, now[1], b.cmd)
	}
}

// count writes n with a comma between thousands, as 10,144.
func count(n int) string {
	s := fmt.Sprint(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		s = "-" + s
	}
	return s
}

// duration writes how long a build took: whole milliseconds under a
// second, as 23 ms, and seconds with two decimals above, as 3.85 s.
func duration(d time.Duration) string {
	if d < time.Second {
		return fmt.Sprintf("%d ms", d.Milliseconds())
	}
	return fmt.Sprintf("%.2f s", d.Seconds())
}

// newWatcher starts watching the site for cmd, outside the output folder
// out, by polling every poll when it is positive.
func newWatcher(cmd string, paths []string, out string, poll time.Duration, stderr io.Writer) (*watch.Watcher, error) {
	w, err := watch.New(watch.Options{
		Paths:   paths,
		Ignore:  func(p string) bool { return p == out || strings.HasPrefix(p, out+string(filepath.Separator)) },
		OnError: func(err error) { fmt.Fprintf(stderr, "cxatlas %s: %v\n", cmd, err) },
		Poll:    poll,
	})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", cmd, err)
	}
	return w, nil
}

// lockedWriter lets goroutines share a writer, one line at a time.
type lockedWriter struct {
	mu *sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
