package synth_test

import (
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/cxatlas/cxatlas/generator/synth"
)

func ExampleGenerate() {
	dir, err := os.MkdirTemp("", "portal")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	spec := synth.Small()
	spec.Seed = 42
	if err := synth.Generate(dir, spec); err != nil {
		log.Fatal(err)
	}
	for _, kind := range []string{"stages", "touchpoints", "personas"} {
		files, _ := filepath.Glob(filepath.Join(dir, "content", kind, "*.md"))
		fmt.Println(kind, len(files))
	}
	// Output:
	// stages 6
	// touchpoints 34
	// personas 10
}

func ExampleFloor() {
	dir, err := os.MkdirTemp("", "portal")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	if err := synth.Generate(dir, synth.Small()); err != nil {
		log.Fatal(err)
	}
	res, err := synth.Floor(filepath.Join(dir, "content"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(res.Files, "files converted")
	// Output:
	// 51 files converted
}
