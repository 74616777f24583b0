package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
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

func cmdServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", "serve [-s SITE_DIR] [-addr HOST:PORT] [-d OUT_DIR]", stderr)
	site := siteFlag(fs)
	addr := fs.String("addr", "127.0.0.1:1313", "`address` to listen on; port 0 picks a free port")
	out := fs.String("d", "", "output `directory` (default: a temporary folder, removed on exit)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs, stderr); err != nil {
		return err
	}
	now, err := buildTime()
	if err != nil {
		return err
	}
	if info, err := os.Stat(*site); err != nil || !info.IsDir() {
		fmt.Fprintf(stderr, "cxatlas serve: %s is not a site folder\n", *site)
		return errUsage
	}
	// The build's lines and the watcher's errors come from other goroutines.
	var mu sync.Mutex
	stdout, stderr = &lockedWriter{mu: &mu, w: stdout}, &lockedWriter{mu: &mu, w: stderr}

	dir := *out
	if dir == "" {
		tmp, err := os.MkdirTemp("", "cxatlas-serve-")
		if err != nil {
			return fmt.Errorf("serve: %w", err)
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	dir, err = filepath.Abs(dir)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	cfg, _ := config.Load(*site) // its errors are the build's to report
	paths := watch.SitePaths(*site, cfg)
	h := server.New(dir)
	defer h.Close()
	b := &rebuilder{
		opts: build.Options{SiteDir: *site, OutDir: dir, Now: now}, site: *site, paths: paths,
		h: h, stdout: stdout, stderr: stderr,
	}
	if *out != "" {
		// A temporary folder is gone at the end; only a lasting one is worth
		// a record in the cache.
		b.opts.CacheDir = cacheDir()
	}
	// Watch before the first build, so that no edit made during it is lost.
	w, err := watch.New(watch.Options{
		Paths:   paths,
		Ignore:  func(p string) bool { return p == dir || strings.HasPrefix(p, dir+string(filepath.Separator)) },
		OnError: func(err error) { fmt.Fprintf(stderr, "cxatlas serve: %v\n", err) },
	})
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	defer w.Close()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	b.build(ctx, nil)
	if errors.Is(b.err, publish.ErrUnsafeDir) {
		ln.Close()
		return errUsage
	}
	return serveUntilDone(ctx, ln, server.GuardHosts(h, ln.Addr(), addrName(*addr)...), h, w, b.build, stdout)
}

// addrName returns the host name of the -addr flag, if it names one
// rather than an address, for the server to answer to.
func addrName(addr string) []string {
	host, _, err := net.SplitHostPort(addr)
	if err != nil || host == "" || net.ParseIP(host) != nil {
		return nil
	}
	return []string{host}
}

// serveUntilDone serves guarded, which passes requests on to h, on ln and
// runs the watcher until ctx is done or either stops by itself.
func serveUntilDone(ctx context.Context, ln net.Listener, guarded http.Handler, h *server.Handler, w *watch.Watcher, step watch.Step, stdout io.Writer) error {
	srv := &http.Server{Handler: guarded, ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	fmt.Fprintf(stdout, "serving %s; press Ctrl+C to stop\n", pageURL(ln.Addr()))

	wctx, stop := context.WithCancel(ctx)
	defer stop()
	watched := make(chan error, 1)
	go func() { watched <- w.Run(wctx, step) }()
	var err error
	select {
	case err = <-watched:
	case err = <-served:
		stop()
		<-watched
	}
	h.Close() // ends the browsers' event streams, which Shutdown would wait for
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if serr := srv.Shutdown(sctx); err == nil {
		err = serr
	}
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// pageURL is the address of the portal, for the writer to open.
func pageURL(addr net.Addr) string {
	host, port, err := net.SplitHostPort(addr.String())
	if err != nil {
		return "http://" + addr.String() + "/"
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port) + "/"
}

// rebuilder is the step run after each change: for now it rebuilds the
// whole portal, whatever changed.
type rebuilder struct {
	opts           build.Options
	site           string
	paths          []string // what the watcher follows
	h              *server.Handler
	stdout, stderr io.Writer
	built          bool  // a build has succeeded
	failing        bool  // the last build failed
	err            error // what the last build returned
}

// build builds the portal, prints one line about it, and tells the
// browsers. changed is nil for the first build.
func (b *rebuilder) build(_ context.Context, changed []string) {
	start := time.Now()
	res, err := build.Build(b.opts)
	b.err = err
	took := time.Since(start).Round(time.Millisecond)
	verb := "rebuilt"
	if changed == nil {
		verb = "built"
	}
	if res != nil && res.Messages != nil {
		b.h.SetMessages(res.Messages)
	}
	if res != nil {
		// Warnings are printed once, with the first build.
		report(b.stderr, res.Diags, changed != nil || err != nil)
	}
	switch {
	case errors.Is(err, publish.ErrUnsafeDir) && changed == nil:
		// Nothing will ever be written: cmdServe stops.
		fmt.Fprintf(b.stderr, "cxatlas serve: %v\n", err)
		return
	case errors.Is(err, build.ErrContent):
		var problems []string
		for _, d := range res.Diags {
			if d.Severity == diag.Error {
				problems = append(problems, d.Location()+": "+d.Text())
			}
		}
		fmt.Fprintf(b.stderr, "build failed in %s: %s%s; %s\n", took, plural(len(problems), "error"), b.cause(changed), b.serving())
		b.h.ShowErrors(problems)
		b.failing = true
	case err != nil:
		fmt.Fprintf(b.stderr, "build failed in %s: %v%s; %s\n", took, err, b.cause(changed), b.serving())
		b.h.ShowErrors([]string{err.Error()})
		b.failing = true
	default:
		r := res.Report
		fmt.Fprintf(b.stdout, "%s %s in %s: %d written, %d unchanged, %d removed%s\n",
			verb, plural(len(res.Pages), "page"), took, r.Written, r.Unchanged, r.Removed, b.cause(changed))
		// A save that changed no page needs no reload, unless errors are shown.
		if b.failing || r.Written+r.Removed > 0 {
			b.h.Reload()
		}
		b.built, b.failing = true, false
	}
	b.checkPaths(changed)
}

// serving says what the browsers see after a failed build.
func (b *rebuilder) serving() string {
	if b.built {
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
		return fmt.Sprintf(" (%s and %d more)", name, len(changed)-1)
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
		fmt.Fprintf(b.stderr, "cxatlas serve: the content folder is now %s; restart cxatlas serve to watch it\n", now[1])
	}
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
