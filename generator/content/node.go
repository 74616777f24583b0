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
}

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
