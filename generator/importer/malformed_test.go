package importer

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cxatlas/cxatlas/generator/build"
	"github.com/cxatlas/cxatlas/generator/config"
)

// TestMalformedCSV feeds files that cannot be imported: each gets an error
// that names the place to fix, and no file is written.
func TestMalformedCSV(t *testing.T) {
	for _, c := range []struct {
		name, data string
		want       []string // parts of the error
	}{
		{"empty file", "", []string{"bad.csv: the file is empty"}},
		{"blank file", "\r\n ;; \r\n", []string{"bad.csv: the file has no cells with text"}},
		{"binary workbook", "PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", []string{"bad.csv: line 1, column 3: the file holds binary data", "save"}},
		{"binary high bytes", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xf3\xa1\x02", []string{"bad.csv: line 1, column 1: the file is neither UTF-8 nor Windows-1251"}},
		{"ragged rows", "Stage,Buy,Buy\nAction,Pay,Leave,Come back\n", []string{"bad.csv: row 2, column D: this row has more cells than the first row"}},
		{"no stage row", "Action,Pay,Leave\nThought,Hm,Ok\n", []string{"bad.csv: no stage row", "Stage (Этап)"}},
		{"unknown lane", "Stage,Buy,Buy\nAction,Pay,Leave\nMood swings,up,down\n", []string{`bad.csv: row 3, column A: unknown lane "Mood swings"`, "Touchpoints"}},
		{"unknown column", "Stage,Action,Colour\nBuy,Pay,red\n", []string{`bad.csv: row 1, column C: unknown column "Colour"`}},
		{"second lane of a kind", "Stage,Buy\nAction,Pay\nDoing,Pay\n", []string{"bad.csv: row 3, column A: a second action lane (the first is row 2)"}},
		{"step without stage", "Stage,,Buy\nAction,Look,Pay\n", []string{"bad.csv: row 1, column B: step without a stage"}},
		{"steps as rows without stage", "Stage,Action\n,Look\nBuy,Pay\n", []string{"bad.csv: row 2, column A: step without a stage"}},
		{"unclosed quote", "Stage,Buy\nAction,\"Pay\n", []string{"bad.csv: line 2, column", "quoted cell is not closed"}},
		{"stray quote", "Stage,Buy\nAction,Pa\"y\n", []string{"bad.csv: line 2, column 10: a quote inside a cell"}},
		{"no steps", "Stage\nAction\n", []string{"bad.csv: row 1, column B: no steps"}},
		{"header only", "Stage,Action,Emotion\n", []string{"bad.csv: row 2: no steps"}},
		{"cell too long", "Stage,Buy\nAction,Look,\"" + strings.Repeat("x", 70000) + "\"\n", []string{"bad.csv: row 2, column C: a cell longer than 64 KB"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			site := t.TempDir()
			_, err := ReadCSV("bad.csv", []byte(c.data), CSVOptions{Scale: config.Scale{Min: -2, Max: 2}})
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
			if got := files(t, site); len(got) > 0 {
				t.Errorf("wrote %v", got)
			}
		})
	}
}

// TestMalformedMermaid feeds diagrams that cannot be imported.
func TestMalformedMermaid(t *testing.T) {
	for _, c := range []struct {
		name, data string
		want       string
	}{
		{"empty", "", "bad.mmd: the file is empty"},
		{"not a journey", "graph TD\n  A-->B\n", `bad.mmd: line 1, column 1: a Mermaid journey starts with the line "journey", not "graph TD"`},
		{"task before section", "journey\n  title T\n  Pay: 3: Me\n", `bad.mmd: line 3, column 3: task "Pay" comes before any section`},
		{"score not a number", "journey\n  section Buy\n    Pay: three: Me\n", `bad.mmd: line 3, column 9: the score "three" of task "Pay" is not a whole number`},
		{"not a task", "journey\n  section Buy\n    Pay the bill\n", `bad.mmd: line 3, column 5: "Pay the bill" is not a task`},
		{"no tasks", "journey\n  title T\n  section Buy\n", "bad.mmd: line 1, column 1: the journey has no tasks"},
		{"no diagram in Markdown", "# Notes\n\n```mermaid\ngraph TD\n```\n", "bad.mmd: no Mermaid journey diagram in the file"},
		{"binary", "journey\x00\x01", "bad.mmd: line 1, column 8: the file holds binary data"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadMermaid("bad.mmd", []byte(c.data), config.Scale{Min: -2, Max: 2})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want %q", err, c.want)
			}
		})
	}
}

