// Package schema describes the front matter of content files as JSON Schema
// (draft 2020-12), so that editors complete and check fields as writers
// type. The keys come from the loader's own lists (content.KnownFields);
// this package adds what each key holds and a sentence about it. The
// schemas are published in every portal under schema/ and written by
// `cxatlas schema`.
package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/content"
)

// Draft is the JSON Schema dialect of the schemas.
const Draft = "https://json-schema.org/draft/2020-12/schema"

// File is one schema: Name is its file name, as published under schema/.
type File struct {
	Name string
	Data []byte
}

// The file names of the schemas, one per kind of content file.
const (
	PersonaFile    = "persona.schema.json"
	StageFile      = "stage.schema.json"
	TouchpointFile = "touchpoint.schema.json"
	HomeFile       = "index.schema.json"
)

// Names lists the file names of the schemas Generate returns, in order.
func Names() []string { return []string{PersonaFile, StageFile, TouchpointFile, HomeFile} }

// object is a JSON Schema, written with sorted keys.
type object = map[string]any

// Generate returns the schemas of the four kinds of content file, for a
// portal whose emotion scale is sc: persona, stage, touchpoint and
// content/_index.md. Unknown keys are refused (additionalProperties), as
// `cxatlas check -strict` refuses them. An error means that the loader
// knows a key this package does not describe.
func Generate(sc config.Scale) ([]File, error) {
	f := content.KnownFields()
	props, err := stepProps(f, sc)
	if err != nil {
		return nil, err
	}
	step, err := documentSchema("a step", f.Step, []string{"stage"}, props)
	if err != nil {
		return nil, err
	}
	personaProps := object{
		"title":        text("The persona's name as readers see it, e.g. \"Anna, the urgent replacer\". Required."),
		"summary":      text("One sentence about the segment, shown under the title and in lists."),
		"quote":        text("Something this customer would say, shown as a quote."),
		"priority":     object{"type": "integer", "minimum": 1, "description": "Importance among the personas, 1 the most important; lists sort by it."},
		"reviewed":     object{"type": "string", "format": "date", "description": "The day the map was last reviewed, 2026-10-08; maps older than staleAfter days are marked stale."},
		"goals":        texts("What the customer wants to achieve."),
		"needs":        texts("What the customer needs on the way."),
		"frustrations": texts("What frustrates the customer."),
		"channels":     texts("Channels the customer prefers."),
		"profile": object{
			"type":                 "object",
			"description":          "Free facts about the segment (age, city, income...), shown in the writer's order.",
			"additionalProperties": object{"type": []string{"string", "number", "boolean", "array"}, "items": object{"type": []string{"string", "number", "boolean"}}},
		},
		"steps": object{"type": "array", "description": "The journey, one [[steps]] table per step, in order.", "items": step},
	}
	stageProps := object{
		"title":     text("The stage's name, e.g. \"Search & compare\". Required."),
		"order":     object{"type": "integer", "description": "Position of the stage in the journey; stages sort by it, then by id."},
		"goal":      text("What the customer wants to achieve in this stage."),
		"questions": texts("Questions the customer asks in this stage."),
		"kpis":      texts("How the company measures this stage."),
	}
	touchpointProps := object{
		"title":   text("The touchpoint's name, e.g. \"Online shop\". Required."),
		"channel": text("The channel it belongs to, e.g. \"web\" or \"phone\"."),
		"mode":    object{"type": "string", "enum": f.Modes, "description": "Whether the customer meets it online or offline."},
		"managed": object{"type": "boolean", "description": "Whether the company controls it (true, the default) or not (reviews, word of mouth)."},
		"owner":   text("The team or person whose work decides how this contact goes."),
		"stages":  ids("Ids of the stages where it is used (file names in content/stages/ without .md)."),
		"kpis":    texts("How the company measures this touchpoint."),
	}
	homeProps := object{"title": text("The portal's title on the home page. Required.")}

	out := make([]File, 0, 4)
	for _, d := range []struct {
		file, title, what string
		keys              []string
		props             object
	}{
		{PersonaFile, "cxatlas persona", "The front matter of a persona, content/personas/<id>.md: the segment and its journey.", f.Persona, personaProps},
		{StageFile, "cxatlas stage", "The front matter of a stage, content/stages/<id>.md: a phase of the journey.", f.Stage, stageProps},
		{TouchpointFile, "cxatlas touchpoint", "The front matter of a touchpoint, content/touchpoints/<id>.md: where customers meet the company.", f.Touchpoint, touchpointProps},
		{HomeFile, "cxatlas home page", "The front matter of content/_index.md: the title of the home page.", f.Home, homeProps},
	} {
		s, err := documentSchema(d.title, d.keys, []string{"title"}, d.props)
		if err != nil {
			return nil, err
		}
		s["$schema"] = Draft
		s["title"] = d.title
		s["description"] = d.what
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(s); err != nil {
			return nil, err
		}
		out = append(out, File{Name: d.file, Data: b.Bytes()})
	}
	return out, nil
}

