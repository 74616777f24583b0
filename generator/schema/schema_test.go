package schema

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/content"
	"github.com/cxatlas/cxatlas/generator/internal/golden"
	"github.com/cxatlas/cxatlas/generator/synth"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// compile compiles the schemas for scale sc, which must be valid draft
// 2020-12 schemas (the compiler checks them against the meta-schema), by
// file name.
func compile(t *testing.T, sc config.Scale) map[string]*jsonschema.Schema {
	t.Helper()
	files, err := Generate(sc)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	out := map[string]*jsonschema.Schema{}
	for _, f := range files {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(f.Data))
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		url := "file:///schema/" + f.Name
		if err := c.AddResource(url, doc); err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		s, err := c.Compile(url)
		if err != nil {
			t.Fatalf("%s is not a valid schema: %v", f.Name, err)
		}
		out[f.Name] = s
	}
	return out
}

// TestGolden keeps the published schemas under review.
func TestGolden(t *testing.T) {
	files, err := Generate(config.Default().Emotion)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 4 {
		t.Fatalf("%d schemas, want 4", len(files))
	}
	for i, f := range files {
		if f.Name != Names()[i] {
			t.Errorf("schema %d is %s, Names says %s", i, f.Name, Names()[i])
		}
		golden.Check(t, filepath.Join("testdata", f.Name), f.Data, *update)
	}
}

// frontMatter reads the front matter of a content file as JSON values,
// the way editors see it: dates become text.
func frontMatter(t *testing.T, path string) any {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	src = bytes.ReplaceAll(bytes.TrimPrefix(src, []byte("\ufeff")), []byte("\r\n"), []byte("\n"))
	sp, err := content.SplitFrontMatter(src)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var v any
	if sp.Format == content.YAML {
		var m map[string]any
		err = yaml.Unmarshal(sp.Front, &m)
		v = m
	} else {
		var m map[string]any
		_, err = toml.Decode(string(sp.Front), &m)
		v = m
	}
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return jsonValue(v)
}

// jsonValue turns decoded TOML or YAML into the values JSON has.
func jsonValue(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			v[k] = jsonValue(x)
		}
		return v
	case []any:
		for i, x := range v {
			v[i] = jsonValue(x)
		}
		return v
	case []map[string]any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = jsonValue(x)
		}
		return out
	case time.Time:
		return v.Format("2006-01-02")
	case int64:
		return json.Number(fmt.Sprint(v))
	case int:
		return json.Number(fmt.Sprint(v))
	case float64:
		return json.Number(fmt.Sprint(v))
	}
	return v
}

// schemaOf names the schema of the content file at rel, a path inside the
// content folder.
func schemaOf(rel string) string {
	switch {
	case rel == "_index.md":
		return HomeFile
	case strings.HasPrefix(rel, "personas/"):
		return PersonaFile
	case strings.HasPrefix(rel, "stages/"):
		return StageFile
	case strings.HasPrefix(rel, "touchpoints/"):
		return TouchpointFile
	}
	return ""
}

// TestContentValidates: every front matter of the example portal, of the
// test portals of the command and of a synthetic portal validates against
// the schemas, so they never flag what the loader reads without a word.
func TestContentValidates(t *testing.T) {
	synthDir := t.TempDir()
	if err := synth.Generate(synthDir, synth.Small()); err != nil {
		t.Fatal(err)
	}
	sites := []string{filepath.Join("..", ".."), synthDir}
	portals, _ := filepath.Glob(filepath.Join("..", "..", "cmd", "cxatlas", "testdata", "portals", "*"))
	sites = append(sites, portals...)
	for _, site := range sites {
		cfg, diags := config.Load(site)
		if diags.HasErrors() {
			t.Fatalf("%s: %v", site, diags)
		}
		schemas := compile(t, cfg.Emotion)
		dir := filepath.Join(site, cfg.ContentDir)
		n := 0
		err := filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() || !strings.HasSuffix(path, ".md") {
				return err
			}
			rel, _ := filepath.Rel(dir, path)
			name := schemaOf(filepath.ToSlash(rel))
			if name == "" {
				return nil
			}
			n++
			if err := schemas[name].Validate(frontMatter(t, path)); err != nil {
				t.Errorf("%s does not validate against %s: %v", path, name, err)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			t.Errorf("%s: no file checked", site)
		}
	}
}

