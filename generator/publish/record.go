package publish

import (
	"bufio"
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

// A record is what a Write left in a publish directory: for each file, its
// size, modification time, change time and inode number as the file
// system gave them after the write, and a checksum of its bytes. The next
// Write takes a file whose size, times and inode all still match its
// record, and whose new bytes have the same checksum, as unchanged without
// reading it back; any other file is compared byte by byte.
//
// The record trusts the change time, as git's index does: writing to a
// file, renaming one over it or setting its modification time back all
// set its change time to the present, and only changing the system clock
// sets it back. What the record cannot see is a change within the same
// tick of the kernel's clock as the write, which keeps the size and sets
// the modification time back. Where the file system gives no change time
// and inode (outside Linux), the record is never trusted.
type record map[string]recordEntry

// recordEntry is the record of one file.
type recordEntry struct {
	size, modNs, changeNs int64
	inode                 uint64
	sum                   uint64
}

// entryOf returns the record of a file of which fi is what Lstat says and
// sum its checksum; ok is false when fi cannot be trusted later.
func entryOf(fi fs.FileInfo, sum uint64) (e recordEntry, ok bool) {
	changeNs, inode, ok := changeAndInode(fi)
	if !ok || !fi.Mode().IsRegular() {
		return recordEntry{}, false
	}
	return recordEntry{size: fi.Size(), modNs: fi.ModTime().UnixNano(), changeNs: changeNs, inode: inode, sum: sum}, true
}

// matches reports whether the file described by fi still is the one
// recorded in e.
func (e recordEntry) matches(fi fs.FileInfo) bool {
	now, ok := entryOf(fi, e.sum)
	return ok && now == e
}

// castagnoli is the CRC-32C table; both it and the IEEE checksum run on
// the processor's own instructions on amd64 and arm64, at gigabytes per
// second.
var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// checksum is two independent CRC-32s of b: 64 bits against an accidental
// match between a page and its previous version of the same size.
func checksum(b []byte) uint64 {
	return uint64(crc32.Checksum(b, castagnoli))<<32 | uint64(crc32.ChecksumIEEE(b))
}

// recordHeader starts a record file; the publish directory follows it.
const recordHeader = "cxatlas publish record 2\n"

// loadRecord reads the record of root from path. Any problem, such as no
// record yet, a record of another directory or a damaged one, gives nil:
// every file is then compared byte by byte.
func loadRecord(path, root string) record {
	if path == "" {
		return nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	rest, ok := bytes.CutPrefix(data, []byte(recordHeader+strconv.Quote(root)+"\n"))
	if !ok {
		return nil
	}
	rec := record{}
	for len(rest) > 0 {
		var line []byte
		line, rest, ok = bytes.Cut(rest, []byte("\n"))
		if !ok {
			return nil // cut short
		}
		name, e, ok := parseEntry(string(line))
		if !ok {
			return nil
		}
		rec[name] = e
	}
	return rec
}

// saveRecord writes the record of root to path, through a temporary file
// renamed into place. A record that cannot be written is removed, so that
// none is better than an old one; the write it describes has succeeded
// either way, so saveRecord reports nothing.
func saveRecord(path, root string, rec record) {
	if path == "" {
		return
	}
	err := os.MkdirAll(filepath.Dir(path), 0o755)
	var tmp *os.File
	if err == nil {
		tmp, err = createTemp(filepath.Dir(path))
	}
	if err == nil {
		w := bufio.NewWriter(tmp)
		w.WriteString(recordHeader + strconv.Quote(root) + "\n")
		for name, e := range rec {
			fmt.Fprintf(w, "%d %d %d %d %x %s\n", e.size, e.modNs, e.changeNs, e.inode, e.sum, strconv.Quote(name))
		}
		err = w.Flush()
		if cerr := tmp.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			err = os.Rename(tmp.Name(), path)
		}
		if err != nil {
			os.Remove(tmp.Name())
		}
	}
	if err != nil {
		os.Remove(path)
	}
}

// parseEntry reads one line of a record file.
func parseEntry(line string) (name string, e recordEntry, ok bool) {
	f := strings.SplitN(line, " ", 6)
	if len(f) != 6 {
		return "", e, false
	}
	var errs [6]error
	e.size, errs[0] = strconv.ParseInt(f[0], 10, 64)
	e.modNs, errs[1] = strconv.ParseInt(f[1], 10, 64)
	e.changeNs, errs[2] = strconv.ParseInt(f[2], 10, 64)
	e.inode, errs[3] = strconv.ParseUint(f[3], 10, 64)
	e.sum, errs[4] = strconv.ParseUint(f[4], 16, 64)
	name, errs[5] = strconv.Unquote(f[5])
	return name, e, errors.Join(errs[:]...) == nil
}

// recordOf makes the record of a write from what staging or writing
// noted of each file.
func recordOf(st []staged) record {
	rec := make(record, len(st))
	for _, s := range st {
		if s.fi == nil {
			continue
		}
		if e, ok := entryOf(s.fi, s.sum); ok {
			rec[s.rel] = e
		}
	}
	return rec
}

// restat asks the file system again about every file of st that was
// renamed into place below root: a rename sets the file's change time.
// A file it cannot ask about is left out of the record.
func restat(root string, st []staged, workers int) {
	forEach(len(st), workers, func(i int, _ *workerScratch) error {
		s := &st[i]
		if s.tmp != "" && s.fi != nil {
			s.fi, _ = os.Lstat(absIn(root, s.rel))
		}
		return nil
	})
}
