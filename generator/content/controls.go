package content

import (
	"fmt"
	"strings"
	"unicode"
)

// checkControls reports every text value of the front matter under root
// that holds a control character other than tab and line breaks: a NUL or
// an escape sequence is never meant, and would go into every page, feed
// and search index the text is shown in.
func (d *decoder) checkControls(root *Node) {
	var walk func(key string, n *Node)
	walk = func(key string, n *Node) {
		switch n.Kind {
		case String:
			if i, r, ok := findControl(n.Str); ok {
				d.errorf(n.Pos, "%s holds the control character %U at character %d", key, r, i).Hint =
					"remove it (text may hold tabs and line breaks, but no other control characters)"
			}
		case List:
			for i, it := range n.Items {
				walk(fmt.Sprintf("%s[%d]", key, i+1), it)
			}
		case Table:
			for _, f := range n.Fields {
				walk(strings.TrimPrefix(key+"."+f.Key, "."), f.Value)
			}
		}
	}
	walk("", root)
}

// findControl returns the first control character of s other than tab,
// line feed and carriage return, and its place in s counted in characters
// from 1.
func findControl(s string) (int, rune, bool) {
	i := 0
	for _, r := range s {
		i++
		if unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r' {
			return i, r, true
		}
	}
	return 0, 0, false
}
