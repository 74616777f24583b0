package render

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"strings"
	"testing"
)

func TestDataJSON(t *testing.T) {
	r := newRenderer(t)
	s := linkSet(t, testConfig(), exampleSet())
	var got struct {
		Version  int `json:"version"`
		Personas []struct {
			ID    string `json:"id"`
			URL   string `json:"url"`
			Steps []struct {
				Emotion *int `json:"emotion"`
				Pains   []struct {
					Pain string `json:"pain"`
				} `json:"pains"`
			} `json:"steps"`
		} `json:"personas"`
		Pains []struct {
			Key      string   `json:"key"`
			Text     string   `json:"text"`
			Personas []string `json:"personas"`
			Steps    [][]int  `json:"steps"`
		} `json:"pains"`
		Owners []struct {
			Name        string   `json:"name"`
			Touchpoints []string `json:"touchpoints"`
		} `json:"owners"`
	}
	if err := json.Unmarshal(renderPath(t, r, s, "data.json"), &got); err != nil {
		t.Fatal(err)
	}
	if got.Version != 2 || len(got.Personas) != 3 || len(got.Pains) != len(s.Pains) || len(got.Owners) != len(s.Owners) {
		t.Fatalf("data.json: version %d, %d personas, %d pains, %d owners", got.Version, len(got.Personas), len(got.Pains), len(got.Owners))
	}
	if p := got.Personas[2]; p.ID != "корпоративный" || p.URL != "personas/%D0%BA%D0%BE%D1%80%D0%BF%D0%BE%D1%80%D0%B0%D1%82%D0%B8%D0%B2%D0%BD%D1%8B%D0%B9/" {
		t.Errorf("Cyrillic persona: id %q, url %q", p.ID, p.URL)
	}
	if st := got.Personas[0].Steps[4]; st.Emotion != nil || st.Pains[0].Pain == "" {
		t.Errorf("step 5 of parent: emotion %v (want none), pain key %q", st.Emotion, st.Pains[0].Pain)
	}
	for _, p := range got.Pains {
		if p.Key == "" || len(p.Steps) == 0 || len(p.Steps) != len(p.Personas) {
			t.Errorf("pain %+v lacks its key or the steps it is written in", p)
		}
	}
	// "Long hold times" is written in step 5 of parent and step 1 of retiree.
	found := false
	for _, p := range got.Pains {
		if p.Text == "Long hold times" {
			found = true
			if fmt.Sprint(p.Personas, p.Steps) != "[parent retiree] [[5] [1]]" {
				t.Errorf("long hold times: personas %v, steps %v", p.Personas, p.Steps)
			}
		}
	}
	if !found {
		t.Error("no pain long hold times")
	}
}

func TestSitemap(t *testing.T) {
	r := newRenderer(t)
	for _, base := range []string{"https://cx.example.com/portal/", ""} {
		cfg := testConfig()
		cfg.BaseURL = base
		s := linkSet(t, cfg, exampleSet())
		out := renderPath(t, r, s, "sitemap.xml")
		var set struct {
			URLs []struct {
				Loc string `xml:"loc"`
			} `xml:"url"`
		}
		if err := xml.Unmarshal(out, &set); err != nil {
			t.Fatal(err)
		}
		htmlPages := 0
		for _, p := range r.Pages(s) {
			if strings.HasSuffix(p.Path, "index.html") {
				htmlPages++
			}
		}
		if len(set.URLs) != htmlPages {
			t.Errorf("base %q: %d URLs, want %d", base, len(set.URLs), htmlPages)
		}
		want := base + "personas/%D0%BA%D0%BE%D1%80%D0%BF%D0%BE%D1%80%D0%B0%D1%82%D0%B8%D0%B2%D0%BD%D1%8B%D0%B9/"
		if !strings.Contains(string(out), "<loc>"+want+"</loc>") {
			t.Errorf("base %q: sitemap lacks %s", base, want)
		}
		if strings.Contains(string(out), "404") {
			t.Errorf("base %q: the 404 page is in the sitemap", base)
		}
	}
}
