package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/scaffold"
)

func cmdNew(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("new", "new persona|stage|touchpoint ID [-s SITE_DIR]", stderr)
	site := siteFlag(fs)
	// Accept the flags before or after the kind and id.
	var pos []string
	for len(args) > 0 {
		if err := parse(fs, args); err != nil {
			return err
		}
		args = fs.Args()
		if len(args) > 0 {
			pos = append(pos, args[0])
			args = args[1:]
		}
	}
	if len(pos) != 2 {
		fmt.Fprintf(stderr, "cxatlas new: want a kind (%s) and an id\n", strings.Join(scaffold.Kinds(), ", "))
		fs.Usage()
		return errUsage
	}
	cfg, diags := config.Load(*site)
	if diags.HasErrors() {
		report(stderr, diags, true)
		return errContent
	}
	// The review date of a new persona is today, or the day builds are
	// judged against when SOURCE_DATE_EPOCH sets one.
	today, err := buildTime()
	if err != nil {
		fmt.Fprintf(stderr, "cxatlas new: %v\n", err)
		return errUsage
	}
	if today.IsZero() {
		today = time.Now()
	}
	p, err := scaffold.New(filepath.Join(*site, filepath.FromSlash(cfg.ContentDir)), pos[0], pos[1], cfg.Language, today)
	if err != nil {
		fmt.Fprintf(stderr, "cxatlas new: %v\n", err)
		return errUsage
	}
	fmt.Fprintf(stdout, "created %s\n", p)
	return nil
}
