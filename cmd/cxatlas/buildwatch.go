package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"sync"
	"syscall"
	"time"

	"github.com/cxatlas/cxatlas/generator/build"
	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/publish"
	"github.com/cxatlas/cxatlas/generator/watch"
)

// buildWatch builds the portal, then again after every change, until ctx
// is done or Ctrl+C: for writers who preview the output folder with a
// server of their own. Each build publishes the whole folder or nothing,
// so the folder always holds a complete portal, the last good one while
// the content has errors.
func buildWatch(ctx context.Context, opts build.Options, poll time.Duration, stdout, stderr io.Writer) error {
	if info, err := os.Stat(opts.SiteDir); err != nil || !info.IsDir() {
		fmt.Fprintf(stderr, "cxatlas build: %s is not a site folder\n", opts.SiteDir)
		return errUsage
	}
	// The first Ctrl+C lets the running build finish and stops; a second
	// one, while that build runs, stops at once.
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	go func() {
		<-ctx.Done()
		stop()
	}()
	var mu sync.Mutex
	stdout, stderr = &lockedWriter{mu: &mu, w: stdout}, &lockedWriter{mu: &mu, w: stderr}

	cfg, _ := config.Load(opts.SiteDir) // its errors are the build's to report
	paths := watch.SitePaths(opts.SiteDir, cfg)
	out, err := outDir(opts, cfg)
	if err != nil {
		return fmt.Errorf("build: %w", err)
	}
	b := newRebuilder("build", opts, paths, nil, stdout, stderr)
	// Watch before the first build, so that no edit made during it is lost.
	w, err := newWatcher("build", paths, out, poll, stderr)
	if err != nil {
		return err
	}
	defer w.Close()
	b.pending = w.Pending
	b.build(ctx, nil)
	if errors.Is(b.err, publish.ErrUnsafeDir) {
		return errUsage
	}
	fmt.Fprintf(stdout, "watching %s for changes, building into %s; press Ctrl+C to stop\n", opts.SiteDir, out)
	if err := w.Run(ctx, b.build); err != nil {
		return fmt.Errorf("build: %w", err)
	}
	return nil
}

// outDir is the absolute folder a build with opts writes to, as the build
// itself resolves it, for the watcher to ignore.
func outDir(opts build.Options, cfg *config.Config) (string, error) {
	out := opts.OutDir
	if out == "" {
		out = filepath.FromSlash(cfg.PublishDir)
		if !filepath.IsAbs(out) {
			out = filepath.Join(opts.SiteDir, out)
		}
	}
	return filepath.Abs(out)
}
