package publish

import (
	"bytes"
	"errors"
	"sync"
	"sync/atomic"
)

// workerScratch is the reusable memory of one worker.
type workerScratch struct {
	// read holds the pieces of a target file read for comparison.
	read []byte
	// render holds a file's content made by its Render function.
	render bytes.Buffer
}

// forEach calls fn for every index below n on up to workers goroutines. Each
// goroutine has its own workerScratch space, handed to fn to reuse. After the
// first error no new index is started; forEach returns the errors that
// occurred.
func forEach(n, workers int, fn func(i int, sc *workerScratch) error) error {
	workers = max(1, min(workers, n))
	var (
		next   atomic.Int64
		failed atomic.Bool
		wg     sync.WaitGroup
	)
	errs := make([]error, workers)
	for w := range workers {
		wg.Go(func() {
			var sc workerScratch
			for !failed.Load() {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				if err := fn(i, &sc); err != nil {
					errs[w] = err
					failed.Store(true)
					return
				}
			}
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}
