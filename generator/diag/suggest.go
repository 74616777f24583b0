package diag

// Closest returns the candidate nearest to word by edit distance, or ""
// when none is near enough to be a likely typo.
func Closest(word string, candidates []string) string {
	best, bestDist := "", -1
	w := []rune(word)
	for _, c := range candidates {
		d := distance(w, []rune(c))
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	limit := max(len(w)/3, 1)
	if limit > 3 {
		limit = 3
	}
	if bestDist < 0 || bestDist > limit {
		return ""
	}
	return best
}

// distance is the edit distance between a and b, counting an insertion,
// a deletion, a substitution or a swap of two neighbours as one edit
// (optimal string alignment), since swapped letters are a common typo.
func distance(a, b []rune) int {
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
