package render

import (
	"fmt"
	"os"
	"strings"

	"github.com/cxatlas/cxatlas/generator/site"
)

// The usual way to use the package: open the theme once, build a Renderer,
// then render every page the site has.
func ExampleRenderer_Render() {
	theme, err := OpenTheme(".", "default")
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := New(theme)
	if err != nil {
		fmt.Println(err)
		return
	}
	s, _ := site.Link(testConfig(), exampleSet(), buildTime)
	for _, p := range r.Pages(s) {
		if p.Type != PersonaPage {
			continue
		}
		var b strings.Builder
		if err := r.Render(&b, s, p); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return
		}
		fmt.Println(p.Path, strings.Contains(b.String(), `id="step-1"`))
	}
	// Output:
	// personas/parent/index.html true
	// personas/retiree/index.html true
	// personas/корпоративный/index.html true
}
