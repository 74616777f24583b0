package synth

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// The documents below list every key of the content format, so that a key
// the generator writes outside the format shows up as undecoded.

type stageDoc struct {
	Title     string   `toml:"title"`
	Order     int      `toml:"order"`
	Goal      string   `toml:"goal"`
	Questions []string `toml:"questions"`
	KPIs      []string `toml:"kpis"`
}

type touchpointDoc struct {
	Title   string   `toml:"title"`
	Channel string   `toml:"channel"`
	Mode    string   `toml:"mode"`
	Managed *bool    `toml:"managed"`
	Owner   string   `toml:"owner"`
	Stages  []string `toml:"stages"`
	KPIs    []string `toml:"kpis"`
}

type personaDoc struct {
	Title        string         `toml:"title"`
	Summary      string         `toml:"summary"`
	Quote        string         `toml:"quote"`
	Priority     int            `toml:"priority"`
	Reviewed     toml.Primitive `toml:"reviewed"`
	Goals        []string       `toml:"goals"`
	Needs        []string       `toml:"needs"`
	Frustrations []string       `toml:"frustrations"`
	Channels     []string       `toml:"channels"`
	Profile      map[string]any `toml:"profile"`
	Steps        []stepDoc      `toml:"steps"`
}

type stepDoc struct {
	Stage         string   `toml:"stage"`
	Touchpoints   []string `toml:"touchpoints"`
	Action        string   `toml:"action"`
	Thought       string   `toml:"thought"`
	Feeling       string   `toml:"feeling"`
	Emotion       *int     `toml:"emotion"`
	Pains         []any    `toml:"pains"`
	Opportunities []any    `toml:"opportunities"`
	Evidence      []string `toml:"evidence"`
	Duration      string   `toml:"duration"`
	Artifacts     []string `toml:"artifacts"`
}

type homeDoc struct {
	Title string `toml:"title"`
}

// portal is a generated portal read back: its files and decoded documents.
type portal struct {
	files       map[string][]byte
	stages      map[string]stageDoc
	touchpoints map[string]touchpointDoc
	personas    map[string]personaDoc
}

func generated(t *testing.T, spec Spec) (string, *portal) {
	t.Helper()
	dir := t.TempDir()
	if err := Generate(dir, spec); err != nil {
		t.Fatal(err)
	}
	return dir, readPortal(t, dir)
}

func readPortal(t *testing.T, dir string) *portal {
	t.Helper()
	p := &portal{files: map[string][]byte{}, stages: map[string]stageDoc{},
		touchpoints: map[string]touchpointDoc{}, personas: map[string]personaDoc{}}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		rel = filepath.ToSlash(rel)
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		p.files[rel] = src
		if !strings.HasSuffix(rel, ".md") {
			return nil
		}
		id := strings.TrimSuffix(filepath.Base(rel), ".md")
		switch filepath.Dir(rel) {
		case "content/stages":
			var d stageDoc
			decode(t, rel, src, &d)
			p.stages[id] = d
		case "content/touchpoints":
			var d touchpointDoc
			decode(t, rel, src, &d)
			p.touchpoints[id] = d
		case "content/personas":
			var d personaDoc
			decode(t, rel, src, &d)
			p.personas[id] = d
		default:
			var d homeDoc
			decode(t, rel, src, &d)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// decode checks that src has TOML front matter between "+++" lines that
// decodes into v with no key left over, and a body after it.
func decode(t *testing.T, name string, src []byte, v any) {
	t.Helper()
	rest, ok := bytes.CutPrefix(src, []byte("+++\n"))
	if !ok {
		t.Fatalf("%s: no opening +++ line", name)
	}
	front, body, ok := bytes.Cut(rest, []byte("\n+++\n"))
	if !ok {
		t.Fatalf("%s: no closing +++ line", name)
	}
	md, err := toml.Decode(string(front), v)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	for _, k := range md.Undecoded() {
		// The keys of inline tables in pains and opportunities are decoded
		// into maps, which BurntSushi/toml lists as undecoded; checkItem
		// checks them.
		switch k.String() {
		case "reviewed", "steps.pains.text", "steps.pains.severity", "steps.pains.id",
			"steps.opportunities.text", "steps.opportunities.impact":
		default:
			t.Errorf("%s: key %q outside the content format", name, k)
		}
	}
	if len(bytes.TrimSpace(body)) == 0 {
		t.Errorf("%s: empty body", name)
	}
}
