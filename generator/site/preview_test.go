package site

import (
	"fmt"
	"slices"
	"testing"

	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/content"
	"github.com/cxatlas/cxatlas/generator/synth"
)

// TestPreviewPersonaMatchesLink edits maps of a generated portal in the
// ways writers do and checks that a preview of each edited map gives
// every pain mention the key and the place in the pain-point index, and
// the map the facts, that linking the whole edited portal gives.
func TestPreviewPersonaMatchesLink(t *testing.T) {
	cfg, set := smallPortal(t)
	// Some maps give a pain they share by text an id of their own: taking
	// it away takes the pain's id.
	first, _ := Link(cfg, set, now)
	for i, d := range set.Personas {
		if i%6 != 0 {
			continue
		}
		c := cloneDoc(d)
	steps:
		for si, st := range first.Persona(d.ID).Steps {
			for mi, m := range st.Pains {
				if m.Pain.ID == "" && len(m.Pain.Personas) > 1 {
					c.Steps[si].Pains[mi].ID = fmt.Sprintf("own-%d", i)
					break steps
				}
			}
		}
		set.Personas[i] = c
	}
	before, _ := Link(cfg, set, now)
	ix := NewPreviewIndex(before)
	// Texts and ids of pains met elsewhere, to join to.
	var texts, ids []string
	for _, p := range before.Pains {
		texts = append(texts, p.Text)
		if p.ID != "" {
			ids = append(ids, p.ID)
		}
	}
	if len(ids) == 0 || len(texts) < 10 {
		t.Fatalf("the portal has %d pains and %d pain ids: too few to test with", len(texts), len(ids))
	}
	edits := []struct {
		name string
		edit func(d *content.PersonaDoc, i int)
	}{
		{"emotion", func(d *content.PersonaDoc, i int) {
			st := d.Steps[i%len(d.Steps)]
			st.HasEmotion, st.Emotion = true, -2+(st.Emotion+3)%5
		}},
		{"severity", func(d *content.PersonaDoc, i int) {
			for _, st := range d.Steps {
				for j := range st.Pains {
					st.Pains[j].Severity = []string{"low", "medium", "high", "critical", ""}[(i+j)%5]
					return
				}
			}
		}},
		{"every severity critical", func(d *content.PersonaDoc, i int) {
			for _, st := range d.Steps {
				for j := range st.Pains {
					st.Pains[j].Severity = "critical"
				}
			}
		}},
		{"pain text of another pain", func(d *content.PersonaDoc, i int) {
			st := d.Steps[i%len(d.Steps)]
			st.Pains = append(st.Pains, content.PainDoc{Text: texts[(i*7)%len(texts)], Severity: "high"})
		}},
		{"new pain text", func(d *content.PersonaDoc, i int) {
			st := d.Steps[i%len(d.Steps)]
			st.Pains = append(st.Pains, content.PainDoc{Text: fmt.Sprintf("A pain nobody had %d", i), Severity: "medium"})
		}},
		{"pain id of another pain", func(d *content.PersonaDoc, i int) {
			st := d.Steps[i%len(d.Steps)]
			st.Pains = append(st.Pains, content.PainDoc{Text: fmt.Sprintf("Worded apart %d", i), ID: ids[i%len(ids)]})
		}},
		{"pains removed", func(d *content.PersonaDoc, i int) {
			for _, st := range d.Steps {
				st.Pains = nil
			}
		}},
		{"pain ids dropped", func(d *content.PersonaDoc, i int) {
			for _, st := range d.Steps {
				for j := range st.Pains {
					st.Pains[j].ID = ""
				}
			}
		}},
		{"title kept in place", func(d *content.PersonaDoc, i int) {
			d.Title += " (edited)"
		}},
		{"title moved", func(d *content.PersonaDoc, i int) {
			d.Title = "Zz " + d.Title
		}},
		{"priority moved", func(d *content.PersonaDoc, i int) {
			d.Priority = 1 - min(d.Priority, 1)
		}},
		{"review date", func(d *content.PersonaDoc, i int) {
			d.Reviewed = now.AddDate(0, 0, -1)
		}},
	}
	previewed, uniform := 0, 0
	for _, e := range edits {
		for i := 0; i < len(set.Personas); i += 3 {
			d := cloneDoc(set.Personas[i])
			if len(d.Steps) == 0 {
				continue
			}
			e.edit(d, i)
			after := *set
			after.Personas = slices.Clone(set.Personas)
			after.Personas[i] = d
			pv, shorter := previewPersona(ix, cfg, &after, d, true)
			if pv == nil {
				continue
			}
			previewed++
			if shorter {
				// The shorter join must give what the whole join gives.
				uniform++
				long, _ := previewPersona(ix, cfg, &after, cloneDoc(d), false)
				for si, st := range pv.Persona.Steps {
					for mi, m := range st.Pains {
						lm := long.Persona.Steps[si].Pains[mi]
						if m.Pain.Key != lm.Pain.Key || pv.Pos[m.Pain] != long.Pos[lm.Pain] {
							t.Errorf("%s, %s, step %d: the shorter join gives %s at %d, the whole join %s at %d",
								e.name, d.ID, si+1, m.Pain.Key, pv.Pos[m.Pain], lm.Pain.Key, long.Pos[lm.Pain])
						}
					}
				}
			}
			linked, _ := Link(cfg, &after, now)
			want := linked.Persona(d.ID)
			p := pv.Persona
			where := fmt.Sprintf("%s, %s", e.name, d.ID)
			if !slices.EqualFunc(pv.Site.Personas, linked.Personas, func(a, b *Persona) bool { return a.ID == b.ID }) {
				t.Errorf("%s: the preview's order of personas differs from the linked one", where)
			}
			if p.Stale != want.Stale || p.Mean != want.Mean || p.Pains != want.Pains || p.Assumed != want.Assumed || len(p.Critical) != len(want.Critical) {
				t.Errorf("%s: the preview's map differs from the linked one", where)
			}
			pos := map[*Pain]int{}
			for n, q := range linked.Pains {
				pos[q] = n
			}
			for si, st := range p.Steps {
				ws := want.Steps[si]
				if st.Critical != ws.Critical || st.PainWeight != ws.PainWeight || st.CriticalReason != ws.CriticalReason {
					t.Errorf("%s, step %d: critical %v/%d, linked %v/%d", where, si+1, st.Critical, st.PainWeight, ws.Critical, ws.PainWeight)
				}
				for mi, m := range st.Pains {
					wm := ws.Pains[mi]
					if m.Pain.Key != wm.Pain.Key || pv.Pos[m.Pain] != pos[wm.Pain] {
						t.Errorf("%s, step %d, pain %q: key %s at %d, linked %s at %d", where, si+1, m.Text, m.Pain.Key, pv.Pos[m.Pain], wm.Pain.Key, pos[wm.Pain])
					}
				}
			}
		}
	}
	t.Logf("%d of the edits were previewed, %d joining pains the shorter way", previewed, uniform)
	if uniform == 0 {
		t.Error("no edit joined pains the shorter way")
	}
	if previewed < len(edits)*len(set.Personas)/3/2 {
		t.Errorf("only %d edits were previewed", previewed)
	}
}

