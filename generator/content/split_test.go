package content

import (
	"testing"
)

func TestSplitFrontMatter(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		format    Format
		front     string
		body      string
		bodyLine  int
		errLine   int
		errSubstr string
	}{
		{name: "toml", src: "+++\ntitle = \"a\"\n+++\nbody\n", format: TOML, front: "title = \"a\"\n", body: "body\n", bodyLine: 4},
		{name: "yaml", src: "---\ntitle: a\n---\nbody", format: YAML, front: "title: a\n", body: "body", bodyLine: 4},
		{name: "yaml dots", src: "---\ntitle: a\n...\nbody", format: YAML, front: "title: a\n", body: "body", bodyLine: 4},
		{name: "trailing spaces on delimiters", src: "+++  \nx = 1\n+++\t\n", format: TOML, front: "x = 1\n", body: "", bodyLine: 4},
		{name: "empty front matter", src: "+++\n+++\nbody", format: TOML, front: "", body: "body", bodyLine: 3},
		{name: "no body, no final newline", src: "+++\nx = 1\n+++", format: TOML, front: "x = 1\n", body: "", bodyLine: 4},
		{name: "delimiter inside body stays body", src: "+++\nx = 1\n+++\na\n+++\n", format: TOML, front: "x = 1\n", body: "a\n+++\n", bodyLine: 4},
		{name: "no front matter", src: "# Title\n", errLine: 1, errSubstr: "no front matter"},
		{name: "indented delimiter", src: " +++\nx = 1\n+++\n", errLine: 1, errSubstr: "no front matter"},
		{name: "never closed", src: "+++\nx = 1\n", errLine: 1, errSubstr: "never closed"},
		{name: "mixed delimiters", src: "+++\nx = 1\n---\n", errLine: 1, errSubstr: "never closed"},
		{name: "empty", src: "", errLine: 1, errSubstr: "no front matter"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sp, err := SplitFrontMatter([]byte(tt.src))
			if tt.errSubstr != "" {
				se, ok := err.(*SplitError)
				if !ok || se.Line != tt.errLine || !contains(se.Message, tt.errSubstr) {
					t.Fatalf("got %v, want error at line %d containing %q", err, tt.errLine, tt.errSubstr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if sp.Format != tt.format || string(sp.Front) != tt.front || string(sp.Body) != tt.body || sp.BodyLine != tt.bodyLine {
				t.Errorf("got %v %q %q line %d, want %v %q %q line %d", sp.Format, sp.Front, sp.Body, sp.BodyLine,
					tt.format, tt.front, tt.body, tt.bodyLine)
			}
		})
	}
}

func contains(s, sub string) bool {
	return len(sub) == 0 || len(s) >= len(sub) && (s == sub || indexOf(s, sub) >= 0)
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func FuzzSplitFrontMatter(f *testing.F) {
	for _, s := range []string{"+++\nx = 1\n+++\nbody", "---\na: b\n---\n", "+++", "---\n...\n", "\n+++\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		sp, err := SplitFrontMatter(src)
		if err != nil {
			return
		}
		if len(sp.Front)+len(sp.Body) > len(src) {
			t.Fatalf("parts longer than the input")
		}
		if sp.BodyLine < 3 {
			t.Fatalf("body starts on line %d", sp.BodyLine)
		}
	})
}
