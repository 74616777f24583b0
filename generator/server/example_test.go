package server_test

import (
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"

	"github.com/cxatlas/cxatlas/generator/server"
)

// A Handler serves a built portal with pretty URLs and adds the live-reload
// script to its pages; the build tells it when to reload the browsers.
func ExampleHandler() {
	dir, err := os.MkdirTemp("", "portal")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	page := filepath.Join(dir, "personas", "family", "index.html")
	if err := os.MkdirAll(filepath.Dir(page), 0o755); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(page, []byte("<html><body><h1>Family</h1></body></html>"), 0o644); err != nil {
		log.Fatal(err)
	}

	h := server.New(dir)
	srv := httptest.NewServer(h)
	defer srv.Close()
	defer h.Close() // ends the event streams, so that the server can stop

	res, err := http.Get(srv.URL + "/personas/family/")
	if err != nil {
		log.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	fmt.Println(res.StatusCode, strings.Contains(string(body), `<script src="/_cxatlas/live.js"`))

	// After a build that succeeded, the browsers reload the page:
	h.Reload()
	// After a build that failed, they list its errors over the page:
	h.ShowErrors([]string{`content/personas/family.md:3:9: unknown stage "nowhere"`})
	// Output: 200 true
}
