package render

import (
	"fmt"
	"html/template"
	"testing"
	"time"

	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/content"
	"github.com/cxatlas/cxatlas/generator/diag"
	"github.com/cxatlas/cxatlas/generator/site"
)

// buildTime is the fixed build time of every test site, so golden files do
// not change from day to day.
var buildTime = time.Date(2025, 3, 14, 9, 0, 0, 0, time.UTC)

// linkSet runs the real link step over set, failing the test on errors.
func linkSet(tb testing.TB, cfg *config.Config, set *content.Set) *site.Site {
	tb.Helper()
	s, diags := site.Link(cfg, set, buildTime)
	for _, d := range diags {
		if d.Severity == diag.Error {
			tb.Fatalf("link: %v", d)
		}
	}
	return s
}

func testConfig() *config.Config {
	cfg := config.Default()
	cfg.Title = "Riverside Clinic journeys"
	cfg.BaseURL = "https://cx.example.com/portal/"
	cfg.EditURL = "https://git.example.com/cx/edit/main/"
	return cfg
}

func meta(section, id, title, body string) content.Meta {
	return content.Meta{ID: id, Path: "content/" + section + "/" + id + ".md", Title: title, Body: template.HTML(body)}
}

func refs(ids ...string) []content.Ref {
	out := make([]content.Ref, len(ids))
	for i, id := range ids {
		out[i] = content.Ref{ID: id}
	}
	return out
}

// step builds a step; emotion 99 means no score.
func step(stage string, tps []string, action string, emotion int, pains []content.PainDoc, evidence ...string) *content.StepDoc {
	st := &content.StepDoc{Stage: content.Ref{ID: stage}, Touchpoints: refs(tps...), Action: action}
	if emotion != 99 {
		st.HasEmotion, st.Emotion = true, emotion
	}
	st.Pains = pains
	for _, e := range evidence {
		st.Evidence = append(st.Evidence, content.EvidenceDoc{Text: e, URL: "https://research.example.com/" + fmt.Sprint(len(e))})
	}
	return st
}

func pain(sev, text string) content.PainDoc { return content.PainDoc{Text: text, Severity: sev} }

// exampleSet is a small realistic portal: a private clinic, three personas
// (one with a Cyrillic id and title), six stages, a dozen touchpoints.
func exampleSet() *content.Set {
	set := &content.Set{Home: &content.HomeDoc{Meta: meta("", "_index", "Riverside Clinic journeys", "<p>How patients find, book and return to Riverside Clinic.</p><h3>How to read a map</h3><p>Left to right, stage by stage.</p>")}}
	set.Home.Path = "content/_index.md"
	stages := []struct{ id, title, goal string }{
		{"need", "Need arises", "Understand whether to see a doctor"},
		{"search", "Search and compare", "Find a trusted clinic nearby"},
		{"book", "Book", "Get an appointment soon"},
		{"visit", "Visit", "Be seen on time and understood"},
		{"follow-up", "Follow-up", "Get results and next steps"},
		{"loyalty", "Loyalty", "Come back and recommend"},
	}
	for i, s := range stages {
		set.Stages = append(set.Stages, &content.StageDoc{Meta: meta("stages", s.id, s.title, "<p>About "+s.title+".</p>"), Order: i + 1, Goal: s.goal,
			Questions: []string{"Is this serious?", "How much will it cost?"}, KPIs: []string{"Conversion to booking"}})
	}
	tps := []struct {
		id, title, channel, mode, owner string
		managed                         bool
	}{
		{"search-ads", "Search ads", "web", "online", "Marketing", true},
		{"website", "Website", "web", "online", "Digital team", true},
		{"reviews", "Reviews on maps", "web", "online", "", false},
		{"call-centre", "Call centre", "phone", "offline", "Patient service", true},
		{"app", "Booking app", "app", "online", "Digital team", true},
		{"reception", "Reception desk", "clinic", "offline", "Clinic operations", true},
		{"waiting-room", "Waiting room", "clinic", "offline", "Clinic operations", true},
		{"doctor", "Doctor's office", "clinic", "offline", "Medical staff", true},
		{"sms", "SMS reminders", "sms", "online", "Patient service", true},
		{"email", "Results email", "email", "online", "Digital team", true},
		{"parking", "Parking", "clinic", "offline", "", true},
		{"word-of-mouth", "Word of mouth", "people", "offline", "", false},
	}
	for _, t := range tps {
		set.Touchpoints = append(set.Touchpoints, &content.TouchpointDoc{Meta: meta("touchpoints", t.id, t.title, "<p>"+t.title+" in detail.</p>"),
			Channel: t.channel, Mode: t.mode, Managed: t.managed, Owner: t.owner, KPIs: []string{"Satisfaction"}})
	}
	parent := &content.PersonaDoc{Meta: meta("personas", "parent", "Busy parent", "<p>Two kids, full-time job, books in the evening.</p>"),
		Summary: "Books care for the family between work and school runs.", Quote: "I just need a slot after six.", Priority: 1,
		Reviewed: time.Date(2025, 1, 10, 0, 0, 0, 0, time.UTC), Goals: []string{"Quick appointments"}, Needs: []string{"Evening slots"},
		Frustrations: []string{"Queues"}, Channels: []string{"App", "Phone"},
		Profile: []content.ProfileField{{Key: "Age", Value: "34"}, {Key: "City", Value: "Riverside"}}}
	parent.Steps = []*content.StepDoc{
		step("need", []string{"word-of-mouth"}, "Notices the child's fever is not going down", -1, nil, "Interview 4"),
		step("search", []string{"search-ads", "reviews"}, "Searches for a paediatrician nearby", 0, []content.PainDoc{pain("medium", "Prices are not on the site")}),
		step("search", []string{"website"}, "Compares doctors on the website", 1, nil, "Analytics: doctor pages"),
		step("book", []string{"app"}, "Tries to book in the app", -2, []content.PainDoc{pain("critical", "No evening slots for a week"), pain("high", "App logs out during booking")}, "Support tickets"),
		step("book", []string{"call-centre"}, "Calls the clinic instead", 99, []content.PainDoc{pain("medium", "Long hold times")}),
		step("visit", []string{"parking", "reception"}, "Arrives and checks in", -1, []content.PainDoc{pain("high", "No parking near the entrance"), pain("medium", "Queue at reception")}),
		step("visit", []string{"doctor"}, "Sees the doctor", 2, nil, "NPS comments"),
		step("follow-up", []string{"email"}, "Gets the test results by email", 1, nil),
	}
	parent.Steps[1].Thought = "Which of these is covered by insurance?"
	parent.Steps[3].Feeling = "Angry and rushed"
	parent.Steps[3].Opportunities = []content.OpportunityDoc{{Text: "Open an evening queue in the app", Impact: "high"}}
	parent.Steps[5].Duration = "25 min"
	parent.Steps[5].Artifacts = []string{"Insurance card"}
	retiree := &content.PersonaDoc{Meta: meta("personas", "retiree", "Retiree with a chronic condition", "<p>Sees a specialist every month.</p><h3>Key findings</h3><p>Waiting hurts most.</p>"),
		Summary: "Regular patient who values a familiar doctor.", Priority: 2}
	retiree.Steps = []*content.StepDoc{
		step("book", []string{"call-centre"}, "Calls to book the monthly visit", 0, []content.PainDoc{pain("medium", "long  hold TIMES")}, "Call recordings"),
		step("visit", []string{"waiting-room"}, "Waits for the specialist", -2, []content.PainDoc{pain("high", "Uncomfortable waiting area"), pain("medium", "Queue at reception")}, "Observation"),
		step("visit", []string{"doctor"}, "Discusses treatment", 1, nil, "Interview 9"),
		step("loyalty", []string{"sms"}, "Gets a reminder for the next visit", 2, nil),
	}
	corporate := &content.PersonaDoc{Meta: meta("personas", "корпоративный", "Корпоративный клиент", "<p>HR-менеджер, покупает ДМС для сотрудников.</p>"),
		Summary: "Покупает медицинские программы для компании.", Quote: "Нужен один договор и понятный отчёт.", Priority: 3}
	corporate.Steps = []*content.StepDoc{
		step("search", []string{"website"}, "Ищет программы ДМС", 0, []content.PainDoc{pain("low", "Нет цен на программы")}, "Интервью 2"),
		step("book", []string{"call-centre"}, "Согласует договор", -1, []content.PainDoc{pain("high", "Долгое согласование договора")}),
		step("loyalty", []string{"email"}, "Получает ежемесячный отчёт", 1, nil, "CRM"),
	}
	set.Personas = []*content.PersonaDoc{parent, retiree, corporate}
	return set
}

