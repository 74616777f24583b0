package render

import (
	"html"
	"html/template"
	"io"
	"slices"
	"strconv"

	"github.com/cxatlas/cxatlas/generator/site"
)

// The filters of the pain-point index read small JSON files under
// pains/filter/, so that a filter over every row of a large portal
// transfers only what it shows:
//
//   - index.json names the options of each filter (severity, stage,
//     persona, touchpoint, owner) with the number of pains each has;
//   - <filter>/<id>.json lists the rows of the pains of option id, as the
//     first row's number and then the gaps between rows, counting rows
//     from 0 in index order; persona and touchpoint, with thousands of
//     options, have instead <filter>/<n>.json, buckets of several options
//     each with their rows whole (see painbucket.go);
//   - rows/<n>.json holds rows FilterRowsPerShard*(n-1) onwards, each the
//     few fields a filtered table shows.
//
// Every file depends on the whole portal.

// FilterRowsPerShard is the number of pain rows in each rows/<n>.json of
// the filters of the pain-point index.
const FilterRowsPerShard = 100

// filterListCap is the most owners a row of the filter files names; a row
// with more says how many there are.
const filterListCap = 8

// filterDims are the filters of the pain-point index, in the order of the
// form and the URL.
var filterDims = [...]string{"severity", "stage", "persona", "touchpoint", "owner"}

// painFilter holds the options of each filter of a site's pain-point
// index and, for each pain, which options it has.
type painFilter struct {
	dims [len(filterDims)][]*filterOption
	// buckets are the files of the sparse filters.
	buckets [len(filterDims)][]filterBucket
	// stages and owners give the option index of each, for the rows of
	// the shards.
	stages map[*site.Stage]int
	owners map[string]int
}

// filterOption is one choice of a filter: its id in the URL, its title
// and the rows of its pains.
type filterOption struct {
	id, title string
	rows      []int
}

// filter returns the filters of d's site, worked out once per site.
func (r *Renderer) filter(d *derived) *painFilter {
	d.filterOnce.Do(func() {
		f := newPainFilter(d.site, r.words)
		f.bucket(d.site, d)
		d.filter = f
	})
	return d.filter
}

// newPainFilter works out the options of the filters of s's pain index,
// naming severities and owners with w.
func newPainFilter(s *site.Site, w *words) *painFilter {
	sevTitle := func(sev site.Severity) string { return html.UnescapeString(w.cat.T("severity." + sev.String())) }
	f := &painFilter{stages: map[*site.Stage]int{}, owners: map[string]int{}}
	sevs := map[site.Severity]*filterOption{}
	for _, sev := range append(site.Severities(), site.Unrated) {
		sevs[sev] = &filterOption{id: sev.String(), title: sevTitle(sev)}
	}
	stages := optionsOf(s.Stages, func(st *site.Stage) *filterOption {
		return &filterOption{id: st.ID, title: st.Title}
	})
	personas := optionsOf(s.Personas, func(p *site.Persona) *filterOption {
		return &filterOption{id: p.ID, title: p.Title}
	})
	tps := optionsOf(s.Touchpoints, func(t *site.Touchpoint) *filterOption {
		return &filterOption{id: t.ID, title: t.Title}
	})
	owners := map[string]*filterOption{}
	for _, o := range s.Owners {
		owners[o.Name] = &filterOption{id: o.Key, title: w.owner(o.Name)}
	}
	for i, p := range s.Pains {
		sevs[p.Severity].rows = append(sevs[p.Severity].rows, i)
		addRow(stages, p.Stages, i)
		addRow(personas, p.Personas, i)
		addRow(tps, p.Touchpoints, i)
		addRow(owners, p.Owners, i)
	}
	for _, sev := range append(site.Severities(), site.Unrated) {
		f.dims[0] = appendUsed(f.dims[0], sevs[sev])
	}
	for _, st := range s.Stages {
		f.stages[st] = len(f.dims[1])
		f.dims[1] = appendUsed(f.dims[1], stages[st])
	}
	for _, p := range s.Personas {
		f.dims[2] = appendUsed(f.dims[2], personas[p])
	}
	for _, t := range s.Touchpoints {
		f.dims[3] = appendUsed(f.dims[3], tps[t])
	}
	for _, o := range s.Owners {
		f.owners[o.Name] = len(f.dims[4])
		f.dims[4] = appendUsed(f.dims[4], owners[o.Name])
	}
	return f
}

// optionsOf makes an option of each of items.
func optionsOf[K comparable](items []K, option func(K) *filterOption) map[K]*filterOption {
	m := make(map[K]*filterOption, len(items))
	for _, it := range items {
		m[it] = option(it)
	}
	return m
}

