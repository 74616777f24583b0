package export

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"flag"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/content"
	"github.com/cxatlas/cxatlas/generator/i18n"
	"github.com/cxatlas/cxatlas/generator/internal/golden"
	"github.com/cxatlas/cxatlas/generator/site"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// examplePortal links the example portal of the repository (content/ and
// config.toml at its root).
func examplePortal(t *testing.T) *site.Site {
	t.Helper()
	root := filepath.Join("..", "..")
	cfg, diags := config.Load(root)
	if diags.HasErrors() {
		t.Fatalf("config: %v", diags)
	}
	set, diags := content.Load(content.Options{SiteDir: root, Config: cfg})
	if diags.HasErrors() {
		t.Fatalf("content: %v", diags)
	}
	s, diags := site.Link(cfg, set, time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC))
	if diags.HasErrors() {
		t.Fatalf("link: %v", diags)
	}
	return s
}

// TestGoldenExports compares the files of the example portal with those in
// testdata/: every persona's map as CSV and its curve as SVG, and the
// pain-point index as CSV, in English and Russian.
func TestGoldenExports(t *testing.T) {
	s := examplePortal(t)
	for _, lang := range []string{"en", "ru"} {
		cat := i18n.Default(lang)
		// Russian changes the lane names, not the layout: one map.
		personas := s.Personas
		if lang != "en" {
			personas = personas[:1]
		}
		for _, p := range personas {
			golden.Check(t, filepath.Join("testdata", lang, p.ID+".csv"), PersonaCSV(p, cat), *update)
		}
		golden.Check(t, filepath.Join("testdata", lang, "pains.csv"), PainsCSV(s, cat), *update)
	}
	for _, p := range s.Personas {
		golden.Check(t, filepath.Join("testdata", "en", p.ID+".svg"), CurveSVG(s, p, i18n.Default("en")), *update)
	}
}

// readCSV reads data as RFC 4180 after its byte-order mark, failing t when
// it is not well formed or its records do not end in CRLF.
func readCSV(t *testing.T, data []byte) [][]string {
	t.Helper()
	if !bytes.HasPrefix(data, []byte(BOM)) {
		t.Fatalf("no byte-order mark: %q", data[:min(len(data), 10)])
	}
	body := data[len(BOM):]
	if len(body) > 0 && !bytes.HasSuffix(body, []byte("\r\n")) {
		t.Errorf("the last record does not end in CRLF")
	}
	r := csv.NewReader(bytes.NewReader(body))
	r.FieldsPerRecord = 0
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("not RFC 4180: %v", err)
	}
	return recs
}

// TestPersonaCSVLayout reads a map back and checks the layout importers
// rely on: the lanes in order in the portal's language, a column per step,
// the stage title over every step, the emotion as a plain number.
func TestPersonaCSVLayout(t *testing.T) {
	s := examplePortal(t)
	want := map[string][]string{
		"en": {"Stage", "Action", "Touchpoints", "Thought", "Feeling", "Emotion", "Pains", "Opportunities", "Evidence", "Duration", "Step id"},
		"ru": {"Этап", "Действие", "Точки контакта", "Мысли", "Чувства", "Эмоция", "Боли", "Возможности", "Свидетельства", "Длительность", "ID шага"},
	}
	for lang, lanes := range want {
		cat := i18n.Default(lang)
		for _, p := range s.Personas {
			recs := readCSV(t, PersonaCSV(p, cat))
			if len(recs) != len(lanes) {
				t.Fatalf("%s %s: %d rows, want %d", lang, p.ID, len(recs), len(lanes))
			}
			for i, rec := range recs {
				if rec[0] != lanes[i] {
					t.Errorf("%s %s: row %d is %q, want %q", lang, p.ID, i+1, rec[0], lanes[i])
				}
				if len(rec) != 1+len(p.Steps) {
					t.Errorf("%s %s: row %d has %d cells, want %d", lang, p.ID, i+1, len(rec), 1+len(p.Steps))
				}
			}
			for i, st := range p.Steps {
				if recs[0][1+i] != st.Stage.Title {
					t.Errorf("%s step %d: stage %q, want %q", p.ID, i+1, recs[0][1+i], st.Stage.Title)
				}
				emo := recs[5][1+i]
				if st.HasEmotion != (emo != "") || st.HasEmotion && emo != strings.TrimSpace(emo) {
					t.Errorf("%s step %d: emotion cell %q", p.ID, i+1, emo)
				}
				if id := recs[10][1+i]; id != strconv.Itoa(i+1) {
					t.Errorf("%s step %d: step id %q", p.ID, i+1, id)
				}
				if n := len(st.Touchpoints); n > 0 && strings.Count(recs[2][1+i], "\n") != n-1 {
					t.Errorf("%s step %d: touchpoints %q, want %d lines", p.ID, i+1, recs[2][1+i], n)
				}
			}
		}
	}
}

