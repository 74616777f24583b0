package importer

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/content"
)

// WriteOptions says where and how to write an imported journey.
type WriteOptions struct {
	// SiteDir is the site directory; Config its configuration.
	SiteDir string
	Config  *config.Config
	// PersonaID is the persona's id; made from the title when empty.
	PersonaID string
	// Title is the persona's title; the journey's own, or Fallback, when
	// empty.
	Title    string
	Fallback string
	// Force lets the persona file replace one that exists.
	Force bool
	// Today is the persona's review date.
	Today time.Time
}

// Written says what Write did, with paths relative to the site directory.
type Written struct {
	// Persona is the persona file; Replaced says it replaced one.
	Persona  string
	Replaced bool
	// Stages and Touchpoints are the files created for new names.
	Stages, Touchpoints []string
	// Reused counts the stages and touchpoints the portal already had.
	ReusedStages, ReusedTouchpoints int
}

// file is a content file to write.
type file struct {
	path string // relative to the site directory, slash-separated
	text string
}

// Write writes the persona file of journey j and a file for each stage and
// touchpoint the portal does not know yet, matched by title or id
// regardless of case. It writes all of them or none: every file is written
// to a hidden temporary name first, then renamed into place, and on any
// error what was written is removed. An existing persona file is replaced
// only with Force.
func Write(j Journey, opts WriteOptions) (*Written, error) {
	cfg := opts.Config
	set, _ := content.Load(content.Options{SiteDir: opts.SiteDir, Config: cfg})
	title := firstNonEmpty(opts.Title, j.Title, opts.Fallback)
	id := opts.PersonaID
	if id == "" {
		id = IDFrom(title)
	}
	id = content.NormalID(id)
	if id == "" || !content.ValidID(id) {
		return nil, fmt.Errorf("cannot make a persona id from %q: give one with -persona", title)
	}
	contentDir := filepath.ToSlash(cfg.ContentDir)
	w := &Written{Persona: contentDir + "/personas/" + id + ".md"}
	for _, p := range set.Personas {
		if how := content.Clash(id, p.ID); how != "" {
			if p.ID != id || !opts.Force {
				return nil, personaClash(id, p.Path, how, opts.Force)
			}
			w.Persona, w.Replaced = p.Path, true
		}
	}
	for bid := range set.Broken[content.SectionPersonas] {
		if content.Clash(id, bid) != "" && !opts.Force {
			return nil, personaClash(id, contentDir+"/personas/"+bid+".md", "the same id", false)
		}
	}
	if _, err := os.Stat(filepath.Join(opts.SiteDir, filepath.FromSlash(w.Persona))); err == nil {
		if !opts.Force {
			return nil, personaClash(id, w.Persona, "the same id", false)
		}
		w.Replaced = true
	}
	var files []file
	stageIDs, newStages := matchStages(j, set, contentDir)
	touchIDs, newTouch := matchTouchpoints(j, set, contentDir)
	for _, f := range newStages {
		files = append(files, f)
		w.Stages = append(w.Stages, f.path)
	}
	for _, f := range newTouch {
		files = append(files, f)
		w.Touchpoints = append(w.Touchpoints, f.path)
	}
	w.ReusedStages = len(distinct(stageIDs)) - len(newStages)
	w.ReusedTouchpoints = len(distinctAll(touchIDs)) - len(newTouch)
	files = append(files, file{path: w.Persona, text: personaFile(title, opts.Today, j, stageIDs, touchIDs)})
	if err := writeAll(opts.SiteDir, files); err != nil {
		return nil, err
	}
	return w, nil
}

