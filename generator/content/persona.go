package content

import (
	"fmt"
	"strings"

	"github.com/cxatlas/cxatlas/generator/config"
)

var (
	personaKeys = []string{"title", "summary", "quote", "priority", "reviewed", "goals", "needs",
		"frustrations", "channels", "profile", "steps"}
	stepKeys = []string{"id", "stage", "touchpoints", "action", "thought", "feeling", "emotion", "pains",
		"opportunities", "evidence", "duration", "artifacts"}
)

func isOneOf(s string, list []string) bool {
	for _, k := range list {
		if k == s {
			return true
		}
	}
	return false
}

func decodePersona(d *decoder, root *Node, doc *PersonaDoc, scale config.Scale) {
	// Keys that TOML put into [profile] or the last [[steps]] because they
	// were written below its header are applied to the persona, with a
	// warning, unless the persona sets them itself.
	var misplaced []*Field
	for _, f := range root.Fields {
		switch f.Key {
		case "profile":
			if d.table("profile", f.Value) {
				for _, pf := range f.Value.Fields {
					if pf.Key != "profile" && pf.Key != "steps" && isOneOf(pf.Key, personaKeys) {
						d.warnf(pf.KeyPos, "%q is inside [profile] because it is written below the [profile] header", pf.Key).Hint =
							"move it above [profile]"
						misplaced = append(misplaced, pf)
						continue
					}
					doc.Profile = append(doc.Profile, ProfileField{Key: pf.Key, Value: d.profileValue(pf)})
				}
			}
		case "steps":
			if f.Value.Kind != List {
				d.wrongType("steps", f.Value, "a list of [[steps]] tables")
				continue
			}
			// The steps live as long as the persona: one allocation
			// holds them all.
			steps := make([]StepDoc, len(f.Value.Items))
			for i, it := range f.Value.Items {
				if !d.table(fmt.Sprintf("step %d", i+1), it) {
					continue
				}
				if i == len(f.Value.Items)-1 {
					misplaced = append(misplaced, d.strayStepKeys(it)...)
				}
				decodeStep(d, it, scale, &steps[i])
				doc.Steps = appendSized(doc.Steps, &steps[i], len(steps))
			}
			d.uniqueStepIDs(doc.Steps)
		}
	}
	for _, f := range misplaced {
		if root.Get(f.Key) == nil {
			root.Fields = append(root.Fields, f)
		}
	}
	doc.Title = d.title(root)
	for _, f := range root.Fields {
		d.personaField(doc, f)
	}
}

// strayStepKeys finds persona keys written below the last [[steps]] header.
func (d *decoder) strayStepKeys(step *Node) []*Field {
	var out []*Field
	for _, f := range step.Fields {
		if f.Key != "steps" && f.Key != "profile" && isOneOf(f.Key, personaKeys) && !isOneOf(f.Key, stepKeys) {
			d.warnf(f.KeyPos, "%q is inside the last [[steps]] because it is written below that header", f.Key).Hint =
				"move it above [profile] and the first [[steps]]"
			out = append(out, f)
		}
	}
	return out
}

func (d *decoder) personaField(doc *PersonaDoc, f *Field) {
	n := f.Value
	switch f.Key {
	case "title", "profile", "steps":
	case "summary":
		doc.Summary = d.text("summary", n)
	case "quote":
		doc.Quote = d.text("quote", n)
	case "priority":
		if p, ok := d.integer("priority", n); ok {
			if p < 1 {
				d.errorf(n.Pos, "priority must be 1 or more (1 is the most important), not %d", p)
			} else {
				doc.Priority = p
			}
		}
	case "reviewed":
		doc.Reviewed, _ = d.date("reviewed", n)
		doc.ReviewedPos = n.Pos
	case "goals":
		doc.Goals = d.strList("goals", n)
	case "needs":
		doc.Needs = d.strList("needs", n)
	case "frustrations":
		doc.Frustrations = d.strList("frustrations", n)
	case "channels":
		doc.Channels = d.strList("channels", n)
	default:
		if isOneOf(f.Key, stepKeys) {
			d.warnf(f.KeyPos, "%q is a step key but is written before any [[steps]] header; it is ignored", f.Key).Hint =
				"put it below a [[steps]] header"
			return
		}
		d.unknown(f, "", personaKeys)
	}
}

func (d *decoder) profileValue(f *Field) string {
	n := f.Value
	switch n.Kind {
	case List:
		return strings.Join(d.strList("profile."+f.Key, n), ", ")
	case Table:
		d.wrongType("profile."+f.Key, n, "text or a number")
		return ""
	}
	return d.text("profile."+f.Key, n)
}

// uniqueStepIDs reports a step id given to two steps of one map: the id
// names one step across revisions of the map.
func (d *decoder) uniqueStepIDs(steps []*StepDoc) {
	var seen map[string]int
	for i, s := range steps {
		if s.ID == "" {
			continue
		}
		if seen == nil {
			seen = map[string]int{}
		}
		if prev, dup := seen[s.ID]; dup {
			d.errorf(s.Pos, "step id %q is already the id of step %d", s.ID, prev+1).Hint = "give each step of the map its own id"
			continue
		}
		seen[s.ID] = i
	}
}
