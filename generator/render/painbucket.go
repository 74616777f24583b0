package render

import (
	"slices"
	"strconv"
	"unicode/utf16"

	"github.com/cxatlas/cxatlas/generator/site"
)

// FilterBucketBytes is about the most bytes of rows one file of the
// persona or touchpoint filter holds: the options of those filters are
// put, in the order of their ids, into files of several options each,
// every row of a file written once. An option whose rows alone exceed it
// has a file of its own.
const FilterBucketBytes = 200_000

// filterBucket is one file of a sparse filter: the options it answers and
// the rows they have, each once and in index order.
type filterBucket struct {
	options []*filterOption
	rows    []int
}

// bucket puts the options of each sparse filter of f into files, sized by
// the bytes of the rows of d's site as a shard writes them.
func (f *painFilter) bucket(s *site.Site, d *derived) {
	size := make([]int, len(s.Pains))
	var b []byte
	for i, p := range s.Pains {
		b = appendFilterRow(append(b[:0], '[', ','), p, d, f)
		size[i] = len(b) + len(strconv.Itoa(i))
	}
	for i := range filterDims {
		if sparseDim(i) {
			f.buckets[i] = bucketOptions(f.dims[i], size, FilterBucketBytes)
		}
	}
}

// bucketOptions puts opts, in the order of their ids as a browser compares
// them, into buckets of at most limit bytes of rows each (size gives the
// bytes of each row), counting each row once per bucket. The order lets
// pains.js find an option's bucket from the first id of each.
func bucketOptions(opts []*filterOption, size []int, limit int) []filterBucket {
	sorted := slices.Clone(opts)
	slices.SortFunc(sorted, func(a, b *filterOption) int { return compareUTF16(a.id, b.id) })
	var buckets []filterBucket
	var cur filterBucket
	in := map[int]bool{}
	used := 0
	for _, o := range sorted {
		add := optionBytes(o, size, in)
		if len(cur.options) > 0 && used+add > limit {
			buckets = append(buckets, cur.done())
			cur, in, used = filterBucket{}, map[int]bool{}, 0
			add = optionBytes(o, size, in)
		}
		cur.options = append(cur.options, o)
		for _, r := range o.rows {
			if !in[r] {
				in[r] = true
				cur.rows = append(cur.rows, r)
			}
		}
		used += add
	}
	if len(cur.options) > 0 {
		buckets = append(buckets, cur.done())
	}
	return buckets
}

// done sorts the rows of b into index order.
func (b filterBucket) done() filterBucket {
	slices.Sort(b.rows)
	return b
}

// optionBytes is about the bytes o adds to a bucket that has the rows in:
// its id, title and row numbers, and its rows not yet there.
func optionBytes(o *filterOption, size []int, in map[int]bool) int {
	n := len(o.id) + len(o.title) + 10
	for _, r := range o.rows {
		n += 6
		if !in[r] {
			n += size[r]
		}
	}
	return n
}

// compareUTF16 compares a and b as JavaScript compares strings, by UTF-16
// code units, which for ids beyond the Basic Multilingual Plane differs
// from Go's order of bytes.
func compareUTF16(a, b string) int {
	return slices.Compare(utf16.Encode([]rune(a)), utf16.Encode([]rune(b)))
}

// appendBucketFirsts appends the first id of each bucket of filter i.
func appendBucketFirsts(b []byte, f *painFilter, i int) []byte {
	b = append(b, '[')
	for n, k := range f.buckets[i] {
		if n > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, k.options[0].id)
	}
	return append(b, ']')
}

// writeFilterBucket writes bucket n (from 1) of the sparse filter i:
// {"options": [[id, title, [first row, gaps...]], ...], "rows": [[row,
// ...the row as in a shard], ...]}.
func writeFilterBucket(b []byte, s *site.Site, d *derived, f *painFilter, i, n int) []byte {
	if n < 1 || n > len(f.buckets[i]) {
		return append(b, "{}\n"...)
	}
	k := f.buckets[i][n-1]
	b = append(b, `{"options":[`...)
	for j, o := range k.options {
		if j > 0 {
			b = append(b, ",\n"...)
		}
		b = append(b, '[')
		b = appendJSONString(b, o.id)
		b = append(b, ',')
		b = appendJSONString(b, o.title)
		b = append(b, ',')
		b = appendGaps(b, o.rows)
		b = append(b, ']')
	}
	b = append(b, "],\n\"rows\":["...)
	for j, r := range k.rows {
		if j > 0 {
			b = append(b, ",\n"...)
		}
		b = append(b, '[')
		b = strconv.AppendInt(b, int64(r), 10)
		b = append(b, ',')
		b = appendFilterRow(b, s.Pains[r], d, f)
	}
	return append(b, "]}\n"...)
}

// appendGaps appends rows as [first row, then the gap to each next one].
func appendGaps(b []byte, rows []int) []byte {
	b = append(b, '[')
	last := 0
	for j, r := range rows {
		if j > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(r-last), 10)
		last = r
	}
	return append(b, ']')
}
