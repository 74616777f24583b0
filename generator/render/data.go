package render

import (
	"io"
	"math"
	"strconv"

	"github.com/cxatlas/cxatlas/generator/site"
)

// dataVersion is the version of the data.json format; it changes when a
// field changes meaning or goes away. Version 2 stores each fact once:
// a step's number and anchor follow from its position (steps[i] is step
// i+1, anchor "step-<i+1>"); empty lists, false flags and missing scores are
// left out; a pain lists the steps it is written in per persona, and the
// relations between pains and stages, touchpoints and owners are stored on
// the pain only.
const dataVersion = 2

// The structs below are the data.json format: the whole model, entities
// referring to each other by id (pains by key), so the file has no cycles.
// URLs are relative to the publish folder.

type jsonScale struct {
	Min int `json:"min"`
	Max int `json:"max"`
}

// jsonStat is an aggregate of emotion scores; mean, min and max are left
// out when there are no scores. The mean is rounded to three decimals.
type jsonStat struct {
	N    int      `json:"n"`
	Mean *float64 `json:"mean,omitempty"`
	Min  *int     `json:"min,omitempty"`
	Max  *int     `json:"max,omitempty"`
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
	Goals        []string     `json:"goals,omitempty"`
	Needs        []string     `json:"needs,omitempty"`
	Frustrations []string     `json:"frustrations,omitempty"`
	Channels     []string     `json:"channels,omitempty"`
	Profile      []jsonField  `json:"profile,omitempty"`
	Emotion      jsonStat     `json:"emotion"`
	Stages       []jsonRollup `json:"stages"`
	Steps        []jsonStep   `json:"steps"`
	// Critical lists the numbers of the critical steps.
	Critical []int `json:"critical,omitempty"`
}

type jsonField struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// jsonRollup is a persona's emotion and pain mentions at one stage.
type jsonRollup struct {
	Stage   string   `json:"stage"`
	Emotion jsonStat `json:"emotion"`
	Pains   int      `json:"pains,omitempty"`
}

// jsonStep is one step; its number is its position in the persona's steps,
// from 1.
type jsonStep struct {
	Stage          string            `json:"stage"`
	Touchpoints    []string          `json:"touchpoints,omitempty"`
	Action         string            `json:"action,omitempty"`
	Thought        string            `json:"thought,omitempty"`
	Feeling        string            `json:"feeling,omitempty"`
	Emotion        *int              `json:"emotion,omitempty"`
	Assumed        bool              `json:"assumed,omitempty"`
	Critical       bool              `json:"critical,omitempty"`
	CriticalReason string            `json:"criticalReason,omitempty"`
	Pains          []jsonMention     `json:"pains,omitempty"`
	Opportunities  []jsonOpportunity `json:"opportunities,omitempty"`
	Evidence       []jsonEvidence    `json:"evidence,omitempty"`
	Duration       string            `json:"duration,omitempty"`
	Artifacts      []string          `json:"artifacts,omitempty"`
	Line           int               `json:"line,omitempty"`
}

// jsonMention is a pain as written in a step: the key of the pain it
// belongs to, and its text only where it differs from the pain's.
type jsonMention struct {
	Pain     string `json:"pain"`
	Severity string `json:"severity"`
	Text     string `json:"text,omitempty"`
	ID       string `json:"id,omitempty"`
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
	Questions   []string `json:"questions,omitempty"`
	KPIs        []string `json:"kpis,omitempty"`
	Touchpoints []string `json:"touchpoints,omitempty"`
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
	DeclaredStages []string `json:"declaredStages,omitempty"`
	Stages         []string `json:"stages,omitempty"`
	KPIs           []string `json:"kpis,omitempty"`
	Emotion        jsonStat `json:"emotion"`
}

type jsonPain struct {
	Key      string   `json:"key"`
	ID       string   `json:"id,omitempty"`
	Text     string   `json:"text"`
	Severity string   `json:"severity"`
	URL      string   `json:"url"`
	Personas []string `json:"personas"`
	// Steps holds, for each of Personas, the numbers of the steps where
	// the pain is written.
	Steps       [][]int  `json:"steps"`
	Stages      []string `json:"stages,omitempty"`
	Touchpoints []string `json:"touchpoints,omitempty"`
	Owners      []string `json:"owners,omitempty"`
}

type jsonOwner struct {
	// Name is empty for the touchpoints with no owner.
	Name        string   `json:"name"`
	Touchpoints []string `json:"touchpoints"`
}

