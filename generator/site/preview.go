package site

import (
	"cmp"
	"maps"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/content"
	"github.com/cxatlas/cxatlas/generator/diag"
)

// A Preview is a site as one edit of one persona's, stage's or
// touchpoint's file leaves it, worked out from the site before the edit
// for the pages of that entity alone: the page a writer looks at while
// editing, published before the whole portal is linked again. Everything
// those pages show is as Link would make it; the rest of the site is the
// site before the edit, and must not be shown.
type Preview struct {
	// Site is the site before the edit with the edited entity in place
	// of the old one.
	Site *Site
	// Ref names the edited entity.
	Ref Ref
	// Persona is the edited persona; nil for the other kinds.
	Persona *Persona
	// Stage and Touchpoint are the edited stage or touchpoint; nil for
	// the other kinds.
	Stage      *Stage
	Touchpoint *Touchpoint
	// Before is the site before the edit.
	Before *Site
	// Pos holds the place, from 0, that each pain the edited map mentions
	// takes in Site.Pains of the site after the edit: what the map's links
	// to the pain-point index depend on.
	Pos map[*Pain]int
}

// A PreviewIndex finds in a linked site what PreviewPersona needs: the
// pain of each pain id and normalised text, the place of each pain and
// persona, and the pains by key. It is made once per site, after the site
// is published, and is read-only afterwards.
type PreviewIndex struct {
	site   *Site
	byID   map[string]*Pain
	byNorm map[string]*Pain
	// pains holds what is known of each pain, by its place in Site.Pains.
	pains   []painInfo
	painPos map[*Pain]int
	rank    map[*Persona]int
	keys    map[string]*Pain
	// suffixed is set when a pain's key took a suffix to tell it from
	// another's: then keys depend on the order of all pains, which a
	// preview does not follow.
	suffixed bool
}

// NewPreviewIndex indexes s for PreviewPersona.
func NewPreviewIndex(s *Site) *PreviewIndex {
	ix := &PreviewIndex{
		site:    s,
		byID:    map[string]*Pain{},
		byNorm:  make(map[string]*Pain, len(s.Pains)),
		painPos: make(map[*Pain]int, len(s.Pains)),
		rank:    make(map[*Persona]int, len(s.Personas)),
		keys:    make(map[string]*Pain, len(s.Pains)),
	}
	for i, p := range s.Personas {
		ix.rank[p] = i
	}
	ix.pains = make([]painInfo, len(s.Pains))
	for i, p := range s.Pains {
		ix.painPos[p] = i
		ix.keys[p.Key] = p
		if p.Key != baseKey(p.ID, p.norm) {
			ix.suffixed = true
		}
		info := &ix.pains[i]
		info.uniform = true
		for _, m := range p.Mentions {
			ix.byNorm[m.norm] = p
			if m.ID != "" {
				ix.byID[m.ID] = p
			}
			info.severities[m.Severity]++
			if m.ID != "" {
				info.withID++
			}
			if m.norm != p.norm || (m.ID != "" && m.ID != p.ID) {
				info.uniform = false
			}
		}
	}
	return ix
}

// painInfo is what a PreviewIndex knows of a pain.
type painInfo struct {
	// uniform is set when every mention has the pain's text, normalised,
	// and its id or none: then taking mentions away leaves one pain, with
	// that text, and with that id while a mention with it is left.
	uniform bool
	// withID counts the mentions with an id.
	withID int
	// severities counts the mentions of each severity.
	severities [Critical + 1]int
}

// Site returns the site ix indexes.
func (ix *PreviewIndex) Site() *Site { return ix.site }

// baseKey is the key of a pain with the given id and normalised text
// before any suffix: see painKey.
func baseKey(id, norm string) string {
	if id != "" {
		return "pain-" + id
	}
	return hashKey("pain-", norm)
}

// PreviewPersona works out the map of persona d.ID after its file was
// edited to d, from ix's site, which holds the portal before the edit; set
// is the content after the edit, in which no other file changed. It
// reports false when the edit reaches beyond what a preview follows: the
// persona is new, moves in the order of personas, refers to an unknown
// stage or touchpoint, its pains take keys that depend on other pains, or
// its history must be read again (see history.Edited). Then only Link
// gives the map.
func PreviewPersona(ix *PreviewIndex, cfg *config.Config, set *content.Set, d *content.PersonaDoc) (*Preview, bool) {
	pv, _ := previewPersona(ix, cfg, set, d, true)
	return pv, pv != nil
}

