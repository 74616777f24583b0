package server

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"
)

// wait bounds every wait for an event.
const wait = 10 * time.Second

// event is one server-sent event as a browser reads it.
type event struct {
	name, data string
}

// subscribe opens the event stream of the server at url and returns its
// events; the channel is closed when the stream ends.
func subscribe(t *testing.T, url string) <-chan event {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, err := http.NewRequestWithContext(ctx, "GET", url+eventsPath, nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := res.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("Content-Type %q; want text/event-stream", ct)
	}
	events := make(chan event, 16)
	go func() {
		defer close(events)
		defer res.Body.Close()
		readEvents(res.Body, func(name, data string) { events <- event{name, data} })
	}()
	return events
}

// readEvents parses a stream of server-sent events, calling fn with each.
func readEvents(r io.Reader, fn func(name, data string)) {
	sc := bufio.NewScanner(r)
	var name string
	var data []string
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "":
			if data != nil {
				fn(name, strings.Join(data, "\n"))
			}
			name, data = "", nil
		case strings.HasPrefix(line, "event: "):
			name = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: "):
			data = append(data, strings.TrimPrefix(line, "data: "))
		}
	}
}

func next(t *testing.T, events <-chan event) event {
	t.Helper()
	select {
	case e, ok := <-events:
		if !ok {
			t.Fatal("the event stream ended")
		}
		return e
	case <-time.After(wait):
		t.Fatalf("no event within %v", wait)
		return event{}
	}
}

var buildAttr = regexp.MustCompile(`data-build="([^"]+)"`)

// pageBuild returns the build a page served by url names.
func pageBuild(t *testing.T, url string) string {
	t.Helper()
	res, err := http.Get(url + "/")
	if err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(res.Body)
	res.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	m := buildAttr.FindStringSubmatch(string(data))
	if m == nil {
		t.Fatalf("no data-build in %q", data)
	}
	return m[1]
}

func TestEvents(t *testing.T) {
	h := New(portal(t))
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	t.Cleanup(h.Close) // runs first: ends the streams, so that srv.Close returns

	first := pageBuild(t, srv.URL)
	events := subscribe(t, srv.URL)
	if e := next(t, events); e != (event{eventHello, first}) {
		t.Fatalf("first event %+v; want hello with the page's build %q", e, first)
	}

	h.Reload()
	if e := next(t, events); e.name != eventReload {
		t.Fatalf("after Reload got %+v; want reload", e)
	}
	second := pageBuild(t, srv.URL)
	if second == first {
		t.Errorf("the page names build %q before and after a rebuild", first)
	}

	problems := []string{"content/personas/family.md:14:12: unknown stage \"nowhere\"", "config.toml:2: <b>bad</b>"}
	h.ShowErrors(problems)
	if e := next(t, events); e != (event{eventProblems, strings.Join(problems, "\n")}) {
		t.Fatalf("after ShowErrors got %+v; want the problems", e)
	}

	// A page loaded while the build is broken learns it at once.
	late := subscribe(t, srv.URL)
	if e := next(t, late); e != (event{eventHello, second}) {
		t.Fatalf("first event of a late page %+v; want hello %q", e, second)
	}
	if e := next(t, late); e.name != eventProblems {
		t.Fatalf("second event of a late page %+v; want the problems", e)
	}

	h.Reload()
	for _, c := range []<-chan event{events, late} {
		if e := next(t, c); e.name != eventReload {
			t.Fatalf("after the fix got %+v; want reload", e)
		}
	}

	h.Close()
	for _, c := range []<-chan event{events, late} {
		select {
		case e, ok := <-c:
			if ok {
				t.Errorf("after Close got %+v; want the stream to end", e)
			}
		case <-time.After(wait):
			t.Fatal("the stream did not end after Close")
		}
	}
}

func TestWriteEvent(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"one line", "reload", "event: x\ndata: reload\n\n"},
		{"lines", "a\nb", "event: x\ndata: a\ndata: b\n\n"},
		{"carriage returns", "a\r\nb\rc", "event: x\ndata: a\ndata: b\ndata: c\n\n"},
		{"empty", "", "event: x\ndata: \n\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			writeEvent(&b, "x", tt.data)
			if got := b.String(); got != tt.want {
				t.Errorf("writeEvent(%q) = %q; want %q", tt.data, got, tt.want)
			}
		})
	}
}

// TestStylesEvent checks that a build which changed stylesheets only sends
// "css" with the new build, that a reload between two such builds still
// reloads the page, and that a page from before the swap learns the new
// build when it connects.
func TestStylesEvent(t *testing.T) {
	h, srv, events := listening(t)
	h.ReloadStyles()
	e := next(t, events)
	if e.name != eventStyles || e.data != pageBuild(t, srv.URL) {
		t.Fatalf("after ReloadStyles got %+v; want css with the new build %q", e, pageBuild(t, srv.URL))
	}

	// A failed build then a styles-only fix: the page drops its overlay and
	// swaps the styles.
	h.ShowErrors([]string{"themes/mine/static/cxatlas.css: unreadable"})
	if e := next(t, events); e.name != eventProblems {
		t.Fatalf("after ShowErrors got %+v; want problems", e)
	}
	h.ReloadStyles()
	if e := next(t, events); e.name != eventStyles {
		t.Fatalf("after the styles fix got %+v; want css", e)
	}

	// A page that missed a reload and a styles swap while it reconnected
	// reloads: the reload wins.
	slow := subscribe(t, srv.URL)
	next(t, slow) // hello
	h.mu.Lock()   // both builds land before the stream looks again
	h.st.build++
	h.st.reload = h.st.build
	h.st.build++
	close(h.changed)
	h.changed = make(chan struct{})
	h.mu.Unlock()
	if e := next(t, slow); e.name != eventReload {
		t.Errorf("after a reload and a styles swap got %+v; want reload", e)
	}
}

// TestReloadExcept checks the reload after an early one: it names the
// pages that show the new build already, as paths a browser has, and the
// build they were loaded from; without an early reload just before, it
// names none.
func TestReloadExcept(t *testing.T) {
	h, srv, events := listening(t)
	h.Reload()
	if e := next(t, events); e.name != eventReload || strings.Contains(e.data, "\n") {
		t.Fatalf("after Reload got %+v; want a reload naming no pages", e)
	}
	early := pageBuild(t, srv.URL)
	h.ReloadExcept([]string{"personas/семья/index.html", "touchpoints/shop/index.html"})
	e := next(t, events)
	want := pageBuild(t, srv.URL) + "\n" + early + "\n/personas/семья/\n/touchpoints/shop/"
	if e.name != eventReload || e.data != want {
		t.Fatalf("after ReloadExcept got %+v; want reload with %q", e, want)
	}

	// After a styles swap the early pages are a build behind: all reload.
	h.ReloadStyles()
	next(t, events)
	h.ReloadExcept([]string{"personas/семья/index.html"})
	if e := next(t, events); e.name != eventReload || strings.Contains(e.data, "\n") {
		t.Fatalf("after a styles swap, ReloadExcept got %+v; want a reload naming no pages", e)
	}
}

// listening serves a portal, subscribes to its events and reads the
// first, hello.
func listening(t *testing.T) (*Handler, *httptest.Server, <-chan event) {
	t.Helper()
	h := New(portal(t))
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	t.Cleanup(h.Close)
	events := subscribe(t, srv.URL)
	next(t, events) // hello
	return h, srv, events
}
