package content

import (
	"fmt"
	"strings"
	"testing"

	"github.com/cxatlas/cxatlas/generator/diag"
)

// flatten lists every value of a node tree with its path and position.
func flatten(n *Node, path string, out map[string]diag.Pos) {
	out[path] = n.Pos
	for _, f := range n.Fields {
		out[path+"."+f.Key+"@key"] = f.KeyPos
		flatten(f.Value, path+"."+f.Key, out)
	}
	for i, it := range n.Items {
		flatten(it, fmt.Sprintf("%s[%d]", path, i), out)
	}
}

const tomlPersona = `title = "Family"
goals = ["a",
  "b"]
[profile]
age = 35
"city name" = "Riga"

[[steps]]
stage = "search"
pains = [ "plain", { text = "x", severity = "high" } ]

[[steps]]
stage = "buy"   # second
emotion = -1
`

const yamlPersona = `title: Family
goals:
  - a
  - b
profile:
  age: 35
  city name: Riga
steps:
  - stage: search
    pains:
      - plain
      - text: x
        severity: high
  - stage: buy
    emotion: -1
`

var tomlPersonaPositions = map[string]diag.Pos{
	".title":                      {Line: 2, Col: 9},
	".goals[1]":                   {Line: 4, Col: 3},
	".profile.age@key":            {Line: 6, Col: 1},
	".profile.city name@key":      {Line: 7, Col: 1},
	".steps[0]":                   {Line: 9, Col: 1},
	".steps[0].stage":             {Line: 10, Col: 9},
	".steps[0].pains[1]":          {Line: 11, Col: 20},
	".steps[0].pains[1].severity": {Line: 11, Col: 45},
	".steps[1].emotion":           {Line: 15, Col: 11},
}

func TestPositions(t *testing.T) {
	tests := []struct {
		name  string
		parse func([]byte, int) (*Node, error)
		src   string
		want  map[string]diag.Pos
	}{
		{"toml-fast", parseTOMLFast, tomlPersona, tomlPersonaPositions},
		{"toml-slow", parseTOMLSlow, tomlPersona, tomlPersonaPositions},
		{"yaml", parseYAML, yamlPersona, map[string]diag.Pos{
			".title":                      {Line: 2, Col: 8},
			".goals[1]":                   {Line: 5, Col: 5},
			".profile.age@key":            {Line: 7, Col: 3},
			".steps[0].stage":             {Line: 10, Col: 12},
			".steps[0].pains[1].severity": {Line: 14, Col: 19},
			".steps[1].emotion":           {Line: 16, Col: 14},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := tt.parse([]byte(tt.src), 2)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]diag.Pos{}
			flatten(n, "", got)
			for k, want := range tt.want {
				if got[k] != want {
					t.Errorf("%s: got %v, want %v", k, got[k], want)
				}
			}
			profile := n.Get("profile")
			var keys []string
			for _, f := range profile.Fields {
				keys = append(keys, f.Key)
			}
			if strings.Join(keys, ",") != "age,city name" {
				t.Errorf("profile order %v", keys)
			}
		})
	}
}

func TestParseErrorsCarryPositions(t *testing.T) {
	tests := []struct {
		name  string
		parse func([]byte, int) (*Node, error)
		src   string
		line  int
	}{
		{"toml unterminated string", parseTOML, "title = \"x\nb = 1\n", 2},
		{"toml duplicate key", parseTOML, "a = 1\nb = 2\na = 3\n", 4},
		{"yaml bad indent", parseYAML, "a: 1\n  b: 2\n", 3},
		{"yaml duplicate key", parseYAML, "a: 1\na: 2\n", 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.parse([]byte(tt.src), 2)
			pe, ok := err.(*ParseError)
			if !ok {
				t.Fatalf("got %v, want a ParseError", err)
			}
			if pe.Pos.Line != tt.line {
				t.Errorf("line %d, want %d (%s)", pe.Pos.Line, tt.line, pe.Message)
			}
		})
	}
}

func FuzzParseTOML(f *testing.F) {
	f.Add([]byte(tomlPersona))
	f.Add([]byte("a = \"\"\"x\n\"\"\"\nb = '''y'''\n[[t.u]]\nk = {a=[1,{b=2}]}\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		n, err := parseTOML(src, 1)
		if err == nil && n.Kind != Table {
			t.Fatalf("root is %v", n.Kind)
		}
		// The position scanner must stand any input, valid or not.
		scanTOMLPositions(src, 1)
	})
}

func FuzzParseYAML(f *testing.F) {
	f.Add([]byte(yamlPersona))
	f.Add([]byte("a: &x [1, 2]\nb: *x\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		n, err := parseYAML(src, 1)
		if err == nil && n.Kind != Table {
			t.Fatalf("root is %v", n.Kind)
		}
	})
}
