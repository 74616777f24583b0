package chart

import (
	"github.com/cxatlas/cxatlas/generator/i18n"
	"github.com/cxatlas/cxatlas/generator/site"
)

// Band is a run of consecutive steps of a journey in the same stage. A
// journey that returns to a stage gets a second band for it, so the map and
// its curve keep the order the writer gave the steps.
type Band struct {
	Stage *site.Stage
	// First is the position of the band's first step in the journey,
	// counting from 0.
	First int
	Steps []*site.Step
}

// Bands splits steps into runs of the same stage, in order.
func Bands(steps []*site.Step) []Band {
	var out []Band
	for i, st := range steps {
		if n := len(out); n > 0 && out[n-1].Stage == st.Stage {
			out[n-1].Steps = append(out[n-1].Steps, st)
			continue
		}
		out = append(out, Band{Stage: st.Stage, First: i, Steps: []*site.Step{st}})
	}
	return out
}

// stageTitle returns the title of a stage, or a placeholder for a step
// whose stage is missing.
func stageTitle(s *site.Stage, cat *i18n.Catalogue) string {
	if s == nil {
		return cat.T("chart.no_stage")
	}
	return s.Title
}
