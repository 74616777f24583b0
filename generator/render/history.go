package render

import (
	"html"
	"html/template"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/content"
	"github.com/cxatlas/cxatlas/generator/history"
	"github.com/cxatlas/cxatlas/generator/i18n"
	"github.com/cxatlas/cxatlas/generator/render/chart"
	"github.com/cxatlas/cxatlas/generator/site"
)

// fillHTML fills the placeholders of message key with args, pairs of a
// name and a value that is HTML already. The message is escaped unless its
// key ends in "_html".
func fillHTML(cat *i18n.Catalogue, key string, args ...string) template.HTML {
	return template.HTML(i18n.Fill(messageHTML(cat, key), args))
}

// messageHTML is message key as HTML.
func messageHTML(cat *i18n.Catalogue, key string) string {
	msg := cat.T(key)
	if len(key) > 5 && key[len(key)-5:] == "_html" {
		return msg
	}
	return escapeText(msg)
}

// commitLink is the short hash of c, linked to the commit when the
// configuration says where commits are shown.
func commitLink(hash, short string, cfg *config.Config) string {
	code := `<code>` + html.EscapeString(short) + `</code>`
	if cfg.CommitURL == "" {
		return code
	}
	return `<a href="` + html.EscapeString(cfg.CommitURL+hash) + `">` + code + `</a>`
}

// timeTag writes day t in the catalogue's words, in a <time> element.
func timeTag(cat *i18n.Catalogue, t time.Time) string {
	return `<time datetime="` + t.UTC().Format(time.DateOnly) + `">` + html.EscapeString(cat.Date(t.UTC())) + `</time>`
}

// lastChange is the line that says when c, the last commit to change a
// page's file, was made, by whom and why, and the merge that brought it
// in; empty without one.
func lastChange(c *history.Commit, cfg *config.Config, w *words) template.HTML {
	if c == nil {
		return ""
	}
	cat := w.cat
	line := fillHTML(cat, "history.last_change_html",
		"date", timeTag(cat, c.Date), "author", html.EscapeString(c.Author),
		"message", html.EscapeString(c.Subject), "commit", commitLink(c.Hash, c.Short, cfg))
	if m := mergeLine(c.Merge, cfg, w); m != "" {
		line += " " + m
	}
	return line
}

// mergeLine says through which merge, pull request and approver a commit
// came in; empty when it was made on the built branch.
func mergeLine(m *history.Merge, cfg *config.Config, w *words) template.HTML {
	if m == nil {
		return ""
	}
	cat := w.cat
	args := []string{"commit", commitLink(m.Hash, m.Short, cfg), "date", timeTag(cat, m.Date),
		"approver", html.EscapeString(m.Approver), "pr", html.EscapeString(cat.Int(m.PR))}
	switch {
	case m.PR > 0 && m.Approver != "":
		return fillHTML(cat, "history.merged_pr_html", args...)
	case m.PR > 0:
		return fillHTML(cat, "history.merged_pr_only_html", args...)
	}
	return fillHTML(cat, "history.merged_html", args...)
}

// builtFrom is the footer's line naming the commit the portal was built
// from.
func builtFrom(h *history.History, cfg *config.Config, w *words) template.HTML {
	if h.Head == nil {
		return ""
	}
	return fillHTML(w.cat, "history.built_from_html", "commit", commitLink(h.Head.Hash, h.Head.Short, cfg),
		"date", timeTag(w.cat, h.Head.Date))
}

// changesView is the page of recent changes.
type changesView struct {
	common
	Changes []changeEntry
	// Intro says how many commits the page shows; Shallow warns that the
	// history is cut short.
	Intro   string
	Shallow bool
	Feed    string
}

// changeEntry is one commit on the changes page.
type changeEntry struct {
	// Anchor is the id of its heading, "c-" and the short hash.
	Anchor  string
	Subject string
	// Meta says who made it when, with the commit and its merge.
	Meta     template.HTML
	Entities []entityEntry
	// More says how many more files the commit changed, when it changed
	// more than the page lists; empty otherwise.
	More string
}

// entityEntry is what a commit changed in one map, stage or touchpoint.
type entityEntry struct {
	// Name is its title, linked to its page while it has one.
	Name template.HTML
	// Kind says which section it is in; Status "added" or "removed" or
	// empty.
	Kind, Status string
	Items        []template.HTML
}

