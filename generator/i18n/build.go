package i18n

import (
	"io/fs"

	"github.com/cxatlas/cxatlas/themes"
	"golang.org/x/text/language"
)

// Keys the catalogue itself reads, for dates and numbers.
const (
	keyMonths     = "date.months"
	keyDateFormat = "date.format"
	keyMinus      = "number.minus"
)

// build merges layers, later ones winning key by key, into the catalogue of
// language name with the plural rules and number format of tag.
func build(name string, tag language.Tag, layers []*layer) *Catalogue {
	c := &Catalogue{
		lang: name, tag: tag,
		texts: map[string]string{}, plurals: map[string][forms]string{}, lists: map[string][]string{},
	}
	for _, l := range layers {
		for k, v := range l.msgs.texts {
			c.texts[k] = v
		}
		for k, v := range l.msgs.plurals {
			c.plurals[k] = v
		}
		for k, v := range l.msgs.lists {
			c.lists[k] = v
		}
	}
	c.num = numberFormatOf(tag, c.texts[keyMinus])
	c.dateFmt = c.texts[keyDateFormat]
	if c.dateFmt == "" {
		c.dateFmt = "{day} {month} {year}"
	}
	months := c.lists[keyMonths]
	for i := range c.months {
		if i < len(months) {
			c.months[i] = months[i]
		}
	}
	return c
}

// Parse builds a catalogue of language lang from the text of one catalogue
// file, for tests and tools that hold a catalogue in memory.
func Parse(lang, src string) (*Catalogue, error) {
	msgs, err := parseFile(src)
	if err != nil {
		return nil, err
	}
	tag, err := language.Parse(lang)
	if err != nil {
		return nil, err
	}
	return build(lang, tag, []*layer{{file: lang + ".toml", src: src, msgs: msgs}}), nil
}

// Builtin returns the default theme's catalogue file for lang alone, with
// no English underneath: what its translators wrote, so that a key the file
// lacks is missing rather than filled in. Tests use it to keep the built-in
// catalogues complete.
func Builtin(lang string) (*Catalogue, error) {
	src, err := fs.ReadFile(themes.Default, "default/"+Dir+"/"+lang+".toml")
	if err != nil {
		return nil, err
	}
	return Parse(lang, string(src))
}

// Default returns the catalogue of the default theme nearest to lang,
// without a site's own messages: for tools and tests that render without a
// site folder.
func Default(lang string) *Catalogue {
	theme, err := fs.Sub(themes.Default, "default")
	if err != nil {
		panic(err) // the embedded theme always has the folder
	}
	c, _ := Load(theme, "", lang)
	return c
}
