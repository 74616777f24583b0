// Package server serves a built portal to the browser of a writer while the
// content is being edited: pretty URLs, the portal's own 404 page, and a
// small live-reload script that reloads the page after each successful
// build and lists the errors of a failed build over the page. The script is
// added to HTML responses only, never to the files on disk.
package server

import (
	_ "embed"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/cxatlas/cxatlas/generator/i18n"
)

// Prefix is the URL path under which the server answers with its own files
// rather than the portal's.
const Prefix = "/_cxatlas/"

const (
	scriptPath = Prefix + "live.js"
	eventsPath = Prefix + "events"
)

//go:embed live.js
var liveJS string

// Handler is an http.Handler serving the portal built in a folder. Tell it
// about each build with Reload or ShowErrors; Close it before shutting the
// HTTP server down, so that the open event streams end.
type Handler struct {
	dir string
	// instance tells this server's builds from those of an earlier run,
	// whose pages a browser may still show.
	instance string
	done     chan struct{}
	once     sync.Once

	mu sync.Mutex
	st state
	// changed is closed, and replaced, whenever st changes.
	changed chan struct{}
}

// state is what the browsers are told about the builds.
type state struct {
	// build counts the successful builds; a page knows the one it shows.
	build int
	// reload is the last build after which pages reload; the builds after
	// it changed stylesheets only.
	reload int
	// shown lists the paths of the pages that show the reload build
	// already, from build shownBy: a page loaded from that build need not
	// reload.
	shown   []string
	shownBy int
	// failed says the last build failed with problems.
	failed   bool
	problems []string
	// words are what the server shows in the portal's language.
	words *words
}

// New returns a Handler serving the portal in dir. The folder may be empty
// or missing until the first build is written.
func New(dir string) *Handler {
	return &Handler{
		dir:      dir,
		instance: strconv.FormatInt(time.Now().UnixNano(), 36),
		done:     make(chan struct{}),
		changed:  make(chan struct{}),
		st:       state{words: newWords(i18n.Default(i18n.Reference))},
	}
}

// Reload tells the browsers that a build succeeded: they reload the page
// they show, and no longer list errors.
func (h *Handler) Reload() {
	h.ReloadExcept(nil)
}

// ReloadExcept is Reload after a build whose pages at the paths in shown
// (relative to the portal's folder, such as "personas/family/index.html")
// were published, and reloaded, early, and did not change since: a page
// loaded from that earlier reload does not reload again.
func (h *Handler) ReloadExcept(shown []string) {
	urls := make([]string, 0, len(shown))
	for _, p := range shown {
		urls = append(urls, "/"+strings.TrimSuffix(p, "index.html"))
	}
	h.update(func(st *state) {
		st.shown, st.shownBy = nil, 0
		if len(urls) > 0 && st.reload == st.build {
			st.shown, st.shownBy = urls, st.build
		}
		st.build++
		st.reload = st.build
		st.failed, st.problems = false, nil
	})
}

// ReloadStyles tells the browsers that a build succeeded which changed
// stylesheets only: they fetch the portal's stylesheets again, without
// reloading the page, and no longer list errors.
func (h *Handler) ReloadStyles() {
	h.update(func(st *state) {
		st.build++
		st.failed, st.problems = false, nil
	})
}

// ShowErrors tells the browsers that a build failed with problems, one per
// line, such as "content/personas/family.md:14:12: unknown stage". They
// list them over the page, which stays the last good build.
func (h *Handler) ShowErrors(problems []string) {
	if len(problems) == 0 {
		problems = []string{"the build failed"}
	}
	problems = append([]string(nil), problems...)
	h.update(func(st *state) {
		st.failed, st.problems = true, problems
	})
}

// Close ends the event streams of the browsers, now and later, so that an
// http.Server using h can shut down. Pages are still served.
func (h *Handler) Close() {
	h.once.Do(func() { close(h.done) })
}

func (h *Handler) update(change func(*state)) {
	h.mu.Lock()
	defer h.mu.Unlock()
	change(&h.st)
	close(h.changed)
	h.changed = make(chan struct{})
}

// snapshot returns the state and the channel that is closed when it next
// changes.
func (h *Handler) snapshot() (state, <-chan struct{}) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.st, h.changed
}

// buildID names a successful build of this server.
func (h *Handler) buildID(build int) string {
	return h.instance + "-" + strconv.Itoa(build)
}

// ServeHTTP serves the portal, the live-reload script and its events.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch p := r.URL.Path; {
	case p == scriptPath:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		http.ServeContent(w, r, "live.js", time.Time{}, strings.NewReader(liveJS))
	case p == eventsPath:
		h.events(w, r)
	case strings.HasPrefix(p, Prefix):
		http.NotFound(w, r)
	default:
		h.serveSite(w, r)
	}
}
