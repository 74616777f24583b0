package watch

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cxatlas/cxatlas/generator/config"
)

// TestPending checks that a step learns of a save made while it runs, so
// that a server does not reload browsers onto a build already out of
// date, and that the next step starts with nothing pending.
func TestPending(t *testing.T) {
	for _, poll := range []time.Duration{0, 15 * time.Millisecond} {
		t.Run(fmt.Sprintf("poll=%v", poll), func(t *testing.T) {
			site := t.TempDir()
			write("content/personas/a.md")(t, site)
			w, err := New(Options{Paths: SitePaths(site, config.Default()), Delay: 5 * time.Millisecond, Poll: poll})
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			entered := make(chan bool)
			release := make(chan struct{})
			done := make(chan error, 1)
			go func() {
				done <- w.Run(ctx, func(ctx context.Context, changed []string) {
					entered <- w.Pending()
					select {
					case <-release:
					case <-ctx.Done():
					}
				})
			}()
			time.Sleep(2 * poll)
			write("content/personas/a.md")(t, site)
			if pending := receive(t, entered); pending {
				t.Error("Pending() = true as the first step starts; want false")
			}
			if w.Pending() {
				t.Error("Pending() = true before a second save; want false")
			}
			write("content/personas/b.md")(t, site)
			deadline := time.Now().Add(wait)
			for !w.Pending() {
				if time.Now().After(deadline) {
					t.Fatalf("Pending() still false %v after a save during the step", wait)
				}
				time.Sleep(time.Millisecond)
			}
			release <- struct{}{}
			if pending := receive(t, entered); pending {
				t.Error("Pending() = true as the follow-up step starts; want false")
			}
			release <- struct{}{}
			cancel()
			if err := <-done; err != nil {
				t.Errorf("Run: %v", err)
			}
		})
	}
}

// TestBurstIsOneStep checks that a burst of many files, such as a
// checkout, waits for the longer quiet time: a pause between two of its
// files longer than the quiet time of a save does not split it.
func TestBurstIsOneStep(t *testing.T) {
	site := t.TempDir()
	write("content/personas/a.md")(t, site)
	batches := start(t, Options{Paths: SitePaths(site, config.Default()), Delay: 5 * time.Millisecond, BurstDelay: time.Second})
	var first, second []string
	for i := range 6 {
		first = append(first, fmt.Sprintf("content/touchpoints/t%d.md", i))
		second = append(second, fmt.Sprintf("content/stages/s%d.md", i))
	}
	write(first...)(t, site)
	time.Sleep(100 * time.Millisecond) // a pause twenty times the save's quiet time
	write(second...)(t, site)
	got := receive(t, batches)
	rel := make(map[string]bool)
	for _, p := range got {
		r, _ := filepath.Rel(site, p)
		rel[filepath.ToSlash(r)] = true
	}
	if !covers(rel, append(first, second...)) {
		t.Errorf("the first step got %v; want the whole burst", keys(rel))
	}
}

func TestLimitAdvice(t *testing.T) {
	tests := []struct {
		name  string
		err   error
		limit bool
		want  []string
	}{
		{"watches", fmt.Errorf("add: %w", syscall.ENOSPC), true, []string{
			"limit of watched folders", "fs.inotify.max_user_watches", "no space left on device",
			"sudo sysctl fs.inotify.max_user_watches=524288",
			"echo fs.inotify.max_user_watches=524288 | sudo tee /etc/sysctl.d/", "-poll 1s"}},
		{"instances", syscall.EMFILE, true, []string{
			"sudo sysctl fs.inotify.max_user_instances=1024", "/etc/sysctl.d/", "-poll 1s"}},
		{"other", fs.ErrPermission, false, []string{"permission denied"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := limitAdvice(tt.err)
			if got := errors.Is(err, ErrLimit); got != tt.limit {
				t.Errorf("errors.Is(%v, ErrLimit) = %v; want %v", err, got, tt.limit)
			}
			if !errors.Is(err, tt.err) {
				t.Errorf("%v does not wrap %v", err, tt.err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("%q lacks %q", err, w)
				}
			}
		})
	}
}
