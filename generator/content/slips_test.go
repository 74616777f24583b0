package content

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// slipCase is front matter that does not parse and the error it must give:
// its position, and words the message and the hint must hold.
type slipCase struct {
	name, src string
	line, col int
	message   string
	hint      string
}

func checkSlip(t *testing.T, c slipCase, err error) {
	t.Helper()
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("got %v, want a ParseError", err)
	}
	if pe.Pos.Line != c.line || pe.Pos.Col != c.col {
		t.Errorf("at %d:%d, want %d:%d (%s)", pe.Pos.Line, pe.Pos.Col, c.line, c.col, pe.Message)
	}
	if !strings.Contains(pe.Message, c.message) {
		t.Errorf("message %q, want it to hold %q", pe.Message, c.message)
	}
	if !strings.Contains(pe.Hint, c.hint) {
		t.Errorf("hint %q, want it to hold %q", pe.Hint, c.hint)
	}
}

func TestTOMLSlips(t *testing.T) {
	for _, c := range []slipCase{
		{"cyrillic key", "возраст = \"35-44\"\n", 2, 1, `key "возраст" must be in quotes`, `write "возраст" = "35-44"`},
		{"cyrillic key in a table", "[profile]\n  город = \"Москва\"\n", 3, 3, `key "город"`, `write "город" = "Москва"`},
		{"cyrillic table name", "[профиль]\n", 2, 2, `key "профиль"`, `write ["профиль"]`},
		{"cyrillic dotted key", "profile.город = \"Москва\"\n", 2, 9, `key "город"`, `write profile."город" = "Москва"`},
		{"cyrillic key in an inline table", "p = { a = 1, б = 2 }\n", 2, 14, `key "б"`, `write p = { a = 1, "б" = 2 }`},
		{"wrong keyboard layout", "аge = 1\n", 2, 1, `key "аge"`, `if you meant the key "age"`},
		{"typographic quotes around a key", "“age” = 1\n", 2, 1, "typographic", "straight double quotes"},
		{"key with a space", "home town = 1\n", 2, 1, `key "home town" has a space`, `home_town = ...`},
		{"key with a space in an inline table", "p = { \"б\" = 1, home town = 2 }\n", 2, 16, `key "home town" has a space`, `write "home town" = ... or home_town = ...`},
		{"a line that is no key = value keeps the parser's words", "a stray sentence\n", 2, 3, "malformed TOML:", ""},
		{"day first", "reviewed = 01.10.2026\n", 2, 12, "01.10.2026 must be written year-month-day", "write reviewed = 2026-10-01"},
		{"no such day", "reviewed = 31.02.2026\n", 2, 12, "year-month-day", "write reviewed = YYYY-MM-DD"},
		{"slashes, month first", "reviewed = 12/31/2026\n", 2, 12, "year-month-day", "write reviewed = 2026-12-31"},
		{"slashes, either way", "reviewed = 03/04/2026\n", 2, 12, "year-month-day", "2026-04-03 if 03 is the day, or 2026-03-04 if it is the month"},
		{"date in an inline table", "p = { d = 1.2.2026 }\n", 2, 11, "year-month-day", "write d = 2026-02-01"},
		{"guillemets", "title = «Семья»\n", 2, 9, "«» quotes", `write title = "Семья", or title = "«Семья»"`},
		{"decimal comma", "emotion = -0,5\n", 2, 11, "decimal comma", "write emotion = -0.5"},
		{"decimal comma in an inline table", "p = [{ emotion = 1,5 }]\n", 2, 18, "decimal comma", "write emotion = 1.5"},
		{"no closing quote", "title = \"Solo\nx = 1\n", 2, 9, "the text of title has no closing quote", `end it with " on the same line`},
		{"no closing quote in a key", "\"age = 1\n", 2, 1, "the key has no closing quote", `end it with "`},
		{"colon", "title: \"Solo\"\n", 2, 6, "TOML writes key = value, not key: value", `write title = "Solo"`},
		{"list without brackets", "goals = \"a\", 'b', c\n", 2, 9, "a list goes in square brackets", `write goals = ["a", 'b', "c"]`},
		{"word without quotes", "channel = web # main\n", 2, 11, "must be in double quotes", `write channel = "web"`},
		{"word without quotes in a list", "stages = [\n  \"a\",\n  b,\n]\n", 4, 3, "the text b in the list stages", `write "b"`},
		{"value on the next line", "goals =\n  - a\n", 2, 8, "goals has no value after =", `goals = ["...", "..."]`},
		{"after a multi-line string", "a = \"\"\"\nx \"\"\"\nb = 01.10.2026\n", 4, 5, "year-month-day", "2026-10-01"},
		{"other errors keep the parser's words", "priority = = 2\n", 2, 12, "malformed TOML: expected value", ""},
		{"a duplicate key keeps the parser's words", "a = 1\na = 2\n", 3, 7, "malformed TOML:", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := parseTOML([]byte(c.src), 2)
			checkSlip(t, c, err)
		})
	}
}

