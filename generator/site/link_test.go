package site

import (
	"strings"
	"testing"
	"time"

	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/content"
	"github.com/cxatlas/cxatlas/generator/diag"
)

var now = time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)

// step is shorthand for a step document.
func step(stage string, emotion int, pains ...content.PainDoc) *content.StepDoc {
	return &content.StepDoc{Stage: content.Ref{ID: stage}, HasEmotion: true, Emotion: emotion, Pains: pains,
		Evidence: []content.EvidenceDoc{{Text: "interview"}}}
}

func persona(id string, priority int, steps ...*content.StepDoc) *content.PersonaDoc {
	return &content.PersonaDoc{Meta: content.Meta{ID: id, Title: strings.ToUpper(id), Path: "content/personas/" + id + ".md"},
		Priority: priority, Reviewed: now.AddDate(0, -1, 0), Steps: steps}
}

func pain(text, severity, id string) content.PainDoc {
	return content.PainDoc{Text: text, Severity: severity, ID: id}
}

func baseSet(personas ...*content.PersonaDoc) *content.Set {
	return &content.Set{
		Stages: []*content.StageDoc{
			{Meta: content.Meta{ID: "buy", Title: "Buy", Path: "content/stages/buy.md"}, Order: 2},
			{Meta: content.Meta{ID: "search", Title: "Search", Path: "content/stages/search.md"}, Order: 1},
		},
		Touchpoints: []*content.TouchpointDoc{
			{Meta: content.Meta{ID: "web", Title: "Web", Path: "content/touchpoints/web.md"}, Owner: "E-commerce"},
		},
		Personas: personas,
	}
}

func TestPainsAreJoinedAcrossMaps(t *testing.T) {
	set := baseSet(
		persona("a", 1, step("search", 0, pain("Slow  Delivery", "low", ""), pain("Queue", "medium", "q"))),
		persona("b", 2, step("buy", -1, pain("slow delivery", "high", ""), pain("Waiting in line", "critical", "q"))),
		persona("c", 3, step("buy", 1, pain("Queue", "", ""))),
	)
	s, diags := Link(config.Default(), set, now)
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	if len(s.Pains) != 2 {
		t.Fatalf("got %d pains, want 2 (by text, and by id then text)", len(s.Pains))
	}
	// Sorted by severity, then personas affected.
	q, slow := s.Pains[0], s.Pains[1]
	if q.ID != "q" || q.Severity != Critical || len(q.Personas) != 3 || len(q.Mentions) != 3 {
		t.Errorf("queue pain: id %q severity %v personas %d mentions %d", q.ID, q.Severity, len(q.Personas), len(q.Mentions))
	}
	if slow.Severity != High || len(slow.Personas) != 2 || slow.Text != "Slow  Delivery" {
		t.Errorf("slow pain: %+v", slow)
	}
	if q.Key != "pain-q" || !strings.HasPrefix(slow.Key, "pain-") || len(slow.Key) != len("pain-")+8 {
		t.Errorf("keys %q %q", q.Key, slow.Key)
	}
	if got := s.Stage("buy").Pains; len(got) != 2 || got[0] != q {
		t.Errorf("stage buy pains in index order: %v", got)
	}
}

func TestCriticalPoints(t *testing.T) {
	tests := []struct {
		name     string
		steps    []*content.StepDoc
		critical []int // step indexes, from 1
	}{
		{"lowest with pains", []*content.StepDoc{step("search", 1), step("buy", -2, pain("x", "low", "")), step("buy", 0)}, []int{2}},
		{"lowest without pains is not critical", []*content.StepDoc{step("search", -2), step("buy", -1, pain("x", "low", ""))}, []int{2}},
		{"below middle with heavy pains", []*content.StepDoc{step("search", -2, pain("a", "low", "")), step("buy", -1, pain("b", "high", ""))}, []int{1, 2}},
		{"below middle with light pains", []*content.StepDoc{step("search", -2, pain("a", "low", "")), step("buy", -1, pain("b", "medium", ""))}, []int{1}},
		{"at the middle is not below it", []*content.StepDoc{step("search", -1, pain("a", "low", "")), step("buy", 0, pain("b", "critical", ""))}, []int{1}},
		{"no emotion, no critical point", []*content.StepDoc{{Stage: content.Ref{ID: "buy"}, Pains: []content.PainDoc{pain("a", "critical", "")}}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, diags := Link(config.Default(), baseSet(persona("p", 1, tt.steps...)), now)
			if diags.HasErrors() {
				t.Fatal(diags.Err())
			}
			var got []int
			for _, st := range s.Persona("p").Critical {
				got = append(got, st.Index)
				if st.CriticalReason == "" {
					t.Errorf("step %d has no reason", st.Index)
				}
			}
			if len(got) != len(tt.critical) {
				t.Fatalf("critical %v, want %v", got, tt.critical)
			}
			for i := range got {
				if got[i] != tt.critical[i] {
					t.Fatalf("critical %v, want %v", got, tt.critical)
				}
			}
		})
	}
}