// addRow adds row to the options of keys.
func addRow[K comparable](options map[K]*filterOption, keys []K, row int) {
	for _, k := range keys {
		if o := options[k]; o != nil {
			o.rows = append(o.rows, row)
		}
	}
}

// appendUsed appends o to opts when some pain has it: a filter offers no
// option that would leave the table empty.
func appendUsed(opts []*filterOption, o *filterOption) []*filterOption {
	if o == nil || len(o.rows) == 0 {
		return opts
	}
	return append(opts, o)
}

// filterPages lists the files of the filters of the pain-point index.
func filterPages(f *painFilter, pains int) []Page {
	pages := []Page{{Path: "pains/filter/index.json", Type: PainFilterIndex, All: true}}
	for i, dim := range filterDims {
		if sparseDim(i) {
			pages = append(pages, Page{Path: "pains/filter/" + dim + ".json", Type: PainFilterOptions, ID: dim, All: true})
		}
		if sparseDim(i) {
			for n := range f.buckets[i] {
				pages = append(pages, Page{Path: filterBucketPath(dim, n+1), Type: PainFilterFacet, ID: dim, Number: n + 1, All: true})
			}
			continue
		}
		for n, o := range f.dims[i] {
			pages = append(pages, Page{Path: filterFacetPath(dim, o.id), Type: PainFilterFacet, ID: dim, Number: n + 1, All: true})
		}
	}
	for n := 1; n <= (pains+FilterRowsPerShard-1)/FilterRowsPerShard; n++ {
		pages = append(pages, Page{Path: "pains/filter/rows/" + strconv.Itoa(n) + ".json", Type: PainFilterRows, Number: n, All: true})
	}
	return pages
}

// sparseDim says whether filter i is one with many options of few rows
// each, persona and touchpoint: their options are in a file of their own,
// fetched only when the reader opens the filter, and their rows are in
// buckets of several options each, holding the rows whole, so a choice
// costs one file.
func sparseDim(i int) bool { return filterDims[i] == "persona" || filterDims[i] == "touchpoint" }

// filterFacetPath is the file of the rows of the option with id of filter
// dim. Ids are letters, digits, "-" and "_", safe in a file name.
func filterFacetPath(dim, id string) string {
	return "pains/filter/" + dim + "/" + id + ".json"
}

// filterBucketPath is the file of bucket n (from 1) of the sparse filter
// dim.
func filterBucketPath(dim string, n int) string {
	return "pains/filter/" + dim + "/" + strconv.Itoa(n) + ".json"
}

// filterOptionAt returns option n (from 1) of filter dim, or nil.
func (f *painFilter) filterOptionAt(dim string, n int) (*filterOption, int) {
	for i, name := range filterDims {
		if name == dim && n >= 1 && n <= len(f.dims[i]) {
			return f.dims[i][n-1], i
		}
	}
	return nil, -1
}

// appendOptions appends the options of filter i as [[id, title, pains],
// ...].
func appendOptions(b []byte, f *painFilter, i int) []byte {
	b = append(b, '[')
	for j, o := range f.dims[i] {
		if j > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = appendJSONString(b, o.id)
		b = append(b, ',')
		b = appendJSONString(b, o.title)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(len(o.rows)), 10)
		b = append(b, ']')
	}
	return append(b, ']')
}

// writeFilterIndex writes index.json: the number of rows, the rows per
// shard, and the options of each filter as [id, title, pains], or, for a
// sparse filter, {"options": how many, "buckets": [the first id of each
// bucket]}.
func writeFilterIndex(w io.Writer, f *painFilter, pains int) error {
	b := []byte(`{"rows":`)
	b = strconv.AppendInt(b, int64(pains), 10)
	b = append(b, `,"shard":`...)
	b = strconv.AppendInt(b, FilterRowsPerShard, 10)
	for i, dim := range filterDims {
		b = append(b, `,"`+dim+`":`...)
		if sparseDim(i) {
			b = append(b, `{"options":`...)
			b = strconv.AppendInt(b, int64(len(f.dims[i])), 10)
			b = append(b, `,"buckets":`...)
			b = append(appendBucketFirsts(b, f, i), '}')
			continue
		}
		b = appendOptions(b, f, i)
	}
	b = append(b, "}\n"...)
	_, err := w.Write(b)
	return err
}

