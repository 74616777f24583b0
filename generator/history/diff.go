package history

import (
	"strconv"
	"time"

	"github.com/cxatlas/cxatlas/generator/content"
)

// Change is what one commit changed in the content.
type Change struct {
	Commit *Commit
	// Entities lists the maps, stages and touchpoints the commit changed,
	// in the order of its files.
	Entities []*EntityChange
}

// EntityChange is what a commit changed in one content file.
type EntityChange struct {
	// Section is the section of the file; ID the id of its entity, and
	// Title its title after the change (before it, when removed).
	Section content.Section
	ID      string
	Title   string
	Path    string
	// Added and Removed are set when the commit added or removed the file.
	Added, Removed bool
	// Items say what changed in the entity, in the reader's terms; empty
	// when the commit changed only text the model does not compare, or
	// when a revision could not be read.
	Items []Item
}

// ItemKind says what kind of change an Item is.
type ItemKind string

// The kinds of change history tells apart.
const (
	StepAdded     ItemKind = "step_added"
	StepRemoved   ItemKind = "step_removed"
	EmotionMoved  ItemKind = "emotion_moved"
	PainAdded     ItemKind = "pain_added"
	PainRemoved   ItemKind = "pain_removed"
	PainRerated   ItemKind = "pain_rerated"
	OwnerChanged  ItemKind = "owner_changed"
	ReviewMoved   ItemKind = "review_moved"
	TitleChanged  ItemKind = "title_changed"
	StepsReworded ItemKind = "steps_reworded"
)

// Item is one change to an entity.
type Item struct {
	Kind ItemKind
	// Step is the number of the step (from 1) in the newer revision, or
	// in the older one for a removed step; 0 for a change to the entity
	// itself. Action is that step's action.
	Step   int
	Action string
	// From and To are the values before and after: emotions as numbers,
	// severities, owners, titles; "" when there was or is none.
	From, To string
	// Text is the text of the pain an item is about.
	Text string
	// FromDate and ToDate are the review dates of a ReviewMoved.
	FromDate, ToDate time.Time
	// N counts the steps of a StepsReworded.
	N int
}

// diffDocs says what changed from old to cur, two revisions of one file;
// either may be nil (added, removed, unreadable).
func diffDocs(old, cur any) []Item {
	switch c := cur.(type) {
	case *content.PersonaDoc:
		if o, ok := old.(*content.PersonaDoc); ok {
			return diffPersona(o, c)
		}
	case *content.StageDoc:
		if o, ok := old.(*content.StageDoc); ok {
			return diffTitle(o.Title, c.Title, nil)
		}
	case *content.TouchpointDoc:
		if o, ok := old.(*content.TouchpointDoc); ok {
			items := diffTitle(o.Title, c.Title, nil)
			if o.Owner != c.Owner {
				items = append(items, Item{Kind: OwnerChanged, From: o.Owner, To: c.Owner})
			}
			return items
		}
	}
	return nil
}

func diffTitle(old, cur string, items []Item) []Item {
	if old != cur {
		items = append(items, Item{Kind: TitleChanged, From: old, To: cur})
	}
	return items
}

// diffPersona compares two revisions of a map: its title, review date and
// steps, matched by MatchSteps.
func diffPersona(old, cur *content.PersonaDoc) []Item {
	items := diffTitle(old.Title, cur.Title, nil)
	if !old.Reviewed.Equal(cur.Reviewed) {
		items = append(items, Item{Kind: ReviewMoved, FromDate: old.Reviewed, ToDate: cur.Reviewed})
	}
	match := MatchSteps(old.Steps, cur.Steps)
	matched := make([]bool, len(old.Steps))
	reworded := 0
	for i, s := range cur.Steps {
		j := match[i]
		if j < 0 {
			items = append(items, Item{Kind: StepAdded, Step: i + 1, Action: s.Action})
			continue
		}
		matched[j] = true
		o := old.Steps[j]
		if o.HasEmotion != s.HasEmotion || o.Emotion != s.Emotion {
			items = append(items, Item{Kind: EmotionMoved, Step: i + 1, Action: s.Action, From: emotion(o), To: emotion(s)})
		}
		items = append(items, diffPains(i+1, s.Action, o.Pains, s.Pains)...)
		if o.Action != s.Action || o.Thought != s.Thought || o.Feeling != s.Feeling {
			reworded++
		}
	}
	for j, o := range old.Steps {
		if !matched[j] {
			items = append(items, Item{Kind: StepRemoved, Step: j + 1, Action: o.Action})
		}
	}
	if reworded > 0 {
		items = append(items, Item{Kind: StepsReworded, N: reworded})
	}
	return items
}

func emotion(s *content.StepDoc) string {
	if !s.HasEmotion {
		return ""
	}
	return strconv.Itoa(s.Emotion)
}

// painKey matches a pain across revisions: by its id when it has one,
// else by its text.
func painKey(p content.PainDoc) string {
	if p.ID != "" {
		return "id:" + p.ID
	}
	return "text:" + p.Text
}

// diffPains compares the pains of a step in two revisions.
func diffPains(step int, action string, old, cur []content.PainDoc) []Item {
	var items []Item
	was := make(map[string]content.PainDoc, len(old))
	for _, p := range old {
		was[painKey(p)] = p
	}
	is := make(map[string]bool, len(cur))
	for _, p := range cur {
		k := painKey(p)
		is[k] = true
		o, ok := was[k]
		switch {
		case !ok:
			items = append(items, Item{Kind: PainAdded, Step: step, Action: action, Text: p.Text, To: p.Severity})
		case o.Severity != p.Severity:
			items = append(items, Item{Kind: PainRerated, Step: step, Action: action, Text: p.Text, From: o.Severity, To: p.Severity})
		}
	}
	for _, p := range old {
		if !is[painKey(p)] {
			items = append(items, Item{Kind: PainRemoved, Step: step, Action: action, Text: p.Text, From: p.Severity})
		}
	}
	return items
}

// MatchSteps matches the steps of a map across two revisions. It returns,
// for each step of cur, the index of the same step in old, or -1 for a
// step that is new. A step with an id is the step of old with the same
// id; a step without one is the step of old without an id in the same
// stage at the same place among that stage's steps without ids (the
// second step of "purchase" matches the second step of "purchase").
func MatchSteps(old, cur []*content.StepDoc) []int {
	key := func(steps []*content.StepDoc) []string {
		keys := make([]string, len(steps))
		seen := map[string]int{}
		for i, s := range steps {
			if s.ID != "" {
				keys[i] = "id\x00" + s.ID
				continue
			}
			keys[i] = "at\x00" + s.Stage.ID + "\x00" + strconv.Itoa(seen[s.Stage.ID])
			seen[s.Stage.ID]++
		}
		return keys
	}
	oldAt := map[string]int{}
	for i, k := range key(old) {
		if _, dup := oldAt[k]; !dup {
			oldAt[k] = i
		}
	}
	out := make([]int, len(cur))
	for i, k := range key(cur) {
		j, ok := oldAt[k]
		if !ok {
			j = -1
		} else {
			delete(oldAt, k) // one old step matches one step at most
		}
		out[i] = j
	}
	return out
}
