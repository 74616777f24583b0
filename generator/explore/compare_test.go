package explore

import (
	"fmt"
	"math"
	"testing"

	"github.com/cxatlas/cxatlas/generator/site"
)

func TestSpread(t *testing.T) {
	stages := []string{"need", "buy", "use"}
	long := make([]stepDoc, 73)
	for i := range long {
		long[i] = at("buy", i%5-2)
	}
	tests := []struct {
		name   string
		steps  []stepDoc
		want   []float64 // X of each point, in order
		scored int
	}{
		{"no steps", nil, nil, 0},
		{"one step sits mid-band", []stepDoc{at("buy", 1)}, []float64{1.5}, 1},
		{"steps spread evenly over their band", []stepDoc{at("need", 0), at("need", 1), at("use", -1)}, []float64{0.25, 0.75, 2.5}, 3},
		{"a return to a stage joins its band", []stepDoc{at("need", 0), at("buy", 1), at("need", -1)}, []float64{0.25, 0.75, 1.5}, 3},
		{"steps without a score keep their place", []stepDoc{at("use", noScore), at("use", 2)}, []float64{2.25, 2.75}, 1},
		{"73 steps stay inside their band", long, nil, 73},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := portal{stages: stages, personas: []persona{{id: "p", steps: tt.steps}}}.link(t)
			c := Spread(s.Personas[0], len(s.Stages))
			if c.Scored != tt.scored {
				t.Errorf("scored = %d, want %d", c.Scored, tt.scored)
			}
			if tt.name == "73 steps stay inside their band" {
				if len(c.Points) != 73 {
					t.Fatalf("%d points, want 73", len(c.Points))
				}
				for i, pt := range c.Points {
					if pt.X <= 1 || pt.X >= 2 || (i > 0 && pt.X <= c.Points[i-1].X) {
						t.Fatalf("point %d at %v: not inside (1, 2) in order", i, pt.X)
					}
				}
				return
			}
			var got []float64
			for _, pt := range c.Points {
				got = append(got, math.Round(pt.X*1000)/1000)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("X = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestSpreadLinesUpByStage(t *testing.T) {
	// A 6-step map and a 12-step map: the first step of each stage sits
	// in the same band, whatever the length.
	var short, long []stepDoc
	for _, st := range []string{"a", "b", "c"} {
		short = append(short, at(st, 0), at(st, 1))
		long = append(long, at(st, 0), at(st, 1), at(st, 0), at(st, -1))
	}
	s := portal{stages: []string{"a", "b", "c"}, personas: []persona{{id: "short", steps: short}, {id: "long", steps: long}}}.link(t)
	cs, cl := Spread(s.Personas[0], 3), Spread(s.Personas[1], 3)
	for k := 0; k < 3; k++ {
		if a, b := int(cs.Points[2*k].X), int(cl.Points[4*k].X); a != k || b != k {
			t.Errorf("stage %d: short at band %d, long at band %d", k, a, b)
		}
	}
}

func TestCompare(t *testing.T) {
	tests := []struct {
		name      string
		personas  int
		wantPool  int
		wantLeft  int
		wantPains int // pains in the "buy" row, first persona
	}{
		{"no personas", 0, 0, 0, 0},
		{"a few personas are all offered", 3, 3, 0, 1},
		{"a large portal offers the first MaxPool", MaxPool + 7, MaxPool, 7, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := portal{stages: []string{"need", "buy", "unvisited"}}
			for i := 0; i < tt.personas; i++ {
				p.personas = append(p.personas, persona{id: fmt.Sprintf("p%02d", i), steps: []stepDoc{
					at("need", -1), at("buy", 1, "low:Slow checkout"), at("buy", -2, "high:slow  CHECKOUT"),
				}})
			}
			c := Compare(p.link(t))
			if len(c.Curves) != tt.wantPool || c.Left != tt.wantLeft {
				t.Fatalf("offered %d, left %d; want %d, %d", len(c.Curves), c.Left, tt.wantPool, tt.wantLeft)
			}
			if len(c.Pains) != 3 {
				t.Fatalf("%d pain rows, want one per stage", len(c.Pains))
			}
			for _, row := range c.Pains {
				if len(row.Cells) != tt.wantPool {
					t.Errorf("%s: %d cells, want %d", row.Stage.ID, len(row.Cells), tt.wantPool)
				}
			}
			if tt.wantPool == 0 {
				return
			}
			if got := c.Pains[2].Cells[0]; len(got) != 0 {
				t.Errorf("a stage nobody visits has pains %v", got)
			}
			buy := c.Pains[1].Cells[0]
			if len(buy) != tt.wantPains {
				t.Fatalf("buy: %d pains, want the two mentions joined into %d", len(buy), tt.wantPains)
			}
			if buy[0].Severity != site.High || buy[0].Step.Index != 2 {
				t.Errorf("buy: severity %v at step %d, want the highest (high) at the first step (2)", buy[0].Severity, buy[0].Step.Index)
			}
		})
	}
}
