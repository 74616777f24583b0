package history

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// logFormat is the --format of the one git log Read runs: a record
// separator, then the fields of the commit separated by unit separators,
// the subject last (it is the only field a writer types, so any separator
// it holds stays in it). With -z and --name-status, a NUL ends the header
// and each status and path follows as a NUL-terminated token.
const logFormat = "%x1e%H%x1f%P%x1f%an%x1f%ae%x1f%at%x1f%cn%x1f%ct%x1f%s"

// logFields is the number of fields of logFormat.
const logFields = 8

// logCommit is a commit as git log prints it, before the merges are
// worked out.
type logCommit struct {
	Commit
	committer     string
	committerDate time.Time
}

// parseLog reads the output of git log -z --name-status --no-renames
// --format=logFormat. It never panics: a record it cannot read is an
// error naming the record and what is wrong.
func parseLog(out []byte) ([]*logCommit, error) {
	var commits []*logCommit
	var cur *logCommit
	tokens := bytes.Split(out, []byte{0})
	for i := 0; i < len(tokens); i++ {
		tok := tokens[i]
		if cur != nil && len(tok) > 0 && tok[0] != 0x1e {
			// A status, after the newline git writes before the first.
			status := bytes.TrimLeft(tok, "\n")
			if len(status) == 0 {
				continue
			}
			if i+1 >= len(tokens) {
				return nil, fmt.Errorf("git log: commit %s: status %q without a path", cur.Short, status)
			}
			i++
			if len(tokens[i]) == 0 {
				return nil, fmt.Errorf("git log: commit %s: empty path", cur.Short)
			}
			cur.Files = append(cur.Files, FileChange{Status: status[0], Path: string(tokens[i])})
			continue
		}
		if len(tok) == 0 {
			continue
		}
		c, err := parseHeader(tok[1:], len(commits)+1)
		if err != nil {
			return nil, err
		}
		commits = append(commits, c)
		cur = c
	}
	return commits, nil
}

// parseHeader reads the fields of the n-th commit's header.
func parseHeader(h []byte, n int) (*logCommit, error) {
	f := strings.SplitN(string(h), "\x1f", logFields)
	if len(f) != logFields {
		return nil, fmt.Errorf("git log: record %d has %d fields, want %d", n, len(f), logFields)
	}
	if !isHash(f[0]) {
		return nil, fmt.Errorf("git log: record %d: %q is not a commit hash", n, f[0])
	}
	at, err := unixTime(f[4])
	if err != nil {
		return nil, fmt.Errorf("git log: commit %s: author date: %w", f[0][:7], err)
	}
	ct, err := unixTime(f[6])
	if err != nil {
		return nil, fmt.Errorf("git log: commit %s: committer date: %w", f[0][:7], err)
	}
	c := &logCommit{
		Commit: Commit{
			Hash: f[0], Short: f[0][:7], Parents: strings.Fields(f[1]),
			Author: f[2], Email: f[3], Date: at, Committed: ct, Subject: f[7],
		},
		committer: f[5], committerDate: ct,
	}
	for _, p := range c.Parents {
		if !isHash(p) {
			return nil, fmt.Errorf("git log: commit %s: parent %q is not a commit hash", c.Short, p)
		}
	}
	return c, nil
}

// unixTime reads seconds since 1970, as %at and %ct print them.
func unixTime(s string) (time.Time, error) {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a time", s)
	}
	return time.Unix(n, 0).UTC(), nil
}

// isHash reports whether s is a full SHA-1 or SHA-256 object name.
func isHash(s string) bool {
	if len(s) != 40 && len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}
