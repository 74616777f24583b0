package history

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/content"
	"github.com/cxatlas/cxatlas/generator/diag"
)

// Options says whose history to read.
type Options struct {
	// SiteDir is the site folder; it may be anywhere inside the working
	// tree of a repository.
	SiteDir string
	Config  *config.Config
	// Set is the content as it is on disk, which baselines are compared
	// with.
	Set *content.Set
	// Now is the time of the build, for a duration baseline.
	Now time.Time
	// Git is the git program; empty means "git" on the PATH.
	Git string
}

// Read reads the history of the content of the site. It returns nil, and
// no problem, when there is none to read: no git program, a site folder
// outside a repository, a repository with no commits. A shallow clone
// gives what it holds and a warning; a repository git cannot read gives a
// warning and no history, since the portal builds all the same.
func Read(opts Options) (*History, diag.List) {
	var diags diag.List
	git := opts.Git
	if git == "" {
		git = "git"
	}
	git, err := exec.LookPath(git)
	if err != nil || GitDir(opts.SiteDir) == "" {
		return nil, nil
	}
	// The three git processes start at once: on a busy machine starting
	// one takes longer than anything it does on a portal's history.
	type result struct {
		out []byte
		err error
	}
	logged := make(chan result, 1)
	go func() {
		out, err := runGit(git, opts.SiteDir, "log", "-z", "--name-status", "--no-renames", "--relative",
			"--no-color", "--no-show-signature", "--format="+logFormat, "HEAD", "--")
		logged <- result{out, err}
	}()
	b, blobsErr := startBlobs(git, opts.SiteDir, "", opts.Config.MaxFileSize)
	defer b.close()
	out, err := runGit(git, opts.SiteDir, "rev-parse", "--show-prefix", "--is-shallow-repository", "HEAD")
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if err != nil || len(lines) != 3 || !isHash(lines[2]) {
		<-logged
		return nil, nil // not a repository, or no commit yet
	}
	prefix, shallow := lines[0], lines[1] == "true"
	log := <-logged
	if log.err != nil {
		diags.Warnf(".", diag.Pos{}, "cannot read the history of the content: %v", log.err).Hint =
			"check that git log works in the site folder; the portal is built without history"
		return nil, diags
	}
	all, err := parseLog(log.out)
	if err != nil {
		diags.Warnf(".", diag.Pos{}, "cannot read the history of the content: %v", err)
		return nil, diags
	}
	if len(all) == 0 {
		return nil, nil
	}
	// A commit made between the two reads moves HEAD: the log is the
	// truth.
	h := build(all, all[0].Hash, opts.Config.ContentDir)
	h.Shallow = shallow
	if shallow {
		diags.Warnf(".", diag.Pos{}, "the repository is a shallow clone: history stops at %d commits, so last changes and the changes page may be incomplete", len(all)).Hint =
			"fetch the whole history (git fetch --unshallow; in GitHub Actions, actions/checkout with fetch-depth: 0)"
	}
	if blobsErr != nil {
		diags.Warnf(".", diag.Pos{}, "cannot read old revisions of the content: %v", blobsErr)
		return h, diags
	}
	b.prefix = prefix
	r := &reader{blobs: b, cfg: opts.Config, docs: map[string]any{}, titles: titles(opts.Set)}
	h.titles, h.staleDays = r.titles, opts.Config.History.StaleDays
	if opts.Set != nil {
		h.reviewed = make(map[string]time.Time, len(opts.Set.Personas))
		for _, p := range opts.Set.Personas {
			h.reviewed[p.Path] = p.Reviewed
		}
	}
	if err := h.describe(r, opts.Config.History.Window); err != nil {
		diags.Warnf(".", diag.Pos{}, "cannot read old revisions of the content: %v", err)
		return h, diags
	}
	if opts.Set != nil {
		if err := h.baselines(r, opts); err != nil {
			diags.Warnf(".", diag.Pos{}, "cannot read the baseline of the maps: %v", err)
			h.titles = nil // Edited cannot follow what was not read
		}
		h.warned = slices.Clone(diags)
		diags.Append(h.unreviewed(opts.Set, opts.Config.History.StaleDays))
	}
	return h, diags
}

// gitEnv is the environment git runs in: the user's, without a pager or
// prompts, in the C locale so that messages can be reported as they are.
func gitEnv() []string {
	return append(os.Environ(), "GIT_PAGER=cat", "GIT_TERMINAL_PROMPT=0", "LC_ALL=C", "GIT_OPTIONAL_LOCKS=0")
}

