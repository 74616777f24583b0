package search

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// RecordBytes is about the most bytes a file of document records holds:
// each kind stores as many records to a file as fit in it on average, so
// that a file of short records (evidence) holds more of them than one of
// long records (pains), and the records of one page of results stay well
// within the budget of a query.
const RecordBytes = 12000

// kindRanges returns, for each kind with documents in ds, the id of its
// first document and the records per file of its kind: as many as fit in
// RecordBytes, measured on sampleWindows runs of records spread over the
// kind.
func kindRanges(ds []Doc) ([][3]any, error) {
	var pk packer
	var ranges [][3]any
	for start := 0; start < len(ds); {
		end := start
		for end < len(ds) && ds[end].Kind == ds[start].Kind {
			end++
		}
		docs, size := 0, 0
		for w := range sampleWindows {
			from := start + (end-start)*w/sampleWindows
			window := ds[from:min(end, from+sampleDocs)]
			docs, size = docs+len(window), size+len(pk.pack(window))
		}
		perFile := max(1, RecordBytes*docs/size)
		ranges = append(ranges, [3]any{ds[start].Kind, start, perFile})
		start = end
	}
	return ranges, nil
}

// The records of a kind whose size sets its records per file: windows of
// sampleDocs records, as a file would hold them together.
const (
	sampleWindows = 8
	sampleDocs    = 128
)

// chunk is one file of document records as written: the strings that
// more than one of its records use, once, and the records. A record is an
// array of its title, page, fragment of the link (after "#"), context,
// snippet and severity, with empty fields at the end left out; each text
// is a string, or the index of a string of the table (a number). A
// record's kind is not stored: the manifest's kind ranges give it.
type chunk struct {
	Strings []string `json:"s,omitempty"`
	Records [][]any  `json:"r"`
}

// packChunk writes the records of ds as a chunk, with each string that
// more than one field of them uses (a persona's name, a stage's, the page
// of a map) written once, in the order the strings first appear.
func packChunk(ds []Doc) []byte {
	return new(packer).pack(ds)
}

// packer packs chunks one after the other, reusing its maps.
type packer struct {
	uses, index map[string]int
}

// pack writes the records of ds as a chunk (see packChunk).
func (pk *packer) pack(ds []Doc) []byte {
	if pk.uses == nil {
		pk.uses, pk.index = make(map[string]int), make(map[string]int)
	}
	clear(pk.uses)
	clear(pk.index)
	uses, index := pk.uses, pk.index
	for _, d := range ds {
		page, frag, _ := strings.Cut(d.URL, "#")
		uses[d.Title]++
		uses[d.Snippet]++
		uses[d.Severity]++
		uses[page]++
		uses[frag]++
		for _, s := range d.Context {
			uses[s]++
		}
	}
	table := []byte(`{"s":[`)
	ref := func(b []byte, s string) []byte {
		if uses[s] < 2 || len(s) <= 2 {
			return appendString(b, s)
		}
		n, ok := index[s]
		if !ok {
			n = len(index)
			index[s] = n
			if n > 0 {
				table = append(table, ',')
			}
			table = appendString(table, s)
		}
		return strconv.AppendInt(b, int64(n), 10)
	}
	var b []byte
	for i, d := range ds {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendRecord(b, d, ref)
	}
	if len(index) == 0 {
		table = table[:1]
	} else {
		table = append(table, "],"...)
	}
	return append(append(append(table, `"r":[`...), b...), "]}"...)
}

// appendRecord appends the record of d to b, each text as ref writes it.
func appendRecord(b []byte, d Doc, ref func([]byte, string) []byte) []byte {
	page, frag, _ := strings.Cut(d.URL, "#")
	texts := [...]string{d.Title, page, frag, "", d.Snippet, d.Severity}
	n := len(texts)
	for n > 1 && texts[n-1] == "" && (n-1 != 3 || len(d.Context) == 0) {
		n--
	}
	b = append(b, '[')
	for i, s := range texts[:n] {
		if i > 0 {
			b = append(b, ',')
		}
		if i != 3 {
			b = ref(b, s)
			continue
		}
		b = append(b, '[')
		for j, c := range d.Context {
			if j > 0 {
				b = append(b, ',')
			}
			b = ref(b, c)
		}
		b = append(b, ']')
	}
	return append(b, ']')
}

// appendString appends s to b as a JSON string: quotes, backslashes and
// control characters escaped, U+2028 and U+2029 too (for old readers),
// invalid UTF-8 read as U+FFFD.
func appendString(b []byte, s string) []byte {
	const hexDigits = "0123456789abcdef"
	b = append(b, '"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b = append(b, '\\', byte(r))
		case r < 0x20 || r == 0x2028 || r == 0x2029:
			b = append(b, '\\', 'u', hexDigits[r>>12&15], hexDigits[r>>8&15], hexDigits[r>>4&15], hexDigits[r&15])
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return append(b, '"')
}

// Records reads the file of document records that begins with document
// first, as the browser does, with the kind ranges of the manifest m.
func Records(m Manifest, first int, data []byte) ([]Doc, error) {
	var c chunk
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, fmt.Errorf("search records %d: %w", first, err)
	}
	str := func(v any) (string, error) {
		switch v := v.(type) {
		case nil:
			return "", nil
		case string:
			return v, nil
		case float64:
			if n := int(v); float64(n) == v && n >= 0 && n < len(c.Strings) {
				return c.Strings[n], nil
			}
		}
		return "", fmt.Errorf("search records %d: %v is neither a text nor one of the %d of the table", first, v, len(c.Strings))
	}
	ds := make([]Doc, len(c.Records))
	for i, r := range c.Records {
		var f [6]any
		copy(f[:], r)
		ctx, _ := f[3].([]any)
		var texts [5]string
		for j, v := range []any{f[0], f[1], f[2], f[4], f[5]} {
			s, err := str(v)
			if err != nil {
				return nil, err
			}
			texts[j] = s
		}
		d := Doc{Kind: m.KindOf(first + i), Title: texts[0], URL: texts[1], Snippet: texts[3], Severity: texts[4]}
		if texts[2] != "" {
			d.URL += "#" + texts[2]
		}
		for _, v := range ctx {
			s, err := str(v)
			if err != nil {
				return nil, err
			}
			d.Context = append(d.Context, s)
		}
		ds[i] = d
	}
	return ds, nil
}

// KindOf is the kind of document id: documents are stored kind after
// kind, in the order of m.Kinds.
func (m Manifest) KindOf(id int) Kind {
	k, _ := m.kindRange(id)
	return k
}

// ChunkOf returns the first document of the file of records that holds
// document id: files are named by it (ChunkPath).
func (m Manifest) ChunkOf(id int) int {
	_, r := m.kindRange(id)
	first, perFile := num(r[1]), max(1, num(r[2]))
	return first + (id-first)/perFile*perFile
}

// kindRange returns the kind of document id and its range of m.Kinds.
func (m Manifest) kindRange(id int) (Kind, [3]any) {
	var k Kind
	var r [3]any
	for _, kr := range m.Kinds {
		if id >= num(kr[1]) {
			k, r = Kind(fmt.Sprint(kr[0])), kr
		}
	}
	return k, r
}

// num reads a number of the manifest, an int when built, a float64 when
// read back from JSON.
func num(v any) int {
	switch v := v.(type) {
	case int:
		return v
	case float64:
		return int(v)
	}
	return 0
}

// ChunkPath is the path of the file of records that begins with document
// first.
func ChunkPath(first int) string { return Dir + "d/" + strconv.Itoa(first) + ".json" }
