package publish

import (
	"errors"
	"sync"
	"sync/atomic"
)

// forEach calls fn for every index below n on up to workers goroutines. Each
// goroutine has its own scratch buffer, handed to fn to reuse. After the
// first error no new index is started; forEach returns the errors that
// occurred.
func forEach(n, workers int, fn func(i int, buf *[]byte) error) error {
	workers = max(1, min(workers, n))
	var (
		next   atomic.Int64
		failed atomic.Bool
		wg     sync.WaitGroup
	)
	errs := make([]error, workers)
	for w := range workers {
		wg.Go(func() {
			var buf []byte
			for !failed.Load() {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				if err := fn(i, &buf); err != nil {
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
