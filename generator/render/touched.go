package render

import (
	"slices"
	"strconv"
	"strings"

	"github.com/cxatlas/cxatlas/generator/site"
)

// Touched is the set of entities a change touches, for Renderer.Touches,
// with the kinds of entity it holds, so that Touches looks only for those.
type Touched struct {
	refs  map[site.Ref]bool
	kinds kindSet
}

// TouchedOf returns the set of refs.
func TouchedOf(refs ...site.Ref) Touched {
	t := Touched{refs: map[site.Ref]bool{}}
	for _, r := range refs {
		t.add(r)
	}
	return t
}

// add puts ref in the set.
func (t *Touched) add(ref site.Ref) {
	t.refs[ref] = true
	switch ref.Kind {
	case site.KindPersona:
		t.kinds |= hasPersona
	case site.KindStage:
		t.kinds |= hasStage
	case site.KindTouchpoint:
		t.kinds |= hasTouchpoint
	case site.KindPain:
		t.kinds |= hasPain
	}
}

// Touched lists what a change to the files of the entities in changed
// touches, going from site before to site after: those entities; for a
// persona, the pains it mentions in either site whose face (what the
// pages of other entities show of a pain: see painFace) differs between
// the sites; every stage when the order of the stages differs; and every
// pain whose row in the pain-point index is not at the same place in both
// sites, or is in one only (pages link to the row). A page that does not
// set All and whose Shows, in either site, name nothing of this set comes
// out of both sites byte for byte the same.
func (r *Renderer) Touched(before, after *site.Site, changed []site.Ref) Touched {
	t := TouchedOf()
	db, da := r.derive(before), r.derive(after)
	for _, ref := range changed {
		t.add(ref)
		if ref.Kind != site.KindPersona {
			continue
		}
		for _, s := range []*site.Site{before, after} {
			p := s.Persona(ref.ID)
			if p == nil {
				continue
			}
			for _, st := range p.Steps {
				for _, m := range st.Pains {
					pr := painRef(m.Pain)
					if !t.refs[pr] && painFace(db, db.painByKey[pr.ID]) != painFace(da, da.painByKey[pr.ID]) {
						t.add(pr)
					}
				}
			}
		}
	}
	if was, is := stageIDs(before.Stages), stageIDs(after.Stages); !slices.Equal(was, is) {
		for _, id := range is {
			t.add(site.Ref{Kind: site.KindStage, ID: id})
		}
	}
	if samePainOrder(before, after) {
		// Every row of the index is where it was.
		return t
	}
	was, is := r.painPlaces(before), r.painPlaces(after)
	for key, ref := range is {
		if was[key] != ref {
			t.add(site.Ref{Kind: site.KindPain, ID: key})
		}
	}
	for key := range was {
		if _, ok := is[key]; !ok {
			t.add(site.Ref{Kind: site.KindPain, ID: key})
		}
	}
	return t
}

// painFace is what the pages of other entities than its personas show of
// pain p: its key, id, text and severity, its link, whether it has a page
// of its own, and its mentions (persona and step), stages, touchpoints and
// owners with their titles; "" when p is nil. The page of a persona shows
// its own mentions, which a change to the persona touches anyway.
func painFace(d *derived, p *site.Pain) string {
	if p == nil {
		return ""
	}
	var b strings.Builder
	field := func(s string) {
		b.WriteString(strconv.Itoa(len(s)))
		b.WriteByte(':')
		b.WriteString(s)
	}
	field(p.Key)
	field(p.ID)
	field(p.Text)
	field(p.Severity.String())
	field(d.painRef(p))
	field(strconv.FormatBool(d.painPaged(p)))
	field(strconv.Itoa(len(p.Personas)))
	for _, m := range p.Mentions {
		if m.Step != nil {
			field(m.Step.Persona.ID)
			field(m.Step.Persona.Title)
			field(strconv.Itoa(m.Step.Index))
			field(m.Step.Anchor)
		}
	}
	b.WriteByte('|')
	for _, st := range p.Stages {
		field(st.ID)
		field(st.Title)
	}
	b.WriteByte('|')
	for _, tp := range p.Touchpoints {
		field(tp.ID)
		field(tp.Title)
	}
	b.WriteByte('|')
	for _, o := range p.Owners {
		field(o)
	}
	return b.String()
}

// samePainOrder reports whether two sites list the same pains, by key,
// in the same order: then each row of the pain-point index is at the same
// place in both.
func samePainOrder(a, b *site.Site) bool {
	if len(a.Pains) != len(b.Pains) {
		return false
	}
	for i, p := range a.Pains {
		if b.Pains[i].Key != p.Key {
			return false
		}
	}
	return true
}

