package explore

import (
	"fmt"
	"testing"
)

// matrixPortal has four touchpoints: "busy" in five steps, "painful" and
// "calm" in two each (painful with more pains), "unused" in none; stage
// "later" nobody visits.
func matrixPortal() portal {
	return portal{
		stages:      []string{"need", "buy", "later"},
		touchpoints: []string{"calm:online:managed", "busy:online:managed", "painful:offline:", "unused::"},
		personas: []persona{
			{id: "a", steps: []stepDoc{
				using("need", -2, []string{"busy", "calm"}),
				using("buy", 1, []string{"busy", "painful"}, "high:Queue", "low:Noise"),
				using("buy", noScore, []string{"busy"}),
			}},
			{id: "b", steps: []stepDoc{
				using("need", 1, []string{"busy", "calm"}),
				using("buy", -1, []string{"busy", "painful"}, "medium:Queue"),
			}},
		},
	}
}

func TestBuildMatrix(t *testing.T) {
	tests := []struct {
		name       string
		limit      int
		wantRows   string
		wantHidden int
	}{
		{"busiest first, then most pains, then order", 0, "[busy painful calm]", 0},
		{"capped at the limit", 2, "[busy painful]", 1},
		{"a limit of one", 1, "[busy]", 2},
	}
	s := matrixPortal().link(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := BuildMatrix(s, tt.limit)
			var ids []string
			for _, r := range m.Rows {
				ids = append(ids, r.Touchpoint.ID)
			}
			if fmt.Sprint(ids) != tt.wantRows || m.Hidden != tt.wantHidden || m.Unused != 1 {
				t.Errorf("rows %v, hidden %d, unused %d; want %s, %d, 1", ids, m.Hidden, m.Unused, tt.wantRows, tt.wantHidden)
			}
			for _, r := range m.Rows {
				if len(r.Cells) != 3 {
					t.Fatalf("%s: %d cells, want one per stage", r.Touchpoint.ID, len(r.Cells))
				}
				if later := r.Cells[2]; len(later.Steps) != 0 || later.Emotion.N != 0 {
					t.Errorf("%s: the stage nobody visits has %d steps", r.Touchpoint.ID, len(later.Steps))
				}
			}
		})
	}
}

func TestMatrixCells(t *testing.T) {
	m := BuildMatrix(matrixPortal().link(t), 0)
	busy, painful := m.Rows[0], m.Rows[1]
	tests := []struct {
		name                   string
		cell                   MatrixCell
		steps, personas, pains int
		scored                 int
		mean                   float64
	}{
		{"two personas meet it in need", busy.Cells[0], 2, 2, 0, 2, -0.5},
		{"unscored steps count but do not score", busy.Cells[1], 3, 2, 3, 2, 0},
		{"pain mentions are counted", painful.Cells[1], 2, 2, 3, 2, 0},
		{"nobody meets it there", painful.Cells[0], 0, 0, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := tt.cell
			if len(c.Steps) != tt.steps || len(c.Personas) != tt.personas || c.Pains != tt.pains || c.Emotion.N != tt.scored || c.Emotion.Mean != tt.mean {
				t.Errorf("steps %d, personas %d, pains %d, scored %d, mean %v; want %d, %d, %d, %d, %v",
					len(c.Steps), len(c.Personas), c.Pains, c.Emotion.N, c.Emotion.Mean, tt.steps, tt.personas, tt.pains, tt.scored, tt.mean)
			}
		})
	}
}

func TestBuildMatrixEmpty(t *testing.T) {
	m := BuildMatrix(portal{stages: []string{"need"}, touchpoints: []string{"alone::"}}.link(t), 0)
	if len(m.Rows) != 0 || m.Hidden != 0 || m.Unused != 1 {
		t.Errorf("rows %d, hidden %d, unused %d; want 0, 0, 1", len(m.Rows), m.Hidden, m.Unused)
	}
}
