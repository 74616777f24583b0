package i18n

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/cxatlas/cxatlas/generator/diag"
	"github.com/cxatlas/cxatlas/themes"
	"golang.org/x/text/language"
)

// Dir is the folder of catalogue files, in a theme and in a site.
const Dir = "i18n"

// layer is one catalogue file: where it comes from and its messages.
type layer struct {
	file string // as diagnostics name it
	src  string
	msgs *messages
	// theme is set for a file of a site's theme, not the default theme.
	theme bool
}

// Load builds the catalogue of the language lang (a BCP 47 tag, "ru",
// "ru-RU", "en-GB"; empty means English) from the default theme's
// i18n/*.toml, the theme's i18n/*.toml and the site's siteDir/i18n/*.toml:
// the language nearest to lang among those files, with English behind it
// for any key it lacks. Each file overrides the ones before it key by key,
// in this order: the default theme's English, the theme's English, the
// default theme's catalogue of the language, the theme's, the site's. So a
// theme or a site that changes a few words keeps all the others.
// Problems in the theme's and the site's files (unknown keys, missing keys,
// entries that are not messages) are warnings; an unreadable file is an
// error.
func Load(theme fs.FS, siteDir, lang string) (*Catalogue, diag.List) {
	base, err := fs.Sub(themes.Default, "default")
	if err != nil {
		panic(err) // the embedded theme always has the folder
	}
	return load(base, theme, siteDir, lang)
}

// load is Load with the default theme base as a parameter. A file of theme
// with the same bytes as base's is the default file seen through the
// theme's overlay, and is read once.
func load(base, theme fs.FS, siteDir, lang string) (*Catalogue, diag.List) {
	var diags diag.List
	themeFiles := slices.Concat(catalogueFiles(base), catalogueFiles(theme))
	var siteFS fs.FS
	if siteDir != "" {
		siteFS = os.DirFS(siteDir)
	}
	siteFiles := catalogueFiles(siteFS)
	tag, name := match(lang, themeFiles, siteFiles)

	ref := readLayer(base, path.Join(Dir, Reference+".toml"), &diags)
	if ref == nil {
		ref = &layer{file: path.Join(Dir, Reference+".toml"), msgs: &messages{}}
		diags.Errorf(ref.file, diag.Pos{}, "the default theme has no English message catalogue; cxatlas is built wrong")
	}
	layers := []*layer{ref}
	layers = appendThemeLayer(layers, base, theme, Reference, &diags)
	// Keys are known when the default English has them, or the theme's
	// English adds them for its own templates.
	known := build(Reference, language.English, layers).Keys()
	if name != Reference {
		if l := readLayer(base, path.Join(Dir, name+".toml"), &diags); l != nil {
			layers = append(layers, l)
		}
		layers = appendThemeLayer(layers, base, theme, name, &diags)
	}
	for _, l := range layers {
		if l.theme {
			checkKeys(l, known, &diags)
		}
	}
	var site *layer
	if slices.Contains(siteFiles, name) {
		site = readLayer(siteFS, path.Join(Dir, name+".toml"), &diags)
	}
	if site != nil {
		checkKeys(site, known, &diags)
		if name != Reference && !slices.Contains(themeFiles, name) {
			checkComplete(site, ref.msgs, &diags)
		}
		layers = append(layers, site)
	}
	for _, l := range layers {
		for k, why := range l.msgs.problems {
			diags.Warnf(l.file, diag.Pos{Line: keyLine(l.src, k), Col: 1}, "message %q: %s", k, why)
		}
	}
	c := build(name, tag, layers)
	return c, diags
}

// appendThemeLayer appends the theme's catalogue of language name to layers
// when the theme has one of its own, not the default theme's file.
func appendThemeLayer(layers []*layer, base, theme fs.FS, name string, diags *diag.List) []*layer {
	file := path.Join(Dir, name+".toml")
	own, err := fs.ReadFile(theme, file)
	if err != nil {
		return layers
	}
	if def, err := fs.ReadFile(base, file); err == nil && string(def) == string(own) {
		return layers
	}
	if l := readLayer(theme, file, diags); l != nil {
		l.theme = true
		layers = append(layers, l)
	}
	return layers
}

