package publish

import (
	"bytes"

	"github.com/cxatlas/cxatlas/generator/internal/parallel"
)

// workerScratch is the reusable memory of one worker.
type workerScratch struct {
	// read holds the pieces of a target file read for comparison.
	read []byte
	// render holds a file's content made by its Render function.
	render bytes.Buffer
}

// forEach calls fn for every index below n on up to workers goroutines,
// one index at a time: files differ in cost by orders of magnitude. Each
// goroutine has its own workerScratch space, handed to fn to reuse. After
// the first error no new index is started; forEach returns the errors that
// occurred.
func forEach(n, workers int, fn func(i int, sc *workerScratch) error) error {
	scratch := make([]workerScratch, max(1, min(workers, n)))
	return parallel.For(n, workers, 1, func(w, i int) error { return fn(i, &scratch[w]) })
}