// runGit runs git with args in dir and returns its output.
func runGit(git, dir string, args ...string) ([]byte, error) {
	cmd := exec.Command(git, append([]string{"-C", dir, "-c", "core.quotePath=false", "-c", "log.showSignature=false"}, args...)...)
	cmd.Env = gitEnv()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) && stderr.Len() > 0 {
			return nil, fmt.Errorf("git %s: %s", args[0], strings.TrimSpace(firstLine(stderr.String())))
		}
		return nil, fmt.Errorf("git %s: %w", args[0], err)
	}
	return out, nil
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// build keeps the commits of all that changed the content folder, with
// the merges that brought them in.
func build(all []*logCommit, head, contentDir string) *History {
	assignMerges(all, head)
	h := &History{last: map[string]*Commit{}, byPath: map[string][]*Commit{}}
	dir := strings.TrimSuffix(path.Clean(contentDir), "/") + "/"
	for i, lc := range all {
		c := &lc.Commit
		if i == 0 {
			h.Head = c
		}
		files := c.Files[:0]
		for _, f := range c.Files {
			if strings.HasPrefix(f.Path, dir) && strings.HasSuffix(f.Path, ".md") {
				files = append(files, f)
			}
		}
		c.Files = files
		if len(files) == 0 {
			continue
		}
		h.Commits = append(h.Commits, c)
		for _, f := range files {
			if _, ok := h.last[f.Path]; !ok {
				h.last[f.Path] = c
			}
			h.byPath[f.Path] = append(h.byPath[f.Path], c)
		}
	}
	return h
}

// reader reads and parses old revisions of content files, each blob once.
type reader struct {
	blobs *blobs
	cfg   *config.Config
	// docs holds the document of each blob read, by object name; nil for
	// a blob that does not parse.
	docs map[string]any
	// titles holds the title of each file of the content on disk, by
	// path: a file a commit added is named by its title today, without
	// reading the revision (a portal's first commit adds every file).
	titles map[string]string
}

// titles returns the titles of the documents of set by path.
func titles(set *content.Set) map[string]string {
	if set == nil {
		return nil
	}
	t := make(map[string]string, len(set.Personas)+len(set.Stages)+len(set.Touchpoints)+1)
	if set.Home != nil {
		t[set.Home.Path] = set.Home.Title
	}
	for _, d := range set.Personas {
		t[d.Path] = d.Title
	}
	for _, d := range set.Stages {
		t[d.Path] = d.Title
	}
	for _, d := range set.Touchpoints {
		t[d.Path] = d.Title
	}
	return t
}

// doc returns the document of the file at path in revision rev; nil when
// the revision has no such file or it does not parse.
func (r *reader) doc(rev, file string) (any, error) {
	oid, data, found, err := r.blobs.read(rev, file)
	if err != nil || !found {
		return nil, err
	}
	if d, ok := r.docs[oid]; ok {
		return d, nil
	}
	// Revisions are compared by their front matter: the Markdown bodies
	// are not rendered.
	d, diags := content.Parse(file, data, r.cfg, nil)
	if diags.HasErrors() {
		d = nil
	}
	r.docs[oid] = d
	return d, nil
}

// describe works out what the latest window commits changed.
func (h *History) describe(r *reader, window int) error {
	for _, c := range h.Commits[:min(window, len(h.Commits))] {
		ch := &Change{Commit: c}
		for _, f := range c.Files {
			e, err := r.entityChange(c, f)
			if err != nil {
				return err
			}
			if e != nil {
				ch.Entities = append(ch.Entities, e)
			}
		}
		h.Changes = append(h.Changes, ch)
	}
	return nil
}

// entityChange says what commit c changed in file f.
func (r *reader) entityChange(c *Commit, f FileChange) (*EntityChange, error) {
	var cur, old any
	var err error
	if title, ok := r.titles[f.Path]; ok && f.Status == 'A' {
		e := &EntityChange{Path: f.Path, Added: true, Title: title}
		e.Section, e.ID = r.entityOf(f.Path)
		return e, nil
	}
	if f.Status != 'D' {
		if cur, err = r.doc(c.Hash, f.Path); err != nil {
			return nil, err
		}
	}
	if f.Status != 'A' && len(c.Parents) > 0 {
		if old, err = r.doc(c.Parents[0], f.Path); err != nil {
			return nil, err
		}
	}
	meta := metaOf(cur)
	if meta == nil {
		meta = metaOf(old)
	}
	e := &EntityChange{Path: f.Path, Added: f.Status == 'A', Removed: f.Status == 'D'}
	e.Section, e.ID = r.entityOf(f.Path)
	if meta != nil {
		e.Title = meta.Title
	}
	e.Items = diffDocs(old, cur)
	return e, nil
}

// entityOf returns the section and id of the content file at file.
func (r *reader) entityOf(file string) (content.Section, string) {
	name := strings.TrimPrefix(file, strings.TrimSuffix(path.Clean(r.cfg.ContentDir), "/")+"/")
	section, _, _ := strings.Cut(name, "/")
	if section == "_index.md" {
		return content.SectionHome, ""
	}
	return content.Section(section), content.NormalID(strings.TrimSuffix(path.Base(file), ".md"))
}

// metaOf returns the Meta of a document, or nil.
func metaOf(doc any) *content.Meta {
	switch d := doc.(type) {
	case *content.PersonaDoc:
		return &d.Meta
	case *content.StageDoc:
		return &d.Meta
	case *content.TouchpointDoc:
		return &d.Meta
	case *content.HomeDoc:
		return &d.Meta
	}
	return nil
}
