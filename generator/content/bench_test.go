package content

import (
	"fmt"
	"strings"
	"testing"
)

// benchPersona returns the front matter of a persona with n steps, in the
// shape of the synthetic portals: ids and words repeat, sentences vary.
func benchPersona(n int) []byte {
	var b strings.Builder
	b.WriteString("title = \"Bench\"\nsummary = \"A persona to measure the parser with.\"\npriority = 2\nreviewed = 2025-01-31\ngoals = [\"One goal\", \"Another goal\"]\n\n[profile]\nage = \"35-44\"\ncity = \"Riga\"\n")
	feelings := []string{"curious", "neutral", "annoyed", "relieved"}
	for i := range n {
		fmt.Fprintf(&b, "\n[[steps]]\nstage = \"stage-%d\"\ntouchpoints = [\"touchpoint-%d\", \"touchpoint-%d\"]\n", i%8, i%40, (i*7)%40)
		fmt.Fprintf(&b, "action = \"Does thing number %d of the journey\"\nfeeling = %q\nemotion = %d\n", i, feelings[i%4], i%5-2)
		fmt.Fprintf(&b, "pains = [\"Pain %d is written out in a sentence\", { text = \"A rated pain\", severity = \"high\" }]\n", i)
		fmt.Fprintf(&b, "evidence = [\n  \"Interviews (n=%d)\",\n  \"https://research.example.com/reports/%d\",\n]\nduration = \"half an hour\"\n", i, i)
	}
	return []byte(b.String())
}

// BenchmarkParseTOMLFast measures the fast path on a large persona, with
// the parser reused as a loading goroutine reuses it.
func BenchmarkParseTOMLFast(b *testing.B) {
	src := benchPersona(60)
	var p fastParser
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.parse(src, 2); err != nil {
			b.Fatal(err)
		}
	}
}
