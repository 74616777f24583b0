package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxatlas/cxatlas/generator/browsertest"
)

// portals are the sites every end-to-end test builds.
func portals(t *testing.T) map[string]string {
	return map[string]string{
		"example":  exampleSite(t),
		"cyrillic": "testdata/portals/cyrillic",
		"minimal":  "testdata/portals/minimal",
		"edge":     "testdata/portals/edge",
	}
}

func TestBuildPortals(t *testing.T) {
	all := t.TempDir()
	for name, site := range portals(t) {
		t.Run(name, func(t *testing.T) {
			out := filepath.Join(all, name)
			records := func() int {
				m, _ := filepath.Glob(filepath.Join(cacheHome, "publish", "*"))
				return len(m)
			}
			recordsBefore := records()
			r := cxatlas(t, ".", "build", "-s", site, "-d", out)
			if r.code != 0 {
				t.Fatalf("exit %d\n%s", r.code, r.stderr)
			}
			pages := checkSite(t, out)
			for _, f := range []string{"index.html", "404.html", "sitemap.xml", "data.json", "pains/index.html",
				"owners/index.html", "personas/index.html", "stages/index.html", "touchpoints/index.html"} {
				if _, err := os.Stat(filepath.Join(out, f)); err != nil {
					t.Errorf("missing %s", f)
				}
			}
			var data map[string]any
			raw, err := os.ReadFile(filepath.Join(out, "data.json"))
			if err != nil || json.Unmarshal(raw, &data) != nil {
				t.Errorf("data.json is not valid JSON: %v", err)
			}
			if len(pages) < 10 {
				t.Errorf("only %d pages", len(pages))
			}

			// A second build writes nothing and removes nothing.
			r = cxatlas(t, ".", "build", "-s", site, "-d", out)
			if r.code != 0 || !strings.Contains(r.stdout, " 0 written,") || !strings.Contains(r.stdout, " 0 removed") {
				t.Errorf("second build: exit %d: %s%s", r.code, r.stdout, r.stderr)
			}
			// The builds keep one record of this new output folder in the
			// user's cache folder.
			if n := records() - recordsBefore; n != 1 {
				t.Errorf("%d new records in the cache folder, want 1", n)
			}
		})
	}
	validateHTML(t, all)
}

// validateHTML runs the W3C Nu checker over dir when it is installed
// (VNU_JAR names its jar); CI installs it, so there it must run.
func validateHTML(t *testing.T, dir string) {
	t.Helper()
	jar := os.Getenv("VNU_JAR")
	if jar == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("VNU_JAR is not set: CI must validate the HTML")
		}
		t.Log("VNU_JAR not set: HTML not validated")
		return
	}
	out, err := exec.Command("java", "-jar", jar, "--skip-non-html", "--errors-only", "--format", "gnu", dir).CombinedOutput()
	if err != nil {
		t.Errorf("the Nu checker reports errors:\n%s", out)
	}
}

