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
	"github.com/cxatlas/cxatlas/generator/i18n"
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
	// InlinePostings is the most documents a key lists in its shard: those
	// with the key in their title first, then in the order of Kinds. A key
	// found in more documents lists them all (up to MaxPostings) in a file
	// of its own, which the browser loads when it matches a whole query
	// word, so that words found in many documents still combine.
	InlinePostings = 400
	// MaxPostings is the most documents a key lists at all; the key still
	// tells how many documents have it.
	MaxPostings = 50000
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
	// Docs counts the documents.
	Docs int `json:"docs"`
	// ShardPrefix is the length of the shard names in characters.
	ShardPrefix int `json:"prefix"`
	// InlinePostings is the most documents a shard lists for a key; a key
	// with more has a file of its own (KeyPath).
	InlinePostings int `json:"inline"`
	// Kinds gives, for each kind with documents, the id of its first and
	// the number of its records per file of d/: documents are stored kind
	// after kind, in the order of Kinds.
	Kinds [][3]any `json:"kinds"`
	// Shards lists the names of the shards that exist, sorted.
	Shards []string `json:"shards"`
}

// Weights of a key in a document: in its title, in the rest of it.
const (
	weightTitle = 2
	weightText  = 1
)

// Index builds the search index of s, with links from l and the words of
// cat (the default English catalogue when nil). The result depends on
// nothing but s, l and cat: two builds of one portal give the same bytes,
// and every file depends on the whole portal.
func Index(s *site.Site, l Linker, cat *i18n.Catalogue) ([]File, error) {
	ds := docs(s, l, orDefault(cat))
	keyed, shards, err := shardFiles(keyPostings(ds))
	if err != nil {
		return nil, err
	}
	ranges, err := kindRanges(ds)
	if err != nil {
		return nil, err
	}
	var pk packer
	return indexFiles(ds, keyed, shards, ranges, func(start, stop int) File {
		return File{Path: ChunkPath(start), Data: pk.pack(ds[start:stop])}
	})
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
	lists := make(map[string]*[]posting)
	add := func(k string, p posting) {
		ps := lists[k]
		if ps == nil {
			ps = new([]posting)
			lists[k] = ps
		}
		*ps = addPosting(*ps, p)
	}
	for id, d := range ds {
		for _, k := range keysOf(d.title) {
			add(k, posting{id, weightTitle})
		}
		for _, k := range keysOf(d.text) {
			add(k, posting{id, weightText})
		}
	}
	keys := make(map[string][]posting, len(lists))
	for k, ps := range lists {
		keys[k] = *ps
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

// shardFiles writes the postings of keys into shards, and the postings
// of keys found in many documents into files of their own; it returns the
// files and the sorted names of the shards. A shard is a JSON object that
// gives, for each key, the number of documents it is found in, then one
// array per weight, highest first: the weight followed by the ids of its
// documents, each written as the difference from the one before.
func shardFiles(keys map[string][]posting) ([]File, []string, error) {
	sorted := make([]string, 0, len(keys))
	for k := range keys {
		sorted = append(sorted, k)
	}
	slices.Sort(sorted)
	var files, keyFiles []File
	var names []string
	var b []byte
	for i, k := range sorted {
		name := shardName(k)
		if i == 0 || name != shardName(sorted[i-1]) {
			names = append(names, name)
			b = append(b[:0], '{')
		} else {
			b = append(b, ',')
		}
		key, err := json.Marshal(k)
		if err != nil {
			return nil, nil, fmt.Errorf("search key %q: %w", k, err)
		}
		b = append(append(b, key...), ':')
		b = encode(b, keys[k], InlinePostings)
		if ps := keys[k]; len(ps) > InlinePostings {
			keyFiles = append(keyFiles, File{Path: KeyPath(k), Data: encode(nil, ps, MaxPostings)})
		}
		if i == len(sorted)-1 || shardName(sorted[i+1]) != name {
			files = append(files, File{Path: ShardPath(name), Data: append(slices.Clone(b), '}')})
		}
	}
	return append(files, keyFiles...), names, nil
}

// ShardPath is the path of the shard named name: its UTF-8 bytes in hex,
// so that file names are plain ASCII on every host.
func ShardPath(name string) string {
	return Dir + "t/" + hex.EncodeToString([]byte(name)) + ".json"
}

// KeyPath is the path of the file that lists every document of the key k,
// for keys found in more than InlinePostings documents.
func KeyPath(k string) string {
	return Dir + "k/" + hex.EncodeToString([]byte(k)) + ".json"
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

// encode appends to b the postings of one key as a JSON array, at most
// limit of them: the number of documents, then one array per weight,
// highest first, of the weight and the ids of its documents in a string
// (see appendIDs). Within a weight documents are in document order, which
// is the order of Kinds.
func encode(b []byte, ps []posting, limit int) []byte {
	sorted := slices.Clone(ps)
	slices.SortStableFunc(sorted, func(a, b posting) int { return cmp.Compare(b.weight, a.weight) })
	sorted = sorted[:min(len(sorted), limit)]
	b = strconv.AppendInt(append(b, '['), int64(len(ps)), 10)
	for start := 0; start < len(sorted); {
		end := start + 1
		for end < len(sorted) && sorted[end].weight == sorted[start].weight {
			end++
		}
		b = strconv.AppendInt(append(b, ",["...), int64(sorted[start].weight), 10)
		b = append(appendIDs(append(b, `,"`...), sorted[start:end]), `"]`...)
		start = end
	}
	return append(b, ']')
}

// idDigits are the 64 digits of appendIDs, none of which JSON escapes.
const idDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// appendIDs appends the document ids of ps, ascending, to b, each as its
// difference from the one before (the first from 0), in the digits of
// idDigits five bits at a time, lowest first; a digit of 32 or more says
// that more bits follow. A difference under 32 takes one character.
func appendIDs(b []byte, ps []posting) []byte {
	last := 0
	for _, p := range ps {
		d := p.doc - last
		last = p.doc
		for d >= 32 {
			b = append(b, idDigits[32|d&31])
			d >>= 5
		}
		b = append(b, idDigits[d])
	}
	return b
}

// runes counts the characters of s.
func runes(s string) int { return utf8.RuneCountInString(s) }
