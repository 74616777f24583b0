package content

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/cxatlas/cxatlas/generator/diag"
)

// MaxInlineOpeners is the most links and emphasis marks one paragraph may
// open: goldmark's time and memory grow fast with how deep they nest, and
// their number bounds the depth.
const MaxInlineOpeners = 5_000

// scanMarkdownLimits checks a Markdown body, which starts on line
// firstLine of its file, against the limits: how deep each line nests
// blocks, and how many links and emphasis marks each paragraph opens.
func scanMarkdownLimits(body []byte, firstLine int) *LimitError {
	openers := 0
	for line := firstLine; len(body) > 0; line++ {
		var l []byte
		l, body, _ = bytes.Cut(body, []byte("\n"))
		if col := blockDepth(l); col > 0 {
			return &LimitError{
				Pos:     diag.Pos{Line: line, Col: col},
				Message: fmt.Sprintf("Markdown nests deeper than %d levels of block quotes, list items and indentation", MaxMarkdownDepth),
				Hint:    "nest fewer lists and quotes, or indent less (two spaces are a level)",
			}
		}
		if len(bytes.TrimSpace(l)) == 0 {
			openers = 0 // a new paragraph
			continue
		}
		if col := inlineOpeners(l, &openers); col > 0 {
			return &LimitError{
				Pos:     diag.Pos{Line: line, Col: col},
				Message: fmt.Sprintf("paragraph opens more than %d links and emphasis marks", MaxInlineOpeners),
				Hint:    "split the paragraph with a blank line",
			}
		}
	}
	return nil
}

// blockDepth returns the column at which line l nests blocks deeper than
// MaxMarkdownDepth, or 0: each ">" and list marker of its prefix opens a
// block, and every two columns of indentation may continue one.
func blockDepth(l []byte) int {
	markers, cols := 0, 0
	for i := 0; i < len(l); {
		c := l[i]
		next := i + 1
		switch {
		case c == ' ' && markers == 0: // spaces after a marker belong to it
			cols++
		case c == '\t' && markers == 0:
			cols += 4 - cols%4
		case c == ' ' || c == '\t':
		case c == '>':
			markers++
		case c == '-' || c == '*' || c == '+':
			if next < len(l) && l[next] != ' ' && l[next] != '\t' {
				return 0
			}
			markers++
		case c >= '0' && c <= '9':
			for next < len(l) && next-i < 9 && l[next] >= '0' && l[next] <= '9' {
				next++
			}
			if next >= len(l) || l[next] != '.' && l[next] != ')' {
				return 0
			}
			next++
			markers++
		default:
			return 0
		}
		if markers+cols/2 > MaxMarkdownDepth {
			return i + 1
		}
		i = next
	}
	return 0
}

// inlineOpeners adds to *n the links and emphasis marks line l may open,
// and returns the column at which *n goes over MaxInlineOpeners, or 0. A
// mark opens where a run of "*", "_" or "~" is followed by text and not
// preceded by it.
func inlineOpeners(l []byte, n *int) int {
	for i := 0; i < len(l); i++ {
		c := l[i]
		switch c {
		case '\\':
			i++
			continue
		case '[':
			*n++
		case '*', '_', '~':
			start := i
			for i+1 < len(l) && l[i+1] == c {
				i++
			}
			before := start == 0 || isSpaceOrPunct(l[start-1])
			after := i+1 < len(l) && l[i+1] != ' ' && l[i+1] != '\t'
			if before && after {
				*n += i - start + 1
			}
		default:
			continue
		}
		if *n > MaxInlineOpeners {
			return utf8.RuneCount(l[:i]) + 1
		}
	}
	return 0
}

func isSpaceOrPunct(c byte) bool {
	return c == ' ' || c == '\t' || c < 0x80 && !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')
}
