// Package i18n is the message catalogue of a portal: every word cxatlas
// itself puts in front of a reader (navigation, headings, lane labels,
// badges, chart titles, the words of the preview overlay) in the language
// of the portal, with that language's plural forms, dates and numbers.
//
// A catalogue is built once per build by Load from the theme's
// i18n/<lang>.toml files and the site's own i18n/<lang>.toml, and is
// read-only afterwards, so pages can be rendered with it in parallel.
package i18n

import (
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// Reference is the language whose catalogue is complete by definition: every
// key cxatlas uses is in the theme's en.toml, and other catalogues fall back
// to it for keys they miss.
const Reference = "en"

// forms counts the CLDR plural categories, indexed by plural.Form.
const forms = int(plural.Many) + 1

// Catalogue holds the messages of one language. The zero value is not
// usable; build one with Load or Parse.
type Catalogue struct {
	// lang is the name of the catalogue file, "ru"; tag the language its
	// plural rules and number formats come from.
	lang string
	tag  language.Tag
	// texts holds the plain messages, plurals those that change with a
	// count, by CLDR category, lists the lists (month names).
	texts   map[string]string
	plurals map[string][forms]string
	lists   map[string][]string
	num     numberFormat
	months  [12]string
	dateFmt string
}

// Lang returns the language of the catalogue, the name of its file: "en",
// "ru". Pages declare it in <html lang>, unless the portal names a more
// precise tag.
func (c *Catalogue) Lang() string { return c.lang }

// Has reports whether key is a message of c.
func (c *Catalogue) Has(key string) bool {
	if _, ok := c.texts[key]; ok {
		return true
	}
	if _, ok := c.plurals[key]; ok {
		return true
	}
	_, ok := c.lists[key]
	return ok
}

// T returns the message key. A key that does not exist comes out as the key
// itself, so that a missing message shows on the page instead of a blank.
func (c *Catalogue) T(key string) string {
	if s, ok := c.texts[key]; ok {
		return s
	}
	return key
}

// Format returns the message key with its placeholders filled in: args are
// pairs of a placeholder name and its value, so Format("map.caption",
// "persona", "Anna") fills {persona} with Anna.
func (c *Catalogue) Format(key string, args ...string) string {
	return Fill(c.T(key), args)
}

// Plural returns the form of the plural message key that the language uses
// for n, with {n} filled in: "1 step", "2 шага", "5 шагов". Further
// placeholders are filled from args as Format does.
func (c *Catalogue) Plural(key string, n int, args ...string) string {
	f, ok := c.plurals[key]
	if !ok {
		return key
	}
	s := f[c.form(n)]
	if s == "" {
		s = f[plural.Other]
	}
	return Fill(s, append([]string{"n", c.Int(n)}, args...))
}

// form is the CLDR plural category of the whole number n.
func (c *Catalogue) form(n int) plural.Form {
	if n < 0 {
		n = -n
	}
	return plural.Cardinal.MatchPlural(c.tag, n, 0, 0, 0, 0)
}

// List returns the list message key, or nil.
func (c *Catalogue) List(key string) []string { return c.lists[key] }

// Date writes t the way the language writes a day: "1 June 2026",
// "1 июня 2026".
func (c *Catalogue) Date(t time.Time) string {
	return Fill(c.dateFmt, []string{
		"day", strconv.Itoa(t.Day()), "month", c.months[t.Month()-1], "year", strconv.Itoa(t.Year()),
	})
}

// Fill replaces each {name} in s with the value that follows name in args,
// pairs of a name and a value; other braces are left as they are.
func Fill(s string, args []string) string {
	if len(args) == 0 || !strings.Contains(s, "{") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			break
		}
		name := s[i+1 : i+j]
		v, ok := lookup(args, name)
		b.WriteString(s[:i])
		if ok {
			b.WriteString(v)
		} else {
			b.WriteString(s[i : i+j+1])
		}
		s = s[i+j+1:]
	}
	b.WriteString(s)
	return b.String()
}

func lookup(args []string, name string) (string, bool) {
	for i := 0; i+1 < len(args); i += 2 {
		if args[i] == name {
			return args[i+1], true
		}
	}
	return "", false
}

// Keys returns every key of c, sorted.
func (c *Catalogue) Keys() []string {
	m := messages{texts: c.texts, plurals: c.plurals, lists: c.lists}
	return m.keys()
}

// Texts returns the text of every form of the message key: one for a plain
// message, each form of a plural, each item of a list.
func (c *Catalogue) Texts(key string) []string {
	if s, ok := c.texts[key]; ok {
		return []string{s}
	}
	if f, ok := c.plurals[key]; ok {
		var out []string
		for _, s := range f {
			if s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	return c.lists[key]
}

// PluralForms returns the forms of the plural message key by CLDR category
// name ("one", "few", "many", "other"), for scripts that choose the form
// themselves; nil when key is not a plural message.
func (c *Catalogue) PluralForms(key string) map[string]string {
	f, ok := c.plurals[key]
	if !ok {
		return nil
	}
	out := map[string]string{}
	for name, form := range categories {
		if f[form] != "" {
			out[name] = f[form]
		}
	}
	return out
}
