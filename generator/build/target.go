package build

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/diag"
	"github.com/cxatlas/cxatlas/generator/publish"
	"github.com/cxatlas/cxatlas/generator/render"
)

// target returns the absolute publish folder and the options of the write
// into it. OutDir, a folder named on the command line, may lie anywhere
// the publish guard allows; publishDir of config.toml must lie inside the
// site folder. An absolute publishDir is taken as it is.
func (r *run) target(opts Options) (string, publish.Options, error) {
	popts := publish.Options{
		// Twice as many workers as cores keep the CPUs busy while others
		// wait on the file system.
		Workers:   2 * runtime.GOMAXPROCS(0),
		Protected: []string{opts.SiteDir, filepath.Join(opts.SiteDir, filepath.FromSlash(r.cfg.ContentDir))},
		Marker:    true,
		Minifier:  r.minifier,
	}
	out := opts.OutDir
	if out == "" {
		out = filepath.FromSlash(r.cfg.PublishDir)
		if !filepath.IsAbs(out) {
			out = filepath.Join(opts.SiteDir, out)
		}
		popts.Inside = opts.SiteDir
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		return "", popts, err
	}
	popts.Record = recordPath(opts.CacheDir, abs)
	return abs, popts, nil
}

// files lists what the build writes. Pages are rendered by the publish
// workers, one at a time each, as they are staged: only the pages in
// flight are held in memory.
func (r *run) files(renderer *render.Renderer) []publish.File {
	files := make([]publish.File, 0, len(r.res.Pages)+len(r.static)+len(r.res.Index))
	for _, p := range r.res.Pages {
		files = append(files, r.file(renderer, p))
	}
	for _, f := range r.static {
		files = append(files, publish.File{Path: f.Path, Data: f.Data})
	}
	for _, f := range r.res.Index {
		files = append(files, publish.File{Path: f.Path, Data: f.Data})
	}
	return files
}

// file is the file of page p, rendered when the publish step stages it.
func (r *run) file(renderer *render.Renderer, p render.Page) publish.File {
	s := r.res.Site
	if p.Type == render.DataFile {
		// data.json is written compact and runs to tens of megabytes on a
		// large portal: it goes to disk as it is made.
		return publish.File{Path: p.Path, Stream: func(w io.Writer) error {
			return renderer.Render(w, s, p)
		}}
	}
	// HTML pages come from minified templates and the pain filter files
	// are written compact; the other files (sitemap.xml) and the theme's
	// are minified here.
	minified := strings.HasSuffix(p.Path, ".html") || p.Compact()
	return publish.File{Path: p.Path, Minified: minified, Render: func(w *bytes.Buffer) error {
		return renderer.Render(w, s, p)
	}}
}

// checkTarget reports, as an error of config.toml at publishDir, a publish
// folder that a build would refuse. It reads the folder and writes
// nothing.
func (r *run) checkTarget(opts Options, renderer *render.Renderer) {
	abs, popts, err := r.target(opts)
	if err == nil {
		_, err = publish.Guard(abs, r.files(renderer), popts)
	}
	if err == nil {
		return
	}
	name, pos := r.cfg.PublishDir, r.cfg.PublishDirAt
	if opts.OutDir != "" {
		name, pos = opts.OutDir, diag.Pos{}
	}
	text := err.Error()
	var de *publish.DirError
	if errors.As(err, &de) {
		text = fmt.Sprintf("publish folder %q is refused: %s; %s", name, de.Reason, de.Advice)
	}
	r.res.Diags.Errorf(config.FileName, pos, "%s", text)
	r.res.Diags = r.res.Diags.Sort()
}
