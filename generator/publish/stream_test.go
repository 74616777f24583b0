package publish

import (
	"bytes"
	"errors"
	"io"
	"maps"
	"os"
	"path/filepath"
	"testing"
)

// TestWriteLargeFiles checks the comparison of files larger than the
// buffers it reads and writes through, for files given as Data and as a
// Stream written in pieces of awkward sizes: a change anywhere is written,
// and only an identical file is left alone.
func TestWriteLargeFiles(t *testing.T) {
	old := make([]byte, 3*streamBuffer+123)
	for i := range old {
		old[i] = byte('a' + i%26)
	}
	changed := func(at int) []byte {
		b := bytes.Clone(old)
		b[at] = '#'
		return b
	}
	tests := []struct {
		name string
		data []byte
	}{
		{"identical", old},
		{"first byte changed", changed(0)},
		{"changed in the second buffer", changed(streamBuffer + 7)},
		{"last byte changed", changed(len(old) - 1)},
		{"shorter by one", old[:len(old)-1]},
		{"shorter by a buffer", old[:len(old)-streamBuffer]},
		{"longer by one", append(bytes.Clone(old), 'z')},
		{"longer by a buffer", append(bytes.Clone(old), old[:streamBuffer]...)},
		{"empty", nil},
	}
	for _, tt := range tests {
		for _, kind := range []string{"data", "stream"} {
			t.Run(tt.name+"/"+kind, func(t *testing.T) {
				dir := filepath.Join(t.TempDir(), "public")
				makeTree(t, dir, map[string]string{"data.json": string(old)})
				before := snapshot(t, dir)
				f := File{Path: "data.json", Data: tt.data}
				if kind == "stream" {
					f = File{Path: "data.json", Stream: func(w io.Writer) error {
						// Pieces of 1000 bytes and then larger than the
						// buffer, so writes both fill it and bypass it.
						rest := tt.data
						for i := 0; len(rest) > 0; i++ {
							n := min(len(rest), 1000+i*streamBuffer)
							if _, err := w.Write(rest[:n]); err != nil {
								return err
							}
							rest = rest[n:]
						}
						return nil
					}}
				}
				rep, err := Write(dir, []File{f}, Options{})
				if err != nil {
					t.Fatal(err)
				}
				after := snapshot(t, dir)
				if got := after["data.json"].data; got != string(tt.data) {
					t.Fatalf("data.json holds %d bytes, want the %d written", len(got), len(tt.data))
				}
				same := bytes.Equal(tt.data, old)
				if same != maps.Equal(before, after) {
					t.Errorf("unchanged content: %v, but the tree changed: %v", same, !maps.Equal(before, after))
				}
				want := Report{Written: 1}
				if same {
					want = Report{Unchanged: 1}
				}
				if rep != want {
					t.Errorf("report = %+v, want %+v", rep, want)
				}
				if n := countTemps(filepath.Dir(dir)); n != 0 {
					t.Errorf("%d temporary files left", n)
				}
			})
		}
	}
}

// TestWriteStreamFailure checks that a Stream that fails part-way, after it
// has diverged from the existing file, leaves the publish dir as it was.
func TestWriteStreamFailure(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	old := bytes.Repeat([]byte("old "), streamBuffer)
	makeTree(t, dir, map[string]string{"data.json": string(old), "index.html": "home"})
	before := snapshot(t, dir)
	boom := errors.New("boom")
	files := []File{
		{Path: "index.html", Data: []byte("new home")},
		{Path: "data.json", Stream: func(w io.Writer) error {
			if _, err := w.Write(bytes.Repeat([]byte("new "), streamBuffer)); err != nil {
				return err
			}
			return boom
		}},
	}
	if _, err := Write(dir, files, Options{}); !errors.Is(err, boom) {
		t.Fatalf("Write error = %v, want %v", err, boom)
	}
	if after := snapshot(t, dir); !maps.Equal(before, after) {
		t.Errorf("a failed stream changed the publish dir")
	}
	if n := countTemps(filepath.Dir(dir)); n != 0 {
		t.Errorf("%d temporary files left", n)
	}
	// Into a folder that does not exist yet, the failure leaves nothing.
	fresh := filepath.Join(t.TempDir(), "public")
	if _, err := Write(fresh, files, Options{}); !errors.Is(err, boom) {
		t.Fatalf("fresh Write error = %v, want %v", err, boom)
	}
	if _, err := os.Lstat(fresh); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a failed fresh write left %s: %v", fresh, err)
	}
	if n := countTemps(filepath.Dir(fresh)); n != 0 {
		t.Errorf("%d temporary entries left beside the fresh dir", n)
	}
}
