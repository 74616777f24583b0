package render

import (
	"encoding/json"
	"html"
)

// searchKinds are the kinds of search result, in the order of
// search.Kinds, with the keys of their words: the label of a result, the
// heading of its group, the count of the group. (render does not import
// the index builder: the words are all it needs.)
var searchKinds = [...]struct{ kind, label, group, count string }{
	{"persona", "search.kind.persona", "search.group.persona", "count.found_persona"},
	{"stage", "search.kind.stage", "search.group.stage", "count.found_stage"},
	{"touchpoint", "search.kind.touchpoint", "search.group.touchpoint", "count.found_touchpoint"},
	{"owner", "search.kind.owner", "search.group.owner", "count.found_owner"},
	{"pain", "search.kind.pain", "search.group.pain", "count.found_pain"},
	{"step", "search.kind.step", "search.group.step", "count.found_step"},
	{"opportunity", "search.kind.opportunity", "search.group.opportunity", "count.found_opportunity"},
	{"evidence", "search.kind.evidence", "search.group.evidence", "count.found_evidence"},
}

// searchBox is what the search box in the header of every page needs.
type searchBox struct {
	// Action links to the search page, where the form goes without
	// JavaScript; Index to the folder of the index files; Root to the
	// publish folder, which the links of results start from; Script to
	// search.js.
	Action, Index, Root, Script string
	// Words holds, as JSON, the words search.js shows under the box.
	Words string
}

// searchWords returns, as JSON, the words search.js shows: those of the
// list under the search box of every page, and those only the search page
// needs. Messages are HTML; the script writes plain text.
func (w *words) searchWords() (box, page string) {
	cat := w.cat
	text := func(key string) string { return html.UnescapeString(cat.T(key)) }
	forms := func(key string) map[string]string {
		f := cat.PluralForms(key)
		for k, v := range f {
			f[k] = html.UnescapeString(v)
		}
		return f
	}
	kind, group := map[string]string{}, map[string]string{}
	p := map[string]any{"more": text("search.more"), "failed": text("search.failed"), "kinds": group}
	for _, k := range searchKinds {
		kind[k.kind] = text(k.label)
		group[k.kind] = text(k.group)
		p["count_"+k.kind] = forms(k.count)
	}
	sev := map[string]string{
		"critical": text("severity.critical"), "high": text("severity.high"),
		"medium": text("severity.medium"), "low": text("severity.low"),
	}
	b := map[string]any{
		"kind": kind, "severity": sev, "count": forms("count.results"),
		"all": text("search.all"), "none": text("search.none"),
	}
	return marshal(b), marshal(p)
}

// marshal returns v as JSON; v holds only strings and maps of them.
func marshal(v any) string {
	data, err := json.Marshal(v)
	if err != nil {
		panic("render: words as JSON: " + err.Error()) // maps of strings always marshal
	}
	return string(data)
}

// searchView is the search page: the results are filled in by search.js
// from the query in its address.
type searchView struct {
	common
	// Words holds, as JSON, the words only the search page shows.
	Words string
}

func newSearchView(c common) *searchView {
	c.Title = c.words.cat.T("search.title")
	return &searchView{common: c, Words: c.words.searchPage}
}

// searchBox works out the search box of c's page.
func (c *common) searchBox() searchBox {
	return searchBox{
		Action: c.Link.To("search/"), Index: c.Link.To("search/"), Root: c.Link.Root(),
		Script: c.Link.To("static/search.js"), Words: c.words.searchBox,
	}
}
