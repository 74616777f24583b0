package synth

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// writePersona writes content/personas/<id>.md of persona i.
func (p *plan) writePersona(pg *page, i int) {
	g := newRNG(p.spec.Seed, streamPersona, i)
	v := p.v
	pp := p.personas[i]
	product, city := pp.product, pp.city
	if product == "" {
		product = g.pick(v.products)
	}
	if city == "" {
		city = g.pick(v.cities)
	}
	pg.line("+++")
	pg.str("title", pp.title)
	pg.str("summary", fmt.Sprintf("%s in %s who use %s from %s; they %s %s.",
		pp.segment, city, product, v.company, g.pick(v.verbs), g.pick(v.objects)))
	pg.str("quote", g.pick(v.quotes))
	pg.num("priority", g.between(1, 6))
	// Review dates spread over 2025 and most of 2026: some maps are fresh,
	// some stale, and the files do not depend on the day they are made.
	reviewed := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, g.intn(660))
	pg.line("reviewed = " + reviewed.Format(time.DateOnly))
	pg.strs("goals", g.sample(v.goals, g.between(2, 4)))
	pg.strs("needs", g.sample(v.needs, g.between(2, 3)))
	pg.strs("frustrations", g.sample(v.painTexts, g.between(2, 3)))
	pg.strs("channels", g.sample(v.channels, g.between(2, 4)))
	pg.blank()
	pg.line("[profile]")
	pg.str("age", g.pick(v.ages))
	pg.str("profession", g.pick(v.professions))
	pg.str("family", g.pick(v.families))
	pg.str("income", g.pick(v.incomes))
	pg.str("city", city)
	if g.chance(0.6) {
		pg.str("devices", g.pick(v.devices))
	}
	p.writeSteps(pg, g)
	pg.line("+++")
	pg.blank()
	p.personaBody(pg, g, pp, product, city)
}

// writeSteps writes the journey: steps in stage order, through a random
// subset of the stages, with an emotion that drifts with each stage's bias.
func (p *plan) writeSteps(pg *page, g rng) {
	var visited []int
	for s := range p.stages {
		if g.chance(0.75) {
			visited = append(visited, s)
		}
	}
	if len(visited) == 0 {
		visited = append(visited, g.intn(len(p.stages)))
	}
	n := g.between(p.spec.MinSteps, p.spec.MaxSteps)
	stages := make([]int, n)
	for i := range stages {
		stages[i] = g.intn(len(visited))
	}
	slices.Sort(stages)
	emotion := g.between(-1, 1)
	for i, k := range stages {
		s := visited[k]
		// Real journeys jump back now and then.
		if i > 0 && k > 0 && g.chance(0.03) {
			s = visited[g.intn(k)]
		}
		emotion = max(-2, min(2, emotion+g.between(-1, 1)+drift(g, p.stages[s].words.bias)))
		p.writeStep(pg, g, s, emotion)
	}
}

func drift(g rng, bias int) int {
	if g.chance(0.35) {
		return bias
	}
	return 0
}

func (p *plan) writeStep(pg *page, g rng, s, emotion int) {
	v := p.v
	st := p.stages[s]
	pg.blank()
	pg.line("[[steps]]")
	pg.str("stage", st.id)
	tps := p.stepTouchpoints(g, s)
	ids := make([]string, len(tps))
	for i, t := range tps {
		ids[i] = p.touchpoints[t].id
	}
	pg.strs("touchpoints", ids)
	ph := st.words.phase
	if ph == phaseAny {
		ph = phaseUse
	}
	action := g.pick(v.actions[ph])
	if g.chance(0.15) {
		action = "Uses the " + lowerFirst(p.touchpoints[tps[0]].words.title)
	}
	pg.str("action", action)
	if g.chance(0.8) {
		pg.str("thought", g.pick(v.thoughts))
	}
	hasEmotion := g.chance(0.9)
	if hasEmotion {
		pg.str("feeling", g.pick(v.feelings[emotion+2]))
		pg.num("emotion", emotion)
	} else if g.chance(0.5) {
		pg.str("feeling", g.pick(v.feelings[2]))
	}
	pains := p.stepPains(g, tps[0], emotion, hasEmotion)
	if len(pains) > 0 {
		pg.items("pains", pains)
	}
	if opps := p.stepOpportunities(g, len(pains)); len(opps) > 0 {
		pg.items("opportunities", opps)
	}
	if g.chance(0.75) {
		ev := make([]string, g.between(1, 3))
		for i := range ev {
			ev[i] = quoted(p.evidence(g))
		}
		pg.items("evidence", ev)
	}
	if g.chance(0.7) {
		pg.str("duration", g.pick(v.durations))
	}
	if g.chance(0.25) {
		pg.strs("artifacts", g.sample(v.artifacts, g.between(1, 2)))
	}
}

