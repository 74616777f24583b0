package content

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cxatlas/cxatlas/generator/diag"
)

// The fast path: one pass over the TOML that front matter is usually made
// of (tables, arrays of tables, strings, whole and decimal numbers, booleans,
// dates, arrays and one-line inline tables), building positioned nodes
// directly. It gives up on anything else, and on every error, so that
// BurntSushi/toml, the authority on the language and on its error messages,
// decodes those files. FuzzTOMLFastPath checks that both agree.

// errSlowPath means the fast path does not handle the input.
var errSlowPath = errors.New("toml: not on the fast path")

// fastParser is the fast path's state. One parser may read many files, one
// after the other: each parse takes back the nodes of the one before, so
// the tree it returns is good until the parser's next parse.
type fastParser struct {
	src       []byte
	i         int
	line, col int
	root      *Node
	// explicit marks tables defined by a header or an inline table, and
	// arrays made by [[...]] headers, which later headers may extend.
	explicit map[*Node]bool
	aot      map[*Node]bool
	// keys and poss are reused by key, whose callers do not keep them.
	keys []string
	poss []diag.Pos
	// names holds the bare keys read so far, so that a key repeated in
	// every step of a file, or in every file, is one string.
	names interner
	// texts holds short texts read so far, shared in the same way.
	texts interner
	arena arena
}

// interner shares the strings made from bytes: text read again gets the
// string made the first time. It outlives a file when the parser is
// reused, so it forgets everything once it holds maxNames strings.
type interner map[string]string

// maxNames bounds an interner.
const maxNames = 1024

// get returns b as a string, shared with earlier ones.
func (in *interner) get(b []byte) string {
	if s, ok := (*in)[string(b)]; ok {
		return s
	}
	if *in == nil {
		*in = make(interner, 64)
	} else if len(*in) >= maxNames {
		clear(*in)
	}
	s := string(b)
	(*in)[s] = s
	return s
}

// node returns a new node at pos.
func (p *fastParser) node(pos diag.Pos) *Node { return p.arena.node(pos) }

// newField returns a new field of key at pos holding v.
func (p *fastParser) newField(key string, pos diag.Pos, v *Node) *Field {
	return p.arena.field(key, pos, v)
}

// name returns the bare key b as a string, shared with earlier ones.
func (p *fastParser) name(b []byte) string { return p.names.get(b) }

// maxShared is the longest text that text shares: ids, and words such as
// a feeling or a severity, come back again and again; sentences seldom do.
const maxShared = 32

// text returns b as a string, shared with earlier ones if it is short.
func (p *fastParser) text(b []byte) string {
	if len(b) > maxShared {
		return string(b)
	}
	return p.texts.get(b)
}

// parse parses src, which starts on line firstLine of its file, taking
// back the nodes of the parser's previous parse.
func (p *fastParser) parse(src []byte, firstLine int) (*Node, error) {
	if !utf8.Valid(src) {
		return nil, errSlowPath
	}
	p.arena.reset()
	if p.explicit == nil {
		p.explicit, p.aot = map[*Node]bool{}, map[*Node]bool{}
	} else {
		clear(p.explicit)
		clear(p.aot)
	}
	p.src, p.i, p.line, p.col = src, 0, firstLine, 1
	p.root = p.node(diag.Pos{Line: firstLine, Col: 1})
	p.root.Kind = Table
	err := p.document()
	p.src = nil // do not keep the file's text alive
	if err != nil {
		return nil, err
	}
	return p.root, nil
}

func (p *fastParser) eof() bool { return p.i >= len(p.src) }

func (p *fastParser) peek() byte {
	if p.i >= len(p.src) {
		return 0
	}
	return p.src[p.i]
}

func (p *fastParser) pos() diag.Pos { return diag.Pos{Line: p.line, Col: p.col} }

// adv moves past one byte, counting columns in runes.
func (p *fastParser) adv() {
	c := p.src[p.i]
	p.i++
	switch {
	case c == '\n':
		p.line++
		p.col = 1
	case c < 0x80 || c >= 0xC0:
		p.col++
	}
}

func (p *fastParser) skipSpace() {
	for p.i < len(p.src) && (p.src[p.i] == ' ' || p.src[p.i] == '\t') {
		p.adv()
	}
}

