package render

import "strconv"

// Limits bound how much one page holds, so that no page grows with the
// portal: a long list continues on further pages, and a summary shows its
// first items and links to the rest ("and 40 more"). With the defaults and
// titles of ordinary length (under about 200 bytes) every page stays well
// under 1 MB, whatever the counts: a pain written in 10,000 steps, an owner
// of 5,000 touchpoints, a stage with 10,000 steps.
type Limits struct {
	// PainsPerPage is the most rows a page of the pain-point index holds;
	// longer indexes continue on pains/page/2/ and so on.
	PainsPerPage int
	// RowsPerPage is the most rows or chips each list of any other page
	// holds: the lists of personas and touchpoints, the steps, touchpoints
	// and pains of a stage or a touchpoint, the touchpoints and pains of
	// an owner, the mentions of a pain. Longer lists continue on
	// <page>/page/2/ and so on.
	RowsPerPage int
	// OwnersPerPage is the most owners a page of the owners page holds.
	OwnersPerPage int
	// GroupRowsPerPage is the most rows a page of the pain points by
	// touchpoint holds; see the constant of the same name.
	GroupRowsPerPage int
	// Summary is the most pains (or touchpoints) a summary lists before
	// linking to the full list: an owner on the owners page, a stage on
	// the pain points by stage, a touchpoint on the pain points by
	// touchpoint.
	Summary int
	// Inline is the most items a cell of the pain-point index lists
	// (mentions, stages, touchpoints, owners) before linking to the pain's
	// own page.
	Inline int
}

// DefaultLimits returns the limits a Renderer uses unless told otherwise.
func DefaultLimits() Limits {
	return Limits{PainsPerPage: PainsPerPage, RowsPerPage: 300, OwnersPerPage: 50, GroupRowsPerPage: GroupRowsPerPage, Summary: 10, Inline: 4}
}

// PageLimits has the Renderer bound its pages by lim instead of
// DefaultLimits; fields of lim below 1 keep their default. Tests use small
// limits to page a small portal.
func PageLimits(lim Limits) Option {
	return func(o *options) { o.limits = lim }
}

// orDefaults returns lim with every field below 1 set to its default.
func (lim Limits) orDefaults() Limits {
	def := DefaultLimits()
	for _, f := range []struct{ v, d *int }{
		{&lim.PainsPerPage, &def.PainsPerPage}, {&lim.RowsPerPage, &def.RowsPerPage},
		{&lim.OwnersPerPage, &def.OwnersPerPage}, {&lim.GroupRowsPerPage, &def.GroupRowsPerPage},
		{&lim.Summary, &def.Summary}, {&lim.Inline, &def.Inline},
	} {
		if *f.v < 1 {
			*f.v = *f.d
		}
	}
	return lim
}

// pageCount is the number of pages n items take at per a page: at least
// one, even with no items.
func pageCount(n, per int) int {
	return max(1, (n+per-1)/per)
}

// pageOf returns the items of page number (from 1) of items split into
// pages of per; nil past the end.
func pageOf[T any](items []T, number, per int) []T {
	lo := min((number-1)*per, len(items))
	return items[lo:min(lo+per, len(items))]
}

// pagedPath is the folder of page n of the pages that start at folder
// dir: dir itself for the first, dir + "page/<n>/" for the others.
func pagedPath(dir string, n int) string {
	if n <= 1 {
		return dir
	}
	return dir + "page/" + strconv.Itoa(n) + "/"
}

// pager is the navigation between the pages of a list split into pages.
type pager struct {
	// Number is the page shown and Pages the count, from 1.
	Number, Pages int
	// Prev and Next link to the pages before and after; empty at the ends.
	Prev, Next string
	// Links holds a link per page, numbered.
	Links []pageEntry
}

// newPager returns the pager of page n of pages, whose first page is the
// folder dir, as linked from the page.
func newPager(l links, dir string, n, pages int) pager {
	p := pager{Number: n, Pages: pages}
	if pages <= 1 {
		return p
	}
	if n > 1 {
		p.Prev = l.To(pagedPath(dir, n-1))
	}
	if n < pages {
		p.Next = l.To(pagedPath(dir, n+1))
	}
	p.Links = make([]pageEntry, pages)
	for i := range p.Links {
		p.Links[i] = pageEntry{URL: l.To(pagedPath(dir, i+1)), Label: strconv.Itoa(i + 1), Current: i+1 == n}
	}
	return p
}
