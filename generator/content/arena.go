package content

import "github.com/cxatlas/cxatlas/generator/diag"

// arena hands out the nodes and fields of the TOML fast path. A node tree
// is garbage once its file is decoded, since decoders keep positions and
// copied strings, never nodes; so a loading goroutine rewinds one arena for
// every file instead of allocating a new tree each time, which on a large
// portal was most of what loading allocated. Chunks never move: what the
// arena hands out stays valid until the next reset.
type arena struct {
	nodes  [][]Node
	fields [][]Field
	// nc, ni and fc, fi are the chunk and the index in it of the next node
	// and the next field.
	nc, ni int
	fc, fi int
}

// maxChunk is the largest chunk, in values: chunks start small, so that
// the one-off parsers of tests and fuzzers stay cheap, and double up to it.
const maxChunk = 256

// reset takes back everything handed out so far.
func (a *arena) reset() { a.nc, a.ni, a.fc, a.fi = 0, 0, 0, 0 }

// node returns an empty node at pos.
func (a *arena) node(pos diag.Pos) *Node {
	if a.nc < len(a.nodes) && a.ni == len(a.nodes[a.nc]) {
		a.nc, a.ni = a.nc+1, 0
	}
	if a.nc == len(a.nodes) {
		size := 16
		if a.nc > 0 {
			size = min(2*len(a.nodes[a.nc-1]), maxChunk)
		}
		a.nodes = append(a.nodes, make([]Node, size))
	}
	n := &a.nodes[a.nc][a.ni]
	a.ni++
	// The lists keep their storage for the node's next use: a node's lists
	// are its own, since the fast path only ever appends to them.
	*n = Node{Pos: pos, Fields: n.Fields[:0], Items: n.Items[:0]}
	return n
}

// field returns a field of key at pos holding v.
func (a *arena) field(key string, pos diag.Pos, v *Node) *Field {
	if a.fc < len(a.fields) && a.fi == len(a.fields[a.fc]) {
		a.fc, a.fi = a.fc+1, 0
	}
	if a.fc == len(a.fields) {
		size := 16
		if a.fc > 0 {
			size = min(2*len(a.fields[a.fc-1]), maxChunk)
		}
		a.fields = append(a.fields, make([]Field, size))
	}
	f := &a.fields[a.fc][a.fi]
	a.fi++
	*f = Field{Key: key, KeyPos: pos, Value: v}
	return f
}