// smallPortal generates the small synthetic portal and loads it.
func smallPortal(t *testing.T) (*config.Config, *content.Set) { return genPortal(t, synth.Small()) }

// genPortal generates a synthetic portal to spec and loads it.
func genPortal(t *testing.T, spec synth.Spec) (*config.Config, *content.Set) {
	t.Helper()
	dir := t.TempDir()
	if err := synth.Generate(dir, spec); err != nil {
		t.Fatal(err)
	}
	cfg, diags := config.Load(dir)
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	set, diags := content.Load(content.Options{SiteDir: dir, Config: cfg})
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	return cfg, set
}

// cloneDoc copies d deep enough to edit its steps and their pains.
func cloneDoc(d *content.PersonaDoc) *content.PersonaDoc {
	c := *d
	c.Steps = make([]*content.StepDoc, len(d.Steps))
	for i, st := range d.Steps {
		s := *st
		s.Pains = slices.Clone(st.Pains)
		c.Steps[i] = &s
	}
	return &c
}

// TestPreviewTouchpointFollows checks which edits of a touchpoint's file
// a preview follows: those of what its own pages show of it, and not
// those that change what other entities make of it.
func TestPreviewTouchpointFollows(t *testing.T) {
	cfg, set := smallPortal(t)
	before, _ := Link(cfg, set, now)
	ix := NewPreviewIndex(before)
	var i int
	for i = range set.Touchpoints {
		if len(set.Touchpoints[i].Stages) > 0 {
			break
		}
	}
	other := set.Stages[0].ID
	if set.Touchpoints[i].Stages[0].ID == other {
		other = set.Stages[1].ID
	}
	cases := []struct {
		name    string
		edit    func(d *content.TouchpointDoc)
		follows bool
	}{
		{"title", func(d *content.TouchpointDoc) { d.Title = "Renamed" }, true},
		{"channel and KPIs", func(d *content.TouchpointDoc) { d.Channel, d.KPIs = "fax", []string{"Calls"} }, true},
		{"owner", func(d *content.TouchpointDoc) { d.Owner = "Another team" }, false},
		{"owner spaced", func(d *content.TouchpointDoc) { d.Owner = " " + d.Owner + " " }, true},
		{"stages", func(d *content.TouchpointDoc) { d.Stages = append(slices.Clone(d.Stages), content.Ref{ID: other}) }, false},
		{"unknown stage", func(d *content.TouchpointDoc) { d.Stages = []content.Ref{{ID: "nowhere"}} }, false},
		{"new id", func(d *content.TouchpointDoc) { d.ID = "brand-new" }, false},
	}
	for _, c := range cases {
		d := *set.Touchpoints[i]
		c.edit(&d)
		after := *set
		after.Touchpoints = slices.Clone(set.Touchpoints)
		after.Touchpoints[i] = &d
		pv, ok := PreviewTouchpoint(ix, cfg, &after, &d)
		if ok != c.follows {
			t.Errorf("%s: preview %v, want %v", c.name, ok, c.follows)
			continue
		}
		if !ok {
			continue
		}
		linked, _ := Link(cfg, &after, now)
		want, got := linked.Touchpoint(d.ID), pv.Site.Touchpoint(d.ID)
		if got.Title != want.Title || got.Channel != want.Channel || !slices.Equal(got.KPIs, want.KPIs) ||
			len(got.Steps) != len(want.Steps) || len(got.Pains) != len(want.Pains) || got.Emotion != want.Emotion ||
			len(got.Stages) != len(want.Stages) || got.Owner != want.Owner {
			t.Errorf("%s: the preview's touchpoint differs from the linked one", c.name)
		}
	}
}

