package build

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cxatlas/cxatlas/generator/render"
	"github.com/cxatlas/cxatlas/generator/synth"
)

var (
	sessionSeed  = flag.Uint64("session.seed", 0, "seed of TestSessionMatchesFullBuild(InGit); 0 runs the fixed seeds")
	sessionSteps = flag.Int("session.steps", 0, "edits per seed of TestSessionMatchesFullBuild(InGit); 0 for the default")
)

// TestSessionMatchesFullBuild drives random sequences of edits through a
// Session on a generated portal and compares the publish folder, after
// every step, with a clean full build of the same files: texts, emotions,
// shared and unshared pains and their severities, the touchpoints of a
// step, the order of the stages, titles, new, renamed and deleted files,
// many files at once, and files broken and mended.
func TestSessionMatchesFullBuild(t *testing.T) {
	seeds := []uint64{1, 2, 3, 4}
	steps := 30
	if testing.Short() || raceEnabled {
		// Under the race detector the goroutines of the builds are what
		// is checked, not the number of edits.
		seeds, steps = seeds[:2], 15
	}
	if *sessionSeed != 0 {
		seeds = []uint64{*sessionSeed}
	}
	if *sessionSteps > 0 {
		steps = *sessionSteps
	}
	for _, seed := range seeds {
		t.Run(fmt.Sprint("seed=", seed), func(t *testing.T) {
			t.Parallel()
			runSession(t, seed, steps, false)
		})
	}
}

// TestSessionMatchesFullBuildInGit is TestSessionMatchesFullBuild on a
// portal in a git repository, whose pages show its history: edits are
// compared with the committed revisions, and every few steps the edits
// are committed, which the watcher reports as a change of .git/HEAD.
func TestSessionMatchesFullBuildInGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	seed, steps := uint64(7), 16
	if testing.Short() {
		steps = 8
	}
	if *sessionSeed != 0 {
		seed = *sessionSeed
	}
	if *sessionSteps > 0 {
		steps = *sessionSteps
	}
	runSession(t, seed, steps, true)
}

