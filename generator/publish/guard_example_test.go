package publish_test

import (
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/cxatlas/cxatlas/generator/publish"
)

// Guard tells, without writing, whether Write would publish into a
// folder: here a project folder beside the site, which it refuses.
func ExampleGuard() {
	base, err := os.MkdirTemp("", "guard")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(base)
	site, project := filepath.Join(base, "site"), filepath.Join(base, "project")
	if err := os.MkdirAll(project, 0o755); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(project, "README.md"), []byte("mine"), 0o644); err != nil {
		log.Fatal(err)
	}
	files := []publish.File{{Path: "index.html", Data: []byte("<title>Portal</title>")}}
	opts := publish.Options{Protected: []string{site}, Marker: true}

	_, err = publish.Guard(project, files, opts)
	var refused *publish.DirError
	if errors.As(err, &refused) {
		fmt.Println(refused.Reason)
	}
	_, err = publish.Guard(filepath.Join(site, "public"), files, opts)
	fmt.Println(err)
	// Output:
	// it holds "README.md", which the portal does not, and no .cxatlas file of an earlier build
	// <nil>
}
