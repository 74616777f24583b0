package content

import (
	"bytes"
	"fmt"
)

// Format is the language of a file's front matter.
type Format int

// The front-matter formats.
const (
	TOML Format = iota + 1
	YAML
)

// String returns "TOML" or "YAML".
func (f Format) String() string {
	if f == YAML {
		return "YAML"
	}
	return "TOML"
}

// Split is a file cut into its front matter and body.
type Split struct {
	Format Format
	// Front is the front matter without its delimiter lines.
	Front []byte
	// FrontLine is the line of the file on which Front starts.
	FrontLine int
	// Body is the Markdown after the closing delimiter.
	Body []byte
	// BodyLine is the line of the file on which Body starts.
	BodyLine int
}

// SplitError is a problem with the front-matter delimiters.
type SplitError struct {
	Line    int
	Message string
}

func (e *SplitError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Message) }

// SplitFrontMatter cuts src, which must use "\n" line ends and carry no
// byte-order mark, into front matter and body. The front matter opens on the
// first line with "+++" (TOML) or "---" (YAML) and closes with the same
// delimiter alone on a line; trailing spaces on delimiter lines are allowed.
func SplitFrontMatter(src []byte) (Split, error) {
	first, rest, _ := bytes.Cut(src, []byte("\n"))
	var f Format
	var delim []byte
	switch string(bytes.TrimRight(first, " \t")) {
	case "+++":
		f, delim = TOML, []byte("+++")
	case "---":
		f, delim = YAML, []byte("---")
	default:
		return Split{}, &SplitError{Line: 1, Message: "no front matter: start the file with a line \"+++\" (TOML) or \"---\" (YAML), then the fields, then the same line again"}
	}
	line := 2
	off := 0
	for off <= len(rest) {
		end := bytes.IndexByte(rest[off:], '\n')
		var l []byte
		next := len(rest) + 1
		if end < 0 {
			l = rest[off:]
		} else {
			l = rest[off : off+end]
			next = off + end + 1
		}
		if bytes.Equal(bytes.TrimRight(l, " \t"), delim) {
			body := []byte{}
			if next <= len(rest) {
				body = rest[next:]
			}
			return Split{Format: f, Front: rest[:off], FrontLine: 2, Body: body, BodyLine: line + 1}, nil
		}
		if f == YAML && bytes.Equal(bytes.TrimRight(l, " \t"), []byte("...")) {
			body := []byte{}
			if next <= len(rest) {
				body = rest[next:]
			}
			return Split{Format: f, Front: rest[:off], FrontLine: 2, Body: body, BodyLine: line + 1}, nil
		}
		line++
		off = next
	}
	return Split{}, &SplitError{Line: 1, Message: fmt.Sprintf("front matter opened with %q is never closed: add a line %q after the last field", delim, delim)}
}
