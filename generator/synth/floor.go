package synth

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/BurntSushi/toml"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"go.yaml.in/yaml/v3"
)

// FloorResult counts what Floor converted.
type FloorResult struct {
	// Files is the number of Markdown files.
	Files int
	// Bytes counts the Markdown of their bodies, front matter excluded.
	Bytes int64
	// HTML counts the bytes goldmark produced.
	HTML int64
	// FrontMatter counts the front matter decoded, by ParseFloor only.
	FrontMatter int64
}

// Floor converts the body of every .md file under contentDir with bare
// goldmark, with the extensions cxatlas enables (GFM tables,
// strikethrough, autolinks and task lists), on all cores, and throws the
// HTML away. Timed as a whole, it is the cost of the Markdown itself: the
// floor under any build of the same content.
func Floor(contentDir string) (FloorResult, error) { return floor(contentDir, false) }

// ParseFloor is Floor that also decodes the front matter of every file into
// generic maps, TOML with BurntSushi/toml and YAML with yaml.v3: the cost
// of reading the content at all, which any generator of the same portal
// pays before it renders anything.
func ParseFloor(contentDir string) (FloorResult, error) { return floor(contentDir, true) }

func floor(contentDir string, frontMatter bool) (FloorResult, error) {
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
		next, body, html, fm atomic.Int64
		mu                   sync.Mutex
		first                error
		wg                   sync.WaitGroup
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
					delim, head, b := split(src)
					if frontMatter {
						err = decodeFrontMatter(delim, head)
						fm.Add(int64(len(head)))
					}
					out.Reset()
					if err == nil {
						err = md.Convert(b, &out)
					}
					body.Add(int64(len(b)))
					html.Add(int64(out.Len()))
				}
				if err != nil {
					mu.Lock()
					first = cmpErr(first, fmt.Errorf("%s: %w", paths[i], err))
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	return FloorResult{Files: len(paths), Bytes: body.Load(), HTML: html.Load(), FrontMatter: fm.Load()}, first
}

// decodeFrontMatter decodes front matter between delim lines into a map.
func decodeFrontMatter(delim string, src []byte) error {
	var m map[string]any
	switch delim {
	case "+++":
		return toml.Unmarshal(src, &m)
	case "---":
		return yaml.Unmarshal(src, &m)
	}
	return nil
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
	_, _, body := split(src)
	return body
}

// split cuts a content file into its front matter delimiter ("+++", "---",
// or "" when it has none), the front matter between the delimiter lines,
// and the body.
func split(src []byte) (delim string, frontMatter, body []byte) {
	first, rest, ok := bytes.Cut(src, []byte("\n"))
	delim = string(bytes.TrimRight(first, " \t\r"))
	if !ok || (delim != "+++" && delim != "---") {
		return "", nil, src
	}
	head := rest
	for len(rest) > 0 {
		line, after, _ := bytes.Cut(rest, []byte("\n"))
		if string(bytes.TrimRight(line, " \t\r")) == delim {
			return delim, head[:len(head)-len(rest)], after
		}
		rest = after
	}
	return "", nil, src
}