// previewPersona is PreviewPersona, which joins pains the shorter way
// (joinUniform) when it can and may, and reports whether it did.
func previewPersona(ix *PreviewIndex, cfg *config.Config, set *content.Set, d *content.PersonaDoc, short bool) (*Preview, bool) {
	s0 := ix.site
	old := s0.Persona(d.ID)
	if old == nil {
		return nil, false
	}
	hist := s0.History
	if hist != nil {
		var ok bool
		if hist, _, ok = hist.Edited(nil, []any{d}); !ok {
			return nil, false
		}
	}
	l := &linker{cfg: cfg, set: set, s: s0, workers: 1}
	var link personaLink
	p := l.persona(d, stepAnchors([]*content.PersonaDoc{d}), &link)
	if link.diags.HasErrors() || !ix.keepsPlace(old, p) {
		return nil, false
	}
	p.Stale = stale(p.Reviewed, s0.Built, cfg.StaleAfter)
	pos, shorter, ok := ix.painsOf(old, p, short)
	if !ok {
		return nil, false
	}
	s := *s0
	s.Personas, s.personaByID = replaced(s0.Personas, s0.personaByID, ix.rank[old], p)
	s.Steps += len(p.Steps) - len(old.Steps)
	s.History = hist
	return &Preview{Site: &s, Ref: Ref{Kind: KindPersona, ID: p.ID}, Persona: p, Before: s0, Pos: pos}, shorter
}

// PreviewStage works out the pages of stage d.ID after its file was
// edited to d, from ix's site, as PreviewTouchpoint does for a
// touchpoint: its own fields (title, goal, questions, KPIs, description)
// come from the file, what the maps make of it from the site before the
// edit. It reports false for a new stage and for another order, which
// every map shows.
func PreviewStage(ix *PreviewIndex, d *content.StageDoc) (*Preview, bool) {
	s0 := ix.site
	old := s0.Stage(d.ID)
	if old == nil || d.Order != old.Order {
		return nil, false
	}
	st := newStage(d)
	st.Index, st.Steps, st.Rollups, st.Touchpoints, st.Pains, st.Emotion = old.Index, old.Steps, old.Rollups, old.Touchpoints, old.Pains, old.Emotion
	s := *s0
	s.Stages, s.stageByID = replaced(s0.Stages, s0.stageByID, old.Index, st)
	return &Preview{Site: &s, Ref: Ref{Kind: KindStage, ID: st.ID}, Stage: st, Before: s0}, true
}

// replaced returns copies of list and byID with e in place of the entity
// at index i of list, which has e's id.
func replaced[E interface{ id() string }](list []E, byID map[string]E, i int, e E) ([]E, map[string]E) {
	list, byID = slices.Clone(list), maps.Clone(byID)
	list[i], byID[e.id()] = e, e
	return list, byID
}

func (st *Stage) id() string     { return st.ID }
func (t *Touchpoint) id() string { return t.ID }
func (p *Persona) id() string    { return p.ID }

// PreviewTouchpoint works out the pages of touchpoint d.ID after its file
// was edited to d, from ix's site, which holds the portal before the edit,
// as PreviewPersona does for a map. It follows an edit of what the
// touchpoint's own pages show of it (title, channel, mode, management,
// KPIs, description) and reports false for anything else: a new
// touchpoint, another owner, other declared stages, unknown stages.
func PreviewTouchpoint(ix *PreviewIndex, cfg *config.Config, set *content.Set, d *content.TouchpointDoc) (*Preview, bool) {
	s0 := ix.site
	old := s0.Touchpoint(d.ID)
	if old == nil {
		return nil, false
	}
	l := &linker{cfg: cfg, set: set, s: s0, workers: 1}
	var diags diag.List
	t := l.newTouchpoint(&diags, d)
	if diags.HasErrors() || t.Owner != old.Owner || !slices.Equal(t.DeclaredStages, old.DeclaredStages) {
		return nil, false
	}
	// What the steps that use it make of it stays: the steps did not
	// change.
	t.Steps, t.Personas, t.Stages, t.Pains, t.Emotion, t.index = old.Steps, old.Personas, old.Stages, old.Pains, old.Emotion, old.index
	s := *s0
	s.Touchpoints, s.touchpointByID = replaced(s0.Touchpoints, s0.touchpointByID, old.index, t)
	return &Preview{Site: &s, Ref: Ref{Kind: KindTouchpoint, ID: t.ID}, Touchpoint: t, Before: s0}, true
}