func TestRollups(t *testing.T) {
	noEmotion := &content.StepDoc{Stage: content.Ref{ID: "buy"}}
	assumed := &content.StepDoc{Stage: content.Ref{ID: "buy"}, HasEmotion: true, Emotion: 2}
	s, _ := Link(config.Default(), baseSet(persona("p", 1, step("buy", -1), step("search", 1), noEmotion, step("buy", -2), assumed)), now)
	p := s.Persona("p")
	if p.Stages[0].Stage.ID != "search" || p.Stages[1].Stage.ID != "buy" {
		t.Fatalf("stages not in order")
	}
	buy := p.Stages[1].Emotion
	if buy.N != 3 || buy.Min != -2 || buy.Max != 2 || buy.Mean != -1.0/3 {
		t.Errorf("buy roll-up %+v", buy)
	}
	if p.Assumed != 1 || !p.Steps[4].Assumed || p.Steps[0].Assumed {
		t.Errorf("assumed count %d", p.Assumed)
	}
	if len(s.Heatmap.Rows) != 1 || s.Heatmap.Rows[0].Cells[1] != p.Stages[1] {
		t.Errorf("heatmap does not use the roll-ups")
	}
	if st := s.Stage("buy"); len(st.Steps) != 4 || st.Emotion.N != 3 || len(st.Rollups) != 1 {
		t.Errorf("stage buy: %d steps, %+v", len(st.Steps), st.Emotion)
	}
}

func TestReferenceErrors(t *testing.T) {
	bad := persona("p", 1, &content.StepDoc{Stage: content.Ref{ID: "serch", Pos: diag.Pos{Line: 9, Col: 9}},
		Touchpoints: []content.Ref{{ID: "wbe", Pos: diag.Pos{Line: 10, Col: 16}}, {ID: "web"}}})
	set := baseSet(bad)
	set.Touchpoints = append(set.Touchpoints, &content.TouchpointDoc{Meta: content.Meta{ID: "kiosk", Title: "Kiosk", Path: "content/touchpoints/kiosk.md"},
		Stages: []content.Ref{{ID: "checkout", Pos: diag.Pos{Line: 4, Col: 11}}}})
	_, diags := Link(config.Default(), set, now)
	var got []string
	for _, d := range diags.Sort() {
		if d.Severity == diag.Error {
			got = append(got, d.String())
		}
	}
	want := []string{
		`content/personas/p.md:9:9: error: unknown stage "serch"; did you mean "search"?`,
		`content/personas/p.md:10:16: error: unknown touchpoint "wbe"; did you mean "web"?`,
		`content/touchpoints/kiosk.md:4:11: error: unknown stage "checkout"; ids are the file names in content/stages/ without .md`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestBrokenFilesAreNotReportedTwice(t *testing.T) {
	set := baseSet(persona("p", 1, step("gone", 0)))
	set.Broken = map[content.Section]map[string]bool{content.SectionStages: {"gone": true}}
	_, diags := Link(config.Default(), set, now)
	if diags.HasErrors() {
		t.Errorf("a reference to a file that failed to load was reported: %v", diags.Err())
	}
}

func TestOrderAndOwners(t *testing.T) {
	set := baseSet(persona("z", 0), persona("m", 2), persona("a", 1))
	set.Touchpoints = append(set.Touchpoints, &content.TouchpointDoc{Meta: content.Meta{ID: "word", Title: "Word of mouth", Path: "x"}})
	s, _ := Link(config.Default(), set, now)
	var ids []string
	for _, p := range s.Personas {
		ids = append(ids, p.ID)
	}
	if strings.Join(ids, ",") != "a,m,z" {
		t.Errorf("persona order %v: by priority, unset last", ids)
	}
	if len(s.Owners) != 2 || s.Owners[0].Name != "E-commerce" || s.Owners[1].Name != "" {
		t.Errorf("owners: named first, unowned last")
	}
}

func TestStaleness(t *testing.T) {
	old := persona("old", 1)
	old.Reviewed = now.AddDate(0, 0, -181)
	fresh := persona("fresh", 2)
	fresh.Reviewed = now.AddDate(0, 0, -179)
	never := persona("never", 3)
	never.Reviewed = time.Time{}
	s, diags := Link(config.Default(), baseSet(old, fresh, never), now)
	if !s.Persona("old").Stale || s.Persona("fresh").Stale || !s.Persona("never").Stale {
		t.Errorf("stale: old %v fresh %v never %v", s.Persona("old").Stale, s.Persona("fresh").Stale, s.Persona("never").Stale)
	}
	n := 0
	for _, d := range diags {
		if strings.Contains(d.Message, "reviewed") {
			n++
		}
	}
	if n != 2 {
		t.Errorf("%d review warnings, want 2", n)
	}
}

func TestParseRatings(t *testing.T) {
	for _, sev := range append(Severities(), Unrated) {
		if got := parseSeverity(sev.String()); got != sev {
			t.Errorf("parseSeverity(%q) = %v", sev.String(), got)
		}
	}
	for _, imp := range []Impact{ImpactLow, ImpactMedium, ImpactHigh, ImpactUnrated} {
		if got := parseImpact(imp.String()); got != imp {
			t.Errorf("parseImpact(%q) = %v", imp.String(), got)
		}
	}
	for _, s := range []string{"", "High", "severe", "critical "} {
		if parseSeverity(s) != Unrated || parseImpact(s) != ImpactUnrated {
			t.Errorf("%q is read as a rating", s)
		}
	}
}
