package history

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// repo is a git repository in a temporary folder, with fixed authors and
// dates, for tests.
type repo struct {
	t   *testing.T
	dir string
	// day is the day of the next commit, from 1 (2026-09-01).
	day int
}

func newRepo(t *testing.T) *repo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	r := &repo{t: t, dir: t.TempDir()}
	r.git("", "init", "-q", "-b", "main")
	return r
}

// git runs git in the repository as author who ("" for the default).
func (r *repo) git(who string, args ...string) string {
	r.t.Helper()
	if who == "" {
		who = "Ann Writer"
	}
	email := strings.ToLower(strings.ReplaceAll(who, " ", ".")) + "@example.com"
	cmd := exec.Command("git", append([]string{"-c", "user.name=" + who, "-c", "user.email=" + email, "-c", "commit.gpgSign=false"}, args...)...)
	cmd.Dir = r.dir
	date := "2026-09-" + twoDigits(r.day) + "T10:00:00Z"
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date, "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		r.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + string(rune('0'+n))
	}
	return string(rune('0'+n/10)) + string(rune('0'+n%10))
}

// write writes files (path relative to the repository: text).
func (r *repo) write(files map[string]string) {
	r.t.Helper()
	for name, text := range files {
		p := filepath.Join(r.dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			r.t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			r.t.Fatal(err)
		}
	}
}

// commit writes files and commits everything as who, one day after the
// last commit.
func (r *repo) commit(who, message string, files map[string]string) {
	r.t.Helper()
	r.day++
	r.write(files)
	r.git(who, "add", "-A")
	r.git(who, "commit", "-q", "-m", message)
}

// merge merges branch into the current branch with --no-ff as who.
func (r *repo) merge(who, branch, message string) {
	r.t.Helper()
	r.day++
	r.git(who, "merge", "-q", "--no-ff", "-m", message, branch)
}
