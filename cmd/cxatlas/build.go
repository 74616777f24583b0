package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/cxatlas/cxatlas/generator/build"
	"github.com/cxatlas/cxatlas/generator/diag"
)

func cmdBuild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("build", "build [-s SITE_DIR] [-d OUT_DIR] [-v] [-q] [-watch [-poll DURATION]]", stderr)
	site := siteFlag(fs)
	out := fs.String("d", "", "output `directory` (default: publishDir of config.toml, relative to the site)")
	verbose := fs.Bool("v", false, "print the time each step takes")
	quiet := fs.Bool("q", false, "print errors only")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the build to `file`")
	memProfile := fs.String("memprofile", "", "write a heap profile at the end of the build to `file`")
	watching := fs.Bool("watch", false, "build again on every change of the site until Ctrl+C")
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
	opts := build.Options{SiteDir: *site, OutDir: *out, Now: now, CacheDir: cacheDir()}
	if *verbose {
		opts.Logger = slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	if *watching {
		return buildWatch(ctx, opts, *poll, stdout, stderr)
	}
	stop, err := startProfiles(*cpuProfile, *memProfile)
	if err != nil {
		return err
	}
	start := time.Now()
	res, err := build.Build(opts)
	if perr := stop(); perr != nil && err == nil {
		err = perr
	}
	report(stderr, res.Diags, *quiet)
	if errors.Is(err, build.ErrContent) {
		e, _ := res.Diags.Count()
		fmt.Fprintf(stderr, "build failed: %s; the output folder was not changed\n", plural(e, "error"))
		return errContent
	}
	if err != nil {
		return err
	}
	if !*quiet {
		r := res.Report
		fmt.Fprintf(stdout, "built %s in %s: %d written, %d unchanged, %d removed, in %s\n",
			plural(len(res.Pages), "page"), time.Since(start).Round(time.Millisecond), r.Written, r.Unchanged, r.Removed, res.OutDir)
	}
	return nil
}

// maxWarnings is how many warnings build prints; check prints them all.
const maxWarnings = 50

// report prints diagnostics as text: every error, and the first
// maxWarnings warnings unless quiet.
func report(w io.Writer, l diag.List, quiet bool) {
	warnings := 0
	for _, d := range l {
		if d.Severity == diag.Warning {
			warnings++
			if quiet || warnings > maxWarnings {
				continue
			}
		}
		fmt.Fprintln(w, d.String())
	}
	if !quiet && warnings > maxWarnings {
		fmt.Fprintf(w, "... and %d more warnings: run cxatlas check to see them all\n", warnings-maxWarnings)
	}
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
