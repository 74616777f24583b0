package content

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// taskCheckBoxRenderer writes the check box of a task-list item ("- [x]
// done") with the item's text as its accessible name: a bare disabled
// check box tells a screen reader "checked" but not what was done.
type taskCheckBoxRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (taskCheckBoxRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(east.KindTaskCheckBox, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		_, _ = w.WriteString(`<input type="checkbox" disabled`)
		if n.(*east.TaskCheckBox).IsChecked {
			_, _ = w.WriteString(` checked`)
		}
		if name := taskText(n, src); name != "" {
			_, _ = w.WriteString(` aria-label="`)
			_, _ = w.Write(util.EscapeHTML([]byte(name)))
			_, _ = w.WriteString(`"`)
		}
		_, _ = w.WriteString("> ")
		return ast.WalkContinue, nil
	})
}

// taskText is the plain text that follows the check box in its item, with
// runs of white space made one space.
func taskText(box ast.Node, src []byte) string {
	var b strings.Builder
	for n := box.NextSibling(); n != nil; n = n.NextSibling() {
		_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			switch t := c.(type) {
			case *ast.Text:
				b.Write(t.Value(src))
				if t.SoftLineBreak() || t.HardLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.String:
				b.Write(t.Value)
			case *ast.RawHTML:
				// Raw HTML is shown as text (see rawHTMLRenderer).
				for i := 0; i < t.Segments.Len(); i++ {
					seg := t.Segments.At(i)
					b.Write(seg.Value(src))
				}
			}
			return ast.WalkContinue, nil
		})
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