// endLine expects the rest of the line to be blank or a comment.
func (p *fastParser) endLine() error {
	p.skipSpace()
	if p.peek() == '#' {
		for !p.eof() && p.peek() != '\n' {
			if c := p.peek(); c < 0x20 && c != '\t' || c == 0x7f {
				return errSlowPath
			}
			p.adv()
		}
	}
	if p.peek() == '\r' {
		if p.i+1 >= len(p.src) || p.src[p.i+1] != '\n' {
			return errSlowPath
		}
		p.adv()
	}
	if p.eof() {
		return nil
	}
	if p.peek() != '\n' {
		return errSlowPath
	}
	p.adv()
	return nil
}

func (p *fastParser) document() error {
	table := p.root
	for !p.eof() {
		p.skipSpace()
		switch p.peek() {
		case '\n', '\r', '#', 0:
			if err := p.endLine(); err != nil {
				return err
			}
			continue
		case '[':
			t, err := p.header()
			if err != nil {
				return err
			}
			table = t
		default:
			if err := p.keyValue(table); err != nil {
				return err
			}
		}
		if err := p.endLine(); err != nil {
			return err
		}
	}
	return nil
}

// header reads [a.b] or [[a.b]] and returns the table it opens.
func (p *fastParser) header() (*Node, error) {
	pos := p.pos()
	p.adv()
	array := p.peek() == '['
	if array {
		p.adv()
	}
	p.skipSpace()
	keys, poss, err := p.key()
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	if p.peek() != ']' {
		return nil, errSlowPath
	}
	p.adv()
	if array {
		if p.peek() != ']' {
			return nil, errSlowPath
		}
		p.adv()
	}
	parent := p.root
	for i, k := range keys[:len(keys)-1] {
		v := parent.Get(k)
		switch {
		case v == nil:
			t := p.node(poss[i])
			t.Kind = Table
			parent.Fields = append(parent.Fields, p.newField(k, poss[i], t))
			parent = t
		case v.Kind == Table && !p.explicit[v]:
			parent = v
		default:
			return nil, errSlowPath // into a defined table or an array of tables
		}
	}
	last := keys[len(keys)-1]
	v := parent.Get(last)
	t := p.node(pos)
	t.Kind = Table
	p.explicit[t] = true
	switch {
	case array && v == nil:
		list := p.node(pos)
		list.Kind, list.Items = List, append(list.Items, t)
		p.aot[list] = true
		parent.Fields = append(parent.Fields, p.newField(last, pos, list))
	case array && p.aot[v]:
		v.Items = append(v.Items, t)
	case !array && v == nil:
		parent.Fields = append(parent.Fields, p.newField(last, pos, t))
	default:
		return nil, errSlowPath
	}
	return t, nil
}

// key reads a key, dotted or not.
func (p *fastParser) key() ([]string, []diag.Pos, error) {
	keys, poss := p.keys[:0], p.poss[:0]
	defer func() { p.keys, p.poss = keys, poss }()
	for {
		p.skipSpace()
		poss = append(poss, p.pos())
		switch c := p.peek(); {
		case c == '"':
			s, err := p.basicString()
			if err != nil {
				return nil, nil, err
			}
			keys = append(keys, s)
		case c == '\'':
			s, err := p.literalString()
			if err != nil {
				return nil, nil, err
			}
			keys = append(keys, s)
		default:
			start := p.i
			for !p.eof() && isBareKeyByte(p.peek()) {
				p.adv()
			}
			if p.i == start {
				return nil, nil, errSlowPath
			}
			keys = append(keys, p.name(p.src[start:p.i]))
		}
		if keys[len(keys)-1] == "" {
			return nil, nil, errSlowPath // an empty key: rare, and easy to get wrong
		}
		p.skipSpace()
		if p.peek() != '.' {
			return keys, poss, nil
		}
		p.adv()
	}
}

func isBareKeyByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

func (p *fastParser) keyValue(table *Node) error {
	keys, poss, err := p.key()
	if err != nil {
		return err
	}
	if len(keys) != 1 {
		return errSlowPath // dotted keys
	}
	// The value may hold an inline table, whose keys reuse keys.
	key, keyPos := keys[0], poss[0]
	if p.peek() != '=' {
		return errSlowPath
	}
	p.adv()
	p.skipSpace()
	v, err := p.value(0)
	if err != nil {
		return err
	}
	if table.Get(key) != nil {
		return errSlowPath // duplicate key: let the slow path say so
	}
	if table.Fields == nil {
		// A table of front matter, such as a step's, has a few keys.
		table.Fields = make([]*Field, 0, 8)
	}
	table.Fields = append(table.Fields, p.newField(key, keyPos, v))
	return nil
}

