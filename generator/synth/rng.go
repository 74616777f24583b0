package synth

import (
	"math/rand/v2"
	"slices"
)

// rng is a seeded source of choices. Every file draws from its own rng,
// seeded from the portal's seed and the file's place, so files can be
// generated in any order, in parallel, and still come out the same.
type rng struct {
	r *rand.Rand
}

// The streams of the random sources: one for the plan, one per kind of
// file, each file numbered within its kind.
const (
	streamPlan uint64 = iota
	streamStage
	streamTouchpoint
	streamPersona
	streamHome
)

func newRNG(seed, stream uint64, index int) rng {
	return rng{rand.New(rand.NewPCG(seed, stream<<40|uint64(index)))}
}

// intn returns a number in [0, n).
func (g rng) intn(n int) int { return g.r.IntN(n) }

// between returns a number in [lo, hi].
func (g rng) between(lo, hi int) int { return lo + g.r.IntN(hi-lo+1) }

// chance is true with probability p.
func (g rng) chance(p float64) bool { return g.r.Float64() < p }

func (g rng) pick(list []string) string { return list[g.r.IntN(len(list))] }

// sample returns n distinct items of list, in list order.
func (g rng) sample(list []string, n int) []string {
	n = min(n, len(list))
	idx := g.r.Perm(len(list))[:n]
	slices.Sort(idx)
	out := make([]string, n)
	for i, j := range idx {
		out[i] = list[j]
	}
	return out
}
