// Package search builds the full-text search index of a portal from its
// linked model: every persona, stage, touchpoint, owner, pain, step,
// opportunity and piece of evidence, found by any of its words in Russian
// or English, in any grammatical form. The index is a set of static JSON
// files, split so that the browser loads only what one query needs: a
// small manifest, the shards of the words asked for, and the records of
// the results it shows. docs/search.md describes the files and the rule
// by which the browser matches a query.
package search

import (
	"cmp"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/cxatlas/cxatlas/generator/site"
)

// Dir is the folder of the index in the publish folder; the search page is
// its index.html.
const Dir = "search/"

// Limits of the index, chosen so that one query on a portal of 10,000
// files loads well under 300 kB (docs/search.md gives the figures).
const (
	// ShardPrefix is the number of leading characters of a key that name
	// its shard: keys sharing them are stored in one file.
	ShardPrefix = 3
	// ChunkDocs is the number of document records per file.
	ChunkDocs = 32
	// MaxPostings is the most documents a key lists: those with the key in
	// their title first, then in the order of Kinds. The key still tells
	// how many documents have it.
	MaxPostings = 400
)

// File is one file of the index.
type File struct {
	// Path is relative to the publish folder, with forward slashes.
	Path string
	Data []byte
}

// Manifest is the first file the browser reads: where everything else is.
type Manifest struct {
	// Version changes when the format of the files does.
	Version int `json:"version"`
	// Docs counts the documents; ChunkDocs the records per file of d/.
	Docs      int `json:"docs"`
	ChunkDocs int `json:"chunk"`
	// ShardPrefix is the length of the shard names in characters.
	ShardPrefix int `json:"prefix"`
	// Kinds gives, for each kind with documents, the id of its first:
	// documents are stored kind after kind, in the order of Kinds.
	Kinds [][2]any `json:"kinds"`
	// Shards lists the names of the shards that exist, sorted.
	Shards []string `json:"shards"`
}

// Weights of a key in a document: in its title, in the rest of it.
const (
	weightTitle = 2
	weightText  = 1
)

// Index builds the search index of s, with links from l. The result
// depends on nothing but s and l: two builds of one portal give the same
// bytes, and every file depends on the whole portal.
func Index(s *site.Site, l Linker) ([]File, error) {
	ds := docs(s, l)
	keys := keyPostings(ds)
	files, names, err := shardFiles(keys)
	if err != nil {
		return nil, err
	}
	chunks, err := chunkFiles(ds)
	if err != nil {
		return nil, err
	}
	m, err := json.Marshal(Manifest{Version: 1, Docs: len(ds), ChunkDocs: ChunkDocs, ShardPrefix: ShardPrefix, Kinds: kindStarts(ds), Shards: names})
	if err != nil {
		return nil, fmt.Errorf("search manifest: %w", err)
	}
	files = append(files, File{Path: Dir + "manifest.json", Data: m})
	return append(files, chunks...), nil
}

// posting is one document a key is found in.
type posting struct {
	doc    int
	weight int
}

// keyPostings returns, for each key, the documents it is found in, each
// once with its highest weight.
func keyPostings(ds []Doc) map[string][]posting {
	kk := newKeyer()
	for _, d := range ds {
		kk.see(d.title)
		kk.see(d.text)
	}
	// Portals repeat whole texts (the same evidence, the same pain in many
	// steps): their keys are worked out once.
	textKeys := make(map[string][]string)
	keysOf := func(text string) []string {
		ks, ok := textKeys[text]
		if !ok {
			for _, w := range Words(text) {
				ks = kk.appendKeys(ks, w)
			}
			textKeys[text] = ks
		}
		return ks
	}
	keys := make(map[string][]posting)
	for id, d := range ds {
		for _, k := range keysOf(d.title) {
			keys[k] = addPosting(keys[k], posting{id, weightTitle})
		}
		for _, k := range keysOf(d.text) {
			keys[k] = addPosting(keys[k], posting{id, weightText})
		}
	}
	return keys
}

// addPosting adds p to ps, the postings of one key in document order,
// keeping one posting per document with the highest weight.
func addPosting(ps []posting, p posting) []posting {
	if n := len(ps); n > 0 && ps[n-1].doc == p.doc {
		ps[n-1].weight = max(ps[n-1].weight, p.weight)
		return ps
	}
	return append(ps, p)
}

// shard is the file of the keys that share a prefix: for each key, the
// number of documents it is found in, then one group per weight, highest
// first: the weight followed by the ids of its documents, each written as
// the difference from the one before.
type shard map[string][]any

// shardFiles writes the postings of keys into shards, and returns the
// files and the sorted names of the shards.
func shardFiles(keys map[string][]posting) ([]File, []string, error) {
	shards := make(map[string]shard)
	for k, ps := range keys {
		name := shardName(k)
		if shards[name] == nil {
			shards[name] = shard{}
		}
		shards[name][k] = encode(ps)
	}
	names := make([]string, 0, len(shards))
	for name := range shards {
		names = append(names, name)
	}
	slices.Sort(names)
	files := make([]File, 0, len(names))
	for _, name := range names {
		data, err := json.Marshal(shards[name])
		if err != nil {
			return nil, nil, fmt.Errorf("search shard %q: %w", name, err)
		}
		files = append(files, File{Path: ShardPath(name), Data: data})
	}
	return files, names, nil
}

// ShardPath is the path of the shard named name: its UTF-8 bytes in hex,
// so that file names are plain ASCII on every host.
func ShardPath(name string) string {
	return Dir + "t/" + hex.EncodeToString([]byte(name)) + ".json"
}

// shardName is the shard of key k: its first ShardPrefix characters.
func shardName(k string) string {
	n := 0
	for i := range k {
		if n == ShardPrefix {
			return k[:i]
		}
		n++
	}
	return k
}

// encode writes the postings of one key, capped at MaxPostings: the
// documents with the highest weight first, and within a weight in document
// order, which is the order of Kinds.
func encode(ps []posting) []any {
	sorted := slices.Clone(ps)
	slices.SortStableFunc(sorted, func(a, b posting) int { return cmp.Compare(b.weight, a.weight) })
	sorted = sorted[:min(len(sorted), MaxPostings)]
	out := []any{len(ps)}
	var group []int
	last := 0
	for i, p := range sorted {
		if i == 0 || p.weight != sorted[i-1].weight {
			if group != nil {
				out = append(out, group)
			}
			group, last = []int{p.weight}, 0
		}
		group = append(group, p.doc-last)
		last = p.doc
	}
	if group != nil {
		out = append(out, group)
	}
	return out
}

// chunkFiles writes the document records, ChunkDocs to a file.
func chunkFiles(ds []Doc) ([]File, error) {
	var files []File
	for start := 0; start < len(ds); start += ChunkDocs {
		data, err := json.Marshal(ds[start:min(len(ds), start+ChunkDocs)])
		if err != nil {
			return nil, fmt.Errorf("search records: %w", err)
		}
		files = append(files, File{Path: ChunkPath(start / ChunkDocs), Data: data})
	}
	return files, nil
}

// ChunkPath is the path of the n-th file of document records.
func ChunkPath(n int) string { return Dir + "d/" + strconv.Itoa(n) + ".json" }

// runes counts the characters of s.
func runes(s string) int { return utf8.RuneCountInString(s) }

// kindStarts returns the kind and id of the first document of each kind
// in ds.
func kindStarts(ds []Doc) [][2]any {
	var starts [][2]any
	for id, d := range ds {
		if id == 0 || ds[id-1].Kind != d.Kind {
			starts = append(starts, [2]any{d.Kind, id})
		}
	}
	return starts
}
