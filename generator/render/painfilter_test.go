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
	Rows       int         `json:"rows"`
	Shard      int         `json:"shard"`
	Severity   [][]any     `json:"severity"`
	Stage      [][]any     `json:"stage"`
	Persona    sparseIndex `json:"persona"`
	Touchpoint sparseIndex `json:"touchpoint"`
	Owner      [][]any     `json:"owner"`
}

// sparseIndex is what index.json says of a sparse filter: how many
// options it has and the first id of each of its buckets.
type sparseIndex struct {
	Options int      `json:"options"`
	Buckets []string `json:"buckets"`
}

// bucketFile is a bucket of a sparse filter.
type bucketFile struct {
	Options [][]any `json:"options"`
	Rows    [][]any `json:"rows"`
}

// optionFile returns the file of option id of filter dim as pains.js
// finds it: for a sparse filter, the last bucket whose first id is not
// after id.
func (ix filterIndex) optionFile(dim, id string) string {
	sp, ok := map[string]sparseIndex{"persona": ix.Persona, "touchpoint": ix.Touchpoint}[dim]
	if !ok {
		return filterFacetPath(dim, id)
	}
	n := 1
	for i, first := range sp.Buckets {
		if compareUTF16(first, id) <= 0 {
			n = i + 1
		}
	}
	return filterBucketPath(dim, n)
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
	if n := map[string]int{"persona": ix.Persona.Options, "touchpoint": ix.Touchpoint.Options}[dim]; n != len(opts) {
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
			got := facetRows(t, files[ix.optionFile(dim, id)], id, s.Pains)
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

// facetRows reads the rows of option id from its file: a bucket, whose
// whole rows are checked against pains, or gaps.
func facetRows(t *testing.T, body, id string, pains []*site.Pain) []int {
	t.Helper()
	if !strings.HasPrefix(body, "{") {
		var gaps []float64
		if err := json.Unmarshal([]byte(body), &gaps); err != nil {
			t.Fatalf("facet %.80q: %v", body, err)
		}
		return ungap(gaps)
	}
	var k bucketFile
	if err := json.Unmarshal([]byte(body), &k); err != nil {
		t.Fatalf("bucket %.80q: %v", body, err)
	}
	whole := map[int]bool{}
	for _, r := range k.Rows {
		n := int(r[0].(float64))
		if r[1] != pains[n].Text {
			t.Errorf("row %d of a bucket is %v, want %s", n, r[1], pains[n].Text)
		}
		whole[n] = true
	}
	for _, o := range k.Options {
		if o[0] != id {
			continue
		}
		var gaps []float64
		for _, g := range o[2].([]any) {
			gaps = append(gaps, g.(float64))
		}
		rows := ungap(gaps)
		for _, r := range rows {
			if !whole[r] {
				t.Errorf("option %s: row %d is not whole in its bucket", id, r)
			}
		}
		return rows
	}
	t.Errorf("option %s is not in its bucket %.80q", id, body)
	return nil
}

// ungap turns [first row, gaps...] into rows.
func ungap(gaps []float64) []int {
	var rows []int
	r := 0
	for _, g := range gaps {
		r += int(g)
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

// TestBucketOptions checks how the options of a sparse filter are put into
// buckets: in the order of their ids, each row once per bucket, a new
// bucket when the rows would pass the limit, an option larger than the
// limit alone.
func TestBucketOptions(t *testing.T) {
	size := []int{40, 40, 40, 40, 1000}
	opt := func(id string, rows ...int) *filterOption { return &filterOption{id: id, title: id, rows: rows} }
	tests := []struct {
		name  string
		opts  []*filterOption
		limit int
		want  [][]string // ids of each bucket
		rows  [][]int    // rows of each bucket
	}{
		{"one bucket, rows shared once", []*filterOption{opt("b", 0, 1), opt("a", 1, 2)}, 1000,
			[][]string{{"a", "b"}}, [][]int{{0, 1, 2}}},
		{"split at the limit", []*filterOption{opt("c", 3), opt("a", 0), opt("b", 1, 2)}, 170,
			[][]string{{"a", "b"}, {"c"}}, [][]int{{0, 1, 2}, {3}}},
		{"shared rows cost nothing twice", []*filterOption{opt("a", 0, 1), opt("b", 0, 1), opt("c", 0, 1)}, 170,
			[][]string{{"a", "b", "c"}}, [][]int{{0, 1}}},
		{"an option over the limit alone", []*filterOption{opt("a", 0), opt("b", 4), opt("c", 1)}, 170,
			[][]string{{"a"}, {"b"}, {"c"}}, [][]int{{0}, {4}, {1}}},
		{"ids in UTF-16 order", []*filterOption{opt("\uffff", 0), opt("\U00010000", 1)}, 1000,
			[][]string{{"\U00010000", "\uffff"}}, [][]int{{0, 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := bucketOptions(tt.opts, size, tt.limit)
			var ids [][]string
			var rows [][]int
			for _, k := range got {
				var in []string
				for _, o := range k.options {
					in = append(in, o.id)
				}
				ids = append(ids, in)
				rows = append(rows, k.rows)
			}
			if fmt.Sprint(ids) != fmt.Sprint(tt.want) || fmt.Sprint(rows) != fmt.Sprint(tt.rows) {
				t.Errorf("buckets %q rows %v, want %q rows %v", ids, rows, tt.want, tt.rows)
			}
		})
	}
}

// TestPainFilterBucketFiles: a sparse filter writes one file per bucket,
// not one per option, and index.json names the first id of each.
func TestPainFilterBucketFiles(t *testing.T) {
	s := linkSet(t, testConfig(), manyPainsSet())
	files := renderAll(t, newRenderer(t), s)
	var ix filterIndex
	if err := json.Unmarshal([]byte(files["pains/filter/index.json"]), &ix); err != nil {
		t.Fatalf("index.json: %v", err)
	}
	for dim, sp := range map[string]sparseIndex{"persona": ix.Persona, "touchpoint": ix.Touchpoint} {
		n := 0
		for path := range files {
			if strings.HasPrefix(path, "pains/filter/"+dim+"/") {
				n++
			}
		}
		if n != len(sp.Buckets) || n == 0 || n >= sp.Options {
			t.Errorf("%s: %d files for %d buckets of %d options", dim, n, len(sp.Buckets), sp.Options)
		}
		for i, first := range sp.Buckets {
			var k bucketFile
			if err := json.Unmarshal([]byte(files[filterBucketPath(dim, i+1)]), &k); err != nil || len(k.Options) == 0 || k.Options[0][0] != first {
				t.Errorf("%s bucket %d does not start with %s: %v", dim, i+1, first, err)
			}
		}
	}
}
