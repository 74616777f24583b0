package publish

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// The builds of the crash test: old is on disk, new is written over it
// by a process killed at some step.
var (
	crashOld = map[string]string{
		"index.html":               "old home",
		"same.html":                "same",
		"personas/anna/index.html": "anna v1",
		"personas/bob/index.html":  "bob",
		"personas/bob/chart.svg":   "<svg/>",
		"stale.html":               "stale",
		"blocked":                  "a file where a folder goes next",
		"asdir/index.html":         "a folder where a file goes next",
		"css/app.css":              "body{color:red}",
		"data.json":                `{"v":1}`,
	}
	crashNew = map[string]string{
		"index.html":               "new home",
		"same.html":                "same",
		"personas/anna/index.html": "anna v2",
		"personas/cara/index.html": "cara",
		"blocked/index.html":       "now a folder",
		"asdir":                    "now a file",
		"css/app.css":              "body{color:blue}",
		"data.json":                `{"v":2}`,
	}
)

// crashFiles gives a build as Files; data.json is streamed, as the build
// does.
func crashFiles(m map[string]string) []File {
	var files []File
	for _, f := range filesAs(m, "data") {
		if f.Path == "data.json" {
			v := string(f.Data)
			f = File{Path: f.Path, Stream: func(w io.Writer) error { _, err := io.WriteString(w, v); return err }}
		}
		files = append(files, f)
	}
	return files
}

// Environment of the child process of TestWriteKilled.
const (
	crashEnvDir    = "CXATLAS_TEST_CRASH_DIR"
	crashEnvRecord = "CXATLAS_TEST_CRASH_RECORD"
	crashEnvAt     = "CXATLAS_TEST_CRASH_AT"
)

// TestWriteKilledChild is the child process of TestWriteKilled: it writes
// crashNew and kills itself with SIGKILL before the step numbered by
// crashEnvAt.
func TestWriteKilledChild(t *testing.T) {
	dir := os.Getenv(crashEnvDir)
	if dir == "" {
		t.Skip("run by TestWriteKilled")
	}
	at, err := strconv.Atoi(os.Getenv(crashEnvAt))
	if err != nil {
		t.Fatal(err)
	}
	step := 0
	opts := Options{Workers: 1, Record: os.Getenv(crashEnvRecord), crashHook: func(string) {
		if step++; step == at {
			syscall.Kill(os.Getpid(), syscall.SIGKILL)
			select {}
		}
	}}
	if _, err := Write(dir, crashFiles(crashNew), opts); err != nil {
		t.Fatal(err)
	}
}

// TestWriteKilled kills a process writing a build at every step in turn,
// over an older build and into a folder that does not exist yet, and
// checks that the folder always holds one whole build once recovered, and
// nothing else, and that the next Write cleans up and writes the new build.
func TestWriteKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a process per step")
	}
	for _, fresh := range []bool{false, true} {
		t.Run(fmt.Sprintf("fresh=%v", fresh), func(t *testing.T) {
			journals := 0
			for at := 1; ; at++ {
				done, journal := crashAt(t, fresh, at)
				if journal {
					journals++
				}
				if !done {
					continue
				}
				if at < 5 {
					t.Fatalf("the write completed after %d steps; the hook is not called", at-1)
				}
				if !fresh && journals < at/3 {
					t.Fatalf("killed %d times, %d times with a journal: the test misses the renames", at-1, journals)
				}
				t.Logf("killed at each of %d steps, %d times leaving a journal", at-1, journals)
				return
			}
		})
	}
}

// crashAt runs one child killed at step at and checks the folder it
// leaves. It reports whether the child completed the write instead, and
// whether it left a journal.
func crashAt(t *testing.T, fresh bool, at int) (done, journal bool) {
	t.Helper()
	base := t.TempDir()
	dir := filepath.Join(base, "public")
	rec := filepath.Join(t.TempDir(), "record")
	if !fresh {
		if _, err := Write(dir, crashFiles(crashOld), Options{Record: rec}); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestWriteKilledChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashEnvDir+"="+dir, crashEnvRecord+"="+rec, crashEnvAt+"="+strconv.Itoa(at))
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	switch {
	case err == nil:
		done = true
	case errors.As(err, &exit) && exit.Sys().(syscall.WaitStatus).Signal() == syscall.SIGKILL:
	default:
		t.Fatalf("step %d: child: %v\n%s", at, err, out)
	}
	old, new := prefixed("public/", crashOld), prefixed("public/", crashNew)
	if fresh {
		old = map[string]string{}
	}
	journal = hasJournal(dir)
	if got := withoutTemps(contents(snapshot(t, base))); !journal && !maps.Equal(got, old) && !maps.Equal(got, new) {
		t.Fatalf("killed at step %d: the folder holds neither build nor a journal:\n%v", at, got)
	}
	// Odd steps recover explicitly, even ones leave it to the next Write.
	if at%2 == 1 {
		if err := Recover(dir); err != nil {
			t.Fatalf("killed at step %d: Recover: %v", at, err)
		}
		got := contents(snapshot(t, base))
		switch {
		case journal && !maps.Equal(got, new):
			t.Fatalf("killed at step %d with a journal: recovered to\n%v\nwant the new build", at, got)
		case !maps.Equal(got, old) && !maps.Equal(got, new):
			t.Fatalf("killed at step %d: recovered to\n%v\nwhich is neither build", at, got)
		}
	}
	if _, err := Write(dir, crashFiles(crashNew), Options{Record: rec}); err != nil {
		t.Fatalf("killed at step %d: next Write: %v", at, err)
	}
	if got := contents(snapshot(t, base)); !maps.Equal(got, new) {
		t.Fatalf("killed at step %d: the next Write left\n%v\nwant\n%v", at, got, new)
	}
	return done, journal
}

// prefixed returns m with prefix before every path.
func prefixed(prefix string, m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for p, v := range m {
		out[prefix+p] = v
	}
	return out
}

// withoutTemps returns tree without the temporary files and folders of a
// write, its journal and the lock file a killed write leaves beside the
// folder (the lock itself dies with the process; the next holder removes
// the file).
func withoutTemps(tree map[string]string) map[string]string {
	out := map[string]string{}
	for p, v := range tree {
		if !strings.Contains(p, tempPrefix) && !strings.Contains(p, journalName) && p != ".public.lock" {
			out[p] = v
		}
	}
	return out
}

// hasJournal reports whether the publish folder dir holds a journal.
func hasJournal(dir string) bool {
	_, err := os.Lstat(filepath.Join(dir, journalName))
	return err == nil
}
