package render

import (
	"hash/crc32"
	"io"
	"slices"
	"sync"

	"github.com/cxatlas/cxatlas/generator/site"
)

// dataRecords knows where the record of each persona is in the last
// data.json a Renderer wrote, so that the next one, after a change that
// leaves most maps as they were, copies their bytes from the last file
// instead of encoding them again: they are most of data.json (69 of 94
// MB on the large portal, which memory would hold twice over).
type dataRecords struct {
	mu sync.Mutex
	// site is the site of the data.json the records are from; nil
	// until one is written with KeepData on.
	site *site.Site
	// personas holds where the record of each persona is, by id.
	personas map[string]record
	// before, same and from say which records the next data.json may
	// copy, and from where: those of the personas same names, when the
	// records are of before, read from the last data.json.
	before *site.Site
	same   func(id string) bool
	from   io.ReaderAt
}

// record is where a record is in a data.json, with its checksum: a file
// changed since it was written is not copied from.
type record struct {
	at  int64
	n   int
	sum uint32
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// KeepData has the Renderer note where the record of each persona is in
// each data.json it writes, for ReuseData: a Session, which writes
// data.json again after every change, turns it on; a single build has no
// use for it.
func (r *Renderer) KeepData() {
	r.data.mu.Lock()
	defer r.data.mu.Unlock()
	if r.data.personas == nil {
		r.data.personas = map[string]record{}
	}
}

// ReuseData says that the persona records of the next data.json, of a
// site after a change to before, are those of before's data.json, which
// from reads, for the personas same names. A caller knows that of a
// persona whose page it does not render again: the record shows nothing
// the page does not. A record whose bytes in from are not those written
// is encoded again.
func (r *Renderer) ReuseData(before *site.Site, same func(id string) bool, from io.ReaderAt) {
	r.data.mu.Lock()
	defer r.data.mu.Unlock()
	r.data.before, r.data.same, r.data.from = before, same, from
}

// personaWriter returns how data.json for s writes the record of each
// persona into b, which starts at offset at of the file, and a function
// to call once the file is written whole; without KeepData it encodes
// each one.
func (r *Renderer) personaWriter(s *site.Site, l links) (func(b []byte, at int64, p *site.Persona) []byte, func()) {
	encode := func(b []byte, _ int64, p *site.Persona) []byte {
		jp := dataPersona(p, l)
		return jp.append(b)
	}
	d := &r.data
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.personas == nil {
		return encode, func() {}
	}
	var old map[string]record
	same, from := d.same, d.from
	if d.site != nil && d.site == d.before && same != nil && from != nil {
		old = d.personas
	}
	next := make(map[string]record, len(s.Personas))
	write := func(b []byte, at int64, p *site.Persona) []byte {
		start := len(b)
		if rec, ok := old[p.ID]; ok && same(p.ID) {
			b = slices.Grow(b, rec.n)[:start+rec.n]
			if n, err := from.ReadAt(b[start:], rec.at); n == rec.n && (err == nil || err == io.EOF) &&
				crc32.Checksum(b[start:], castagnoli) == rec.sum {
				next[p.ID] = record{at: at + int64(start), n: rec.n, sum: rec.sum}
				return b
			}
			b = b[:start]
		}
		b = encode(b, at, p)
		next[p.ID] = record{at: at + int64(start), n: len(b) - start, sum: crc32.Checksum(b[start:], castagnoli)}
		return b
	}
	done := func() {
		d.mu.Lock()
		defer d.mu.Unlock()
		d.site, d.personas, d.before, d.same, d.from = s, next, nil, nil, nil
	}
	return write, done
}
