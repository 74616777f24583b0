package build

import (
	"bytes"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cxatlas/cxatlas/generator/diag"
)

var update = flag.Bool("update", false, "rewrite the expected output in testdata")

// testNow is the fixed date of every test build, for review dates.
var testNow = time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)

// archive is a test case: files to lay over the base portal and the
// expected diagnostics, in the txtar-like format of testdata/bad/*.txt.
type archive struct {
	files []archiveFile
	want  string
}

type archiveFile struct {
	name string
	data []byte
}

func parseArchive(data []byte) archive {
	var a archive
	var cur *archiveFile
	for len(data) > 0 {
		line, rest, _ := bytes.Cut(data, []byte("\n"))
		if name, ok := strings.CutPrefix(string(line), "-- "); ok && strings.HasSuffix(name, " --") {
			a.files = append(a.files, archiveFile{name: strings.TrimSuffix(name, " --")})
			cur = &a.files[len(a.files)-1]
		} else if cur != nil {
			cur.data = append(cur.data, line...)
			if len(rest) > 0 || bytes.HasSuffix(data, []byte("\n")) {
				cur.data = append(cur.data, '\n')
			}
		}
		data = rest
	}
	if n := len(a.files); n > 0 && a.files[n-1].name == "want" {
		a.want = string(a.files[n-1].data)
		a.files = a.files[:n-1]
	}
	return a
}

// apply lays the archive's files over dir. A file named "symlink PATH"
// becomes a symbolic link at PATH to the file's first line.
func (a archive) apply(t *testing.T, dir string) {
	t.Helper()
	for _, f := range a.files {
		if target, ok := strings.CutPrefix(f.name, "symlink "); ok {
			p := filepath.Join(dir, filepath.FromSlash(target))
			if err := os.Symlink(strings.TrimSpace(string(f.data)), p); err != nil {
				t.Fatal(err)
			}
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(f.name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// snapshot records every file under dir with its bytes and modification
// time.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			out[rel+"/"] = ""
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out[rel] = info.ModTime().String() + "\x00" + string(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func formatDiags(l diag.List) string {
	var b strings.Builder
	for _, d := range l {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// TestBadInput runs every case of testdata/bad through check and build. The
// diagnostics must match the case's expected output exactly, and a case
// with errors must leave the output of an earlier good build untouched.
func TestBadInput(t *testing.T) {
	names, err := filepath.Glob("testdata/bad/*.txt")
	if err != nil || len(names) < 30 {
		t.Fatalf("want at least 30 cases, found %d (%v)", len(names), err)
	}
	for _, name := range names {
		t.Run(strings.TrimSuffix(filepath.Base(name), ".txt"), func(t *testing.T) {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			a := parseArchive(data)
			dir := t.TempDir()
			site := filepath.Join(dir, "site")
			if err := os.CopyFS(site, os.DirFS("testdata/base")); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, "public")
			if _, err := Build(Options{SiteDir: site, OutDir: out, Now: testNow}); err != nil {
				t.Fatalf("base portal does not build: %v", err)
			}
			before := snapshot(t, out)
			a.apply(t, site)

			res, err := Check(Options{SiteDir: site, Now: testNow})
			if err != nil {
				t.Fatal(err)
			}
			got := formatDiags(res.Diags)
			if *update {
				writeWant(t, name, data, got)
				return
			}
			if got != a.want {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", got, a.want)
			}
			if a.want == "" && !strings.HasPrefix(filepath.Base(name), "ok-") {
				t.Errorf("case has no expected diagnostics")
			}

			bres, err := Build(Options{SiteDir: site, OutDir: out, Now: testNow})
			if res.Diags.HasErrors() {
				if !errors.Is(err, ErrContent) {
					t.Errorf("build: got error %v, want ErrContent", err)
				}
				if formatDiags(bres.Diags) != got {
					t.Errorf("build reports other problems than check:\n%s", formatDiags(bres.Diags))
				}
				after := snapshot(t, out)
				if len(after) != len(before) {
					t.Errorf("failed build changed the output: %d entries before, %d after", len(before), len(after))
				}
				for k, v := range before {
					if after[k] != v {
						t.Errorf("failed build changed %s", k)
					}
				}
			} else if err != nil {
				t.Errorf("build with warnings only failed: %v", err)
			}
		})
	}
}

// writeWant rewrites the want section of a case file.
func writeWant(t *testing.T, name string, data []byte, got string) {
	t.Helper()
	i := bytes.Index(data, []byte("-- want --\n"))
	if i < 0 {
		t.Fatalf("%s: no want section", name)
	}
	out := append(data[:i:i], "-- want --\n"+got...)
	if err := os.WriteFile(name, out, 0o644); err != nil {
		t.Fatal(err)
	}
}
