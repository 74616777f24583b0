package synth

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxatlas/cxatlas/generator/site"
)

func TestGenerateIsDeterministic(t *testing.T) {
	spec := Small()
	_, a := generated(t, spec)
	_, b := generated(t, spec)
	if len(a.files) != len(b.files) {
		t.Fatalf("same seed: %d files, then %d", len(a.files), len(b.files))
	}
	for name, data := range a.files {
		if !bytes.Equal(data, b.files[name]) {
			t.Errorf("same seed, different bytes in %s", name)
		}
	}
	spec.Seed = 2
	_, c := generated(t, spec)
	differ := 0
	for name, data := range a.files {
		if !bytes.Equal(data, c.files[name]) {
			differ++
		}
	}
	if differ < len(a.files)/2 {
		t.Errorf("another seed changed only %d of %d files", differ, len(a.files))
	}
}

func TestPresetCounts(t *testing.T) {
	tests := []struct {
		name      string
		spec      Spec
		files     int
		personas  int
		generate  bool
		stepsFrom int
		stepsTo   int
	}{
		{"small", Small(), 50, 10, true, 40, 80},
		{"medium", Medium(), 1000, 190, false, 40, 80},
		{"large", Large(), 10000, 2000, false, 40, 80},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if n := tt.spec.Files(); n < tt.files*95/100 || n > tt.files*105/100 {
				t.Errorf("Files() = %d, want about %d", n, tt.files)
			}
			if tt.spec.Personas != tt.personas || tt.spec.MinSteps != tt.stepsFrom || tt.spec.MaxSteps != tt.stepsTo {
				t.Errorf("spec = %+v", tt.spec)
			}
			if got, err := Preset(tt.name); err != nil || got != tt.spec {
				t.Errorf("Preset(%q) = %+v, %v", tt.name, got, err)
			}
			if !tt.generate {
				checkPlan(t, newPlan(tt.spec))
				return
			}
			_, p := generated(t, tt.spec)
			md := 0
			for name := range p.files {
				if strings.HasSuffix(name, ".md") {
					md++
				}
			}
			if md != tt.spec.Files() || len(p.personas) != tt.spec.Personas ||
				len(p.stages) != tt.spec.Stages || len(p.touchpoints) != tt.spec.Touchpoints {
				t.Errorf("wrote %d files: %d personas, %d stages, %d touchpoints; want %d: %+v",
					md, len(p.personas), len(p.stages), len(p.touchpoints), tt.spec.Files(), tt.spec)
			}
			for id, d := range p.personas {
				if n := len(d.Steps); n < tt.stepsFrom || n > tt.stepsTo {
					t.Errorf("persona %s has %d steps", id, n)
				}
			}
		})
	}
}

// checkPlan checks the plan of a portal too large to write in a test.
func checkPlan(t *testing.T, p *plan) {
	t.Helper()
	ids := map[string]bool{}
	for _, s := range p.stages {
		ids["s/"+s.id] = true
	}
	for _, tp := range p.touchpoints {
		ids["t/"+tp.id] = true
	}
	for _, pp := range p.personas {
		ids["p/"+pp.id] = true
	}
	if want := len(p.stages) + len(p.touchpoints) + len(p.personas); len(ids) != want {
		t.Errorf("%d distinct ids, want %d", len(ids), want)
	}
	for s, tps := range p.byStage {
		if len(tps) == 0 {
			t.Errorf("stage %s has no touchpoints", p.stages[s].id)
		}
	}
}

// TestMediumPortal writes one medium portal and checks it from several
// sides: writing and decoding it is the slow part.
func TestMediumPortal(t *testing.T) {
	spec := Medium()
	_, p := generated(t, spec)
	t.Run("counts", func(t *testing.T) {
		if len(p.personas) != spec.Personas || len(p.stages) != spec.Stages || len(p.touchpoints) != spec.Touchpoints {
			t.Errorf("%d personas, %d stages, %d touchpoints; want %+v", len(p.personas), len(p.stages), len(p.touchpoints), spec)
		}
	})
	t.Run("references resolve", func(t *testing.T) { checkReferences(t, p) })
	t.Run("steps follow the format", func(t *testing.T) { checkSteps(t, p) })
}

func checkReferences(t *testing.T, p *portal) {
	for id, tp := range p.touchpoints {
		for _, s := range tp.Stages {
			if _, ok := p.stages[s]; !ok {
				t.Errorf("touchpoint %s: unknown stage %q", id, s)
			}
		}
	}
	for id, d := range p.personas {
		for i, st := range d.Steps {
			if st.Stage == "" {
				t.Errorf("persona %s step %d: no stage", id, i+1)
			} else if _, ok := p.stages[st.Stage]; !ok {
				t.Errorf("persona %s step %d: unknown stage %q", id, i+1, st.Stage)
			}
			if len(st.Touchpoints) == 0 {
				t.Errorf("persona %s step %d: no touchpoints", id, i+1)
			}
			for _, tp := range st.Touchpoints {
				if _, ok := p.touchpoints[tp]; !ok {
					t.Errorf("persona %s step %d: unknown touchpoint %q", id, i+1, tp)
				}
			}
		}
	}
}

