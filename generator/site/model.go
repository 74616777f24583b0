// Package site links the loaded documents of a portal into one read-only
// model: personas, stages, touchpoints and their steps, resolved to each
// other, with the facts derived from them (pain roll-ups, critical points,
// per-stage emotion). The model is built once by Link and never changed
// afterwards, so pages can be rendered from it in parallel.
package site

import (
	"html/template"
	"time"

	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/history"
)

// Site is the whole linked portal.
type Site struct {
	Config *config.Config
	// Title and Intro come from content/_index.md, or the config title.
	Title string
	Intro template.HTML
	// HomeSource is the source of the home page's text; empty when the
	// portal has no _index.md.
	HomeSource Source

	// Personas are sorted by priority (1 first, unset last), then title.
	Personas []*Persona
	// Stages are sorted by order, then id.
	Stages []*Stage
	// Touchpoints are sorted by title, then id.
	Touchpoints []*Touchpoint
	// Pains are the de-duplicated pain points of all maps, most urgent
	// first: by severity, then by the number of personas they hurt, then by
	// the number of mentions, then by text.
	Pains []*Pain
	// Owners are the owners of touchpoints, sorted by name; touchpoints with
	// no owner are gathered under an Owner whose Name is empty, last.
	Owners []*Owner
	// Heatmap holds the mean emotion of every persona at every stage.
	Heatmap Heatmap

	// Steps counts the steps of all personas.
	Steps int
	// Built is the time the build started; used for staleness.
	Built time.Time
	// History is what git knows about the content; nil when the site is
	// not in a repository. It is part of what every page shows: a new
	// commit rebuilds the portal.
	History *history.History

	personaByID    map[string]*Persona
	stageByID      map[string]*Stage
	touchpointByID map[string]*Touchpoint
}

// Persona returns the persona with the given id, or nil.
func (s *Site) Persona(id string) *Persona { return s.personaByID[id] }

// Stage returns the stage with the given id, or nil.
func (s *Site) Stage(id string) *Stage { return s.stageByID[id] }

// Touchpoint returns the touchpoint with the given id, or nil.
func (s *Site) Touchpoint(id string) *Touchpoint { return s.touchpointByID[id] }

// Source locates the file an entity was read from.
type Source struct {
	// Path is relative to the site directory, with forward slashes, e.g.
	// "content/personas/family.md".
	Path string
	// Line is the line the entity (or step) starts on.
	Line int
}

// Kind names a type of entity.
type Kind string

// The kinds of entity.
const (
	KindHome       Kind = "home"
	KindPersona    Kind = "persona"
	KindStage      Kind = "stage"
	KindTouchpoint Kind = "touchpoint"
	// KindPain names a de-duplicated pain by its Key. A pain belongs to
	// the files of every persona that mentions it: a change to a persona
	// touches the pains it mentions before and after the change.
	KindPain Kind = "pain"
)

// Ref names one entity, e.g. {KindPersona, "family"}. Pages record the
// entities they show as Refs, so that a rebuild can redo only the pages a
// change touches.
type Ref struct {
	Kind Kind
	ID   string
}

// Persona is a customer segment and its journey.
type Persona struct {
	ID       string
	Title    string
	Summary  string
	Quote    string
	Priority int // 0 when not set
	// Reviewed is the date of the last review; zero when not set.
	Reviewed time.Time
	// Stale is set when Reviewed is older than the configured age, or unset.
	Stale        bool
	Goals        []string
	Needs        []string
	Frustrations []string
	Channels     []string
	// Profile holds the free key/value pairs in the writer's order.
	Profile []Field
	Steps   []*Step
	Body    template.HTML
	Source  Source

	// Stages holds one roll-up for each stage of the portal, in stage
	// order, including stages this persona has no step in.
	Stages []*StageRollup
	// Critical lists the critical steps in journey order.
	Critical []*Step
	// Pains counts the pain mentions in this persona's steps.
	Pains int
	// Assumed counts the steps whose emotion has no evidence.
	Assumed int
	// Mean is the mean emotion over all steps with an emotion.
	Mean Stat
}

// Field is one key/value pair of a persona's profile.
type Field struct {
	Key   string
	Value string
}

// Stat is an aggregate of emotion scores.
type Stat struct {
	// N counts the scores; Mean and Min mean nothing when N is 0.
	N    int
	Mean float64
	Min  int
	Max  int
	Sum  int
}

// StageRollup is one persona's steps in one stage and their emotion.
type StageRollup struct {
	Stage   *Stage
	Persona *Persona
	Steps   []*Step
	Emotion Stat
	// Pains counts the pain mentions in these steps.
	Pains int
}

// Step is one step of a persona's journey.
type Step struct {
	Persona *Persona
	// Index counts the persona's steps from 1, in the writer's order.
	Index int
	// Anchor is the fragment id of the step on the persona page, "step-3".
	Anchor      string
	Stage       *Stage
	Touchpoints []*Touchpoint
	Action      string
	Thought     string
	Feeling     string
	// HasEmotion says whether Emotion is set; steps without it have no
	// point on the curve.
	HasEmotion bool
	Emotion    int
	Pains      []*PainMention
	// Opportunities are in the writer's order.
	Opportunities []Opportunity
	Evidence      []Evidence
	Duration      string
	Artifacts     []string
	// Assumed is set when the step has an emotion but no evidence: that part
	// of the curve is drawn as an assumption.
	Assumed bool
	// Critical is set for critical points: low emotion where pains pile up.
	Critical bool
	// CriticalReason explains, in an English sentence for data.json, why
	// the step is critical. Pages word the reason in the portal's language
	// from CriticalLowest and PainWeight.
	CriticalReason string
	// CriticalLowest is set when the step is critical because its emotion
	// is the lowest of the steps with pains; otherwise a critical step is
	// critical because its pains weigh CriticalWeight or more.
	CriticalLowest bool
	// PainWeight is the weight of the step's pains (low 1, medium 2, high
	// 3, critical 4), set on critical steps.
	PainWeight int
	Source     Source
}