func newChangesView(c common) *changesView {
	h, cat := c.Site.History, c.words.cat
	v := &changesView{common: c, Shallow: h.Shallow, Feed: c.Link.To("changes/index.xml")}
	v.Intro = cat.Plural("changes.intro", len(h.Changes))
	for _, ch := range h.Changes {
		v.Changes = append(v.Changes, changeEntryOf(c, ch, true))
	}
	return v
}

// changeEntryOf describes one commit for the changes page and the feed;
// linked says whether the names of maps, stages and touchpoints link to
// their pages.
func changeEntryOf(c common, ch *history.Change, linked bool) changeEntry {
	cm, cat := ch.Commit, c.words.cat
	e := changeEntry{Anchor: "c-" + cm.Short, Subject: cm.Subject}
	e.Meta = fillHTML(cat, "changes.meta_html", "date", timeTag(cat, cm.Date), "author", html.EscapeString(cm.Author),
		"commit", commitLink(cm.Hash, cm.Short, c.Config))
	if m := mergeLine(cm.Merge, c.Config, c.words); m != "" {
		e.Meta += " · " + m
	}
	shown := ch.Entities[:min(len(ch.Entities), changeEntities)]
	for _, en := range shown {
		e.Entities = append(e.Entities, entityEntryOf(c, en, linked))
	}
	if n := len(ch.Entities) - len(shown); n > 0 {
		e.More = cat.Plural("changes.more_files", n)
	}
	return e
}

// changeEntities is the most files a commit lists on the changes page and
// in the feed: a portal's first commit adds every file, and no page grows
// with the portal.
const changeEntities = 50

// entityEntryOf describes what a commit changed in one file.
func entityEntryOf(c common, en *history.EntityChange, linked bool) entityEntry {
	cat := c.words.cat
	title := en.Title
	if title == "" {
		title = en.ID
	}
	name := html.EscapeString(title)
	if url := entityURL(c, en); url != "" && linked {
		name = `<a href="` + html.EscapeString(url) + `">` + name + `</a>`
	}
	out := entityEntry{Name: template.HTML(name), Kind: cat.T(sectionKey(en.Section))}
	switch {
	case en.Added:
		out.Status = cat.T("changes.added")
	case en.Removed:
		out.Status = cat.T("changes.removed")
	}
	for _, it := range en.Items {
		out.Items = append(out.Items, itemHTML(cat, it))
	}
	if len(out.Items) == 0 && !en.Added && !en.Removed {
		out.Items = append(out.Items, fillHTML(cat, "changes.text_edited"))
	}
	return out
}

// sectionKey is the catalogue's key of the word for section s.
func sectionKey(s content.Section) string {
	switch s {
	case content.SectionPersonas:
		return "changes.section_personas"
	case content.SectionStages:
		return "changes.section_stages"
	case content.SectionTouchpoints:
		return "changes.section_touchpoints"
	}
	return "changes.section_home"
}

// entityURL links to the page of the entity a change is about, while the
// portal has it.
func entityURL(c common, en *history.EntityChange) string {
	s := c.Site
	switch en.Section {
	case content.SectionPersonas:
		if p := s.Persona(en.ID); p != nil {
			return c.Link.Persona(p)
		}
	case content.SectionStages:
		if st := s.Stage(en.ID); st != nil {
			return c.Link.Stage(st)
		}
	case content.SectionTouchpoints:
		if t := s.Touchpoint(en.ID); t != nil {
			return c.Link.Touchpoint(t)
		}
	case content.SectionHome:
		return c.Link.Home()
	}
	return ""
}

// itemHTML says one change in the reader's words.
func itemHTML(cat *i18n.Catalogue, it history.Item) template.HTML {
	q := html.EscapeString
	args := []string{"n", q(cat.Int(it.Step)), "action", q(clip(it.Action, 60)), "text", q(clip(it.Text, 80)),
		"from", q(valueWords(cat, it.Kind, it.From)), "to", q(valueWords(cat, it.Kind, it.To))}
	switch it.Kind {
	case history.ReviewMoved:
		args = append(args, "from", dateWords(cat, it.FromDate), "to", dateWords(cat, it.ToDate))
		// Fill takes the first value of a name: put the dates first.
		args = append(args[len(args)-4:], args[:len(args)-4]...)
	case history.StepsReworded:
		return template.HTML(escapeText(cat.Plural("changes.steps_reworded", it.N)))
	}
	return fillHTML(cat, "changes."+string(it.Kind), args...)
}

