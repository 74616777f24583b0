package publish_test

import (
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/cxatlas/cxatlas/generator/publish"
)

func ExampleWrite() {
	site, err := os.MkdirTemp("", "portal")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(site)

	files := []publish.File{
		{Path: "index.html", Data: []byte("<!DOCTYPE html>\n<title>Portal</title>\n<p>  Hello  </p>\n")},
		{Path: "personas/семья/index.html", Data: []byte("<!DOCTYPE html>\n<title>Семья</title>\n")},
	}
	opts := publish.Options{
		Protected: []string{site, filepath.Join(site, "content")},
		Minifier:  publish.NewMinifier(),
	}
	public := filepath.Join(site, "public")
	for range 2 {
		rep, err := publish.Write(public, files, opts)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%+v\n", rep)
	}
	// A later build without the persona removes its page and the emptied
	// directories personas/семья and personas.
	rep, err := publish.Write(public, files[:1], opts)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%+v\n", rep)
	// Output:
	// {Written:2 Unchanged:0 Removed:0}
	// {Written:0 Unchanged:2 Removed:0}
	// {Written:0 Unchanged:1 Removed:3}
}