// Severity ranks a pain point. The zero value means not rated.
type Severity int

// The severities, least to most severe.
const (
	Unrated Severity = iota
	Low
	Medium
	High
	Critical
)

// Severities lists the rated severities, most severe first.
func Severities() []Severity { return []Severity{Critical, High, Medium, Low} }

// String returns the name used in content files, or "unrated".
func (s Severity) String() string {
	switch s {
	case Low:
		return "low"
	case Medium:
		return "medium"
	case High:
		return "high"
	case Critical:
		return "critical"
	}
	return "unrated"
}

// Impact rates an opportunity. The zero value means not rated.
type Impact int

// The impacts, least to most.
const (
	ImpactUnrated Impact = iota
	ImpactLow
	ImpactMedium
	ImpactHigh
)

// String returns the name used in content files, or "unrated".
func (i Impact) String() string {
	switch i {
	case ImpactLow:
		return "low"
	case ImpactMedium:
		return "medium"
	case ImpactHigh:
		return "high"
	}
	return "unrated"
}

// PainMention is a pain point as written in one step.
type PainMention struct {
	Text     string
	Severity Severity
	// ID is the writer's optional id, which joins mentions across maps.
	ID   string
	Step *Step
	// Pain is the de-duplicated pain this mention belongs to.
	Pain *Pain
	// norm is NormalizePain(Text), which joins mentions into pains.
	norm string
}

// Pain is a pain point as it appears across all maps: every mention with
// the same id, or the same text ignoring case and spacing.
type Pain struct {
	// Key identifies the pain in URLs: "pain-" followed by a short hash.
	Key string
	// ID is the writer's id, if any mention has one.
	ID string
	// Text is the text of the first mention, in persona and step order.
	Text string
	// Severity is the highest severity among the mentions.
	Severity Severity
	// Mentions are in persona order, then step order.
	Mentions    []*PainMention
	Personas    []*Persona
	Stages      []*Stage // in stage order
	Touchpoints []*Touchpoint
	// Owners are the distinct owners of Touchpoints, sorted.
	Owners []string

	// norm is the normalised text of the first mention.
	norm string
}

// Opportunity is a way to remove a pain or improve a step.
type Opportunity struct {
	Text   string
	Impact Impact
}

// Evidence is one source behind a step: an interview, a metric, a link.
type Evidence struct {
	Text string
	// URL is set when the source is a link with a safe scheme (http, https,
	// mailto) or a relative path; unsafe links keep only their text.
	URL string
}

// Stage is a phase of the journey.
type Stage struct {
	ID        string
	Title     string
	Order     int
	Goal      string
	Questions []string
	KPIs      []string
	Body      template.HTML
	Source    Source
	// Index counts the stages from 0 in portal order.
	Index int

	// Steps are every persona's steps in this stage, in persona order.
	Steps []*Step
	// Rollups holds one roll-up per persona that has steps here, in persona
	// order.
	Rollups []*StageRollup
	// Touchpoints are those declared for the stage or used in its steps,
	// sorted like Site.Touchpoints.
	Touchpoints []*Touchpoint
	// Pains are the de-duplicated pains mentioned in this stage, in
	// Site.Pains order.
	Pains   []*Pain
	Emotion Stat
}

// Touchpoint is a place where the customer meets the company.
type Touchpoint struct {
	ID      string
	Title   string
	Channel string
	// Mode is "online", "offline" or empty.
	Mode    string
	Managed bool
	// Owner is the name of the team or person who owns the touchpoint,
	// without surrounding spaces; empty when none is written.
	Owner string
	// DeclaredStages are the stages listed in the touchpoint's front matter.
	DeclaredStages []*Stage
	KPIs           []string
	Body           template.HTML
	Source         Source

	// Steps are the steps that use this touchpoint, in persona order.
	Steps []*Step
	// Personas who meet it, in persona order.
	Personas []*Persona
	// Stages where it is declared or met, in stage order.
	Stages []*Stage
	// Pains mentioned in its steps, in Site.Pains order.
	Pains   []*Pain
	Emotion Stat

	// index is the position in Site.Touchpoints, so that sets of
	// touchpoints can be slices rather than maps.
	index int
}

// Owner is a team or person and the touchpoints they own.
type Owner struct {
	// Name is empty for the group of touchpoints that have no owner.
	Name string
	// Key identifies the owner in URLs and stays the same from build to
	// build: "owner-" followed by a short hash of Name, or "owner-none".
	Key         string
	Touchpoints []*Touchpoint
	// Pains are those met at the owner's touchpoints, in Site.Pains order.
	Pains []*Pain
}

// Heatmap is the persona x stage table of mean emotion.
type Heatmap struct {
	// Rows are in persona order; each row has one cell per stage, in stage
	// order.
	Rows []HeatmapRow
}

// HeatmapRow is one persona's row of the heatmap.
type HeatmapRow struct {
	Persona *Persona
	Cells   []*StageRollup
}
