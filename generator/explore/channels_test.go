package explore

import (
	"fmt"
	"testing"
)

func TestChannels(t *testing.T) {
	tests := []struct {
		name  string
		p     portal
		limit int
		// want holds, per quadrant: key, count, named, hidden, steps,
		// distinct pains, scores and mean.
		want []string
	}{
		{
			name: "four quadrants and touchpoints without a mode",
			p:    matrixPortal(),
			want: []string{
				"online+managed 2 [busy calm] 0 5 2 4 -0.2",
				"online 0 [] 0 0 0 0 0",
				"offline+managed 0 [] 0 0 0 0 0",
				"offline 1 [painful] 0 2 2 2 0",
				"none 1 [unused] 0 0 0 0 0",
			},
		},
		{
			name:  "a quadrant names at most limit touchpoints, busiest first",
			p:     matrixPortal(),
			limit: 1,
			want: []string{
				"online+managed 2 [busy] 1 5 2 4 -0.2",
				"online 0 [] 0 0 0 0 0",
				"offline+managed 0 [] 0 0 0 0 0",
				"offline 1 [painful] 0 2 2 2 0",
				"none 1 [unused] 0 0 0 0 0",
			},
		},
		{
			name: "no group of touchpoints without a mode when all have one",
			p:    portal{stages: []string{"need"}, touchpoints: []string{"shop:offline:managed"}},
			want: []string{
				"online+managed 0 [] 0 0 0 0 0",
				"online 0 [] 0 0 0 0 0",
				"offline+managed 1 [shop] 0 0 0 0 0",
				"offline 0 [] 0 0 0 0 0",
			},
		},
		{
			name: "no touchpoints at all",
			p:    portal{},
			want: []string{
				"online+managed 0 [] 0 0 0 0 0",
				"online 0 [] 0 0 0 0 0",
				"offline+managed 0 [] 0 0 0 0 0",
				"offline 0 [] 0 0 0 0 0",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs := Channels(tt.p.link(t), tt.limit)
			var got []string
			for _, q := range qs {
				key := q.Mode
				if key == "" {
					key = "none"
				} else if q.Managed {
					key += "+managed"
				}
				ids := []string{}
				for _, tp := range q.Touchpoints {
					ids = append(ids, tp.ID)
				}
				got = append(got, fmt.Sprintf("%s %d %v %d %d %d %d %.1g", key, q.Count, ids, q.Hidden, q.Steps, q.Pains, q.Emotion.N, q.Emotion.Mean))
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("quadrants\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}