func (p *fastParser) value(depth int) (*Node, error) {
	if depth > 50 {
		return nil, errSlowPath
	}
	n := p.node(p.pos())
	switch c := p.peek(); {
	case c == '"' || c == '\'':
		var s string
		var err error
		switch {
		case bytes.HasPrefix(p.src[p.i:], []byte{c, c, c}):
			s, err = p.multiline(c)
		case c == '"':
			s, err = p.basicString()
		default:
			s, err = p.literalString()
		}
		n.Kind, n.Str = String, s
		return n, err
	case c == '[':
		return n, p.array(n, depth)
	case c == '{':
		return n, p.inlineTable(n, depth)
	}
	start := p.i
	for !p.eof() && !strings.ContainsRune(" \t\r\n,]}#", rune(p.peek())) {
		p.adv()
	}
	return n, scalar(string(p.src[start:p.i]), n)
}

// scalar reads a boolean, a decimal number or a local date.
func scalar(s string, n *Node) error {
	switch s {
	case "true", "false":
		n.Kind, n.Bool = Bool, s == "true"
		return nil
	case "":
		return errSlowPath
	}
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		t, err := time.Parse("2006-01-02", s)
		if err != nil {
			return errSlowPath
		}
		n.Kind, n.Time = Date, t
		return nil
	}
	digits := strings.TrimLeft(s, "+-")
	if digits == "" || digits[0] < '0' || digits[0] > '9' || len(s)-len(digits) > 1 {
		return errSlowPath
	}
	if len(digits) > 1 && digits[0] == '0' && (digits[1] >= '0' && digits[1] <= '9' || digits[1] == '_' || digits[1] == 'x' || digits[1] == 'o' || digits[1] == 'b') {
		return errSlowPath // leading zeros, or hex, octal, binary
	}
	if strings.Contains(s, "_") {
		return errSlowPath
	}
	if strings.ContainsAny(s, ".eE") {
		if strings.Contains(s, ".e") || strings.Contains(s, ".E") || strings.HasSuffix(s, ".") || strings.Contains(s, "-.") || strings.Contains(s, "+.") {
			return errSlowPath
		}
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return errSlowPath
		}
		n.Kind, n.Float = Float, f
		return nil
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return errSlowPath
	}
	n.Kind, n.Int = Int, v
	return nil
}

// skipBlank skips spaces, newlines and comments inside an array.
func (p *fastParser) skipBlank() error {
	for !p.eof() {
		switch p.peek() {
		case ' ', '\t', '\n':
			p.adv()
		case '\r':
			p.adv()
			if p.peek() != '\n' {
				return errSlowPath
			}
		case '#':
			for !p.eof() && p.peek() != '\n' {
				if c := p.peek(); c < 0x20 && c != '\t' || c == 0x7f {
					return errSlowPath
				}
				p.adv()
			}
		default:
			return nil
		}
	}
	return nil
}

func (p *fastParser) array(n *Node, depth int) error {
	n.Kind = List
	p.adv()
	for {
		if err := p.skipBlank(); err != nil {
			return err
		}
		if p.peek() == ']' {
			p.adv()
			return nil
		}
		v, err := p.value(depth + 1)
		if err != nil {
			return err
		}
		if n.Items == nil {
			n.Items = make([]*Node, 0, 4)
		}
		n.Items = append(n.Items, v)
		if err := p.skipBlank(); err != nil {
			return err
		}
		switch p.peek() {
		case ',':
			p.adv()
		case ']':
			p.adv()
			return nil
		default:
			return errSlowPath
		}
	}
}

