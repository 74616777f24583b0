package render

import (
	"fmt"
	"slices"
	"testing"

	"github.com/cxatlas/cxatlas/generator/content"
	"github.com/cxatlas/cxatlas/generator/site"
)

// edit is a change a writer makes to one file of a portal.
type edit struct {
	name string
	// ref is the entity whose file the change is made in.
	ref site.Ref
	// apply makes the change to a fresh copy of the portal.
	apply func(set *content.Set)
}

// entityEdits lists, for every persona, stage and touchpoint of set, the
// changes a writer makes to its file: its texts, and for personas the
// steps: scores, pains shared with other maps or not, severities, the
// touchpoints met.
func entityEdits(set *content.Set) []edit {
	var edits []edit
	add := func(k site.Kind, id, name string, apply func(set *content.Set)) {
		edits = append(edits, edit{name: fmt.Sprintf("%s %s: %s", k, id, name), ref: site.Ref{Kind: k, ID: id}, apply: apply})
	}
	for i, p := range set.Personas {
		per := func(set *content.Set) *content.PersonaDoc { return set.Personas[i] }
		add(site.KindPersona, p.ID, "title", func(set *content.Set) { per(set).Title += " (edited)" })
		add(site.KindPersona, p.ID, "summary", func(set *content.Set) { per(set).Summary += " Edited." })
		add(site.KindPersona, p.ID, "body", func(set *content.Set) { per(set).Body += "<p>Edited.</p>" })
		add(site.KindPersona, p.ID, "priority", func(set *content.Set) { per(set).Priority = 9 })
		for j, st := range p.Steps {
			step := func(set *content.Set) *content.StepDoc { return per(set).Steps[j] }
			add(site.KindPersona, p.ID, fmt.Sprintf("step %d action", j+1), func(set *content.Set) { step(set).Action += " again" })
			add(site.KindPersona, p.ID, fmt.Sprintf("step %d emotion", j+1), func(set *content.Set) {
				s := step(set)
				s.HasEmotion, s.Emotion = true, map[bool]int{true: -2, false: 2}[s.Emotion > 0]
			})
			add(site.KindPersona, p.ID, fmt.Sprintf("step %d new pain", j+1), func(set *content.Set) {
				step(set).Pains = append(step(set).Pains, pain("high", "A pain only this step has"))
			})
			add(site.KindPersona, p.ID, fmt.Sprintf("step %d drops its touchpoints", j+1), func(set *content.Set) {
				step(set).Touchpoints = step(set).Touchpoints[:0]
			})
			for k := range st.Pains {
				pn := func(set *content.Set) *content.PainDoc { return &step(set).Pains[k] }
				add(site.KindPersona, p.ID, fmt.Sprintf("step %d pain %d severity", j+1, k+1), func(set *content.Set) { pn(set).Severity = "critical" })
				add(site.KindPersona, p.ID, fmt.Sprintf("step %d pain %d text", j+1, k+1), func(set *content.Set) { pn(set).Text += " at night" })
				add(site.KindPersona, p.ID, fmt.Sprintf("step %d pain %d removed", j+1, k+1), func(set *content.Set) {
					step(set).Pains = slices.Delete(step(set).Pains, k, k+1)
				})
			}
		}
		// A pain another map already has: the shared pain gains a
		// mention and a persona.
		add(site.KindPersona, p.ID, "pain shared with another map", func(set *content.Set) {
			for _, other := range set.Personas {
				if other == per(set) {
					continue
				}
				for _, st := range other.Steps {
					if len(st.Pains) > 0 && len(per(set).Steps) > 0 {
						per(set).Steps[0].Pains = append(per(set).Steps[0].Pains, st.Pains[0])
						return
					}
				}
			}
		})
	}
	for i, st := range set.Stages {
		stage := func(set *content.Set) *content.StageDoc { return set.Stages[i] }
		add(site.KindStage, st.ID, "title", func(set *content.Set) { stage(set).Title += " (edited)" })
		add(site.KindStage, st.ID, "goal", func(set *content.Set) { stage(set).Goal += " soon" })
		add(site.KindStage, st.ID, "body", func(set *content.Set) { stage(set).Body += "<p>Edited.</p>" })
		add(site.KindStage, st.ID, "KPIs", func(set *content.Set) { stage(set).KPIs = append(stage(set).KPIs, "Edited KPI") })
		add(site.KindStage, st.ID, "order", func(set *content.Set) { stage(set).Order = len(set.Stages) + 1 })
	}
	for i, tp := range set.Touchpoints {
		t := func(set *content.Set) *content.TouchpointDoc { return set.Touchpoints[i] }
		add(site.KindTouchpoint, tp.ID, "title", func(set *content.Set) { t(set).Title += " (edited)" })
		add(site.KindTouchpoint, tp.ID, "owner", func(set *content.Set) { t(set).Owner = "Edited team" })
		add(site.KindTouchpoint, tp.ID, "channel", func(set *content.Set) { t(set).Channel = "fax" })
		add(site.KindTouchpoint, tp.ID, "managed", func(set *content.Set) { t(set).Managed = !t(set).Managed })
		add(site.KindTouchpoint, tp.ID, "body", func(set *content.Set) { t(set).Body += "<p>Edited.</p>" })
	}
	return edits
}

