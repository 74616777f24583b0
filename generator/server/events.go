package server

import (
	"bytes"
	"net/http"
	"strings"
)

// The events of the stream read by live.js.
const (
	// eventHello carries the id of the last successful build; it is sent
	// first, so that a page from an older build reloads.
	eventHello = "hello"
	// eventReload follows a successful build. It carries the id of the
	// build, and may carry the id of an earlier one and, a line each, the
	// paths of pages that show the new build already when loaded from
	// that one: those do not reload.
	eventReload = "reload"
	// eventStyles follows a successful build that changed stylesheets
	// only, and carries the id of that build.
	eventStyles = "css"
	// eventProblems follows a failed build, one problem a line, and is sent
	// to every page that connects until a build succeeds.
	eventProblems = "problems"
)

// events streams the builds to a page as server-sent events until the page
// goes away or the handler is closed.
func (h *Handler) events(w http.ResponseWriter, r *http.Request) {
	select {
	case <-h.done:
		http.Error(w, "the server is stopping", http.StatusServiceUnavailable)
		return
	default:
	}
	hd := w.Header()
	hd.Set("Content-Type", "text/event-stream")
	hd.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return
	}
	rc := http.NewResponseController(w)
	st, changed := h.snapshot()
	var b bytes.Buffer
	b.WriteString("retry: 1000\n\n") // reconnect soon after a restart
	writeEvent(&b, eventHello, h.buildID(st.build))
	if st.failed {
		writeEvent(&b, eventProblems, strings.Join(st.problems, "\n"))
	}
	for {
		if _, err := w.Write(b.Bytes()); err != nil {
			return
		}
		if err := rc.Flush(); err != nil {
			return
		}
		b.Reset()
		select {
		case <-r.Context().Done():
			return
		case <-h.done:
			return
		case <-changed:
		}
		var next state
		next, changed = h.snapshot()
		switch {
		case next.reload > st.build:
			data := h.buildID(next.build)
			if next.shownBy > 0 {
				data += "\n" + h.buildID(next.shownBy) + "\n" + strings.Join(next.shown, "\n")
			}
			writeEvent(&b, eventReload, data)
		case next.build != st.build:
			writeEvent(&b, eventStyles, h.buildID(next.build))
		case next.failed:
			writeEvent(&b, eventProblems, strings.Join(next.problems, "\n"))
		}
		st = next
	}
}

// writeEvent writes one server-sent event; each line of data becomes a
// "data:" field, which the browser joins again with newlines.
func writeEvent(b *bytes.Buffer, name, data string) {
	b.WriteString("event: " + name + "\n")
	data = strings.ReplaceAll(data, "\r\n", "\n")
	data = strings.ReplaceAll(data, "\r", "\n")
	for line := range strings.SplitSeq(data, "\n") {
		b.WriteString("data: " + line + "\n")
	}
	b.WriteString("\n")
}
