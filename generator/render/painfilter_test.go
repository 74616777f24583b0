package render

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/cxatlas/cxatlas/generator/site"
)

// filterIndex is index.json of the pain filters as pains.js reads it.
type filterIndex struct {
	Rows       int     `json:"rows"`
	Shard      int     `json:"shard"`
	Severity   [][]any `json:"severity"`
	Stage      [][]any `json:"stage"`
	Persona    int     `json:"persona"`
	Touchpoint int     `json:"touchpoint"`
	Owner      [][]any `json:"owner"`
}

// options returns the options of filter dim: from index.json, or from
// the filter's own file.
func (ix filterIndex) options(t *testing.T, files map[string]string, dim string) [][]any {
	if opts, ok := map[string][][]any{"severity": ix.Severity, "stage": ix.Stage, "owner": ix.Owner}[dim]; ok {
		return opts
	}
	var opts [][]any
	if err := json.Unmarshal([]byte(files["pains/filter/"+dim+".json"]), &opts); err != nil {
		t.Fatalf("%s.json: %v", dim, err)
	}
	if n := map[string]int{"persona": ix.Persona, "touchpoint": ix.Touchpoint}[dim]; n != len(opts) {
		t.Errorf("index.json counts %d %s options, %s.json has %d", n, dim, dim, len(opts))
	}
	return opts
}

// painHas says which option ids of each filter pain p has.
func painHas(s *site.Site, p *site.Pain, dim string) []string {
	var ids []string
	switch dim {
	case "severity":
		ids = []string{p.Severity.String()}
	case "stage":
		for _, st := range p.Stages {
			ids = append(ids, st.ID)
		}
	case "persona":
		for _, pe := range p.Personas {
			ids = append(ids, pe.ID)
		}
	case "touchpoint":
		for _, t := range p.Touchpoints {
			ids = append(ids, t.ID)
		}
	case "owner":
		for _, o := range s.Owners {
			if slices.Contains(p.Owners, o.Name) {
				ids = append(ids, o.Key)
			}
		}
	}
	return ids
}

// TestPainFilterFiles checks the filter files of a portal whose index
// takes several pages against the model: each option lists exactly the
// rows of the pains that have it, across all pages, and the shards hold
// every row in index order.
func TestPainFilterFiles(t *testing.T) {
	s := linkSet(t, testConfig(), manyPainsSet())
	if len(s.Pains) <= PainsPerPage {
		t.Fatalf("fixture has only %d pains", len(s.Pains))
	}
	files := renderAll(t, newRenderer(t), s)
	var ix filterIndex
	if err := json.Unmarshal([]byte(files["pains/filter/index.json"]), &ix); err != nil {
		t.Fatalf("index.json: %v", err)
	}
	if ix.Rows != len(s.Pains) || ix.Shard != FilterRowsPerShard {
		t.Errorf("index.json: rows %d shard %d, want %d and %d", ix.Rows, ix.Shard, len(s.Pains), FilterRowsPerShard)
	}
	for _, dim := range filterDims {
		opts := ix.options(t, files, dim)
		if len(opts) == 0 {
			t.Errorf("no options for %s", dim)
		}
		for n, o := range opts {
			id := o[0].(string)
			var want []int
			for i, p := range s.Pains {
				if slices.Contains(painHas(s, p, dim), id) {
					want = append(want, i)
				}
			}
			got := facetRows(t, files[filterFacetPath(dim, id)], s.Pains)
			if !slices.Equal(got, want) {
				t.Errorf("%s %s: rows %v, want %v", dim, id, got, want)
			}
			if int(o[2].(float64)) != len(want) {
				t.Errorf("%s %s: count %v, want %d", dim, id, o[2], len(want))
			}
			_ = n
		}
	}
	var rows [][]any
	for n := 1; ; n++ {
		body, ok := files["pains/filter/rows/"+strconv.Itoa(n)+".json"]
		if !ok {
			break
		}
		var shard [][]any
		if err := json.Unmarshal([]byte(body), &shard); err != nil {
			t.Fatalf("shard %d: %v", n, err)
		}
		rows = append(rows, shard...)
	}
	if len(rows) != len(s.Pains) {
		t.Fatalf("shards hold %d rows, want %d", len(rows), len(s.Pains))
	}
	for i, p := range s.Pains {
		r := rows[i]
		page := painPagePath(i/PainsPerPage + 1)
		if r[0] != p.Text || r[1] != p.Severity.String() || r[2] != page+"#"+p.Key || int(r[3].(float64)) != len(p.Personas) {
			t.Errorf("row %d = %v, want pain %s on %s", i, r[:4], p.Key, page)
		}
		stages := r[4].([]any)
		if len(stages) != len(p.Stages) || (len(stages) > 0 && ix.Stage[int(stages[0].(float64))][0] != p.Stages[0].ID) {
			t.Errorf("row %d: stages %v, want %d starting with %s", i, stages, len(p.Stages), p.Stages[0].ID)
		}
		owners := r[6].([]any)
		if int(r[5].(float64)) != len(p.Touchpoints) || int(r[7].(float64)) != len(p.Owners) || len(owners) != min(len(p.Owners), filterListCap) {
			t.Errorf("row %d: touchpoints %v, owners %v of %v; want %d and %d", i, r[5], owners, r[7], len(p.Touchpoints), len(p.Owners))
		}
	}
	// Each row of the pages carries its place in the whole index.
	second := files[painPagePath(2)+"index.html"]
	first := fmt.Sprintf(`<tr id="%s" data-row="%d">`, s.Pains[PainsPerPage].Key, PainsPerPage)
	if !strings.Contains(second, first) {
		t.Errorf("page 2 lacks %s", first)
	}
}

