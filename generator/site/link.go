package site

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/content"
	"github.com/cxatlas/cxatlas/generator/diag"
)

// Link resolves the documents of set into a Site, validating every
// reference between them and deriving the facts the pages show. now is the
// time of the build, against which review dates are judged. The Site is
// complete even when the list holds errors, but must not be published then.
func Link(cfg *config.Config, set *content.Set, now time.Time) (*Site, diag.List) {
	l := &linker{cfg: cfg, set: set, s: &Site{
		Config:         cfg,
		Title:          cfg.Title,
		Built:          now,
		personaByID:    map[string]*Persona{},
		stageByID:      map[string]*Stage{},
		touchpointByID: map[string]*Touchpoint{},
	}}
	l.home()
	l.stages()
	l.touchpoints()
	l.personas()
	l.derive()
	l.warnings()
	return l.s, l.diags
}

type linker struct {
	cfg   *config.Config
	set   *content.Set
	s     *Site
	diags diag.List
	// personaDocs keeps the document of each persona, for positions.
	personaDocs map[*Persona]*content.PersonaDoc
}

func (l *linker) home() {
	if h := l.set.Home; h != nil {
		if h.Title != "" {
			l.s.Title = h.Title
		}
		l.s.Intro = h.Body
		l.s.HomeSource = Source{Path: h.Path, Line: 1}
	}
}

func (l *linker) stages() {
	for _, d := range l.set.Stages {
		st := &Stage{ID: d.ID, Title: d.Title, Order: d.Order, Goal: d.Goal, Questions: d.Questions,
			KPIs: d.KPIs, Body: d.Body, Source: Source{Path: d.Path, Line: 1}}
		l.s.Stages = append(l.s.Stages, st)
		l.s.stageByID[st.ID] = st
	}
	slices.SortStableFunc(l.s.Stages, func(a, b *Stage) int {
		return cmp.Or(cmp.Compare(a.Order, b.Order), cmp.Compare(a.ID, b.ID))
	})
	for i, st := range l.s.Stages {
		st.Index = i
	}
}

func (l *linker) touchpoints() {
	for _, d := range l.set.Touchpoints {
		tp := &Touchpoint{ID: d.ID, Title: d.Title, Channel: d.Channel, Mode: d.Mode, Managed: d.Managed,
			Owner: d.Owner, KPIs: d.KPIs, Body: d.Body, Source: Source{Path: d.Path, Line: 1}}
		for _, r := range d.Stages {
			if st := l.stage(d.Path, r); st != nil && !slices.Contains(tp.DeclaredStages, st) {
				tp.DeclaredStages = append(tp.DeclaredStages, st)
			}
		}
		slices.SortFunc(tp.DeclaredStages, byStageOrder)
		l.s.Touchpoints = append(l.s.Touchpoints, tp)
		l.s.touchpointByID[tp.ID] = tp
	}
	slices.SortStableFunc(l.s.Touchpoints, func(a, b *Touchpoint) int {
		return cmp.Or(cmp.Compare(strings.ToLower(a.Title), strings.ToLower(b.Title)), cmp.Compare(a.ID, b.ID))
	})
}

func byStageOrder(a, b *Stage) int { return cmp.Compare(a.Index, b.Index) }

// stage resolves a stage reference, reporting unknown ids with the closest
// known one.
func (l *linker) stage(file string, r content.Ref) *Stage {
	if st := l.s.stageByID[r.ID]; st != nil {
		return st
	}
	if l.set.Broken[content.SectionStages][r.ID] {
		return nil
	}
	e := l.diags.Errorf(file, r.Pos, "unknown stage %q", r.ID)
	e.Hint = hint(r.ID, l.s.stageByID, "stages")
	return nil
}

func (l *linker) touchpoint(file string, r content.Ref) *Touchpoint {
	if tp := l.s.touchpointByID[r.ID]; tp != nil {
		return tp
	}
	if l.set.Broken[content.SectionTouchpoints][r.ID] {
		return nil
	}
	e := l.diags.Errorf(file, r.Pos, "unknown touchpoint %q", r.ID)
	e.Hint = hint(r.ID, l.s.touchpointByID, "touchpoints")
	return nil
}

