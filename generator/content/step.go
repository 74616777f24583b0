package content

import (
	"fmt"
	"strings"

	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/diag"
)

var (
	severities = []string{"low", "medium", "high", "critical"}
	impacts    = []string{"low", "medium", "high"}
	// The keys of a pain, an opportunity and a source of evidence written
	// as a table, besides text.
	painItemKeys        = []string{"severity", "id"}
	opportunityItemKeys = []string{"impact"}
	evidenceItemKeys    = []string{"url"}
)

// decodeStep reads the step table n into *s.
func decodeStep(d *decoder, n *Node, scale config.Scale, s *StepDoc) {
	*s = StepDoc{Pos: n.Pos}
	stage := n.Get("stage")
	if stage == nil {
		d.errorf(n.Pos, "step has no stage").Hint = `add stage = "<stage id>" below [[steps]]`
	}
	for _, f := range n.Fields {
		v := f.Value
		switch f.Key {
		case "stage":
			if v.Kind != String {
				d.wrongType("stage", v, "a stage id")
				continue
			}
			s.Stage = Ref{ID: NormalID(strings.TrimSpace(v.Str)), Pos: v.Pos}
			if s.Stage.ID == "" {
				d.errorf(v.Pos, "stage is empty").Hint = "write the id of a stage: a file name in content/stages/ without .md"
			}
		case "touchpoints":
			s.Touchpoints = d.refs("touchpoints", v)
		case "action":
			s.Action = d.text("action", v)
		case "thought":
			s.Thought = d.text("thought", v)
		case "feeling":
			s.Feeling = d.text("feeling", v)
		case "emotion":
			e, ok := d.integer("emotion", v)
			if !ok {
				continue
			}
			if e < scale.Min || e > scale.Max {
				d.errorf(v.Pos, "emotion %d is outside the scale %d to %d", e, scale.Min, scale.Max).Hint =
					"use a whole number on the scale set in config.toml [emotion]"
				continue
			}
			s.HasEmotion, s.Emotion = true, e
		case "pains":
			s.Pains = d.pains(v)
		case "opportunities":
			s.Opportunities = d.opportunities(v)
		case "evidence":
			s.Evidence = d.evidence(v)
		case "duration":
			s.Duration = d.text("duration", v)
		case "artifacts":
			s.Artifacts = d.strList("artifacts", v)
		default:
			if isOneOf(f.Key, personaKeys) {
				continue // reported by strayStepKeys
			}
			d.unknown(f, " in a step", stepKeys)
		}
	}
}

// appendSized appends v to list, making room for n values at the first:
// lists read from n items rarely lose any, and growing them one by one
// allocated several times as much.
func appendSized[T any](list []T, v T, n int) []T {
	if list == nil {
		list = make([]T, 0, n)
	}
	return append(list, v)
}

// items reads a list whose items are text or tables; a single text or table
// is taken as a list of one.
func (d *decoder) items(key string, n *Node) []*Node {
	switch n.Kind {
	case List:
		return n.Items
	case Null:
		return nil
	}
	d.errorf(n.Pos, "%s must be a list, not %s", key, describe(n)).Hint = fmt.Sprintf("write %s = [\"...\"] or %s = [{ text = \"...\" }]", key, key)
	return nil
}

// itemText reads the text of a list item written either as text or as a
// table with a text key; it reports the item's other keys to visit.
func (d *decoder) itemText(key string, it *Node, known []string, visit func(f *Field)) (string, bool) {
	switch it.Kind {
	case String:
		t := strings.TrimSpace(it.Str)
		if t == "" {
			d.errorf(it.Pos, "%s item is empty", key)
			return "", false
		}
		return t, true
	case Table:
		text := ""
		hasText := false
		for _, f := range it.Fields {
			if f.Key == "text" {
				text, hasText = d.text(key+" text", f.Value), true
				continue
			}
			if isOneOf(f.Key, known) {
				visit(f)
				continue
			}
			d.unknown(f, " in "+key, append([]string{"text"}, known...))
		}
		if !hasText || text == "" {
			d.errorf(it.Pos, "%s item has no text", key).Hint = `add text = "..."`
			return "", false
		}
		return text, true
	}
	d.wrongType(key+" item", it, "text or a table with text")
	return "", false
}

