package content

import (
	"strings"
	"testing"
)

// TestTaskCheckBoxIsNamed checks that every check box of a task list is
// named by its item's text, so a screen reader says what is done or to do.
func TestTaskCheckBoxIsNamed(t *testing.T) {
	tests := []struct {
		name string
		body string
		want string
	}{
		{"done", "- [x] Call the bank\n", `<input type="checkbox" disabled checked aria-label="Call the bank"> Call the bank`},
		{"to do", "- [ ] Позвонить в банк\n", `<input type="checkbox" disabled aria-label="Позвонить в банк"> Позвонить в банк`},
		{"inline markup", "- [ ] Read **the** [terms](https://example.com/t)\n", `aria-label="Read the terms"`},
		{"escaped", "- [ ] Ask \"why\" & <wait>\n", `aria-label="Ask &quot;why&quot; &amp; &lt;wait&gt;"`},
		{"two lines", "- [x] First\n  second\n", `aria-label="First second"`},
	}
	md := NewMarkdown(false)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			html, _, _, err := md.Convert([]byte(tt.body), "", 1)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(html), tt.want) {
				t.Errorf("task list\n%s\nlacks %s", html, tt.want)
			}
		})
	}
}
