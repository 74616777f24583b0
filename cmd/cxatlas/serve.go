package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/cxatlas/cxatlas/generator/build"
	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/publish"
	"github.com/cxatlas/cxatlas/generator/server"
	"github.com/cxatlas/cxatlas/generator/watch"
)

func cmdServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", "serve [-s SITE_DIR] [-addr HOST:PORT] [-d OUT_DIR] [-poll DURATION]", stderr)
	site := siteFlag(fs)
	addr := fs.String("addr", "127.0.0.1:1313", "`address` to listen on; port 0 picks a free port")
	out := fs.String("d", "", "output `directory` (default: a temporary folder, removed on exit)")
	poll := pollFlag(fs)
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
	opts := build.Options{SiteDir: *site, OutDir: dir, Now: now}
	if *out != "" {
		// A temporary folder is gone at the end; only a lasting one is worth
		// a record in the cache.
		opts.CacheDir = cacheDir()
	}
	b := newRebuilder("serve", opts, paths, h, stdout, stderr)
	// Watch before the first build, so that no edit made during it is lost.
	w, err := newWatcher("serve", paths, dir, *poll, stderr)
	if err != nil {
		return err
	}
	b.pending = w.Pending
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

// pollFlag defines -poll, the interval of a watch that looks at the files
// rather than waiting for the system's notifications.
func pollFlag(fs *flag.FlagSet) *time.Duration {
	return fs.Duration("poll", 0, "look for changes every `interval` (such as 1s) instead of waiting for the system's file notifications, which do not arrive from network shares and some containers")
}
