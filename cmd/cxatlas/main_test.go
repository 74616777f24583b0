package main

import (
	"bytes"
	"fmt"
	"github.com/cxatlas/cxatlas/generator/browsertest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// binary is the cxatlas executable built once for the end-to-end tests.
var binary string

// cacheHome is the cache folder of the tests and of the binary's runs, set
// through CXATLAS_CACHE_DIR, so that no test leaves write records in the
// user's cache folder.
var cacheHome string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "cxatlas-e2e")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "cxatlas")
	cacheHome = filepath.Join(dir, "cache")
	os.Setenv(cacheDirEnv, cacheHome)
	// The tests' portals live in cxatlas's own repository, whose history
	// would change their pages with every commit: git finds no repository
	// for them. The tests of history make repositories of their own and
	// run without this (see gitRepoEnv).
	os.Setenv("GIT_DIR", filepath.Join(dir, "no-repository"))
	if runtime.GOOS == "windows" {
		binary += ".exe"
	}
	out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "go build: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	browsertest.CloseShared()
	os.RemoveAll(dir)
	os.Exit(code)
}

// result is what one run of the binary printed and returned.
type result struct {
	stdout, stderr string
	code           int
}

// cxatlas runs the binary with args in dir.
func cxatlas(t *testing.T, dir string, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	// Review dates are judged against a fixed day (2026-11-24), so outputs
	// stay the same.
	cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH=1795521600")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{stdout.String(), stderr.String(), code}
}

// copyDir copies the folder src into a new temporary folder and returns it.
func copyDir(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	return dst
}

// exampleSite copies the example portal of the repository (config.toml and
// content/) into a temporary site folder.
func exampleSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	data, err := os.ReadFile("../../config.toml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "config.toml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// startBackground starts cmd, which runs until the test ends (serve, build
// -watch), and returns what it writes and a channel that receives its
// exit (and must be given it back after reading it); the test's cleanup
// kills it.
func startBackground(t *testing.T, cmd *exec.Cmd) (stdout, stderr *syncBuffer, done chan error) {
	t.Helper()
	stdout, stderr = &syncBuffer{}, &syncBuffer{}
	cmd.Stdout, cmd.Stderr = stdout, stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done = make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-done
	})
	return stdout, stderr, done
}