// keepsPlace reports whether p, which replaces old, sorts between the
// personas before and after old: then the order of personas stays.
func (ix *PreviewIndex) keepsPlace(old, p *Persona) bool {
	i, list := ix.rank[old], ix.site.Personas
	key := personaKey(p)
	return (i == 0 || comparePersonaKeys(personaKey(list[i-1]), key) < 0) &&
		(i == len(list)-1 || comparePersonaKeys(key, personaKey(list[i+1])) < 0)
}

// personaKey is what personas are sorted by (see linker.personas).
func personaKey(p *Persona) titleKey[*Persona] {
	return titleKey[*Persona]{rank: personaRank(p), lower: strings.ToLower(p.Title), id: p.ID, v: p}
}

// personaRank is the first key personas are sorted by.
func personaRank(p *Persona) int {
	if p.Priority == 0 {
		return math.MaxInt
	}
	return p.Priority
}

// stale says whether a map reviewed at reviewed (zero when never) is due
// for review at built, stale after staleAfter days.
func stale(reviewed, built time.Time, staleAfter int) bool {
	return reviewed.IsZero() || built.Sub(reviewed).Hours() > float64(staleAfter)*24
}

// painsOf joins the pain mentions of p, which replaces old, with those of
// the other maps, as Link would: the mentions of every pain of ix's site
// that old mentions or that shares an id or a text with a mention of p
// are joined again, with p's, in persona and step order. It gives each of
// p's mentions its pain, with its key, and returns the place of those
// pains among all pains of the site after the edit.
func (ix *PreviewIndex) painsOf(old, p *Persona, short bool) (pos map[*Pain]int, shorter, ok bool) {
	var touched []*Pain
	touch := func(q *Pain) {
		if q != nil && !slices.Contains(touched, q) {
			touched = append(touched, q)
		}
	}
	var fresh []*PainMention
	for _, st := range old.Steps {
		for _, m := range st.Pains {
			touch(m.Pain)
		}
	}
	for _, st := range p.Steps {
		for _, m := range st.Pains {
			fresh = append(fresh, m)
			touch(ix.byNorm[m.norm])
			if m.ID != "" {
				touch(ix.byID[m.ID])
			}
		}
	}
	if len(fresh) == 0 {
		return nil, false, true
	}
	if ix.suffixed {
		return nil, false, false
	}
	var groups, of []*facts
	if short {
		groups, of, shorter = ix.joinUniform(old, touched, fresh)
	}
	if !shorter {
		groups, of = ix.join(old, p, touched)
	}
	// Keys: no other pain may hold the key a group takes.
	taken := map[string]bool{}
	for _, f := range groups {
		key := baseKey(f.pain.ID, f.pain.norm)
		if q, ok := ix.keys[key]; taken[key] || (ok && !slices.Contains(touched, q)) {
			return nil, false, false
		}
		taken[key] = true
		f.pain.Key = key
		f.pain.Severity = f.severity
	}
	before := func(a, b *facts) bool {
		return cmp.Or(cmp.Compare(b.severity, a.severity), cmp.Compare(b.personas, a.personas),
			cmp.Compare(b.mentions, a.mentions), strings.Compare(a.pain.norm, b.pain.norm)) < 0
	}
	asFacts := func(q *Pain) *facts {
		return &facts{severity: q.Severity, personas: len(q.Personas), mentions: len(q.Mentions), pain: q}
	}
	pains := ix.site.Pains
	pos = map[*Pain]int{}
	for i, m := range fresh {
		f := of[i]
		m.Pain = f.pain
		if _, done := pos[f.pain]; done {
			continue
		}
		// The pains of the site before that stay and sort first, then
		// the joined groups that do.
		n, _ := slices.BinarySearchFunc(pains, f, func(q *Pain, f *facts) int {
			if before(asFacts(q), f) {
				return -1
			}
			return 1
		})
		stay := n
		for _, q := range touched {
			if ix.painPos[q] < n {
				stay--
			}
		}
		n = stay
		for _, g := range groups {
			if g != f && before(g, f) {
				n++
			}
		}
		pos[f.pain] = n
	}
	return pos, shorter, true
}

// facts are what a pain of the site after an edit is sorted by, as
// sortPains does, with the pain.
type facts struct {
	pain               *Pain
	severity           Severity
	personas, mentions int
	// last is the last persona counted in personas, while joining.
	last *Persona
}

