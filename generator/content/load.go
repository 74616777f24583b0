// Package content reads a portal's content folder into documents: it walks
// the folder without leaving it, splits and decodes front matter (TOML or
// YAML) with positions, checks every field of every file, and renders the
// Markdown bodies. Problems are collected as diagnostics, never panics.
package content

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/diag"
)

// Options says what to load.
type Options struct {
	// SiteDir is the site directory; paths in diagnostics are relative to it.
	SiteDir string
	Config  *config.Config
	// MinifyHTML, when set, minifies every rendered Markdown body.
	MinifyHTML func(html []byte) (string, error)
}

// job is one file to read.
type job struct {
	name    string // path inside the content folder, slash-separated
	section Section
}

// Load reads the content folder of the site. The returned Set holds every
// document that could be read; the list holds every problem found.
func Load(opts Options) (*Set, diag.List) {
	return NewLoader(opts).Load(nil)
}

// Loader loads the content folder of a site again and again, as a writer
// edits it, reading again only the files that changed: each Load walks the
// folder, keeps what it read of every file it was not told about, and
// reads the others. Its documents are shared between the Sets it returns,
// which hold them read-only. A Loader is not safe for concurrent use.
type Loader struct {
	opts Options
	md   *Markdown
	// files holds what the last Load read of each file, by its path
	// inside the content folder.
	files map[string]loaded
	// jobs and walked are the files the last walk of the folder found and
	// the problems it reported, for a Load that need not walk again.
	jobs   []job
	walked diag.List
	// gave and dups hold, for each job, whether it gave a document and
	// the error that its id is taken by an earlier file, if it is: a Load
	// of the same jobs whose files give documents where they did before
	// finds the same.
	gave []bool
	dups []diag.List
}

// NewLoader returns a Loader of the content folder opts name.
func NewLoader(opts Options) *Loader {
	md := NewMarkdown(opts.Config.Unsafe)
	md.minify = opts.MinifyHTML
	return &Loader{opts: opts, md: md, files: map[string]loaded{}}
}

// Load reads the content folder. changed lists the absolute paths of the
// files and folders that changed since the last Load, as a watcher reports
// them; nil means anything may have changed, and every file is read. A
// file is read again when it is in changed or below a folder in changed;
// a file that is new to the Loader is always read.
func (l *Loader) Load(changed []string) (*Set, diag.List) {
	cfg := l.opts.Config
	var diags diag.List
	set := &Set{}
	contentDir := filepath.Join(l.opts.SiteDir, filepath.FromSlash(cfg.ContentDir))
	if !inside(l.opts.SiteDir, contentDir) {
		diags.Errorf(config.FileName, diag.Pos{}, "contentDir %q is outside the site folder", cfg.ContentDir)
		return set, diags
	}
	root, err := os.OpenRoot(contentDir)
	if err != nil {
		diags.Errorf(cfg.ContentDir, diag.Pos{}, "cannot open the content folder: %v", unwrapPath(err)).Hint =
			"run cxatlas in the site folder, or give it with -s"
		return set, diags
	}
	defer root.Close()
	jobs := l.jobs
	same := l.known(contentDir, changed)
	if !same {
		var walked diag.List
		jobs = walk(root, cfg.ContentDir, &walked)
		l.jobs, l.walked = jobs, walked
	}
	diags.Append(l.walked)
	results := make([]loaded, len(jobs))
	stale := l.staleFunc(contentDir, changed)
	var todo []int
	for i, j := range jobs {
		if r, ok := l.files[j.name]; ok && !stale(j.name) {
			results[i] = r
			continue
		}
		todo = append(todo, i)
	}
	l.read(root, jobs, todo, results)
	for _, i := range todo {
		same = same && l.gave != nil && (results[i].doc != nil) == l.gave[i]
	}
	if same {
		for _, i := range todo {
			l.files[jobs[i].name] = results[i]
		}
	} else {
		l.files = make(map[string]loaded, len(jobs))
		for i, j := range jobs {
			l.files[j.name] = results[i]
		}
		l.duplicates(jobs, results)
	}
	for i, r := range results {
		diags.Append(r.diags)
		if (r.doc == nil && jobs[i].section != SectionHome) || l.dups[i] != nil {
			diags.Append(l.dups[i])
			set.broken(jobs[i].section, NormalID(strings.TrimSuffix(path.Base(jobs[i].name), ".md")))
			continue
		}
		switch d := r.doc.(type) {
		case *HomeDoc:
			set.Home = d
		case *PersonaDoc:
			set.Personas = append(set.Personas, d)
		case *StageDoc:
			set.Stages = append(set.Stages, d)
		case *TouchpointDoc:
			set.Touchpoints = append(set.Touchpoints, d)
		}
	}
	return set, diags
}

