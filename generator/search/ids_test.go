package search

import (
	"slices"
	"strings"
	"testing"
)

// TestPostingIDs writes document ids as search.js reads them and reads
// them back.
func TestPostingIDs(t *testing.T) {
	tests := []struct {
		name string
		ids  []int
		want string
	}{
		{"first document", []int{0}, "A"},
		{"small steps", []int{1, 2, 33}, "BBf"},
		{"a step of 32 takes two digits", []int{32}, "gB"},
		{"large ids", []int{1000, 400000, 1048575}, "of" + "40lM" + "_r5T"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := make([]posting, len(tt.ids))
			for i, id := range tt.ids {
				ps[i] = posting{doc: id}
			}
			got := string(appendIDs(nil, ps))
			if got != tt.want {
				t.Errorf("appendIDs(%v) = %q, want %q", tt.ids, got, tt.want)
			}
			if back := readIDs(got); !slices.Equal(back, tt.ids) {
				t.Errorf("read back %v, want %v", back, tt.ids)
			}
		})
	}
}

// readIDs reads ids as search.js does.
func readIDs(s string) []int {
	var ids []int
	id, v, shift := 0, 0, 0
	for _, c := range s {
		d := strings.IndexRune(idDigits, c)
		v += (d & 31) << shift
		if d&32 != 0 {
			shift += 5
			continue
		}
		id += v
		ids = append(ids, id)
		v, shift = 0, 0
	}
	return ids
}
