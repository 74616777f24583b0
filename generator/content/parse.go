package content

import (
	"path"
	"strings"

	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/diag"
)

// Parse reads src, the text of the content file at file (its path relative
// to the site folder, with forward slashes, inside cfg's content folder),
// the way Load reads it from disk: a revision of a file from history reads
// into the same documents as the file on disk. It returns a *HomeDoc,
// *StageDoc, *TouchpointDoc or *PersonaDoc, or nil when the file cannot be
// read (the list says why) or is not content. With a nil md the Markdown
// body is not rendered: Body and Links stay empty, which is all a
// comparison of revisions needs, at a fraction of the time.
func Parse(file string, src []byte, cfg *config.Config, md *Markdown) (any, diag.List) {
	name, ok := strings.CutPrefix(file, strings.TrimSuffix(path.Clean(cfg.ContentDir), "/")+"/")
	if !ok || !strings.HasSuffix(name, ".md") {
		return nil, nil
	}
	section, ok := sectionOf(name)
	if !ok {
		return nil, nil
	}
	var out loaded
	if int64(len(src)) > cfg.MaxFileSize {
		out.diags.Errorf(file, diag.Pos{}, "file is %s, over the limit of %s", size(int64(len(src))), size(cfg.MaxFileSize))
		return nil, out.diags
	}
	text, err := normalize(src)
	if err != nil {
		out.diags.Errorf(file, diag.Pos{}, "%v", err)
		return nil, out.diags
	}
	out = parseDoc(file, section, text, cfg, md, new(scratch))
	return out.doc, out.diags
}
