package history

import (
	"strings"
	"testing"
	"time"
)

const (
	hashA = "1111111111111111111111111111111111111111"
	hashB = "2222222222222222222222222222222222222222"
)

// record writes one commit as git log -z --name-status --format=logFormat
// prints it.
func record(hash, parents, subject string, files ...string) string {
	s := "\x1e" + hash + "\x1f" + parents + "\x1fAnn\x1fann@example.com\x1f1788000000\x1fMia\x1f1788003600\x1f" + subject + "\x00"
	if len(files) > 0 {
		s += "\n"
		for _, f := range files {
			s += f + "\x00"
		}
	}
	return s
}

func TestParseLog(t *testing.T) {
	tests := []struct {
		name    string
		out     string
		files   [][]FileChange
		subject string
		err     string
	}{
		{"empty", "", nil, "", ""},
		{"two commits", record(hashB, hashA, "Edit\x1fwith a separator", "M", "content/a b.md", "D", "content/ü.md") + record(hashA, "", "First", "A", "content/a b.md"),
			[][]FileChange{{{'M', "content/a b.md"}, {'D', "content/ü.md"}}, {{'A', "content/a b.md"}}}, "Edit\x1fwith a separator", ""},
		{"merge without files", record(hashB, hashA+" "+hashA, "Merge pull request #3 from x/y"), [][]FileChange{nil}, "Merge pull request #3 from x/y", ""},
		{"short header", "\x1e" + hashA + "\x1fx\x00", nil, "", "record 1 has 2 fields"},
		{"bad hash", record("xyz", "", "s"), nil, "", `"xyz" is not a commit hash`},
		{"bad parent", record(hashA, "nope", "s"), nil, "", `parent "nope"`},
		{"bad date", strings.Replace(record(hashA, "", "s"), "1788000000", "soon", 1), nil, "", "author date"},
		{"status without path", record(hashA, "", "s") + "\nM", nil, "", "without a path"},
		{"empty path", record(hashA, "", "s") + "\nM\x00\x00", nil, "", "empty path"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			commits, err := parseLog([]byte(tt.out))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error = %v, want one with %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(commits) != len(tt.files) {
				t.Fatalf("%d commits, want %d", len(commits), len(tt.files))
			}
			for i, c := range commits {
				if len(c.Files) != len(tt.files[i]) {
					t.Fatalf("commit %d: files %v, want %v", i, c.Files, tt.files[i])
				}
				for j := range c.Files {
					if c.Files[j] != tt.files[i][j] {
						t.Errorf("commit %d file %d = %v, want %v", i, j, c.Files[j], tt.files[i][j])
					}
				}
			}
			if len(commits) > 0 {
				c := commits[0]
				if c.Subject != tt.subject || c.Author != "Ann" || c.committer != "Mia" || !c.Date.Equal(time.Unix(1788000000, 0)) {
					t.Errorf("first commit = %+v", c)
				}
			}
		})
	}
}

func TestPRNumber(t *testing.T) {
	for _, tt := range []struct {
		subject string
		want    int
	}{
		{"Merge pull request #123 from cx/fix", 123},
		{"Checkout copy (#45)", 45},
		{"Merge branch 'x' into 'main'. See merge request cx/portal!67", 67},
		{"Merge branch 'fix'", 0},
		{"Fix #12 in the text", 0},
	} {
		if got := prNumber(tt.subject); got != tt.want {
			t.Errorf("prNumber(%q) = %d, want %d", tt.subject, got, tt.want)
		}
	}
}

// FuzzParseLog feeds parseLog any output: it must return commits or an
// error, never panic, and every commit it returns must be well formed.
func FuzzParseLog(f *testing.F) {
	f.Add([]byte(record(hashB, hashA, "Edit", "M", "content/a.md") + record(hashA, "", "First", "A", "content/a.md")))
	f.Add([]byte(record(hashB, hashA+" "+hashA, "Merge")))
	f.Add([]byte("\x1e\x00\n\x00"))
	f.Fuzz(func(t *testing.T, out []byte) {
		commits, err := parseLog(out)
		if err != nil {
			return
		}
		for _, c := range commits {
			if !isHash(c.Hash) || c.Short != c.Hash[:7] {
				t.Fatalf("commit with hash %q", c.Hash)
			}
			for _, f := range c.Files {
				if f.Path == "" {
					t.Fatalf("commit %s has a file with no path", c.Short)
				}
			}
		}
		assignMerges(commits, "")
		if len(commits) > 0 {
			assignMerges(commits, commits[0].Hash)
		}
	})
}
