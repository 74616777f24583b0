package history

import (
	"maps"
	"slices"

	"github.com/cxatlas/cxatlas/generator/content"
	"github.com/cxatlas/cxatlas/generator/diag"
)

// Edited returns the history of the content after the files of docs (the
// documents of personas, stages and touchpoints) were edited on disk, from
// h, which Read gave before the edit, with set the content after it. Git
// holds the same commits, so only what compares the content on disk with
// them is worked out again: the baselines of the edited maps, and the
// warnings about maps changed after their review. It reports false when
// that is not enough and Read must read the history again: h was read
// without the content, a file is new, the changes name a file by a title
// it no longer has, or a map's review date, which picks its baseline,
// changed.
func (h *History) Edited(set *content.Set, docs []any) (*History, diag.List, bool) {
	if h.titles == nil || h.reviewed == nil {
		return nil, nil, false
	}
	e := *h
	cloned := false
	for _, d := range docs {
		meta := metaOf(d)
		if meta == nil {
			return nil, nil, false
		}
		if title, ok := h.titles[meta.Path]; !ok || (title != meta.Title && h.namesByTitle(meta.Path)) {
			return nil, nil, false
		}
		p, ok := d.(*content.PersonaDoc)
		if !ok {
			continue
		}
		if !h.reviewed[p.Path].Equal(p.Reviewed) {
			return nil, nil, false
		}
		b := h.Baselines[p.ID]
		if b == nil {
			continue // the map had no baseline, and the same review date gives none
		}
		if !cloned {
			e.Baselines, cloned = maps.Clone(h.Baselines), true
		}
		nb := *b
		nb.compare(p)
		e.Baselines[p.ID] = &nb
	}
	var diags diag.List
	if set != nil {
		diags = append(slices.Clone(h.warned), e.unreviewed(set, h.staleDays)...)
	}
	return &e, diags, true
}

// namesByTitle reports whether the changes name the file at path by its
// title on disk: those of the commits that added it.
func (h *History) namesByTitle(path string) bool {
	for _, c := range h.Changes {
		for _, e := range c.Entities {
			if e.Path == path && e.Added {
				return true
			}
		}
	}
	return false
}