func TestYAMLSlips(t *testing.T) {
	for _, c := range []slipCase{
		{"tab in a map", "profile:\n\tage: 1\n", 3, 1, "YAML indents with spaces only", "replace the tab at 3:1 with spaces"},
		{"tab after spaces", "steps:\n  - stage: a\n  \t  emotion: 1\n", 4, 3, "YAML indents with spaces only", "replace the tab at 4:3"},
		{"at sign", "title: a\nowner: @support team\n", 3, 8, "a text that starts with @ must be in quotes", `write owner: "@support team"`},
		{"backquote in a list", "goals:\n  - `fast`\n", 3, 5, "starts with ` must be in quotes", "write - \"`fast`\""},
		{"equals", "title: a\nreviewed = 2026-11-01\n", 3, 1, "YAML writes key: value, not key = value", "write reviewed: 2026-11-01"},
		{"equals on the only line", "title = \"a\"\n", 2, 1, "not key = value", `write title: "a"`},
		{"no closing quote", "title: \"Solo\nsummary: x\n", 2, 8, "no closing quote", `end it with "`},
		{"quoted text over two lines is no slip", "title: \"P\n  continued\"\nsummary: x\nowner: y\ngoals: [a\n", 5, 1, "malformed YAML:", ""},
		{"a quote still open after a closed one", "title: 'P\n  continued'\nsummary: \"x\nowner: y\ngoals: [a\n", 4, 10, "no closing quote", `end it with "`},
		{"other errors keep the parser's words", "title: a\n  b: c\n", 3, 1, "malformed YAML: mapping values", "check the indentation"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := parseYAML([]byte(c.src), 2)
			if c.hint == "check the indentation" {
				c.message, c.hint = c.message+" are not allowed in this context; "+c.hint, ""
			}
			checkSlip(t, c, err)
		})
	}
}

func TestDateHint(t *testing.T) {
	for in, want := range map[string]string{
		"01.10.2026": "2026-10-01",
		"1.9.2026":   "2026-09-01",
		"2026.10.01": "2026-10-01",
		"2026/1/5":   "2026-01-05",
		"25/10/2026": "2026-10-25",
		"10/25/2026": "2026-10-25",
		"05/05/2026": "2026-05-05",
		"01/10/2026": "2026-10-01 if 01 is the day, or 2026-01-10 if it is the month",
		"32.13.2026": "YYYY-MM-DD",
		"2026.02.30": "YYYY-MM-DD",
	} {
		if !isDateSlip(in) {
			t.Errorf("%s is not taken for a date", in)
		}
		if got := dateHint(in); got != want {
			t.Errorf("dateHint(%s) = %q, want %q", in, got, want)
		}
	}
	for _, s := range []string{"2026-10-01", "1.10.26", "01.10-2026", "1.5", "2026"} {
		if isDateSlip(s) {
			t.Errorf("%s is taken for a misspelt date", s)
		}
	}
}

// FuzzTOMLSlip checks that the slip scanner never panics, reports only on
// the line the parser failed on, and finds nothing in valid TOML.
func FuzzTOMLSlip(f *testing.F) {
	for _, s := range []string{
		"возраст = 1\n", "a = 01.10.2026\n", "a = { b = 1,2 = 3 }\n", "a = [1,5]\n", "t = «x»\n",
		"a = \"\"\"\nb\\\n c\"\"\"\n", "[[s]]\nx = 'y'\n", "a = -0,5\n", "a: 1\n", "a = b, c\n",
		"d = 1979-05-27 07:32:00\n", "x = +inf\ny = nan\n", "p = { a = 1, \"б\" = 2 }\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		// The loader refuses a file that is not UTF-8 before any parser
		// sees it (and BurntSushi/toml reads some such bytes as a BOM).
		if !utf8.ValidString(src) {
			return
		}
		var m map[string]any
		_, err := toml.Decode(src, &m)
		var pe toml.ParseError
		if err == nil {
			s := &slipScanner{cursor: cursor{src: []byte(src), line: 1, col: 1}, stop: strings.Count(src, "\n") + 1}
			if s.run(); s.found != nil {
				t.Fatalf("valid TOML, but a slip at %d:%d: %s", s.found.Pos.Line, s.found.Pos.Col, s.found.Message)
			}
			return
		}
		if !errors.As(err, &pe) {
			return
		}
		// tomlSlip keeps only a slip on the parser's line, so the scanner
		// itself is checked: it never reads past that line, and what it
		// finds lies in the input.
		line := max(pe.Position.Line, 1)
		s := &slipScanner{cursor: cursor{src: []byte(src), line: 1, col: 1}, stop: line}
		if s.run(); s.found != nil && (s.found.Pos.Line < 1 || s.found.Pos.Line > line || s.found.Pos.Col < 1) {
			t.Fatalf("slip at %d:%d, the parser failed on line %d", s.found.Pos.Line, s.found.Pos.Col, line)
		}
		if slip := tomlSlip([]byte(src), 1, line); slip != nil && slip.Pos.Line != line {
			t.Fatalf("tomlSlip gave a slip on line %d, the parser failed on line %d", slip.Pos.Line, line)
		}
	})
}

// FuzzYAMLSlip checks that a YAML error, plain-worded or not, never panics
// and points into the front matter.
func FuzzYAMLSlip(f *testing.F) {
	for _, s := range []string{
		"a:\n\tb: 1\n", "a = 1\n", "a: \"x\nb: 1\n", "a: @x\n", "- `x`\n", "a:\n  - b: 1\n\t  c: 2\n", "a: 'it''s\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		_, err := parseYAML([]byte(src), 2)
		var pe *ParseError
		if !errors.As(err, &pe) || pe.Hint == "" {
			return
		}
		if lines := strings.Count(src, "\n") + 2; pe.Pos.Line < 2 || pe.Pos.Line > lines || pe.Pos.Col < 1 {
			t.Fatalf("slip at %d:%d, outside the %d lines of the front matter", pe.Pos.Line, pe.Pos.Col, lines)
		}
	})
}