// duplicates finds, for each of jobs, whether its id is taken by an
// earlier file of its section (see duplicateID), and records it with
// which jobs gave a document.
func (l *Loader) duplicates(jobs []job, results []loaded) {
	dir := filepath.ToSlash(l.opts.Config.ContentDir)
	l.gave = make([]bool, len(jobs))
	l.dups = make([]diag.List, len(jobs))
	seen := map[string]string{}
	for i, r := range results {
		l.gave[i] = r.doc != nil
		if r.doc == nil || jobs[i].section == SectionHome {
			continue
		}
		var dup diag.List
		if duplicateID(&dup, seen, jobs[i].section, path.Join(dir, jobs[i].name)) {
			l.dups[i] = dup
		}
	}
}

// known reports whether every path in changed is a file the last walk
// found that is still a regular file: then the folder holds the same
// files and need not be walked again.
func (l *Loader) known(contentDir string, changed []string) bool {
	if changed == nil || l.jobs == nil {
		return false
	}
	abs, err := filepath.Abs(contentDir)
	if err != nil {
		return false
	}
	for _, c := range changed {
		r, err := filepath.Rel(abs, c)
		if err != nil {
			return false
		}
		if _, ok := l.files[filepath.ToSlash(r)]; !ok {
			return false
		}
		if fi, err := os.Lstat(c); err != nil || !fi.Mode().IsRegular() {
			return false
		}
	}
	return true
}

// staleFunc returns whether the file with a name inside the content
// folder at contentDir must be read again after changed.
func (l *Loader) staleFunc(contentDir string, changed []string) func(name string) bool {
	if changed == nil {
		return func(string) bool { return true }
	}
	abs, err := filepath.Abs(contentDir)
	if err != nil {
		return func(string) bool { return true }
	}
	var rel []string
	for _, c := range changed {
		r, err := filepath.Rel(abs, c)
		switch {
		case err != nil:
		case r == ".":
			return func(string) bool { return true } // the whole folder
		case r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator)):
			rel = append(rel, filepath.ToSlash(r))
		}
	}
	return func(name string) bool {
		for _, r := range rel {
			if name == r || strings.HasPrefix(name, r+"/") {
				return true
			}
		}
		return false
	}
}

// read loads the files of jobs at the indexes todo into results, on all
// cores.
func (l *Loader) read(root *os.Root, jobs []job, todo []int, results []loaded) {
	cfg := l.opts.Config
	workers := min(runtime.GOMAXPROCS(0), len(todo))
	if workers <= 1 {
		var sc scratch
		defer sc.dirs.close()
		for _, i := range todo {
			results[i] = loadFile(root, jobs[i], cfg, l.md, &sc)
		}
		return
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var sc scratch
			defer sc.dirs.close()
			for i := range next {
				results[i] = loadFile(root, jobs[i], cfg, l.md, &sc)
			}
		}()
	}
	for _, i := range todo {
		next <- i
	}
	close(next)
	wg.Wait()
}

