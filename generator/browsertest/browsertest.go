// Package browsertest drives a real headless Chromium from Go tests: one
// browser per test binary, a tab per test that records console errors,
// uncaught exceptions and failed loads, a static host for a built portal
// under a sub-path, and axe-core injected into a page.
//
// Tests skip when no Chromium is installed, except in CI (the CI variable
// set), where a missing browser fails them: CI installs it.
package browsertest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Chromium returns the path of a Chromium to drive, or skips tb outside
// CI when there is none.
func Chromium(tb testing.TB) string {
	tb.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		tb.Fatal("no Chromium: CI must open the pages in a browser")
	}
	tb.Skip("no Chromium installed")
	return ""
}

// Browser is a headless Chromium process.
type Browser struct {
	ctx         context.Context // the browser's first tab, kept open
	cancel      context.CancelFunc
	cancelAlloc context.CancelFunc
}

var shared struct {
	sync.Mutex
	b   *Browser
	err error
}

// Shared returns the browser of this test binary, starting it on first
// use. Close it from TestMain with CloseShared; the operating system ends
// it with the test binary otherwise.
func Shared(tb testing.TB) *Browser {
	tb.Helper()
	path := Chromium(tb)
	shared.Lock()
	defer shared.Unlock()
	if shared.b == nil && shared.err == nil {
		shared.b, shared.err = Start(path)
	}
	if shared.err != nil {
		tb.Fatalf("start Chromium: %v", shared.err)
	}
	return shared.b
}

// CloseShared ends the shared browser, if one was started.
func CloseShared() {
	shared.Lock()
	defer shared.Unlock()
	if shared.b != nil {
		shared.b.Close()
		shared.b = nil
	}
}

// Start launches the Chromium at path, headless, with a profile of its own
// that is removed when it closes.
func Start(path string) (*Browser, error) {
	profile, err := os.MkdirTemp("", "cxatlas-chromium-")
	if err != nil {
		return nil, err
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.UserDataDir(profile),
		chromedp.NoSandbox,
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("font-render-hinting", "none"),
		chromedp.WindowSize(1280, 900),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	b := &Browser{ctx: ctx, cancel: cancel, cancelAlloc: func() {
		cancelAlloc()
		os.RemoveAll(profile)
	}}
	// The first action starts the browser and ties it to the context it
	// runs on, so it runs on ctx itself, not on a context with a timeout.
	if err := chromedp.Do(ctx); err != nil {
		b.Close()
		return nil, err
	}
	return b, nil
}

// Close ends the browser process.
func (b *Browser) Close() {
	b.cancel()
	b.cancelAlloc()
}

// Tab is one page of the browser. Ctx is a chromedp context for it (run
// actions with chromedp.Do and chromedp.Run); they time out after
// TabTimeout.
type Tab struct {
	Ctx context.Context

	mu     sync.Mutex
	errors []string
}

// TabTimeout bounds everything a test does in one tab.
const TabTimeout = 90 * time.Second

// Tab opens a new tab, closed when t ends, that records console errors,
// uncaught exceptions and resources that failed to load.
func (b *Browser) Tab(t testing.TB) *Tab {
	t.Helper()
	tab := &Tab{}
	ctx, cancel := chromedp.NewContext(b.ctx, chromedp.WithListener(tab.listen))
	ctx, stop := context.WithTimeout(ctx, TabTimeout)
	t.Cleanup(func() { stop(); cancel() })
	tab.Ctx = ctx
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("open a tab: %v", err)
	}
	return tab
}

func (tab *Tab) listen(ev any) {
	var msg string
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type != runtime.ConsoleAPICalledTypeError && ev.Type != runtime.ConsoleAPICalledTypeAssert {
			return
		}
		msg = "console." + string(ev.Type) + ":"
		for _, a := range ev.Args {
			if a.Value != nil {
				msg += " " + string(a.Value)
			} else {
				msg += " " + a.Description
			}
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg = fmt.Sprintf("uncaught %s at %s:%d:%d", d.Text, d.URL, d.LineNumber+1, d.ColumnNumber+1)
		if d.Exception != nil {
			msg += ": " + d.Exception.Description
		}
	case *log.EventEntryAdded:
		if ev.Entry.Level != log.EntryLevelError {
			return
		}
		msg = fmt.Sprintf("%s: %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL)
	default:
		return
	}
	tab.mu.Lock()
	tab.errors = append(tab.errors, msg)
	tab.mu.Unlock()
}

// Errors returns the console errors, uncaught exceptions and failed loads
// the tab has seen so far.
func (tab *Tab) Errors() []string {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	return append([]string(nil), tab.errors...)
}

// Do runs chromedp actions in the tab and fails t when one fails.
func (tab *Tab) Do(t testing.TB, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(tab.Ctx, actions...); err != nil {
		t.Fatalf("browser: %v", err)
	}
}

// NoErrors fails t for every console error, exception or failed load the
// tab has seen.
func (tab *Tab) NoErrors(t testing.TB) {
	t.Helper()
	for _, e := range tab.Errors() {
		t.Errorf("browser reported: %s", e)
	}
}
