package history

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// blobs reads old revisions of files through one long-lived git cat-file
// --batch process: one process for all of them, not one git show each.
type blobs struct {
	cmd *exec.Cmd
	in  io.WriteCloser
	out *bufio.Reader
	// prefix is the site folder's path inside the repository, with a
	// trailing slash ("" at its top): cat-file names files from there.
	prefix string
	// max is the largest file read; a larger one is skipped.
	max int64
}

// startBlobs starts git cat-file --batch in the site folder dir.
func startBlobs(git, dir, prefix string, max int64) (*blobs, error) {
	cmd := exec.Command(git, "-C", dir, "cat-file", "--batch")
	cmd.Env = gitEnv()
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("git cat-file: %w", err)
	}
	return &blobs{cmd: cmd, in: in, out: bufio.NewReaderSize(out, 64<<10), prefix: prefix, max: max}, nil
}

// read returns the object name and text of the file at path (relative to
// the site folder) in revision rev, or found false when the revision has
// no such file (or it is too large to read).
func (b *blobs) read(rev, path string) (oid string, data []byte, found bool, err error) {
	if strings.ContainsAny(rev+path, "\n\x00") {
		return "", nil, false, nil // cat-file reads one name a line
	}
	if _, err := io.WriteString(b.in, rev+":"+b.prefix+path+"\n"); err != nil {
		return "", nil, false, fmt.Errorf("git cat-file: %w", err)
	}
	header, err := b.out.ReadString('\n')
	if err != nil {
		return "", nil, false, fmt.Errorf("git cat-file: %w", err)
	}
	f := strings.Fields(header)
	if len(f) != 3 {
		return "", nil, false, nil // "<name> missing", "<name> ambiguous"
	}
	size, err := strconv.ParseInt(f[2], 10, 64)
	if err != nil || size < 0 {
		return "", nil, false, fmt.Errorf("git cat-file: bad header %q", strings.TrimSpace(header))
	}
	if size > b.max || f[1] != "blob" {
		_, err := b.out.Discard(int(size) + 1)
		return "", nil, false, err
	}
	data = make([]byte, size+1)
	if _, err := io.ReadFull(b.out, data); err != nil {
		return "", nil, false, fmt.Errorf("git cat-file: %w", err)
	}
	return f[0], bytes.TrimSuffix(data, []byte("\n"))[:size], true, nil
}

// commit returns the full name of the commit rev names and its committer
// date, or "" when it names none.
func (b *blobs) commit(rev string) (string, time.Time, error) {
	if strings.ContainsAny(rev, "\n\x00") {
		return "", time.Time{}, nil
	}
	if _, err := io.WriteString(b.in, rev+"^{commit}\n"); err != nil {
		return "", time.Time{}, fmt.Errorf("git cat-file: %w", err)
	}
	header, err := b.out.ReadString('\n')
	if err != nil {
		return "", time.Time{}, fmt.Errorf("git cat-file: %w", err)
	}
	f := strings.Fields(header)
	if len(f) != 3 {
		return "", time.Time{}, nil
	}
	size, err := strconv.ParseInt(f[2], 10, 64)
	if err != nil || size < 0 || size > 1<<24 {
		return "", time.Time{}, fmt.Errorf("git cat-file: bad header %q", strings.TrimSpace(header))
	}
	body := make([]byte, size+1)
	if _, err := io.ReadFull(b.out, body); err != nil {
		return "", time.Time{}, fmt.Errorf("git cat-file: %w", err)
	}
	return f[0], committerDate(body), nil
}

// committerDate reads the date of the committer line of a commit object;
// zero when it has none.
func committerDate(obj []byte) time.Time {
	for _, line := range strings.Split(string(obj), "\n") {
		if line == "" {
			break // the message follows
		}
		rest, ok := strings.CutPrefix(line, "committer ")
		if !ok {
			continue
		}
		f := strings.Fields(rest)
		if len(f) < 2 {
			return time.Time{}
		}
		t, err := unixTime(f[len(f)-2])
		if err != nil {
			return time.Time{}
		}
		return t
	}
	return time.Time{}
}

// close ends the process.
func (b *blobs) close() {
	if b == nil {
		return
	}
	b.in.Close()
	_ = b.cmd.Wait()
}
