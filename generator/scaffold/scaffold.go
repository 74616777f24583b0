// Package scaffold writes new content files from commented templates, so a
// writer starts from a file that documents every field it may hold.
package scaffold

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/cxatlas/cxatlas/generator/content"
	"golang.org/x/text/language"
)

// templates holds a commented template for each kind of file, one folder
// per language.
//
//go:embed all:templates
var templates embed.FS

// Kinds lists the kinds of file New can write.
func Kinds() []string { return []string{"persona", "stage", "touchpoint"} }

// New writes contentDir/<section>/<id>.md for kind ("persona", "stage" or
// "touchpoint") and returns its path. The comments of the template are in
// the site's language (a BCP 47 tag such as "ru" or "en-GB"): Russian for
// "ru", English otherwise. The id is kept as written, in Unicode normal
// form C. New refuses an invalid id, an id that the build would take for one
// already in the section (in other case, in another Unicode form or a
// look-alike), and never overwrites an existing file.
func New(contentDir, kind, id, language string, today time.Time) (string, error) {
	id = content.NormalID(id)
	section, ok := sectionOf(kind)
	if !ok {
		return "", fmt.Errorf("unknown kind %q: use persona, stage or touchpoint", kind)
	}
	tmpl, err := templates.ReadFile("templates/" + templateLanguage(language) + "/" + kind + ".md")
	if err != nil {
		return "", err
	}
	if !content.ValidID(id) {
		return "", fmt.Errorf("id %q may only use letters, digits, \"-\" and \"_\"", id)
	}
	dir := filepath.Join(contentDir, section)
	order := 0
	if kind == "stage" {
		if order, err = nextOrder(dir); err != nil {
			return "", err
		}
	}
	text := strings.NewReplacer("{title}", titleOf(id), "{today}", today.Format("2006-01-02"),
		"{order}", strconv.Itoa(order)).Replace(string(tmpl))
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

// sectionOf names the section a kind of file goes in.
func sectionOf(kind string) (string, bool) {
	switch kind {
	case "persona", "stage", "touchpoint":
		return kind + "s", true
	}
	return "", false
}

// templateLanguage picks the templates for a BCP 47 language tag the way
// the portal picks its message catalogue (see package i18n): the nearest
// language among the template folders, English when none is near. So
// "ru-RU" and "rus" get the Russian templates, as they get a Russian
// portal.
func templateLanguage(tag string) string {
	want, err := language.Parse(strings.TrimSpace(tag))
	if err != nil {
		return "en"
	}
	entries, _ := templates.ReadDir("templates")
	names := []string{"en"} // what the matcher falls back to
	tags := []language.Tag{language.English}
	for _, e := range entries {
		if t, err := language.Parse(e.Name()); err == nil && e.Name() != "en" {
			names, tags = append(names, e.Name()), append(tags, t)
		}
	}
	_, i, conf := language.NewMatcher(tags).Match(want)
	if conf == language.No {
		return "en"
	}
	return names[i]
}