// painPlaces maps the key of each pain of s to the link of its row in the
// pain-point index.
func (r *Renderer) painPlaces(s *site.Site) map[string]string {
	refs := r.derive(s).painRefs
	m := make(map[string]string, len(refs))
	for p, ref := range refs {
		m[p.Key] = ref
	}
	return m
}

// Touches reports whether page p of s shows anything in t: whether
// Renderer.Shows(s, p) names an entity of t. It is what a rebuild asks of
// every page, so it looks without building the list, and only for the
// kinds of entity t holds.
func (r *Renderer) Touches(s *site.Site, p Page, t Touched) bool {
	k := t.kinds
	switch p.Type {
	case HomePage:
		return t.refs[site.Ref{Kind: site.KindHome}]
	case PersonaPage, PersonaCSV, PersonaSVG:
		if per := s.Persona(p.ID); per != nil {
			return personaTouches(s, per, t, k)
		}
	case StagePage:
		if st := s.Stage(p.ID); st != nil {
			return stageTouches(s, st, t, k)
		}
	case TouchpointPage:
		if tp := s.Touchpoint(p.ID); tp != nil {
			return touchpointTouches(tp, t, k)
		}
	}
	return false
}

// kindSet holds kinds of entity, one bit each.
type kindSet uint8

const (
	hasPersona kindSet = 1 << iota
	hasStage
	hasTouchpoint
	hasPain
)

// personaTouches is Touches for the page of persona p; see personaShows.
func personaTouches(s *site.Site, p *site.Persona, t Touched, k kindSet) bool {
	if k&hasPersona != 0 && t.refs[site.Ref{Kind: site.KindPersona, ID: p.ID}] {
		return true
	}
	if k&hasStage != 0 {
		// The map lists every stage of the portal.
		for _, st := range s.Stages {
			if t.refs[site.Ref{Kind: site.KindStage, ID: st.ID}] {
				return true
			}
		}
	}
	if k&(hasTouchpoint|hasPain) == 0 {
		return false
	}
	for _, step := range p.Steps {
		if k&hasTouchpoint != 0 {
			for _, tp := range step.Touchpoints {
				if t.refs[site.Ref{Kind: site.KindTouchpoint, ID: tp.ID}] {
					return true
				}
			}
		}
		if k&hasPain != 0 {
			for _, m := range step.Pains {
				if t.refs[painRef(m.Pain)] {
					return true
				}
			}
		}
	}
	return false
}

// stageTouches is Touches for the pages of stage st; see stageShows.
func stageTouches(s *site.Site, st *site.Stage, t Touched, k kindSet) bool {
	if k&hasStage != 0 {
		for _, i := range []int{st.Index, st.Index - 1, st.Index + 1} {
			if i >= 0 && i < len(s.Stages) && t.refs[site.Ref{Kind: site.KindStage, ID: s.Stages[i].ID}] {
				return true
			}
		}
	}
	if k&hasPersona != 0 {
		for _, r := range st.Rollups {
			if t.refs[site.Ref{Kind: site.KindPersona, ID: r.Persona.ID}] {
				return true
			}
		}
	}
	if k&hasTouchpoint != 0 {
		for _, tp := range st.Touchpoints {
			if t.refs[site.Ref{Kind: site.KindTouchpoint, ID: tp.ID}] {
				return true
			}
		}
	}
	return k&hasPain != 0 && anyPain(st.Pains, t)
}

// touchpointTouches is Touches for the pages of touchpoint tp; see
// touchpointShows.
func touchpointTouches(tp *site.Touchpoint, t Touched, k kindSet) bool {
	if k&hasTouchpoint != 0 && t.refs[site.Ref{Kind: site.KindTouchpoint, ID: tp.ID}] {
		return true
	}
	if k&hasPersona != 0 {
		for _, p := range tp.Personas {
			if t.refs[site.Ref{Kind: site.KindPersona, ID: p.ID}] {
				return true
			}
		}
	}
	if k&hasStage != 0 {
		for _, st := range tp.Stages {
			if t.refs[site.Ref{Kind: site.KindStage, ID: st.ID}] {
				return true
			}
		}
	}
	return k&hasPain != 0 && anyPain(tp.Pains, t)
}

// anyPain reports whether t holds any of pains.
func anyPain(pains []*site.Pain, t Touched) bool {
	for _, p := range pains {
		if t.refs[painRef(p)] {
			return true
		}
	}
	return false
}