// TestWriteAllOrNothing checks that an import that fails while writing
// leaves the site as it was: an existing persona without -force, and a
// touchpoints folder that cannot be made after the stages were written.
func TestWriteAllOrNothing(t *testing.T) {
	j := Journey{Steps: []Step{{Stage: "Buy", Touchpoints: []string{"Shop"}, Action: "Pay"}}}
	for _, c := range []struct {
		name  string
		setup func(site string)
		want  string
	}{
		{"persona exists", func(site string) {
			write(t, site, "content/personas/family.md", "+++\ntitle = \"Family\"\n+++\n")
		}, "content/personas/family.md already exists: use -force"},
		{"persona id clashes", func(site string) {
			write(t, site, "content/personas/Family.md", "+++\ntitle = \"Family\"\n+++\n")
		}, "persona id \"family\" clashes with content/personas/Family.md"},
		{"touchpoints folder cannot be made", func(site string) {
			write(t, site, "content/stages/other.md", "+++\ntitle = \"Other\"\n+++\n")
			write(t, site, "content/touchpoints", "not a folder")
		}, "touchpoints"},
	} {
		t.Run(c.name, func(t *testing.T) {
			site := t.TempDir()
			c.setup(site)
			before := files(t, site)
			_, err := Write(j, WriteOptions{SiteDir: site, Config: config.Default(), Title: "Family", Today: today})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want %q", err, c.want)
			}
			if after := files(t, site); !slices.Equal(before, after) {
				t.Errorf("the site changed:\nbefore %v\nafter  %v", before, after)
			}
			if _, err := os.Stat(filepath.Join(site, "content", "personas")); c.name == "touchpoints folder cannot be made" && err == nil {
				t.Errorf("the personas folder made for the import was left behind")
			}
		})
	}
}

// TestForceReplaces checks that -force replaces the persona and reuses the
// stages and touchpoints the first import made.
func TestForceReplaces(t *testing.T) {
	site := t.TempDir()
	j := Journey{Steps: []Step{{Stage: "Buy", Touchpoints: []string{"Shop"}, Action: "Pay"}}}
	opts := WriteOptions{SiteDir: site, Config: config.Default(), Title: "Family", Today: today}
	if _, err := Write(j, opts); err != nil {
		t.Fatal(err)
	}
	opts.Force = true
	j.Steps[0].Action = "Pay again"
	w, err := Write(j, opts)
	if err != nil {
		t.Fatal(err)
	}
	if !w.Replaced || len(w.Stages)+len(w.Touchpoints) != 0 || w.ReusedStages != 1 || w.ReusedTouchpoints != 1 {
		t.Errorf("second import: %+v", w)
	}
	data, _ := os.ReadFile(filepath.Join(site, "content", "personas", "family.md"))
	if !strings.Contains(string(data), `action = "Pay again"`) {
		t.Errorf("persona not replaced:\n%s", data)
	}
}