// duplicateID reports file when its id is already taken in section by a
// file in seen (by IDKey), and records it otherwise: the first in path
// order wins. Ids that differ only in case publish to one URL on
// case-insensitive file systems; ids that differ in Unicode form are the
// same id; look-alikes cannot be told apart by readers or writers.
func duplicateID(diags *diag.List, seen map[string]string, section Section, file string) bool {
	id := strings.TrimSuffix(path.Base(file), ".md")
	key := string(section) + "/" + IDKey(id)
	prev, dup := seen[key]
	if !dup {
		seen[key] = file
		return false
	}
	prevID := strings.TrimSuffix(path.Base(prev), ".md")
	switch {
	case strings.EqualFold(id, prevID):
		diags.Errorf(file, diag.Pos{}, "duplicate id %q: %s also publishes to %s/%s/", id, prev, section, strings.ToLower(id)).Hint =
			"rename one of the files (ids ignore case, since many file systems do)"
	case strings.EqualFold(NormalID(id), NormalID(prevID)):
		form := "composed, NFC; the other's decomposed, NFD"
		if !norm.NFC.IsNormalString(id) {
			form = "decomposed, NFD; the other's composed, NFC"
		}
		diags.Errorf(file, diag.Pos{}, "duplicate id %q: %s has the same name in another Unicode form (this file's is %s) and also publishes to %s/%s/",
			NormalID(id), prev, form, section, strings.ToLower(NormalID(id))).Hint = "merge the two files into one"
	default:
		id, prevID = NormalID(id), NormalID(prevID)
		diags.Errorf(file, diag.Pos{}, "id %q looks the same as %q of %s: %s", id, prevID, prev, LookAlike(id, prevID)).Hint =
			"rename one of the files: readers and writers cannot tell the two ids apart"
	}
	return true
}

func (s *Set) broken(section Section, id string) {
	if s.Broken == nil {
		s.Broken = map[Section]map[string]bool{}
	}
	if s.Broken[section] == nil {
		s.Broken[section] = map[string]bool{}
	}
	s.Broken[section][id] = true
}

// inside reports whether dir is base or below it.
func inside(base, dir string) bool {
	rel, err := filepath.Rel(base, dir)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// walk lists the Markdown files of the content folder in path order,
// reporting what it passes over.
func walk(root *os.Root, contentDir string, diags *diag.List) []job {
	var jobs []job
	rel := func(name string) string { return path.Join(filepath.ToSlash(contentDir), name) }
	err := fs.WalkDir(root.FS(), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			diags.Errorf(rel(name), diag.Pos{}, "cannot read: %v", unwrapPath(err))
			return nil
		}
		if name == "." {
			return nil
		}
		base := d.Name()
		if strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil // hidden files and editor backups
		}
		if d.Type()&fs.ModeSymlink != 0 {
			info, err := root.Stat(name)
			if err != nil {
				diags.Errorf(rel(name), diag.Pos{}, "symbolic link leaves the content folder or is broken; it is refused").Hint =
					"copy the file into the content folder instead"
				return nil
			}
			if info.IsDir() {
				diags.Warnf(rel(name), diag.Pos{}, "symbolic link to a folder is not followed; its files are not read")
				return nil
			}
		} else if d.IsDir() {
			top := strings.SplitN(name, "/", 2)[0]
			if name == top && !isSection(top) {
				diags.Warnf(rel(name), diag.Pos{}, "folder is not read: content goes in personas/, stages/ or touchpoints/")
				return fs.SkipDir
			}
			return nil
		}
		section, ok := sectionOf(name)
		switch {
		case !ok:
			diags.Warnf(rel(name), diag.Pos{}, "file is not read: content goes in personas/, stages/ or touchpoints/, or in _index.md")
		case !strings.HasSuffix(base, ".md"):
			diags.Warnf(rel(name), diag.Pos{}, "file is not read: only Markdown files (.md) are content")
		case base == "_index.md" && section != SectionHome:
			diags.Warnf(rel(name), diag.Pos{}, "file is not read: section pages are generated; put the portal's intro in %s", rel("_index.md"))
		default:
			jobs = append(jobs, job{name: name, section: section})
		}
		return nil
	})
	if err != nil {
		diags.Errorf(contentDir, diag.Pos{}, "cannot read the content folder: %v", err)
	}
	slices.SortFunc(jobs, func(a, b job) int { return strings.Compare(a.name, b.name) })
	return jobs
}

func isSection(dir string) bool {
	return dir == string(SectionPersonas) || dir == string(SectionStages) || dir == string(SectionTouchpoints)
}

func sectionOf(name string) (Section, bool) {
	if name == "_index.md" {
		return SectionHome, true
	}
	top, rest, ok := strings.Cut(name, "/")
	if !ok || rest == "" || !isSection(top) {
		return "", false
	}
	return Section(top), true
}

type loaded struct {
	doc   any
	diags diag.List
}

