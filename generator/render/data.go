package render

import (
	"encoding/json"
	"io"

	"github.com/cxatlas/cxatlas/generator/site"
)

// dataVersion is the version of the data.json format; it changes when a
// field changes meaning or goes away.
const dataVersion = 1

// The structs below are the data.json format: the whole model, entities
// referring to each other by id (pains by key), so the file has no cycles.
// URLs are relative to the publish folder.

type jsonSite struct {
	Version     int              `json:"version"`
	Title       string           `json:"title"`
	BaseURL     string           `json:"baseURL,omitempty"`
	Emotion     jsonScale        `json:"emotion"`
	Personas    []jsonPersona    `json:"personas"`
	Stages      []jsonStage      `json:"stages"`
	Touchpoints []jsonTouchpoint `json:"touchpoints"`
	Pains       []jsonPain       `json:"pains"`
	Owners      []jsonOwner      `json:"owners"`
}

type jsonScale struct {
	Min int `json:"min"`
	Max int `json:"max"`
}

type jsonStat struct {
	N    int      `json:"n"`
	Mean *float64 `json:"mean"`
	Min  *int     `json:"min"`
	Max  *int     `json:"max"`
}

type jsonPersona struct {
	ID           string       `json:"id"`
	Title        string       `json:"title"`
	URL          string       `json:"url"`
	Source       string       `json:"source,omitempty"`
	Summary      string       `json:"summary,omitempty"`
	Quote        string       `json:"quote,omitempty"`
	Priority     int          `json:"priority,omitempty"`
	Reviewed     string       `json:"reviewed,omitempty"`
	Stale        bool         `json:"stale"`
	Goals        []string     `json:"goals"`
	Needs        []string     `json:"needs"`
	Frustrations []string     `json:"frustrations"`
	Channels     []string     `json:"channels"`
	Profile      []jsonField  `json:"profile"`
	Emotion      jsonStat     `json:"emotion"`
	Stages       []jsonRollup `json:"stages"`
	Steps        []jsonStep   `json:"steps"`
	Critical     []int        `json:"critical"`
}

type jsonField struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

type jsonRollup struct {
	Stage   string   `json:"stage"`
	Steps   []int    `json:"steps"`
	Emotion jsonStat `json:"emotion"`
	Pains   int      `json:"pains"`
}

type jsonStep struct {
	Index          int               `json:"index"`
	Anchor         string            `json:"anchor"`
	Stage          string            `json:"stage"`
	Touchpoints    []string          `json:"touchpoints"`
	Action         string            `json:"action,omitempty"`
	Thought        string            `json:"thought,omitempty"`
	Feeling        string            `json:"feeling,omitempty"`
	Emotion        *int              `json:"emotion"`
	Assumed        bool              `json:"assumed"`
	Critical       bool              `json:"critical"`
	CriticalReason string            `json:"criticalReason,omitempty"`
	Pains          []jsonMention     `json:"pains"`
	Opportunities  []jsonOpportunity `json:"opportunities"`
	Evidence       []jsonEvidence    `json:"evidence"`
	Duration       string            `json:"duration,omitempty"`
	Artifacts      []string          `json:"artifacts"`
	Line           int               `json:"line,omitempty"`
}

type jsonMention struct {
	Text     string `json:"text"`
	Severity string `json:"severity"`
	ID       string `json:"id,omitempty"`
	Pain     string `json:"pain"`
}

type jsonOpportunity struct {
	Text   string `json:"text"`
	Impact string `json:"impact"`
}

type jsonEvidence struct {
	Text string `json:"text"`
	URL  string `json:"url,omitempty"`
}

type jsonStage struct {
	ID          string   `json:"id"`
	Title       string   `json:"title"`
	URL         string   `json:"url"`
	Source      string   `json:"source,omitempty"`
	Order       int      `json:"order"`
	Goal        string   `json:"goal,omitempty"`
	Questions   []string `json:"questions"`
	KPIs        []string `json:"kpis"`
	Touchpoints []string `json:"touchpoints"`
	Pains       []string `json:"pains"`
	Emotion     jsonStat `json:"emotion"`
}

