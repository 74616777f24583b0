//go:build unix

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
)

// TestSignalEndsBuildAndCheck checks that build and check die of SIGTERM,
// as timeout, docker stop and a cancelled CI job expect, instead of
// finishing and exiting 0. The site's config.toml is a named pipe, so the
// command is known to be running, held in its first read, when the signal
// is sent; the config follows once it is.
func TestSignalEndsBuildAndCheck(t *testing.T) {
	for _, args := range [][]string{{"check"}, {"build", "-d", "out"}} {
		t.Run(args[0], func(t *testing.T) {
			site := exampleSite(t)
			cfg := filepath.Join(site, "config.toml")
			data, err := os.ReadFile(cfg)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.Remove(cfg); err != nil {
				t.Fatal(err)
			}
			if err := syscall.Mkfifo(cfg, 0o644); err != nil {
				t.Skipf("no named pipes here: %v", err)
			}
			cmd := exec.Command(binary, append(args, "-s", site)...)
			cmd.Dir = site
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			exited := make(chan error, 1)
			go func() { exited <- cmd.Wait() }()
			opened := make(chan *os.File, 1)
			go func() {
				f, _ := os.OpenFile(cfg, os.O_WRONLY, 0) // waits for the reader
				opened <- f
			}()
			var pipe *os.File
			select {
			case pipe = <-opened:
			case err := <-exited:
				// Let the opener go before failing.
				if r, err := os.OpenFile(cfg, os.O_RDONLY|syscall.O_NONBLOCK, 0); err == nil {
					defer r.Close()
				}
				t.Fatalf("cxatlas %s ended before reading its config: %v", args[0], err)
			}
			if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
				t.Fatal(err)
			}
			pipe.Write(data) // fails once the reader is gone
			pipe.Close()
			<-exited
			ws := cmd.ProcessState.Sys().(syscall.WaitStatus)
			if !ws.Signaled() || ws.Signal() != syscall.SIGTERM {
				t.Errorf("cxatlas %s sent SIGTERM: %v, want it killed by the signal", args[0], cmd.ProcessState)
			}
		})
	}
}
