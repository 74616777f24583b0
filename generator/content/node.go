package content

import (
	"time"

	"github.com/cxatlas/cxatlas/generator/diag"
)

// NodeKind is the type of a front-matter value.
type NodeKind int

// The kinds of value front matter can hold.
const (
	Null NodeKind = iota
	String
	Int
	Float
	Bool
	Date
	List
	Table
)

// String names the kind in words a writer knows.
func (k NodeKind) String() string {
	switch k {
	case String:
		return "text"
	case Int:
		return "a whole number"
	case Float:
		return "a decimal number"
	case Bool:
		return "true/false"
	case Date:
		return "a date"
	case List:
		return "a list"
	case Table:
		return "a table"
	}
	return "empty"
}

// Node is a front-matter value with its position, the same for TOML and
// YAML, so that one decoder serves both.
type Node struct {
	Kind NodeKind
	Pos  diag.Pos
	// Fields of a Table, in the writer's order.
	Fields []*Field
	// Items of a List.
	Items []*Node
	Str   string
	Int   int64
	Float float64
	Bool  bool
	Time  time.Time
	// Clock says which parts a Date was written with: a date alone (the
	// zero value), a date and a time of day, or a time of day alone.
	Clock Clock
}

// Clock is the form of a front-matter date value.
type Clock int

// The forms a date value can take in TOML and YAML.
const (
	// DateOnly is a day, such as 2025-03-31.
	DateOnly Clock = iota
	// DateTime is a day with a time of day, with or without an offset,
	// such as 2025-03-31T10:00:00.
	DateTime
	// TimeOnly is a time of day without a day, such as 10:00:00 (TOML's
	// local time).
	TimeOnly
)

// Field is one key of a table and its value.
type Field struct {
	Key    string
	KeyPos diag.Pos
	Value  *Node
}

// Get returns the value of key in a table, or nil.
func (n *Node) Get(key string) *Node {
	if n == nil {
		return nil
	}
	for _, f := range n.Fields {
		if f.Key == key {
			return f.Value
		}
	}
	return nil
}