// hint suggests the closest id, or says where ids come from.
func hint[T any](id string, known map[string]T, section string) string {
	ids := make([]string, 0, len(known))
	for k := range known {
		ids = append(ids, k)
	}
	slices.Sort(ids)
	if c := diag.Closest(id, ids); c != "" {
		return fmt.Sprintf("did you mean %q?", c)
	}
	for _, k := range ids {
		if strings.EqualFold(k, id) {
			return fmt.Sprintf("did you mean %q?", k)
		}
	}
	return fmt.Sprintf("ids are the file names in content/%s/ without .md", section)
}

func (l *linker) personas() {
	for _, d := range l.set.Personas {
		p := &Persona{ID: d.ID, Title: d.Title, Summary: d.Summary, Quote: d.Quote, Priority: d.Priority,
			Reviewed: d.Reviewed, Goals: d.Goals, Needs: d.Needs, Frustrations: d.Frustrations,
			Channels: d.Channels, Body: d.Body, Source: Source{Path: d.Path, Line: 1}}
		for _, f := range d.Profile {
			p.Profile = append(p.Profile, Field{Key: f.Key, Value: f.Value})
		}
		for i, sd := range d.Steps {
			p.Steps = append(p.Steps, l.step(p, i+1, sd))
		}
		l.s.Personas = append(l.s.Personas, p)
		l.s.personaByID[p.ID] = p
		if l.personaDocs == nil {
			l.personaDocs = map[*Persona]*content.PersonaDoc{}
		}
		l.personaDocs[p] = d
		l.s.Steps += len(p.Steps)
	}
	slices.SortStableFunc(l.s.Personas, func(a, b *Persona) int {
		pa, pb := a.Priority, b.Priority
		if pa == 0 {
			pa = int(^uint(0) >> 1)
		}
		if pb == 0 {
			pb = int(^uint(0) >> 1)
		}
		return cmp.Or(cmp.Compare(pa, pb), cmp.Compare(strings.ToLower(a.Title), strings.ToLower(b.Title)), cmp.Compare(a.ID, b.ID))
	})
}

func (l *linker) step(p *Persona, index int, d *content.StepDoc) *Step {
	s := &Step{Persona: p, Index: index, Anchor: fmt.Sprintf("step-%d", index),
		Action: d.Action, Thought: d.Thought, Feeling: d.Feeling, HasEmotion: d.HasEmotion, Emotion: d.Emotion,
		Duration: d.Duration, Artifacts: d.Artifacts, Source: Source{Path: p.Source.Path, Line: d.Pos.Line}}
	if d.Stage.ID != "" {
		s.Stage = l.stage(p.Source.Path, d.Stage)
	}
	for _, r := range d.Touchpoints {
		if tp := l.touchpoint(p.Source.Path, r); tp != nil && !slices.Contains(s.Touchpoints, tp) {
			s.Touchpoints = append(s.Touchpoints, tp)
		}
	}
	for _, pd := range d.Pains {
		s.Pains = append(s.Pains, &PainMention{Text: pd.Text, Severity: parseSeverity(pd.Severity), ID: pd.ID, Step: s})
	}
	for _, o := range d.Opportunities {
		s.Opportunities = append(s.Opportunities, Opportunity{Text: o.Text, Impact: parseImpact(o.Impact)})
	}
	for _, e := range d.Evidence {
		s.Evidence = append(s.Evidence, Evidence{Text: e.Text, URL: e.URL})
	}
	s.Assumed = s.HasEmotion && len(s.Evidence) == 0
	return s
}

func parseSeverity(s string) Severity {
	for _, v := range Severities() {
		if v.String() == s {
			return v
		}
	}
	return Unrated
}

func parseImpact(s string) Impact {
	for _, v := range []Impact{ImpactLow, ImpactMedium, ImpactHigh} {
		if v.String() == s {
			return v
		}
	}
	return ImpactUnrated
}