func runSession(t *testing.T, seed uint64, steps int, inGit bool) {
	siteDir := filepath.Join(t.TempDir(), "site")
	spec := synth.Spec{Name: "session", Seed: seed, Personas: 6, Stages: 5, Touchpoints: 14, MinSteps: 4, MaxSteps: 12, SharedPains: 5}
	if err := synth.Generate(siteDir, spec); err != nil {
		t.Fatal(err)
	}
	commits := 0
	commit := func() []string {
		commits++
		date := fmt.Sprintf("2026-11-%02dT10:00:00Z", commits)
		for _, args := range [][]string{{"add", "-A"}, {"commit", "-q", "--allow-empty", "-m", fmt.Sprintf("Edit %d", commits)}} {
			cmd := exec.Command("git", append([]string{"-c", "user.name=Ann Writer", "-c", "user.email=ann@example.com"}, args...)...)
			cmd.Dir = siteDir
			cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("git %v: %v\n%s", args, err, out)
			}
		}
		return []string{filepath.Join(siteDir, ".git", "HEAD"), filepath.Join(siteDir, ".git", "logs", "HEAD")}
	}
	if inGit {
		// Every map has a baseline, the first commit, which the map pages
		// compare with: an edit moves the comparison.
		cfgPath := filepath.Join(siteDir, "config.toml")
		data, err := os.ReadFile(cfgPath)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(cfgPath, append(data, "\n[history]\nbaseline = \"start\"\n"...), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Setenv("GIT_DIR", filepath.Join(siteDir, ".git"))
		if out, err := exec.Command("git", "init", "-q", siteDir).CombinedOutput(); err != nil {
			t.Fatalf("git init: %v\n%s", err, out)
		}
		commit()
		if out, err := exec.Command("git", "-C", siteDir, "tag", "start").CombinedOutput(); err != nil {
			t.Fatalf("git tag: %v\n%s", err, out)
		}
	}
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	served := filepath.Join(t.TempDir(), "served")
	// Small pages of the pain-point index, so that edits move pains from
	// page to page, and the maps' links with them.
	limits := render.Limits{PainsPerPage: 7}
	s := NewSession(Options{SiteDir: siteDir, OutDir: served, Now: now, limits: limits})
	early := 0
	if seed%2 == 0 || inGit {
		// Half the runs, and the run in git, publish the edited pages
		// first, from a preview when they can; the folder must still end
		// the same.
		s.Early = func(*Result) { early++ }
	}
	if res, err := s.Build(nil); err != nil {
		t.Fatalf("first build: %v\n%s", err, formatDiags(res.Diags))
	}
	e := &editor{t: t, rnd: rand.New(rand.NewPCG(seed, 99)), content: filepath.Join(siteDir, "content")}
	shorter, previews := 0, 0
	// good is a full build of the last content that built.
	good := filepath.Join(t.TempDir(), "good")
	if _, err := Build(Options{SiteDir: siteDir, OutDir: good, Now: now, limits: limits}); err != nil {
		t.Fatal(err)
	}
	for step := range steps {
		what, changed := e.edit()
		if inGit && step%4 == 3 {
			what += ", committed"
			changed = append(changed, commit()...)
		}
		res, err := s.Build(changed)
		ref := filepath.Join(t.TempDir(), "ref")
		want, werr := Build(Options{SiteDir: siteDir, OutDir: ref, Now: now, limits: limits})
		if (err == nil) != (werr == nil) {
			t.Fatalf("step %d (%s): session build: %v; full build: %v\n%s", step, what, err, werr, formatDiags(want.Diags))
		}
		if err != nil {
			if !errors.Is(err, ErrContent) || !errors.Is(werr, ErrContent) {
				t.Fatalf("step %d (%s): %v / %v", step, what, err, werr)
			}
			if got, want := formatDiags(res.Diags), formatDiags(want.Diags); got != want {
				t.Fatalf("step %d (%s): problems differ:\nsession:\n%s\nfull build:\n%s", step, what, got, want)
			}
			// The last good portal stays, whatever was published early.
			if diff := compareTrees(t, served, good); diff != "" {
				t.Fatalf("step %d (%s): after a failed build the folder is not the last good portal:\n%s", step, what, diff)
			}
			continue
		}
		good = ref
		if !res.Full {
			shorter++
		}
		if res.Previewed {
			previews++
		}
		if res.Notice != "" {
			t.Fatalf("step %d (%s): %s", step, what, res.Notice)
		}
		if diff := compareTrees(t, served, ref); diff != "" {
			t.Fatalf("step %d (%s): the session's folder differs from a full build (%d of %d pages rendered):\n%s",
				step, what, res.Rendered, len(res.Pages), diff)
		}
		if got, want := formatDiags(res.Diags), formatDiags(want.Diags); got != want {
			t.Fatalf("step %d (%s): warnings differ:\nsession:\n%s\nfull build:\n%s", step, what, got, want)
		}
	}
	if shorter == 0 {
		t.Errorf("no step was built the shorter way")
	}
	if s.Early != nil && previews == 0 && steps >= 15 {
		t.Errorf("no edited map was published from a preview")
	}
	if _, err := os.Stat(filepath.Join(served, "changes", "index.html")); inGit && err != nil {
		t.Errorf("no history in the portal: %v", err)
	}
	t.Logf("%d steps, %d the shorter way, %d published early, %d from a preview", steps, shorter, early, previews)
}

// compareTrees describes the differences between two publish folders,
// or returns "".
func compareTrees(t *testing.T, got, want string) string {
	t.Helper()
	g, w := readTree(t, got), readTree(t, want)
	var diffs []string
	for p, wb := range w {
		gb, ok := g[p]
		switch {
		case !ok:
			diffs = append(diffs, "missing: "+p)
		case !bytes.Equal(gb, wb):
			diffs = append(diffs, "differs: "+p+"\n"+firstDifference(gb, wb))
		}
	}
	for p := range g {
		if _, ok := w[p]; !ok {
			diffs = append(diffs, "extra: "+p)
		}
	}
	slices.Sort(diffs)
	if len(diffs) > 10 {
		diffs = append(diffs[:10], fmt.Sprintf("... and %d more", len(diffs)-10))
	}
	return strings.Join(diffs, "\n")
}

