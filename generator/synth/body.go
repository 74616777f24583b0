package synth

import (
	"fmt"
	"strings"
)

// The Markdown bodies use what writers use: headings, paragraphs with
// emphasis and links, lists, a table, a quote, task lists, strikethrough
// and bare URLs for the autolinker.

// sentence writes one sentence of research prose.
func (p *plan) sentence(pg *page, g rng) {
	v := p.v
	pg.raw(g.pick(v.subjects))
	pg.raw(" ")
	pg.raw(g.pick(v.verbs))
	pg.raw(" ")
	obj := g.pick(v.objects)
	switch x := g.intn(20); {
	case x < 2:
		pg.raw("*" + obj + "*")
	case x < 3:
		pg.raw("**" + obj + "**")
	case x < 4:
		pg.raw(fmt.Sprintf("[%s](https://research.example.com/topics/%s)", obj, slug(obj)))
	default:
		pg.raw(obj)
	}
	pg.raw(" ")
	pg.raw(g.pick(v.endings))
}

// paragraph writes lo to hi sentences and a blank line.
func (p *plan) paragraph(pg *page, g rng, lo, hi int) {
	for i := range g.between(lo, hi) {
		if i > 0 {
			pg.raw(" ")
		}
		p.sentence(pg, g)
	}
	pg.raw("\n\n")
}

func (p *plan) personaBody(pg *page, g rng, pp plannedPersona, product, city string) {
	v := p.v
	pg.line("## Who they are")
	pg.blank()
	pg.raw(fmt.Sprintf("%s in %s make up a growing share of %s's %s customers. ", pp.segment, city, v.company, product))
	p.paragraph(pg, g, 3, 5)
	p.paragraph(pg, g, 2, 4)
	pg.line("## What matters to them")
	pg.blank()
	for _, goal := range g.sample(v.goals, g.between(3, 5)) {
		pg.line("- **" + goal + "**: " + lowerFirst(g.pick(v.needs)) + ".")
	}
	pg.blank()
	pg.line("## How they choose")
	pg.blank()
	p.paragraph(pg, g, 3, 5)
	pg.line("| Channel | Share of contacts | Trend |")
	pg.line("| --- | ---: | --- |")
	for _, ch := range g.sample(v.channels, g.between(4, 6)) {
		pg.line(fmt.Sprintf("| %s | %d%% | %s |", ch, g.between(3, 45), [...]string{"rising", "stable", "falling"}[g.intn(3)]))
	}
	pg.blank()
	pg.line("## " + g.pick(v.headings))
	pg.blank()
	p.paragraph(pg, g, 3, 6)
	pg.line("> " + g.pick(v.quotes))
	pg.blank()
	p.paragraph(pg, g, 2, 4)
	pg.line("### Research status")
	pg.blank()
	for i, src := range g.sample(v.sources, 4) {
		mark := "x"
		if i >= 2 {
			mark = " "
		}
		if i == 3 && g.chance(0.5) {
			src = "~~" + src + "~~ replaced by " + g.pick(v.sources)
		}
		pg.line(fmt.Sprintf("- [%s] %s", mark, upperFirst(src)))
	}
	pg.blank()
	pg.line(fmt.Sprintf("Full notes: https://research.example.com/personas/%s", pp.id))
}

func (p *plan) stageBody(pg *page, g rng, st plannedStage) {
	pg.line("## What happens here")
	pg.blank()
	pg.raw(fmt.Sprintf("In the *%s* stage the customer wants to %s. ", strings.ToLower(st.title), lowerFirst(st.words.goal)))
	p.paragraph(pg, g, 3, 5)
	pg.line("## What we know")
	pg.blank()
	for range g.between(3, 4) {
		pg.raw("- ")
		p.sentence(pg, g)
		pg.blank()
	}
	pg.blank()
	pg.line("| KPI | Target | Now |")
	pg.line("| --- | ---: | ---: |")
	for _, k := range st.words.kpis {
		t := g.between(40, 95)
		pg.line(fmt.Sprintf("| %s | %d%% | %d%% |", k, t, t-g.between(-5, 20)))
	}
	pg.blank()
	p.paragraph(pg, g, 2, 3)
}

func (p *plan) touchpointBody(pg *page, g rng, tp plannedTouchpoint) {
	w := tp.words
	who := "the company"
	if !w.managed {
		who = "third parties"
	}
	pg.raw(fmt.Sprintf("The %s is an %s %s touchpoint run by %s; %s owns what %s can change. ",
		lowerFirst(tp.title), w.mode, w.channel, who, w.owner, p.v.company))
	p.paragraph(pg, g, 1, 3)
	pg.line("## Notes")
	pg.blank()
	for range g.between(2, 3) {
		pg.raw("- ")
		p.sentence(pg, g)
		pg.blank()
	}
	pg.blank()
	if g.chance(0.3) {
		pg.line("| Metric | Last quarter |")
		pg.line("| --- | ---: |")
		pg.line(fmt.Sprintf("| Contacts | %d |", g.between(100, 90000)))
		pg.line(fmt.Sprintf("| Satisfaction | %d%% |", g.between(40, 95)))
		pg.blank()
	}
}

func (p *plan) homeBody(pg *page, g rng) {
	pg.raw(fmt.Sprintf("These are the customer journeys of **%s**: %d personas, %d stages and %d touchpoints. ",
		p.v.company, len(p.personas), len(p.stages), len(p.touchpoints)))
	p.paragraph(pg, g, 2, 3)
	pg.line("- Start with the personas of the highest priority.")
	pg.line("- The pain-point index lists every pain, most urgent first.")
	pg.line("- Research reports: https://research.example.com/")
}

func upperFirst(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
