package site

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/cxatlas/cxatlas/generator/content"
	"github.com/cxatlas/cxatlas/generator/diag"
	"github.com/cxatlas/cxatlas/generator/internal/parallel"
)

// personaLink is what linking one persona leaves for the passes after it.
type personaLink struct {
	doc *content.PersonaDoc
	// diags are the errors in the persona's references, in step order.
	diags diag.List
	// warns are the warnings about the persona's steps, in step order.
	warns diag.List
}

// personas links every persona, with its steps, roll-ups and critical
// points. Personas only read the stages and touchpoints, so they are linked
// in parallel; what they report is then gathered in the order of the
// documents, as if they had been linked one after another.
func (l *linker) personas() {
	docs := l.set.Personas
	anchors := stepAnchors(docs)
	ps := make([]*Persona, len(docs))
	links := make([]personaLink, len(docs))
	parallel.For(len(docs), l.workers, 0, func(_, i int) error {
		links[i].doc = docs[i]
		ps[i] = l.persona(docs[i], anchors, &links[i])
		return nil
	})
	l.s.Personas = slices.Grow(l.s.Personas, len(docs))
	l.links = make(map[*Persona]*personaLink, len(docs))
	for i, p := range ps {
		l.diags.Append(links[i].diags)
		l.s.Personas = append(l.s.Personas, p)
		l.s.personaByID[p.ID] = p
		l.links[p] = &links[i]
		l.s.Steps += len(p.Steps)
	}
	// Sort by priority, unset last, then title ignoring case, then id.
	keys := make([]titleKey[*Persona], len(l.s.Personas))
	for i, p := range l.s.Personas {
		keys[i] = personaKey(p)
	}
	slices.SortStableFunc(keys, comparePersonaKeys)
	for i, k := range keys {
		l.s.Personas[i] = k.v
	}
}

// comparePersonaKeys orders personas by their keys.
func comparePersonaKeys(a, b titleKey[*Persona]) int {
	return cmp.Or(cmp.Compare(a.rank, b.rank), cmp.Compare(a.lower, b.lower), cmp.Compare(a.id, b.id))
}

// stepAnchors returns the anchors "step-1", "step-2", ... for the longest
// journey, to be shared by the steps of all personas.
func stepAnchors(docs []*content.PersonaDoc) []string {
	n := 0
	for _, d := range docs {
		n = max(n, len(d.Steps))
	}
	anchors := make([]string, n)
	for i := range anchors {
		anchors[i] = "step-" + strconv.Itoa(i+1)
	}
	return anchors
}

// persona links one persona and derives what depends on it alone. It
// writes only to the new persona and to link.
func (l *linker) persona(d *content.PersonaDoc, anchors []string, link *personaLink) *Persona {
	p := &Persona{ID: d.ID, Title: d.Title, Summary: d.Summary, Quote: d.Quote, Priority: d.Priority,
		Reviewed: d.Reviewed, Goals: d.Goals, Needs: d.Needs, Frustrations: d.Frustrations,
		Channels: d.Channels, Body: d.Body, Source: Source{Path: d.Path, Line: 1}}
	if len(d.Profile) > 0 {
		p.Profile = make([]Field, len(d.Profile))
		for i, f := range d.Profile {
			p.Profile[i] = Field{Key: f.Key, Value: f.Value}
		}
	}
	if len(d.Steps) > 0 {
		a := newStepArena(d.Steps)
		p.Steps = make([]*Step, len(d.Steps))
		for i, sd := range d.Steps {
			s := &a.steps[i]
			p.Steps[i] = s
			l.step(s, p, i+1, anchors[i], sd, &a, link)
		}
	}
	l.rollups(p)
	l.critical(p)
	return p
}

// stepArena holds the memory of a persona's steps and of what they list,
// allocated at once rather than step by step. Each step takes what it needs
// from the front.
type stepArena struct {
	steps         []Step
	touchpoints   []*Touchpoint
	mentions      []PainMention
	pains         []*PainMention
	opportunities []Opportunity
	evidence      []Evidence
}

