package site

import (
	"slices"

	"github.com/cxatlas/cxatlas/generator/content"
	"github.com/cxatlas/cxatlas/generator/diag"
)

// warnings reports content that builds but is likely a mistake or out of
// date.
func (l *linker) warnings() {
	// A persona file that could not be read may well use the stages and
	// touchpoints that look unused: saying so would only bury its error.
	personaBroken := len(l.set.Broken[content.SectionPersonas]) > 0
	for _, tp := range l.s.Touchpoints {
		if len(tp.Personas) == 0 && !personaBroken {
			l.diags.Warnf(tp.Source.Path, diag.Pos{Line: 1, Col: 1}, "touchpoint %q is not used by any persona's steps", tp.ID).Hint =
				"list it in a step's touchpoints, or remove the file"
		}
	}
	for _, st := range l.s.Stages {
		if len(st.Steps) == 0 && !personaBroken {
			l.diags.Warnf(st.Source.Path, diag.Pos{Line: 1, Col: 1}, "stage %q has no steps in any persona's journey", st.ID)
		}
	}
	staleAfter := l.cfg.StaleAfter
	// Make room at once for what the personas add: at most one warning
	// each about its review, and those about its steps.
	n := len(l.s.Personas)
	for _, link := range l.links {
		n += len(link.warns)
	}
	l.diags = slices.Grow(l.diags, n)
	for _, p := range l.s.Personas {
		switch {
		case p.Reviewed.IsZero() && l.links[p].doc.ReviewedPos.Line > 0:
			// reviewed is written but is not a date: that is an error already.
			p.Stale = true
		case p.Reviewed.IsZero():
			p.Stale = true
			l.diags.Warnf(p.Source.Path, diag.Pos{Line: 1, Col: 1}, "persona %q has no reviewed date", p.ID).Hint =
				"add reviewed = YYYY-MM-DD with the date of the last review"
		case stale(p.Reviewed, l.s.Built, staleAfter):
			p.Stale = true
			days := int(l.s.Built.Sub(p.Reviewed).Hours() / 24)
			l.diags.Warnf(p.Source.Path, l.reviewedPos(p), "persona %q was last reviewed %s, %d days ago (more than %d)",
				p.ID, p.Reviewed.Format("2006-01-02"), days, staleAfter).Hint = "review the map with its team and update reviewed"
		}
		// The warnings about steps were made while linking the persona.
		l.diags.Append(l.links[p].warns)
	}
}

func (l *linker) reviewedPos(p *Persona) diag.Pos {
	if d := l.links[p].doc; d.ReviewedPos.Line > 0 {
		return d.ReviewedPos
	}
	return diag.Pos{Line: 1, Col: 1}
}
