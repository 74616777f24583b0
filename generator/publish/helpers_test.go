package publish

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// entry is what a snapshot records of one file-system entry.
type entry struct {
	mode  fs.FileMode
	data  string // file content or symlink target
	mtime time.Time
	ino   uint64
}

// snapshot records every entry below dir, dot-files included, by slash path.
func snapshot(t testing.TB, dir string) map[string]entry {
	t.Helper()
	out := map[string]entry{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if rel == "." {
			return nil
		}
		fi, err := os.Lstat(p)
		if err != nil {
			return err
		}
		e := entry{mode: fi.Mode(), mtime: fi.ModTime(), ino: fi.Sys().(*syscall.Stat_t).Ino}
		switch {
		case fi.Mode()&fs.ModeSymlink != 0:
			e.data, err = os.Readlink(p)
		case fi.Mode().IsRegular():
			var b []byte
			b, err = os.ReadFile(p)
			e.data = string(b)
		}
		out[filepath.ToSlash(rel)] = e
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// makeTree creates entries below dir: a path ending in "/" is a directory,
// a value starting with "->" a symlink to the rest, anything else a file.
func makeTree(t testing.TB, dir string, tree map[string]string) {
	t.Helper()
	for p, v := range tree {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		var err error
		switch {
		case strings.HasSuffix(p, "/"):
			err = os.MkdirAll(full, 0o755)
		case strings.HasPrefix(v, "->"):
			err = os.Symlink(v[2:], full)
		default:
			err = os.WriteFile(full, []byte(v), 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}

// contents reduces a snapshot to the tree notation of makeTree, listing
// files and symlinks only.
func contents(snap map[string]entry) map[string]string {
	out := map[string]string{}
	for p, e := range snap {
		switch {
		case e.mode&fs.ModeSymlink != 0:
			out[p] = "->" + e.data
		case e.mode.IsRegular():
			out[p] = e.data
		}
	}
	return out
}

// filesAs turns a map of paths to contents into Files that give their
// content the way kind says: "data", "render" or "stream".
func filesAs(m map[string]string, kind string) []File {
	var fs []File
	for p, v := range m {
		f := File{Path: p}
		switch kind {
		case "data":
			f.Data = []byte(v)
		case "render":
			f.Render = func(w *bytes.Buffer) error { w.WriteString(v); return nil }
		case "stream":
			f.Stream = func(w io.Writer) error { _, err := io.WriteString(w, v); return err }
		default:
			panic("filesAs: unknown kind " + kind)
		}
		fs = append(fs, f)
	}
	return fs
}

// dirsOf lists the directories of a snapshot.
func dirsOf(snap map[string]entry) []string {
	var out []string
	for p, e := range snap {
		if e.mode.IsDir() {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

// withoutDirTimes returns snap with the modification times of directories
// cleared: staging creates and removes temporary files in directories, which
// a failed write cannot hide.
func withoutDirTimes(snap map[string]entry) map[string]entry {
	out := make(map[string]entry, len(snap))
	for p, e := range snap {
		if e.mode.IsDir() {
			e.mtime = time.Time{}
		}
		out[p] = e
	}
	return out
}