func newStepArena(docs []*content.StepDoc) stepArena {
	var tps, pains, opps, evs int
	for _, d := range docs {
		tps += len(d.Touchpoints)
		pains += len(d.Pains)
		opps += len(d.Opportunities)
		evs += len(d.Evidence)
	}
	return stepArena{
		steps:         make([]Step, len(docs)),
		touchpoints:   make([]*Touchpoint, tps),
		mentions:      make([]PainMention, pains),
		pains:         make([]*PainMention, pains),
		opportunities: make([]Opportunity, opps),
		evidence:      make([]Evidence, evs),
	}
}

// take returns the first n elements of *s, capped so that appending to them
// cannot write over the next step's, and drops them from *s.
func take[T any](s *[]T, n int) []T {
	t := (*s)[:n:n]
	*s = (*s)[n:]
	return t
}

// step links the step s, index of p, from its document, taking its lists
// from a. Reference errors and warnings go to link.
func (l *linker) step(s *Step, p *Persona, index int, anchor string, d *content.StepDoc, a *stepArena, link *personaLink) {
	*s = Step{Persona: p, Index: index, Anchor: anchor,
		Action: d.Action, Thought: d.Thought, Feeling: d.Feeling, HasEmotion: d.HasEmotion, Emotion: d.Emotion,
		Duration: d.Duration, Artifacts: d.Artifacts, Source: Source{Path: p.Source.Path, Line: d.Pos.Line}}
	if d.Stage.ID != "" {
		s.Stage = l.stage(&link.diags, p.Source.Path, d.Stage)
	}
	if len(d.Touchpoints) > 0 {
		tps := a.touchpoints[:0:len(d.Touchpoints)]
		for _, r := range d.Touchpoints {
			if tp := l.touchpoint(&link.diags, p.Source.Path, r); tp != nil && !slices.Contains(tps, tp) {
				tps = append(tps, tp)
			}
		}
		if len(tps) > 0 {
			s.Touchpoints = take(&a.touchpoints, len(tps))
		}
	}
	if n := len(d.Pains); n > 0 {
		ms := take(&a.mentions, n)
		s.Pains = take(&a.pains, n)
		for i, pd := range d.Pains {
			ms[i] = PainMention{Text: pd.Text, Severity: parseSeverity(pd.Severity), ID: pd.ID, Step: s, norm: NormalizePain(pd.Text)}
			s.Pains[i] = &ms[i]
		}
	}
	if n := len(d.Opportunities); n > 0 {
		s.Opportunities = take(&a.opportunities, n)
		for i, o := range d.Opportunities {
			s.Opportunities[i] = Opportunity{Text: o.Text, Impact: parseImpact(o.Impact)}
		}
	}
	if n := len(d.Evidence); n > 0 {
		s.Evidence = take(&a.evidence, n)
		for i, e := range d.Evidence {
			s.Evidence[i] = Evidence{Text: e.Text, URL: e.URL}
		}
	}
	s.Assumed = s.HasEmotion && len(s.Evidence) == 0
	if len(s.Pains) > 0 && len(s.Evidence) == 0 {
		link.warns.Warnf(p.Source.Path, diag.Pos{Line: s.Source.Line, Col: 1}, "step %d has %s but no evidence",
			s.Index, plural(len(s.Pains), "pain point")).Hint = "add evidence: an interview, a metric, a ticket count"
	}
}

// parseSeverity reads a severity as written in content files; anything
// else is Unrated. It walks the constants rather than Severities, which
// allocates, since it runs for every pain mention.
func parseSeverity(s string) Severity {
	for v := Low; v <= Critical; v++ {
		if v.String() == s {
			return v
		}
	}
	return Unrated
}

// parseImpact reads an impact as written in content files; anything else
// is ImpactUnrated.
func parseImpact(s string) Impact {
	for v := ImpactLow; v <= ImpactHigh; v++ {
		if v.String() == s {
			return v
		}
	}
	return ImpactUnrated
}
