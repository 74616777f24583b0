package server

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/cxatlas/cxatlas/generator/browsertest"
	"github.com/cxatlas/cxatlas/generator/i18n"
)

// checkPage finds the problems overlay when it appears, reads its first
// problem, dismisses it, and writes what it saw into the page, where the
// dumped DOM shows it.
const checkPage = `<!doctype html><html><body><p id="result">waiting</p>
<script>
new MutationObserver(function () {
  var o = document.getElementById("cxatlas-problems");
  if (!o || window.seen) { return; }
  window.seen = true;
  var first = o.querySelector("li").textContent;
  var count = o.querySelectorAll("li").length;
  var words = o.querySelector("h2").textContent + " | " + o.querySelector("button").textContent;
  o.querySelector("button").click();
  var gone = !document.getElementById("cxatlas-problems");
  document.getElementById("result").textContent = "shown " + count + " [" + first + "] dismissed=" + gone + " words: " + words;
}).observe(document.body, {childList: true});
</script></body></html>`

// flushCloser closes the handler once the first events are flushed, so
// that the browser's stream ends, its reconnection is refused, and the page
// settles.
type flushCloser struct {
	http.ResponseWriter
	h *Handler
}

func (f flushCloser) Flush() {
	f.ResponseWriter.(http.Flusher).Flush()
	f.h.Close()
}

// TestOverlayInBrowser loads a page in headless Chromium while the build is
// broken and checks that the overlay lists the problems as text, in the
// portal's language, and can be dismissed.
func TestOverlayInBrowser(t *testing.T) {
	tests := []struct{ lang, words string }{
		{"en", "The build failed with 2 errors; this page is the last good build. | Dismiss"},
		{"ru", "Сборка не удалась: 2 ошибки; на странице — последняя удачная сборка. | Закрыть"},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) { overlayInBrowser(t, tt.lang, tt.words) })
	}
}

func overlayInBrowser(t *testing.T, lang, words string) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	browser := browsertest.Chromium(t)
	dir := portal(t)
	if err := os.WriteFile(filepath.Join(dir, "check.html"), []byte(checkPage), 0o644); err != nil {
		t.Fatal(err)
	}
	h := New(dir)
	h.SetMessages(i18n.Default(lang))
	evil := `content/personas/family.md:14:12: unknown stage "<img src=x onerror=alert(1)>"`
	h.ShowErrors([]string{evil, "content/stages/buy.md:2:9: missing title"})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == eventsPath {
			w = flushCloser{w, h}
		}
		h.ServeHTTP(w, r)
	}))
	defer srv.Close()
	defer h.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	args := []string{"--headless", "--disable-gpu", "--no-first-run", "--user-data-dir=" + t.TempDir(),
		"--virtual-time-budget=5000", "--dump-dom", srv.URL + "/check.html"}
	if os.Geteuid() == 0 {
		args = append(args, "--no-sandbox")
	}
	out, err := exec.CommandContext(ctx, browser, args...).Output()
	if err != nil {
		t.Fatalf("%s: %v", browser, err)
	}
	dom := string(out)
	want := `shown 2 [` + strings.NewReplacer("<", "&lt;", ">", "&gt;").Replace(evil) + `] dismissed=true words: ` + words
	if !strings.Contains(dom, want) {
		t.Errorf("the page reports\n%s\nwant %s", dom, want)
	}
	if strings.Contains(dom, "<img") {
		t.Error("a problem's text was parsed as HTML")
	}
}

// TestReloadExceptInBrowser opens a map (with a Cyrillic id) in headless
// Chromium and checks that a reload naming it, after the early reload it
// was loaded from, leaves it as it is, and that any other reload reloads
// it.
func TestReloadExceptInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	browsertest.Chromium(t)
	h := New(portal(t))
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	t.Cleanup(h.Close)
	tab := browsertest.Shared(t).Tab(t)
	tab.Do(t, chromedp.Navigate(srv.URL+"/personas/семья/"), chromedp.WaitReady("h1"))
	origin := func() float64 {
		v, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[float64](`document.readyState === "complete" && document.querySelector("h1") ? performance.timeOrigin : 0`))
		if err != nil {
			return 0
		}
		return v
	}
	// reloaded waits for the page to load again after it was loaded at
	// was, and returns when it was.
	reloaded := func(was float64) float64 {
		deadline := time.Now().Add(wait)
		for time.Now().Before(deadline) {
			if o := origin(); o != 0 && o != was {
				return o
			}
			time.Sleep(20 * time.Millisecond)
		}
		t.Fatal("the page did not reload")
		return 0
	}
	first := origin()
	// The live-reload script connects once the page has loaded.
	time.Sleep(300 * time.Millisecond)
	h.Reload() // the early reload
	early := reloaded(first)
	time.Sleep(300 * time.Millisecond)
	h.ReloadExcept([]string{"personas/семья/index.html"})
	time.Sleep(time.Second)
	if o := origin(); o != early {
		t.Fatal("the page reloaded again, though the reload named it")
	}
	h.ReloadExcept([]string{"personas/family/index.html"})
	reloaded(early)
}