// TestCell is the escaping of a cell and of a record, table-driven: the
// bytes written, and what a spreadsheet reading them back gets after
// Unguard.
func TestCell(t *testing.T) {
	tests := []struct {
		name, in, field string
	}{
		{"plain", "Orders online", "Orders online"},
		{"empty", "", ""},
		{"comma", "cheap, fast", `"cheap, fast"`},
		{"quote", `the "best" price`, `"the ""best"" price"`},
		{"newline", "one\ntwo", "\"one\ntwo\""},
		{"crlf becomes lf", "one\r\ntwo", "\"one\ntwo\""},
		{"space at the ends", " padded ", `" padded "`},
		{"cyrillic", "Покупка в кредит", "Покупка в кредит"},
		{"cyrillic comma", "Дорого, долго", `"Дорого, долго"`},
		{"formula =", "=HYPERLINK(\"http://x\")", `"'=HYPERLINK(""http://x"")"`},
		{"formula +", "+7 495 000", "'+7 495 000"},
		{"formula -", "-2 after the call", "'-2 after the call"},
		{"formula @", "@SUM(A1)", "'@SUM(A1)"},
		{"formula tab", "\t=1", "'\t=1"},
		{"cr alone becomes lf", "a\rb", "\"a\nb\""},
		{"cr first", "\r=1", "\"\n=1\""},
		{"formula on a later line is inert", "ok\n=1", "\"ok\n=1\""},
		{"apostrophe alone", "'tis", "'tis"},
		{"apostrophe before a formula", "'=1", "''=1"},
		{"two apostrophes before a formula", "''-1", "'''-1"},
		{"minus in the middle", "a-b", "a-b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(appendField(nil, Cell(tt.in))); got != tt.field {
				t.Errorf("Cell(%q) written as %q, want %q", tt.in, got, tt.field)
			}
			w := newCSV(0)
			w.record([]string{Cell(tt.in), "x"})
			recs := readCSV(t, w.bytes())
			want := lineEnds(tt.in)
			if got := Unguard(recs[0][0]); got != want {
				t.Errorf("read back as %q, want %q", got, want)
			}
		})
	}
}

// TestEmotionUnguarded: the Emotion row holds numbers, a minus included,
// as they are; the other rows guard a leading minus.
func TestEmotionUnguarded(t *testing.T) {
	stage := &site.Stage{ID: "buy", Title: "-Buy"}
	p := &site.Persona{ID: "p", Title: "P"}
	p.Steps = []*site.Step{{Persona: p, Index: 1, Stage: stage, Action: "=cmd", HasEmotion: true, Emotion: -2}, {Persona: p, Index: 2, Stage: stage}}
	recs := readCSV(t, PersonaCSV(p, i18n.Default("en")))
	if got := recs[5][1:]; got[0] != "-2" || got[1] != "" {
		t.Errorf("emotion row = %q, want [-2 \"\"]", got)
	}
	if recs[0][1] != "'-Buy" || recs[1][1] != "'=cmd" {
		t.Errorf("stage %q and action %q are not guarded", recs[0][1], recs[1][1])
	}
}