func personaClash(id, path, how string, force bool) error {
	if how == "the same id" && !force {
		return fmt.Errorf("%s already exists: use -force to replace it, or -persona to give another id", path)
	}
	return fmt.Errorf("persona id %q clashes with %s, which has %s: give another id with -persona", id, path, how)
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if strings.TrimSpace(v) != "" {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

func distinct(ids []string) map[string]bool {
	m := map[string]bool{}
	for _, id := range ids {
		m[id] = true
	}
	return m
}

func distinctAll(ids [][]string) map[string]bool {
	m := map[string]bool{}
	for _, l := range ids {
		for _, id := range l {
			m[id] = true
		}
	}
	return m
}

// matcher finds the entity a name stands for: by id or title, ignoring
// case, among those of the portal and those made during this import.
type matcher struct {
	byKey map[string]string
	taken []string
}

func newMatcher() *matcher { return &matcher{byKey: map[string]string{}} }

func (m *matcher) add(id, title string) {
	m.taken = append(m.taken, id)
	for _, k := range []string{id, title} {
		k = strings.ToLower(strings.Join(strings.Fields(k), " "))
		if _, ok := m.byKey[k]; !ok && k != "" {
			m.byKey[k] = id
		}
	}
}

func (m *matcher) find(name string) (string, bool) {
	id, ok := m.byKey[strings.ToLower(strings.Join(strings.Fields(name), " "))]
	if !ok {
		id, ok = m.byKey[strings.ToLower(IDFrom(name))]
	}
	return id, ok
}

// newID makes an id for a new name, unique among those taken.
func (m *matcher) newID(name, kind string) string {
	id := IDFrom(name)
	if id == "" {
		id = kind
	}
	return uniqueID(id, m.taken)
}

// matchStages gives the stage id of each step, and the files of the
// stages that are new. A new stage is ordered between the stages before
// and after it in the journey when their orders leave room, else after
// every other stage.
func matchStages(j Journey, set *content.Set, contentDir string) ([]string, []file) {
	m := newMatcher()
	orderOf := map[string]int{}
	highest := 0
	for _, s := range set.Stages {
		m.add(s.ID, s.Title)
		orderOf[s.ID] = s.Order
		highest = max(highest, s.Order)
	}
	for id := range set.Broken[content.SectionStages] {
		m.taken = append(m.taken, id)
	}
	ids := make([]string, len(j.Steps))
	var files []file
	prev, hasPrev := 0, false
	for i, st := range j.Steps {
		id, ok := m.find(st.Stage)
		if !ok {
			id = m.newID(st.Stage, "stage")
			m.add(id, st.Stage)
			order := highest + 1
			if next, ok := nextKnownOrder(j.Steps[i+1:], id, m, orderOf); ok && hasPrev && next-prev >= 2 {
				order = prev + (next-prev)/2
			}
			orderOf[id] = order
			highest = max(highest, order)
			files = append(files, file{path: contentDir + "/stages/" + id + ".md",
				text: fmt.Sprintf("+++\ntitle = %s\norder = %d\n+++\n", quote(st.Stage), order)})
		}
		ids[i] = id
		prev, hasPrev = orderOf[id], true
	}
	return ids, files
}

// nextKnownOrder gives the order of the first stage of steps, other than
// self, that is known already.
func nextKnownOrder(steps []Step, self string, m *matcher, orderOf map[string]int) (int, bool) {
	for _, st := range steps {
		if id, ok := m.find(st.Stage); ok && id != self {
			return orderOf[id], true
		}
	}
	return 0, false
}

// matchTouchpoints gives the touchpoint ids of each step, and the files
// of the touchpoints that are new.
func matchTouchpoints(j Journey, set *content.Set, contentDir string) ([][]string, []file) {
	m := newMatcher()
	for _, t := range set.Touchpoints {
		m.add(t.ID, t.Title)
	}
	for id := range set.Broken[content.SectionTouchpoints] {
		m.taken = append(m.taken, id)
	}
	ids := make([][]string, len(j.Steps))
	var files []file
	for i, st := range j.Steps {
		seen := map[string]bool{}
		for _, name := range st.Touchpoints {
			id, ok := m.find(name)
			if !ok {
				id = m.newID(name, "touchpoint")
				m.add(id, name)
				files = append(files, file{path: contentDir + "/touchpoints/" + id + ".md",
					text: fmt.Sprintf("+++\ntitle = %s\n+++\n", quote(name))})
			}
			if !seen[id] {
				seen[id] = true
				ids[i] = append(ids[i], id)
			}
		}
	}
	return ids, files
}

// writeAll writes every file or none: each goes to a hidden temporary file
// in its folder (the build skips hidden files), and only when all are
// written are they renamed into place. On an error, the temporary files,
// the files already renamed and the folders made are removed.
func writeAll(siteDir string, files []file) (err error) {
	var temps, placed, made []string
	defer func() {
		if err == nil {
			return
		}
		for _, p := range append(temps, placed...) {
			os.Remove(p)
		}
		for i := len(made) - 1; i >= 0; i-- {
			os.Remove(made[i])
		}
	}()
	targets := make([]string, len(files))
	for i, f := range files {
		target := filepath.Join(siteDir, filepath.FromSlash(f.path))
		targets[i] = target
		dirs, err := mkdirs(filepath.Dir(target))
		made = append(made, dirs...)
		if err != nil {
			return err
		}
		tmp, err := os.CreateTemp(filepath.Dir(target), ".import-*.tmp")
		if err != nil {
			return err
		}
		temps = append(temps, tmp.Name())
		_, err = tmp.WriteString(f.text)
		if cerr := tmp.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("write %s: %w", f.path, err)
		}
	}
	// The persona comes last, so that it never names a stage that is not
	// in place; a stage or touchpoint file that appeared meanwhile is kept.
	for i, f := range files {
		last := i == len(files)-1
		if !last {
			if _, err := os.Lstat(targets[i]); !errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("%s appeared during the import; run it again", f.path)
			}
		}
		if err := os.Rename(temps[0], targets[i]); err != nil {
			return err
		}
		temps = temps[1:]
		if !last {
			placed = append(placed, targets[i])
		}
	}
	return nil
}

// mkdirs makes dir and its missing parents, returning those it made.
func mkdirs(dir string) ([]string, error) {
	var missing []string
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(d); err == nil || d == filepath.Dir(d) {
			break
		}
		missing = append(missing, d)
	}
	var made []string
	for i := len(missing) - 1; i >= 0; i-- {
		if err := os.Mkdir(missing[i], 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			return made, err
		}
		made = append(made, missing[i])
	}
	return made, nil
}
