package content

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/cxatlas/cxatlas/generator/diag"
)

// ParseError is malformed front matter, with its position in the file.
type ParseError struct {
	Pos     diag.Pos
	Message string
	// Hint, when set, says how to fix it.
	Hint string
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("%d:%d: %s", e.Pos.Line, e.Pos.Col, e.Message)
}

// parseTOMLWith decodes TOML front matter that starts on line firstLine of
// its file into a table node, with a fast-path parser to reuse: the tree it
// returns is good until p's next parse.
func parseTOMLWith(p *fastParser, src []byte, firstLine int) (*Node, error) {
	if n, err := p.parse(src, firstLine); err == nil {
		return n, nil
	}
	return parseTOMLSlow(src, firstLine)
}

// parseTOMLSlow decodes with BurntSushi/toml and finds the positions with
// the scanner of tomlpos.go.
func parseTOMLSlow(src []byte, firstLine int) (*Node, error) {
	var m map[string]any
	if _, err := toml.Decode(string(src), &m); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			line := pe.Position.Line
			if line < 1 {
				line = 1
			}
			if slip := tomlSlip(src, firstLine, firstLine+line-1); slip != nil {
				return nil, slip
			}
			return nil, &ParseError{
				Pos:     diag.Pos{Line: firstLine + line - 1, Col: max(pe.Position.Col, 1)},
				Message: "malformed TOML: " + tomlMessage(pe),
			}
		}
		return nil, &ParseError{Pos: diag.Pos{Line: firstLine, Col: 1}, Message: "malformed TOML: " + strings.TrimPrefix(err.Error(), "toml: ")}
	}
	places := scanTOMLPositions(src, firstLine)
	root := &Node{Kind: Table, Pos: diag.Pos{Line: firstLine, Col: 1}}
	root.Fields = tomlFields(m, "", places, root.Pos)
	return root, nil
}

func tomlMessage(pe toml.ParseError) string {
	msg := pe.Message
	if pe.LastKey != "" && !strings.Contains(msg, pe.LastKey) {
		msg = fmt.Sprintf("%s (after key %q)", msg, pe.LastKey)
	}
	if u := strings.TrimSpace(pe.Usage); u != "" {
		msg += "; " + strings.Join(strings.Fields(u), " ")
	}
	return msg
}

func tomlFields(m map[string]any, path string, places map[string]place, parent diag.Pos) []*Field {
	fields := make([]*Field, 0, len(m))
	for k, v := range m {
		p := joinPath(path, k)
		pl, ok := places[p]
		if !ok {
			pl = place{parent, parent}
		}
		fields = append(fields, &Field{Key: k, KeyPos: pl.key, Value: tomlNode(v, p, places, pl.value)})
	}
	slices.SortFunc(fields, func(a, b *Field) int {
		return cmp.Or(cmp.Compare(a.KeyPos.Line, b.KeyPos.Line), cmp.Compare(a.KeyPos.Col, b.KeyPos.Col), cmp.Compare(a.Key, b.Key))
	})
	return fields
}

func tomlNode(v any, path string, places map[string]place, pos diag.Pos) *Node {
	n := &Node{Pos: pos}
	switch v := v.(type) {
	case string:
		n.Kind, n.Str = String, v
	case int64:
		n.Kind, n.Int = Int, v
	case float64:
		n.Kind, n.Float = Float, v
	case bool:
		n.Kind, n.Bool = Bool, v
	case time.Time:
		n.Kind, n.Time, n.Clock = Date, v, clockOf(v)
	case map[string]any:
		n.Kind = Table
		n.Fields = tomlFields(v, path, places, pos)
	case []map[string]any:
		n.Kind = List
		for i, e := range v {
			n.Items = append(n.Items, tomlNode(e, joinPath(path, indexSeg(i)), places, elemPos(places, path, i, pos)))
		}
	case []any:
		n.Kind = List
		for i, e := range v {
			n.Items = append(n.Items, tomlNode(e, joinPath(path, indexSeg(i)), places, elemPos(places, path, i, pos)))
		}
	}
	return n
}

// clockOf tells a TOML date from a date-time and a time of day by the
// name of the zone BurntSushi/toml gives each local form (it does not
// export the zones); offset date-times carry a real zone.
func clockOf(t time.Time) Clock {
	switch t.Location().String() {
	case "date-local":
		return DateOnly
	case "time-local":
		return TimeOnly
	}
	return DateTime
}

func elemPos(places map[string]place, path string, i int, fallback diag.Pos) diag.Pos {
	if pl, ok := places[joinPath(path, indexSeg(i))]; ok {
		return pl.value
	}
	return fallback
}
