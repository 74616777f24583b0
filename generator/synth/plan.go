package synth

import (
	"fmt"
	"slices"
	"strconv"
)

// plan holds what every file needs to know about the others: the ids and
// titles of all stages, touchpoints and personas, which touchpoints belong
// to which stage, and the pool of pains shared across maps. It is made
// once, serially, from the seed; files are then written from it in
// parallel and never change it.
type plan struct {
	spec        Spec
	v           *vocab
	stages      []plannedStage
	touchpoints []plannedTouchpoint
	personas    []plannedPersona
	pains       []sharedPain
	// byStage lists, for each stage, the touchpoints declared for it.
	byStage [][]int
}

type plannedStage struct {
	id, title string
	order     int
	words     *stageWords
}

type plannedTouchpoint struct {
	id, title string
	words     *touchpointWords
	stages    []int // indices into plan.stages, ascending
}

type plannedPersona struct {
	id, title string
	segment   string
	// product and city are empty when the title names neither.
	product, city string
}

// sharedPain is a pain point that several maps mention.
type sharedPain struct {
	id, text, severity string
}

func newPlan(spec Spec) *plan {
	p := &plan{spec: spec, v: newVocab()}
	g := newRNG(spec.Seed, streamPlan, 0)
	p.planStages()
	p.planTouchpoints(g)
	p.planPersonas(g)
	p.planPains(g)
	return p
}

// planStages takes the stages evenly from the canonical twenty, numbering
// them when a portal asks for more.
func (p *plan) planStages() {
	canon := p.v.stages
	n := p.spec.Stages
	for i := range n {
		c := i * len(canon) / n
		title := canon[c].title
		if n > len(canon) {
			c = i % len(canon)
			title = canon[c].title
			if round := i / len(canon); round > 0 {
				title += " " + strconv.Itoa(round+1)
			}
		}
		p.stages = append(p.stages, plannedStage{id: slug(title), title: title, order: (i + 1) * 10, words: &canon[c]})
	}
}

// planTouchpoints names the touchpoints from the kinds of touchpoint, then
// the kinds per product, then per product and city, and assigns each to
// the stages of its phase.
func (p *plan) planTouchpoints(g rng) {
	kinds := make([]*touchpointWords, len(p.v.touchpoints))
	for i, j := range g.r.Perm(len(kinds)) {
		kinds[i] = &p.v.touchpoints[j]
	}
	byPhase := p.stagesByPhase()
	p.byStage = make([][]int, len(p.stages))
	seen := make(map[string]bool, p.spec.Touchpoints)
	for i := range p.spec.Touchpoints {
		c := combine(i, len(kinds), len(p.v.products), len(p.v.cities))
		words := kinds[c.base]
		title := words.title + c.qualifier(p.v.products, p.v.cities)
		id := unique(seen, slug(title))
		cands := byPhase[words.phase]
		if len(cands) == 0 {
			cands = byPhase[phaseAny]
		}
		var stages []int
		for _, k := range g.r.Perm(len(cands))[:min(len(cands), g.between(1, 3))] {
			stages = append(stages, cands[k])
		}
		slices.Sort(stages)
		p.touchpoints = append(p.touchpoints, plannedTouchpoint{id: id, title: title, words: words, stages: stages})
		for _, s := range stages {
			p.byStage[s] = append(p.byStage[s], i)
		}
	}
	// Every stage gets at least one touchpoint, so that every step can name one.
	for s := range p.byStage {
		if len(p.byStage[s]) > 0 {
			continue
		}
		t := s % len(p.touchpoints)
		tp := &p.touchpoints[t]
		tp.stages = append(tp.stages, s)
		slices.Sort(tp.stages)
		p.byStage[s] = append(p.byStage[s], t)
	}
}

// stagesByPhase lists the stage indices of each phase; phaseAny holds all.
func (p *plan) stagesByPhase() map[phase][]int {
	m := map[phase][]int{}
	for i, s := range p.stages {
		m[s.words.phase] = append(m[s.words.phase], i)
		m[phaseAny] = append(m[phaseAny], i)
	}
	return m
}

// combo is one name made of a base and qualifiers: the indices of the
// base, the product and the city (-1 when absent), and a round counting
// repeats of all combinations.
type combo struct {
	base, product, city, round int
}

// combine numbers the names made of a base and qualifiers: first every
// base alone, then each base with a product, then with a product and a
// city, then all of them again, numbered.
func combine(i, bases, products, cities int) combo {
	if i < bases {
		return combo{i, -1, -1, 0}
	}
	i -= bases
	if i < bases*products {
		return combo{i % bases, i / bases, -1, 0}
	}
	i -= bases * products
	per := bases * products * cities
	round, i := i/per, i%per
	return combo{i % bases, i / bases % products, i / (bases * products), round}
}

// qualifier is what the combination appends to the base's name, e.g.
// " — Fibre, Berlin".
func (c combo) qualifier(products, cities []string) string {
	q := ""
	if c.product >= 0 {
		q = " — " + products[c.product]
	}
	if c.city >= 0 {
		q += ", " + cities[c.city]
	}
	if c.round > 0 {
		q += " #" + strconv.Itoa(c.round+1)
	}
	return q
}

// unique returns id, or id with a number appended when it is taken, and
// marks the result as taken.
func unique(seen map[string]bool, id string) string {
	out := id
	for n := 2; seen[out]; n++ {
		out = fmt.Sprintf("%s-%d", id, n)
	}
	seen[out] = true
	return out
}

func (p *plan) planPersonas(g rng) {
	segs := make([]string, len(p.v.segments))
	for i, j := range g.r.Perm(len(segs)) {
		segs[i] = p.v.segments[j]
	}
	seen := make(map[string]bool, p.spec.Personas)
	for i := range p.spec.Personas {
		c := combine(i, len(segs), len(p.v.products), len(p.v.cities))
		pp := plannedPersona{segment: segs[c.base], title: segs[c.base] + c.qualifier(p.v.products, p.v.cities)}
		pp.id = unique(seen, slug(pp.title))
		if c.product >= 0 {
			pp.product = p.v.products[c.product]
		}
		if c.city >= 0 {
			pp.city = p.v.cities[c.city]
		}
		p.personas = append(p.personas, pp)
	}
}

// planPains makes the pool of shared pains: the common pains, then the
// same per product, then per product and city.
func (p *plan) planPains(g rng) {
	seen := make(map[string]bool, p.spec.SharedPains)
	for i := range p.spec.SharedPains {
		c := combine(i, len(p.v.painTexts), len(p.v.products), len(p.v.cities))
		text := p.v.painTexts[c.base]
		if q := c.qualifier(p.v.products, p.v.cities); q != "" {
			text += " (" + q[len(" — "):] + ")"
		}
		p.pains = append(p.pains, sharedPain{id: unique(seen, slug(text)), text: text, severity: severity(g, 0)})
	}
}

// severity draws a severity, more severe for lower emotion.
func severity(g rng, emotion int) string {
	x := g.intn(100) - emotion*15
	switch {
	case x < 20:
		return "low"
	case x < 55:
		return "medium"
	case x < 85:
		return "high"
	}
	return "critical"
}