// TestShowsIsComplete: a page that does not depend on the whole portal
// comes out byte for byte the same after a change to any file, unless its
// Shows, before or after the change, name something the change touches.
// This is what lets a rebuild redo only those pages.
func TestShowsIsComplete(t *testing.T) {
	checkShows(t, exampleSet, 1)
}

// TestShowsIsCompleteSplitIndex: the same with the pain-point index split
// over pages, where moving a pain to another page of the index touches it;
// every 97th edit, to keep the test quick.
func TestShowsIsCompleteSplitIndex(t *testing.T) {
	if len(linkSet(t, testConfig(), manyPainsSet()).Pains) <= PainsPerPage {
		t.Fatal("the portal's pain-point index fits on one page")
	}
	checkShows(t, manyPainsSet, 97)
}

// checkShows renders the portal newSet makes, then, for every sample-th
// edit of entityEdits, the edited portal, and compares every page whose
// Shows name nothing the edit touches.
func checkShows(t *testing.T, newSet func() *content.Set, sample int) {
	t.Helper()
	r := newRenderer(t)
	cfg := testConfig()
	before := linkSet(t, cfg, newSet())
	pagesBefore := make(map[string]Page)
	for _, p := range r.Pages(before) {
		pagesBefore[p.Path] = p
	}
	filesBefore := renderAll(t, r, before)
	edits := entityEdits(newSet())
	if len(edits)/sample < 50 {
		t.Fatalf("only %d edits: the portal is too small to test Shows", len(edits)/sample)
	}
	checked := 0
	for i, e := range edits {
		if i%sample != 0 {
			continue
		}
		set := newSet()
		e.apply(set)
		after := linkSet(t, cfg, set)
		files := renderAll(t, r, after)
		touched := r.Touched(before, after, []site.Ref{e.ref})
		for _, p := range r.Pages(after) {
			if p.All {
				continue
			}
			old, ok := pagesBefore[p.Path]
			if !ok {
				t.Fatalf("%s: new page %s", e.name, p.Path)
			}
			shows := r.Shows(after, p)
			if r.Touches(after, p, touched) || r.Touches(before, old, touched) {
				continue
			}
			checked++
			if files[p.Path] != filesBefore[p.Path] {
				t.Errorf("%s changes %s, whose Shows %v name none of %v", e.name, p.Path, shows, touched)
			}
		}
	}
	if checked == 0 {
		t.Fatal("no page was left out of any edit's Shows: the test checks nothing")
	}
	t.Logf("%d edits, %d pages checked unchanged", (len(edits)+sample-1)/sample, checked)
}

// TestTouchesAgreesWithShows: Touches says of every page and entity what
// Shows says, so that a rebuild may ask it instead.
func TestTouchesAgreesWithShows(t *testing.T) {
	r := newRenderer(t)
	for _, newSet := range []func() *content.Set{exampleSet, manyPainsSet} {
		s := linkSet(t, testConfig(), newSet())
		pages := r.Pages(s)
		var refs []site.Ref
		for _, p := range pages {
			for _, ref := range r.Shows(s, p) {
				if !slices.Contains(refs, ref) {
					refs = append(refs, ref)
				}
			}
		}
		refs = append(refs, site.Ref{Kind: site.KindPain, ID: "no-such-pain"}, site.Ref{Kind: site.KindStage, ID: "no-such-stage"})
		checked := 0
		for _, p := range pages {
			shows := r.Shows(s, p)
			for _, ref := range refs {
				want := slices.Contains(shows, ref)
				if got := r.Touches(s, p, TouchedOf(ref)); got != want {
					t.Errorf("%s, %v: Touches says %v, Shows %v", p.Path, ref, got, want)
				}
				checked++
			}
		}
		if checked == 0 {
			t.Fatal("nothing checked")
		}
	}
}