// loadFile reads, splits, decodes and renders one file, with the memory
// of sc.
func loadFile(root *os.Root, j job, cfg *config.Config, md *Markdown, sc *scratch) loaded {
	file := path.Join(filepath.ToSlash(cfg.ContentDir), j.name)
	src, err := readSource(root, j.name, cfg.MaxFileSize, sc)
	if err != nil {
		var out loaded
		out.diags.Errorf(file, diag.Pos{}, "%v", unwrapPath(err))
		return out
	}
	return parseDoc(file, j.section, src, cfg, md, sc)
}

// parseDoc splits, decodes and renders the text of one file, which must
// already be normalised (no byte-order mark, "\n" line ends), with the
// memory of sc. Nothing it returns points into src or sc.
func parseDoc(file string, section Section, src []byte, cfg *config.Config, md *Markdown, sc *scratch) (out loaded) {
	d := &decoder{file: file, diags: &out.diags}
	if len(bytes.TrimSpace(src)) == 0 {
		d.errorf(diag.Pos{Line: 1, Col: 1}, "file is empty").Hint = "start it with front matter: +++, title = \"...\", +++"
		return out
	}
	sp, err := SplitFrontMatter(src)
	if err != nil {
		var se *SplitError
		errors.As(err, &se)
		d.errorf(diag.Pos{Line: se.Line, Col: 1}, "%s", se.Message)
		return out
	}
	d.format = sp.Format
	if le := checkLimits(sp); le != nil {
		d.errorf(le.Pos, "%s", le.Message).Hint = le.Hint
		return out
	}
	var front *Node
	if sp.Format == YAML {
		front, err = parseYAML(sp.Front, sp.FrontLine)
		if err == nil {
			if le := checkValueLimits(front, 0); le != nil {
				d.errorf(le.Pos, "%s", le.Message).Hint = le.Hint
				return out
			}
		}
	} else {
		front, err = parseTOMLWith(&sc.toml, sp.Front, sp.FrontLine)
	}
	if err != nil {
		var pe *ParseError
		if errors.As(err, &pe) {
			d.errorf(pe.Pos, "%s", pe.Message).Hint = pe.Hint
		} else {
			d.errorf(diag.Pos{Line: sp.FrontLine}, "%v", err)
		}
		return out
	}
	d.checkControls(front)
	id := NormalID(strings.TrimSuffix(path.Base(file), ".md"))
	meta := Meta{ID: id, Path: file}
	dir := ""
	if section != SectionHome {
		if !ValidID(id) {
			d.errorf(diag.Pos{}, "file name %q cannot be an id: use letters, digits, \"-\" and \"_\" only", path.Base(file)).Hint =
				"rename the file, e.g. " + strconv.Quote(suggestID(id)+".md")
			return out
		}
		dir = string(section) + "/" + id + "/"
	}
	if md != nil { // nil when only the front matter is wanted (Parse)
		body, links, warns, err := md.Convert(sp.Body, dir, sp.BodyLine)
		if err != nil {
			d.errorf(diag.Pos{Line: sp.BodyLine}, "cannot render the Markdown: %v", err)
		}
		for _, w := range warns {
			d.warnf(w.pos, "%s", w.msg)
		}
		meta.Body, meta.Links = body, links
	}
	switch section {
	case SectionHome:
		doc := &HomeDoc{Meta: meta}
		decodeHome(d, front, doc)
		out.doc = doc
	case SectionStages:
		doc := &StageDoc{Meta: meta}
		decodeStage(d, front, doc)
		out.doc = doc
	case SectionTouchpoints:
		doc := &TouchpointDoc{Meta: meta}
		decodeTouchpoint(d, front, doc)
		out.doc = doc
	case SectionPersonas:
		doc := &PersonaDoc{Meta: meta}
		decodePersona(d, front, doc, cfg.Emotion)
		out.doc = doc
	}
	return out
}

// suggestID turns a file name into a valid id: spaces and other characters
// become "-".
func suggestID(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(NormalID(s)) {
		if idRune(r, b.Len() > 0) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	// Lower case can decompose a letter (İ becomes i and a dot above), so
	// the result is composed again; trimming a dash can leave a combining
	// mark first, which cannot start an id: trim until neither is at an end.
	out := NormalID(b.String())
	for {
		t := strings.TrimLeftFunc(strings.Trim(out, "-"), unicode.IsMark)
		if t == out {
			break
		}
		out = t
	}
	if out == "" {
		return "page"
	}
	return out
}
