package search

import (
	"github.com/cxatlas/cxatlas/generator/i18n"
	"strings"
	"unicode/utf8"

	"github.com/cxatlas/cxatlas/generator/site"
)

// Kind names the kind of a search result. Results are grouped by kind,
// in the order of Kinds.
type Kind string

// The kinds of search result.
const (
	KindPersona     Kind = "persona"
	KindStage       Kind = "stage"
	KindTouchpoint  Kind = "touchpoint"
	KindOwner       Kind = "owner"
	KindPain        Kind = "pain"
	KindStep        Kind = "step"
	KindOpportunity Kind = "opportunity"
	KindEvidence    Kind = "evidence"
)

// Kinds lists the kinds of result in the order the search page groups
// them.
func Kinds() []Kind {
	return []Kind{KindPersona, KindStage, KindTouchpoint, KindOwner, KindPain, KindStep, KindOpportunity, KindEvidence}
}

// Linker gives the links of the pages of a portal, from the publish
// folder: the page of a persona, stage or touchpoint, the column of a step
// on its persona's map, the row of a pain in the pain-point index and the
// section of an owner.
type Linker interface {
	Persona(*site.Persona) string
	Stage(*site.Stage) string
	Touchpoint(*site.Touchpoint) string
	Step(*site.Step) string
	Pain(*site.Pain) string
	Owner(name string) string
}

// Doc is one search result as the browser shows it.
type Doc struct {
	// Kind is the kind of thing found.
	Kind Kind `json:"k"`
	// Title is the line the result shows; Snippet the text under it, cut
	// to SnippetRunes.
	Title   string `json:"t"`
	Snippet string `json:"s,omitempty"`
	// Context names where the thing is: the persona and stage of a step,
	// the stages of a pain.
	Context []string `json:"c,omitempty"`
	// Severity is the severity of a rated pain ("high"), else empty.
	Severity string `json:"v,omitempty"`
	// URL links to the page, step or row, from the publish folder.
	URL string `json:"u"`

	// title and text are the words found in the title (which weigh more)
	// and in the rest of the document.
	title, text string
}

// SnippetRunes is the longest snippet a result carries, in characters.
const SnippetRunes = 160

// docs lists the documents of s in the order of Kinds, and within a kind
// in the order of the portal: their ids are their positions.
func docs(s *site.Site, l Linker, cat *i18n.Catalogue) []Doc {
	ds := make([]Doc, 0, count(s))
	add := func(d Doc) {
		d.Snippet = cut(d.Snippet)
		ds = append(ds, d)
	}
	for _, p := range s.Personas {
		text := join(p.Summary, p.Quote, join(p.Goals...), join(p.Needs...), join(p.Frustrations...))
		add(Doc{Kind: KindPersona, Title: p.Title, Snippet: p.Summary, URL: l.Persona(p), title: p.Title, text: text})
	}
	for _, st := range s.Stages {
		text := join(st.Goal, join(st.Questions...), join(st.KPIs...))
		add(Doc{Kind: KindStage, Title: st.Title, Snippet: st.Goal, URL: l.Stage(st), title: st.Title, text: text})
	}
	for _, t := range s.Touchpoints {
		snippet := join(t.Channel, t.Owner)
		add(Doc{Kind: KindTouchpoint, Title: t.Title, Snippet: snippet, URL: l.Touchpoint(t), title: t.Title, text: join(snippet, join(t.KPIs...))})
	}
	for _, o := range s.Owners {
		if o.Name != "" {
			add(Doc{Kind: KindOwner, Title: o.Name, URL: l.Owner(o.Name), title: o.Name})
		}
	}
	for _, p := range s.Pains {
		add(Doc{Kind: KindPain, Title: p.Text, Context: painContext(p, cat), Severity: severity(p.Severity), URL: l.Pain(p), title: p.Text})
	}
	stepDocs(s, l, add)
	return ds
}

// stepDocs adds the steps of every persona, then their opportunities,
// then their evidence. The link and context of a step are worked out once
// and shared by its opportunities and evidence.
func stepDocs(s *site.Site, l Linker, add func(Doc)) {
	type place struct {
		step *site.Step
		ctx  []string
		url  string
	}
	var places []place
	for _, p := range s.Personas {
		for _, st := range p.Steps {
			places = append(places, place{st, []string{p.Title, st.Stage.Title}, l.Step(st)})
		}
	}
	for _, pl := range places {
		st := pl.step
		snippet := join(st.Thought, st.Feeling)
		add(Doc{Kind: KindStep, Title: st.Action, Snippet: snippet, Context: pl.ctx, URL: pl.url, title: st.Action, text: snippet})
	}
	for _, pl := range places {
		for _, o := range pl.step.Opportunities {
			add(Doc{Kind: KindOpportunity, Title: o.Text, Context: pl.ctx, URL: pl.url, title: o.Text})
		}
	}
	for _, pl := range places {
		for _, e := range pl.step.Evidence {
			add(Doc{Kind: KindEvidence, Title: e.Text, Context: pl.ctx, URL: pl.url, title: e.Text})
		}
	}
}

// painContext names where pain p is met: its first stage and persona, and
// how many more of each there are, in the catalogue's words ("Anna and 2
// more"): a bare "+2" beside a severity would read as an emotion score.
func painContext(p *site.Pain, cat *i18n.Catalogue) []string {
	var ctx []string
	if len(p.Personas) > 0 {
		ctx = append(ctx, more(cat, p.Personas[0].Title, len(p.Personas)-1))
	}
	if len(p.Stages) > 0 {
		ctx = append(ctx, more(cat, p.Stages[0].Title, len(p.Stages)-1))
	}
	return ctx
}

// more names title and, when n > 0, how many more there are.
func more(cat *i18n.Catalogue, title string, n int) string {
	if n <= 0 {
		return title
	}
	return cat.Format("search.and_more", "first", title, "n", cat.Int(n))
}

func severity(s site.Severity) string {
	if s == site.Unrated {
		return ""
	}
	return s.String()
}

// join joins the non-empty parts with " · ".
func join(parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(" · ")
		}
		b.WriteString(p)
	}
	return b.String()
}

// cut shortens s to SnippetRunes characters, ending with "…" when cut.
func cut(s string) string {
	if utf8.RuneCountInString(s) <= SnippetRunes {
		return s
	}
	r := []rune(s)[:SnippetRunes-1]
	return strings.TrimSpace(string(r)) + "…"
}

// count returns the number of documents of s, at most.
func count(s *site.Site) int {
	n := len(s.Personas) + len(s.Stages) + len(s.Touchpoints) + len(s.Owners) + len(s.Pains)
	for _, p := range s.Personas {
		for _, st := range p.Steps {
			n += 1 + len(st.Opportunities) + len(st.Evidence)
		}
	}
	return n
}