// writeData writes data.json: the whole model of s, as one object with
// version, title, baseURL (when set) and emotion (the scale), then the lists
// personas, stages, touchpoints, pains and owners. It is written entity by
// entity rather than built and encoded in one piece, so that a large
// portal's model is never held twice.
func writeData(w io.Writer, s *site.Site, d *derived, persona func(b []byte, at int64, p *site.Persona) []byte) error {
	l := links{d: d}
	if g, ok := w.(interface{ Grow(int) }); ok {
		g.Grow(dataSizeHint(s))
	}
	dw := &dataWriter{w: w}
	dw.raw(`{"version":`)
	dw.b = strconv.AppendInt(dw.b, dataVersion, 10)
	dw.raw(`,"title":`)
	dw.b = appendJSONString(dw.b, s.Title)
	scale := jsonScale{}
	if s.Config != nil {
		if s.Config.BaseURL != "" {
			dw.raw(`,"baseURL":`)
			dw.b = appendJSONString(dw.b, s.Config.BaseURL)
		}
		scale = jsonScale{s.Config.Emotion.Min, s.Config.Emotion.Max}
	}
	dw.raw(`,"emotion":`)
	dw.b = scale.append(dw.b)
	dataList(dw, "personas", s.Personas, func(b []byte, p *site.Persona) []byte { return persona(b, dw.written, p) })
	dataList(dw, "stages", s.Stages, func(b []byte, st *site.Stage) []byte {
		js := jsonStage{
			ID: st.ID, Title: st.Title, URL: l.Stage(st), Source: st.Source.Path, Order: st.Order,
			Goal: st.Goal, Questions: st.Questions, KPIs: st.KPIs,
			Touchpoints: touchpointIDs(st.Touchpoints), Emotion: dataStat(st.Emotion),
		}
		return js.append(b)
	})
	dataList(dw, "touchpoints", s.Touchpoints, func(b []byte, t *site.Touchpoint) []byte {
		jt := jsonTouchpoint{
			ID: t.ID, Title: t.Title, URL: l.Touchpoint(t), Source: t.Source.Path, Channel: t.Channel,
			Mode: t.Mode, Managed: t.Managed, Owner: t.Owner, DeclaredStages: stageIDs(t.DeclaredStages),
			Stages: stageIDs(t.Stages), KPIs: t.KPIs, Emotion: dataStat(t.Emotion),
		}
		return jt.append(b)
	})
	dataList(dw, "pains", s.Pains, func(b []byte, p *site.Pain) []byte {
		jp := dataPain(p, l)
		return jp.append(b)
	})
	dataList(dw, "owners", s.Owners, func(b []byte, o *site.Owner) []byte {
		jo := jsonOwner{Name: o.Name, Touchpoints: touchpointIDs(o.Touchpoints)}
		return jo.append(b)
	})
	dw.raw("}\n")
	dw.flush()
	return dw.err
}

// dataSizeHint estimates the size of data.json for s from the text it
// holds and the ids it refers to, on the high side. On large portals the
// file runs to tens of megabytes, and a buffer grown to it once costs far
// less than one grown through every doubling.
func dataSizeHint(s *site.Site) int {
	n := 4096
	for _, p := range s.Personas {
		n += 2048 + len(p.Summary) + len(p.Quote) + 96*len(p.Stages)
		for _, st := range p.Steps {
			n += 150 + len(st.Action) + len(st.Thought) + len(st.Feeling) + len(st.Duration) + len(st.CriticalReason)
			for _, t := range st.Touchpoints {
				n += 4 + len(t.ID)
			}
			for _, m := range st.Pains {
				n += 64 + len(m.Text) + len(m.ID)
			}
			for _, o := range st.Opportunities {
				n += 32 + len(o.Text)
			}
			for _, e := range st.Evidence {
				n += 24 + len(e.Text) + len(e.URL)
			}
			for _, a := range st.Artifacts {
				n += 4 + len(a)
			}
		}
	}
	for _, p := range s.Pains {
		n += 256 + 2*len(p.Text) + 36*(len(p.Personas)+len(p.Stages)+len(p.Touchpoints)+len(p.Owners)) + 4*len(p.Mentions)
	}
	return n + 512*(len(s.Stages)+len(s.Touchpoints)+len(s.Owners))
}

// dataList writes `,"name":[...]` with an element per item, appended by
// elem.
func dataList[T any](dw *dataWriter, name string, items []T, elem func([]byte, T) []byte) {
	dw.raw(`,"` + name + `":[`)
	for i, it := range items {
		if i > 0 {
			dw.raw(",")
		}
		dw.b = elem(dw.b, it)
		dw.maybeFlush()
	}
	dw.raw("]")
}

