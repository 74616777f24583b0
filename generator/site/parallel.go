package site

import (
	"sync"
	"sync/atomic"
)

// parallel calls fn(worker, i) for every i in [0, n), on at most workers
// goroutines at once; worker, in [0, workers), names the goroutine, so that
// fn can keep scratch space per worker. fn must write only what belongs to
// i (or to worker), so that the result does not depend on the schedule.
// With one worker, or one item, it runs on the calling goroutine.
func parallel(workers, n int, fn func(worker, i int)) {
	workers = min(workers, n)
	if workers <= 1 {
		for i := range n {
			fn(0, i)
		}
		return
	}
	// Items are handed out in chunks from a shared counter: items differ in
	// cost (personas have 40 to 80 steps), so a fixed split would leave one
	// goroutine waiting for another, and one item at a time would make the
	// counter hot.
	chunk := max(1, n/(workers*16))
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for {
				end := int(next.Add(int64(chunk)))
				start := end - chunk
				if start >= n {
					return
				}
				for i := start; i < min(end, n); i++ {
					fn(w, i)
				}
			}
		})
	}
	wg.Wait()
}
