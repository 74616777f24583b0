package build

import (
	"strings"

	"github.com/cxatlas/cxatlas/generator/content"
	"github.com/cxatlas/cxatlas/generator/diag"
	"github.com/cxatlas/cxatlas/generator/render"
)

// checkLinks reports links in Markdown bodies that lead to no page or file
// of the portal.
func (r *run) checkLinks(set *content.Set, static []render.File) {
	exists := make(map[string]bool, len(r.res.Pages)+len(static))
	var dirs []string
	for _, p := range r.res.Pages {
		exists[p.Path] = true
		if dir, ok := strings.CutSuffix(p.Path, "index.html"); ok {
			exists[strings.TrimSuffix(dir, "/")] = true
			dirs = append(dirs, dir)
		}
	}
	for _, f := range static {
		exists[f.Path] = true
	}
	broken := func(target string) bool {
		section, id, _ := strings.Cut(strings.TrimSuffix(target, "/index.html"), "/")
		return set.Broken[content.Section(section)][id]
	}
	check := func(m *content.Meta) {
		for _, l := range m.Links {
			switch {
			case broken(l.Target) || exists[l.Target]:
			case l.Target == ".." || strings.HasPrefix(l.Target, "../"):
				r.res.Diags.Errorf(m.Path, l.Pos, "link leads outside the portal").Hint = "link to pages with a path from the portal root, such as /stages/purchase/"
			default:
				e := r.res.Diags.Errorf(m.Path, l.Pos, "link to %q leads to no page of the portal", "/"+l.Target)
				if c := diag.Closest(l.Target+"/", dirs); c != "" {
					e.Hint = "did you mean \"/" + c + "\"?"
				}
			}
		}
	}
	if set.Home != nil {
		check(&set.Home.Meta)
	}
	for _, d := range set.Personas {
		check(&d.Meta)
	}
	for _, d := range set.Stages {
		check(&d.Meta)
	}
	for _, d := range set.Touchpoints {
		check(&d.Meta)
	}
}
