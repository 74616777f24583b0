package publish

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// Temporary files are named tempPrefix + 16 hex digits + tempSuffix. The
// leading dot hides them from static hosts while they exist.
const (
	tempPrefix = ".cxatlas-"
	tempSuffix = ".tmp"
)

// staged is one file after staging.
type staged struct {
	// rel is the target, slash-separated, relative to the publish dir.
	rel string
	// tmp is the temporary file holding the new bytes; "" when the target
	// already holds them.
	tmp string
	// replaceDir is set when a directory of an older build stands at the
	// target.
	replaceDir bool
	// sum is the file's checksum when the write keeps a record.
	sum uint64
	// fi is what the file system says of the file, unchanged or written (a
	// rename keeps its size and time); nil for a streamed file, which the
	// record leaves out.
	fi fs.FileInfo
}

// stage minifies every file and writes each one whose bytes differ from its
// target to a temporary file, creating the directories the build needs. On
// failure it removes everything it created and returns the error.
func stage(plan *dirPlan, files []File, opts Options, rec record) ([]staged, error) {
	out := make([]staged, len(files))
	err := plan.createMissing()
	if err == nil {
		err = forEach(len(files), opts.Workers, func(i int, sc *workerScratch) error {
			s, err := stageFile(plan, files[i], opts, rec, sc)
			out[i] = s
			return err
		})
	}
	if err != nil {
		return nil, errors.Join(err, unstage(out, plan))
	}
	return out, nil
}

// unstage removes the temporary files in st and the directories staging
// created.
func unstage(st []staged, plan *dirPlan) error {
	var errs []error
	for _, s := range st {
		if s.tmp != "" {
			if err := os.Remove(s.tmp); err != nil && !errors.Is(err, fs.ErrNotExist) {
				errs = append(errs, err)
			}
		}
	}
	if err := plan.removeCreated(); err != nil {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return fmt.Errorf("publish: cleaning up after a failed write: %w", errors.Join(errs...))
	}
	return nil
}

// stageFile stages one file, using the worker's workerScratch space.
func stageFile(plan *dirPlan, f File, opts Options, rec record, sc *workerScratch) (staged, error) {
	s := staged{rel: f.Path}
	if err := opts.hook(f.Path); err != nil {
		return s, err
	}
	// What stands at the target, if its folder is there: nil for nothing.
	dir := parentOf(f.Path)
	var fi fs.FileInfo
	if plan.state[dir] == dirExists {
		var err error
		switch fi, err = os.Lstat(plan.abs(f.Path)); {
		case errors.Is(err, fs.ErrNotExist):
			fi = nil
		case err != nil:
			return s, fmt.Errorf("publish: %w", err)
		case fi.IsDir():
			s.replaceDir = true
		}
	}
	if f.Stream != nil {
		return stageStream(plan, f, s, fi)
	}
	data, err := f.bytes(opts, sc, &s)
	if err != nil {
		return s, err
	}
	if fi != nil && !fi.IsDir() {
		e, ok := rec[f.Path]
		same := ok && e.sum == s.sum && e.matches(fi)
		if !same {
			if same, err = sameBytes(plan.abs(f.Path), fi, data, sc); err != nil {
				return s, fmt.Errorf("publish: %w", err)
			}
		}
		if same {
			s.fi = fi
			return s, nil
		}
	}
	s.tmp, s.fi, err = writeTemp(plan.abs(plan.stageDir(dir)), data)
	if err != nil {
		return s, fmt.Errorf("publish: staging %s: %w", f.Path, err)
	}
	return s, nil
}

// sameBytes reports whether the regular file at path, of which Lstat gave
// fi, holds exactly data. It reads the file only when its size matches, in
// pieces through sc.read.
func sameBytes(path string, fi fs.FileInfo, data []byte, sc *workerScratch) (bool, error) {
	if !fi.Mode().IsRegular() || fi.Size() != int64(len(data)) {
		return false, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	if sc.read == nil {
		sc.read = make([]byte, compareBuffer)
	}
	for {
		// Reading past len(data) tells a file that grew since Lstat.
		n, err := io.ReadFull(f, sc.read)
		if n > len(data) || !bytes.Equal(sc.read[:n], data[:n]) {
			return false, nil
		}
		data = data[n:]
		switch {
		case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
			return len(data) == 0, nil
		case err != nil:
			return false, err
		}
	}
}

// compareBuffer is how much of an existing file sameBytes reads at once.
const compareBuffer = 64 << 10

// writeTemp writes data to a new temporary file in dir and returns its
// path and what the file system says of it.
func writeTemp(dir string, data []byte) (string, fs.FileInfo, error) {
	f, err := createTemp(dir)
	if err != nil {
		return "", nil, err
	}
	fi, err := writeClose(f, data)
	if err != nil {
		os.Remove(f.Name())
		return "", nil, err
	}
	return f.Name(), fi, nil
}

// writeClose writes data to f, closes it and returns what the file system
// says of it once written.
func writeClose(f *os.File, data []byte) (fs.FileInfo, error) {
	_, err := f.Write(data)
	var fi fs.FileInfo
	if err == nil {
		fi, err = f.Stat()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return fi, err
}

// createTemp creates a new, empty temporary file in dir, open for writing.
func createTemp(dir string) (*os.File, error) {
	for {
		name := filepath.Join(dir, fmt.Sprintf("%s%016x%s", tempPrefix, rand.Uint64(), tempSuffix))
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
}

// isTempName reports whether name looks like a temporary file of Write, such
// as one left behind by a build that was killed.
func isTempName(name string) bool {
	return len(name) == len(tempPrefix)+16+len(tempSuffix) &&
		strings.HasPrefix(name, tempPrefix) && strings.HasSuffix(name, tempSuffix)
}
