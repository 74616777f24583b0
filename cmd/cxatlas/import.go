package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/importer"
)

func cmdImport(args []string, stdout, stderr io.Writer) error {
	const synopses = "Usage: cxatlas import csv [-s SITE_DIR] [-persona ID] [-title T] [-scale MIN..MAX] [-force] FILE\n" +
		"       cxatlas import mermaid [-s SITE_DIR] [-persona ID] [-title T] [-force] FILE\n\n" +
		"Writes a persona, and the stages and touchpoints the portal lacks, from a\n" +
		"spreadsheet saved as CSV or a Mermaid journey diagram (see docs/import.md).\n" +
		"Run \"cxatlas import csv -h\" for the flags.\n"
	if len(args) > 0 && (args[0] == "-h" || args[0] == "-help" || args[0] == "--help") {
		fmt.Fprint(stdout, synopses)
		return nil
	}
	if len(args) == 0 || (args[0] != "csv" && args[0] != "mermaid") {
		fmt.Fprint(stderr, synopses)
		return errUsage
	}
	kind := args[0]
	synopsis := "import " + kind + " [-s SITE_DIR] [-persona ID] [-title T] [-force] FILE"
	if kind == "csv" {
		synopsis = "import csv [-s SITE_DIR] [-persona ID] [-title T] [-scale MIN..MAX] [-force] FILE"
	}
	fs := newFlags("import "+kind, synopsis, stderr)
	site := siteFlag(fs)
	persona := fs.String("persona", "", "`id` of the persona file to write; made from the title when empty")
	title := fs.String("title", "", "the persona's `title`; the diagram's title or the file name when empty")
	force := fs.Bool("force", false, "replace the persona file if it exists")
	var scale *string
	if kind == "csv" {
		scale = fs.String("scale", "", "the `MIN..MAX` scale the sheet scores emotions on, such as 1..5; guessed when empty")
	}
	var pos []string
	for rest := args[1:]; len(rest) > 0; {
		if err := parse(fs, rest); err != nil {
			return err
		}
		rest = fs.Args()
		if len(rest) > 0 {
			pos, rest = append(pos, rest[0]), rest[1:]
		}
	}
	if len(pos) != 1 {
		fmt.Fprintf(stderr, "cxatlas import %s: want one FILE\n", kind)
		fs.Usage()
		return errUsage
	}
	var from *config.Scale
	if scale != nil && *scale != "" {
		s, err := importer.ParseScale(*scale)
		if err != nil {
			fmt.Fprintf(stderr, "cxatlas import csv: -scale %v\n", err)
			return errUsage
		}
		from = &s
	}
	opts := importer.WriteOptions{SiteDir: *site, PersonaID: *persona, Title: *title, Force: *force,
		Fallback: strings.TrimSuffix(filepath.Base(pos[0]), filepath.Ext(pos[0]))}
	return runImport(kind, pos[0], from, opts, stdout, stderr)
}

// runImport reads file as kind ("csv" or "mermaid") and writes its map
// into the site opts names.
func runImport(kind, file string, from *config.Scale, opts importer.WriteOptions, stdout, stderr io.Writer) error {
	if fi, err := os.Stat(opts.SiteDir); err != nil || !fi.IsDir() {
		fmt.Fprintf(stderr, "cxatlas import: the site folder %s does not exist: start a portal with \"cxatlas new site %s\", or give the site with -s\n", opts.SiteDir, opts.SiteDir)
		return errUsage
	}
	cfg, diags := config.Load(opts.SiteDir)
	if diags.HasErrors() {
		report(stderr, diags, true)
		return errContent
	}
	data, err := readLimited(file)
	if err != nil {
		return err
	}
	var read *importer.Read
	if kind == "csv" {
		read, err = importer.ReadCSV(file, data, importer.CSVOptions{Scale: cfg.Emotion, From: from})
	} else {
		read, err = importer.ReadMermaid(file, data, cfg.Emotion)
	}
	if err != nil {
		return err
	}
	if opts.Today, err = today(); err != nil {
		return err
	}
	opts.Config = cfg
	w, err := importer.Write(read.Journey, opts)
	if err != nil {
		return err
	}
	printImport(stdout, file, read, w)
	return nil
}

// readLimited reads a file, refusing one larger than the importer reads.
func readLimited(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, importer.MaxFileSize+1))
}

// printImport reports what an import read and wrote.
func printImport(out io.Writer, name string, r *importer.Read, w *importer.Written) {
	fmt.Fprintf(out, "read %s: %s\n", name, r.Format)
	verb := "created"
	if w.Replaced {
		verb = "replaced"
	}
	fmt.Fprintf(out, "%s %s\n", verb, w.Persona)
	for _, p := range append(w.Stages, w.Touchpoints...) {
		fmt.Fprintf(out, "created %s\n", p)
	}
	if w.ReusedStages+w.ReusedTouchpoints > 0 {
		fmt.Fprintf(out, "used the portal's own %s and %s\n", plural(w.ReusedStages, "stage"), plural(w.ReusedTouchpoints, "touchpoint"))
	}
	for _, m := range r.Mapping {
		fmt.Fprintln(out, m)
	}
	if len(r.Unplaced) > 0 {
		fmt.Fprintf(out, "not placed (%d):\n", len(r.Unplaced))
		for _, n := range r.Unplaced {
			fmt.Fprintf(out, "  %s: %s\n", name, n)
		}
	}
}