func (p *fastParser) inlineTable(n *Node, depth int) error {
	n.Kind = Table
	p.explicit[n] = true
	p.adv()
	p.skipSpace()
	if p.peek() == '}' {
		p.adv()
		return nil
	}
	for {
		keys, poss, err := p.key()
		if err != nil {
			return err
		}
		if len(keys) != 1 || p.peek() != '=' || n.Get(keys[0]) != nil {
			return errSlowPath
		}
		// The value may hold an inline table, whose keys reuse keys.
		key, keyPos := keys[0], poss[0]
		p.adv()
		p.skipSpace()
		v, err := p.value(depth + 1)
		if err != nil {
			return err
		}
		if n.Fields == nil {
			n.Fields = make([]*Field, 0, 4)
		}
		n.Fields = append(n.Fields, p.newField(key, keyPos, v))
		p.skipSpace()
		switch p.peek() {
		case ',':
			p.adv()
			p.skipSpace()
		case '}':
			p.adv()
			return nil
		default:
			return errSlowPath
		}
	}
}

// basicString reads a one-line "..." string.
func (p *fastParser) basicString() (string, error) {
	p.adv()
	start := p.i
	// Strings without escapes are the common case: take them as they are.
	for !p.eof() {
		c := p.peek()
		if c == '"' {
			s := p.text(p.src[start:p.i])
			p.adv()
			return s, nil
		}
		if c == '\\' {
			break
		}
		if c < 0x20 && c != '\t' || c == 0x7f {
			return "", errSlowPath
		}
		p.adv()
	}
	var b strings.Builder
	b.Write(p.src[start:p.i])
	for !p.eof() {
		c := p.peek()
		switch {
		case c == '"':
			p.adv()
			return b.String(), nil
		case c == '\\':
			if err := p.escape(&b); err != nil {
				return "", err
			}
		case c < 0x20 && c != '\t' || c == 0x7f:
			return "", errSlowPath
		default:
			b.WriteByte(c)
			p.adv()
		}
	}
	return "", errSlowPath
}

// escape reads one escape sequence of a basic string.
func (p *fastParser) escape(b *strings.Builder) error {
	p.adv()
	if p.eof() {
		return errSlowPath
	}
	c := p.peek()
	p.adv()
	switch c {
	case 'b':
		b.WriteByte('\b')
	case 't':
		b.WriteByte('\t')
	case 'n':
		b.WriteByte('\n')
	case 'f':
		b.WriteByte('\f')
	case 'r':
		b.WriteByte('\r')
	case '"':
		b.WriteByte('"')
	case '\\':
		b.WriteByte('\\')
	case 'u', 'U':
		n := 4
		if c == 'U' {
			n = 8
		}
		if p.i+n > len(p.src) {
			return errSlowPath
		}
		v, err := strconv.ParseUint(string(p.src[p.i:p.i+n]), 16, 32)
		if err != nil || !utf8.ValidRune(rune(v)) {
			return errSlowPath
		}
		for range n {
			p.adv()
		}
		b.WriteRune(rune(v))
	default:
		return errSlowPath
	}
	return nil
}

// literalString reads a one-line '...' string.
func (p *fastParser) literalString() (string, error) {
	p.adv()
	start := p.i
	for !p.eof() {
		c := p.peek()
		if c == '\'' {
			s := string(p.src[start:p.i])
			p.adv()
			return s, nil
		}
		if c < 0x20 && c != '\t' || c == 0x7f {
			return "", errSlowPath
		}
		p.adv()
	}
	return "", errSlowPath
}

// multiline reads a """ or ”' string whose content has no escapes (those
// go to the slow path) and no quote characters of its own kind.
func (p *fastParser) multiline(q byte) (string, error) {
	p.adv()
	p.adv()
	p.adv()
	if p.peek() == '\n' {
		p.adv()
	} else if p.peek() == '\r' && p.i+1 < len(p.src) && p.src[p.i+1] == '\n' {
		p.adv()
		p.adv()
	}
	start := p.i
	for !p.eof() {
		c := p.peek()
		if c == q {
			if p.i+2 < len(p.src) && p.src[p.i+1] == q && p.src[p.i+2] == q && (p.i+3 >= len(p.src) || p.src[p.i+3] != q) {
				s := string(p.src[start:p.i])
				p.adv()
				p.adv()
				p.adv()
				return s, nil
			}
			return "", errSlowPath
		}
		if c == '\\' && q == '"' || c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f {
			return "", errSlowPath
		}
		if c == '\r' { // how CRLF is kept inside a string is the slow path's call
			return "", errSlowPath
		}
		p.adv()
	}
	return "", errSlowPath
}
