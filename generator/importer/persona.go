package importer

import (
	"fmt"
	"strings"
	"time"

	"github.com/cxatlas/cxatlas/generator/internal/tomltext"
)

// personaFile writes the persona's content file: TOML front matter with
// one [[steps]] table per step, fields in the order the content model
// lists them.
func personaFile(title string, today time.Time, j Journey, stages []string, touch [][]string) string {
	var b strings.Builder
	b.WriteString("+++\n")
	fmt.Fprintf(&b, "title = %s\n", quote(title))
	fmt.Fprintf(&b, "reviewed = %s\n", today.Format("2006-01-02"))
	for i, st := range j.Steps {
		b.WriteString("\n[[steps]]\n")
		fmt.Fprintf(&b, "stage = %s\n", quote(stages[i]))
		if len(touch[i]) > 0 {
			fmt.Fprintf(&b, "touchpoints = %s\n", quoteList(touch[i]))
		}
		for _, kv := range [][2]string{{"action", st.Action}, {"thought", st.Thought}, {"feeling", st.Feeling}} {
			if kv[1] != "" {
				fmt.Fprintf(&b, "%s = %s\n", kv[0], quote(kv[1]))
			}
		}
		if st.HasEmotion {
			fmt.Fprintf(&b, "emotion = %d\n", st.Emotion)
		}
		if len(st.Pains) > 0 {
			b.WriteString("pains = [\n")
			for _, p := range st.Pains {
				if p.Severity == "" {
					fmt.Fprintf(&b, "  %s,\n", quote(p.Text))
				} else {
					fmt.Fprintf(&b, "  { text = %s, severity = %s },\n", quote(p.Text), quote(p.Severity))
				}
			}
			b.WriteString("]\n")
		}
		if len(st.Opportunities) > 0 {
			b.WriteString("opportunities = [\n")
			for _, o := range st.Opportunities {
				if o.Impact == "" {
					fmt.Fprintf(&b, "  %s,\n", quote(o.Text))
				} else {
					fmt.Fprintf(&b, "  { text = %s, impact = %s },\n", quote(o.Text), quote(o.Impact))
				}
			}
			b.WriteString("]\n")
		}
		if len(st.Evidence) > 0 {
			fmt.Fprintf(&b, "evidence = %s\n", quoteList(st.Evidence))
		}
		if st.Duration != "" {
			fmt.Fprintf(&b, "duration = %s\n", quote(st.Duration))
		}
	}
	b.WriteString("+++\n")
	return b.String()
}

// quote writes s as a TOML basic string.
func quote(s string) string { return tomltext.Quoted(s) }

func quoteList(l []string) string {
	q := make([]string, len(l))
	for i, s := range l {
		q[i] = quote(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}
