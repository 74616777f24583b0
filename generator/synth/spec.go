// Package synth writes synthetic customer-journey portals: deterministic,
// seeded sets of stages, touchpoints and personas in the content format, of
// any size, for benchmarks and load tests. The same bodies can also be
// written as a Hugo site with a minimal theme, and converted with bare
// goldmark (Floor), so that a build can be compared with both.
package synth

import (
	"fmt"
	"strings"
)

// Spec describes a synthetic portal. The same Spec always gives the same
// bytes.
type Spec struct {
	// Name labels the portal in its title, e.g. "large".
	Name string
	// Seed selects one portal among all those with these counts.
	Seed uint64
	// Personas, Stages and Touchpoints count the files of each kind.
	Personas    int
	Stages      int
	Touchpoints int
	// MinSteps and MaxSteps bound the number of steps of each persona.
	MinSteps int
	MaxSteps int
	// SharedPains is the number of pain points written in several maps,
	// by the same id or the same text in other case and spacing.
	SharedPains int
}

// Small is a portal of about 50 files, for tests and quick looks.
func Small() Spec {
	return Spec{Name: "small", Seed: 1, Personas: 10, Stages: 6, Touchpoints: 34, MinSteps: 40, MaxSteps: 80, SharedPains: 12}
}

// Medium is a portal of about 1,000 files.
func Medium() Spec {
	return Spec{Name: "medium", Seed: 1, Personas: 190, Stages: 10, Touchpoints: 800, MinSteps: 40, MaxSteps: 80, SharedPains: 60}
}

// Large is a portal of about 10,000 files: 2,000 personas of 40 to 80
// steps, 20 stages and 8,000 touchpoints.
func Large() Spec {
	return Spec{Name: "large", Seed: 1, Personas: 2000, Stages: 20, Touchpoints: 8000, MinSteps: 40, MaxSteps: 80, SharedPains: 300}
}

// PresetNames lists the names Preset accepts, smallest first.
func PresetNames() []string { return []string{"small", "medium", "large"} }

// Preset returns the Spec named "small", "medium" or "large".
func Preset(name string) (Spec, error) {
	switch strings.ToLower(name) {
	case "small":
		return Small(), nil
	case "medium":
		return Medium(), nil
	case "large":
		return Large(), nil
	}
	return Spec{}, fmt.Errorf("unknown size %q; use one of %s", name, strings.Join(PresetNames(), ", "))
}

// Files counts the content files the portal has: every stage, touchpoint
// and persona, and content/_index.md.
func (s Spec) Files() int { return s.Personas + s.Stages + s.Touchpoints + 1 }

// Validate reports a Spec that cannot make a consistent portal.
func (s Spec) Validate() error {
	switch {
	case s.Stages < 1:
		return fmt.Errorf("a portal needs at least 1 stage, not %d", s.Stages)
	case s.Touchpoints < 1:
		return fmt.Errorf("a portal needs at least 1 touchpoint, not %d", s.Touchpoints)
	case s.Personas < 0:
		return fmt.Errorf("the number of personas must not be negative, not %d", s.Personas)
	case s.MinSteps < 1 || s.MaxSteps < s.MinSteps:
		return fmt.Errorf("steps per persona must satisfy 1 <= min <= max, not %d..%d", s.MinSteps, s.MaxSteps)
	case s.SharedPains < 0:
		return fmt.Errorf("the number of shared pains must not be negative, not %d", s.SharedPains)
	}
	return nil
}
