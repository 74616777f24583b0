package search

import (
	"encoding/json"
	"slices"
	"testing"
)

// TestRecordsRoundTrip writes records with shared and awkward texts and
// reads them back as the browser does: every field comes back as it was,
// shared strings are written once, and the file is valid JSON.
func TestRecordsRoundTrip(t *testing.T) {
	docs := []Doc{
		{Kind: KindPain, Title: `quote " back\slash`, Context: []string{"Persona +2", "Stage"}, Severity: "high", URL: "pains/page/2/#pain-1"},
		{Kind: KindPain, Title: "tab\tnew\nline \x01 < & >", Context: []string{"Persona +2", "Stage"}, Severity: "high", URL: "pains/page/2/#pain-2"},
		{Kind: KindPain, Title: "line\u2028para\u2029 bad \xff utf-8", Context: []string{"Other", "Stage"}, URL: "pains/page/3/#pain-3"},
		{Kind: KindPain, Title: "no context", URL: "pains/"},
	}
	tests := []struct {
		name  string
		docs  []Doc
		first int
	}{
		{"all", docs, 0},
		{"one", docs[3:], 3},
		{"none shared", docs[2:3], 2},
	}
	m := Manifest{Kinds: [][3]any{{KindPain, 0, 4}}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := packChunk(tt.docs)
			if !json.Valid(data) {
				t.Fatalf("not JSON: %s", data)
			}
			got, err := Records(m, tt.first, data)
			if err != nil {
				t.Fatal(err)
			}
			want := make([]Doc, len(tt.docs))
			for i, d := range tt.docs {
				want[i] = Doc{Kind: d.Kind, Title: d.Title, Snippet: d.Snippet, Context: d.Context, Severity: d.Severity, URL: d.URL}
				if want[i].Title == "line\u2028para\u2029 bad \xff utf-8" {
					want[i].Title = "line\u2028para\u2029 bad \ufffd utf-8"
				}
			}
			if !slices.EqualFunc(got, want, func(a, b Doc) bool {
				return a.Kind == b.Kind && a.Title == b.Title && a.Snippet == b.Snippet && slices.Equal(a.Context, b.Context) && a.Severity == b.Severity && a.URL == b.URL
			}) {
				t.Errorf("read back\n%+v\nwant\n%+v\nfrom %s", got, want, data)
			}
		})
	}
	var c chunk
	if err := json.Unmarshal(packChunk(docs), &c); err != nil {
		t.Fatal(err)
	}
	if want := []string{"pains/page/2/", "Persona +2", "Stage", "high"}; !slices.Equal(c.Strings, want) {
		t.Errorf("table %q, want %q", c.Strings, want)
	}
}