// TestItems: list cells put an item on each line with its rating; an item
// that spans lines is joined into one, and evidence keeps its link.
func TestItems(t *testing.T) {
	stage := &site.Stage{ID: "buy", Title: "Buy"}
	p := &site.Persona{ID: "p", Title: "P"}
	st := &site.Step{Persona: p, Index: 1, Stage: stage,
		Touchpoints:   []*site.Touchpoint{{ID: "web", Title: "Website"}, {ID: "app", Title: "App"}},
		Pains:         []*site.PainMention{{Text: "Slow\ncheckout", Severity: site.High}, {Text: "No removal"}},
		Opportunities: []site.Opportunity{{Text: "Book removal", Impact: site.ImpactMedium}},
		Evidence: []site.Evidence{{Text: "12 interviews"}, {Text: "https://x.example/a", URL: "https://x.example/a"},
			{Text: "Funnel", URL: "https://x.example/f"}},
	}
	p.Steps = []*site.Step{st}
	recs := readCSV(t, PersonaCSV(p, i18n.Default("en")))
	for row, want := range map[int]string{
		2: "Website\nApp",
		6: "Slow checkout [high]\nNo removal",
		7: "Book removal [medium]",
		8: "12 interviews\nhttps://x.example/a\n[Funnel](https://x.example/f)",
	} {
		if recs[row][1] != want {
			t.Errorf("%s = %q, want %q", recs[row][0], recs[row][1], want)
		}
	}
}

// TestCurveSVGStandalone: the file is well-formed XML in the SVG
// namespace, with a title, a description and its colours, and no link or
// stylesheet outside it.
func TestCurveSVGStandalone(t *testing.T) {
	s := examplePortal(t)
	// A persona whose words try to break out of the XML.
	hostile := &site.Persona{ID: "x", Title: `</title><script>alert(1)</script>&"'`}
	stage := &site.Stage{ID: "s", Title: `</svg><a href="javascript:x">`}
	hostile.Steps = []*site.Step{{Persona: hostile, Index: 1, Anchor: "step-1", Stage: stage, HasEmotion: true, Emotion: -1, Critical: true}}
	hostile.Critical = hostile.Steps
	for _, p := range append(slices.Clone(s.Personas), hostile) {
		data := CurveSVG(s, p, i18n.Default("ru"))
		d := xml.NewDecoder(bytes.NewReader(data))
		var root xml.StartElement
		seen := map[string]bool{}
		for {
			tok, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: not XML: %v", p.ID, err)
			}
			if se, ok := tok.(xml.StartElement); ok {
				if root.Name.Local == "" {
					root = se
				}
				seen[se.Name.Local] = true
				for _, a := range se.Attr {
					if a.Name.Local == "href" {
						t.Errorf("%s: a link to %q", p.ID, a.Value)
					}
				}
			}
		}
		if seen["script"] || seen["a"] {
			t.Errorf("%s: writer text became markup", p.ID)
		}
		if root.Name.Space != "http://www.w3.org/2000/svg" || root.Name.Local != "svg" {
			t.Errorf("%s: root %v", p.ID, root.Name)
		}
		for _, el := range []string{"title", "desc", "style", "path", "circle"} {
			if !seen[el] {
				t.Errorf("%s: no <%s>", p.ID, el)
			}
		}
		if !bytes.Contains(data, []byte("font-family=")) || !bytes.Contains(data, []byte(".c-line{stroke:#")) {
			t.Errorf("%s: fonts or colours not inside the file", p.ID)
		}
		if bytes.Contains(data, []byte("@import")) || bytes.Contains(data, []byte("<link")) {
			t.Errorf("%s: refers to outside CSS", p.ID)
		}
	}
}

// TestPainsCSV: a header, then a row per pain, numbered as the index.
func TestPainsCSV(t *testing.T) {
	s := examplePortal(t)
	recs := readCSV(t, PainsCSV(s, i18n.Default("en")))
	if len(recs) != 1+len(s.Pains) {
		t.Fatalf("%d records, want %d", len(recs), 1+len(s.Pains))
	}
	if h := strings.Join(recs[0], "|"); h != "#|Severity|Pain point|Personas: steps|Stages|Touchpoints|Owners" {
		t.Errorf("header %q", h)
	}
	for i, p := range s.Pains {
		rec := recs[1+i]
		if rec[0] != strconv.Itoa(i+1) {
			t.Errorf("row %d is numbered %q", i+1, rec[0])
		}
		if Unguard(rec[2]) != oneLine(p.Text) {
			t.Errorf("row %d: pain %q, want %q", i+1, rec[2], p.Text)
		}
		if lines := strings.Count(rec[3], "\n") + 1; lines != len(p.Personas) {
			t.Errorf("row %d: %d persona lines, want %d: %q", i+1, lines, len(p.Personas), rec[3])
		}
	}
}
