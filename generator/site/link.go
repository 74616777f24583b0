package site

import (
	"cmp"
	"fmt"
	"runtime"
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
	return link(cfg, set, now, runtime.GOMAXPROCS(0))
}

// link is Link on at most workers goroutines. The result does not depend on
// workers: the work done in parallel is per persona or per pain, and it is
// gathered in the order a single worker would have done it.
func link(cfg *config.Config, set *content.Set, now time.Time, workers int) (*Site, diag.List) {
	l := &linker{cfg: cfg, set: set, workers: max(1, workers), s: &Site{
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
	cfg     *config.Config
	set     *content.Set
	s       *Site
	diags   diag.List
	workers int
	// links keeps what linking a persona found for the later passes.
	links map[*Persona]*personaLink
	// ownerNames and ownerOf are set by indexOwners.
	ownerNames []string
	ownerOf    []int
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
		st := newStage(d)
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
		tp := l.newTouchpoint(&l.diags, d)
		l.s.Touchpoints = append(l.s.Touchpoints, tp)
		l.s.touchpointByID[tp.ID] = tp
	}
	// Sort by title ignoring case, then id; the titles are lowered once,
	// not at every comparison.
	keys := make([]titleKey[*Touchpoint], len(l.s.Touchpoints))
	for i, tp := range l.s.Touchpoints {
		keys[i] = titleKey[*Touchpoint]{lower: strings.ToLower(tp.Title), id: tp.ID, v: tp}
	}
	slices.SortStableFunc(keys, func(a, b titleKey[*Touchpoint]) int {
		return cmp.Or(cmp.Compare(a.lower, b.lower), cmp.Compare(a.id, b.id))
	})
	for i, k := range keys {
		l.s.Touchpoints[i] = k.v
		k.v.index = i
	}
}

// newStage makes the stage of d, before it is placed among the others.
func newStage(d *content.StageDoc) *Stage {
	return &Stage{ID: d.ID, Title: d.Title, Order: d.Order, Goal: d.Goal, Questions: d.Questions,
		KPIs: d.KPIs, Body: d.Body, Source: Source{Path: d.Path, Line: 1}}
}

// newTouchpoint makes the touchpoint of d, with its declared stages,
// reporting unknown stages to diags.
func (l *linker) newTouchpoint(diags *diag.List, d *content.TouchpointDoc) *Touchpoint {
	tp := &Touchpoint{ID: d.ID, Title: d.Title, Channel: d.Channel, Mode: d.Mode, Managed: d.Managed,
		Owner: strings.TrimSpace(d.Owner), KPIs: d.KPIs, Body: d.Body, Source: Source{Path: d.Path, Line: 1}}
	for _, r := range d.Stages {
		if st := l.stage(diags, d.Path, r); st != nil && !slices.Contains(tp.DeclaredStages, st) {
			tp.DeclaredStages = append(tp.DeclaredStages, st)
		}
	}
	slices.SortFunc(tp.DeclaredStages, byStageOrder)
	return tp
}

// titleKey is what touchpoints and personas are sorted by, copied out of
// them: the lowered title and the id, plus an extra rank for personas.
type titleKey[T any] struct {
	rank  int
	lower string
	id    string
	v     T
}

func byStageOrder(a, b *Stage) int { return cmp.Compare(a.Index, b.Index) }

// stage resolves a stage reference, reporting unknown ids, with the closest
// known one, to diags. It only reads l, so personas can be linked in
// parallel, each with its own list.
func (l *linker) stage(diags *diag.List, file string, r content.Ref) *Stage {
	if st := l.s.stageByID[r.ID]; st != nil {
		return st
	}
	if l.set.Broken[content.SectionStages][r.ID] {
		return nil
	}
	e := diags.Errorf(file, r.Pos, "unknown stage %q", r.ID)
	e.Hint = hint(r.ID, l.s.stageByID, "stages")
	return nil
}

// touchpoint resolves a touchpoint reference like stage does.
func (l *linker) touchpoint(diags *diag.List, file string, r content.Ref) *Touchpoint {
	if tp := l.s.touchpointByID[r.ID]; tp != nil {
		return tp
	}
	if l.set.Broken[content.SectionTouchpoints][r.ID] {
		return nil
	}
	e := diags.Errorf(file, r.Pos, "unknown touchpoint %q", r.ID)
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
	key := content.IDKey(id)
	for _, k := range ids {
		if content.IDKey(k) == key && !strings.EqualFold(k, id) {
			return fmt.Sprintf("did you mean %q? %s", k, content.LookAlike(id, k))
		}
	}
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
