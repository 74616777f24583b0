package scaffold

import (
	"bufio"
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// nextOrder returns the order a new stage of dir takes: one past the
// highest order of the stages there, 1 when there are none, so that a new
// stage comes last rather than among the others by its name.
func nextOrder(dir string) (int, error) {
	highest := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if d.IsDir() || strings.HasPrefix(d.Name(), ".") || !strings.HasSuffix(d.Name(), ".md") {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return nil // the build reports a file it cannot read
		}
		if n, ok := frontMatterOrder(data); ok {
			highest = max(highest, n)
		}
		return nil
	})
	return highest + 1, err
}

// frontMatterOrder finds "order = N" (TOML) or "order: N" (YAML) at the
// top level of a file's front matter.
func frontMatterOrder(data []byte) (int, bool) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	sc := bufio.NewScanner(bytes.NewReader(data))
	fence := ""
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r \t")
		if fence == "" {
			if line != "+++" && line != "---" {
				return 0, false
			}
			fence = line
			continue
		}
		if line == fence {
			break
		}
		key, val, ok := strings.Cut(line, "=")
		if fence == "---" {
			key, val, ok = strings.Cut(line, ":")
		}
		if !ok || strings.TrimSpace(key) != "order" || key != strings.TrimLeft(key, " \t") {
			continue
		}
		val, _, _ = strings.Cut(val, "#")
		if n, err := strconv.Atoi(strings.TrimSpace(val)); err == nil {
			return n, true
		}
	}
	return 0, false
}
