package site

import (
	"fmt"
	"slices"
	"sync"
)

// derive computes every fact the pages show from the linked entities. Each
// pass is linear in the number of steps and mentions (plus sorting). The
// facts of each persona alone were derived when it was linked.
func (l *linker) derive() {
	l.indexOwners()
	// The pains read only what the personas hold and write only to pains,
	// mentions and the Pains of stages and touchpoints, none of which
	// gather reads or writes; so with more than one worker they are joined
	// while the stages and touchpoints gather their steps.
	if l.workers > 1 {
		var wg sync.WaitGroup
		wg.Go(l.pains)
		l.gather()
		wg.Wait()
	} else {
		l.pains()
		l.gather()
	}
	l.owners()
	s := l.s
	s.Heatmap.Rows = slices.Grow(s.Heatmap.Rows, len(s.Personas))
	for _, p := range s.Personas {
		s.Heatmap.Rows = append(s.Heatmap.Rows, HeatmapRow{Persona: p, Cells: p.Stages})
	}
}

// gather gives stages and touchpoints the steps, roll-ups and personas met
// in them, in persona order, with their emotion, and each other.
func (l *linker) gather() {
	s := l.s
	// met marks the stages where each touchpoint is declared or met, at
	// tp.index*len(s.Stages) + stage.Index.
	nst := len(s.Stages)
	met := make([]bool, len(s.Touchpoints)*nst)
	for _, tp := range s.Touchpoints {
		for _, st := range tp.DeclaredStages {
			met[tp.index*nst+st.Index] = true
		}
	}
	l.reserve()
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
					met[tp.index*nst+st.Stage.Index] = true
				}
			}
		}
	}
	// Touchpoints in order, so each stage's list comes out sorted like
	// Site.Touchpoints; stages in order within each touchpoint.
	for _, tp := range s.Touchpoints {
		for i, st := range s.Stages {
			if met[tp.index*nst+i] {
				st.Touchpoints = append(st.Touchpoints, tp)
				tp.Stages = append(tp.Stages, st)
			}
		}
	}
}

// reserve gives the lists of steps, roll-ups and personas of every stage
// and touchpoint their exact room, from one allocation for each kind, so
// that gather's appends never copy: it counts what gather will append.
func (l *linker) reserve() {
	s := l.s
	stageSteps := make([]int, len(s.Stages))
	stageRollups := make([]int, len(s.Stages))
	tpSteps := make([]int, len(s.Touchpoints))
	tpPersonas := make([]int, len(s.Touchpoints))
	last := make([]*Persona, len(s.Touchpoints))
	var steps, rollups, personas int
	for _, p := range s.Personas {
		for i, r := range p.Stages {
			if len(r.Steps) > 0 {
				stageRollups[i]++
				rollups++
			}
		}
		for _, st := range p.Steps {
			if st.Stage != nil {
				stageSteps[st.Stage.Index]++
				steps++
			}
			for _, tp := range st.Touchpoints {
				tpSteps[tp.index]++
				steps++
				if last[tp.index] != p {
					last[tp.index] = p
					tpPersonas[tp.index]++
					personas++
				}
			}
		}
	}
	stepSlab := make([]*Step, steps)
	rollupSlab := make([]*StageRollup, rollups)
	personaSlab := make([]*Persona, personas)
	// Lists nothing is appended to stay nil.
	for i, st := range s.Stages {
		if n := stageSteps[i]; n > 0 {
			st.Steps = take(&stepSlab, n)[:0]
		}
		if n := stageRollups[i]; n > 0 {
			st.Rollups = take(&rollupSlab, n)[:0]
		}
	}
	for i, tp := range s.Touchpoints {
		if n := tpSteps[i]; n > 0 {
			tp.Steps = take(&stepSlab, n)[:0]
		}
		if n := tpPersonas[i]; n > 0 {
			tp.Personas = take(&personaSlab, n)[:0]
		}
	}
}

// rollups groups a persona's steps by stage and aggregates their emotion.
// The roll-ups, and their lists of steps, share one allocation each: the
// steps are counted by stage first.
func (l *linker) rollups(p *Persona) {
	rs := make([]StageRollup, len(l.s.Stages))
	counts := make([]int, len(l.s.Stages))
	staged := 0
	for _, st := range p.Steps {
		if st.Stage != nil {
			counts[st.Stage.Index]++
			staged++
		}
	}
	steps := make([]*Step, staged)
	p.Stages = make([]*StageRollup, len(l.s.Stages))
	for i, st := range l.s.Stages {
		r := &rs[i]
		*r = StageRollup{Stage: st, Persona: p}
		if counts[i] > 0 {
			r.Steps = take(&steps, counts[i])[:0]
		}
		p.Stages[i] = r
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
		st.PainWeight = w
		switch {
		case st.Emotion == lowest:
			st.CriticalLowest = true
			st.CriticalReason = fmt.Sprintf("Lowest emotion (%+d) among the steps with pain points; it has %s.", st.Emotion, plural(len(st.Pains), "pain point"))
		case w >= CriticalWeight:
			st.CriticalReason = fmt.Sprintf("Emotion %+d is below the middle of the scale and its %s weigh %d (low 1, medium 2, high 3, critical 4).",
				st.Emotion, plural(len(st.Pains), "pain point"), w)
		default:
			st.PainWeight = 0
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
