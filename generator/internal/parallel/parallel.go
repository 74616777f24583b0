// Package parallel runs the items of a list on several goroutines, for the
// steps of the pipeline that do the same work for every page, file or
// persona.
package parallel

import (
	"errors"
	"sync"
	"sync/atomic"
)

// For calls fn(worker, i) for every i in [0, n), on at most workers
// goroutines at once; worker, in [0, workers), names the goroutine, so that
// fn can keep scratch space per worker. fn must write only what belongs to
// i (or to worker), so that the result does not depend on the schedule.
//
// Items are handed out from a shared counter, chunk at a time: 1 for items
// of very different cost, larger to keep the counter cool when items are
// many and cheap; 0 picks a chunk that gives each goroutine about 16.
// After fn returns an error no new chunk is started; For returns the errors
// that occurred. With one worker, or one item, it runs on the calling
// goroutine.
func For(n, workers, chunk int, fn func(worker, i int) error) error {
	workers = min(workers, n)
	if workers <= 1 {
		for i := range n {
			if err := fn(0, i); err != nil {
				return err
			}
		}
		return nil
	}
	if chunk <= 0 {
		chunk = max(1, n/(workers*16))
	}
	var (
		next   atomic.Int64
		failed atomic.Bool
		wg     sync.WaitGroup
	)
	errs := make([]error, workers)
	for w := range workers {
		wg.Go(func() {
			for !failed.Load() {
				end := int(next.Add(int64(chunk)))
				start := end - chunk
				if start >= n {
					return
				}
				for i := start; i < min(end, n); i++ {
					if err := fn(w, i); err != nil {
						errs[w] = err
						failed.Store(true)
						return
					}
				}
			}
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}
