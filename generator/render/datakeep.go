package render

import (
	"sync"

	"github.com/cxatlas/cxatlas/generator/site"
)

// dataRecords keeps the records of the personas in the last data.json a
// Renderer wrote, so that the next one, after a change that leaves most
// maps as they were, copies their bytes instead of encoding them again:
// they are most of data.json.
type dataRecords struct {
	mu sync.Mutex
	// site is the site of the data.json the records are from; nil
	// until one is written with KeepData on.
	site *site.Site
	// personas holds the record of each persona, by id.
	personas map[string][]byte
	// before and same say which records the next data.json may copy:
	// those of the personas same names, when the records are of before.
	before *site.Site
	same   func(id string) bool
}

// KeepData has the Renderer keep the records of the personas of each
// data.json it writes, for ReuseData: a Session, which writes data.json
// again after every change, turns it on; a single build has no use for
// it.
func (r *Renderer) KeepData() {
	r.data.mu.Lock()
	defer r.data.mu.Unlock()
	if r.data.personas == nil {
		r.data.personas = map[string][]byte{}
	}
}

// ReuseData says that the persona records of the next data.json, of a
// site after a change to before, are those of before's data.json for the
// personas same names. A caller knows that of a persona whose page it
// does not render again: the record shows nothing the page does not.
func (r *Renderer) ReuseData(before *site.Site, same func(id string) bool) {
	r.data.mu.Lock()
	defer r.data.mu.Unlock()
	r.data.before, r.data.same = before, same
}

// personaWriter returns how data.json for s writes each persona's
// record, and a function to call once it is written whole; without
// KeepData it encodes each one.
func (r *Renderer) personaWriter(s *site.Site, l links) (func([]byte, *site.Persona) []byte, func()) {
	encode := func(b []byte, p *site.Persona) []byte {
		jp := dataPersona(p, l)
		return jp.append(b)
	}
	d := &r.data
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.personas == nil {
		return encode, func() {}
	}
	var old map[string][]byte
	same := func(string) bool { return false }
	if d.site != nil && d.site == d.before && d.same != nil {
		old, same = d.personas, d.same
	}
	next := make(map[string][]byte, len(s.Personas))
	write := func(b []byte, p *site.Persona) []byte {
		if rec, ok := old[p.ID]; ok && same(p.ID) {
			next[p.ID] = rec
			return append(b, rec...)
		}
		start := len(b)
		b = encode(b, p)
		next[p.ID] = append([]byte(nil), b[start:]...)
		return b
	}
	done := func() {
		d.mu.Lock()
		defer d.mu.Unlock()
		d.site, d.personas, d.before, d.same = s, next, nil, nil
	}
	return write, done
}
