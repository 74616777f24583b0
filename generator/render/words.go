package render

import (
	"html"
	"strings"
	"time"

	"github.com/cxatlas/cxatlas/generator/i18n"
	"github.com/cxatlas/cxatlas/generator/render/chart"
	"github.com/cxatlas/cxatlas/generator/site"
)

// words are the messages the Go-written parts of pages use, looked up in
// the catalogue once per Renderer: rows of large portals repeat them
// hundreds of thousands of times. Plain messages are escaped for HTML here,
// so they are written as they are.
type words struct {
	cat *i18n.Catalogue
	// sev holds the badge of each severity, by site.Severity.
	sev [site.Critical + 1]string
	// impact holds the badge of each rated impact, by site.Impact.
	impact map[site.Impact]string
	// steps holds "N steps" for small N, the count heatmap cells show.
	steps                                                 []string
	neverReviewed, reviewDue, noOwner, managed, unmanaged string
	critical, critFlag, assumptionNoEvidence, assumption  string
	assumedMark, evidence, noScore, rollupNone, noData    string
	rollupMean, rollupLowest                              string
	// stepPre and stepPost surround the number in "Step N".
	stepPre, stepPost string
	// Messages with placeholders, escaped: "Step {n}, {stage}", the roll-up
	// of a band and the reasons of critical points.
	stepStage, rollup, reasonLowest, reasonWeight string
	// modes holds the words for the touchpoint modes, plain text.
	modes map[string]string
	// nav holds the titles of the list pages, plain text, by section.
	nav map[string]string
	// searchBox and searchPage hold, as JSON, the words search.js shows
	// under the search box and on the search page.
	searchBox, searchPage string
}

// more returns the plural message key, an "and N more …", for n, escaped.
func (w *words) more(key string, n int) string { return escapeText(w.cat.Plural(key, n)) }

// smallCounts is how many counts words keeps written out.
const smallCounts = 64

func newWords(cat *i18n.Catalogue) *words {
	t := func(key string) string { return escapeText(cat.T(key)) }
	w := &words{
		cat:                  cat,
		neverReviewed:        `<span class="badge badge-stale">` + t("badge.never_reviewed") + `</span>`,
		reviewDue:            `<span class="badge badge-stale">` + t("badge.review_due") + `</span>`,
		noOwner:              cat.T("badge.no_owner"), // text: its callers escape it
		managed:              t("badge.managed"),
		unmanaged:            t("badge.unmanaged"),
		critical:             t("map.critical"),
		critFlag:             ` <span class="crit-flag">` + t("map.critical") + `</span>`,
		assumptionNoEvidence: `<span class="assumption">` + t("map.assumption_no_evidence") + `</span>`,
		assumption:           t("map.assumption"),
		assumedMark:          ` <abbr title="` + html.EscapeString(cat.T("map.assumption_title")) + `" class="assumed-mark">` + t("map.assumption_mark") + `</abbr>`,
		evidence:             t("map.evidence"),
		noScore:              t("map.no_score"),
		rollupNone:           t("map.rollup_none"),
		noData:               t("heatmap.no_data"),
		rollupMean:           t("stage.rollup_mean"),
		rollupLowest:         t("stage.rollup_lowest"),
		impact: map[site.Impact]string{
			site.ImpactHigh: t("impact.high"), site.ImpactMedium: t("impact.medium"), site.ImpactLow: t("impact.low"),
		},
	}
	for s, key := range map[site.Severity]string{
		site.Unrated: "severity.unrated", site.Low: "severity.low", site.Medium: "severity.medium",
		site.High: "severity.high", site.Critical: "severity.critical",
	} {
		w.sev[s] = `<b class="sev-` + strings.TrimPrefix(key, "severity.") + `">` + t(key) + `</b>`
	}
	w.stepPre, w.stepPost, _ = strings.Cut(t("map.step"), "{n}")
	w.stepStage, w.rollup = t("map.step_stage"), cat.T("map.rollup_html")
	w.reasonLowest, w.reasonWeight = t("critical.lowest"), t("critical.weight")
	w.modes = map[string]string{"online": cat.T("mode.online"), "offline": cat.T("mode.offline")}
	w.searchBox, w.searchPage = w.searchWords()
	w.nav = map[string]string{}
	for _, key := range []string{"nav.home", "nav.personas", "nav.stages", "nav.touchpoints", "nav.pains", "nav.owners", "nav.compare", "nav.matrix", "nav.channels", "nav.changes"} {
		w.nav[strings.TrimPrefix(key, "nav.")] = cat.T(key)
	}
	w.steps = make([]string, smallCounts)
	for n := range w.steps {
		w.steps[n] = escapeText(cat.Plural("count.steps", n))
	}
	return w
}

// sevBadge is the badge of a severity: the word in a coloured box, so
// colour is never the only signal.
func (w *words) sevBadge(s site.Severity) string {
	if s < site.Unrated || int(s) >= len(w.sev) {
		s = site.Unrated
	}
	return w.sev[s]
}

// countSteps writes "N steps" in the language of the portal.
func (w *words) countSteps(n int) string {
	if n >= 0 && n < len(w.steps) {
		return w.steps[n]
	}
	return escapeText(w.cat.Plural("count.steps", n))
}

// owner is the name an owner is shown under, as text: the caller escapes
// it.
func (w *words) owner(name string) string {
	if name == "" {
		return w.noOwner
	}
	return name
}

// mode is the word for a touchpoint's mode, "online" or "offline"; a mode
// the catalogue has no word for is shown as written.
func (w *words) mode(m string) string {
	if s, ok := w.modes[m]; ok {
		return s
	}
	return m
}

// emotion writes an emotion score with its sign.
func (w *words) emotion(v int) string { return w.cat.Signed(v) }

// mean writes the mean of st with one decimal and its sign, or an em dash
// when st holds no scores.
func (w *words) mean(st site.Stat) string { return chart.Mean(st, w.cat) }

// date writes a day the way the language writes it.
func (w *words) date(t time.Time) string { return w.cat.Date(t) }

// escapeHTML escapes writer text as markup.text does, for a placeholder.
func escapeHTML(s string) string { return string(appendEscaped(nil, s)) }

// step writes "Step N".
func (w *words) step(m *markup, n int) {
	m.raw(w.stepPre)
	m.int(n)
	m.raw(w.stepPost)
}

// criticalReason words why st is a critical point, as HTML; empty when it
// is not one.
func (w *words) criticalReason(st *site.Step) string {
	if !st.Critical {
		return ""
	}
	pains := escapeText(w.cat.Plural("count.pains", len(st.Pains)))
	if st.CriticalLowest {
		return i18n.Fill(w.reasonLowest, []string{"emotion", w.emotion(st.Emotion), "pains", pains})
	}
	return i18n.Fill(w.reasonWeight, []string{"emotion", w.emotion(st.Emotion), "pains", pains, "weight", w.cat.Int(st.PainWeight)})
}

// staleBadge is the badge of a persona whose map is due for review, or
// nothing when it is not.
func (w *words) staleBadge(p *site.Persona) string {
	if !p.Stale {
		return ""
	}
	if p.Reviewed.IsZero() {
		return w.neverReviewed
	}
	return w.reviewDue
}
