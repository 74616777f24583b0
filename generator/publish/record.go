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
// size and modification time as the file system gave them after the write,
// and a checksum of its bytes. The next Write takes a file whose size and
// time still match its record, and whose new bytes have the same checksum,
// as unchanged without reading it back. A file changed by anything else
// gets a new modification time, so it is compared byte by byte as before.
type record map[string]recordEntry

// recordEntry is the record of one file.
type recordEntry struct {
	size, modNs int64
	sum         uint64
}

// matches reports whether the file described by fi still is the one
// recorded in e.
func (e recordEntry) matches(fi fs.FileInfo) bool {
	return fi.Mode().IsRegular() && fi.Size() == e.size && fi.ModTime().UnixNano() == e.modNs
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
const recordHeader = "cxatlas publish record 1\n"

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
		f := strings.SplitN(string(line), " ", 4)
		if len(f) != 4 {
			return nil
		}
		size, err1 := strconv.ParseInt(f[0], 10, 64)
		mod, err2 := strconv.ParseInt(f[1], 10, 64)
		sum, err3 := strconv.ParseUint(f[2], 16, 64)
		name, err4 := strconv.Unquote(f[3])
		if err := errors.Join(err1, err2, err3, err4); err != nil {
			return nil
		}
		rec[name] = recordEntry{size: size, modNs: mod, sum: sum}
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
			fmt.Fprintf(w, "%d %d %x %s\n", e.size, e.modNs, e.sum, strconv.Quote(name))
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

// recordOf makes the record of a write from what staging or writing
// noted of each file.
func recordOf(st []staged) record {
	rec := make(record, len(st))
	for _, s := range st {
		if s.fi != nil {
			rec[s.rel] = recordEntry{size: s.fi.Size(), modNs: s.fi.ModTime().UnixNano(), sum: s.sum}
		}
	}
	return rec
}
