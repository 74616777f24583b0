package content

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"unicode/utf8"
)

// readSource reads one content file through root, refusing files that are
// too large, binary or not UTF-8, and returns its text with the byte-order
// mark removed and line ends normalised to "\n". It reads into sc.buf,
// which it grows as needed: the text may share buf's storage, so it is
// good until the next read with sc.
func readSource(root *os.Root, name string, limit int64, sc *scratch) ([]byte, error) {
	data, done, err := sc.dirs.read(root, name, limit, &sc.buf)
	if !done {
		data, err = readInRoot(root, name, limit, &sc.buf)
	}
	if err != nil {
		return nil, err
	}
	return normalize(data)
}

// readInRoot reads name through root into *buf: the way that works
// everywhere, and that reports every problem.
func readInRoot(root *os.Root, name string, limit int64, buf *[]byte) ([]byte, error) {
	f, err := root.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if err := checkFile(info.Mode().IsRegular(), info.Size(), limit); err != nil {
		return nil, err
	}
	return readAll(f, info.Size(), limit, buf)
}

// checkFile refuses a file that is not a regular file, or that is over
// the limit.
func checkFile(regular bool, n, limit int64) error {
	if !regular {
		return fmt.Errorf("not a regular file")
	}
	if n > limit {
		return fmt.Errorf("file is %s, over the limit of %s; split it or raise maxFileSize in config.toml", size(n), size(limit))
	}
	return nil
}

// readAll reads r to its end into *buf, refusing more than limit bytes.
// stat, the file's size when it was opened, makes the buffer right at
// once; the byte to spare lets the read that finds the end of the file
// come without growing it, and catches a file that has grown since.
func readAll(r io.Reader, stat, limit int64, buf *[]byte) ([]byte, error) {
	limit = min(limit, math.MaxInt64-1) // so that limit+1 does not wrap
	want := int(min(stat, limit) + 1)
	if cap(*buf) < want {
		*buf = make([]byte, 0, want)
	}
	data := (*buf)[:0]
	for int64(len(data)) <= limit {
		if len(data) == cap(data) {
			data = slices.Grow(data, len(data)) // the file grew
			*buf = data
		}
		n, err := r.Read(data[len(data):min(int64(cap(data)), limit+1)])
		data = data[:len(data)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("file is over the limit of %s; split it or raise maxFileSize in config.toml", size(limit))
	}
	return data, nil
}

// normalize checks that data is text and returns it without a byte-order
// mark and with "\n" line ends.
func normalize(data []byte) ([]byte, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return nil, fmt.Errorf("binary file (it contains a NUL byte at offset %d); content files must be UTF-8 text", i)
	}
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:invalidAt(data)], []byte("\n"))
		return nil, fmt.Errorf("line %d is not valid UTF-8; save the file as UTF-8", line)
	}
	if bytes.IndexByte(data, '\r') >= 0 {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
		data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
	}
	return data, nil
}

func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

func size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
