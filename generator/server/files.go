package server

import (
	"net/http"
	"os"
	"path"
	"strconv"
	"strings"
)

// serveSite serves a file of the portal: a folder by its index.html, an HTML
// page with the live-reload script, a missing path with the portal's
// 404.html and status 404.
func (h *Handler) serveSite(w http.ResponseWriter, r *http.Request) {
	upath := r.URL.Path
	if !validPath(upath) {
		http.Error(w, "invalid path", http.StatusBadRequest)
		return
	}
	// The root is opened for each request: a build may replace the folder.
	// It keeps symbolic links from leading out of the folder.
	root, err := os.OpenRoot(h.dir)
	if err != nil {
		h.notFound(w, r, nil)
		return
	}
	defer root.Close()
	name := strings.TrimPrefix(path.Clean(upath), "/")
	if name == "" {
		name = "."
	}
	info, err := root.Stat(name)
	if err == nil && info.IsDir() {
		if !strings.HasSuffix(upath, "/") {
			// Pages link relatively, so a folder's page must be read
			// from a URL ending in a slash.
			redirect(w, r, path.Base(upath)+"/")
			return
		}
		name = path.Join(name, "index.html")
		info, err = root.Stat(name)
	}
	if err != nil || info.IsDir() {
		h.notFound(w, r, root)
		return
	}
	if isHTML(name) {
		data, err := root.ReadFile(name)
		if err != nil {
			h.notFound(w, r, root)
			return
		}
		h.writeHTML(w, r, http.StatusOK, data)
		return
	}
	f, err := root.Open(name)
	if err != nil {
		h.notFound(w, r, root)
		return
	}
	defer f.Close()
	w.Header().Set("Cache-Control", "no-cache")
	http.ServeContent(w, r, name, info.ModTime(), f)
}

// validPath reports whether a URL path is one a portal's files can have: it
// refuses ".." segments, backslashes and NUL bytes outright rather than
// cleaning them away.
func validPath(p string) bool {
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return false
	}
	for seg := range strings.SplitSeq(p, "/") {
		if seg == ".." {
			return false
		}
	}
	return true
}

// redirect sends the browser to target, relative to the current URL, so
// that no path can turn it into another host.
func redirect(w http.ResponseWriter, r *http.Request, target string) {
	if r.URL.RawQuery != "" {
		target += "?" + r.URL.RawQuery
	}
	w.Header().Set("Location", target)
	w.WriteHeader(http.StatusMovedPermanently)
}

// notFound serves the portal's 404.html, or the placeholder when it cannot
// be read, with status 404.
func (h *Handler) notFound(w http.ResponseWriter, r *http.Request, root *os.Root) {
	st, _ := h.snapshot()
	page := []byte(st.words.placeholder)
	if root != nil {
		if data, err := root.ReadFile("404.html"); err == nil {
			page = data
		}
	}
	h.writeHTML(w, r, http.StatusNotFound, page)
}

// writeHTML sends page with the live-reload script added. Pages are never
// cached: the script names the build the page comes from.
func (h *Handler) writeHTML(w http.ResponseWriter, r *http.Request, status int, page []byte) {
	st, _ := h.snapshot()
	body := inject(page, snippet(h.buildID(st.build), st.words.attrs))
	hd := w.Header()
	hd.Set("Content-Type", "text/html; charset=utf-8")
	hd.Set("Content-Length", strconv.Itoa(len(body)))
	hd.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// isHTML reports whether a file is an HTML page, by its extension.
func isHTML(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".html" || ext == ".htm"
}