// generatedSet is a large synthetic portal: personas with steps each (the
// number varying from half to all of steps), touchpoints shared between
// them, eight stages, and pains repeated across maps so the index merges
// them.
func generatedSet(personas, steps, touchpoints int) *content.Set {
	set := &content.Set{}
	const stages = 8
	for i := range stages {
		id := fmt.Sprintf("stage-%d", i+1)
		set.Stages = append(set.Stages, &content.StageDoc{Meta: meta("stages", id, fmt.Sprintf("Stage %d of the journey", i+1), "<p>Stage.</p>"),
			Order: i + 1, Goal: "Move on", KPIs: []string{"Conversion"}})
	}
	for i := range touchpoints {
		id := fmt.Sprintf("tp-%d", i+1)
		set.Touchpoints = append(set.Touchpoints, &content.TouchpointDoc{Meta: meta("touchpoints", id, fmt.Sprintf("Touchpoint %d", i+1), "<p>Touchpoint.</p>"),
			Channel: []string{"web", "phone", "store", "email"}[i%4], Mode: []string{"online", "offline"}[i%2],
			Managed: i%5 != 0, Owner: fmt.Sprintf("Team %d", i%9)})
	}
	sevs := []string{"low", "medium", "high", "critical", ""}
	for p := range personas {
		doc := &content.PersonaDoc{Meta: meta("personas", fmt.Sprintf("persona-%d", p+1), fmt.Sprintf("Persona %d", p+1), "<p>Narrative.</p>"),
			Summary: "A generated customer segment.", Quote: "It should just work.", Priority: p%7 + 1,
			Goals: []string{"Get it done"}, Profile: []content.ProfileField{{Key: "Age", Value: "40"}}}
		n := steps/2 + (p*7)%(steps/2+1)
		for s := range n {
			st := step(fmt.Sprintf("stage-%d", s*stages/n+1), []string{fmt.Sprintf("tp-%d", (p*3+s)%touchpoints+1)},
				fmt.Sprintf("Does thing %d of the journey", s+1), (p+s*3)%5-2, nil)
			if (p+s)%6 == 0 {
				st.HasEmotion = false
			}
			if s%3 == 0 {
				st.Evidence = []content.EvidenceDoc{{Text: "Interview", URL: "https://research.example.com/i"}}
			}
			if (p+s)%2 == 0 {
				st.Pains = []content.PainDoc{pain(sevs[(p+s)%5], fmt.Sprintf("Shared pain number %d", (p*s)%97))}
			}
			st.Thought, st.Feeling = "Is this right?", "Unsure"
			doc.Steps = append(doc.Steps, st)
		}
		set.Personas = append(set.Personas, doc)
	}
	return set
}
