package search

import (
	"encoding/json"
	"fmt"
	"hash/maphash"
	"slices"

	"github.com/cxatlas/cxatlas/generator/i18n"
	"github.com/cxatlas/cxatlas/generator/site"
)

// An Indexer builds the search index of a portal again and again, as
// Index does, keeping what it made last so that a change that leaves the
// words of every document as they were is not indexed again: the shards
// of keys are taken as they were, and only the files of records whose
// documents changed are written again. Documents are compared by 64-bit
// hashes of their fields, with a seed of the process's own. That is the case of most edits a
// writer saves (an emotion, a severity, a description, which is not
// indexed), where the index would be the same bytes. The files depend on
// the documents alone, so what is kept stands whatever became of the
// last files. An Indexer is not safe for concurrent use.
type Indexer struct {
	// words and records hold a hash of each document's kind and words,
	// and of its record, rather than the documents, which a large portal
	// has hundreds of thousands of.
	seed    maphash.Seed
	words   []uint64
	records []uint64
	ranges  [][3]any
	// keyed holds the shards and the files of keys in many documents.
	keyed  []File
	shards []string
	// chunks holds the files of records by their first document.
	chunks map[int]File
}

// Index returns the search index of s, as Index does.
func (ix *Indexer) Index(s *site.Site, l Linker, cat *i18n.Catalogue) ([]File, error) {
	ds := docs(s, l, orDefault(cat))
	if ix.words == nil {
		ix.seed = maphash.MakeSeed()
	}
	words, records := ix.hashes(ds)
	keyed, shards := ix.keyed, ix.shards
	if !slices.Equal(words, ix.words) {
		var err error
		if keyed, shards, err = shardFiles(keyPostings(ds)); err != nil {
			return nil, err
		}
	}
	ranges, err := kindRanges(ds)
	if err != nil {
		return nil, err
	}
	old := ix.chunks
	if !slices.EqualFunc(ranges, ix.ranges, func(a, b [3]any) bool { return a == b }) {
		old = nil
	}
	var pk packer
	chunks := make(map[int]File, len(old))
	files, err := indexFiles(ds, keyed, shards, ranges, func(start, stop int) File {
		f, ok := old[start]
		if !ok || !slices.Equal(records[start:stop], ix.records[start:stop]) {
			f = File{Path: ChunkPath(start), Data: pk.pack(ds[start:stop])}
		}
		chunks[start] = f
		return f
	})
	if err != nil {
		return nil, err
	}
	ix.words, ix.records, ix.ranges, ix.keyed, ix.shards, ix.chunks = words, records, ranges, keyed, shards, chunks
	return files, nil
}

// hashes returns a hash of the kind and words of each document, which
// its keys depend on, and of what its record holds.
func (ix *Indexer) hashes(ds []Doc) (words, records []uint64) {
	words, records = make([]uint64, len(ds)), make([]uint64, len(ds))
	var h maphash.Hash
	h.SetSeed(ix.seed)
	field := func(s string) {
		h.WriteString(s)
		h.WriteByte(0) // no two lists of fields write the same bytes
	}
	for i, d := range ds {
		h.Reset()
		field(string(d.Kind))
		field(d.title)
		field(d.text)
		words[i] = h.Sum64()
		h.Reset()
		field(string(d.Kind))
		field(d.Title)
		field(d.Snippet)
		field(d.Severity)
		field(d.URL)
		for _, c := range d.Context {
			field(c)
		}
		records[i] = h.Sum64()
	}
	return words, records
}

// indexFiles returns the files of the index of ds: the shards and files
// of keys, keyed, with the names of the shards; the manifest; and the
// files of records, each kind in files of the records per file ranges
// give, named by their first document and written by chunk.
func indexFiles(ds []Doc, keyed []File, shards []string, ranges [][3]any, chunk func(start, stop int) File) ([]File, error) {
	m, err := json.Marshal(Manifest{Version: 2, Docs: len(ds), ShardPrefix: ShardPrefix, InlinePostings: InlinePostings, Kinds: ranges, Shards: shards})
	if err != nil {
		return nil, fmt.Errorf("search manifest: %w", err)
	}
	files := append(slices.Clone(keyed), File{Path: Dir + "manifest.json", Data: m})
	for i, r := range ranges {
		first, perFile := r[1].(int), r[2].(int)
		end := len(ds)
		if i+1 < len(ranges) {
			end = ranges[i+1][1].(int)
		}
		for start := first; start < end; start += perFile {
			files = append(files, chunk(start, min(end, start+perFile)))
		}
	}
	return files, nil
}

// orDefault returns cat, or the default English catalogue when nil.
func orDefault(cat *i18n.Catalogue) *i18n.Catalogue {
	if cat == nil {
		return i18n.Default(i18n.Reference)
	}
	return cat
}
