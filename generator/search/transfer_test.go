package search_test

import (
	"cmp"
	"encoding/json"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/cxatlas/cxatlas/generator/search"
)

// transfer works out, for the index files, what the browser loads to show
// the first shown results of text: the manifest, the shards of its words
// and the record files of those results. It follows search.js: the keys
// that match a word (search.Matches), the documents that have every word
// found, best first. It returns the bytes loaded and the number of results.
func transfer(t testing.TB, files map[string][]byte, text string, typing bool, shown int) (bytes, results int) {
	t.Helper()
	var m search.Manifest
	if err := json.Unmarshal(files["search/manifest.json"], &m); err != nil {
		t.Fatal(err)
	}
	loaded := map[string]bool{"search/manifest.json": true}
	words := search.Words(text)
	score, hits := map[int]float64{}, map[int]int{}
	found := 0
	for i, q := range words {
		docs := map[int]float64{}
		r := []rune(q)
		for n := 1; n <= min(len(r), m.ShardPrefix); n++ {
			name := string(r[:n])
			if !slices.Contains(m.Shards, name) {
				continue
			}
			path := search.ShardPath(name)
			loaded[path] = true
			var shard map[string][]json.RawMessage
			if err := json.Unmarshal(files[path], &shard); err != nil {
				t.Fatal(err)
			}
			for k, entry := range shard {
				if !search.Matches(k, q, typing && i == len(words)-1) {
					continue
				}
				var count int
				if err := json.Unmarshal(entry[0], &count); err != nil {
					t.Fatal(err)
				}
				if count > m.InlinePostings && search.Matches(k, q, false) {
					// A whole word found in many documents: its own file
					// lists them all.
					loaded[search.KeyPath(k)] = true
					if err := json.Unmarshal(files[search.KeyPath(k)], &entry); err != nil {
						t.Fatal(err)
					}
				}
				for _, raw := range entry[1:] {
					var group [2]any
					if err := json.Unmarshal(raw, &group); err != nil {
						t.Fatal(err)
					}
					for _, id := range decodeIDs(t, group[1].(string)) {
						docs[id] = max(docs[id], group[0].(float64))
					}
				}
			}
		}
		if len(docs) == 0 {
			continue
		}
		found++
		for id, w := range docs {
			score[id] += w
			hits[id]++
		}
	}
	var ids []int
	for id := range score {
		if hits[id] == found {
			ids = append(ids, id)
		}
	}
	slices.SortFunc(ids, func(a, b int) int { return cmp.Or(cmp.Compare(score[b], score[a]), cmp.Compare(a, b)) })
	for _, id := range ids[:min(len(ids), shown)] {
		loaded[search.ChunkPath(m.ChunkOf(id))] = true
	}
	for path := range loaded {
		bytes += len(files[path])
	}
	return bytes, len(ids)
}

// decodeIDs reads the document ids of a posting string the way search.js
// does.
func decodeIDs(t testing.TB, s string) []int {
	const digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	var ids []int
	id, v, shift := 0, 0, 0
	for _, c := range s {
		d := strings.IndexRune(digits, c)
		if d < 0 {
			t.Fatalf("%q is not a digit of a posting string", c)
		}
		v += (d & 31) << shift
		if d&32 != 0 {
			shift += 5
			continue
		}
		id += v
		ids = append(ids, id)
		v, shift = 0, 0
	}
	return ids
}

// sampleQueries are realistic queries on the synthetic portals: a common
// word, a rare word, two words, and a word being typed.
var sampleQueries = []struct {
	name, text string
	typing     bool
}{
	{"common word", "installation", false},
	{"common word, other form", "installs", false},
	{"rare word", "accountant", false},
	{"word of a few thousand documents", "leaflet", false},
	{"two words", "router setup", false},
	{"two common words", "router installation", false},
	{"the two most common words", "call report", false},
	{"three words", "waits at home", false},
	{"prefix while typing", "inst", true},
	{"typing the second word", "router se", true},
}

// QueryBudget is the most bytes one query may load, script included: the
// figure Pagefind publishes for 10,000 pages.
const QueryBudget = 300_000

// reportTransfer reports the bytes the worst of sampleQueries loads, with
// the script, for the first page of the search page (20 results), and
// fails when it is over QueryBudget.
func reportTransfer(b *testing.B, files []search.File) {
	byPath := map[string][]byte{}
	for _, f := range files {
		byPath[f.Path] = f.Data
	}
	script, err := os.ReadFile("../../themes/default/static/search.js")
	if err != nil {
		b.Fatal(err)
	}
	worst := 0
	var lines []string
	for _, q := range sampleQueries {
		n, results := transfer(b, byPath, q.text, q.typing, 20)
		worst = max(worst, n+len(script))
		lines = append(lines, q.name+" ("+q.text+"): "+itoa(n+len(script))+" bytes, "+itoa(results)+" results")
	}
	b.Log("bytes one query loads, script included:\n" + strings.Join(lines, "\n"))
	b.ReportMetric(float64(worst), "worst-query-bytes")
	if worst > QueryBudget {
		b.Errorf("the worst query loads %d bytes, over the budget of %d", worst, QueryBudget)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