// dataWriter writes JSON to w through a buffer of about dataChunk bytes,
// keeping the first error.
type dataWriter struct {
	w   io.Writer
	b   []byte
	err error
	// written counts the bytes written to w: b starts there.
	written int64
}

// dataChunk is about how much dataWriter buffers before writing to w.
const dataChunk = 64 << 10

// raw writes JSON punctuation of this package.
func (dw *dataWriter) raw(s string) { dw.b = append(dw.b, s...) }

// maybeFlush writes the buffer to w once it holds dataChunk bytes.
func (dw *dataWriter) maybeFlush() {
	if len(dw.b) >= dataChunk {
		dw.flush()
	}
}

// flush writes the buffer to w.
func (dw *dataWriter) flush() {
	if dw.err == nil && len(dw.b) > 0 {
		_, dw.err = dw.w.Write(dw.b)
	}
	dw.written += int64(len(dw.b))
	dw.b = dw.b[:0]
}

func dataPersona(p *site.Persona, l links) jsonPersona {
	jp := jsonPersona{
		ID: p.ID, Title: p.Title, URL: l.Persona(p), Source: p.Source.Path, Summary: p.Summary,
		Quote: p.Quote, Priority: p.Priority, Stale: p.Stale, Goals: p.Goals,
		Needs: p.Needs, Frustrations: p.Frustrations, Channels: p.Channels,
		Emotion: dataStat(p.Mean),
		Stages:  make([]jsonRollup, 0, len(p.Stages)), Steps: make([]jsonStep, 0, len(p.Steps)),
	}
	if !p.Reviewed.IsZero() {
		jp.Reviewed = p.Reviewed.Format("2006-01-02")
	}
	for _, f := range p.Profile {
		jp.Profile = append(jp.Profile, jsonField(f))
	}
	for _, r := range p.Stages {
		jp.Stages = append(jp.Stages, jsonRollup{Stage: stageID(r.Stage), Emotion: dataStat(r.Emotion), Pains: r.Pains})
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
		Stage: stageID(st.Stage), Action: st.Action, Thought: st.Thought, Feeling: st.Feeling,
		Assumed: st.Assumed, Critical: st.Critical, CriticalReason: st.CriticalReason,
		Duration: st.Duration, Artifacts: st.Artifacts, Line: st.Source.Line,
	}
	if len(st.Touchpoints) > 0 {
		js.Touchpoints = touchpointIDs(st.Touchpoints)
	}
	if st.HasEmotion {
		e := st.Emotion
		js.Emotion = &e
	}
	for _, m := range st.Pains {
		jm := jsonMention{Severity: m.Severity.String(), ID: m.ID, Text: m.Text}
		if m.Pain != nil {
			jm.Pain = m.Pain.Key
			if m.Text == m.Pain.Text {
				jm.Text = ""
			}
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
		Personas: personaIDs(p.Personas), Steps: make([][]int, 0, len(p.Personas)),
		Stages: stageIDs(p.Stages), Touchpoints: touchpointIDs(p.Touchpoints), Owners: p.Owners,
	}
	var persona *site.Persona
	for _, m := range p.Mentions {
		st := m.Step
		if st == nil {
			continue
		}
		n := len(jp.Steps)
		switch {
		case st.Persona != persona:
			persona = st.Persona
			jp.Steps = append(jp.Steps, []int{st.Index})
		case jp.Steps[n-1][len(jp.Steps[n-1])-1] != st.Index:
			jp.Steps[n-1] = append(jp.Steps[n-1], st.Index)
		}
	}
	return jp
}

func dataStat(st site.Stat) jsonStat {
	js := jsonStat{N: st.N}
	if st.N > 0 {
		mean, lo, hi := math.Round(st.Mean*1000)/1000, st.Min, st.Max
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

// ids lists the ids of xs, in order.
func ids[T any](xs []T, id func(T) string) []string {
	out := make([]string, 0, len(xs))
	for _, x := range xs {
		out = append(out, id(x))
	}
	return out
}

func stageIDs(ss []*site.Stage) []string {
	return ids(ss, func(s *site.Stage) string { return s.ID })
}

func personaIDs(ps []*site.Persona) []string {
	return ids(ps, func(p *site.Persona) string { return p.ID })
}

func touchpointIDs(ts []*site.Touchpoint) []string {
	return ids(ts, func(t *site.Touchpoint) string { return t.ID })
}
