package publish

import (
	"bytes"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// journalName is the file, in the publish folder, that lists what a write
// is about to change. It exists only while the write replaces and removes
// files: from the moment every new file is staged until the last stale
// one is gone. Its leading dot keeps static hosts from serving it.
const journalName = ".cxatlas-journal"

// journalHeader starts a journal.
const journalHeader = "cxatlas publish journal 1\n"

// A journal is every change that turns the publish folder from the build
// on disk into the new one, once the new files are staged. Applying it
// again after an interruption finishes the same change: every step can be
// repeated.
type journal struct {
	// mkdirs are the folders that replace a file or symlink of the older
	// build, parents first.
	mkdirs []string
	// renames move the staged files over their targets.
	renames []rename
	// stale are the files of the older build to remove, then staleDirs
	// its folders, each before its parent.
	stale, staleDirs []string
}

// rename is one staged file of a journal; paths are slash-separated and
// relative to the publish folder.
type rename struct {
	tmp, target string
	// replaceDir is set when a folder of the older build stands at target.
	replaceDir bool
}

// empty reports whether the journal changes nothing.
func (j *journal) empty() bool {
	return len(j.mkdirs)+len(j.renames)+len(j.stale)+len(j.staleDirs) == 0
}

// encode writes the journal as lines of quoted paths, ended by a line
// that counts them and checksums everything before it, so that a journal
// cut short or damaged is told from a whole one.
func (j *journal) encode() []byte {
	var b bytes.Buffer
	b.WriteString(journalHeader)
	n := 0
	line := func(op string, paths ...string) {
		b.WriteString(op)
		for _, p := range paths {
			b.WriteByte(' ')
			b.WriteString(strconv.Quote(p))
		}
		b.WriteByte('\n')
		n++
	}
	for _, d := range j.mkdirs {
		line("mkdir", d)
	}
	for _, r := range j.renames {
		op := "rename"
		if r.replaceDir {
			op = "rename-over-dir"
		}
		line(op, r.tmp, r.target)
	}
	for _, p := range j.stale {
		line("remove", p)
	}
	for _, d := range j.staleDirs {
		line("rmdir", d)
	}
	fmt.Fprintf(&b, "end %d %08x\n", n, crc32.Checksum(b.Bytes(), castagnoli))
	return b.Bytes()
}

// errDamagedJournal says a journal is not one whole journal.
var errDamagedJournal = errors.New("damaged journal")

// decodeJournal reads a journal written by encode.
func decodeJournal(data []byte) (*journal, error) {
	body, trailer, ok := cutTrailer(data)
	if !ok || !bytes.HasPrefix(body, []byte(journalHeader)) {
		return nil, errDamagedJournal
	}
	var n int
	var sum uint32
	if _, err := fmt.Sscanf(trailer, "end %d %x\n", &n, &sum); err != nil || sum != crc32.Checksum(body, castagnoli) {
		return nil, errDamagedJournal
	}
	j := &journal{}
	lines := strings.Split(strings.TrimSuffix(string(body[len(journalHeader):]), "\n"), "\n")
	if len(lines) == 1 && lines[0] == "" {
		lines = nil
	}
	if len(lines) != n {
		return nil, errDamagedJournal
	}
	for _, l := range lines {
		if err := j.decodeLine(l); err != nil {
			return nil, err
		}
	}
	return j, nil
}

// cutTrailer splits data before its last line.
func cutTrailer(data []byte) (body []byte, trailer string, ok bool) {
	if !bytes.HasSuffix(data, []byte("\n")) {
		return nil, "", false
	}
	i := bytes.LastIndexByte(data[:len(data)-1], '\n')
	if i < 0 {
		return nil, "", false
	}
	return data[:i+1], string(data[i+1:]), true
}

// decodeLine adds one line of a journal to j.
func (j *journal) decodeLine(l string) error {
	op, rest, _ := strings.Cut(l, " ")
	var paths []string
	for rest != "" {
		q, err := strconv.QuotedPrefix(rest)
		if err != nil {
			return errDamagedJournal
		}
		p, _ := strconv.Unquote(q)
		paths = append(paths, p)
		rest = strings.TrimPrefix(rest[len(q):], " ")
	}
	want := 1
	if strings.HasPrefix(op, "rename") {
		want = 2
	}
	if len(paths) != want || !insideFolder(op, paths) {
		return errDamagedJournal
	}
	switch op {
	case "mkdir":
		j.mkdirs = append(j.mkdirs, paths[0])
	case "rename", "rename-over-dir":
		j.renames = append(j.renames, rename{tmp: paths[0], target: paths[1], replaceDir: op != "rename"})
	case "remove":
		j.stale = append(j.stale, paths[0])
	case "rmdir":
		j.staleDirs = append(j.staleDirs, paths[0])
	default:
		return errDamagedJournal
	}
	return nil
}

// insideFolder reports whether the paths of one journal line are ones a
// write lists: every target a path that Write accepts, so below the
// publish folder, and every staged file a temporary name in such a
// folder or at the top. A journal is a file anyone who can write to the
// folder can plant, checksum included, so a line naming "../x" is treated
// like a damaged one and never applied.
func insideFolder(op string, paths []string) bool {
	target := paths[len(paths)-1]
	if checkPath(target) != "" {
		return false
	}
	if !strings.HasPrefix(op, "rename") {
		return true
	}
	tmp := paths[0]
	dir := parentOf(tmp)
	name := strings.TrimPrefix(tmp[len(dir):], "/")
	return (dir == "" || checkPath(dir) == "") && isTempName(name)
}

// writeJournal puts j in place in the publish folder root, durably: it is
// written under a temporary name, synced, renamed and the folder synced,
// so that once writeJournal returns the journal is whole after a crash or
// a power loss, and before that there is none.
func writeJournal(root string, j *journal) error {
	f, err := createTemp(root)
	if err != nil {
		return fmt.Errorf("publish: writing the journal: %w", err)
	}
	_, err = f.Write(j.encode())
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), filepath.Join(root, journalName))
	}
	if err == nil {
		err = syncDir(root)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("publish: writing the journal: %w", err)
	}
	return nil
}

// readJournal returns the journal of root; nil when there is none.
func readJournal(root string) (*journal, error) {
	data, err := os.ReadFile(filepath.Join(root, journalName))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("publish: reading the journal: %w", err)
	}
	return decodeJournal(data)
}

// removeJournal deletes the journal of root once its changes are made,
// durably, so that a later recovery does not apply it again.
func removeJournal(root string) error {
	if err := os.Remove(filepath.Join(root, journalName)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("publish: removing the journal: %w", err)
	}
	return syncDir(root)
}
