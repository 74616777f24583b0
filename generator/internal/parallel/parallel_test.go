package parallel

import (
	"errors"
	"sync/atomic"
	"testing"
)

func TestFor(t *testing.T) {
	tests := []struct {
		name              string
		n, workers, chunk int
	}{
		{"nothing", 0, 4, 0},
		{"one item", 1, 4, 0},
		{"one worker", 50, 1, 0},
		{"chunk of one", 50, 3, 1},
		{"picked chunk", 1000, 4, 0},
		{"chunk past the end", 10, 2, 7},
		{"more workers than items", 3, 8, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			calls := make([]atomic.Int32, tt.n)
			err := For(tt.n, tt.workers, tt.chunk, func(w, i int) error {
				if w < 0 || w >= max(1, min(tt.workers, tt.n)) {
					t.Errorf("item %d on worker %d", i, w)
				}
				calls[i].Add(1)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			for i := range calls {
				if c := calls[i].Load(); c != 1 {
					t.Errorf("item %d called %d times", i, c)
				}
			}
		})
	}
}

func TestForStopsAtAnError(t *testing.T) {
	bad := errors.New("bad item")
	for _, workers := range []int{1, 4} {
		var calls atomic.Int32
		err := For(10_000, workers, 1, func(_, i int) error {
			calls.Add(1)
			if i == 10 {
				return bad
			}
			return nil
		})
		if !errors.Is(err, bad) {
			t.Errorf("%d workers: err = %v", workers, err)
		}
		// The other workers finish the item they are on, and may start
		// one more before they see the error: nowhere near all 10,000.
		if c := calls.Load(); c > int32(11+2*workers) {
			t.Errorf("%d workers: %d items started", workers, c)
		}
	}
}
