package explore

import "github.com/cxatlas/cxatlas/generator/site"

// MaxChosen is the most personas a reader compares at once; more curves
// would no longer be told apart.
const MaxChosen = 5

// MaxPool is the most personas the comparison page offers: those of highest
// priority. Each one offered adds its whole curve and its pain points to the
// page, so a portal of thousands of personas keeps a page of a sensible
// size.
const MaxPool = 24

// Comparison is the data of the comparison page: the personas offered, the
// curve of each, and their pain points side by side per stage.
type Comparison struct {
	// Stages are the portal's stages, in order: the bands of the x axis.
	Stages []*site.Stage
	// Curves holds one curve per persona offered, in persona order.
	Curves []Curve
	// Left counts the personas not offered, beyond MaxPool.
	Left int
	// Pains holds a row per stage, in stage order, with a cell per curve.
	Pains []PainRow
}

// Curve is one persona's steps placed on the stage bands of the x axis.
type Curve struct {
	Persona *site.Persona
	// Points are the persona's steps that have a stage, ordered by X.
	Points []Point
	// Scored counts the points with an emotion score.
	Scored int
}

// Point is one step on the comparison's x axis.
type Point struct {
	Step *site.Step
	// X is in stage units: stage i covers [i, i+1). The k-th of a
	// persona's n steps in a stage sits at i + (k+0.5)/n, so maps of any
	// length line up by stage.
	X float64
}

// PainRow is one stage of the side-by-side pain points.
type PainRow struct {
	Stage *site.Stage
	// Cells holds, per curve of the comparison, the pain points that
	// persona meets in the stage.
	Cells [][]PainAt
}

// PainAt is a pain point as one persona meets it in one stage.
type PainAt struct {
	Pain *site.Pain
	// Severity is the highest of the persona's mentions there.
	Severity site.Severity
	// Step is the first step where the persona meets it there.
	Step *site.Step
}

// Compare works out the comparison of the personas of s: the first MaxPool
// of them (the model sorts them by priority).
func Compare(s *site.Site) Comparison {
	pool := s.Personas[:min(len(s.Personas), MaxPool)]
	c := Comparison{Stages: s.Stages, Left: len(s.Personas) - len(pool)}
	for _, p := range pool {
		c.Curves = append(c.Curves, Spread(p, len(s.Stages)))
	}
	for i, st := range s.Stages {
		row := PainRow{Stage: st, Cells: make([][]PainAt, len(pool))}
		for j, p := range pool {
			if i < len(p.Stages) && p.Stages[i].Stage == st {
				row.Cells[j] = stagePains(p.Stages[i].Steps)
			}
		}
		c.Pains = append(c.Pains, row)
	}
	return c
}

// Spread places the steps of p on the stage bands of an axis of nStages
// stages: each stage's steps spread evenly over its band, in the order the
// writer gave them. Steps without a stage, or with a stage outside the
// axis, have no place and are left out.
func Spread(p *site.Persona, nStages int) Curve {
	c := Curve{Persona: p}
	for _, r := range p.Stages {
		if r.Stage == nil || r.Stage.Index < 0 || r.Stage.Index >= nStages {
			continue
		}
		n := float64(len(r.Steps))
		for k, st := range r.Steps {
			c.Points = append(c.Points, Point{Step: st, X: float64(r.Stage.Index) + (float64(k)+0.5)/n})
			if st.HasEmotion {
				c.Scored++
			}
		}
	}
	return c
}

// stagePains lists the distinct pain points of steps, in the order first
// met, each with the highest severity it is given there.
func stagePains(steps []*site.Step) []PainAt {
	var out []PainAt
	for _, st := range steps {
		for _, m := range st.Pains {
			if m.Pain == nil {
				continue
			}
			found := false
			for i := range out {
				if out[i].Pain == m.Pain {
					out[i].Severity = max(out[i].Severity, m.Severity)
					found = true
					break
				}
			}
			if !found {
				out = append(out, PainAt{Pain: m.Pain, Severity: m.Severity, Step: st})
			}
		}
	}
	return out
}
