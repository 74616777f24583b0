package site

import "slices"

// factScratch marks the stages, touchpoints and owners already listed for
// a pain, by index, with the number of the pain: a worker's marks need no
// clearing between pains.
type factScratch struct {
	stages, touchpoints, owners []int
}

func (l *linker) newFactScratch() *factScratch {
	return &factScratch{
		stages:      make([]int, len(l.s.Stages)),
		touchpoints: make([]int, len(l.s.Touchpoints)),
		owners:      make([]int, len(l.ownerNames)),
	}
}

// painFacts fills in the stages, touchpoints and owners of a pain, using
// the marks of sc with mark, which no other pain uses. It writes only to p.
func (l *linker) painFacts(p *Pain, mark int, sc *factScratch) {
	for _, m := range p.Mentions {
		step := m.Step
		if st := step.Stage; st != nil && sc.stages[st.Index] != mark {
			sc.stages[st.Index] = mark
			p.Stages = append(p.Stages, st)
		}
		for _, tp := range step.Touchpoints {
			if sc.touchpoints[tp.index] == mark {
				continue
			}
			sc.touchpoints[tp.index] = mark
			p.Touchpoints = append(p.Touchpoints, tp)
			if o := l.ownerOf[tp.index]; l.ownerNames[o] != "" && sc.owners[o] != mark {
				sc.owners[o] = mark
				p.Owners = append(p.Owners, l.ownerNames[o])
			}
		}
	}
	slices.SortFunc(p.Stages, byStageOrder)
	slices.Sort(p.Owners)
}
