package main

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "small")
	tests := []struct {
		name    string
		args    []string
		usage   bool   // a usage error: exit status 2
		stdout  string // a part of what is printed
		wantErr bool
	}{
		{"no flags", nil, true, "", true},
		{"no output dir", []string{"-size", "small"}, true, "", true},
		{"unknown size", []string{"-size", "huge", "-o", out}, true, "", true},
		{"unknown flag", []string{"-bogus"}, true, "", true},
		{"extra argument", []string{"-size", "small", "-o", out, "more"}, true, "", true},
		{"small", []string{"-size", "small", "-o", out, "-seed", "7"}, false, "wrote 51 content files", false},
		{"again into the same dir", []string{"-size", "small", "-o", out}, false, "", true},
		{"hugo", []string{"-size", "small", "-hugo", "-o", filepath.Join(dir, "hugo")}, false, "wrote 51", false},
		{"floor", []string{"floor", filepath.Join(out, "content")}, false, "converted 51 files", false},
		{"floor with front matter", []string{"floor", "-frontmatter", filepath.Join(out, "content")}, false, "in 51 files", false},
		{"floor without dir", []string{"floor"}, true, "", true},
		{"floor of a missing dir", []string{"floor", filepath.Join(dir, "missing")}, false, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := run(tt.args, &stdout, &stderr)
			if (err != nil) != tt.wantErr || errors.Is(err, errUsage) != tt.usage {
				t.Fatalf("run(%q) = %v; stderr:\n%s", tt.args, err, stderr.String())
			}
			if !strings.Contains(stdout.String(), tt.stdout) {
				t.Errorf("stdout = %q, want it to contain %q", stdout.String(), tt.stdout)
			}
		})
	}
}
