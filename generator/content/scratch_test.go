package content

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/cxatlas/cxatlas/generator/config"
)

// TestScratchReuse checks that what a file is decoded to does not change
// when the scratch it was read with goes on to other files: nothing kept
// may point into the read buffer or the node storage.
func TestScratchReuse(t *testing.T) {
	files := exampleFiles()
	if len(files) < 20 {
		t.Fatalf("only %d example files", len(files))
	}
	cfg := config.Default()
	md := NewMarkdown(false)
	want := make([]loaded, len(files))
	for i, f := range files {
		want[i] = parseDoc(f.name, f.section, f.src, cfg, md, new(scratch))
	}
	for _, order := range []string{"forward", "backward"} {
		sc := new(scratch)
		got := make([]loaded, len(files))
		for k := range files {
			i := k
			if order == "backward" {
				i = len(files) - 1 - k
			}
			// Read through the buffer, as Load does, so that the next
			// file overwrites this one's text.
			sc.buf = append(sc.buf[:0], files[i].src...)
			got[i] = parseDoc(files[i].name, files[i].section, sc.buf, cfg, md, sc)
		}
		for i := range files {
			if !reflect.DeepEqual(got[i], want[i]) {
				t.Errorf("%s, read %s with one scratch: decoded differently than alone", files[i].name, order)
			}
		}
	}
}

// oneByOne reads at most n bytes at a time, as a file may.
type oneByOne struct {
	r *bytes.Reader
	n int
}

func (o *oneByOne) Read(b []byte) (int, error) { return o.r.Read(b[:min(len(b), o.n)]) }

func TestReadAll(t *testing.T) {
	text := bytes.Repeat([]byte("abcdefghij"), 10) // 100 bytes
	tests := []struct {
		name        string
		stat, limit int64
		wantErr     bool
	}{
		{"size known", 100, 1000, false},
		{"grew since stat", 10, 1000, false},
		{"shrank since stat", 500, 1000, false},
		{"at the limit", 100, 100, false},
		{"over the limit", 100, 99, true},
		{"grew over the limit", 10, 50, true},
		{"no limit to speak of", 100, math.MaxInt64, false},
	}
	for _, tt := range tests {
		for _, chunk := range []int{1, 7, 1000} {
			buf := []byte("old text")
			got, err := readAll(&oneByOne{bytes.NewReader(text), chunk}, tt.stat, tt.limit, &buf)
			if tt.wantErr {
				if err == nil || !strings.Contains(err.Error(), "over the limit") {
					t.Errorf("%s, chunks of %d: err = %v, want over the limit", tt.name, chunk, err)
				}
				continue
			}
			if err != nil || !slices.Equal(got, text) {
				t.Errorf("%s, chunks of %d: got %q, %v", tt.name, chunk, got, err)
			}
		}
	}
}

// TestLoadReads checks the ways a file is read: directly, through a
// symbolic link inside the content folder, and refused when too large.
func TestLoadReads(t *testing.T) {
	site := t.TempDir()
	stages := filepath.Join(site, "content", "stages")
	if err := os.MkdirAll(stages, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(stages, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.md", "+++\ntitle = \"A\"\norder = 1\n+++\nBody of A.\n")
	write("big.md", "+++\ntitle = \"Big\"\norder = 2\n+++\n"+strings.Repeat("Too long. ", 100))
	if err := os.Symlink("a.md", filepath.Join(stages, "linked.md")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	cfg := config.Default()
	cfg.MaxFileSize = 500
	set, diags := Load(Options{SiteDir: site, Config: cfg})
	var titles []string
	for _, s := range set.Stages {
		titles = append(titles, s.ID+"="+s.Title)
	}
	if want := []string{"a=A", "linked=A"}; !slices.Equal(titles, want) {
		t.Errorf("stages %v, want %v", titles, want)
	}
	if len(diags) != 1 || diags[0].File != "content/stages/big.md" || !strings.Contains(diags[0].Message, "over the limit of 500 bytes") {
		t.Errorf("diagnostics %v, want big.md over the limit", diags)
	}
}
