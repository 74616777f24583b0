package content

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/cxatlas/cxatlas/generator/diag"
)

// yamlNodeLimit bounds the values one front matter may expand to, so that
// aliases cannot blow up a small file into a huge document.
const yamlNodeLimit = 100_000

var yamlLineRE = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// parseYAML decodes YAML front matter that starts on line firstLine of its
// file into a table node.
func parseYAML(src []byte, firstLine int) (n *Node, err error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		line, msg := 1, err.Error()
		if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
			if m[1] != "" {
				line, _ = strconv.Atoi(m[1])
			}
			msg = m[2]
		}
		if slip := yamlSlip(src, firstLine, firstLine+line-1, msg); slip != nil {
			return nil, slip
		}
		if strings.Contains(msg, "mapping values") || strings.Contains(msg, "did not find expected") {
			msg += "; check the indentation, and quote text that contains \": \" or starts with a special character"
		}
		return nil, &ParseError{Pos: diag.Pos{Line: firstLine + line - 1, Col: 1}, Message: "malformed YAML: " + msg}
	}
	c := &yamlConverter{offset: firstLine - 1}
	root := &Node{Kind: Table, Pos: diag.Pos{Line: firstLine, Col: 1}}
	if len(doc.Content) == 0 {
		return root, nil
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		if top.Kind == yaml.ScalarNode && top.Tag == "!!null" {
			return root, nil
		}
		if slip := yamlEquals(strings.SplitN(string(src), "\n", 2)[0], firstLine); slip != nil {
			return nil, slip
		}
		return nil, &ParseError{Pos: c.pos(top), Message: "front matter must be a set of \"key: value\" lines"}
	}
	out := c.node(top, 0)
	if c.err != nil {
		return nil, c.err
	}
	return out, nil
}

type yamlConverter struct {
	offset int
	count  int
	err    *ParseError
}

func (c *yamlConverter) pos(n *yaml.Node) diag.Pos {
	return diag.Pos{Line: n.Line + c.offset, Col: n.Column}
}

func (c *yamlConverter) fail(n *yaml.Node, msg string) *Node {
	if c.err == nil {
		c.err = &ParseError{Pos: c.pos(n), Message: msg}
	}
	return &Node{Pos: c.pos(n)}
}

func (c *yamlConverter) node(y *yaml.Node, depth int) *Node {
	c.count++
	if c.err != nil {
		return &Node{}
	}
	if c.count > yamlNodeLimit || depth > 100 {
		return c.fail(y, "malformed YAML: the front matter is too large or too deeply nested")
	}
	n := &Node{Pos: c.pos(y)}
	switch y.Kind {
	case yaml.AliasNode:
		if y.Alias == nil {
			return c.fail(y, "malformed YAML: unknown alias")
		}
		out := c.node(y.Alias, depth+1)
		out.Pos = n.Pos
		return out
	case yaml.MappingNode:
		n.Kind = Table
		seen := map[string]bool{}
		for i := 0; i+1 < len(y.Content); i += 2 {
			k, v := y.Content[i], y.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				return c.fail(k, "malformed YAML: a key must be a plain word")
			}
			if seen[k.Value] {
				return c.fail(k, "malformed YAML: key \""+k.Value+"\" is written twice")
			}
			seen[k.Value] = true
			n.Fields = append(n.Fields, &Field{Key: k.Value, KeyPos: c.pos(k), Value: c.node(v, depth+1)})
		}
	case yaml.SequenceNode:
		n.Kind = List
		for _, e := range y.Content {
			n.Items = append(n.Items, c.node(e, depth+1))
		}
	case yaml.ScalarNode:
		c.scalar(y, n)
	case yaml.DocumentNode:
		if len(y.Content) > 0 {
			return c.node(y.Content[0], depth+1)
		}
	}
	return n
}

func (c *yamlConverter) scalar(y *yaml.Node, n *Node) {
	switch y.ShortTag() {
	case "!!null":
		n.Kind = Null
	case "!!bool":
		n.Kind = Bool
		n.Bool = strings.EqualFold(y.Value, "true") || strings.EqualFold(y.Value, "yes") || strings.EqualFold(y.Value, "on")
	case "!!int":
		if v, err := strconv.ParseInt(strings.ReplaceAll(y.Value, "_", ""), 0, 64); err == nil {
			n.Kind, n.Int = Int, v
			return
		}
		n.Kind, n.Str = String, y.Value
	case "!!float":
		v, err := strconv.ParseFloat(y.Value, 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			n.Kind, n.Str = String, y.Value
			return
		}
		n.Kind, n.Float = Float, v
	case "!!timestamp":
		if t, err := time.Parse("2006-01-02", y.Value); err == nil {
			n.Kind, n.Time = Date, t
			return
		}
		if t, ok := parseDateTime(y.Value); ok {
			n.Kind, n.Time, n.Clock = Date, t, DateTime
			return
		}
		n.Kind, n.Str = String, y.Value
	default:
		n.Kind, n.Str = String, y.Value
	}
}