// documentSchema is the schema of an object whose keys are those the
// loader knows, keys, each described in props, and no others.
func documentSchema(what string, keys, required []string, props object) (object, error) {
	if err := describes(what, keys, props); err != nil {
		return nil, err
	}
	return object{"type": "object", "properties": props, "required": required, "additionalProperties": false}, nil
}

// describes reports a key of keys that props lacks, or one of props that
// keys lacks: the loader and the schema must know the same keys.
func describes(what string, keys []string, props object) error {
	for _, k := range keys {
		if _, ok := props[k]; !ok {
			return fmt.Errorf("schema: the key %q of %s is not described", k, what)
		}
	}
	for k := range props {
		if !slices.Contains(keys, k) {
			return fmt.Errorf("schema: %s describes %q, which the loader does not read", what, k)
		}
	}
	return nil
}

// stepProps describes the keys of a step.
func stepProps(f content.Fields, sc config.Scale) (object, error) {
	var err error
	// item describes a list of items, keeping the first key left out.
	item := func(what, desc string, props object, keys []string) object {
		if e := describes(what, append([]string{"text"}, keys...), props); e != nil && err == nil {
			err = e
		}
		return items(desc, props, keys)
	}
	props := object{
		"stage":       object{"type": "string", "minLength": 1, "description": "Id of the stage of this step (a file name in content/stages/ without .md). Required."},
		"touchpoints": ids("Ids of the touchpoints met in this step (file names in content/touchpoints/ without .md)."),
		"action":      text("What the customer does."),
		"thought":     text("What the customer thinks."),
		"feeling":     text("What the customer feels, in words."),
		"emotion": object{"type": "integer", "minimum": sc.Min, "maximum": sc.Max,
			"description": fmt.Sprintf("The emotion at this step, a whole number from %d to %d (config.toml [emotion]); the curve of the map.", sc.Min, sc.Max)},
		"pains": item("a pain", "Pain points that may stop the customer: text, or a table with text, severity and id.", object{
			"text":     text("The pain point. Required."),
			"severity": object{"type": "string", "enum": f.Severities, "description": "How severe it is."},
			"id":       object{"type": "string", "pattern": `^[\p{L}\p{N}_-]+$`, "description": "Joins the same pain across maps: letters, digits, - and _."},
		}, f.Pain),
		"opportunities": item("an opportunity", "Ways to remove a pain or improve the step: text, or a table with text and impact.", object{
			"text":   text("The opportunity. Required."),
			"impact": object{"type": "string", "enum": f.Impacts, "description": "How much it would change."},
		}, f.Opportunity),
		"evidence": item("a source of evidence", "What backs the step: an interview, a metric, a link (http, https, mailto), or \"[text](url)\".", object{
			"text": text("What the source is. Required unless url is given."),
			"url":  text("A link to the source."),
		}, f.Evidence),
		"duration":  text("How long the step takes."),
		"artifacts": texts("Documents and things the customer uses in this step."),
	}
	return props, err
}

func text(desc string) object { return object{"type": "string", "description": desc} }

func texts(desc string) object {
	return object{"type": "array", "items": object{"type": "string"}, "description": desc}
}

func ids(desc string) object {
	return object{"type": "array", "items": object{"type": "string", "minLength": 1}, "description": desc}
}

// items describes a list whose items are text, or tables with text and
// the loader's keys for them; a table of evidence may give its url alone.
func items(desc string, props object, keys []string) object {
	required := []string{"text"}
	if slices.Contains(keys, "url") {
		required = nil
	}
	table := object{"type": "object", "properties": props, "additionalProperties": false}
	if required != nil {
		table["required"] = required
	} else {
		table["anyOf"] = []object{{"required": []string{"text"}}, {"required": []string{"url"}}}
	}
	return object{"type": "array", "description": desc, "items": object{"anyOf": []object{{"type": "string", "minLength": 1}, table}}}
}
