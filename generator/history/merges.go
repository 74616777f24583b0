package history

import (
	"regexp"
	"strconv"
)

// prRE finds the pull request number in the subject of a merge: GitHub's
// "Merge pull request #123 from ...", GitLab's "See merge request
// group/project!123", and the "... (#123)" of squash merges.
var prRE = regexp.MustCompile(`(?:pull request #|merge request [^\s!]*!|\(#)(\d{1,9})\b`)

// prNumber returns the pull request number subject names, or 0.
func prNumber(subject string) int {
	m := prRE.FindStringSubmatch(subject)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// assignMerges sets the Merge of every commit of all (newest first, every
// commit reachable from head) that a merge on head's first-parent line
// brought in: the first merge, walking that line back from head, whose
// other parents reach the commit. A commit made on the line itself has
// no merge, unless its own subject names a pull request (a squash merge),
// which is then its merge, approved by its committer.
func assignMerges(all []*logCommit, head string) {
	byHash := make(map[string]*logCommit, len(all))
	for _, c := range all {
		byHash[c.Hash] = c
	}
	line := map[string]bool{}
	var merges []*logCommit
	for h := head; h != ""; {
		c := byHash[h]
		if c == nil || line[h] {
			break
		}
		line[h] = true
		if len(c.Parents) > 1 {
			merges = append(merges, c)
		} else if n := prNumber(c.Subject); n > 0 {
			c.Merge = mergeOf(c, n)
			if c.committer == c.Author || c.committer == "GitHub" {
				// A squash merge by its author, or by the forge itself,
				// does not say who approved it.
				c.Merge.Approver = ""
			}
		}
		h = ""
		if len(c.Parents) > 0 {
			h = c.Parents[0]
		}
	}
	// Walking merges from the oldest, each claims what its side branches
	// reach that no earlier merge has: the merge that brought a commit in
	// first.
	seen := map[string]bool{}
	for i := len(merges) - 1; i >= 0; i-- {
		m := merges[i]
		info := mergeOf(m, prNumber(m.Subject))
		stack := append([]string(nil), m.Parents[1:]...)
		for len(stack) > 0 {
			h := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			c := byHash[h]
			if c == nil || line[h] || seen[h] {
				continue
			}
			seen[h] = true
			c.Merge = info
			stack = append(stack, c.Parents...)
		}
	}
}

// mergeOf describes merge commit m, which names pull request pr.
func mergeOf(m *logCommit, pr int) *Merge {
	return &Merge{Hash: m.Hash, Short: m.Short, PR: pr, Approver: m.committer, Date: m.committerDate, Subject: m.Subject}
}
