package history

import (
	"strings"
	"time"

	"github.com/cxatlas/cxatlas/generator/content"
	"github.com/cxatlas/cxatlas/generator/diag"
)

// Baseline is a map as it was at its baseline, lined up with the map of
// today.
type Baseline struct {
	// Commit is the revision the map is read from, when it is one of
	// Commits; Ref names the configured git ref, when one is.
	Commit *Commit
	Ref    string
	// Date is the date of the revision.
	Date time.Time
	// Then holds, for each step of today's map, the step's emotion at the
	// baseline: Has is false for a step that is new since or had no score.
	Then []Point
	// Items say what changed in the map since the baseline.
	Items []Item

	// then is the map at the baseline; self is set when that is the map
	// on disk, which no commit changed since a baseline common to all
	// maps, so that an edit on disk moves the baseline with it.
	then *content.PersonaDoc
	self bool
}

// Point is a step's score at the baseline.
type Point struct {
	Emotion int
	Has     bool
}

// baselines works out the baseline of each map of opts.Set.
func (h *History) baselines(r *reader, opts Options) error {
	cfg := opts.Config.History
	ref := strings.TrimSpace(cfg.Baseline)
	var at *Commit
	var refHash string
	var since time.Time // the date of a baseline common to all maps
	if days, ok := cfg.BaselineDays(); ok {
		at = h.lineAt(opts.Now.AddDate(0, 0, -days))
		if at == nil {
			return nil
		}
		since = at.Committed
	} else if ref != "" {
		hash, date, err := r.blobs.commit(ref)
		if err != nil || hash == "" {
			return err
		}
		refHash, since = hash, date
	}
	refCommit := h.byHash(refHash)
	// A map no commit has changed since a common baseline is as it was
	// then: it is not read again (a portal of thousands of maps would
	// read them all).
	changed := map[string]bool{}
	if !since.IsZero() {
		for _, c := range h.Commits {
			if c.Committed.After(since) {
				for _, f := range c.Files {
					changed[f.Path] = true
				}
			}
		}
	}
	h.Baselines = map[string]*Baseline{}
	for _, p := range opts.Set.Personas {
		var rev string
		b := &Baseline{}
		switch {
		case refHash != "":
			rev, b.Ref, b.Commit, b.Date = refHash, ref, refCommit, since
		case at != nil:
			rev, b.Commit = at.Hash, at
		default:
			c, err := h.atPreviousReview(r, p, cfg.Window)
			if err != nil || c == nil {
				if err != nil {
					return err
				}
				continue
			}
			rev, b.Commit = c.Hash, c
		}
		if b.Commit != nil {
			b.Date = b.Commit.Date
		}
		old := p
		if since.IsZero() || changed[p.Path] {
			doc, err := r.doc(rev, p.Path)
			if err != nil {
				return err
			}
			var ok bool
			if old, ok = doc.(*content.PersonaDoc); !ok {
				continue
			}
		}
		b.then, b.self = old, old == p
		b.compare(p)
		h.Baselines[p.ID] = b
	}
	return nil
}

// compare lines the map at the baseline up with p, today's.
func (b *Baseline) compare(p *content.PersonaDoc) {
	old := b.then
	if b.self {
		old = p
	}
	b.Then = make([]Point, len(p.Steps))
	for i, j := range MatchSteps(old.Steps, p.Steps) {
		if j >= 0 && old.Steps[j].HasEmotion {
			b.Then[i] = Point{Emotion: old.Steps[j].Emotion, Has: true}
		}
	}
	b.Items = diffPersona(old, p)
}

// lineAt returns the newest commit of the content no later than t, or nil.
func (h *History) lineAt(t time.Time) *Commit {
	for _, c := range h.Commits {
		if !c.Committed.After(t) {
			return c
		}
	}
	return nil
}

// byHash returns the commit of Commits with hash, or nil.
func (h *History) byHash(hash string) *Commit {
	for _, c := range h.Commits {
		if c.Hash == hash {
			return c
		}
	}
	return nil
}

// atPreviousReview returns the revision of map p at its previous review:
// walking back the commits that changed its file within the window, the
// first revision whose review date differs from today's names the
// previous review; the map then is its newest revision committed by the
// end of that day. Nil when the map has no earlier review in the window.
// The window bounds the revisions read: a portal of thousands of maps
// edited in thousands of commits reads each revision of the window once,
// for the changes page and the baselines together.
func (h *History) atPreviousReview(r *reader, p *content.PersonaDoc, window int) (*Commit, error) {
	// The commits of the file come in the order of the log, as Commits:
	// those of the window are the first, up to the window's oldest.
	commits := h.byPath[p.Path]
	if len(h.Commits) > window {
		inWindow := h.window(window)
		n := 0
		for n < len(commits) && inWindow[commits[n]] {
			n++
		}
		commits = commits[:n]
	}
	for i, c := range commits {
		doc, err := r.doc(c.Hash, p.Path)
		if err != nil {
			return nil, err
		}
		old, ok := doc.(*content.PersonaDoc)
		if !ok || old.Reviewed.Equal(p.Reviewed) || old.Reviewed.IsZero() {
			continue
		}
		end := old.Reviewed.AddDate(0, 0, 1)
		for _, c := range commits[i:] {
			if c.Date.Before(end) {
				return c, nil
			}
		}
		// Every revision is younger than the review (the map came into
		// git later): the oldest revision with that review date is the
		// nearest to it.
		earliest := c
		for _, c := range commits[i+1:] {
			doc, err := r.doc(c.Hash, p.Path)
			if err != nil {
				return nil, err
			}
			if d, ok := doc.(*content.PersonaDoc); !ok || !d.Reviewed.Equal(old.Reviewed) {
				break
			}
			earliest = c
		}
		return earliest, nil
	}
	return nil, nil
}

// unreviewed warns about each map of set whose file changed more than
// staleDays after its review date.
func (h *History) unreviewed(set *content.Set, staleDays int) diag.List {
	var diags diag.List
	for _, p := range set.Personas {
		last := h.Last(p.Path)
		if last == nil || p.Reviewed.IsZero() || !modified(last, p.Path) {
			continue // a map committed for the first time was not edited since
		}
		days := int(last.Date.Sub(p.Reviewed).Hours() / 24)
		if days <= staleDays {
			continue
		}
		pos := p.ReviewedPos
		diags.Warnf(p.Path, pos, "the map changed on %s (%s, %q), %d days after its review date %s, and was not reviewed since",
			last.Date.Format(time.DateOnly), last.Short, last.Subject, days, p.Reviewed.Format(time.DateOnly)).Hint =
			"review the change with the team and move reviewed to the day of the review"
	}
	return diags
}

// modified reports whether commit c modified the file at path, rather
// than adding it.
func modified(c *Commit, path string) bool {
	for _, f := range c.Files {
		if f.Path == path {
			return f.Status == 'M' || f.Status == 'T'
		}
	}
	return false
}

// window returns the set of the latest n commits of Commits, worked out
// once.
func (h *History) window(n int) map[*Commit]bool {
	if h.inWindow == nil {
		h.inWindow = make(map[*Commit]bool, n)
		for _, c := range h.Commits[:min(n, len(h.Commits))] {
			h.inWindow[c] = true
		}
	}
	return h.inWindow
}
