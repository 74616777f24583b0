package main

import (
	"context"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cxatlas/cxatlas/generator/publish"
)

// TestServeCleansUpOnSignal runs cxatlas serve, stops it with a signal and
// checks that its temporary output folder is gone.
func TestServeCleansUpOnSignal(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGHUP, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			tmp := t.TempDir()
			cmd := exec.Command(binary, "serve", "-s", testSite(t), "-addr", "127.0.0.1:0")
			cmd.Env = append(os.Environ(), "TMPDIR="+tmp)
			stdout, stderr, done := startBackground(t, cmd)
			waitOutput(t, stdout, regexp.MustCompile(`serving http://127\.0\.0\.1:\d+/`))
			portals, _ := filepath.Glob(filepath.Join(tmp, "cxatlas-serve-*", "index.html"))
			if len(portals) != 1 {
				t.Fatalf("no portal in the temporary folder %s: %v", tmp, portals)
			}
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			select {
			case err := <-done:
				done <- err // for the cleanup
				if err != nil {
					t.Errorf("cxatlas serve ended with %v; want exit status 0\n%s", err, stderr)
				}
			case <-time.After(serveWait):
				t.Fatalf("cxatlas serve did not stop within %v on %v", serveWait, sig)
			}
			if left, _ := os.ReadDir(tmp); len(left) != 0 {
				t.Errorf("left behind in the temporary folder: %v", left)
			}
		})
	}
}

// TestServeRefusesOtherHosts asks the server for its pages under another
// host name, as a page using DNS rebinding would.
func TestServeRefusesOtherHosts(t *testing.T) {
	s := startServe(t, testSite(t))
	port := strings.TrimSuffix(s.url[strings.LastIndex(s.url, ":")+1:], "/")
	for _, tt := range []struct {
		host   string
		status int
	}{
		{"attacker.example:" + port, http.StatusForbidden},
		{"localhost:" + port, http.StatusOK},
		{"127.0.0.1:" + port, http.StatusOK},
		{"localhost:9000", http.StatusOK}, // through ssh -L 9000:localhost:PORT
		{"attacker.example:9000", http.StatusForbidden},
	} {
		req, err := http.NewRequest(http.MethodGet, s.url+"data.json", nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Host = tt.host
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != tt.status {
			t.Errorf("Host %s: status %d, want %d: %s", tt.host, res.StatusCode, tt.status, body)
		}
		if tt.status == http.StatusForbidden && (strings.Contains(string(body), "personas") || !strings.Contains(string(body), "DNS rebinding")) {
			t.Errorf("Host %s: body %q", tt.host, body)
		}
	}
}

func TestServeRefusesProjectFolder(t *testing.T) {
	victim := t.TempDir()
	if err := os.WriteFile(filepath.Join(victim, "README.md"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr syncBuffer
	ctx, cancel := context.WithTimeout(context.Background(), serveWait)
	defer cancel()
	code := run(ctx, []string{"serve", "-s", testSite(t), "-addr", "127.0.0.1:0", "-d", victim}, &stdout, &stderr)
	want := "cxatlas serve: publish: refusing " + victim + `: it holds "README.md", which the portal does not`
	if code != 2 || !strings.Contains(stderr.String(), want) {
		t.Errorf("exit %d, stderr:\n%s\nwant: %s", code, stderr.String(), want)
	}
	if entries, _ := os.ReadDir(victim); len(entries) != 1 {
		t.Errorf("the refused folder holds %v", entries)
	}
}

// TestServeRebuildWaitsForLock holds the lock of serve's -d folder, as a
// build in another terminal would: the rebuild after a save must fail
// naming the holder, and the next save must rebuild.
func TestServeRebuildWaitsForLock(t *testing.T) {
	site := testSite(t)
	out := filepath.Join(t.TempDir(), "public")
	s := startServe(t, site, "-d", out)
	unlock, err := publish.Lock(out, 0)
	if err != nil {
		t.Fatal(err)
	}
	edit(t, site, family, `title = "Family"`, `title = "Household"`)
	want := regexp.MustCompile(`build failed in \d+(\.\d+)? m?s: publish: ` + regexp.QuoteMeta(out) +
		` is being written by pid ` + strconv.Itoa(os.Getpid()) + ` on host .*; waited 5s for it to finish; try again once it has`)
	waitOutput(t, s.stderr, want)
	if err := unlock(); err != nil {
		t.Fatal(err)
	}
	edit(t, site, family, `title = "Household"`, `title = "Home"`)
	waitOutput(t, s.stdout, regexp.MustCompile(`rebuilt \d+ of 38 pages .*\(content/personas/family\.md`))
	if status, page := s.get(t, "personas/family/"); status != 200 || !strings.Contains(page, "<h1>Home</h1>") {
		t.Errorf("after the lock was released, GET personas/family/: %d\n%s", status, page)
	}
}
