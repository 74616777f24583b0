package content

import (
	"strconv"
	"strings"
	"unicode"
)

// checkControls reports every text value and key of the front matter
// under root that holds a control character other than tab and line
// breaks: a NUL or an escape sequence is never meant, and would go into
// every page, feed and search index the text is shown in (the keys of a
// profile are shown as labels).
func (d *decoder) checkControls(root *Node) {
	// The key path is kept as a stack of steps and only spelled out for a
	// value that is reported, so checking costs no allocation.
	path := make([]pathStep, 0, 8)
	var walk func(n *Node)
	walk = func(n *Node) {
		switch n.Kind {
		case String:
			if i, r, ok := findControl(n.Str); ok {
				d.errorf(n.Pos, "%s holds the control character %U at character %d", keyPath(path), r, i).Hint =
					"remove it (text may hold tabs and line breaks, but no other control characters)"
			}
		case List:
			for i, it := range n.Items {
				path = append(path, pathStep{index: i + 1})
				walk(it)
				path = path[:len(path)-1]
			}
		case Table:
			for _, f := range n.Fields {
				d.checkKeyControls(f, path)
				path = append(path, pathStep{key: f.Key})
				walk(f.Value)
				path = path[:len(path)-1]
			}
		}
	}
	walk(root)
}

// checkKeyControls reports a control character in the key of f, a field
// of the table at path.
func (d *decoder) checkKeyControls(f *Field, path []pathStep) {
	i, r, ok := findControl(f.Key)
	if !ok {
		return
	}
	where := ""
	if len(path) > 0 {
		where = " in " + keyPath(path)
	}
	d.errorf(f.KeyPos, "key %s%s holds the control character %U at character %d", strconv.Quote(f.Key), where, r, i).Hint =
		"remove it (a key may hold no control characters)"
}

// pathStep is a key of a table or, when key is "", a place in a list
// counted from 1.
type pathStep struct {
	key   string
	index int
}

// keyPath spells out a path as the writer would look for it:
// "steps[2].pains[1]".
func keyPath(path []pathStep) string {
	var b strings.Builder
	for _, s := range path {
		if s.key == "" {
			b.WriteString("[" + strconv.Itoa(s.index) + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s.key)
	}
	return b.String()
}

// findControl returns the first control character of s other than tab,
// line feed and carriage return, and its place in s counted in characters
// from 1.
func findControl(s string) (int, rune, bool) {
	if !mayHoldControl(s) {
		return 0, 0, false
	}
	i := 0
	for _, r := range s {
		i++
		if r < ' ' && r != '\t' && r != '\n' && r != '\r' || r >= 0x7f && unicode.IsControl(r) {
			return i, r, true
		}
	}
	return 0, 0, false
}

// mayHoldControl reports whether s has a byte that can start a control
// character: one below a space other than tab and line ends, DEL, or 0xC2,
// the lead byte of the C1 controls U+0080-U+009F. Most texts have none, so
// findControl rarely has to decode runes.
func mayHoldControl(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < ' ' && c != '\t' && c != '\n' && c != '\r', c == 0x7f, c == 0xc2:
			return true
		}
	}
	return false
}
