package content

import "github.com/cxatlas/cxatlas/generator/diag"

// arena hands out the nodes and fields of the TOML fast path. A node tree
// is garbage once its file is decoded, since decoders keep positions and
// copied strings, never nodes; so a loading goroutine rewinds one arena for
// every file instead of allocating a new tree each time, which on a large
// portal was most of what loading allocated.
type arena struct {
	nodes  slab[Node]
	fields slab[Field]
}

// reset takes back everything handed out so far.
func (a *arena) reset() {
	a.nodes.reset()
	a.fields.reset()
}

// node returns an empty node at pos.
func (a *arena) node(pos diag.Pos) *Node {
	n := a.nodes.next()
	// The lists keep their storage for the node's next use: a node's lists
	// are its own, since the fast path only ever appends to them.
	*n = Node{Pos: pos, Fields: n.Fields[:0], Items: n.Items[:0]}
	return n
}

// field returns a field of key at pos holding v.
func (a *arena) field(key string, pos diag.Pos, v *Node) *Field {
	f := a.fields.next()
	*f = Field{Key: key, KeyPos: pos, Value: v}
	return f
}

// slab hands out values of T from chunks that never move: what it hands
// out stays valid until the next reset, which makes every value available
// again, as it was left.
type slab[T any] struct {
	chunks [][]T
	// c and i are the chunk and the index in it of the next value.
	c, i int
}

// maxChunk is the largest chunk, in values: chunks start small, so that
// the one-off parsers of tests and fuzzers stay cheap, and double up to it.
const maxChunk = 256

func (s *slab[T]) reset() { s.c, s.i = 0, 0 }

// next returns the next value, as its last user left it.
func (s *slab[T]) next() *T {
	if s.c < len(s.chunks) && s.i == len(s.chunks[s.c]) {
		s.c, s.i = s.c+1, 0
	}
	if s.c == len(s.chunks) {
		size := 16
		if s.c > 0 {
			size = min(2*len(s.chunks[s.c-1]), maxChunk)
		}
		s.chunks = append(s.chunks, make([]T, size))
	}
	v := &s.chunks[s.c][s.i]
	s.i++
	return v
}
