package history

import (
	"reflect"
	"testing"

	"github.com/cxatlas/cxatlas/generator/content"
)

// steps makes steps from "stage" or "stage#id" names.
func steps(names ...string) []*content.StepDoc {
	out := make([]*content.StepDoc, len(names))
	for i, n := range names {
		s := &content.StepDoc{}
		for j := 0; j < len(n); j++ {
			if n[j] == '#' {
				s.ID = n[j+1:]
				n = n[:j]
				break
			}
		}
		s.Stage.ID = n
		out[i] = s
	}
	return out
}

func TestMatchSteps(t *testing.T) {
	tests := []struct {
		name     string
		old, cur []*content.StepDoc
		want     []int
	}{
		{"same", steps("buy", "buy", "get"), steps("buy", "buy", "get"), []int{0, 1, 2}},
		{"step added to an earlier stage", steps("buy", "get", "get"), steps("buy", "buy", "get", "get"), []int{0, -1, 1, 2}},
		{"step removed", steps("buy", "buy", "get"), steps("buy", "get"), []int{0, 2}},
		{"stages swapped", steps("buy", "get"), steps("get", "buy"), []int{1, 0}},
		{"ids follow a moved step", steps("buy#a", "buy#b"), steps("buy#b", "buy#a"), []int{1, 0}},
		{"id moves to another stage", steps("buy#a", "get"), steps("get", "get#a"), []int{1, 0}},
		{"id added is a new step", steps("buy"), steps("buy#a"), []int{-1}},
		{"ids do not count in positions", steps("buy#a", "buy"), steps("buy", "buy#a"), []int{1, 0}},
		{"empty", nil, steps("buy"), []int{-1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := MatchSteps(tt.old, tt.cur); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("MatchSteps = %v, want %v", got, tt.want)
			}
		})
	}
}
