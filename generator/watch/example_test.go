package watch_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/watch"
)

// A Watcher decides when to rebuild; the Step it calls decides what.
func ExampleWatcher() {
	site, err := os.MkdirTemp("", "site")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(site)
	if err := os.MkdirAll(filepath.Join(site, "content", "personas"), 0o755); err != nil {
		log.Fatal(err)
	}

	w, err := watch.New(watch.Options{Paths: watch.SitePaths(site, config.Default())})
	if err != nil {
		log.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan error)
	go func() {
		done <- w.Run(ctx, func(ctx context.Context, changed []string) {
			// A real step rebuilds the portal here.
			for _, p := range changed {
				rel, _ := filepath.Rel(site, p)
				fmt.Println(filepath.ToSlash(rel))
			}
			stop()
		})
	}()

	page := filepath.Join(site, "content", "personas", "family.md")
	if err := os.WriteFile(page, []byte("+++\ntitle = \"Family\"\n+++\n"), 0o644); err != nil {
		log.Fatal(err)
	}
	if err := <-done; err != nil {
		log.Fatal(err)
	}
	// Output: content/personas/family.md
}
