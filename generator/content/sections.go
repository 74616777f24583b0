package content

import (
	"fmt"
	"strings"
)

var (
	homeKeys       = []string{"title"}
	stageKeys      = []string{"title", "order", "goal", "questions", "kpis"}
	touchpointKeys = []string{"title", "channel", "mode", "managed", "owner", "stages", "kpis"}
	modes          = []string{"online", "offline"}
)

// decodeTitle reads the required title of any document.
func (d *decoder) title(root *Node) string {
	n := root.Get("title")
	if n == nil {
		d.errorf(root.Pos, "missing title").Hint = `add a line title = "..." to the front matter`
		return ""
	}
	t := d.text("title", n)
	if t == "" && (n.Kind == String || n.Kind == Null) {
		d.errorf(n.Pos, "title is empty").Hint = "give the page a title"
	}
	return t
}

func decodeHome(d *decoder, root *Node, doc *HomeDoc) {
	doc.Title = d.title(root)
	for _, f := range root.Fields {
		if f.Key != "title" {
			d.unknown(f, "", homeKeys)
		}
	}
}

func decodeStage(d *decoder, root *Node, doc *StageDoc) {
	doc.Title = d.title(root)
	for _, f := range root.Fields {
		switch f.Key {
		case "title":
		case "order":
			doc.Order, _ = d.integer("order", f.Value)
		case "goal":
			doc.Goal = d.text("goal", f.Value)
		case "questions":
			doc.Questions = d.strList("questions", f.Value)
		case "kpis":
			doc.KPIs = d.strList("kpis", f.Value)
		default:
			d.unknown(f, "", stageKeys)
		}
	}
}

func decodeTouchpoint(d *decoder, root *Node, doc *TouchpointDoc) {
	doc.Title = d.title(root)
	doc.Managed = true
	for _, f := range root.Fields {
		switch f.Key {
		case "title":
		case "channel":
			doc.Channel = d.text("channel", f.Value)
		case "mode":
			mode := strings.ToLower(d.text("mode", f.Value))
			if mode != "" && !isOneOf(mode, modes) {
				d.errorf(f.Value.Pos, "mode must be \"online\" or \"offline\", not %q", mode)
				mode = ""
			}
			doc.Mode = mode
		case "managed":
			doc.Managed, _ = d.boolean("managed", f.Value)
			if f.Value.Kind != Bool {
				doc.Managed = true
			}
		case "owner":
			doc.Owner = d.text("owner", f.Value)
		case "stages":
			doc.Stages = d.refs("stages", f.Value)
		case "kpis":
			doc.KPIs = d.strList("kpis", f.Value)
		default:
			d.unknown(f, "", touchpointKeys)
		}
	}
}

// refs reads a list of entity ids, keeping where each was written.
func (d *decoder) refs(key string, n *Node) []Ref {
	if n.Kind == String {
		d.errorf(n.Pos, "%s must be a list, not %s", key, describe(n)).Hint = fmt.Sprintf("write %s = [%q]", key, n.Str)
		return nil
	}
	if n.Kind != List {
		if n.Kind != Null {
			d.wrongType(key, n, "a list of ids")
		}
		return nil
	}
	out := make([]Ref, 0, len(n.Items))
	for _, it := range n.Items {
		if it.Kind != String {
			d.wrongType(key+" item", it, "an id")
			continue
		}
		out = append(out, Ref{ID: NormalID(strings.TrimSpace(it.Str)), Pos: it.Pos})
	}
	return out
}