// valueWords writes the value of a change: a score with the language's
// minus, a severity in words, an owner or title as it is, "none" for none.
func valueWords(cat *i18n.Catalogue, kind history.ItemKind, v string) string {
	if v == "" {
		return cat.T("changes.none")
	}
	switch kind {
	case history.EmotionMoved:
		if n, err := strconv.Atoi(v); err == nil {
			return cat.Signed(n)
		}
	case history.PainAdded, history.PainRemoved, history.PainRerated:
		return cat.T("severity." + v)
	}
	return v
}

// dateWords writes a review date, or "none".
func dateWords(cat *i18n.Catalogue, t time.Time) string {
	if t.IsZero() {
		return html.EscapeString(cat.T("changes.none"))
	}
	return timeTag(cat, t)
}

// since is a map's baseline: the legend of its earlier line in the
// overview and what changed since.
type since struct {
	// Heading names the baseline: its date, or the configured ref.
	Heading string
	// ThenLabel and NowLabel are the legend of the two lines.
	ThenLabel, NowLabel string
	Items               []template.HTML
	then                []chart.Earlier
}

// sinceOf returns the baseline of persona p, or nil.
func sinceOf(c common, p *site.Persona) *since {
	b := c.Site.History.Baseline(p.ID)
	if b == nil || len(b.Then) != len(p.Steps) {
		return nil
	}
	cat := c.words.cat
	date := cat.Date(b.Date.UTC())
	s := &since{Heading: cat.Format("changes.since_title", "date", date), NowLabel: cat.T("changes.now_legend"),
		ThenLabel: cat.Format("changes.then_legend", "date", date)}
	if b.Ref != "" {
		s.Heading = cat.Format("changes.since_ref", "ref", b.Ref)
		if b.Commit == nil {
			s.ThenLabel = cat.Format("changes.then_legend", "date", b.Ref)
		}
	}
	for _, it := range b.Items {
		s.Items = append(s.Items, itemHTML(cat, it))
	}
	s.then = make([]chart.Earlier, len(b.Then))
	for i, t := range b.Then {
		s.then[i] = chart.Earlier{Emotion: t.Emotion, Has: t.Has}
	}
	return s
}

// freshRow is a map in the home page's list of maps by last change.
type freshRow struct {
	Persona *site.Persona
	// Reviewed is the map's review date, Changed its last change in git:
	// date and author. Unreviewed is set when it changed after its review.
	Reviewed, Changed template.HTML
	Unreviewed        bool
}

// freshness lists the maps of the portal by their last change, the
// latest first (maps git does not know last), with their last review;
// at most homeCards of them.
func freshness(c common) []freshRow {
	h := c.Site.History
	if h == nil {
		return nil
	}
	cat := c.words.cat
	rows := make([]freshRow, 0, len(c.Site.Personas))
	last := make(map[*site.Persona]*history.Commit, len(c.Site.Personas))
	for _, p := range c.Site.Personas {
		last[p] = h.Last(p.Source.Path)
	}
	ps := slices.Clone(c.Site.Personas)
	slices.SortStableFunc(ps, func(a, b *site.Persona) int {
		la, lb := last[a], last[b]
		switch {
		case la == nil && lb == nil:
			return 0
		case la == nil:
			return 1
		case lb == nil:
			return -1
		}
		return lb.Date.Compare(la.Date)
	})
	for _, p := range ps[:min(len(ps), homeCards)] {
		r := freshRow{Persona: p, Reviewed: template.HTML(escapeText(cat.T("badge.never_reviewed")))}
		if !p.Reviewed.IsZero() {
			r.Reviewed = template.HTML(timeTag(cat, p.Reviewed))
		}
		if cm := last[p]; cm != nil {
			r.Changed = fillHTML(cat, "home.changed_html", "date", timeTag(cat, cm.Date), "author", html.EscapeString(cm.Author))
			r.Unreviewed = !p.Reviewed.IsZero() && cm.Date.After(p.Reviewed.AddDate(0, 0, 1))
		}
		rows = append(rows, r)
	}
	return rows
}

// clip shortens s to at most n characters, ending it with "…" when cut:
// a change names its step by the start of its action.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
