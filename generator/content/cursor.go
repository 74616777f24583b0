package content

import (
	"unicode/utf8"

	"github.com/cxatlas/cxatlas/generator/diag"
)

// cursor walks front matter a rune at a time and keeps the line and column
// (counted in runes) of where it stands. The scanners that read TOML beside
// its parser, for key positions and for writers' slips, move with it.
type cursor struct {
	src       []byte
	i         int
	line, col int
	lineStart int // offset of the current line
}

func (c *cursor) eof() bool { return c.i >= len(c.src) }

func (c *cursor) peekAt(n int) byte {
	if c.i+n >= len(c.src) {
		return 0
	}
	return c.src[c.i+n]
}

func (c *cursor) pos() diag.Pos { return diag.Pos{Line: c.line, Col: c.col} }

// adv moves past one rune.
func (c *cursor) adv() {
	if c.eof() {
		return
	}
	if c.src[c.i] == '\n' {
		c.i++
		c.line++
		c.col = 1
		c.lineStart = c.i
		return
	}
	_, n := utf8.DecodeRune(c.src[c.i:])
	c.i += n
	c.col++
}

// skipSpace moves past spaces, tabs and carriage returns.
func (c *cursor) skipSpace() {
	for !c.eof() {
		switch c.src[c.i] {
		case ' ', '\t', '\r':
			c.adv()
		default:
			return
		}
	}
}

// skipLine moves to the start of the next line.
func (c *cursor) skipLine() {
	for !c.eof() && c.src[c.i] != '\n' {
		c.adv()
	}
	c.adv()
}
