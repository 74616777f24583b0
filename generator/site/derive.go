package site

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// derive computes every fact the pages show from the linked entities. Each
// pass is linear in the number of steps and mentions (plus sorting).
func (l *linker) derive() {
	s := l.s
	for _, p := range s.Personas {
		l.rollups(p)
		l.critical(p)
	}
	// Stages and touchpoints see steps in persona order.
	stageTPs := make(map[*Stage]map[*Touchpoint]bool, len(s.Stages))
	tpStages := make(map[*Touchpoint]map[*Stage]bool, len(s.Touchpoints))
	for _, tp := range s.Touchpoints {
		tpStages[tp] = map[*Stage]bool{}
		for _, st := range tp.DeclaredStages {
			tpStages[tp][st] = true
			addSet(stageTPs, st, tp)
		}
	}
	for _, p := range s.Personas {
		for _, r := range p.Stages {
			if len(r.Steps) > 0 {
				r.Stage.Rollups = append(r.Stage.Rollups, r)
			}
		}
		for _, st := range p.Steps {
			if st.Stage != nil {
				st.Stage.Steps = append(st.Stage.Steps, st)
				st.Stage.Emotion.addStep(st)
			}
			for _, tp := range st.Touchpoints {
				tp.Steps = append(tp.Steps, st)
				tp.Emotion.addStep(st)
				if n := len(tp.Personas); n == 0 || tp.Personas[n-1] != p {
					tp.Personas = append(tp.Personas, p)
				}
				if st.Stage != nil {
					tpStages[tp][st.Stage] = true
					addSet(stageTPs, st.Stage, tp)
				}
			}
		}
	}
	tpIndex := make(map[*Touchpoint]int, len(s.Touchpoints))
	for i, tp := range s.Touchpoints {
		tpIndex[tp] = i
	}
	for _, st := range s.Stages {
		for tp := range stageTPs[st] {
			st.Touchpoints = append(st.Touchpoints, tp)
		}
		slices.SortFunc(st.Touchpoints, func(a, b *Touchpoint) int { return cmp.Compare(tpIndex[a], tpIndex[b]) })
	}
	for _, tp := range s.Touchpoints {
		for st := range tpStages[tp] {
			tp.Stages = append(tp.Stages, st)
		}
		slices.SortFunc(tp.Stages, byStageOrder)
	}
	l.pains()
	l.owners()
	for _, p := range s.Personas {
		s.Heatmap.Rows = append(s.Heatmap.Rows, HeatmapRow{Persona: p, Cells: p.Stages})
	}
}

func addSet[K comparable, V comparable](m map[K]map[V]bool, k K, v V) {
	if m[k] == nil {
		m[k] = map[V]bool{}
	}
	m[k][v] = true
}

// rollups groups a persona's steps by stage and aggregates their emotion.
func (l *linker) rollups(p *Persona) {
	p.Stages = make([]*StageRollup, len(l.s.Stages))
	for i, st := range l.s.Stages {
		p.Stages[i] = &StageRollup{Stage: st, Persona: p}
	}
	for _, st := range p.Steps {
		p.Mean.addStep(st)
		p.Pains += len(st.Pains)
		if st.Assumed {
			p.Assumed++
		}
		if st.Stage == nil {
			continue
		}
		r := p.Stages[st.Stage.Index]
		r.Steps = append(r.Steps, st)
		r.Emotion.addStep(st)
		r.Pains += len(st.Pains)
	}
}

// painWeight is how much a pain counts towards a critical point.
func painWeight(s Severity) int {
	if s == Unrated {
		return 1
	}
	return int(s)
}

// CriticalWeight is the summed pain weight (low 1, medium 2, high 3,
// critical 4, unrated 1) from which a step below the middle of the emotion
// scale is a critical point.
const CriticalWeight = 3

// critical marks the critical points of a persona's journey. Only steps
// with an emotion below the middle of the scale and at least one pain can
// be critical; of those, the ones with the lowest emotion are, and so is
// every one whose pains weigh CriticalWeight or more.
func (l *linker) critical(p *Persona) {
	mid := float64(l.cfg.Emotion.Min+l.cfg.Emotion.Max) / 2
	candidate := func(st *Step) bool { return st.HasEmotion && len(st.Pains) > 0 && float64(st.Emotion) < mid }
	lowest, found := 0, false
	for _, st := range p.Steps {
		if candidate(st) && (!found || st.Emotion < lowest) {
			lowest, found = st.Emotion, true
		}
	}
	for _, st := range p.Steps {
		if !candidate(st) {
			continue
		}
		w := 0
		for _, pm := range st.Pains {
			w += painWeight(pm.Severity)
		}
		switch {
		case st.Emotion == lowest:
			st.CriticalReason = fmt.Sprintf("Lowest emotion (%+d) among the steps with pain points; it has %s.", st.Emotion, plural(len(st.Pains), "pain point"))
		case w >= CriticalWeight:
			st.CriticalReason = fmt.Sprintf("Emotion %+d is below the middle of the scale and its %s weigh %d (low 1, medium 2, high 3, critical 4).",
				st.Emotion, plural(len(st.Pains), "pain point"), w)
		default:
			continue
		}
		st.Critical = true
		p.Critical = append(p.Critical, st)
	}
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// owners groups touchpoints by owner.
func (l *linker) owners() {
	byName := map[string]*Owner{}
	for _, tp := range l.s.Touchpoints {
		name := strings.TrimSpace(tp.Owner)
		o := byName[name]
		if o == nil {
			o = &Owner{Name: name}
			byName[name] = o
			l.s.Owners = append(l.s.Owners, o)
		}
		o.Touchpoints = append(o.Touchpoints, tp)
	}
	painIndex := make(map[*Pain]int, len(l.s.Pains))
	for i, p := range l.s.Pains {
		painIndex[p] = i
	}
	for _, o := range l.s.Owners {
		seen := map[*Pain]bool{}
		for _, tp := range o.Touchpoints {
			for _, p := range tp.Pains {
				if !seen[p] {
					seen[p] = true
					o.Pains = append(o.Pains, p)
				}
			}
		}
		slices.SortFunc(o.Pains, func(a, b *Pain) int { return cmp.Compare(painIndex[a], painIndex[b]) })
	}
	slices.SortFunc(l.s.Owners, func(a, b *Owner) int {
		if (a.Name == "") != (b.Name == "") {
			if a.Name == "" {
				return 1
			}
			return -1
		}
		return cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name))
	})
}