// firstDifference shows where two files part.
func firstDifference(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-80)
	return fmt.Sprintf("  session: …%s…\n  full:    …%s…", a[from:min(len(a), i+80)], b[from:min(len(b), i+80)])
}

// readTree reads every file below dir, and names the folders, by slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if rel == "." {
			return nil
		}
		if d.IsDir() {
			out[rel+"/"] = nil
			return nil
		}
		data, err := os.ReadFile(p)
		out[rel] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// editor makes random edits to the content folder of a generated portal,
// the way writers and tools do.
type editor struct {
	t       *testing.T
	rnd     *rand.Rand
	content string
	n       int
	broken  string // a file left broken by the last step, to mend
	mended  []byte
}

var (
	actionRe   = regexp.MustCompile(`(?m)^action = ".*"$`)
	emotionRe  = regexp.MustCompile(`(?m)^emotion = -?\d+$`)
	severityRe = regexp.MustCompile(`severity = "(low|medium|high)"`)
	tpsRe      = regexp.MustCompile(`(?m)^touchpoints = \[.*\]$`)
	orderRe    = regexp.MustCompile(`(?m)^order = \d+$`)
	titleRe    = regexp.MustCompile(`(?m)^title = ".*"$`)
	stepRe     = regexp.MustCompile(`(?m)^\[\[steps\]\]$`)
)

// edit makes one random change, which may touch several files, and
// returns what it did and the absolute paths it changed.
func (e *editor) edit() (string, []string) {
	if e.broken != "" {
		path := e.broken
		e.write(path, e.mended)
		e.broken = ""
		return "mend " + e.rel(path), []string{path}
	}
	e.n++
	kinds := []func() (string, []string){
		e.editAction, e.editEmotion, e.editSeverity, e.addPain, e.addSharedPain, e.editTouchpoints,
		e.editOrder, e.editTitle, e.newTouchpoint, e.newPersona, e.newStage, e.renamePersona,
		e.renameTouchpoint, e.deletePersona, e.deleteStep, e.editHome, e.editBody, e.breakFile, e.breakLink, e.checkout,
	}
	return kinds[e.rnd.IntN(len(kinds))]()
}

func (e *editor) rel(path string) string {
	r, _ := filepath.Rel(e.content, path)
	return filepath.ToSlash(r)
}

func (e *editor) files(section string) []string {
	m, err := filepath.Glob(filepath.Join(e.content, section, "*.md"))
	if err != nil {
		e.t.Fatal(err)
	}
	slices.Sort(m)
	return m
}

func (e *editor) pick(section string) string {
	fs := e.files(section)
	if len(fs) == 0 {
		e.t.Fatalf("no %s left", section)
	}
	return fs[e.rnd.IntN(len(fs))]
}

func (e *editor) ids(section string) []string {
	var ids []string
	for _, f := range e.files(section) {
		ids = append(ids, strings.TrimSuffix(filepath.Base(f), ".md"))
	}
	return ids
}

func (e *editor) read(path string) []byte {
	data, err := os.ReadFile(path)
	if err != nil {
		e.t.Fatal(err)
	}
	return data
}

// write saves data at path, half the time in place and half the time
// through a temporary file and a rename, as many editors do.
func (e *editor) write(path string, data []byte) {
	if e.rnd.IntN(2) == 0 {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			e.t.Fatal(err)
		}
		return
	}
	tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".swp")
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		e.t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		e.t.Fatal(err)
	}
}