// match picks the catalogue for lang: the nearest language among the
// catalogue files of the theme and the site.
func match(lang string, themeFiles, siteFiles []string) (language.Tag, string) {
	want, err := language.Parse(lang)
	if lang == "" || err != nil {
		return language.English, Reference
	}
	names := slices.Concat(themeFiles, siteFiles)
	slices.Sort(names)
	names = slices.Compact(names)
	// The reference first: it is what the matcher falls back to.
	names = slices.DeleteFunc(names, func(n string) bool { return n == Reference })
	names = append([]string{Reference}, names...)
	tags := make([]language.Tag, 0, len(names))
	var usable []string
	for _, n := range names {
		t, err := language.Parse(n)
		if err != nil {
			continue
		}
		tags = append(tags, t)
		usable = append(usable, n)
	}
	_, i, conf := language.NewMatcher(tags).Match(want)
	if conf == language.No {
		// No catalogue of the language: English words, so English plural
		// rules and numbers too, not "0 step" or "-0,5".
		return language.English, Reference
	}
	return want, usable[i]
}

// catalogueFiles lists the languages that fsys has a catalogue file for.
func catalogueFiles(fsys fs.FS) []string {
	if fsys == nil {
		return nil
	}
	entries, err := fs.ReadDir(fsys, Dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if n, ok := strings.CutSuffix(e.Name(), ".toml"); ok && !e.IsDir() {
			out = append(out, n)
		}
	}
	return out
}

// readLayer reads and parses the catalogue file name of fsys; nil when it
// cannot, with the reason in diags.
func readLayer(fsys fs.FS, name string, diags *diag.List) *layer {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			diags.Errorf(name, diag.Pos{}, "read the message catalogue: %v", err)
		}
		return nil
	}
	src := string(data)
	msgs, err := parseFile(src)
	if err != nil {
		pos := diag.Pos{}
		var pe toml.ParseError
		if errors.As(err, &pe) {
			pos = diag.Pos{Line: pe.Position.Line, Col: pe.Position.Col}
		}
		diags.Errorf(filepath.ToSlash(name), pos, "message catalogue is not valid TOML: %v", err)
		return nil
	}
	return &layer{file: filepath.ToSlash(name), src: src, msgs: msgs}
}

// checkKeys warns about the keys of l that the reference catalogue does not
// have: a typo, or a message of another version of cxatlas.
func checkKeys(l *layer, known []string, diags *diag.List) {
	for _, k := range l.msgs.keys() {
		if _, found := slices.BinarySearch(known, k); found {
			continue
		}
		d := diags.Warnf(l.file, diag.Pos{Line: keyLine(l.src, k), Col: 1}, "unknown message key %q", k)
		if near := diag.Closest(k, known); near != "" {
			d.Hint = fmt.Sprintf("did you mean %q?", near)
		} else {
			d.Hint = "see docs/i18n.md for the keys"
		}
	}
}

// checkComplete warns when a catalogue that adds a language lacks keys: the
// pages would show those messages in English.
func checkComplete(l *layer, ref *messages, diags *diag.List) {
	have := l.msgs.keys()
	var missing []string
	for _, k := range ref.keys() {
		if _, found := slices.BinarySearch(have, k); !found {
			missing = append(missing, k)
		}
	}
	if len(missing) == 0 {
		return
	}
	shown := missing
	if len(shown) > 5 {
		shown = shown[:5]
	}
	d := diags.Warnf(l.file, diag.Pos{Line: 1, Col: 1}, "the catalogue misses %d message keys (%s%s); pages show them in English",
		len(missing), strings.Join(shown, ", "), map[bool]string{true: ", …"}[len(missing) > 5])
	d.Hint = "copy the missing keys from themes/default/i18n/en.toml and translate them"
}
