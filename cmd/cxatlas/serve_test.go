package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cxatlas/cxatlas/generator/search"
)

// serveWait bounds every wait of the serve tests: far more than a rebuild
// of the tiny test portal takes.
const serveWait = 15 * time.Second

// syncBuffer is a bytes.Buffer that the command and the test may use at
// once.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// waitOutput polls out until re matches, and returns the match.
func waitOutput(t *testing.T, out *syncBuffer, re *regexp.Regexp) string {
	t.Helper()
	deadline := time.Now().Add(serveWait)
	for time.Now().Before(deadline) {
		if m := re.FindString(out.String()); m != "" {
			return m
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("no %q in the output within %v:\n%s", re, serveWait, out)
	return ""
}

// serveRun is a cxatlas serve running for one test.
type serveRun struct {
	url            string
	stdout, stderr *syncBuffer
	cancel         context.CancelFunc
	code           chan int
}

// startServe runs cxatlas serve on the site with args and waits for its
// address.
func startServe(t *testing.T, site string, args ...string) *serveRun {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	s := &serveRun{stdout: &syncBuffer{}, stderr: &syncBuffer{}, cancel: cancel, code: make(chan int, 1)}
	args = append([]string{"serve", "-s", site, "-addr", "127.0.0.1:0"}, args...)
	go func() { s.code <- run(ctx, args, s.stdout, s.stderr) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-s.code:
		case <-time.After(serveWait):
			t.Error("cxatlas serve did not stop")
		}
	})
	s.url = waitOutput(t, s.stdout, regexp.MustCompile(`http://127\.0\.0\.1:\d+/`))
	return s
}

// stop cancels the command, as Ctrl+C does, and returns its exit status.
func (s *serveRun) stop(t *testing.T) int {
	t.Helper()
	s.cancel()
	select {
	case code := <-s.code:
		s.code <- code // for the cleanup
		return code
	case <-time.After(serveWait):
		t.Fatalf("cxatlas serve did not stop within %v", serveWait)
		return -1
	}
}

