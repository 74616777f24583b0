package publish

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// streamBuffer is the size of the buffer between a Stream function and the
// file it writes: large enough that a file takes few system calls.
const streamBuffer = 64 << 10

// streamNew writes f's stream to a new file at path.
func streamNew(path string, f File) error {
	w, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	return streamInto(w, f)
}

// streamTemp writes f's stream to a new temporary file in dir and returns
// its path.
func streamTemp(dir string, f File) (string, error) {
	w, err := createTemp(dir)
	if err != nil {
		return "", err
	}
	return w.Name(), streamInto(w, f)
}

// streamInto writes f's stream to w and closes w; on failure it removes
// w's file.
func streamInto(w *os.File, f File) error {
	bw := bufio.NewWriterSize(w, streamBuffer)
	err := f.Stream(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(w.Name())
		return fmt.Errorf("render %s: %w", f.Path, err)
	}
	return nil
}

// stageStream stages a file that has a Stream function.
// fi describes what stands at the target, nil for nothing.
func stageStream(plan *dirPlan, f File, s staged, fi fs.FileInfo) (staged, error) {
	dir := plan.abs(plan.stageDir(parentOf(f.Path)))
	var err error
	if fi != nil && fi.Mode().IsRegular() {
		s.tmp, err = streamStage(plan.abs(f.Path), dir, f)
	} else {
		s.tmp, err = streamTemp(dir, f)
	}
	return s, err
}

// streamStage stages a streamed file over the regular file at target. The
// stream is compared with target as it is produced; nothing is written
// while the two agree. At the first difference the part that agreed is
// copied from target into a temporary file in dir (the kernel copies it
// without passing it through the program) and the rest of the stream goes
// there too. It returns the temporary file, or "" when target already holds
// exactly the stream.
func streamStage(target, dir string, f File) (tmp string, err error) {
	old, err := os.Open(target)
	if err != nil {
		return "", err
	}
	defer old.Close()
	c := &streamComparer{old: old, dir: dir}
	bw := bufio.NewWriterSize(c, streamBuffer)
	if err = f.Stream(bw); err == nil {
		err = bw.Flush()
	}
	if err == nil && c.tmp == nil {
		// Everything agreed so far; target must also end here.
		var one [1]byte
		switch n, rerr := io.ReadFull(old, one[:]); {
		case n == 1:
			err = c.diverge()
		case !errors.Is(rerr, io.EOF):
			err = rerr
		}
	}
	if c.tmp == nil {
		return "", err
	}
	name := c.tmp.Name()
	if cerr := c.tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(name)
		return "", fmt.Errorf("render %s: %w", f.Path, err)
	}
	return name, nil
}

// streamComparer is the io.Writer of streamStage: it checks what is
// written against old until they differ, then writes to a temporary file.
type streamComparer struct {
	old *os.File
	dir string
	// off counts the bytes of old that agreed with the stream.
	off int64
	// read holds the bytes of old compared with one Write.
	read []byte
	// tmp is the temporary file, once the stream and old differ.
	tmp *os.File
}

func (c *streamComparer) Write(p []byte) (int, error) {
	if c.tmp == nil {
		if cap(c.read) < len(p) {
			c.read = make([]byte, len(p))
		}
		n, err := io.ReadFull(c.old, c.read[:len(p)])
		if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
			return 0, err
		}
		if n == len(p) && bytes.Equal(c.read[:n], p) {
			c.off += int64(n)
			return len(p), nil
		}
		if err := c.diverge(); err != nil {
			return 0, err
		}
	}
	return c.tmp.Write(p)
}

// diverge creates the temporary file and copies into it the c.off bytes of
// old that agreed with the stream.
func (c *streamComparer) diverge() error {
	t, err := createTemp(c.dir)
	if err != nil {
		return err
	}
	c.tmp = t
	if _, err := c.old.Seek(0, io.SeekStart); err != nil {
		return err
	}
	// *os.File reading from a LimitedReader over an *os.File uses
	// copy_file_range on Linux.
	n, err := io.Copy(t, io.LimitReader(c.old, c.off))
	if err == nil && n != c.off {
		err = fmt.Errorf("%s changed while it was compared", c.old.Name())
	}
	return err
}