// stepTouchpoints picks one to three distinct touchpoints, mostly among
// those declared for the stage.
func (p *plan) stepTouchpoints(g rng, s int) []int {
	n := 1
	if x := g.intn(10); x >= 9 {
		n = 3
	} else if x >= 6 {
		n = 2
	}
	out := make([]int, 0, n)
	for len(out) < n {
		var t int
		if own := p.byStage[s]; g.chance(0.9) {
			t = own[g.intn(len(own))]
		} else {
			t = g.intn(len(p.touchpoints))
		}
		dup := false
		for _, u := range out {
			dup = dup || u == t
		}
		if dup {
			// Small stages may hold fewer touchpoints than asked for.
			n--
			continue
		}
		out = append(out, t)
	}
	return out
}

// stepPains writes pains in TOML syntax: more of them where emotion is low;
// some from the shared pool, by id or by the same text in other case and
// spacing, the others particular to the step.
func (p *plan) stepPains(g rng, tp, emotion int, hasEmotion bool) []string {
	n := 0
	switch {
	case hasEmotion && emotion <= -1:
		n = g.between(1, 3)
	case g.chance(0.3):
		n = 1
	}
	out := make([]string, 0, n)
	for range n {
		if len(p.pains) > 0 && g.chance(0.4) {
			// Squaring skews the choice: a few pains hurt many personas.
			u := g.r.Float64()
			sp := p.pains[int(u*u*float64(len(p.pains)))]
			text := variant(g, sp.text)
			switch x := g.intn(100); {
			case x < 45:
				out = append(out, fmt.Sprintf("{ text = %s, severity = %q, id = %q }", quoted(text), sp.severity, sp.id))
			case x < 80:
				out = append(out, quoted(text))
			default:
				out = append(out, fmt.Sprintf("{ text = %s, severity = %q }", quoted(text), sp.severity))
			}
			continue
		}
		text := fmt.Sprintf(g.pick(p.v.painForms), g.pick(p.v.painSubs))
		text = strings.ToUpper(text[:1]) + text[1:]
		if g.chance(0.4) {
			text += " (" + p.touchpoints[tp].title + ")"
		}
		if g.chance(0.5) {
			out = append(out, quoted(text))
		} else {
			out = append(out, fmt.Sprintf("{ text = %s, severity = %q }", quoted(text), severity(g, emotion)))
		}
	}
	return out
}

// variant writes a shared pain's text as another writer might: the same
// words in other case or spacing.
func variant(g rng, text string) string {
	switch g.intn(6) {
	case 1:
		return strings.ToLower(text)
	case 2:
		return strings.ToUpper(text[:1]) + strings.ToLower(text[1:])
	case 3:
		return strings.Replace(text, " ", "  ", 1)
	case 4:
		return " " + text + " "
	}
	return text
}

func (p *plan) stepOpportunities(g rng, pains int) []string {
	n := 0
	switch {
	case pains > 0 && g.chance(0.6):
		n = g.between(1, 2)
	case g.chance(0.15):
		n = 1
	}
	out := make([]string, n)
	for i := range out {
		text := fmt.Sprintf(g.pick(p.v.oppForms), g.pick(p.v.painSubs))
		if g.chance(0.5) {
			out[i] = quoted(text)
		} else {
			out[i] = fmt.Sprintf("{ text = %s, impact = %q }", quoted(text), [...]string{"low", "medium", "high"}[g.intn(3)])
		}
	}
	return out
}

// evidence is one source: a described study, or now and then a link.
func (p *plan) evidence(g rng) string {
	if g.chance(0.2) {
		return fmt.Sprintf("https://research.example.com/reports/%s-%d", slug(g.pick(p.v.sources)), g.between(100, 999))
	}
	return fmt.Sprintf(g.pick(p.v.evidence), g.between(5, 400))
}

func lowerFirst(s string) string {
	// Keep acronyms such as "SMS" and "TV" as they are.
	if len(s) < 2 || s[0] < 'A' || s[0] > 'Z' || (s[1] >= 'A' && s[1] <= 'Z') {
		return s
	}
	return string(s[0]+'a'-'A') + s[1:]
}