// TestPreviewStageFollows checks which edits of a stage's file a preview
// follows, and that what it follows is what Link makes of it.
func TestPreviewStageFollows(t *testing.T) {
	cfg, set := smallPortal(t)
	before, _ := Link(cfg, set, now)
	ix := NewPreviewIndex(before)
	cases := []struct {
		name    string
		edit    func(d *content.StageDoc)
		follows bool
	}{
		{"title", func(d *content.StageDoc) { d.Title = "Renamed" }, true},
		{"goal and questions", func(d *content.StageDoc) { d.Goal, d.Questions = "A goal", []string{"Why?"} }, true},
		{"order", func(d *content.StageDoc) { d.Order += 100 }, false},
		{"new id", func(d *content.StageDoc) { d.ID = "brand-new" }, false},
	}
	for _, c := range cases {
		for i := range set.Stages {
			d := *set.Stages[i]
			c.edit(&d)
			after := *set
			after.Stages = slices.Clone(set.Stages)
			after.Stages[i] = &d
			pv, ok := PreviewStage(ix, &d)
			if ok != c.follows {
				t.Errorf("%s, stage %s: preview %v, want %v", c.name, d.ID, ok, c.follows)
				continue
			}
			if !ok {
				continue
			}
			linked, _ := Link(cfg, &after, now)
			want, got := linked.Stage(d.ID), pv.Site.Stage(d.ID)
			if got.Title != want.Title || got.Goal != want.Goal || got.Index != want.Index || len(got.Steps) != len(want.Steps) ||
				len(got.Rollups) != len(want.Rollups) || len(got.Touchpoints) != len(want.Touchpoints) ||
				len(got.Pains) != len(want.Pains) || got.Emotion != want.Emotion {
				t.Errorf("%s, stage %s: the preview's stage differs from the linked one", c.name, d.ID)
			}
			if pv.Site.Stages[got.Index] != got {
				t.Errorf("%s, stage %s: the preview's stage is not in its place", c.name, d.ID)
			}
		}
	}
}