// replaceOne replaces one random match of re in the file at path with
// what repl makes of it; it reports false when nothing matches.
func (e *editor) replaceOne(path string, re *regexp.Regexp, repl func(string) string) bool {
	data := e.read(path)
	locs := re.FindAllIndex(data, -1)
	if len(locs) == 0 {
		return false
	}
	l := locs[e.rnd.IntN(len(locs))]
	var out []byte
	out = append(out, data[:l[0]]...)
	out = append(out, repl(string(data[l[0]:l[1]]))...)
	out = append(out, data[l[1]:]...)
	e.write(path, out)
	return true
}

func (e *editor) editAction() (string, []string) {
	p := e.pick("personas")
	e.replaceOne(p, actionRe, func(string) string { return fmt.Sprintf("action = \"Edited action %d\"", e.n) })
	return "action of " + e.rel(p), []string{p}
}

func (e *editor) editEmotion() (string, []string) {
	p := e.pick("personas")
	e.replaceOne(p, emotionRe, func(string) string { return fmt.Sprintf("emotion = %d", e.rnd.IntN(5)-2) })
	return "emotion in " + e.rel(p), []string{p}
}

func (e *editor) editSeverity() (string, []string) {
	p := e.pick("personas")
	sev := []string{"low", "medium", "high"}[e.rnd.IntN(3)]
	if !e.replaceOne(p, severityRe, func(string) string { return `severity = "` + sev + `"` }) {
		return e.addSharedPain()
	}
	return "severity in " + e.rel(p), []string{p}
}

// appendStep adds a step to the persona at path, with the pains given as
// TOML inline values.
func (e *editor) appendStep(path string, pains ...string) {
	stages, tps := e.ids("stages"), e.ids("touchpoints")
	step := fmt.Sprintf("\n[[steps]]\nstage = %q\ntouchpoints = [%q]\naction = \"New step %d\"\nemotion = %d\n",
		stages[e.rnd.IntN(len(stages))], tps[e.rnd.IntN(len(tps))], e.n, e.rnd.IntN(5)-2)
	if len(pains) > 0 {
		step += "pains = [" + strings.Join(pains, ", ") + "]\n"
	}
	data := e.read(path)
	i := bytes.LastIndex(data, []byte("+++\n"))
	if i <= 0 {
		e.t.Fatalf("%s: no end of front matter", path)
	}
	e.write(path, slices.Concat(data[:i], []byte(step), data[i:]))
}

func (e *editor) addPain() (string, []string) {
	p := e.pick("personas")
	e.appendStep(p, fmt.Sprintf(`{ text = "Own pain %d", severity = "medium" }`, e.n))
	return "new step with its own pain in " + e.rel(p), []string{p}
}

// addSharedPain writes the same pain, in other case, into two personas.
func (e *editor) addSharedPain() (string, []string) {
	a, b := e.pick("personas"), e.pick("personas")
	text := fmt.Sprintf("Shared pain %d", e.rnd.IntN(4))
	e.appendStep(a, fmt.Sprintf(`{ text = %q, severity = "high" }`, text))
	e.appendStep(b, fmt.Sprintf("%q", strings.ToLower(text)))
	return "shared pain in " + e.rel(a) + " and " + e.rel(b), []string{a, b}
}

func (e *editor) editTouchpoints() (string, []string) {
	p := e.pick("personas")
	tps := e.ids("touchpoints")
	e.replaceOne(p, tpsRe, func(string) string {
		n := 1 + e.rnd.IntN(3)
		var q []string
		for range n {
			q = append(q, fmt.Sprintf("%q", tps[e.rnd.IntN(len(tps))]))
		}
		slices.Sort(q)
		return "touchpoints = [" + strings.Join(slices.Compact(q), ", ") + "]"
	})
	return "touchpoints of a step in " + e.rel(p), []string{p}
}

func (e *editor) editOrder() (string, []string) {
	p := e.pick("stages")
	e.replaceOne(p, orderRe, func(string) string { return fmt.Sprintf("order = %d", 1+e.rnd.IntN(90)) })
	return "order of " + e.rel(p), []string{p}
}

