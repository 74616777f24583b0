package i18n

import (
	"fmt"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/feature/plural"
)

// categories maps the CLDR plural category names a plural message may use
// to their forms.
var categories = map[string]plural.Form{
	"zero": plural.Zero, "one": plural.One, "two": plural.Two,
	"few": plural.Few, "many": plural.Many, "other": plural.Other,
}

// messages are the messages of one catalogue file, by key.
type messages struct {
	texts   map[string]string
	plurals map[string][forms]string
	lists   map[string][]string
	// problems are the entries that are not messages, by key.
	problems map[string]string
}

// keys returns every key of m, sorted.
func (m *messages) keys() []string {
	var out []string
	for k := range m.texts {
		out = append(out, k)
	}
	for k := range m.plurals {
		out = append(out, k)
	}
	for k := range m.lists {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// parseFile decodes a catalogue file: nested tables give dotted keys, a
// table of CLDR categories with at least "other" is a plural message.
func parseFile(src string) (*messages, error) {
	var raw map[string]any
	if _, err := toml.Decode(src, &raw); err != nil {
		return nil, err
	}
	m := &messages{
		texts: map[string]string{}, plurals: map[string][forms]string{},
		lists: map[string][]string{}, problems: map[string]string{},
	}
	m.add("", raw)
	return m, nil
}

func (m *messages) add(prefix string, table map[string]any) {
	if f, ok := pluralForms(table); ok && prefix != "" {
		m.plurals[prefix] = f
		return
	}
	for k, v := range table {
		key := k
		if prefix != "" {
			key = prefix + "." + k
		}
		switch v := v.(type) {
		case string:
			m.texts[key] = v
		case map[string]any:
			m.add(key, v)
		case []any:
			list, ok := stringList(v)
			if !ok {
				m.problems[key] = "a list of messages must hold only strings"
				continue
			}
			m.lists[key] = list
		default:
			m.problems[key] = fmt.Sprintf("a message must be a string in quotes, not %T", v)
		}
	}
}

// pluralForms returns the forms of table when it is a plural message: only
// CLDR category keys, all strings, "other" among them.
func pluralForms(table map[string]any) ([forms]string, bool) {
	var f [forms]string
	if _, ok := table["other"]; !ok {
		return f, false
	}
	for k, v := range table {
		form, ok := categories[k]
		s, isText := v.(string)
		if !ok || !isText {
			return f, false
		}
		f[form] = s
	}
	return f, true
}

func stringList(v []any) ([]string, bool) {
	out := make([]string, len(v))
	for i, x := range v {
		s, ok := x.(string)
		if !ok {
			return nil, false
		}
		out[i] = s
	}
	return out, true
}

// keyLine returns the line (from 1) where key is written in src: its
// "name =" line under the table that holds it, or the table's own header
// for a plural message; 0 when it is not found.
func keyLine(src, key string) int {
	table := ""
	for i, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(line, "["):
			table = unquote(strings.Trim(line, "[] "))
			if table == key {
				return i + 1
			}
		case strings.Contains(line, "=") && !strings.HasPrefix(line, "#"):
			name := unquote(strings.TrimSpace(line[:strings.IndexByte(line, '=')]))
			full := name
			if table != "" {
				full = table + "." + name
			}
			if full == key || strings.HasPrefix(key, full+".") {
				return i + 1
			}
		}
	}
	return 0
}

// unquote drops the quotes of a quoted key and the spaces around dots.
func unquote(s string) string {
	parts := strings.Split(s, ".")
	for i, p := range parts {
		parts[i] = strings.Trim(strings.TrimSpace(p), `"'`)
	}
	return strings.Join(parts, ".")
}
