package content

import (
	"strconv"
	"strings"

	"github.com/cxatlas/cxatlas/generator/diag"
)

// BurntSushi/toml checks the syntax and decodes the values but keeps the
// positions of keys to itself, so this file finds them: a small scanner over
// TOML that is already known to be valid, recording where every key, table
// header and array element starts. Errors in content then point at the line
// and column of the value a writer must fix.

// place is where a key and its value start.
type place struct {
	key, value diag.Pos
}

// pathSep joins the segments of a key path; array elements are "#N".
const pathSep = "\x1f"

func joinPath(parent, seg string) string {
	if parent == "" {
		return seg
	}
	return parent + pathSep + seg
}

func indexSeg(i int) string { return "#" + strconv.Itoa(i) }

type tomlScanner struct {
	cursor
	out map[string]place
	// counts numbers the elements of arrays of tables, by resolved parent
	// path and key; last holds the index of the newest element of each
	// array of tables, by its path without indices.
	counts map[string]int
	last   map[string]int
}

// scanTOMLPositions returns the positions of every key path in src, whose
// first line is line firstLine of the file.
func scanTOMLPositions(src []byte, firstLine int) map[string]place {
	s := &tomlScanner{cursor: cursor{src: src, line: firstLine, col: 1}, out: map[string]place{},
		counts: map[string]int{}, last: map[string]int{}}
	s.scan()
	return s.out
}

func (s *tomlScanner) peek() byte {
	if s.eof() {
		return 0
	}
	return s.src[s.i]
}

// skipBlank skips spaces, newlines and comments, as inside arrays.
func (s *tomlScanner) skipBlank() {
	for !s.eof() {
		switch s.peek() {
		case ' ', '\t', '\r', '\n':
			s.adv()
		case '#':
			s.skipLine()
		default:
			return
		}
	}
}

func (s *tomlScanner) scan() {
	table := ""
	for !s.eof() {
		s.skipSpace()
		switch c := s.peek(); {
		case c == '\n':
			s.adv()
		case c == '#':
			s.skipLine()
		case c == '[':
			table = s.header()
			s.skipLine()
		default:
			start := s.i
			s.keyValue(table)
			if s.i == start {
				s.adv()
			}
			s.skipLine()
		}
	}
}

// header reads a [table] or [[array]] header and returns its resolved path.
func (s *tomlScanner) header() string {
	p := s.pos()
	array := s.peekAt(1) == '['
	s.adv()
	if array {
		s.adv()
	}
	keys := s.key()
	resolved, raw := "", ""
	for i, k := range keys {
		raw = joinPath(raw, k)
		resolved = joinPath(resolved, k)
		if _, ok := s.out[resolved]; !ok {
			s.out[resolved] = place{p, p} // a table or array first met here
		}
		if array && i == len(keys)-1 {
			id := resolved
			n := s.counts[id]
			s.counts[id] = n + 1
			s.last[raw] = n
			resolved = joinPath(resolved, indexSeg(n))
		} else if n, ok := s.last[raw]; ok {
			resolved = joinPath(resolved, indexSeg(n))
		}
	}
	s.out[resolved] = place{p, p}
	return resolved
}

func (s *tomlScanner) keyValue(table string) {
	p := s.pos()
	keys := s.key()
	if len(keys) == 0 {
		return
	}
	s.skipSpace()
	if s.peek() != '=' {
		return
	}
	s.adv()
	s.skipSpace()
	path := table
	for _, k := range keys {
		path = joinPath(path, k)
	}
	s.out[path] = place{p, s.pos()}
	s.value(path)
}

// key reads a dotted key and returns its segments.
func (s *tomlScanner) key() []string {
	var keys []string
	for {
		s.skipSpace()
		var k string
		switch s.peek() {
		case '"':
			k = s.basicString()
		case '\'':
			k = s.literalString()
		default:
			start := s.i
			for !s.eof() && !strings.ContainsRune(" \t\r\n=.[]#,{}\"'", rune(s.peek())) {
				s.adv()
			}
			if s.i == start {
				return keys
			}
			k = string(s.src[start:s.i])
		}
		keys = append(keys, k)
		s.skipSpace()
		if s.peek() != '.' {
			return keys
		}
		s.adv()
	}
}

// basicString reads a one-line "..." string and returns its text.
func (s *tomlScanner) basicString() string {
	start := s.i
	s.adv()
	for !s.eof() && s.peek() != '"' && s.peek() != '\n' {
		if s.peek() == '\\' {
			s.adv()
		}
		s.adv()
	}
	s.adv()
	raw := string(s.src[start:min(s.i, len(s.src))])
	if u, err := strconv.Unquote(raw); err == nil {
		return u
	}
	return strings.Trim(raw, `"`)
}

// literalString reads a one-line '...' string and returns its text.
func (s *tomlScanner) literalString() string {
	s.adv()
	start := s.i
	for !s.eof() && s.peek() != '\'' && s.peek() != '\n' {
		s.adv()
	}
	k := string(s.src[start:s.i])
	s.adv()
	return k
}

// skipMultiline moves past a multi-line string, from its opening quotes.
func (s *tomlScanner) skipMultiline(q byte) {
	s.adv()
	s.adv()
	s.adv()
	for !s.eof() {
		if q == '"' && s.peek() == '\\' {
			s.adv()
			s.adv()
			continue
		}
		if s.peek() == q && s.peekAt(1) == q && s.peekAt(2) == q {
			for s.peek() == q {
				s.adv()
			}
			return
		}
		s.adv()
	}
}

// value moves past one value, recording the positions of the elements of
// arrays and the keys of inline tables inside it.
func (s *tomlScanner) value(path string) {
	switch c := s.peek(); c {
	case '"', '\'':
		if s.peekAt(1) == c && s.peekAt(2) == c {
			s.skipMultiline(c)
		} else if c == '"' {
			s.basicString()
		} else {
			s.literalString()
		}
	case '[':
		s.adv()
		for n := 0; !s.eof(); n++ {
			s.skipBlank()
			if s.peek() == ']' {
				break
			}
			p := s.pos()
			elem := joinPath(path, indexSeg(n))
			s.out[elem] = place{p, p}
			start := s.i
			s.value(elem)
			s.skipBlank()
			if s.peek() == ',' {
				s.adv()
			} else if s.peek() != ']' && s.i == start {
				s.adv()
			}
		}
		s.adv()
	case '{':
		s.adv()
		for !s.eof() {
			s.skipBlank()
			if s.peek() == '}' || s.peek() == '\n' {
				break
			}
			start := s.i
			p := s.pos()
			keys := s.key()
			s.skipSpace()
			if s.peek() == '=' {
				s.adv()
				s.skipSpace()
				sub := path
				for _, k := range keys {
					sub = joinPath(sub, k)
				}
				s.out[sub] = place{p, s.pos()}
				s.value(sub)
			}
			s.skipBlank()
			if s.peek() == ',' {
				s.adv()
			} else if s.peek() != '}' && s.i == start {
				s.adv()
			}
		}
		s.adv()
	default:
		for !s.eof() && !strings.ContainsRune(",]}\n#", rune(s.peek())) {
			s.adv()
		}
	}
}