func (e *editor) editTitle() (string, []string) {
	p := e.pick([]string{"personas", "stages", "touchpoints"}[e.rnd.IntN(3)])
	e.replaceOne(p, titleRe, func(string) string { return fmt.Sprintf("title = \"Renamed %d\"", e.n) })
	return "title of " + e.rel(p), []string{p}
}

func (e *editor) newTouchpoint() (string, []string) {
	p := filepath.Join(e.content, "touchpoints", fmt.Sprintf("new-touchpoint-%d.md", e.n))
	e.write(p, fmt.Appendf(nil, "+++\ntitle = \"New touchpoint %d\"\nchannel = \"email\"\nowner = \"Team %d\"\n+++\n\nBody.\n", e.n, e.rnd.IntN(3)))
	// Half the time a persona starts using it in the same step.
	if e.rnd.IntN(2) == 0 {
		per := e.pick("personas")
		id := strings.TrimSuffix(filepath.Base(p), ".md")
		e.replaceOne(per, tpsRe, func(string) string { return fmt.Sprintf("touchpoints = [%q]", id) })
		return "new " + e.rel(p) + " used by " + e.rel(per), []string{p, per}
	}
	return "new " + e.rel(p), []string{p}
}

func (e *editor) newPersona() (string, []string) {
	src := e.pick("personas")
	p := filepath.Join(e.content, "personas", fmt.Sprintf("new-persona-%d.md", e.n))
	data := titleRe.ReplaceAll(e.read(src), fmt.Appendf(nil, "title = \"New persona %d\"", e.n))
	e.write(p, data)
	return "new " + e.rel(p) + " copied from " + e.rel(src), []string{p}
}

func (e *editor) newStage() (string, []string) {
	p := filepath.Join(e.content, "stages", fmt.Sprintf("new-stage-%d.md", e.n))
	e.write(p, fmt.Appendf(nil, "+++\ntitle = \"New stage %d\"\norder = %d\n+++\n", e.n, 1+e.rnd.IntN(90)))
	per := e.pick("personas")
	e.appendStep(per)
	return "new " + e.rel(p) + " and a step in " + e.rel(per), []string{p, per}
}

func (e *editor) renamePersona() (string, []string) {
	p := e.pick("personas")
	to := filepath.Join(e.content, "personas", fmt.Sprintf("renamed-%d.md", e.n))
	if err := os.Rename(p, to); err != nil {
		e.t.Fatal(err)
	}
	return "rename " + e.rel(p) + " to " + e.rel(to), []string{p, to}
}

// renameTouchpoint renames a touchpoint file and every reference to it,
// as a refactoring tool or a checkout of a commit does.
func (e *editor) renameTouchpoint() (string, []string) {
	p := e.pick("touchpoints")
	old := strings.TrimSuffix(filepath.Base(p), ".md")
	id := fmt.Sprintf("moved-%d", e.n)
	to := filepath.Join(e.content, "touchpoints", id+".md")
	if err := os.Rename(p, to); err != nil {
		e.t.Fatal(err)
	}
	changed := []string{p, to}
	for _, per := range e.files("personas") {
		data := e.read(per)
		out := bytes.ReplaceAll(data, fmt.Appendf(nil, "%q", old), fmt.Appendf(nil, "%q", id))
		if !bytes.Equal(out, data) {
			e.write(per, out)
			changed = append(changed, per)
		}
	}
	return "rename " + e.rel(p) + " to " + e.rel(to) + " everywhere", changed
}

func (e *editor) deletePersona() (string, []string) {
	if len(e.files("personas")) <= 2 {
		return e.newPersona()
	}
	p := e.pick("personas")
	if err := os.Remove(p); err != nil {
		e.t.Fatal(err)
	}
	return "delete " + e.rel(p), []string{p}
}