// writeFilterOptions writes the options of the sparse filter dim.
func writeFilterOptions(w io.Writer, f *painFilter, dim string) error {
	for i, name := range filterDims {
		if name == dim {
			_, err := w.Write(append(appendOptions(nil, f, i), '\n'))
			return err
		}
	}
	return nil
}

// writeFilterFacet writes file n of filter dim: for a sparse filter its
// bucket n, as writeFilterBucket writes it, for the others the rows of
// option n as the first row, then the gap to each next one.
func writeFilterFacet(w io.Writer, s *site.Site, d *derived, f *painFilter, dim string, n int) error {
	for i, name := range filterDims {
		if name == dim && sparseDim(i) {
			_, err := w.Write(writeFilterBucket(nil, s, d, f, i, n))
			return err
		}
	}
	o, _ := f.filterOptionAt(dim, n)
	if o == nil {
		return nil
	}
	b := appendGaps(make([]byte, 0, 4*len(o.rows)+4), o.rows)
	_, err := w.Write(append(b, '\n'))
	return err
}

// writeFilterRows writes shard n of the rows, each as appendFilterRow
// writes it.
func writeFilterRows(w io.Writer, s *site.Site, d *derived, f *painFilter, n int) error {
	first := min(max(n-1, 0)*FilterRowsPerShard, len(s.Pains))
	pains := s.Pains[first:min(first+FilterRowsPerShard, len(s.Pains))]
	b := append(make([]byte, 0, 300*len(pains)), '[')
	for i, p := range pains {
		if i > 0 {
			b = append(b, ",\n"...)
		}
		b = append(b, '[')
		b = appendFilterRow(b, p, d, f)
	}
	b = append(b, "]\n"...)
	_, err := w.Write(b)
	return err
}

// appendFilterRow appends the fields of p's row after its opening bracket,
// and closes it: [text, severity, link of its row in the index, personas,
// [stages], touchpoints, [owners], owners, 1 if it has a page of its own
// else 0]. Stages and owners are
// positions in the options of index.json, at most filterListCap owners;
// personas and touchpoints are counts, the row's own page lists them.
func appendFilterRow(b []byte, p *site.Pain, d *derived, f *painFilter) []byte {
	b = appendJSONString(b, p.Text)
	b = append(b, ',')
	b = appendJSONString(b, p.Severity.String())
	b = append(b, ',')
	b = appendJSONString(b, d.painRef(p))
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(len(p.Personas)), 10)
	b = append(b, ",["...)
	for i, st := range p.Stages {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(f.stages[st]), 10)
	}
	b = append(b, "],"...)
	b = strconv.AppendInt(b, int64(len(p.Touchpoints)), 10)
	b = append(b, ",["...)
	for i, o := range p.Owners[:min(len(p.Owners), filterListCap)] {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(f.owners[o]), 10)
	}
	b = append(b, "],"...)
	b = strconv.AppendInt(b, int64(len(p.Owners)), 10)
	if d.painPaged(p) {
		b = append(b, ",1"...)
	} else {
		b = append(b, ",0"...)
	}
	return append(b, ']')
}

// filterPlurals names the plural messages pains.js writes in the rows it
// builds, by the data-* attribute that carries their forms.
var filterPlurals = [...][2]string{
	{"shown", "filter.shown"},
	{"personas", "count.personas"},
	{"touchpoints", "count.touchpoints"},
	{"more-stages", "more.stages"},
	{"more-owners", "more.owners"},
}

// filterWords returns the data-* attributes of the filter form of a page
// of the pain-point index with links l: where the filter files are, the
// way back to the publish folder, how many items a cell lists, and the
// words of pains.js, with the forms of each plural message of
// filterPlurals by CLDR category.
func filterWords(l links, w *words) template.HTMLAttr {
	cat := w.cat
	var b []byte
	attr := func(name, value string) {
		b = append(b, " data-"+name+`="`...)
		b = append(b, html.EscapeString(value)...)
		b = append(b, '"')
	}
	attr("src", l.To("pains/filter/"))
	attr("root", l.Root())
	attr("lang", cat.Lang())
	attr("inline", strconv.Itoa(l.d.lim.Inline))
	for _, key := range []string{"more", "loading", "failed"} {
		attr(key, html.UnescapeString(cat.T("filter."+key)))
	}
	for _, p := range filterPlurals {
		forms := cat.PluralForms(p[1])
		names := make([]string, 0, len(forms))
		for name := range forms {
			names = append(names, name)
		}
		slices.Sort(names)
		for _, name := range names {
			attr(p[0]+"-"+name, html.UnescapeString(forms[name]))
		}
	}
	return template.HTMLAttr(b)
}
