package explore

import (
	"html/template"
	"testing"
	"time"

	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/content"
	"github.com/cxatlas/cxatlas/generator/diag"
	"github.com/cxatlas/cxatlas/generator/site"
)

// portal is a small portal written in a few lines: stages by id, in order;
// touchpoints as id:mode:managed; personas with steps.
type portal struct {
	stages      []string
	touchpoints []string
	personas    []persona
}

type persona struct {
	id    string
	steps []stepDoc
}

// stepDoc is one step: its stage, its touchpoints, its emotion (noScore
// for none) and its pains as severity:text.
type stepDoc struct {
	stage   string
	tps     []string
	emotion int
	pains   []string
}

const noScore = 99

// link runs the real link step over p.
func (p portal) link(t *testing.T) *site.Site {
	t.Helper()
	meta := func(section, id string) content.Meta {
		return content.Meta{ID: id, Path: "content/" + section + "/" + id + ".md", Title: "Title of " + id, Body: template.HTML("")}
	}
	set := &content.Set{}
	for i, id := range p.stages {
		set.Stages = append(set.Stages, &content.StageDoc{Meta: meta("stages", id), Order: i + 1})
	}
	for _, spec := range p.touchpoints {
		parts := splitColon(spec)
		set.Touchpoints = append(set.Touchpoints, &content.TouchpointDoc{Meta: meta("touchpoints", parts[0]), Mode: parts[1], Managed: parts[2] == "managed"})
	}
	for i, pe := range p.personas {
		doc := &content.PersonaDoc{Meta: meta("personas", pe.id), Priority: i + 1}
		for _, st := range pe.steps {
			sd := &content.StepDoc{Stage: content.Ref{ID: st.stage}, Action: "Does something"}
			for _, tp := range st.tps {
				sd.Touchpoints = append(sd.Touchpoints, content.Ref{ID: tp})
			}
			if st.emotion != noScore {
				sd.HasEmotion, sd.Emotion = true, st.emotion
			}
			for _, pn := range st.pains {
				parts := splitColon(pn)
				sd.Pains = append(sd.Pains, content.PainDoc{Severity: parts[0], Text: parts[1]})
			}
			doc.Steps = append(doc.Steps, sd)
		}
		set.Personas = append(set.Personas, doc)
	}
	s, diags := site.Link(config.Default(), set, time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC))
	for _, d := range diags {
		if d.Severity == diag.Error {
			t.Fatalf("link: %v", d)
		}
	}
	return s
}

// splitColon splits s at colons into exactly three parts.
func splitColon(s string) []string {
	out := []string{"", "", ""}
	i := 0
	for _, r := range s {
		if r == ':' && i < 2 {
			i++
			continue
		}
		out[i] += string(r)
	}
	return out
}

// at is a step in stage with the given emotion and no touchpoint.
func at(stage string, emotion int, pains ...string) stepDoc {
	return stepDoc{stage: stage, emotion: emotion, pains: pains}
}

// using is a step in stage at touchpoints tps.
func using(stage string, emotion int, tps []string, pains ...string) stepDoc {
	return stepDoc{stage: stage, tps: tps, emotion: emotion, pains: pains}
}