func (d *decoder) pains(n *Node) []PainDoc {
	var out []PainDoc
	items := d.items("pains", n)
	for _, it := range items {
		p := PainDoc{Pos: it.Pos}
		text, ok := d.itemText("pains", it, painItemKeys, func(f *Field) {
			switch f.Key {
			case "severity":
				p.Severity = d.choice("severity", f.Value, severities)
			case "id":
				p.ID = NormalID(d.text("id", f.Value))
				if p.ID != "" && !ValidID(p.ID) {
					d.errorf(f.Value.Pos, "pain id %q may only use letters, digits, \"-\" and \"_\"", p.ID)
					p.ID = ""
				}
			}
		})
		if ok {
			p.Text = text
			out = appendSized(out, p, len(items))
		}
	}
	return out
}

func (d *decoder) opportunities(n *Node) []OpportunityDoc {
	var out []OpportunityDoc
	items := d.items("opportunities", n)
	for _, it := range items {
		o := OpportunityDoc{Pos: it.Pos}
		text, ok := d.itemText("opportunities", it, opportunityItemKeys, func(f *Field) {
			o.Impact = d.choice("impact", f.Value, impacts)
		})
		if ok {
			o.Text = text
			out = appendSized(out, o, len(items))
		}
	}
	return out
}

func (d *decoder) evidence(n *Node) []EvidenceDoc {
	var out []EvidenceDoc
	items := d.items("evidence", n)
	for _, it := range items {
		e := EvidenceDoc{Pos: it.Pos}
		var url string
		text, ok := d.itemText("evidence", it, evidenceItemKeys, func(f *Field) {
			url = d.text("url", f.Value)
		})
		if !ok {
			if it.Kind != Table || url == "" {
				continue
			}
			text = url
		}
		if url == "" {
			text, url = splitLinkText(text)
		}
		if url != "" {
			if SafeURL(url) {
				e.URL = url
			} else {
				d.warnf(it.Pos, "evidence link %q is not http, https or mailto; it is shown as text only", clip(url, 60))
			}
		}
		e.Text = text
		out = appendSized(out, e, len(items))
	}
	return out
}

// splitLinkText recognises evidence written as a bare URL or as a Markdown
// link "[text](url)".
func splitLinkText(s string) (text, url string) {
	if strings.HasPrefix(s, "[") && strings.HasSuffix(s, ")") {
		if i := strings.Index(s, "]("); i > 0 {
			return strings.TrimSpace(s[1:i]), strings.TrimSpace(s[i+2 : len(s)-1])
		}
	}
	if !strings.ContainsAny(s, " \t") && hasScheme(s) {
		return s, s
	}
	return s, ""
}

func hasScheme(s string) bool {
	i := strings.IndexByte(s, ':')
	if i <= 0 {
		return false
	}
	for _, r := range s[:i] {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.') {
			return false
		}
	}
	return true
}

// choice reads one of a fixed set of words, ignoring case.
func (d *decoder) choice(key string, n *Node, allowed []string) string {
	if n.Kind != String {
		d.wrongType(key, n, "one of "+strings.Join(allowed, ", "))
		return ""
	}
	v := strings.ToLower(strings.TrimSpace(n.Str))
	if isOneOf(v, allowed) {
		return v
	}
	e := d.errorf(n.Pos, "unknown %s %q (use %s)", key, n.Str, strings.Join(allowed, ", "))
	if c := diag.Closest(v, allowed); c != "" {
		e.Hint = fmt.Sprintf("did you mean %q?", c)
	}
	return ""
}
