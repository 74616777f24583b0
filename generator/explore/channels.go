package explore

import (
	"iter"

	"github.com/cxatlas/cxatlas/generator/site"
)

// MaxQuadrantTouchpoints is the most touchpoints a quadrant of the channel
// view names: the busiest; the others are counted.
const MaxQuadrantTouchpoints = 40

// Quadrant is one cell of the channel view: the touchpoints of one mode
// (online or offline) that the company does or does not run.
type Quadrant struct {
	// Mode is "online", "offline", or empty for the touchpoints whose
	// mode is not written.
	Mode string
	// Managed says whether the company runs the touchpoints; it means
	// nothing when Mode is empty.
	Managed bool
	// Touchpoints are the busiest of the quadrant, see Rank.
	Touchpoints []*site.Touchpoint
	// Count counts every touchpoint of the quadrant; Hidden those left out
	// of Touchpoints.
	Count, Hidden int
	// Steps counts the steps at the quadrant's touchpoints, each once
	// however many of them it uses; Pains the distinct pain points met
	// there.
	Steps, Pains int
	// Emotion aggregates the scores of those steps.
	Emotion site.Stat
}

// Channels sorts the touchpoints of s into the four quadrants online and
// managed, online and unmanaged, offline and managed, offline and
// unmanaged, in that order, then a fifth group of those without a mode,
// which is left out when empty. Each names at most limit touchpoints
// (limit <= 0 means MaxQuadrantTouchpoints).
func Channels(s *site.Site, limit int) []Quadrant {
	if limit <= 0 {
		limit = MaxQuadrantTouchpoints
	}
	qs := []Quadrant{{Mode: "online", Managed: true}, {Mode: "online"}, {Mode: "offline", Managed: true}, {Mode: "offline"}, {}}
	for _, t := range Rank(s.Touchpoints) {
		q := &qs[quadrantOf(t)]
		q.Count++
		if len(q.Touchpoints) < limit {
			q.Touchpoints = append(q.Touchpoints, t)
		} else {
			q.Hidden++
		}
	}
	// A step, or a pain, met at several touchpoints of one quadrant counts
	// once there: each is visited once, with the set of its quadrants.
	for _, p := range s.Personas {
		for _, st := range p.Steps {
			for i := range quadrantsOf(st.Touchpoints) {
				qs[i].Steps++
				addScore(&qs[i].Emotion, st)
			}
		}
	}
	for _, p := range s.Pains {
		for i := range quadrantsOf(p.Touchpoints) {
			qs[i].Pains++
		}
	}
	if qs[4].Count == 0 {
		qs = qs[:4]
	}
	return qs
}

// quadrantsOf yields the index of each quadrant tps fall in, once.
func quadrantsOf(tps []*site.Touchpoint) iter.Seq[int] {
	return func(yield func(int) bool) {
		var seen [5]bool
		for _, t := range tps {
			i := quadrantOf(t)
			if !seen[i] {
				seen[i] = true
				if !yield(i) {
					return
				}
			}
		}
	}
}

// quadrantOf is the index of t's quadrant in the order Channels returns.
func quadrantOf(t *site.Touchpoint) int {
	switch {
	case t.Mode == "online" && t.Managed:
		return 0
	case t.Mode == "online":
		return 1
	case t.Mode == "offline" && t.Managed:
		return 2
	case t.Mode == "offline":
		return 3
	}
	return 4
}
