// Package scaffold writes new content files from commented templates, so a
// writer starts from a file that documents every field it may hold.
package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/cxatlas/cxatlas/generator/content"
)

// Kinds lists the kinds of file New can write.
func Kinds() []string { return []string{"persona", "stage", "touchpoint"} }

// New writes contentDir/<section>/<id>.md for kind ("persona", "stage" or
// "touchpoint") and returns its path. The id is kept as written, in
// Unicode normal form C. It refuses an invalid id, an id that the build
// would take for one already in the section (in other case, in another
// Unicode form or a look-alike), and never overwrites an existing file.
func New(contentDir, kind, id string, today time.Time) (string, error) {
	id = content.NormalID(id)
	var section, text string
	title := titleOf(id)
	switch kind {
	case "persona":
		section, text = "personas", fmt.Sprintf(personaTemplate, title, today.Format("2006-01-02"))
	case "stage":
		section, text = "stages", fmt.Sprintf(stageTemplate, title)
	case "touchpoint":
		section, text = "touchpoints", fmt.Sprintf(touchpointTemplate, title)
	default:
		return "", fmt.Errorf("unknown kind %q: use persona, stage or touchpoint", kind)
	}
	if !content.ValidID(id) {
		return "", fmt.Errorf("id %q may only use letters, digits, \"-\" and \"_\"", id)
	}
	dir := filepath.Join(contentDir, section)
	if err := checkClash(dir, id); err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	p := filepath.Join(dir, id+".md")
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return "", fmt.Errorf("%s already exists", p)
	}
	if err != nil {
		return "", err
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		return "", err
	}
	return p, f.Close()
}

// checkClash returns an error naming the file of dir, at any depth, whose
// id clashes with id, the way the build reads the section.
func checkClash(dir, id string) error {
	var clash error
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		name := d.Name()
		if strings.HasPrefix(name, ".") && p != dir {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		other, ok := strings.CutSuffix(name, ".md")
		if d.IsDir() || !ok {
			return nil
		}
		switch how := content.Clash(id, other); {
		case how == "":
			return nil
		case other == id:
			clash = fmt.Errorf("%s already exists", p)
		default:
			clash = fmt.Errorf("id %q clashes with %s, which has %s: the build would reject the new file as a duplicate; edit that file or choose another id", id, p, how)
		}
		return fs.SkipAll
	})
	if err != nil {
		return err
	}
	return clash
}

// titleOf turns an id into a starting title: "call-centre" → "Call centre".
func titleOf(id string) string {
	t := strings.NewReplacer("-", " ", "_", " ").Replace(id)
	r := []rune(t)
	if len(r) > 0 {
		r[0] = []rune(strings.ToUpper(string(r[0])))[0]
	}
	return strings.ReplaceAll(string(r), `"`, `\"`)
}

const personaTemplate = `+++
# A persona: one customer segment and its journey. Keys above [profile]
# describe the persona; keep them there, or TOML puts them in the table above.
title = "%s"
summary = ""                 # one sentence: who they are and what they want
quote = ""                   # something they said in research, in their words
priority = 1                 # 1 is the most important segment
reviewed = %s          # date of the last review with the team
goals = []                   # what they want to achieve
needs = []                   # what they need from us to get there
frustrations = []            # what gets in their way
channels = []                # channels they use: "web", "phone", "store"...

# Free key/value pairs, shown in this order.
[profile]
age = ""
occupation = ""
city = ""

# The journey: one [[steps]] block per step, in order.
[[steps]]
stage = ""                   # a stage id: a file name in content/stages/
touchpoints = []             # touchpoint ids: file names in content/touchpoints/
action = ""                  # what the customer does
thought = ""                 # what they think
feeling = ""                 # what they feel
emotion = 0                  # on the scale of config.toml [emotion], -2 to 2 by default
pains = [
  # { text = "...", severity = "low|medium|high|critical", id = "shared-id" },
]
opportunities = [
  # { text = "...", impact = "low|medium|high" },
]
evidence = []                # interviews, metrics, tickets; links allowed
duration = ""                # how long the step takes
artifacts = []               # documents, screens, receipts they use
+++

The persona's story, in Markdown.
`

const stageTemplate = `+++
# A stage of the journey, shown as a column of every map.
title = "%s"
order = 1                    # stages are shown in this order
goal = ""                    # the customer's goal at this stage
questions = []               # what customers ask here
kpis = []                    # how the company measures the stage
+++

What happens at this stage, in Markdown.
`

const touchpointTemplate = `+++
# A touchpoint: where the customer meets the company.
title = "%s"
channel = ""                 # web, email, phone, store, ...
mode = "online"              # online or offline
managed = true               # false for review sites, word of mouth, ...
owner = ""                   # the team or person responsible
stages = []                  # stage ids where it is met
kpis = []                    # how its owner measures it
+++

What this touchpoint is and how it works, in Markdown.
`
