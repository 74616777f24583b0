package publish

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestWriteRecord checks what the record of a write spares and what it
// does not: a file the record vouches for is not read back, and a file
// changed since, which has a new modification time, is compared and
// rewritten.
func TestWriteRecord(t *testing.T) {
	files := map[string]string{"index.html": "home", "a/index.html": "page a", "b/index.html": "page b"}
	setup := func(t *testing.T) (dir, rec string) {
		dir = filepath.Join(t.TempDir(), "public")
		rec = filepath.Join(t.TempDir(), "cache", "record")
		if _, err := Write(dir, filesAs(files, "data"), Options{Record: rec}); err != nil {
			t.Fatal(err)
		}
		return dir, rec
	}
	// tamper writes text into the file at rel and gives it the
	// modification time it had, which nothing but a deliberate act does;
	// only its change time and the bytes tell.
	tamper := func(t *testing.T, dir, rel, text string) {
		p := filepath.Join(dir, rel)
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, fi.ModTime(), fi.ModTime()); err != nil {
			t.Fatal(err)
		}
	}
	read := func(t *testing.T, dir, rel string) string {
		b, err := os.ReadFile(filepath.Join(dir, rel))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}

	t.Run("a fresh write leaves a record of every file", func(t *testing.T) {
		dir, rec := setup(t)
		r := loadRecord(rec, dir)
		if len(r) != len(files) {
			t.Fatalf("record holds %d files, want %d: %v", len(r), len(files), r)
		}
		for name, text := range files {
			if e := r[name]; e.size != int64(len(text)) || e.sum != checksum([]byte(text)) {
				t.Errorf("record of %s = %+v", name, e)
			}
		}
	})
	t.Run("a file the record vouches for is not read back", func(t *testing.T) {
		dir, rec := setup(t)
		tamper(t, dir, "a/index.html", "PAGE A")
		// Only a record that vouches for the file as it now stands spares
		// reading it; this one is forged to show that it does.
		fi, err := os.Lstat(filepath.Join(dir, "a", "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		r := loadRecord(rec, dir)
		r["a/index.html"], _ = entryOf(fi, checksum([]byte("page a")))
		saveRecord(rec, dir, r)
		rep, err := Write(dir, filesAs(files, "data"), Options{Record: rec})
		if err != nil {
			t.Fatal(err)
		}
		if got := read(t, dir, "a/index.html"); got != "PAGE A" || rep != (Report{Unchanged: 3}) {
			t.Errorf("with the record: a/index.html = %q, report %+v; want it left alone", got, rep)
		}
		// Without the record the bytes are compared, and the file fixed.
		rep, err = Write(dir, filesAs(files, "data"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := read(t, dir, "a/index.html"); got != "page a" || rep != (Report{Written: 1, Unchanged: 2}) {
			t.Errorf("without the record: a/index.html = %q, report %+v", got, rep)
		}
	})
	t.Run("a page edited keeping its size and time is rewritten", func(t *testing.T) {
		dir, rec := setup(t)
		tamper(t, dir, "a/index.html", "PAGE A")
		rep, err := Write(dir, filesAs(files, "data"), Options{Record: rec})
		if err != nil {
			t.Fatal(err)
		}
		if got := read(t, dir, "a/index.html"); got != "page a" || rep != (Report{Written: 1, Unchanged: 2}) {
			t.Errorf("a/index.html = %q, report %+v; want it rewritten", got, rep)
		}
	})
	t.Run("a file changed since is compared and rewritten", func(t *testing.T) {
		dir, rec := setup(t)
		p := filepath.Join(dir, "b", "index.html")
		if err := os.WriteFile(p, []byte("PAGE B"), 0o644); err != nil {
			t.Fatal(err)
		}
		later := time.Now().Add(time.Minute)
		if err := os.Chtimes(p, later, later); err != nil {
			t.Fatal(err)
		}
		rep, err := Write(dir, filesAs(files, "data"), Options{Record: rec})
		if err != nil {
			t.Fatal(err)
		}
		if got := read(t, dir, "b/index.html"); got != "page b" || rep != (Report{Written: 1, Unchanged: 2}) {
			t.Errorf("b/index.html = %q, report %+v", got, rep)
		}
	})
	t.Run("new content is written whatever the record says", func(t *testing.T) {
		dir, rec := setup(t)
		changed := map[string]string{"index.html": "home", "a/index.html": "page A", "b/index.html": "page b"}
		rep, err := Write(dir, filesAs(changed, "data"), Options{Record: rec})
		if err != nil {
			t.Fatal(err)
		}
		if got := read(t, dir, "a/index.html"); got != "page A" || rep != (Report{Written: 1, Unchanged: 2}) {
			t.Errorf("a/index.html = %q, report %+v", got, rep)
		}
		if e := loadRecord(rec, dir)["a/index.html"]; e.sum != checksum([]byte("page A")) {
			t.Errorf("the record was not brought up to date: %+v", e)
		}
		// The record describes the rewritten file as it stands on disk,
		// after the rename, so the next write takes its word for it.
		fi, err := os.Lstat(filepath.Join(dir, "a", "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		if e := loadRecord(rec, dir)["a/index.html"]; !e.matches(fi) {
			t.Errorf("the record of the rewritten file %+v does not match it: %+v", e, fi.Sys())
		}
	})
	for name, damage := range map[string]func(rec, dir string) error{
		"a damaged record":           func(rec, dir string) error { return damageRecord(rec, dir, "nonsense\n") },
		"a record with a bad size":   func(rec, dir string) error { return damageRecord(rec, dir, "x 0 0 0 0 \"a/index.html\"\n") },
		"a record with a bad name":   func(rec, dir string) error { return damageRecord(rec, dir, "6 0 0 0 0 a/index.html\n") },
		"a line of the older format": func(rec, dir string) error { return damageRecord(rec, dir, "6 0 0 \"a/index.html\"\n") },
		"a record cut short":         func(rec, _ string) error { b, _ := os.ReadFile(rec); return os.WriteFile(rec, b[:len(b)-3], 0o644) },
		"another folder's record":    func(rec, dir string) error { return copyRecord(rec, dir, dir+"-other") },
		"a record that is missing":   func(rec, _ string) error { return os.Remove(rec) },
	} {
		t.Run(name+" is ignored", func(t *testing.T) {
			dir, rec := setup(t)
			if err := damage(rec, dir); err != nil {
				t.Fatal(err)
			}
			if loadRecord(rec, dir) != nil {
				t.Fatal("loadRecord accepted it")
			}
			tamper(t, dir, "a/index.html", "PAGE A")
			if _, err := Write(dir, filesAs(files, "data"), Options{Record: rec}); err != nil {
				t.Fatal(err)
			}
			if got := read(t, dir, "a/index.html"); got != "page a" {
				t.Errorf("a/index.html = %q: the bytes were not compared", got)
			}
		})
	}
}

// damageRecord puts line first among the entries of the record of root at
// path, after its valid header.
func damageRecord(path, root, line string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	head := recordHeader + strconv.Quote(root) + "\n"
	if !strings.HasPrefix(string(b), head) {
		return os.ErrInvalid
	}
	return os.WriteFile(path, []byte(head+line+string(b[len(head):])), 0o644)
}

// copyRecord rewrites the record at path as the record of another root.
func copyRecord(path, root, other string) error {
	rec := loadRecord(path, root)
	if rec == nil {
		return os.ErrNotExist
	}
	saveRecord(path, other, rec)
	return nil
}
