package content

import (
	"fmt"

	"github.com/cxatlas/cxatlas/generator/diag"
)

// Limits on what one content file may hold. The TOML and YAML decoders and
// the Markdown parser take time or memory that grows faster than the input
// on some shapes (front matter nested thousands deep, a key of thousands of
// dotted parts, lists nested by thousands of "> " or "- " markers), so a
// linear pre-scan checks these limits before they see the bytes. Each is
// far above what a real portal needs: a persona has tens of steps and
// nests four or five levels. docs/content.md lists them for writers.
const (
	// MaxDepth is how deep front-matter values may nest: arrays, tables
	// and inline tables in TOML, lists and mappings in YAML.
	MaxDepth = 32
	// MaxKeyLen is the longest key, in bytes, counted with the names of
	// the tables around it, joined with dots.
	MaxKeyLen = 256
	// MaxKeyParts is the most parts a dotted key or table header may have.
	MaxKeyParts = 16
	// MaxStringLen is the longest text value, in bytes.
	MaxStringLen = 64 << 10
	// MaxListLen is the most items a list (or array of tables) may hold.
	MaxListLen = 10_000
	// MaxTableKeys is the most keys a table may hold.
	MaxTableKeys = 1_000
	// MaxValues is the most values, all lists and tables counted, one
	// front matter may hold.
	MaxValues = yamlNodeLimit
	// MaxMarkdownDepth is how deep the blocks of a Markdown body may nest:
	// block quotes, list items, and indentation (two columns a level).
	MaxMarkdownDepth = 64
)

// LimitError is content over one of the limits above, with its position
// in the file and what to do about it.
type LimitError struct {
	Pos     diag.Pos
	Message string
	Hint    string
}

func (e *LimitError) Error() string {
	return fmt.Sprintf("%d:%d: %s; %s", e.Pos.Line, e.Pos.Col, e.Message, e.Hint)
}

// checkLimits checks the parts of a split file against the limits, before
// anything decodes or renders them.
func checkLimits(sp Split) *LimitError {
	var err *LimitError
	if sp.Format == YAML {
		err = scanYAMLLimits(sp.Front, sp.FrontLine)
	} else {
		err = scanTOMLLimits(sp.Front, sp.FrontLine)
	}
	if err != nil {
		return err
	}
	return scanMarkdownLimits(sp.Body, sp.BodyLine)
}

// Advice shared by the limits.
const (
	hintNesting = "nest fewer levels: move detail into the Markdown body or into steps of their own"
	hintKey     = "use shorter keys; the fields cxatlas reads have short names"
	hintString  = "move long text into the Markdown body below the front matter"
	hintList    = "split the content across files, e.g. one persona per journey"
)

func depthError(pos diag.Pos) *LimitError {
	return &LimitError{Pos: pos, Message: fmt.Sprintf("front matter nests deeper than %d levels", MaxDepth), Hint: hintNesting}
}

func valuesError(pos diag.Pos) *LimitError {
	return &LimitError{Pos: pos, Message: fmt.Sprintf("front matter holds more than %d values", MaxValues), Hint: hintList}
}

func listError(pos diag.Pos) *LimitError {
	return &LimitError{Pos: pos, Message: fmt.Sprintf("list holds more than %d items", MaxListLen), Hint: hintList}
}

func tableError(pos diag.Pos) *LimitError {
	return &LimitError{Pos: pos, Message: fmt.Sprintf("table holds more than %d keys", MaxTableKeys), Hint: hintList}
}

func stringError(pos diag.Pos, n int) *LimitError {
	return &LimitError{Pos: pos, Message: fmt.Sprintf("text is %s long, over the limit of %s", size(int64(n)), size(MaxStringLen)), Hint: hintString}
}

func keyLenError(pos diag.Pos, n int) *LimitError {
	return &LimitError{Pos: pos, Message: fmt.Sprintf("key is %d bytes long with the tables around it, over the limit of %d", n, MaxKeyLen), Hint: hintKey}
}

func keyPartsError(pos diag.Pos) *LimitError {
	return &LimitError{Pos: pos, Message: fmt.Sprintf("key has more than %d dotted parts", MaxKeyParts), Hint: hintKey}
}

// checkValueLimits checks decoded YAML front matter for what the pre-scan
// leaves to yaml.v3, which reads them in linear time: the length of texts
// and keys, and the size of lists and tables. The tree is small, since
// the pre-scan and the decoder bound the values.
func checkValueLimits(n *Node, pathLen int) *LimitError {
	switch n.Kind {
	case String:
		if len(n.Str) > MaxStringLen {
			return stringError(n.Pos, len(n.Str))
		}
	case List:
		if len(n.Items) > MaxListLen {
			return listError(n.Items[MaxListLen].Pos)
		}
		for _, it := range n.Items {
			if err := checkValueLimits(it, pathLen); err != nil {
				return err
			}
		}
	case Table:
		if len(n.Fields) > MaxTableKeys {
			return tableError(n.Fields[MaxTableKeys].KeyPos)
		}
		for _, f := range n.Fields {
			keyLen := len(f.Key)
			if pathLen > 0 {
				keyLen += pathLen + 1
			}
			if keyLen > MaxKeyLen {
				return keyLenError(f.KeyPos, keyLen)
			}
			if err := checkValueLimits(f.Value, keyLen); err != nil {
				return err
			}
		}
	}
	return nil
}