// facetRows reads the rows of an option's file: whole rows, checked
// against pains, or gaps.
func facetRows(t *testing.T, body string, pains []*site.Pain) []int {
	t.Helper()
	if strings.HasPrefix(body, "{") {
		var whole struct {
			Title string
			Rows  [][]any
		}
		if err := json.Unmarshal([]byte(body), &whole); err != nil || whole.Title == "" {
			t.Fatalf("facet %.80q: %v", body, err)
		}
		var rows []int
		for _, r := range whole.Rows {
			n := int(r[0].(float64))
			if r[1] != pains[n].Text {
				t.Errorf("row %d of a facet is %v, want %s", n, r[1], pains[n].Text)
			}
			rows = append(rows, n)
		}
		return rows
	}
	var gaps []int
	if err := json.Unmarshal([]byte(body), &gaps); err != nil {
		t.Fatalf("facet %.80q: %v", body, err)
	}
	var rows []int
	r := 0
	for _, g := range gaps {
		r += g
		rows = append(rows, r)
	}
	return rows
}

// TestPainFilterFilesDependOnAll: the filter files are redone on any
// change, and two renders of one portal write the same bytes.
func TestPainFilterFilesDependOnAll(t *testing.T) {
	s := linkSet(t, testConfig(), exampleSet())
	r := newRenderer(t)
	n := 0
	for _, p := range r.Pages(s) {
		if strings.HasPrefix(p.Path, "pains/filter/") {
			n++
			if !p.All {
				t.Errorf("%s does not depend on the whole portal", p.Path)
			}
		}
	}
	if n < 3 {
		t.Fatalf("only %d filter files", n)
	}
	a, b := renderAll(t, r, s), renderAll(t, newRenderer(t), linkSet(t, testConfig(), exampleSet()))
	for path, body := range a {
		if strings.HasPrefix(path, "pains/filter/") && b[path] != body {
			t.Errorf("%s differs between two renders", path)
		}
	}
}

// TestPainFilterGolden keeps the options of the example's filters and the
// words of its form readable in a diff.
func TestPainFilterGolden(t *testing.T) {
	s := linkSet(t, testConfig(), exampleSet())
	r := newRenderer(t)
	checkGolden(t, "pain-filter-index.json", renderPath(t, r, s, "pains/filter/index.json"))
	checkGolden(t, "pain-filter-rows-1.json", renderPath(t, r, s, "pains/filter/rows/1.json"))
}
