package content

import "slices"

// Fields lists the keys the loader reads in the front matter of a kind of
// document, and the words some of them take, for tools that describe
// front matter to writers (generator/schema). Each list is a copy, in the
// order the loader knows them.
type Fields struct {
	// Home, Persona, Step, Stage and Touchpoint are the keys of
	// content/_index.md, of a persona, of one of its [[steps]], of a stage
	// and of a touchpoint. Title is required in all but a step; Stage in a
	// step.
	Home, Persona, Step, Stage, Touchpoint []string
	// Pain, Opportunity and Evidence are the keys of an item of those
	// lists written as a table, besides "text".
	Pain, Opportunity, Evidence []string
	// Severities, Impacts and Modes are the words severity, impact and a
	// touchpoint's mode take, in lower case (the loader ignores case).
	Severities, Impacts, Modes []string
}

// KnownFields returns the keys and words the loader knows.
func KnownFields() Fields {
	return Fields{
		Home:        slices.Clone(homeKeys),
		Persona:     slices.Clone(personaKeys),
		Step:        slices.Clone(stepKeys),
		Stage:       slices.Clone(stageKeys),
		Touchpoint:  slices.Clone(touchpointKeys),
		Pain:        slices.Clone(painItemKeys),
		Opportunity: slices.Clone(opportunityItemKeys),
		Evidence:    slices.Clone(evidenceItemKeys),
		Severities:  slices.Clone(severities),
		Impacts:     slices.Clone(impacts),
		Modes:       slices.Clone(modes),
	}
}
