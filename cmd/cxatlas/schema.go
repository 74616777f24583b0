package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/schema"
)

func cmdSchema(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("schema", "schema [-s SITE_DIR] [-o DIR]", stderr)
	site := siteFlag(fs)
	out := fs.String("o", "", "`directory` to write the schemas to (default SITE_DIR/schema)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs, stderr); err != nil {
		return err
	}
	if st, err := os.Stat(*site); err != nil || !st.IsDir() {
		fmt.Fprintf(stderr, "cxatlas schema: no site folder %q; name one with -s\n", *site)
		return errUsage
	}
	cfg, diags := config.Load(*site)
	if diags.HasErrors() {
		report(stderr, diags, true)
		return errContent
	}
	dir := *out
	if dir == "" {
		dir = filepath.Join(*site, "schema")
	}
	files, err := schema.Generate(cfg.Emotion)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, f := range files {
		p := filepath.Join(dir, f.Name)
		if err := writeFileAtomic(p, f.Data); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote %s\n", p)
	}
	return nil
}

// writeFileAtomic replaces the file at p with data, through a temporary
// file beside it, so that p holds the old bytes or the new, never a part.
func writeFileAtomic(p string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(p), "."+filepath.Base(p)+".*.tmp")
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), p)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write %s: %w", p, err)
	}
	return nil
}
