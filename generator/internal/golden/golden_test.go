package golden

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// recorder is a testing.TB that keeps what Check reports instead of
// failing the test that runs it.
type recorder struct {
	testing.TB
	errors []string
}

func (r *recorder) Helper()                        {}
func (r *recorder) Errorf(format string, a ...any) { r.errors = append(r.errors, format) }
func (r *recorder) Fatalf(format string, a ...any) { r.errors = append(r.errors, format) }
func (r *recorder) Fatal(a ...any)                 { r.errors = append(r.errors, "fatal") }

func TestCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "page.html")
	r := &recorder{TB: t}
	Check(r, path, []byte("<p>one</p>"), true)
	if data, err := os.ReadFile(path); err != nil || string(data) != "<p>one</p>" {
		t.Fatalf("update wrote %q, %v", data, err)
	}
	Check(r, path, []byte("<p>one</p>"), false)
	if len(r.errors) != 0 {
		t.Errorf("same bytes reported: %v", r.errors)
	}
	Check(r, path, []byte("<p>two</p>"), false)
	if len(r.errors) != 1 || !strings.Contains(r.errors[0], "differs") {
		t.Errorf("other bytes: got %v, want one difference", r.errors)
	}
	if d := firstDiff([]byte("abcX"), []byte("abcY")); !strings.Contains(d, "at byte 3") {
		t.Errorf("firstDiff = %q", d)
	}
}