type jsonTouchpoint struct {
	ID             string   `json:"id"`
	Title          string   `json:"title"`
	URL            string   `json:"url"`
	Source         string   `json:"source,omitempty"`
	Channel        string   `json:"channel,omitempty"`
	Mode           string   `json:"mode,omitempty"`
	Managed        bool     `json:"managed"`
	Owner          string   `json:"owner,omitempty"`
	DeclaredStages []string `json:"declaredStages"`
	Stages         []string `json:"stages"`
	KPIs           []string `json:"kpis"`
	Personas       []string `json:"personas"`
	Pains          []string `json:"pains"`
	Emotion        jsonStat `json:"emotion"`
}

type jsonPain struct {
	Key         string            `json:"key"`
	ID          string            `json:"id,omitempty"`
	Text        string            `json:"text"`
	Severity    string            `json:"severity"`
	URL         string            `json:"url"`
	Personas    []string          `json:"personas"`
	Stages      []string          `json:"stages"`
	Touchpoints []string          `json:"touchpoints"`
	Owners      []string          `json:"owners"`
	Mentions    []jsonPainMention `json:"mentions"`
}

type jsonPainMention struct {
	Persona  string `json:"persona"`
	Step     int    `json:"step"`
	Stage    string `json:"stage"`
	Text     string `json:"text"`
	Severity string `json:"severity"`
	URL      string `json:"url"`
}

type jsonOwner struct {
	// Name is empty for the touchpoints with no owner.
	Name        string   `json:"name"`
	Touchpoints []string `json:"touchpoints"`
	Pains       []string `json:"pains"`
}

// writeData writes data.json: the whole model of s.
func writeData(w io.Writer, s *site.Site, d *derived) error {
	l := links{pains: d}
	out := jsonSite{Version: dataVersion, Title: s.Title}
	if s.Config != nil {
		out.BaseURL = s.Config.BaseURL
		out.Emotion = jsonScale{s.Config.Emotion.Min, s.Config.Emotion.Max}
	}
	out.Personas = make([]jsonPersona, 0, len(s.Personas))
	for _, p := range s.Personas {
		out.Personas = append(out.Personas, dataPersona(p, l))
	}
	out.Stages = make([]jsonStage, 0, len(s.Stages))
	for _, st := range s.Stages {
		out.Stages = append(out.Stages, jsonStage{
			ID: st.ID, Title: st.Title, URL: l.Stage(st), Source: st.Source.Path, Order: st.Order,
			Goal: st.Goal, Questions: nonNil(st.Questions), KPIs: nonNil(st.KPIs),
			Touchpoints: touchpointIDs(st.Touchpoints), Pains: painKeys(st.Pains), Emotion: dataStat(st.Emotion),
		})
	}
	out.Touchpoints = make([]jsonTouchpoint, 0, len(s.Touchpoints))
	for _, t := range s.Touchpoints {
		out.Touchpoints = append(out.Touchpoints, jsonTouchpoint{
			ID: t.ID, Title: t.Title, URL: l.Touchpoint(t), Source: t.Source.Path, Channel: t.Channel,
			Mode: t.Mode, Managed: t.Managed, Owner: t.Owner, DeclaredStages: stageIDs(t.DeclaredStages),
			Stages: stageIDs(t.Stages), KPIs: nonNil(t.KPIs), Personas: personaIDs(t.Personas),
			Pains: painKeys(t.Pains), Emotion: dataStat(t.Emotion),
		})
	}
	out.Pains = make([]jsonPain, 0, len(s.Pains))
	for _, p := range s.Pains {
		out.Pains = append(out.Pains, dataPain(p, l))
	}
	out.Owners = make([]jsonOwner, 0, len(s.Owners))
	for _, o := range s.Owners {
		out.Owners = append(out.Owners, jsonOwner{Name: o.Name, Touchpoints: touchpointIDs(o.Touchpoints), Pains: painKeys(o.Pains)})
	}
	// No indentation: the file is for programs, and on large portals
	// indentation would add a third to its size.
	return json.NewEncoder(w).Encode(out)
}

