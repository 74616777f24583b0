package synth

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// FloorResult counts what Floor converted.
type FloorResult struct {
	// Files is the number of Markdown files.
	Files int
	// Bytes counts the Markdown of their bodies, front matter excluded.
	Bytes int64
	// HTML counts the bytes goldmark produced.
	HTML int64
}

// Floor converts the body of every .md file under contentDir with bare
// goldmark, with the extensions cxatlas enables (GFM tables,
// strikethrough, autolinks and task lists), on all cores, and throws the
// HTML away. Timed as a whole, it is the cost of the Markdown itself: the
// floor under any build of the same content.
func Floor(contentDir string) (FloorResult, error) {
	var paths []string
	err := filepath.WalkDir(contentDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(d.Name(), ".md") {
			paths = append(paths, path)
		}
		return nil
	})
	if err != nil {
		return FloorResult{}, err
	}
	var (
		next, body, html atomic.Int64
		mu               sync.Mutex
		first            error
		wg               sync.WaitGroup
	)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			md := goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify, extension.TaskList))
			var out bytes.Buffer
			for {
				i := int(next.Add(1)) - 1
				if i >= len(paths) {
					return
				}
				src, err := os.ReadFile(paths[i])
				if err == nil {
					b := Body(src)
					out.Reset()
					err = md.Convert(b, &out)
					body.Add(int64(len(b)))
					html.Add(int64(out.Len()))
				}
				if err != nil {
					mu.Lock()
					first = cmpErr(first, err)
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	return FloorResult{Files: len(paths), Bytes: body.Load(), HTML: html.Load()}, first
}

func cmpErr(first, err error) error {
	if first != nil {
		return first
	}
	return err
}

// Body returns the Markdown of a content file: what follows the front
// matter between "+++" or "---" lines, or all of src when it has none.
func Body(src []byte) []byte {
	first, rest, ok := bytes.Cut(src, []byte("\n"))
	delim := string(bytes.TrimRight(first, " \t\r"))
	if !ok || (delim != "+++" && delim != "---") {
		return src
	}
	for len(rest) > 0 {
		line, after, _ := bytes.Cut(rest, []byte("\n"))
		if string(bytes.TrimRight(line, " \t\r")) == delim {
			return after
		}
		rest = after
	}
	return src
}
