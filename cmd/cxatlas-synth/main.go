// Command cxatlas-synth writes synthetic customer-journey portals for
// benchmarks, and times the bare Markdown conversion of a portal's bodies.
//
// Usage:
//
//	cxatlas-synth -size small|medium|large -o DIR [-seed N] [-hugo]
//	cxatlas-synth floor CONTENT_DIR
//
// The first form writes a portal in the content format to DIR (or, with
// -hugo, the same content as a Hugo site with a minimal theme). The second
// converts the body of every .md file under CONTENT_DIR with goldmark on all
// cores and prints how many files and bytes it converted.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/cxatlas/cxatlas/generator/synth"
)

// errUsage marks a mistake on the command line: exit status 2.
var errUsage = errors.New("usage")

func main() {
	err := run(os.Args[1:], os.Stdout, os.Stderr)
	switch {
	case errors.Is(err, flag.ErrHelp):
	case errors.Is(err, errUsage):
		os.Exit(2)
	case err != nil:
		fmt.Fprintln(os.Stderr, "cxatlas-synth:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 && args[0] == "floor" {
		return floor(args[1:], stdout, stderr)
	}
	if len(args) > 0 && args[0] == "hostile" {
		return hostile(args[1:], stdout, stderr)
	}
	fs := flag.NewFlagSet("cxatlas-synth", flag.ContinueOnError)
	fs.SetOutput(stderr)
	size := fs.String("size", "", "portal size: "+strings.Join(synth.PresetNames(), ", "))
	out := fs.String("o", "", "directory to write the portal to")
	seed := fs.Uint64("seed", 1, "seed: the same seed gives the same files")
	hugo := fs.Bool("hugo", false, "write the same content as a Hugo site with a minimal theme")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: cxatlas-synth -size small|medium|large -o DIR [-seed N] [-hugo]")
		fmt.Fprintln(stderr, "       cxatlas-synth floor CONTENT_DIR")
		fmt.Fprintln(stderr, "       cxatlas-synth hostile -o DIR [-bytes N] [SHAPE...]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	spec, err := synth.Preset(*size)
	if *size == "" || *out == "" || fs.NArg() > 0 || err != nil {
		if err != nil && *size != "" {
			fmt.Fprintln(stderr, "cxatlas-synth:", err)
		}
		fs.Usage()
		return errUsage
	}
	spec.Seed = *seed
	generate := synth.Generate
	if *hugo {
		generate = synth.GenerateHugo
	}
	start := time.Now()
	if err := generate(*out, spec); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %d content files to %s in %.2fs\n", spec.Files(), *out, time.Since(start).Seconds())
	return nil
}

func floor(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("cxatlas-synth floor", flag.ContinueOnError)
	fs.SetOutput(stderr)
	frontMatter := fs.Bool("frontmatter", false, "also decode every file's front matter (TOML or YAML) into generic maps")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: cxatlas-synth floor [-frontmatter] CONTENT_DIR")
		fmt.Fprintln(stderr, "converts every Markdown body under CONTENT_DIR with bare goldmark on all cores")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	floor := synth.Floor
	if *frontMatter {
		floor = synth.ParseFloor
	}
	res, err := floor(fs.Arg(0))
	if err != nil {
		return err
	}
	if *frontMatter {
		fmt.Fprintf(stdout, "decoded %d bytes of front matter and converted %d bytes of Markdown into %d bytes of HTML, in %d files\n",
			res.FrontMatter, res.Bytes, res.HTML, res.Files)
	} else {
		fmt.Fprintf(stdout, "converted %d files, %d bytes of Markdown into %d bytes of HTML\n", res.Files, res.Bytes, res.HTML)
	}
	return nil
}

func hostile(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("cxatlas-synth hostile", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "", "directory to write the sites to, one per shape")
	size := fs.Int("bytes", 5<<20, "size of each hostile file")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: cxatlas-synth hostile -o DIR [-bytes N] [SHAPE...]")
		fmt.Fprintln(stderr, "writes a site per shape whose one persona is the worst file of that shape:")
		fmt.Fprintln(stderr, "  "+strings.Join(synth.HostileShapes(), " "))
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	if *out == "" || *size < 128 {
		fs.Usage()
		return errUsage
	}
	shapes := fs.Args()
	if len(shapes) == 0 {
		shapes = synth.HostileShapes()
	}
	if err := synth.Hostile(*out, *size, shapes); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %d sites to %s\n", len(shapes), *out)
	return nil
}
