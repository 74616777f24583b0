package importer

import (
	"encoding/csv"
	"fmt"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/content"
)

// exportCSV writes a persona's map in the export layout of docs/import.md,
// as a portal's CSV export does: lanes as rows, the stage title in every
// step column, UTF-8 with a byte-order mark, commas, CRLF.
func exportCSV(p *content.PersonaDoc, set *content.Set, lanes []string) []byte {
	stageTitle, touchTitle := map[string]string{}, map[string]string{}
	for _, s := range set.Stages {
		stageTitle[s.ID] = s.Title
	}
	for _, tp := range set.Touchpoints {
		touchTitle[tp.ID] = tp.Title
	}
	rows := make([][]string, len(lanes))
	for i, l := range lanes {
		rows[i] = []string{l}
	}
	for n, st := range p.Steps {
		var tps, pains, opps, ev []string
		for _, r := range st.Touchpoints {
			tps = append(tps, touchTitle[r.ID])
		}
		for _, pn := range st.Pains {
			pains = append(pains, strings.TrimSpace(pn.Text+" ["+pn.Severity+"]"))
		}
		for _, o := range st.Opportunities {
			opps = append(opps, strings.TrimSpace(o.Text+" ["+o.Impact+"]"))
		}
		for _, e := range st.Evidence {
			switch {
			case e.URL == "" || e.URL == e.Text:
				ev = append(ev, e.Text)
			default:
				ev = append(ev, "["+e.Text+"]("+e.URL+")")
			}
		}
		emotion := ""
		if st.HasEmotion {
			emotion = strconv.Itoa(st.Emotion)
		}
		cells := []string{stageTitle[st.Stage.ID], st.Action, strings.Join(tps, "\n"), st.Thought, st.Feeling, emotion,
			strings.Join(pains, "\n"), strings.Join(opps, "\n"), strings.Join(ev, "\n"), st.Duration, strconv.Itoa(n + 1)}
		for i, c := range cells {
			rows[i] = append(rows[i], strings.ReplaceAll(c, " []", ""))
		}
	}
	var b strings.Builder
	b.WriteString("\ufeff")
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	w.WriteAll(rows)
	return []byte(b.String())
}

// mapOf is what a reader sees of a persona's map, by titles rather than
// ids, as two portals may name the same stage differently.
func mapOf(p *content.PersonaDoc, set *content.Set) []string {
	title := map[string]string{}
	for _, s := range set.Stages {
		title["s:"+s.ID] = s.Title
	}
	for _, tp := range set.Touchpoints {
		title["t:"+tp.ID] = tp.Title
	}
	var out []string
	for _, st := range p.Steps {
		var tps []string
		for _, r := range st.Touchpoints {
			tps = append(tps, title["t:"+r.ID])
		}
		var pains, opps, ev []string
		for _, pn := range st.Pains {
			pains = append(pains, pn.Text+"|"+pn.Severity)
		}
		for _, o := range st.Opportunities {
			opps = append(opps, o.Text+"|"+o.Impact)
		}
		for _, e := range st.Evidence {
			ev = append(ev, e.Text+"|"+e.URL)
		}
		out = append(out, fmt.Sprintf("stage=%s tps=%q action=%q thought=%q feeling=%q emotion=%v/%d pains=%q opps=%q evidence=%q duration=%q",
			title["s:"+st.Stage.ID], tps, st.Action, st.Thought, st.Feeling, st.HasEmotion, st.Emotion, pains, opps, ev, st.Duration))
	}
	return out
}

// exportLanes are the lane names of the export layout in each language.
var exportLanes = map[string][]string{
	"en": {"Stage", "Action", "Touchpoints", "Thought", "Feeling", "Emotion", "Pains", "Opportunities", "Evidence", "Duration", "Step id"},
	"ru": {"Этап", "Действие", "Точки контакта", "Мысли", "Чувства", "Эмоция", "Боли", "Возможности", "Свидетельства", "Длительность", "ID шага"},
}

// TestRoundTrip exports every persona of the example portal (English) and
// of the Cyrillic test portal (Russian) in the export layout, imports it
// into an empty site, and compares the maps: the same steps, stages,
// touchpoints, texts, emotions and ratings.
func TestRoundTrip(t *testing.T) {
	for lang, root := range map[string]string{
		"en": filepath.Join("..", ".."),
		"ru": filepath.Join("..", "..", "cmd", "cxatlas", "testdata", "portals", "cyrillic"),
	} {
		t.Run(lang, func(t *testing.T) { roundTrip(t, root, exportLanes[lang]) })
	}
}

func roundTrip(t *testing.T, root string, lanes []string) {
	cfg, diags := config.Load(root)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	set, diags := content.Load(content.Options{SiteDir: root, Config: cfg})
	if diags.HasErrors() {
		t.Fatal(diagText(diags))
	}
	site := t.TempDir()
	empty := *cfg
	for _, p := range set.Personas {
		data := exportCSV(p, set, lanes)
		r, err := ReadCSV(p.ID+".csv", data, CSVOptions{Scale: cfg.Emotion})
		if err != nil {
			t.Fatalf("%s: %v", p.ID, err)
		}
		if len(r.Unplaced) > 0 {
			t.Errorf("%s: cells not placed: %v", p.ID, r.Unplaced)
		}
		if _, err := Write(r.Journey, WriteOptions{SiteDir: site, Config: &empty, PersonaID: p.ID, Title: p.Title, Today: today}); err != nil {
			t.Fatal(err)
		}
	}
	got, diags := content.Load(content.Options{SiteDir: site, Config: &empty})
	if diags.HasErrors() {
		t.Fatal(diagText(diags))
	}
	if len(got.Personas) != len(set.Personas) {
		t.Fatalf("%d personas imported, want %d", len(got.Personas), len(set.Personas))
	}
	for _, p := range set.Personas {
		var q *content.PersonaDoc
		for _, g := range got.Personas {
			if g.ID == p.ID {
				q = g
			}
		}
		want, have := mapOf(p, set), mapOf(q, got)
		if !reflect.DeepEqual(want, have) {
			for i := range max(len(want), len(have)) {
				if i >= len(want) || i >= len(have) || want[i] != have[i] {
					t.Errorf("%s: step %d differs:\nwant %s\ngot  %s", p.ID, i+1, at(want, i), at(have, i))
					break
				}
			}
		}
	}
}

func at(l []string, i int) string {
	if i < len(l) {
		return l[i]
	}
	return "(none)"
}
