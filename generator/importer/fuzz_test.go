package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxatlas/cxatlas/generator/build"
	"github.com/cxatlas/cxatlas/generator/config"
)

// seeds adds the files of testdata/<dir> to the corpus of f.
func seeds(f *testing.F, dir string) {
	paths, _ := filepath.Glob(filepath.Join("testdata", dir, "*"))
	for _, p := range paths {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
}

// checkRead holds for any file read without an error: every step has a
// stage, and every emotion lies on the portal's scale.
func checkRead(t *testing.T, r *Read, scale config.Scale) {
	if len(r.Journey.Steps) == 0 {
		t.Fatal("no error and no steps")
	}
	for i, st := range r.Journey.Steps {
		if strings.TrimSpace(st.Stage) == "" {
			t.Errorf("step %d has no stage", i+1)
		}
		if st.HasEmotion && (st.Emotion < scale.Min || st.Emotion > scale.Max) {
			t.Errorf("step %d: emotion %d is off the scale %s", i+1, st.Emotion, scale)
		}
	}
}

// FuzzReadCSV reads arbitrary bytes as a spreadsheet: no panic, no hang,
// and either an error or a journey that holds together.
func FuzzReadCSV(f *testing.F) {
	seeds(f, "csv")
	f.Add([]byte("Stage;A;;B\r\nEmotion;1;5;10\r\n"))
	f.Add([]byte("Stage,Emotion\nA,😀\n,-3\n"))
	scale := config.Scale{Min: -2, Max: 2}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := ReadCSV("f.csv", data, CSVOptions{Scale: scale})
		if err == nil {
			checkRead(t, r, scale)
		}
	})
}

// FuzzReadMermaid reads arbitrary bytes as a Mermaid journey.
func FuzzReadMermaid(f *testing.F) {
	seeds(f, "mermaid")
	f.Add([]byte("journey\nsection A\nt: 9: x\n"))
	scale := config.Scale{Min: 1, Max: 10}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := ReadMermaid("f.mmd", data, scale)
		if err == nil {
			checkRead(t, r, scale)
		}
	})
}

// FuzzImportPassesCheck imports arbitrary sheets and diagrams that read
// without an error into an empty site: check must find no error in the
// files written, whatever the cells and lines hold.
func FuzzImportPassesCheck(f *testing.F) {
	seeds(f, "csv")
	seeds(f, "mermaid")
	f.Add([]byte("Stage,🙂,..\nAction,\"+++\",\\\nTouchpoints,\"a\nA\",. ; ..\nPains,[high],x [low]\n"))
	f.Add([]byte("journey\n title a\fb\u0085c\n section s\u0085t\n  x\u0080y\\: 2: a\fb, \"\n"))
	cfg := config.Default()
	f.Fuzz(func(t *testing.T, data []byte) {
		if r, err := ReadCSV("f.csv", data, CSVOptions{Scale: cfg.Emotion}); err == nil {
			importAndCheck(t, r, cfg)
		}
		if r, err := ReadMermaid("f.mmd", data, cfg.Emotion); err == nil {
			importAndCheck(t, r, cfg)
		}
	})
}

func importAndCheck(t *testing.T, r *Read, cfg *config.Config) {
	site := t.TempDir()
	if _, err := Write(r.Journey, WriteOptions{SiteDir: site, Config: cfg, Fallback: "F", Today: today}); err != nil {
		t.Fatalf("write: %v", err)
	}
	res, err := build.Check(build.Options{SiteDir: site, Now: today})
	if err != nil {
		t.Fatal(err)
	}
	if errs, _ := res.Diags.Count(); errs > 0 {
		t.Fatalf("check finds errors in the imported files:\n%s", diagText(res.Diags))
	}
}