// joinUniform joins the mentions fresh of the edited map with the pains
// touched when that needs no join of mentions: every touched pain is
// uniform (see painInfo) and every mention of fresh has the text and the
// id of one of them. It returns the pains after the edit that the
// touched ones become, and the one of each mention of fresh.
func (ix *PreviewIndex) joinUniform(old *Persona, touched []*Pain, fresh []*PainMention) ([]*facts, []*facts, bool) {
	type count struct {
		info                 *painInfo
		oldN, freshN         int
		oldSev, freshSev     [Critical + 1]int
		oldWithID, freshWith int
	}
	counts := make(map[*Pain]*count, len(touched))
	for _, q := range touched {
		info := &ix.pains[ix.painPos[q]]
		if !info.uniform {
			return nil, nil, false
		}
		counts[q] = &count{info: info}
	}
	for _, st := range old.Steps {
		for _, m := range st.Pains {
			c := counts[m.Pain]
			c.oldN++
			c.oldSev[m.Severity]++
			if m.ID != "" {
				c.oldWithID++
			}
		}
	}
	of := make([]*facts, len(fresh))
	byPain := make(map[*Pain]*facts, len(touched))
	for i, m := range fresh {
		q := ix.byNorm[m.norm]
		if q == nil || (m.ID != "" && m.ID != q.ID) {
			return nil, nil, false
		}
		c := counts[q]
		c.freshN++
		c.freshSev[m.Severity]++
		if m.ID != "" {
			c.freshWith++
		}
		f := byPain[q]
		if f == nil {
			f = &facts{pain: &Pain{Text: q.Text, ID: q.ID, norm: q.norm}}
			byPain[q] = f
		}
		of[i] = f
	}
	var groups []*facts
	for _, q := range touched {
		c := counts[q]
		n := len(q.Mentions) - c.oldN + c.freshN
		if n == 0 {
			continue // only the edited map mentioned it, and no longer does
		}
		f := byPain[q]
		if f == nil {
			f = &facts{pain: &Pain{Text: q.Text, ID: q.ID, norm: q.norm}}
		}
		if c.info.withID-c.oldWithID+c.freshWith == 0 {
			f.pain.ID = ""
		}
		f.mentions = n
		f.personas = len(q.Personas)
		if c.oldN > 0 {
			f.personas--
		}
		if c.freshN > 0 {
			f.personas++
		}
		for sev := Critical; sev >= Unrated; sev-- {
			if c.info.severities[sev]-c.oldSev[sev]+c.freshSev[sev] > 0 {
				f.severity = sev
				break
			}
		}
		groups = append(groups, f)
	}
	return groups, of, true
}

// join joins the mentions of the pains touched, but those of old, with
// the mentions of p, which replaces old, as Link does: in persona and
// step order, by id and by normalised text. It returns the pains this
// makes and the one of each mention of p, in step order.
func (ix *PreviewIndex) join(old, p *Persona, touched []*Pain) ([]*facts, []*facts) {
	// The mentions to join again, each with what orders it: its persona's
	// place, its step and its place in the step.
	type mention struct {
		m                *PainMention
		rank, step, item int
	}
	var all []mention
	for _, q := range touched {
		for _, m := range q.Mentions {
			if m.Step.Persona != old {
				all = append(all, mention{m, ix.rank[m.Step.Persona], m.Step.Index, slices.Index(m.Step.Pains, m)})
			}
		}
	}
	for _, st := range p.Steps {
		for i, m := range st.Pains {
			all = append(all, mention{m, ix.rank[old], st.Index, i})
		}
	}
	slices.SortFunc(all, func(a, b mention) int {
		return cmp.Or(cmp.Compare(a.rank, b.rank), cmp.Compare(a.step, b.step), cmp.Compare(a.item, b.item))
	})
	ms := make([]*PainMention, len(all))
	for i, a := range all {
		ms[i] = a.m
	}
	group := joinMentions(ms)
	byRoot := map[int]*facts{}
	var groups, of []*facts
	for i, m := range ms {
		f := byRoot[group[i]]
		if f == nil {
			f = &facts{pain: &Pain{Text: m.Text, norm: m.norm}}
			byRoot[group[i]] = f
			groups = append(groups, f)
		}
		if m.Step.Persona == p {
			of = append(of, f)
		}
		persona := m.Step.Persona
		if persona == old {
			persona = p
		}
		if f.last != persona {
			f.last = persona
			f.personas++
		}
		f.mentions++
		f.severity = max(f.severity, m.Severity)
		if f.pain.ID == "" && m.ID != "" {
			f.pain.ID = m.ID
		}
	}
	return groups, of
}
