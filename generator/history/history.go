// Package history reads what git knows about a portal's content: who
// changed each file last, when and why, through which merge and pull
// request, and what the maps looked like before. It belongs to the load
// stage: it reads the repository around the site folder with a handful of
// git commands (one git log over the whole history, parsed in Go, and one
// long-lived git cat-file process for old revisions) and hands on plain
// data. A site folder outside git, or a machine without git, has no
// history and no error.
package history

import (
	"time"

	"github.com/cxatlas/cxatlas/generator/diag"
)

// History is what git knows about a portal's content. It is built once
// by Read and read-only afterwards.
type History struct {
	// Head is the commit the portal was built from.
	Head *Commit
	// Shallow is set when the repository is a shallow clone: the history
	// stops early, so the last change of a file may be older than shown.
	Shallow bool
	// Commits lists the commits that changed the content folder, newest
	// first, as far back as the repository goes.
	Commits []*Commit
	// Changes describes, newest first, what the most recent commits of
	// Commits changed in the content, within the configured window.
	Changes []*Change
	// last holds the last commit that changed each content file, by path
	// relative to the site folder.
	last map[string]*Commit
	// byPath lists the commits that changed each content file, newest
	// first.
	byPath map[string][]*Commit
	// inWindow holds the commits of the window, once asked for.
	inWindow map[*Commit]bool
	// Baselines holds, by persona id, the map as it was at the baseline
	// and what changed since; a persona without a baseline is missing.
	Baselines map[string]*Baseline

	// titles and reviewed are the title of each content file and the
	// review date of each map on disk when the history was read, by
	// path, which Edited compares an edit with.
	titles   map[string]string
	reviewed map[string]time.Time
	// staleDays is the configured age after which an edited map is
	// unreviewed.
	staleDays int
	// warned holds what Read reported of the repository itself, such as
	// a shallow clone, which an edit of the content does not change.
	warned diag.List
}

// Commit is one commit that changed the content.
type Commit struct {
	// Hash is the full object name; Short its first 7 hex digits.
	Hash, Short string
	// Author and Email say who wrote the change; Date is when.
	Author, Email string
	Date          time.Time
	// Committed is when the commit was made on its branch (its committer
	// date): the order of the history, which Date, kept through rebases,
	// need not follow.
	Committed time.Time
	// Subject is the first line of the commit message.
	Subject string
	// Parents are the hashes of the parent commits.
	Parents []string
	// Files lists the content files the commit added, changed or
	// removed, relative to the site folder.
	Files []FileChange
	// Merge is the merge that brought the commit into the branch the
	// portal is built from; nil when the commit was made on it.
	Merge *Merge
}

// FileChange is one file a commit changed.
type FileChange struct {
	// Status is 'A' (added), 'M' (modified), 'D' (deleted) or 'T' (type
	// changed); renames show as a removal and an addition.
	Status byte
	// Path is relative to the site folder, with forward slashes.
	Path string
}

// Merge is a merge commit on the built branch, with what its message and
// committer say about the review behind it.
type Merge struct {
	Hash, Short string
	// PR is the number of the pull request the message names, 0 when it
	// names none.
	PR int
	// Approver is who made the merge: its committer.
	Approver string
	Date     time.Time
	Subject  string
}

// Last returns the last commit that changed the content file at path
// (relative to the site folder), or nil. A nil History has none.
func (h *History) Last(path string) *Commit {
	if h == nil {
		return nil
	}
	return h.last[path]
}

// Of returns the commits that changed the content file at path, newest
// first.
func (h *History) Of(path string) []*Commit {
	if h == nil {
		return nil
	}
	return h.byPath[path]
}

// Baseline returns the baseline of the map of persona id, or nil.
func (h *History) Baseline(id string) *Baseline {
	if h == nil {
		return nil
	}
	return h.Baselines[id]
}
