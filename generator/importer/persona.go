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
		writeRated(&b, "pains", "severity", st.Pains, func(p Pain) (string, string) { return p.Text, p.Severity })
		writeRated(&b, "opportunities", "impact", st.Opportunities, func(o Opportunity) (string, string) { return o.Text, o.Impact })
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

// writeRated writes the TOML array key of items, each a plain string or,
// when it has a rating, a table with the rating under ratingKey.
func writeRated[T any](b *strings.Builder, key, ratingKey string, items []T, parts func(T) (text, rating string)) {
	if len(items) == 0 {
		return
	}
	b.WriteString(key + " = [\n")
	for _, it := range items {
		text, rating := parts(it)
		if rating == "" {
			fmt.Fprintf(b, "  %s,\n", quote(text))
		} else {
			fmt.Fprintf(b, "  { text = %s, %s = %s },\n", quote(text), ratingKey, quote(rating))
		}
	}
	b.WriteString("]\n")
}
