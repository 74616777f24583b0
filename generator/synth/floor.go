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
	"github.com/cxatlas/cxatlas/generator/content"
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
			md := goldmark.New(goldmark.WithExtensions(extension.GFM))
			var out bytes.Buffer
			for {
				i := int(next.Add(1)) - 1
				if i >= len(paths) {
					return
				}
				src, err := os.ReadFile(paths[i])
				if err == nil {
					sp := split(src)
					b := sp.Body
					if frontMatter {
						err = decodeFrontMatter(sp)
						fm.Add(int64(len(sp.Front)))
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

// split cuts a content file as cxatlas does; a file it cannot cut is all
// body, which is all the floor needs of it.
func split(src []byte) content.Split {
	sp, err := content.SplitFrontMatter(src)
	if err != nil {
		return content.Split{Body: src}
	}
	return sp
}

// decodeFrontMatter decodes the front matter of sp into a generic map.
func decodeFrontMatter(sp content.Split) error {
	var m map[string]any
	switch sp.Format {
	case content.TOML:
		return toml.Unmarshal(sp.Front, &m)
	case content.YAML:
		return yaml.Unmarshal(sp.Front, &m)
	}
	return nil
}

func cmpErr(first, err error) error {
	if first != nil {
		return first
	}
	return err
}
