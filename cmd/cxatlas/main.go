// Command cxatlas builds customer-journey-map portals from Markdown.
//
// Usage:
//
//	cxatlas build [-s SITE_DIR] [-d OUT_DIR] [-watch [-poll DURATION]]
//	cxatlas check [-s SITE_DIR] [-format text|github|json] [-strict]
//	cxatlas serve [-s SITE_DIR] [-addr HOST:PORT] [-d OUT_DIR] [-poll DURATION]
//	cxatlas new persona|stage|touchpoint ID [-s SITE_DIR]
//	cxatlas new site DIR [-lang en|ru]
//	cxatlas import csv [-s SITE_DIR] [-persona ID] [-title T] [-scale MIN..MAX] [-force] FILE
//	cxatlas import mermaid [-s SITE_DIR] [-persona ID] [-title T] [-force] FILE
//	cxatlas schema [-s SITE_DIR] [-o DIR]
//	cxatlas version
//
// Exit status: 0 on success, 1 on content errors, 2 on usage errors.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

const usage = `cxatlas builds customer-journey-map portals from Markdown.

Usage:
  cxatlas build   [-s SITE_DIR] [-d OUT_DIR]     build the portal into publishDir
                  [-watch] [-poll DURATION]      ... and again on every change
  cxatlas check   [-s SITE_DIR] [-format F]      check the content, write nothing
  cxatlas serve   [-s SITE_DIR] [-addr ADDR] [-d OUT_DIR]  serve, rebuild on change
                  [-poll DURATION]
  cxatlas new     persona|stage|touchpoint ID    add a content file from a template
  cxatlas new     site DIR [-lang en|ru]         start a portal in DIR
  cxatlas import  csv [-persona ID] FILE         bring in a journey map saved as CSV
  cxatlas import  mermaid [-persona ID] FILE     bring in a Mermaid journey diagram
  cxatlas schema  [-s SITE_DIR] [-o DIR]         write the JSON Schemas of front matter
  cxatlas version                                print the version

Run "cxatlas COMMAND -h" for the flags of a command.
`

// errUsage marks an error in the command line: exit status 2.
var errUsage = errors.New("usage")

// errContent marks content errors already reported: exit status 1.
var errContent = errors.New("content errors")

func main() {
	ctx, stop := context.Background(), func() {}
	if len(os.Args) > 1 && os.Args[1] == "serve" {
		// serve removes its temporary output folder on each of these
		// signals. build and check keep the default and end at once: the
		// publish journal makes a build killed midway safe, and timeout,
		// docker stop and a cancelled CI job must be able to stop them.
		ctx, stop = signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	}
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run executes one command and returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var err error
	switch cmd, rest := args[0], args[1:]; cmd {
	case "build":
		err = cmdBuild(ctx, rest, stdout, stderr)
	case "check":
		err = cmdCheck(rest, stdout, stderr)
	case "serve":
		err = cmdServe(ctx, rest, stdout, stderr)
	case "new":
		err = cmdNew(rest, stdout, stderr)
	case "import":
		err = cmdImport(rest, stdout, stderr)
	case "schema":
		err = cmdSchema(rest, stdout, stderr)
	case "version":
		err = cmdVersion(rest, stdout, stderr)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "cxatlas: unknown command %q\n\n%s", cmd, usage)
		return 2
	}
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	case errors.Is(err, errContent):
		return 1
	}
	fmt.Fprintf(stderr, "cxatlas: %v\n", err)
	return 1
}

// newFlags returns a flag set that prints its usage to stderr and returns
// errors instead of exiting.
func newFlags(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: cxatlas %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// siteFlag defines -s, the site folder every command works on.
func siteFlag(fs *flag.FlagSet) *string {
	return fs.String("s", ".", "site `directory` holding config.toml and the content folder")
}

// parse parses args, turning flag errors into errUsage.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	return nil
}

// noArgs rejects positional arguments.
func noArgs(fs *flag.FlagSet, stderr io.Writer) error {
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "cxatlas %s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		fs.Usage()
		return errUsage
	}
	return nil
}
