// Package explore works out, from the linked model of a portal, the data of
// the views that look across maps: the comparison of personas step by step
// (Compare), the stage x touchpoint matrix (Matrix) and the channel view
// (Channels). It computes only; render draws the pages. Every view is
// bounded, so that a portal of thousands of touchpoints and personas still
// gives pages a browser opens comfortably.
package explore

import "github.com/cxatlas/cxatlas/generator/site"

// merge adds the scores counted in b to a.
func merge(a *site.Stat, b site.Stat) {
	if b.N == 0 {
		return
	}
	if a.N == 0 || b.Min < a.Min {
		a.Min = b.Min
	}
	if a.N == 0 || b.Max > a.Max {
		a.Max = b.Max
	}
	a.N += b.N
	a.Sum += b.Sum
	a.Mean = float64(a.Sum) / float64(a.N)
}

// addScore counts the emotion of step st into a, if it has one.
func addScore(a *site.Stat, st *site.Step) {
	if st.HasEmotion {
		merge(a, site.Stat{N: 1, Mean: float64(st.Emotion), Min: st.Emotion, Max: st.Emotion, Sum: st.Emotion})
	}
}
