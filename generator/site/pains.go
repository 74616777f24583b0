package site

import (
	"slices"

	"github.com/cxatlas/cxatlas/generator/internal/parallel"
)

// pains joins the mentions of all maps into de-duplicated pains, works out
// the facts of each, and lists them, most urgent first, in Site.Pains and
// in the stages and touchpoints they are met at.
func (l *linker) pains() {
	mentions := l.mentions()
	l.s.Pains = newPains(mentions, joinMentions(mentions))
	scratch := make([]*factScratch, l.workers)
	parallel.For(len(l.s.Pains), l.workers, 0, func(w, i int) error {
		if scratch[w] == nil {
			scratch[w] = l.newFactScratch()
		}
		l.painFacts(l.s.Pains[i], i+1, scratch[w])
		return nil
	})
	// Keys are given before sorting, in the order of first mention, which
	// decides which of two pains with the same key gets the suffix.
	keys := make(map[string]bool, len(l.s.Pains))
	for _, p := range l.s.Pains {
		p.Key = painKey(p, keys)
	}
	sortPains(l.s.Pains)
	l.listPains()
}

// mentions returns every pain mention, in persona then step order.
func (l *linker) mentions() []*PainMention {
	n := 0
	for _, p := range l.s.Personas {
		for _, st := range p.Steps {
			n += len(st.Pains)
		}
	}
	mentions := make([]*PainMention, 0, n)
	for _, p := range l.s.Personas {
		for _, st := range p.Steps {
			mentions = append(mentions, st.Pains...)
		}
	}
	return mentions
}

// joinMentions groups the mentions that are one pain: those with the same
// id, or the same normalised text (union-find, so a mention with an id and
// another with its text join too). It returns the group of each mention,
// named by its first mention.
func joinMentions(mentions []*PainMention) []int {
	parent := make([]int, len(mentions))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	// The root of a group is always its first mention.
	union := func(a, b int) {
		ra, rb := find(a), find(b)
		if ra != rb {
			if ra < rb {
				parent[rb] = ra
			} else {
				parent[ra] = rb
			}
		}
	}
	byID := map[string]int{}
	// Not sized by the mentions: most repeat a text met before.
	byText := map[string]int{}
	for i, m := range mentions {
		if m.ID != "" {
			if j, ok := byID[m.ID]; ok {
				union(i, j)
			} else {
				byID[m.ID] = i
			}
		}
		if j, ok := byText[m.norm]; ok {
			union(i, j)
		} else {
			byText[m.norm] = i
		}
	}
	// Roots come before the rest of their group, so one pass in order
	// points every mention straight at its root.
	for i := range parent {
		parent[i] = find(i)
	}
	return parent
}

// newPains makes one pain of each group of mentions, in the order of their
// first mentions, and links the mentions to it. The pains, and their lists
// of mentions, share one allocation each.
func newPains(mentions []*PainMention, group []int) []*Pain {
	count := make([]int, len(mentions))
	n := 0
	for i, r := range group {
		if r == i {
			n++
		}
		count[r]++
	}
	pains := make([]Pain, n)
	list := slices.Grow([]*Pain(nil), n) // nil when there are none
	room := make([]*PainMention, len(mentions))
	byRoot := make([]*Pain, len(mentions))
	for i, m := range mentions {
		r := group[i]
		p := byRoot[r]
		if p == nil {
			p = &pains[len(list)]
			*p = Pain{Text: m.Text, norm: m.norm, Mentions: take(&room, count[r])[:0]}
			byRoot[r] = p
			list = append(list, p)
		}
		m.Pain = p
		p.Mentions = append(p.Mentions, m)
		if p.ID == "" && m.ID != "" {
			p.ID = m.ID
		}
		p.Severity = max(p.Severity, m.Severity)
		if n := len(p.Personas); n == 0 || p.Personas[n-1] != m.Step.Persona {
			p.Personas = append(p.Personas, m.Step.Persona)
		}
	}
	return list
}

// listPains gives each stage and touchpoint the pains met there. Visiting
// the pains in order puts each list in Site.Pains order; a pain lists a
// stage or touchpoint only once. The lists are counted first, to take their
// room from one allocation.
func (l *linker) listPains() {
	stageCount := make([]int, len(l.s.Stages))
	tpCount := make([]int, len(l.s.Touchpoints))
	total := 0
	for _, p := range l.s.Pains {
		for _, st := range p.Stages {
			stageCount[st.Index]++
		}
		for _, tp := range p.Touchpoints {
			tpCount[tp.index]++
		}
		total += len(p.Stages) + len(p.Touchpoints)
	}
	room := make([]*Pain, total)
	for i, st := range l.s.Stages {
		if stageCount[i] > 0 {
			st.Pains = take(&room, stageCount[i])[:0]
		}
	}
	for i, tp := range l.s.Touchpoints {
		if tpCount[i] > 0 {
			tp.Pains = take(&room, tpCount[i])[:0]
		}
	}
	for _, p := range l.s.Pains {
		for _, st := range p.Stages {
			st.Pains = append(st.Pains, p)
		}
		for _, tp := range p.Touchpoints {
			tp.Pains = append(tp.Pains, p)
		}
	}
}