func checkSteps(t *testing.T, p *portal) {
	var steps, noEmotion, noEvidence int
	painIDs := map[string]map[string]bool{}   // id -> personas
	painTexts := map[string]map[string]bool{} // normalised text -> spellings
	for id, d := range p.personas {
		if d.Title == "" {
			t.Errorf("persona %s: no title", id)
		}
		for i, st := range d.Steps {
			steps++
			if st.Emotion == nil {
				noEmotion++
			} else if *st.Emotion < -2 || *st.Emotion > 2 {
				t.Errorf("persona %s step %d: emotion %d outside -2..2", id, i+1, *st.Emotion)
			}
			if len(st.Evidence) == 0 {
				noEvidence++
			}
			for _, pain := range st.Pains {
				text, pid := checkItem(t, id, i, pain, "severity", "low", "medium", "high", "critical")
				if pid != "" {
					if painIDs[pid] == nil {
						painIDs[pid] = map[string]bool{}
					}
					painIDs[pid][id] = true
				}
				norm := site.NormalizePain(text)
				if painTexts[norm] == nil {
					painTexts[norm] = map[string]bool{}
				}
				painTexts[norm][text] = true
			}
			for _, opp := range st.Opportunities {
				checkItem(t, id, i, opp, "impact", "low", "medium", "high")
			}
		}
	}
	if noEmotion == 0 || noEmotion > steps/4 {
		t.Errorf("%d of %d steps without emotion, want some", noEmotion, steps)
	}
	if noEvidence == 0 || noEvidence > steps/2 {
		t.Errorf("%d of %d steps without evidence, want some", noEvidence, steps)
	}
	sharedByID := 0
	for _, personas := range painIDs {
		if len(personas) > 1 {
			sharedByID++
		}
	}
	spelledApart := 0
	for _, spellings := range painTexts {
		if len(spellings) > 1 {
			spelledApart++
		}
	}
	if sharedByID == 0 || spelledApart == 0 {
		t.Errorf("pains shared by id: %d, written in several spellings: %d; want both", sharedByID, spelledApart)
	}
}

// checkItem checks a pain or an opportunity: a string, or a table with a
// text, a rating named rating from allowed, and for pains an optional id.
func checkItem(t *testing.T, persona string, step int, item any, rating string, allowed ...string) (text, id string) {
	t.Helper()
	switch v := item.(type) {
	case string:
		text = v
	case map[string]any:
		text, _ = v["text"].(string)
		id, _ = v["id"].(string)
		r, _ := v[rating].(string)
		ok := false
		for _, a := range allowed {
			ok = ok || r == a
		}
		if !ok {
			t.Errorf("persona %s step %d: %s %q", persona, step+1, rating, r)
		}
		for k := range v {
			if k != "text" && k != rating && (k != "id" || rating != "severity") {
				t.Errorf("persona %s step %d: key %q outside the format", persona, step+1, k)
			}
		}
	default:
		t.Errorf("persona %s step %d: item of type %T", persona, step+1, item)
	}
	if strings.TrimSpace(text) == "" {
		t.Errorf("persona %s step %d: item without text", persona, step+1)
	}
	return text, id
}

func TestGenerateHugoWritesTheSameContent(t *testing.T) {
	dir, p := generated(t, Small())
	hugo := t.TempDir()
	if err := GenerateHugo(hugo, Small()); err != nil {
		t.Fatal(err)
	}
	h := readPortal(t, hugo)
	for name, data := range p.files {
		if strings.HasPrefix(name, "content/") && !bytes.Equal(data, h.files[name]) {
			t.Errorf("%s differs from the portal's", name)
		}
	}
	for _, name := range []string{"config.toml", "layouts/_default/baseof.html", "layouts/_default/single.html",
		"layouts/_default/list.html", "layouts/index.html"} {
		if _, ok := h.files[name]; !ok {
			t.Errorf("Hugo site has no %s", name)
		}
	}
	if bytes.Equal(p.files["config.toml"], h.files["config.toml"]) {
		t.Errorf("Hugo site has the portal's config.toml, in %s", dir)
	}
}

func TestGenerateRefusesExistingContent(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := Generate(dir, Small()); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("Generate into a folder with content/: %v", err)
	}
}

func TestSpecValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Spec)
		ok     bool
	}{
		{"preset", func(*Spec) {}, true},
		{"no stages", func(s *Spec) { s.Stages = 0 }, false},
		{"no touchpoints", func(s *Spec) { s.Touchpoints = 0 }, false},
		{"no personas", func(s *Spec) { s.Personas = 0 }, true},
		{"steps reversed", func(s *Spec) { s.MinSteps, s.MaxSteps = 9, 3 }, false},
		{"no shared pains", func(s *Spec) { s.SharedPains = 0 }, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Small()
			tt.change(&s)
			if err := s.Validate(); (err == nil) != tt.ok {
				t.Errorf("Validate() = %v, want ok %v", err, tt.ok)
			}
		})
	}
	if _, err := Preset("huge"); err == nil {
		t.Error(`Preset("huge") gave no error`)
	}
}

func BenchmarkGenerate(b *testing.B) {
	spec := Medium()
	for b.Loop() {
		b.StopTimer()
		dir := b.TempDir()
		b.StartTimer()
		if err := Generate(dir, spec); err != nil {
			b.Fatal(err)
		}
	}
}