func TestCyrillic(t *testing.T) {
	out := t.TempDir()
	r := cxatlas(t, ".", "build", "-s", "testdata/portals/cyrillic", "-d", out)
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	page, err := os.ReadFile(filepath.Join(out, "personas", "молодая-семья", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(page)
	if !strings.Contains(text, `lang=ru`) && !strings.Contains(text, `lang="ru"`) {
		t.Errorf("persona page is not marked as Russian")
	}
	if !strings.Contains(text, "Молодая семья") {
		t.Errorf("persona page lacks its Cyrillic title")
	}
	home, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	// Links to Cyrillic ids are percent-encoded and resolve (checkSite
	// checks they resolve; here that they are encoded).
	if !strings.Contains(string(home), "personas/%d0%bc%d0%be") && !strings.Contains(string(home), "personas/%D0%BC%D0%BE") {
		t.Errorf("home page does not link to the Cyrillic persona with an encoded URL")
	}
	pains, err := os.ReadFile(filepath.Join(out, "pains", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(pains), "не видит историю заказа") {
		t.Errorf("the shared Cyrillic pain is missing from the index")
	}
}

func TestExitStatus(t *testing.T) {
	bad := copyDir(t, "testdata/portals/minimal")
	p := filepath.Join(bad, "content", "personas", "shopper.md")
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(data), `stage = "buy"`, `stage = "buyy"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"no command", nil, 2, "", "Usage:"},
		{"unknown command", []string{"bild"}, 2, "", `unknown command "bild"`},
		{"unknown flag", []string{"build", "-x"}, 2, "", "flag provided but not defined: -x"},
		{"stray argument", []string{"check", "extra"}, 2, "", `unexpected argument "extra"`},
		{"bad format", []string{"check", "-format", "xml"}, 2, "", `unknown format "xml"`},
		{"help", []string{"build", "-h"}, 0, "", "Usage: cxatlas build"},
		{"version", []string{"version"}, 0, "cxatlas ", ""},
		{"check clean", []string{"check", "-s", "testdata/portals/cyrillic"}, 0, "", "0 errors"},
		{"check strict fails on warnings", []string{"check", "-strict", "-s", "testdata/portals/cyrillic"}, 1, "warning:", ""},
		{"check errors", []string{"check", "-s", bad}, 1, `unknown stage "buyy"; did you mean "buy"?`, "1 error"},
		{"check github", []string{"check", "-format", "github", "-s", bad}, 1, "::error file=content/personas/shopper.md,line=", ""},
		{"build errors", []string{"build", "-s", bad, "-d", t.TempDir()}, 1, "", "the output folder was not changed"},
		{"new bad kind", []string{"new", "journey", "x", "-s", t.TempDir()}, 2, "", `unknown kind "journey"`},
		{"new bad id", []string{"new", "persona", "a b", "-s", t.TempDir()}, 2, "", "may only use letters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := cxatlas(t, ".", tt.args...)
			if r.code != tt.code || !strings.Contains(r.stdout, tt.stdout) || !strings.Contains(r.stderr, tt.stderr) {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d with %q and %q", r.code, r.stdout, r.stderr, tt.code, tt.stdout, tt.stderr)
			}
		})
	}
}

func TestConfigValuesChecked(t *testing.T) {
	site := copyDir(t, "testdata/portals/minimal")
	cfg := "title = \"Minimal\"\nbaseURL = \"javascript:alert(1)//\"\n[emotion]\nmin = -9223372036854775808\nmax = 9223372036854775807\n"
	if err := os.WriteFile(filepath.Join(site, "config.toml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	r := cxatlas(t, site, "build", "-d", t.TempDir())
	for _, want := range []string{
		`config.toml:2:1: error: baseURL "javascript:alert(1)//" must be an http or https address, not a javascript: link`,
		`config.toml:4:1: error: emotion scale min (-9223372036854775808) must be between -100 and 100`,
	} {
		if r.code != 1 || !strings.Contains(r.stderr+r.stdout, want) {
			t.Errorf("exit %d, want %q in:\n%s%s", r.code, want, r.stdout, r.stderr)
		}
	}
}

func TestCheckJSON(t *testing.T) {
	r := cxatlas(t, ".", "check", "-format", "json", "-s", "testdata/portals/edge")
	var got []struct {
		File     string `json:"file"`
		Line     int    `json:"line"`
		Severity string `json:"severity"`
		Message  string `json:"message"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, r.stdout)
	}
	if r.code != 0 || len(got) == 0 || got[0].File == "" || got[0].Severity != "warning" {
		t.Errorf("exit %d, %+v", r.code, got)
	}
}

// TestNewThenBuild writes a persona, a stage and a touchpoint with new in
// an English and a Russian site: the templates speak the site's language,
// and check and build take them as they are.
func TestNewThenBuild(t *testing.T) {
	for _, c := range []struct {
		portal, persona, stage, touchpoint, words string
		clashes                                   []string
	}{
		{"minimal", "student", "returns", "chat-bot", "# A persona: one customer segment", []string{"Student", "studеnt"}},
		{"cyrillic", "студент", "возврат", "чат-бот", "# Персона: один сегмент клиентов", []string{"Студент"}},
	} {
		t.Run(c.portal, func(t *testing.T) {
			site := copyDir(t, "testdata/portals/"+c.portal)
			for _, args := range [][]string{{"new", "stage", c.stage}, {"new", "touchpoint", c.touchpoint}, {"new", "persona", c.persona}} {
				if r := cxatlas(t, site, args...); r.code != 0 {
					t.Fatalf("%v: exit %d: %s", args, r.code, r.stderr)
				}
			}
			if r := cxatlas(t, site, "new", "stage", c.stage); r.code != 2 || !strings.Contains(r.stderr, "already exists") {
				t.Errorf("second new: exit %d: %s", r.code, r.stderr)
			}
			// An id the build would take for an existing one is refused, naming it.
			for _, id := range c.clashes {
				r := cxatlas(t, site, "new", "persona", id)
				want := fmt.Sprintf("cxatlas new: id %q clashes with content/personas/%s.md, which has ", id, c.persona)
				if r.code != 2 || !strings.Contains(r.stderr, want) {
					t.Errorf("new persona %s: exit %d: %s", id, r.code, r.stderr)
				}
			}
			data, err := os.ReadFile(filepath.Join(site, "content", "personas", c.persona+".md"))
			if err != nil || !strings.Contains(string(data), c.words) {
				t.Errorf("the new persona is not in the site's language (%v):\n%s", err, data)
			}
			if r := cxatlas(t, site, "check"); r.code != 0 || strings.Contains(r.stdout+r.stderr, "error:") {
				t.Errorf("check after new: exit %d:\n%s%s", r.code, r.stdout, r.stderr)
			}
			if r := cxatlas(t, site, "build"); r.code != 0 {
				t.Errorf("build after new: exit %d:\n%s%s", r.code, r.stdout, r.stderr)
			}
		})
	}
}

func TestFailedBuildLeavesOutput(t *testing.T) {
	site := exampleSite(t)
	out := t.TempDir()
	if r := cxatlas(t, ".", "build", "-s", site, "-d", out); r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	before := readSite(t, out)
	p := filepath.Join(site, "content", "stages", "purchase.md")
	if err := os.WriteFile(p, []byte("+++\ntitle = \"Buy\"\norder = \"first\"\n+++\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := cxatlas(t, ".", "build", "-s", site, "-d", out)
	if r.code != 1 || !strings.Contains(r.stderr, "content/stages/purchase.md:3:9: error: order must be a whole number") {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	after := readSite(t, out)
	if len(after) != len(before) {
		t.Errorf("%d pages before, %d after", len(before), len(after))
	}
	for name, pg := range before {
		if after[name] == nil || after[name].text != pg.text {
			t.Errorf("%s changed", name)
		}
	}
}

// TestPagesInChromium opens built pages in headless Chromium and checks the
// document the browser made of them: the persona map with its chart and the
// pain-point index, under a sub-path, as a static host would serve them.
func TestPagesInChromium(t *testing.T) {
	browser := browsertest.Chromium(t)
	out := filepath.Join(t.TempDir(), "hosted", "cx", "portal")
	if r := cxatlas(t, ".", "build", "-s", exampleSite(t), "-d", out); r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	tests := []struct {
		page string
		want []string
	}{
		{"index.html", []string{"<main", "Hearthway"}},
		{"personas/urgent-replacer/index.html", []string{"<svg", "step-1", "Anna"}},
		{"pains/index.html", []string{"<table", "pain-delivery-window"}},
	}
	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			cmd := exec.Command(browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--no-first-run", "--disable-component-update", "--disable-sync", "--user-data-dir="+t.TempDir(),
				"--dump-dom", "file://"+filepath.Join(out, filepath.FromSlash(tt.page)))
			dom, err := cmd.Output()
			if err != nil {
				t.Fatalf("chromium: %v", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(string(dom), w) {
					t.Errorf("the DOM Chromium built lacks %q", w)
				}
			}
		})
	}
}
