package diag

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestClosest(t *testing.T) {
	known := []string{"search-ads", "store", "call-centre", "summary", "severity"}
	tests := []struct{ word, want string }{
		{"serch-ads", "search-ads"},
		{"stroe", "store"}, // swapped letters
		{"call-center", "call-centre"},
		{"sumary", "summary"},
		{"billboard", ""}, // nothing near
		{"x", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Closest(tt.word, known); got != tt.want {
			t.Errorf("Closest(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

func TestWrite(t *testing.T) {
	l := List{
		{File: "content/a,b.md", Pos: Pos{Line: 3, Col: 7}, Severity: Error, Message: "unknown stage \"x\"\\nsecond 100%", Hint: "did you mean \"y\"?"},
		{File: "config.toml", Severity: Warning, Message: "unknown setting"},
	}
	tests := []struct{ format, want string }{
		{"text", "content/a,b.md:3:7: error: unknown stage \"x\"\\nsecond 100%; did you mean \"y\"?\nconfig.toml: warning: unknown setting\n"},
		{"github", "::error file=content/a%2Cb.md,line=3,col=7::unknown stage \"x\"\\nsecond 100%25; did you mean \"y\"?\n::warning file=config.toml::unknown setting\n"},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		if err := Write(&b, tt.format, l); err != nil {
			t.Fatal(err)
		}
		if b.String() != tt.want {
			t.Errorf("%s:\n%q\nwant\n%q", tt.format, b.String(), tt.want)
		}
	}
	var b bytes.Buffer
	if err := Write(&b, "json", l); err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(b.Bytes(), &got); err != nil || len(got) != 2 || got[0]["line"] != 3.0 || got[1]["severity"] != "warning" {
		t.Errorf("json: %v %s", err, b.String())
	}
	if err := Write(&b, "xml", l); err == nil {
		t.Error("unknown format accepted")
	}
}

func TestSortDropsRepeats(t *testing.T) {
	var l List
	l.Warnf("b.md", Pos{Line: 1}, "w")
	l.Errorf("a.md", Pos{Line: 9}, "e")
	l.Errorf("a.md", Pos{Line: 2}, "e")
	l.Errorf("a.md", Pos{Line: 2}, "e")
	l = l.Sort()
	if len(l) != 3 || l[0].Pos.Line != 2 || l[2].File != "b.md" {
		t.Errorf("%v", l)
	}
	if e, w := l.Count(); e != 2 || w != 1 || l.Err() == nil {
		t.Errorf("count %d %d", e, w)
	}
}