func write(t *testing.T, site, name, text string) {
	t.Helper()
	p := filepath.Join(site, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestNewStageOrder checks where new stages go among the portal's: between
// the stages around them in the journey when the orders leave room, else
// after all others.
func TestNewStageOrder(t *testing.T) {
	for _, c := range []struct {
		name  string
		have  map[string]int // stage title: order
		sheet []string       // the stages of the steps
		want  map[string]int // new stage id: order
	}{
		{"empty site", nil, []string{"A", "A", "B"}, map[string]int{"a": 1, "b": 2}},
		{"room between", map[string]int{"Aware": 10, "Buy": 20}, []string{"Aware", "Choose", "Choose", "Buy"}, map[string]int{"choose": 15}},
		{"no room between", map[string]int{"Aware": 1, "Buy": 2}, []string{"Aware", "Choose", "Buy"}, map[string]int{"choose": 3}},
		{"before the first", map[string]int{"Buy": 20}, []string{"Need", "Buy"}, map[string]int{"need": 21}},
		{"two new in a row", map[string]int{"Aware": 10, "Buy": 20}, []string{"Aware", "Look", "Choose", "Buy", "Use"}, map[string]int{"look": 15, "choose": 17, "use": 21}},
	} {
		t.Run(c.name, func(t *testing.T) {
			site := t.TempDir()
			for title, order := range c.have {
				write(t, site, "content/stages/"+IDFrom(title)+".md", fmt.Sprintf("+++\ntitle = %q\norder = %d\n+++\n", title, order))
			}
			var j Journey
			for _, s := range c.sheet {
				j.Steps = append(j.Steps, Step{Stage: s, Action: "x"})
			}
			if _, err := Write(j, WriteOptions{SiteDir: site, Config: config.Default(), Title: "P", Today: today}); err != nil {
				t.Fatal(err)
			}
			for id, want := range c.want {
				data, err := os.ReadFile(filepath.Join(site, "content", "stages", id+".md"))
				if err != nil || !strings.Contains(string(data), fmt.Sprintf("\norder = %d\n", want)) {
					t.Errorf("%s: want order %d (%v):\n%s", id, want, err, data)
				}
			}
		})
	}
}

// TestOddCells imports cells that could break a content file or an id:
// quotes, backslashes, a "+++" line, C1 controls, names with no letters,
// slashes or dots, a very long name, one name in two cases. The site must
// pass check with no errors.
func TestOddCells(t *testing.T) {
	long := strings.Repeat("Очень длинное название этапа ", 10)
	sheet := "Stage,🙂,Покупка/Оплата,..,\"" + long + "\"\r\n" +
		"Action,\"He said \"\"hi\"\" \\ left\",\"+++\n+++\",a\u0085b,x\r\n" +
		"Touchpoints,\"Сайт\n..\",сайт,САЙТ; ../etc,\"\ttabbed\"\r\n" +
		"Pains,[high],\"text [нет]\",- ,x [critical]\r\n"
	site := t.TempDir()
	r, err := ReadCSV("odd.csv", []byte(sheet), CSVOptions{Scale: config.Scale{Min: -2, Max: 2}})
	if err != nil {
		t.Fatal(err)
	}
	w, err := Write(r.Journey, WriteOptions{SiteDir: site, Config: config.Default(), Title: "Odd \"one\" / ..", Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if len(w.Touchpoints) != 4 {
		t.Errorf("touchpoints %v, want сайт, a dotted one, etc and tabbed", w.Touchpoints)
	}
	for _, p := range append(append([]string{w.Persona}, w.Stages...), w.Touchpoints...) {
		if id := strings.TrimSuffix(p[strings.LastIndexByte(p, '/')+1:], ".md"); len(id) > maxIDLen || strings.ContainsAny(id, "./\\") && id != "" {
			t.Errorf("bad id in %s", p)
		}
	}
	res, err := build.Check(build.Options{SiteDir: site, Now: today})
	if err != nil {
		t.Fatal(err)
	}
	if errs, _ := res.Diags.Count(); errs > 0 {
		data, _ := os.ReadFile(filepath.Join(site, w.Persona))
		t.Errorf("check finds errors:\n%s\n%s", diagText(res.Diags), data)
	}
}
