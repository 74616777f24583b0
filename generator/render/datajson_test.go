package render

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestDataJSONMatchesEncoding checks that the hand-written encoder of
// data.json writes what encoding/json writes for the same values.
func TestDataJSONMatchesEncoding(t *testing.T) {
	mean, neg, tiny, lo, hi, emo := 2.125, -0.5, 1e-7, -2, 3, 0
	full := jsonStat{N: 3, Mean: &mean, Min: &lo, Max: &hi}
	tests := []struct {
		name string
		v    interface{ append([]byte) []byte }
	}{
		{"empty persona", &jsonPersona{}},
		{"empty persona lists", &jsonPersona{Stages: []jsonRollup{}, Steps: []jsonStep{}}},
		{"persona", &jsonPersona{
			ID: "p", Title: `A "quoted" <b>&</b>`, URL: "personas/p/", Source: "content/p.md", Summary: "tab\there\nnew line",
			Quote: "bell \a \b \f \r \x7f \u2028 \u2029 \xff end", Priority: 2, Reviewed: "2024-01-02", Stale: true,
			Goals: []string{"g"}, Needs: []string{}, Frustrations: []string{"x", "y"}, Channels: []string{"web"},
			Profile: []jsonField{{"age", "30–40"}}, Emotion: full,
			Stages:   []jsonRollup{{Stage: "s", Emotion: jsonStat{N: 1, Mean: &neg, Min: &lo, Max: &lo}, Pains: 2}, {Stage: "t"}},
			Steps:    []jsonStep{{}, {Stage: "s", Touchpoints: []string{"a", "b"}, Action: "act", Thought: "th", Feeling: "f", Emotion: &emo, Assumed: true, Critical: true, CriticalReason: "why", Pains: []jsonMention{{Pain: "k", Severity: "high", Text: "t", ID: "i"}, {Pain: "k2", Severity: "low"}}, Opportunities: []jsonOpportunity{{"o", "high"}}, Evidence: []jsonEvidence{{Text: "e"}, {Text: "e", URL: "https://x/?a=1&b=2"}}, Duration: "1d", Artifacts: []string{"doc"}, Line: 12}},
			Critical: []int{2},
		}},
		{"tiny mean", &jsonStage{Emotion: jsonStat{N: 1, Mean: &tiny}}},
		{"stage", &jsonStage{ID: "s", Title: "S", URL: "u", Source: "src", Order: -1, Goal: "g", Questions: []string{"q"}, KPIs: []string{"k"}, Touchpoints: []string{}, Emotion: full}},
		{"touchpoint", &jsonTouchpoint{ID: "t", Title: "T", URL: "u", Source: "src", Channel: "c", Mode: "m", Managed: true, Owner: "o", DeclaredStages: []string{"s"}, Stages: []string{"s", "t"}, KPIs: []string{"k"}, Emotion: full}},
		{"empty touchpoint", &jsonTouchpoint{}},
		{"pain", &jsonPain{Key: "k", ID: "i", Text: "<t>", Severity: "high", URL: "u", Personas: []string{"p"}, Steps: [][]int{{1, 2}, {3}}, Stages: []string{"s"}, Touchpoints: []string{"t"}, Owners: []string{"o"}}},
		{"empty pain", &jsonPain{}},
		{"owner", &jsonOwner{Name: "n", Touchpoints: []string{"t"}}},
		{"empty owner", &jsonOwner{}},
		{"scale", jsonScale{Min: -3, Max: 3}},
		{"stat", full},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want, err := json.Marshal(tt.v)
			if err != nil {
				t.Fatal(err)
			}
			if got := tt.v.append(nil); string(got) != string(want) {
				t.Errorf("got  %s\nwant %s", got, want)
			}
		})
	}
}

// TestDataReuseCopiesOnlyWhatItWrote writes data.json with KeepData on,
// then again with every record to be copied from the first file: the
// copies must give the same bytes, and a record whose bytes in the file
// changed since must be encoded again rather than copied.
func TestDataReuseCopiesOnlyWhatItWrote(t *testing.T) {
	r := newRenderer(t)
	r.KeepData()
	s := linkSet(t, testConfig(), generatedSet(6, 8, 5))
	p := Page{Path: "data.json", Type: DataFile, All: true}
	var first bytes.Buffer
	if err := r.Render(&first, s, p); err != nil {
		t.Fatal(err)
	}
	all := func(string) bool { return true }
	r.ReuseData(s, all, bytes.NewReader(first.Bytes()))
	var copied bytes.Buffer
	if err := r.Render(&copied, s, p); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(copied.Bytes(), first.Bytes()) {
		t.Fatal("data.json from copied records differs")
	}
	// Spoil the first persona's record in the file it is copied from.
	spoiled := bytes.Clone(copied.Bytes())
	i := bytes.Index(spoiled, []byte(`"title":"`+s.Personas[0].Title))
	if i < 0 {
		t.Fatal("no persona title in data.json")
	}
	spoiled[i+len(`"title":"`)] ^= 0x20
	r.ReuseData(s, all, bytes.NewReader(spoiled))
	var again bytes.Buffer
	if err := r.Render(&again, s, p); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.Bytes(), first.Bytes()) {
		t.Error("a record whose bytes changed in the file was copied")
	}
}