// deleteStep removes the last step of a persona that has more than one.
func (e *editor) deleteStep() (string, []string) {
	p := e.pick("personas")
	data := e.read(p)
	locs := stepRe.FindAllIndex(data, -1)
	if len(locs) < 2 {
		return e.addPain()
	}
	end := bytes.LastIndex(data, []byte("+++\n"))
	e.write(p, slices.Concat(data[:locs[len(locs)-1][0]], data[end:]))
	return "delete the last step of " + e.rel(p), []string{p}
}

func (e *editor) editHome() (string, []string) {
	p := filepath.Join(e.content, "_index.md")
	data := e.read(p)
	e.write(p, append(data, fmt.Appendf(nil, "\nA line added in step %d.\n", e.n)...))
	return "home text", []string{p}
}

func (e *editor) editBody() (string, []string) {
	p := e.pick([]string{"stages", "touchpoints"}[e.rnd.IntN(2)])
	data := e.read(p)
	e.write(p, append(data, fmt.Appendf(nil, "\nMore *notes* %d.\n", e.n)...))
	return "body of " + e.rel(p), []string{p}
}

// breakFile leaves a persona unreadable; the next step mends it.
func (e *editor) breakFile() (string, []string) {
	p := e.pick("personas")
	data := e.read(p)
	e.broken, e.mended = p, data
	e.write(p, bytes.Replace(data, []byte("title = "), []byte("title = = "), 1))
	return "break " + e.rel(p), []string{p}
}

// breakLink edits a map and links its description to a page that does
// not exist: the content reads and links, and the build then fails on the
// link. The next step mends it.
func (e *editor) breakLink() (string, []string) {
	p := e.pick("personas")
	data := e.read(p)
	e.broken, e.mended = p, data
	data = emotionRe.ReplaceAll(data, fmt.Appendf(nil, "emotion = %d", e.rnd.IntN(5)-2))
	e.write(p, append(data, "\nSee [the old map](/personas/nowhere/).\n"...))
	return "broken link in " + e.rel(p), []string{p}
}

// checkout changes several files at once, reported as their folder, as
// a watcher does when a whole folder changes.
func (e *editor) checkout() (string, []string) {
	var changed []string
	for range 2 + e.rnd.IntN(3) {
		_, c := []func() (string, []string){e.editAction, e.editEmotion, e.editOrder, e.editTitle}[e.rnd.IntN(4)]()
		changed = append(changed, c...)
	}
	if e.rnd.IntN(2) == 0 {
		return "checkout of several files, reported as the content folder", []string{e.content}
	}
	return "checkout of several files", changed
}

// TestSessionFallback checks that a change outside the content folder
// rebuilds everything and says why, naming the file from the site folder,
// and that a change inside it does not.
func TestSessionFallback(t *testing.T) {
	site := copyTree(t, "../../cmd/cxatlas/testdata/portals/minimal")
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	rel, err := filepath.Rel(wd, site)
	if err != nil {
		t.Fatal(err)
	}
	s := NewSession(Options{SiteDir: rel, OutDir: t.TempDir(), Now: testNow})
	if res, err := s.Build(nil); err != nil || !res.Full || res.Fallback != "" {
		t.Fatalf("first build: %v, full %v, fallback %q", err, res.Full, res.Fallback)
	}
	for _, tc := range []struct {
		path, fallback string
	}{
		{"config.toml", "config.toml is outside the content folder"},
		{"content/_index.md", ""},
		{"themes/default/static/extra.css", "themes/default/static/extra.css is outside the content folder"},
	} {
		res, err := s.Build([]string{filepath.Join(site, filepath.FromSlash(tc.path))})
		if err != nil {
			t.Fatalf("%s: %v", tc.path, err)
		}
		if res.Fallback != tc.fallback || res.Full != (tc.fallback != "") {
			t.Errorf("%s: fallback %q (full %v), want %q", tc.path, res.Fallback, res.Full, tc.fallback)
		}
	}
}

// copyTree copies the folder src into a new temporary folder.
func copyTree(t *testing.T, src string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	return dst
}
