package browsertest

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// Serve serves the folder dir the way a static host does, under the
// sub-path prefix (such as "/cx/portal/"), and returns the base URL of
// the portal, ending in a slash. Requests outside the prefix get 404, so a
// link that escapes the sub-path shows up as a failed load in the tab. The
// server closes when t ends.
func Serve(t testing.TB, dir, prefix string) string {
	t.Helper()
	prefix = "/" + strings.Trim(prefix, "/") + "/"
	if prefix == "//" {
		prefix = "/"
	}
	mux := http.NewServeMux()
	files := http.FileServer(http.Dir(dir))
	mux.Handle(prefix, http.StripPrefix(strings.TrimSuffix(prefix, "/"), noCache(files)))
	if prefix != "/" {
		mux.Handle("/", http.NotFoundHandler())
	}
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv.URL + prefix
}

// noCache keeps the browser from reusing a file of an earlier test that
// was served from the same address.
func noCache(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		h.ServeHTTP(w, r)
	})
}
