package importer

import (
	"strings"
	"unicode"
)

// items splits a cell that lists several things: one a line when it has
// several lines, else separated by ";" unless lines is set. Bullets (•, -,
// *, –, ▪) and numbering ("1.", "2)") at the start of an item are dropped,
// and so are empty items.
func items(cell string, lines bool) []string {
	cell = strings.TrimSpace(cell)
	if cell == "" {
		return nil
	}
	parts := strings.Split(cell, "\n")
	if len(parts) == 1 && !lines {
		parts = strings.Split(cell, ";")
	}
	var out []string
	for _, p := range parts {
		if p = stripBullet(strings.TrimSpace(p)); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// stripBullet drops a list marker from the start of an item.
func stripBullet(s string) string {
	for _, b := range []string{"•", "◦", "▪", "‣", "–", "—", "-", "*", "+", "·"} {
		if rest, ok := strings.CutPrefix(s, b); ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t') {
			return strings.TrimSpace(rest)
		}
	}
	// "1." "2)" "10." followed by a space
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < 4 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && s[i+1] == ' ' {
		return strings.TrimSpace(s[i+1:])
	}
	return s
}

// text reads a cell that holds one text: trimmed, line breaks kept.
func text(cell string) string {
	lines := strings.Split(strings.TrimSpace(cell), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRightFunc(l, unicode.IsSpace)
	}
	return strings.Join(lines, "\n")
}

// severityWords maps the words a pain's "[...]" suffix may hold to the
// severity content files use.
var severityWords = map[string]string{
	"low": "low", "medium": "medium", "high": "high", "critical": "critical",
	"низкая": "low", "средняя": "medium", "высокая": "high", "критическая": "critical", "критичная": "critical",
}

// impactWords maps the words an opportunity's "[...]" suffix may hold to
// the impact content files use.
var impactWords = map[string]string{
	"low": "low", "medium": "medium", "high": "high",
	"низкое": "low", "среднее": "medium", "высокое": "high", "низкий": "low", "средний": "medium", "высокий": "high",
}

// rated splits "text [word]" into the text and the rating the word names
// in words; an item without a known word in brackets is all text.
func rated(item string, words map[string]string) (string, string) {
	s := strings.TrimSpace(item)
	if !strings.HasSuffix(s, "]") {
		return s, ""
	}
	i := strings.LastIndexByte(s, '[')
	if i < 0 {
		return s, ""
	}
	w, ok := words[strings.ToLower(strings.TrimSpace(s[i+1:len(s)-1]))]
	if !ok || strings.TrimSpace(s[:i]) == "" {
		return s, ""
	}
	return strings.TrimSpace(s[:i]), w
}

// fill puts a cell into the field of step it belongs to. Emotion cells
// are collected apart, as their scale is judged over the whole lane.
// exported says the sheet is in the export layout (it has a step id
// lane): its lists are one item a line, and nothing else splits them.
func fill(st *Step, f Field, cell string, exported bool) {
	switch f {
	case FieldAction:
		st.Action = text(cell)
	case FieldThought:
		st.Thought = text(cell)
	case FieldFeeling:
		st.Feeling = text(cell)
	case FieldDuration:
		st.Duration = text(cell)
	case FieldTouchpoints:
		st.Touchpoints = append(st.Touchpoints, touchpointItems(cell, exported)...)
	case FieldEvidence:
		st.Evidence = append(st.Evidence, items(cell, exported)...)
	case FieldPains:
		for _, it := range items(cell, exported) {
			t, sev := rated(it, severityWords)
			st.Pains = append(st.Pains, Pain{Text: t, Severity: sev})
		}
	case FieldOpportunities:
		for _, it := range items(cell, exported) {
			t, imp := rated(it, impactWords)
			st.Opportunities = append(st.Opportunities, Opportunity{Text: t, Impact: imp})
		}
	}
}

// touchpointItems splits a touchpoints cell: like items, and a single line
// is also split at commas, as sheets often list channels that way, unless
// the sheet is in the export layout.
func touchpointItems(cell string, exported bool) []string {
	its := items(cell, exported)
	if len(its) == 1 && !exported && !strings.Contains(strings.TrimSpace(cell), "\n") {
		var out []string
		for _, p := range strings.Split(its[0], ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
		return out
	}
	return its
}
