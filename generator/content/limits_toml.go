package content

import (
	"bytes"

	"github.com/cxatlas/cxatlas/generator/diag"
)

// tomlLimits is the pre-scan of TOML front matter: one pass that knows
// only comments, strings, brackets, keys and commas, enough to measure
// nesting, keys, texts and lists before a decoder sees the bytes. It does
// not judge the syntax: what it cannot read, the decoder reports.
type tomlLimits struct {
	src       []byte
	i         int
	line, col int
	// stack holds the arrays and inline tables open at i.
	stack  []tomlFrame
	values int
	// keys and nameLen are the keys read in the current table section
	// and the length of its header's name.
	keys, nameLen int
	// pathLen is the length of the key path of the latest key.
	pathLen int
	// keyParts is the number of parts of the latest key, and sectionDepth
	// how deep the table opened by the latest header nests: a dotted key
	// or header opens a table for each part but the last.
	keyParts, sectionDepth int
	// aot counts the elements of arrays of tables, and children the
	// tables opened by headers, by the name of the header or its parent.
	aot, children map[string]*int
	// name is the memory of key, which callers do not keep.
	name []byte
}

// tomlFrame is an open array or inline table.
type tomlFrame struct {
	table   bool
	pathLen int
	// depth is how deep the array or table nests, counting the tables
	// the dotted keys and headers around it open.
	depth int
	items int
	// want is set where an item (array) or a key (table) may come next.
	want bool
}

// scanTOMLLimits checks TOML front matter, which starts on line firstLine
// of its file, against the limits.
func scanTOMLLimits(src []byte, firstLine int) *LimitError {
	s := &tomlLimits{src: src, line: firstLine, col: 1, aot: map[string]*int{}, children: map[string]*int{}}
	return s.run()
}

func (s *tomlLimits) pos() diag.Pos { return diag.Pos{Line: s.line, Col: s.col} }

func (s *tomlLimits) peek() byte {
	if s.i >= len(s.src) {
		return 0
	}
	return s.src[s.i]
}

// adv moves past one byte, counting columns in runes.
func (s *tomlLimits) adv() {
	c := s.src[s.i]
	s.i++
	switch {
	case c == '\n':
		s.line++
		s.col = 1
	case c < 0x80 || c >= 0xC0:
		s.col++
	}
}

func (s *tomlLimits) skipSpace() {
	for s.peek() == ' ' || s.peek() == '\t' {
		s.adv()
	}
}

func (s *tomlLimits) skipComment() {
	for s.i < len(s.src) && s.src[s.i] != '\n' {
		s.adv()
	}
}

func (s *tomlLimits) top() *tomlFrame {
	if len(s.stack) == 0 {
		return nil
	}
	return &s.stack[len(s.stack)-1]
}

func (s *tomlLimits) run() *LimitError {
	lineStart := true
	for s.i < len(s.src) {
		c := s.src[s.i]
		if c == '\n' {
			s.adv()
			lineStart = true
			continue
		}
		if c == ' ' || c == '\t' || c == '\r' {
			s.adv()
			continue
		}
		if c == '#' {
			s.skipComment()
			continue
		}
		atLine := lineStart
		lineStart = false
		top := s.top()
		var err *LimitError
		switch {
		case top == nil && atLine && c == '[':
			err = s.header()
		case top == nil && atLine:
			err = s.keyValue(s.nameLen, &s.keys)
		case top == nil:
			err = s.token()
		case top.table && top.want && c != '}':
			top.want = false
			err = s.keyValue(top.pathLen, &top.items)
		default:
			if atLine && !top.table && c == '[' && s.looksLikeHeader() {
				return nil // an array never closed: the decoder says so
			}
			err = s.inValue(c)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// inValue reads one token inside an array or an inline table.
func (s *tomlLimits) inValue(c byte) *LimitError {
	top := s.top()
	switch c {
	case ']', '}':
		if top.table == (c == '}') {
			s.stack = s.stack[:len(s.stack)-1]
		}
		s.adv()
		return nil
	case ',':
		top.want = true
		s.adv()
		return nil
	}
	if !top.table && top.want {
		top.want = false
		top.items++
		s.values++
		if top.items > MaxListLen {
			return listError(s.pos())
		}
		if s.values > MaxValues {
			return valuesError(s.pos())
		}
	}
	return s.token()
}

// token reads a value or part of one: a string, an opening bracket, or a
// bare word such as a number.
func (s *tomlLimits) token() *LimitError {
	switch c := s.peek(); c {
	case '"', '\'':
		return s.text()
	case '[', '{':
		path, depth := s.pathLen, s.sectionDepth+s.keyParts
		if top := s.top(); top != nil && top.table {
			depth = top.depth + s.keyParts
		} else if top != nil {
			path, depth = top.pathLen, top.depth+1
		}
		if depth > MaxDepth {
			return depthError(s.pos())
		}
		s.stack = append(s.stack, tomlFrame{table: c == '{', pathLen: path, depth: depth, want: true})
		s.adv()
		return nil
	}
	start := s.i
	for s.i < len(s.src) && !endsToken(s.src[s.i]) {
		s.adv()
	}
	if s.i == start {
		s.adv() // a stray "="
	}
	return nil
}

// text reads a string of any of the four kinds, checking its length.
func (s *tomlLimits) text() *LimitError {
	pos := s.pos()
	q := s.peek()
	multi := bytes.HasPrefix(s.src[s.i:], []byte{q, q, q})
	if multi {
		s.adv()
		s.adv()
	}
	s.adv()
	start := s.i
	for s.i < len(s.src) {
		if !multi {
			s.skipPlain(q)
			if s.i >= len(s.src) {
				break
			}
		}
		c := s.src[s.i]
		if c == '\n' && !multi {
			break
		}
		if c == '\\' && q == '"' && s.i+1 < len(s.src) {
			s.adv()
		} else if c == q && (!multi || bytes.HasPrefix(s.src[s.i:], []byte{q, q, q})) {
			break
		}
		s.adv()
	}
	if n := s.i - start; n > MaxStringLen {
		return stringError(pos, n)
	}
	if s.i < len(s.src) && s.src[s.i] == q {
		most := 1
		if multi {
			most = 5
		}
		for n := 0; n < most && s.peek() == q; n++ {
			s.adv() // closing quotes, and up to two quotes of the text
		}
	}
	return nil
}

// skipPlain moves past the bytes of a one-line text that end nothing: all
// but a line end, a backslash and the quote q. It counts columns as adv
// does, without adv's work per byte.
func (s *tomlLimits) skipPlain(q byte) {
	i := s.i
	for i < len(s.src) {
		c := s.src[i]
		if c == '\n' || c == '\\' || c == q {
			break
		}
		if c < 0x80 || c >= 0xC0 {
			s.col++
		}
		i++
	}
	s.i = i
}

func endsToken(c byte) bool {
	switch c {
	case ' ', '\t', '\r', '\n', ',', '[', ']', '{', '}', '#', '"', '\'', '=':
		return true
	}
	return false
}
