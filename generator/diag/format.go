package diag

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Write prints l to w in the named format: "text" (file:line:col: severity:
// message), "github" (workflow annotations that show on a pull request) or
// "json" (an array of objects, for tools).
func Write(w io.Writer, format string, l List) error {
	switch format {
	case "text", "":
		for _, d := range l {
			if _, err := fmt.Fprintln(w, d.String()); err != nil {
				return err
			}
		}
		return nil
	case "github":
		for _, d := range l {
			if _, err := fmt.Fprintln(w, githubAnnotation(d)); err != nil {
				return err
			}
		}
		return nil
	case "json":
		type item struct {
			File     string `json:"file"`
			Line     int    `json:"line,omitempty"`
			Col      int    `json:"col,omitempty"`
			Severity string `json:"severity"`
			Message  string `json:"message"`
			Hint     string `json:"hint,omitempty"`
		}
		items := make([]item, 0, len(l))
		for _, d := range l {
			items = append(items, item{d.File, d.Pos.Line, d.Pos.Col, d.Severity.String(), d.Message, d.Hint})
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(items)
	}
	return fmt.Errorf("unknown format %q (want text, github or json)", format)
}

// githubAnnotation formats d as a workflow command, escaping the characters
// that the command syntax reserves.
func githubAnnotation(d Diagnostic) string {
	props := "file=" + escapeProperty(d.File)
	if d.Pos.Line > 0 {
		props += fmt.Sprintf(",line=%d", d.Pos.Line)
		if d.Pos.Col > 0 {
			props += fmt.Sprintf(",col=%d", d.Pos.Col)
		}
	}
	return "::" + d.Severity.String() + " " + props + "::" + escapeData(d.Text())
}

func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