// TestSchemaRefuses: the schemas flag what `cxatlas check` reports, one
// row per rule: a missing title, an unknown key, a severity or impact not
// in the list, an emotion off the scale, a step without a stage.
func TestSchemaRefuses(t *testing.T) {
	schemas := compile(t, config.Scale{Min: -3, Max: 3})
	persona := func(step string) string {
		return "title = \"P\"\n[[steps]]\n" + step
	}
	tests := []struct {
		name, schema, toml string
		valid              bool
	}{
		{"persona ok", PersonaFile, persona("stage = \"buy\"\nemotion = -3\npains = [\"slow\", { text = \"hidden fee\", severity = \"high\", id = \"fee\" }]\nopportunities = [{ text = \"show fee\", impact = \"low\" }]\nevidence = [\"12 interviews\", { url = \"https://x.example\" }]"), true},
		{"no title", PersonaFile, "summary = \"x\"", false},
		{"unknown persona key", PersonaFile, "title = \"P\"\nsumary = \"x\"", false},
		{"priority 0", PersonaFile, "title = \"P\"\npriority = 0", false},
		{"reviewed not a date", PersonaFile, "title = \"P\"\nreviewed = \"last week\"", false},
		{"step without stage", PersonaFile, persona("action = \"x\""), false},
		{"emotion off the scale", PersonaFile, persona("stage = \"buy\"\nemotion = 4"), false},
		{"emotion not whole", PersonaFile, persona("stage = \"buy\"\nemotion = 1.5"), false},
		{"unknown severity", PersonaFile, persona("stage = \"buy\"\npains = [{ text = \"x\", severity = \"huge\" }]"), false},
		{"pain without text", PersonaFile, persona("stage = \"buy\"\npains = [{ severity = \"low\" }]"), false},
		{"unknown impact", PersonaFile, persona("stage = \"buy\"\nopportunities = [{ text = \"x\", impact = \"critical\" }]"), false},
		{"unknown step key", PersonaFile, persona("stage = \"buy\"\nemotions = 1"), false},
		{"bad pain id", PersonaFile, persona("stage = \"buy\"\npains = [{ text = \"x\", id = \"a b\" }]"), false},
		{"stage ok", StageFile, "title = \"Buy\"\norder = 2\nkpis = [\"conversion\"]", true},
		{"stage unknown key", StageFile, "title = \"Buy\"\nordre = 2", false},
		{"touchpoint ok", TouchpointFile, "title = \"Web\"\nmode = \"online\"\nmanaged = false\nstages = [\"buy\"]", true},
		{"touchpoint bad mode", TouchpointFile, "title = \"Web\"\nmode = \"both\"", false},
		{"touchpoint stages as text", TouchpointFile, "title = \"Web\"\nstages = \"buy\"", false},
		{"home ok", HomeFile, "title = \"Portal\"", true},
		{"home unknown key", HomeFile, "title = \"Portal\"\nintro = \"x\"", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var m map[string]any
			if _, err := toml.Decode(tt.toml, &m); err != nil {
				t.Fatal(err)
			}
			err := schemas[tt.schema].Validate(jsonValue(m))
			if (err == nil) != tt.valid {
				t.Errorf("valid = %v, want %v: %v", err == nil, tt.valid, err)
			}
		})
	}
}

// TestKeysMatchLoader: the schemas describe the keys the loader reads, no
// more and no fewer.
func TestKeysMatchLoader(t *testing.T) {
	files, err := Generate(config.Default().Emotion)
	if err != nil {
		t.Fatal(err)
	}
	f := content.KnownFields()
	want := map[string][]string{PersonaFile: f.Persona, StageFile: f.Stage, TouchpointFile: f.Touchpoint, HomeFile: f.Home}
	for _, file := range files {
		var s struct {
			Properties           map[string]json.RawMessage
			AdditionalProperties *bool
		}
		if err := json.Unmarshal(file.Data, &s); err != nil {
			t.Fatal(err)
		}
		if s.AdditionalProperties == nil || *s.AdditionalProperties {
			t.Errorf("%s takes unknown keys", file.Name)
		}
		if len(s.Properties) != len(want[file.Name]) {
			t.Errorf("%s: %d keys, the loader reads %d", file.Name, len(s.Properties), len(want[file.Name]))
		}
		for _, k := range want[file.Name] {
			if _, ok := s.Properties[k]; !ok {
				t.Errorf("%s lacks %q", file.Name, k)
			}
		}
	}
}
