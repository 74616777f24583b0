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
	fs := newFlags("new", "new persona|stage|touchpoint ID [-s SITE_DIR]\n       cxatlas new site DIR [-lang en|ru]", stderr)
	site := siteFlag(fs)
	lang := fs.String("lang", "en", "`language` of a new site: en or ru")
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
		fmt.Fprintf(stderr, "cxatlas new: want a kind (%s) and an id, or site and a folder\n", strings.Join(scaffold.Kinds(), ", "))
		fs.Usage()
		return errUsage
	}
	today, err := today()
	if err != nil {
		fmt.Fprintf(stderr, "cxatlas new: %v\n", err)
		return errUsage
	}
	if pos[0] == "site" {
		return newSite(pos[1], *lang, today, stdout, stderr)
	}
	cfg, diags := config.Load(*site)
	if diags.HasErrors() {
		report(stderr, diags, true)
		return errContent
	}
	p, err := scaffold.New(filepath.Join(*site, filepath.FromSlash(cfg.ContentDir)), pos[0], pos[1], cfg.Language, today)
	if err != nil {
		fmt.Fprintf(stderr, "cxatlas new: %v\n", err)
		return errUsage
	}
	fmt.Fprintf(stdout, "created %s\n", p)
	return nil
}

// today is the review date of a new persona: today, or the day builds
// are judged against when SOURCE_DATE_EPOCH sets one.
func today() (time.Time, error) {
	t, err := buildTime()
	if err != nil || !t.IsZero() {
		return t, err
	}
	return time.Now(), nil
}

// newSite starts a portal in dir.
func newSite(dir, lang string, today time.Time, stdout, stderr io.Writer) error {
	files, err := scaffold.NewSite(dir, lang, today)
	if err != nil {
		fmt.Fprintf(stderr, "cxatlas new site: %v\n", err)
		return errUsage
	}
	for _, f := range files {
		fmt.Fprintf(stdout, "created %s\n", filepath.Join(dir, filepath.FromSlash(f)))
	}
	fmt.Fprintf(stdout, "build it with: cxatlas build -s %s\n", dir)
	return nil
}
