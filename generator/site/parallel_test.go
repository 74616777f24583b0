package site

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/cxatlas/cxatlas/generator/content"
	"github.com/cxatlas/cxatlas/generator/diag"
	"github.com/cxatlas/cxatlas/generator/synth"
)

// TestParallelLinkIsSerialLink checks that linking on several goroutines
// gives the very model, and diagnostics in the very order, that linking on
// one does, on a generated portal with broken references in many personas.
func TestParallelLinkIsSerialLink(t *testing.T) {
	cfg, set := genPortal(t, synth.Medium())
	// Break references here and there, so that errors come from many
	// personas and must be gathered in order.
	for i, d := range set.Personas {
		if i%7 != 0 || len(d.Steps) == 0 {
			continue
		}
		first, last := d.Steps[0], d.Steps[len(d.Steps)-1]
		first.Stage = content.Ref{ID: "nowhere", Pos: diag.Pos{Line: first.Pos.Line, Col: 9}}
		last.Touchpoints = append(last.Touchpoints, content.Ref{ID: fmt.Sprintf("gone-%d", i), Pos: diag.Pos{Line: last.Pos.Line, Col: 16}})
	}

	dump := func(workers int) string {
		s, diags := link(cfg, set, now, workers)
		if workers == 1 && !diags.HasErrors() {
			t.Fatal("the broken references were not reported")
		}
		var b bytes.Buffer
		if err := dumpModel(&b, s, diags); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	want := dump(1)
	for _, workers := range []int{2, 3, 8} {
		if got := dump(workers); got != want {
			t.Errorf("%d workers: the model differs from one worker's, first at\n%s", workers, firstDiff(got, want))
		}
	}
}

// firstDiff returns the first line where got and want differ, of each.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			return fmt.Sprintf("got:  %.300s\nwant: %.300s", g[i], w[i])
		}
	}
	return fmt.Sprintf("got %d lines, want %d", len(g), len(w))
}
