package main

import (
	"fmt"
	"io"

	"github.com/cxatlas/cxatlas/generator/build"
	"github.com/cxatlas/cxatlas/generator/diag"
)

func cmdCheck(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("check", "check [-s SITE_DIR] [-format text|github|json] [-strict]", stderr)
	site := siteFlag(fs)
	format := fs.String("format", "text", "output `format`: text, github (workflow annotations) or json")
	strict := fs.Bool("strict", false, "fail on warnings too")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs, stderr); err != nil {
		return err
	}
	switch *format {
	case "text", "github", "json":
	default:
		fmt.Fprintf(stderr, "cxatlas check: unknown format %q (want text, github or json)\n", *format)
		return errUsage
	}
	now, err := buildTime()
	if err != nil {
		return err
	}
	res, err := build.Check(build.Options{SiteDir: *site, Now: now})
	if err != nil {
		return err
	}
	if err := diag.Write(stdout, *format, res.Diags); err != nil {
		return err
	}
	errs, warns := res.Diags.Count()
	if *format == "text" {
		fmt.Fprintf(stderr, "%s, %s\n", plural(errs, "error"), plural(warns, "warning"))
	}
	if errs > 0 || (*strict && warns > 0) {
		return errContent
	}
	return nil
}
