package site

import (
	"cmp"
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
)

// NormalizePain returns the form of a pain's text under which mentions are
// the same pain: lower case, with runs of spaces made one.
func NormalizePain(text string) string {
	return strings.Join(strings.Fields(strings.ToLower(text)), " ")
}

// pains joins the mentions of all maps into de-duplicated pains: mentions
// with the same id, or the same normalised text, are one pain (union-find,
// so a mention with an id and another with its text join too).
func (l *linker) pains() {
	var mentions []*PainMention
	for _, p := range l.s.Personas {
		for _, st := range p.Steps {
			mentions = append(mentions, st.Pains...)
		}
	}
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
	byText := make(map[string]int, len(mentions))
	norm := make([]string, len(mentions))
	for i, m := range mentions {
		if m.ID != "" {
			if j, ok := byID[m.ID]; ok {
				union(i, j)
			} else {
				byID[m.ID] = i
			}
		}
		t := NormalizePain(m.Text)
		norm[i] = t
		if j, ok := byText[t]; ok {
			union(i, j)
		} else {
			byText[t] = i
		}
	}
	groups := map[int]*Pain{}
	for i, m := range mentions {
		r := find(i)
		p := groups[r]
		if p == nil {
			p = &Pain{Text: m.Text, norm: norm[i]}
			groups[r] = p
			l.s.Pains = append(l.s.Pains, p)
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
	keys := map[string]bool{}
	for _, p := range l.s.Pains {
		l.painFacts(p)
		p.Key = painKey(p, keys)
	}
	slices.SortStableFunc(l.s.Pains, func(a, b *Pain) int {
		return cmp.Or(cmp.Compare(b.Severity, a.Severity), cmp.Compare(len(b.Personas), len(a.Personas)),
			cmp.Compare(len(b.Mentions), len(a.Mentions)), cmp.Compare(a.norm, b.norm))
	})
	index := make(map[*Pain]int, len(l.s.Pains))
	for i, p := range l.s.Pains {
		index[p] = i
	}
	sortPains := func(ps []*Pain) {
		slices.SortFunc(ps, func(a, b *Pain) int { return cmp.Compare(index[a], index[b]) })
	}
	stagePains := map[*Stage][]*Pain{}
	tpPains := map[*Touchpoint][]*Pain{}
	for _, p := range l.s.Pains {
		for _, st := range p.Stages {
			stagePains[st] = append(stagePains[st], p)
		}
		for _, tp := range p.Touchpoints {
			tpPains[tp] = append(tpPains[tp], p)
		}
	}
	for _, st := range l.s.Stages {
		st.Pains = stagePains[st]
		sortPains(st.Pains)
	}
	for _, tp := range l.s.Touchpoints {
		tp.Pains = tpPains[tp]
		sortPains(tp.Pains)
	}
}

// painFacts fills in the stages, touchpoints and owners of a pain.
func (l *linker) painFacts(p *Pain) {
	stages := map[*Stage]bool{}
	tps := map[*Touchpoint]bool{}
	owners := map[string]bool{}
	for _, m := range p.Mentions {
		if st := m.Step.Stage; st != nil && !stages[st] {
			stages[st] = true
			p.Stages = append(p.Stages, st)
		}
		for _, tp := range m.Step.Touchpoints {
			if !tps[tp] {
				tps[tp] = true
				p.Touchpoints = append(p.Touchpoints, tp)
				if o := strings.TrimSpace(tp.Owner); o != "" && !owners[o] {
					owners[o] = true
					p.Owners = append(p.Owners, o)
				}
			}
		}
	}
	slices.SortFunc(p.Stages, byStageOrder)
	slices.Sort(p.Owners)
}

// painKey gives a pain a fragment id that stays the same from build to
// build: its writer's id, or a hash of its normalised text.
func painKey(p *Pain, taken map[string]bool) string {
	var key string
	if p.ID != "" {
		key = "pain-" + p.ID
	} else {
		h := fnv.New32a()
		h.Write([]byte(p.norm))
		key = fmt.Sprintf("pain-%08x", h.Sum32())
	}
	base := key
	for i := 2; taken[key]; i++ {
		key = fmt.Sprintf("%s-%d", base, i)
	}
	taken[key] = true
	return key
}
