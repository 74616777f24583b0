package main

import (
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestBuildWatch runs cxatlas build -watch, the binary, on the base portal,
// edits it, breaks it, fixes it and stops it with Ctrl+C: after every
// rebuild the output folder is byte for byte a clean build of the same
// files, and while the content is broken it keeps the last good build.
func TestBuildWatch(t *testing.T) {
	for _, tt := range []struct{ name, poll string }{{"notify", ""}, {"poll", "20ms"}} {
		t.Run(tt.name, func(t *testing.T) {
			site := testSite(t)
			out := filepath.Join(t.TempDir(), "public")
			args := []string{"build", "-watch", "-d", out}
			if tt.poll != "" {
				args = append(args, "-poll", tt.poll)
			}
			cmd := exec.Command(binary, args...)
			cmd.Dir = site
			cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH=1795521600")
			stdout, stderr, done := startBackground(t, cmd)
			waitOutput(t, stdout, regexp.MustCompile(`built \d+ pages in \d+ m?s\n`))
			waitOutput(t, stdout, regexp.MustCompile(`watching \. for changes, building into `+regexp.QuoteMeta(out)))
			sameAsClean(t, site, out)

			edit(t, site, family, `title = "Family"`, `title = "Household"`)
			waitLines(t, stdout, `rebuilt \d+ of \d+ pages in \d+ m?s \(content/personas/family\.md\)`, 1)
			sameAsClean(t, site, out)

			edit(t, site, family, `stage = "buy"`, `stage = "nowhere"`)
			waitOutput(t, stderr, regexp.MustCompile(`build failed in \d+ m?s: 1 error \(content/personas/family\.md\); the output folder keeps the last good build`))
			if page, err := os.ReadFile(filepath.Join(out, "personas", "family", "index.html")); err != nil || !strings.Contains(string(page), "<h1>Household</h1>") {
				t.Errorf("after a failed build the output lost the last good page: %v\n%s", err, page)
			}

			edit(t, site, family, `stage = "nowhere"`, `stage = "buy"`)
			waitLines(t, stdout, `rebuilt \d+ of \d+ pages`, 2)
			sameAsClean(t, site, out)

			kiosk := filepath.Join(site, "content", "touchpoints", "kiosk.md")
			if err := os.WriteFile(kiosk, []byte("+++\ntitle = \"Kiosk\"\nchannel = \"store\"\n+++\nA kiosk.\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			waitLines(t, stdout, `rebuilt \d+ of \d+ pages in \d+ m?s \(content/touchpoints/kiosk\.md\)`, 1)
			sameAsClean(t, site, out)
			if err := os.Remove(kiosk); err != nil {
				t.Fatal(err)
			}
			waitLines(t, stdout, `rebuilt \d+ of \d+ pages in \d+ m?s \(content/touchpoints/kiosk\.md\)`, 2)
			sameAsClean(t, site, out)

			if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
				t.Fatal(err)
			}
			select {
			case err := <-done:
				done <- err
				if err != nil {
					t.Errorf("after Ctrl+C: %v; want exit status 0\nstderr:\n%s", err, stderr)
				}
			case <-time.After(serveWait):
				t.Fatal("cxatlas build -watch did not stop on Ctrl+C")
			}
		})
	}
}

// waitLines waits until the output holds n lines matching re.
func waitLines(t *testing.T, out *syncBuffer, re string, n int) {
	t.Helper()
	r := regexp.MustCompile(re)
	deadline := time.Now().Add(serveWait)
	for time.Now().Before(deadline) {
		if len(r.FindAllString(out.String(), -1)) >= n {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("fewer than %d lines %q in the output within %v:\n%s", n, re, serveWait, out)
}

// sameAsClean checks that out holds exactly what a clean build of site
// writes.
func sameAsClean(t *testing.T, site, out string) {
	t.Helper()
	clean := filepath.Join(t.TempDir(), "clean")
	if r := cxatlas(t, site, "build", "-q", "-d", clean); r.code != 0 {
		t.Fatalf("clean build: exit %d\n%s", r.code, r.stderr)
	}
	got, want := relFiles(t, out), relFiles(t, clean)
	if maps.Equal(got, want) {
		return
	}
	for name, data := range want {
		if got[name] != data {
			t.Errorf("%s differs from a clean build", name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s is not in a clean build", name)
		}
	}
}

// relFiles lists the files below dir, by their path relative to it, with
// their content.
func relFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	rel := make(map[string]string)
	for p, data := range files(t, dir) {
		r, err := filepath.Rel(dir, p)
		if err != nil {
			t.Fatal(err)
		}
		rel[filepath.ToSlash(r)] = data
	}
	return rel
}