func dataPersona(p *site.Persona, l links) jsonPersona {
	jp := jsonPersona{
		ID: p.ID, Title: p.Title, URL: l.Persona(p), Source: p.Source.Path, Summary: p.Summary,
		Quote: p.Quote, Priority: p.Priority, Stale: p.Stale, Goals: nonNil(p.Goals),
		Needs: nonNil(p.Needs), Frustrations: nonNil(p.Frustrations), Channels: nonNil(p.Channels),
		Profile: make([]jsonField, 0, len(p.Profile)), Emotion: dataStat(p.Mean),
		Stages: make([]jsonRollup, 0, len(p.Stages)), Steps: make([]jsonStep, 0, len(p.Steps)),
		Critical: make([]int, 0, len(p.Critical)),
	}
	if !p.Reviewed.IsZero() {
		jp.Reviewed = p.Reviewed.Format("2006-01-02")
	}
	for _, f := range p.Profile {
		jp.Profile = append(jp.Profile, jsonField(f))
	}
	for _, r := range p.Stages {
		jr := jsonRollup{Stage: stageID(r.Stage), Steps: make([]int, 0, len(r.Steps)), Emotion: dataStat(r.Emotion), Pains: r.Pains}
		for _, st := range r.Steps {
			jr.Steps = append(jr.Steps, st.Index)
		}
		jp.Stages = append(jp.Stages, jr)
	}
	for _, st := range p.Steps {
		jp.Steps = append(jp.Steps, dataStep(st))
	}
	for _, st := range p.Critical {
		jp.Critical = append(jp.Critical, st.Index)
	}
	return jp
}

func dataStep(st *site.Step) jsonStep {
	js := jsonStep{
		Index: st.Index, Anchor: st.Anchor, Stage: stageID(st.Stage), Touchpoints: touchpointIDs(st.Touchpoints),
		Action: st.Action, Thought: st.Thought, Feeling: st.Feeling, Assumed: st.Assumed,
		Critical: st.Critical, CriticalReason: st.CriticalReason, Duration: st.Duration,
		Artifacts: nonNil(st.Artifacts), Line: st.Source.Line,
		Pains:         make([]jsonMention, 0, len(st.Pains)),
		Opportunities: make([]jsonOpportunity, 0, len(st.Opportunities)),
		Evidence:      make([]jsonEvidence, 0, len(st.Evidence)),
	}
	if st.HasEmotion {
		e := st.Emotion
		js.Emotion = &e
	}
	for _, m := range st.Pains {
		jm := jsonMention{Text: m.Text, Severity: m.Severity.String(), ID: m.ID}
		if m.Pain != nil {
			jm.Pain = m.Pain.Key
		}
		js.Pains = append(js.Pains, jm)
	}
	for _, o := range st.Opportunities {
		js.Opportunities = append(js.Opportunities, jsonOpportunity{Text: o.Text, Impact: o.Impact.String()})
	}
	for _, e := range st.Evidence {
		js.Evidence = append(js.Evidence, jsonEvidence(e))
	}
	return js
}

func dataPain(p *site.Pain, l links) jsonPain {
	jp := jsonPain{
		Key: p.Key, ID: p.ID, Text: p.Text, Severity: p.Severity.String(), URL: l.Pain(p),
		Personas: personaIDs(p.Personas), Stages: stageIDs(p.Stages),
		Touchpoints: touchpointIDs(p.Touchpoints), Owners: nonNil(p.Owners),
		Mentions: make([]jsonPainMention, 0, len(p.Mentions)),
	}
	for _, m := range p.Mentions {
		jm := jsonPainMention{Text: m.Text, Severity: m.Severity.String()}
		if m.Step != nil {
			jm.Persona, jm.Step, jm.Stage, jm.URL = m.Step.Persona.ID, m.Step.Index, stageID(m.Step.Stage), l.Step(m.Step)
		}
		jp.Mentions = append(jp.Mentions, jm)
	}
	return jp
}

func dataStat(st site.Stat) jsonStat {
	js := jsonStat{N: st.N}
	if st.N > 0 {
		mean, lo, hi := st.Mean, st.Min, st.Max
		js.Mean, js.Min, js.Max = &mean, &lo, &hi
	}
	return js
}

func stageID(s *site.Stage) string {
	if s == nil {
		return ""
	}
	return s.ID
}

func stageIDs(ss []*site.Stage) []string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		out = append(out, s.ID)
	}
	return out
}

func personaIDs(ps []*site.Persona) []string {
	out := make([]string, 0, len(ps))
	for _, p := range ps {
		out = append(out, p.ID)
	}
	return out
}

func touchpointIDs(ts []*site.Touchpoint) []string {
	out := make([]string, 0, len(ts))
	for _, t := range ts {
		out = append(out, t.ID)
	}
	return out
}

func painKeys(ps []*site.Pain) []string {
	out := make([]string, 0, len(ps))
	for _, p := range ps {
		out = append(out, p.Key)
	}
	return out
}

// nonNil makes empty lists come out as [] rather than null.
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