// get returns the status and body of a page.
func (s *serveRun) get(t *testing.T, path string) (int, string) {
	t.Helper()
	res, err := http.Get(s.url + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, string(data)
}

// sse is one server-sent event.
type sse struct{ name, data string }

// events opens the live-reload stream and returns its events.
func (s *serveRun) events(t *testing.T) <-chan sse {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, err := http.NewRequestWithContext(ctx, "GET", s.url+"_cxatlas/events", nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	c := make(chan sse, 16)
	go func() {
		defer close(c)
		defer res.Body.Close()
		sc := bufio.NewScanner(res.Body)
		var e sse
		for sc.Scan() {
			switch line := sc.Text(); {
			case line == "":
				if e.name != "" {
					c <- e
				}
				e = sse{}
			case strings.HasPrefix(line, "event: "):
				e.name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				if e.data != "" {
					e.data += "\n"
				}
				e.data += strings.TrimPrefix(line, "data: ")
			}
		}
	}()
	return c
}

// await reads events until one is called name, and returns it.
func await(t *testing.T, c <-chan sse, name string) sse {
	t.Helper()
	timeout := time.After(serveWait)
	for {
		select {
		case e, ok := <-c:
			if !ok {
				t.Fatalf("the event stream ended before a %q event", name)
			}
			if e.name == name {
				return e
			}
		case <-timeout:
			t.Fatalf("no %q event within %v", name, serveWait)
		}
	}
}

// testSite copies the base test portal into a new folder.
func testSite(t *testing.T) string {
	t.Helper()
	return copyDir(t, filepath.Join("..", "..", "generator", "build", "testdata", "base"))
}

// edit replaces old with new in a file of the site.
func edit(t *testing.T, site, name, old, new string) {
	t.Helper()
	p := filepath.Join(site, filepath.FromSlash(name))
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("%s has no %q", name, old)
	}
	if err := os.WriteFile(p, bytes.Replace(data, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

const family = "content/personas/family.md"

func TestServeRebuildsOnChange(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp) // where the output folder goes
	site := testSite(t)
	s := startServe(t, site)

	status, page := s.get(t, "personas/family/")
	if status != 200 || !strings.Contains(page, "<h1>Family</h1>") || !strings.Contains(page, "/_cxatlas/live.js") {
		t.Fatalf("GET personas/family/: %d\n%s", status, page)
	}
	events := s.events(t)
	await(t, events, "hello")

	edit(t, site, family, `title = "Family"`, `title = "Household"`)
	await(t, events, "reload")
	if status, page := s.get(t, "personas/family/"); status != 200 || !strings.Contains(page, "<h1>Household</h1>") {
		t.Fatalf("after the edit, GET personas/family/: %d\n%s", status, page)
	}
	waitOutput(t, s.stdout, regexp.MustCompile(`rebuilt \d+ of 38 pages in \d+ m?s \(content/personas/family\.md`))
	// The search index is served too, and follows the edit.
	if status, shard := s.get(t, strings.TrimPrefix(search.ShardPath("hou"), "/")); status != 200 || !strings.Contains(shard, `"household"`) {
		t.Errorf("after the edit, GET %s: %d\n%s", search.ShardPath("hou"), status, shard)
	}

	edit(t, site, family, `stage = "buy"`, `stage = "nowhere"`)
	e := await(t, events, "problems")
	if !regexp.MustCompile(`^content/personas/family\.md:\d+:\d+: unknown stage "nowhere"`).MatchString(e.data) {
		t.Errorf("problems %q; want file:line:col: message", e.data)
	}
	if status, page := s.get(t, "personas/family/"); status != 200 || !strings.Contains(page, "<h1>Household</h1>") {
		t.Errorf("during the error, GET personas/family/: %d; want the last good build\n%s", status, page)
	}
	waitOutput(t, s.stderr, regexp.MustCompile(`build failed in \d+ m?s: 1 error .*; serving the last good build`))

	edit(t, site, family, `stage = "nowhere"`, `stage = "buy"`)
	await(t, events, "reload")

	if code := s.stop(t); code != 0 {
		t.Errorf("exit status %d after Ctrl+C; want 0\nstderr:\n%s", code, s.stderr)
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("the temporary output folder was left behind: %v", left)
	}
}

func TestServeStartsWithErrors(t *testing.T) {
	site := testSite(t)
	edit(t, site, family, `stage = "buy"`, `stage = "nowhere"`)
	s := startServe(t, site)

	status, page := s.get(t, "")
	if status != 404 || !strings.Contains(page, "/_cxatlas/live.js") {
		t.Fatalf("before any good build, GET /: %d; want 404 with the live-reload script\n%s", status, page)
	}
	events := s.events(t)
	await(t, events, "hello")
	if e := await(t, events, "problems"); !strings.Contains(e.data, `unknown stage "nowhere"`) {
		t.Errorf("problems %q; want the unknown stage", e.data)
	}

	edit(t, site, family, `stage = "nowhere"`, `stage = "buy"`)
	await(t, events, "reload")
	if status, page := s.get(t, ""); status != 200 || !strings.Contains(page, "Base portal") {
		t.Errorf("after the fix, GET /: %d\n%s", status, page)
	}
	if code := s.stop(t); code != 0 {
		t.Errorf("exit status %d; want 0", code)
	}
}

func TestServeIntoFolder(t *testing.T) {
	site := testSite(t)
	out := filepath.Join(t.TempDir(), "out")
	s := startServe(t, site, "-d", out)
	if status, _ := s.get(t, "stages/buy/"); status != 200 {
		t.Errorf("GET stages/buy/: %d", status)
	}
	if code := s.stop(t); code != 0 {
		t.Errorf("exit status %d; want 0", code)
	}
	if _, err := os.Stat(filepath.Join(out, "stages", "buy", "index.html")); err != nil {
		t.Errorf("the -d folder was not kept: %v", err)
	}
}

func TestServeUsage(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	site := testSite(t)
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"argument", []string{"serve", "-s", site, "extra"}, 2, `unexpected argument "extra"`},
		{"unknown flag", []string{"serve", "-x"}, 2, "flag provided but not defined"},
		{"missing site", []string{"serve", "-s", filepath.Join(site, "nowhere")}, 2, "is not a site folder"},
		{"address in use", []string{"serve", "-s", site, "-addr", busy.Addr().String()}, 1, "address already in use"},
		{"help", []string{"serve", "-h"}, 0, "-addr"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr syncBuffer
			ctx, cancel := context.WithTimeout(context.Background(), serveWait)
			defer cancel()
			if code := run(ctx, tt.args, &stdout, &stderr); code != tt.code {
				t.Errorf("exit status %d; want %d\nstderr:\n%s", code, tt.code, stderr.String())
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("stderr %q; want %q", stderr.String(), tt.stderr)
			}
		})
	}
}
