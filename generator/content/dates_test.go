package content

import (
	"strings"
	"testing"

	"github.com/cxatlas/cxatlas/generator/config"
)

// TestDates reads dates on each way front matter is decoded: the fast TOML
// path, the slow one (h = 0x1 is hexadecimal, which only BurntSushi/toml
// reads) and YAML. A date where a text is expected is written out as it
// was typed, without a zone that was never there, and a date and time, or
// a time, where a day is expected is named, with a hint in the syntax of
// the front matter.
func TestDates(t *testing.T) {
	toml := func(front string) string { return "+++\ntitle = \"P\"\n" + front + "\n+++\nBody.\n" }
	slow := func(front string) string { return toml("h = 0x1\n" + front) }
	yaml := func(front string) string { return "---\ntitle: P\n" + front + "\n---\nBody.\n" }
	tests := []struct {
		name, src string
		summary   string // the summary, a date written out as text
		message   string // the message about reviewed, "" for none
		hint      string
	}{
		{"fast day", toml("summary = 2026-10-01\nreviewed = 2026-10-01"), "2026-10-01", "", ""},
		{"fast day as text", toml("summary = \"x\"\nreviewed = \"2026-10-01\""), "x", "", ""},
		{"fast date and time as text", toml("summary = \"x\"\nreviewed = \"2026-10-01T10:00:00\""), "x",
			"not the date and time 2026-10-01T10:00:00", "leave out the time: reviewed = 2026-10-01"},
		{"slow day", slow("summary = 2026-10-01\nreviewed = 2026-10-01"), "2026-10-01", "", ""},
		{"slow local date and time", slow("summary = 2026-10-01T10:00:00\nreviewed = 2026-10-01T10:00:00"), "2026-10-01T10:00:00",
			"not the date and time 2026-10-01T10:00:00", "leave out the time: reviewed = 2026-10-01"},
		{"slow offset date and time", slow("summary = 2026-10-01T10:00:00+02:00\nreviewed = 2026-10-01T10:00:00Z"), "2026-10-01T10:00:00+02:00",
			"not the date and time 2026-10-01T10:00:00Z", "leave out the time: reviewed = 2026-10-01"},
		{"slow time of day", slow("summary = 10:30:00\nreviewed = 10:30:00"), "10:30:00",
			"not the time of day 10:30:00", "write a day, such as reviewed = 2025-03-31"},
		{"yaml day", yaml("summary: 2026-10-01\nreviewed: 2026-10-01"), "2026-10-01", "", ""},
		{"yaml local date and time", yaml("summary: 2026-10-01T10:00:00\nreviewed: 2026-10-01T10:00:00"), "2026-10-01T10:00:00",
			"not the date and time 2026-10-01T10:00:00", "leave out the time: reviewed: 2026-10-01"},
		{"yaml local date and time with a space", yaml("summary: 2026-10-01 10:00:00\nreviewed: 2026-10-01 10:00:00"), "2026-10-01T10:00:00",
			"not the date and time 2026-10-01T10:00:00", "leave out the time: reviewed: 2026-10-01"},
		{"yaml offset date and time", yaml("summary: 2026-10-01T10:00:00+02:00\nreviewed: 2026-10-01T10:00:00Z"), "2026-10-01T10:00:00+02:00",
			"not the date and time 2026-10-01T10:00:00Z", "leave out the time: reviewed: 2026-10-01"},
	}
	cfg := config.Default()
	m := NewMarkdown(false)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := parseDoc("content/personas/p.md", SectionPersonas, []byte(tt.src), cfg, m, new(scratch))
			doc, ok := out.doc.(*PersonaDoc)
			if !ok {
				t.Fatalf("no persona: %v", out.diags)
			}
			if doc.Summary != tt.summary {
				t.Errorf("summary %q, want %q", doc.Summary, tt.summary)
			}
			var message, hint string
			for _, d := range out.diags {
				if strings.HasPrefix(d.Message, "reviewed must be") {
					message, hint = d.Message, d.Hint
				}
			}
			want := ""
			if tt.message != "" {
				want = "reviewed must be a date such as 2025-03-31, " + tt.message
			}
			if message != want || hint != tt.hint {
				t.Errorf("got %q (hint %q), want %q (hint %q)", message, hint, want, tt.hint)
			}
		})
	}
}
