package content

import (
	"html/template"
	"time"

	"github.com/cxatlas/cxatlas/generator/diag"
)

// Section is the folder of the content directory a document belongs to.
type Section string

// The sections of a portal's content.
const (
	SectionHome        Section = "home"
	SectionPersonas    Section = "personas"
	SectionStages      Section = "stages"
	SectionTouchpoints Section = "touchpoints"
)

// Set is everything read from a content folder, each section sorted by
// file path.
type Set struct {
	// Home is content/_index.md, or nil.
	Home        *HomeDoc
	Personas    []*PersonaDoc
	Stages      []*StageDoc
	Touchpoints []*TouchpointDoc
	// Broken lists, by section, the ids of files that exist but could not
	// be read or repeat an id, so that references to them are not reported
	// a second time.
	Broken map[Section]map[string]bool
}

// Meta is what every document has.
type Meta struct {
	// ID is the file name without ".md".
	ID string
	// Path is the file's path relative to the site directory, with forward
	// slashes.
	Path string
	// Title is the required title.
	Title string
	// Body is the Markdown body rendered to HTML for a page at the
	// document's own URL.
	Body template.HTML
	// Links are the portal-internal links found in the body, for the link
	// step to check.
	Links []Link
}

// Link is a link from a document's body to a page of the portal, written
// from the portal root, such as "/stages/purchase/".
type Link struct {
	// Target is the path from the portal root without the leading slash.
	Target string
	Pos    diag.Pos
}

// Ref is a reference to another entity by id, with where it was written.
type Ref struct {
	ID  string
	Pos diag.Pos
}

// HomeDoc is content/_index.md.
type HomeDoc struct {
	Meta
}

// StageDoc is a file in content/stages.
type StageDoc struct {
	Meta
	Order     int
	Goal      string
	Questions []string
	KPIs      []string
}

// TouchpointDoc is a file in content/touchpoints.
type TouchpointDoc struct {
	Meta
	Channel string
	Mode    string
	Managed bool
	Owner   string
	Stages  []Ref
	KPIs    []string
}

// PersonaDoc is a file in content/personas.
type PersonaDoc struct {
	Meta
	Summary      string
	Quote        string
	Priority     int
	Reviewed     time.Time
	ReviewedPos  diag.Pos
	Goals        []string
	Needs        []string
	Frustrations []string
	Channels     []string
	Profile      []ProfileField
	Steps        []*StepDoc
}

// ProfileField is one key/value pair of a persona's [profile].
type ProfileField struct {
	Key   string
	Value string
}

// StepDoc is one [[steps]] entry of a persona.
type StepDoc struct {
	Pos diag.Pos
	// ID names the step across revisions of the map, so that its history
	// follows it when steps are added or moved; empty when not given.
	ID            string
	Stage         Ref
	Touchpoints   []Ref
	Action        string
	Thought       string
	Feeling       string
	HasEmotion    bool
	Emotion       int
	Pains         []PainDoc
	Opportunities []OpportunityDoc
	Evidence      []EvidenceDoc
	Duration      string
	Artifacts     []string
}

// PainDoc is a pain point as written in a step.
type PainDoc struct {
	Text string
	// Severity is "low", "medium", "high", "critical" or "" (not rated).
	Severity string
	ID       string
	Pos      diag.Pos
}

// OpportunityDoc is an opportunity as written in a step.
type OpportunityDoc struct {
	Text string
	// Impact is "low", "medium", "high" or "" (not rated).
	Impact string
	Pos    diag.Pos
}

// EvidenceDoc is one source behind a step.
type EvidenceDoc struct {
	Text string
	// URL is the link, already checked: only http, https, mailto and
	// relative links are kept.
	URL string
	Pos diag.Pos
}
