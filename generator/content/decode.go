package content

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/cxatlas/cxatlas/generator/diag"
)

// decoder reads typed values out of front-matter nodes, reporting every
// problem with its position instead of stopping at the first.
type decoder struct {
	file  string
	diags *diag.List
	// format is the language of the front matter, for hints in its syntax.
	format Format
}

func (d *decoder) errorf(pos diag.Pos, format string, args ...any) *diag.Diagnostic {
	return d.diags.Errorf(d.file, pos, format, args...)
}

func (d *decoder) warnf(pos diag.Pos, format string, args ...any) *diag.Diagnostic {
	return d.diags.Warnf(d.file, pos, format, args...)
}

func (d *decoder) wrongType(key string, n *Node, want string) {
	d.errorf(n.Pos, "%s must be %s, not %s", key, want, describe(n))
}

func describe(n *Node) string {
	switch n.Kind {
	case String:
		return fmt.Sprintf("the text %q", clip(n.Str, 40))
	case Int:
		return fmt.Sprintf("the number %d", n.Int)
	case Table:
		return "a table"
	}
	return n.Kind.String()
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// str reads text. Numbers, booleans and dates are accepted and written out,
// since writers do not think of "2 hours" and 2 as different types.
func (d *decoder) str(key string, n *Node) string {
	switch n.Kind {
	case String:
		return n.Str
	case Int:
		return fmt.Sprint(n.Int)
	case Float:
		return fmt.Sprint(n.Float)
	case Bool:
		return fmt.Sprint(n.Bool)
	case Date:
		return formatDate(n)
	case Null:
		return ""
	}
	d.wrongType(key, n, "text")
	return ""
}

// formatDate writes a date value the way it was written: a date, a local
// or offset date-time, or a time of day.
func formatDate(n *Node) string {
	switch {
	case n.Clock == TimeOnly:
		return n.Time.Format("15:04:05")
	case n.Clock == DateOnly:
		return n.Time.Format("2006-01-02")
	case isLocal(n.Time):
		return n.Time.Format("2006-01-02T15:04:05")
	}
	return n.Time.Format(time.RFC3339)
}

// isLocal reports whether t was written without an offset.
func isLocal(t time.Time) bool {
	return t.Location() == localDateTime || t.Location().String() == "datetime-local"
}

// localDateTime is the zone of a date and time written without an offset:
// BurntSushi/toml names its own zone so, and YAML and text dates get this
// one, so that they are written out without an offset never typed.
var localDateTime = time.FixedZone("datetime-local", 0)

// parseDateTime reads a date and time, with an offset (RFC 3339) or
// without one, with "T" or a space between day and time.
func parseDateTime(s string) (time.Time, bool) {
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, true
	}
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02 15:04:05"} {
		if t, err := time.ParseInLocation(layout, s, localDateTime); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// text reads a string field that must be text (not a list or a table).
func (d *decoder) text(key string, n *Node) string { return strings.TrimSpace(d.str(key, n)) }

// strList reads a list of texts. A single text is accepted as a list of one
// only with a warning, because it is most often a missing pair of brackets.
func (d *decoder) strList(key string, n *Node) []string {
	switch n.Kind {
	case Null:
		return nil
	case List:
		out := make([]string, 0, len(n.Items))
		for i, it := range n.Items {
			if it.Kind == List || it.Kind == Table {
				d.wrongType(fmt.Sprintf("%s item %d", key, i+1), it, "text")
				continue
			}
			if s := strings.TrimSpace(d.str(key, it)); s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	d.errorf(n.Pos, "%s must be a list, not %s", key, describe(n)).Hint = listHint(d.format, key, n)
	return nil
}

// integer reads a whole number.
func (d *decoder) integer(key string, n *Node) (int, bool) {
	switch n.Kind {
	case Int:
		if n.Int > math.MaxInt32 || n.Int < math.MinInt32 {
			d.errorf(n.Pos, "%s is out of range: %d", key, n.Int)
			return 0, false
		}
		return int(n.Int), true
	case Float:
		if n.Float == math.Trunc(n.Float) && math.Abs(n.Float) < math.MaxInt32 {
			return int(n.Float), true
		}
	}
	d.wrongType(key, n, "a whole number")
	return 0, false
}

func (d *decoder) boolean(key string, n *Node) (bool, bool) {
	if n.Kind == Bool {
		return n.Bool, true
	}
	d.wrongType(key, n, "true or false")
	return false, false
}

// date reads a date written as a TOML/YAML date or as "YYYY-MM-DD" text.
func (d *decoder) date(key string, n *Node) (time.Time, bool) {
	switch n.Kind {
	case Date:
		if n.Clock == DateOnly {
			return n.Time, true
		}
		d.notADay(key, n)
		return time.Time{}, false
	case String:
		s := strings.TrimSpace(n.Str)
		if t, err := time.Parse("2006-01-02", s); err == nil {
			return t, true
		}
		if t, ok := parseDateTime(s); ok {
			d.notADay(key, &Node{Kind: Date, Pos: n.Pos, Time: t, Clock: DateTime})
			return time.Time{}, false
		}
	}
	e := d.errorf(n.Pos, "%s must be a date such as 2025-03-31, not %s", key, describe(n))
	if n.Kind == String && isDateSlip(strings.TrimSpace(n.Str)) {
		e.Hint = "write " + dateHint(strings.TrimSpace(n.Str))
	}
	return time.Time{}, false
}

// notADay reports a date-time or a time of day where a day is expected,
// with the day to write instead when there is one.
func (d *decoder) notADay(key string, n *Node) {
	if n.Clock == TimeOnly {
		d.errorf(n.Pos, "%s must be a date such as 2025-03-31, not the time of day %s", key, formatDate(n)).Hint =
			"write a day, such as " + d.assignment(key, "2025-03-31")
		return
	}
	d.errorf(n.Pos, "%s must be a date such as 2025-03-31, not the date and time %s", key, formatDate(n)).Hint =
		"leave out the time: " + d.assignment(key, n.Time.Format("2006-01-02"))
}

// assignment writes key and value as the front matter does: key = value
// in TOML, key: value in YAML.
func (d *decoder) assignment(key, value string) string {
	if d.format == YAML {
		return key + ": " + value
	}
	return key + " = " + value
}

// unknown warns about a key the format does not define, naming the closest
// known key, and, for keys that belong one level up, where to move them.
func (d *decoder) unknown(f *Field, where string, known []string) {
	w := d.warnf(f.KeyPos, "unknown key %q%s is ignored", f.Key, where)
	if c := diag.Closest(f.Key, known); c != "" {
		w.Hint = fmt.Sprintf("did you mean %q?", c)
	}
}

// table requires n to be a table.
func (d *decoder) table(key string, n *Node) bool {
	if n.Kind == Table {
		return true
	}
	d.wrongType(key, n, "a table")
	return false
}
