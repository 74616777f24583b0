package content

import (
	"bytes"

	"github.com/cxatlas/cxatlas/generator/diag"
)

// yamlLimits is the pre-scan of YAML front matter, a line at a time: the
// indentation of open block collections, "- " entries, flow brackets and
// commas, enough to measure nesting and count values before yaml.v3 sees
// the bytes. It does not judge the syntax.
type yamlLimits struct {
	// indents holds the indentation of the open block collections.
	indents []int
	// flow counts the open flow collections, [...] and {...}.
	flow   int
	values int
	// text, when not -1, is the indentation beyond which lines are the
	// text of a block scalar (| or >).
	text int
}

// scanYAMLLimits checks YAML front matter, which starts on line firstLine
// of its file, against the limits.
func scanYAMLLimits(src []byte, firstLine int) *LimitError {
	s := &yamlLimits{text: -1}
	for line := firstLine; len(src) > 0; line++ {
		var l []byte
		l, src, _ = bytes.Cut(src, []byte("\n"))
		if err := s.line(l, line); err != nil {
			return err
		}
	}
	return nil
}

func (s *yamlLimits) line(l []byte, line int) *LimitError {
	indent := 0
	for indent < len(l) && l[indent] == ' ' {
		indent++
	}
	rest := bytes.TrimRight(l[indent:], " \t\r")
	if len(rest) == 0 || rest[0] == '#' {
		return nil
	}
	if s.text >= 0 && indent > s.text {
		return nil
	}
	s.text = -1
	col := indent
	if s.flow == 0 {
		for len(s.indents) > 0 && s.indents[len(s.indents)-1] > indent {
			s.indents = s.indents[:len(s.indents)-1]
		}
		if len(s.indents) == 0 || s.indents[len(s.indents)-1] < indent {
			s.indents = append(s.indents, indent)
		}
		// "- - x" opens a list in a list on one line; each entry is a value.
		dashes := false
		for len(rest) > 0 && rest[0] == '-' && (len(rest) == 1 || rest[1] == ' ') {
			skip := 1
			for skip < len(rest) && rest[skip] == ' ' {
				skip++
			}
			rest, col = rest[skip:], col+skip
			s.indents = append(s.indents, col)
			dashes = true
			if err := s.count(diag.Pos{Line: line, Col: col + 1}); err != nil {
				return err
			}
		}
		if dashes {
			return s.flowTokens(rest, line, col)
		}
	}
	if err := s.count(diag.Pos{Line: line, Col: col + 1}); err != nil {
		return err
	}
	return s.flowTokens(rest, line, col)
}

// count counts one value at pos and checks the depth there.
func (s *yamlLimits) count(pos diag.Pos) *LimitError {
	s.values++
	if s.values > MaxValues {
		return valuesError(pos)
	}
	if len(s.indents)-1+s.flow > MaxDepth {
		return depthError(pos)
	}
	return nil
}

// flowTokens reads the rest of a line after its indentation and "- "
// entries: brackets and commas of flow collections, quoted text, a
// comment, and the indicator of a block scalar.
func (s *yamlLimits) flowTokens(rest []byte, line, col int) *LimitError {
	start := true // a value may start here
	for i := 0; i < len(rest); i++ {
		c := rest[i]
		pos := diag.Pos{Line: line, Col: col + i + 1}
		switch {
		case c == '"' || c == '\'':
			if start || s.flow > 0 {
				i = skipQuoted(rest, i)
			}
			start = false
		case (c == '[' || c == '{') && (start || s.flow > 0):
			s.flow++
			if err := s.count(pos); err != nil {
				return err
			}
		case (c == ']' || c == '}') && s.flow > 0:
			s.flow--
		case c == ',' && s.flow > 0:
			if err := s.count(pos); err != nil {
				return err
			}
			start = true
		case c == '#' && i > 0 && rest[i-1] == ' ':
			return nil
		case (c == '|' || c == '>') && start && s.flow == 0:
			s.text = col
			return nil
		case c == ':' && (i+1 == len(rest) || rest[i+1] == ' '):
			start = true
		case c != ' ':
			start = false
		}
	}
	return nil
}

// skipQuoted returns the index of the quote that closes the text opening
// at rest[i], or the end of the line.
func skipQuoted(rest []byte, i int) int {
	q := rest[i]
	for j := i + 1; j < len(rest); j++ {
		switch {
		case rest[j] == '\\' && q == '"':
			j++
		case rest[j] == q:
			return j
		}
	}
	return len(rest)
}
