package htmltest

import (
	"strings"
	"testing"
)

func TestProblems(t *testing.T) {
	unsafe := func(u string) bool { return strings.HasPrefix(strings.ToLower(u), "javascript:") }
	tests := []struct {
		name string
		doc  string
		want int
	}{
		{"clean", `<!doctype html><p class=x title="<script>">a &lt;script> b</p>`, 0},
		{"script element", `<p>x</p><SCRIPT>alert(1)</SCRIPT>`, 1},
		{"theme script", `<script src="../static/search.js" defer></script>`, 0},
		{"theme script from base URL", `<script src="https://cx.example.com/p/static/search.js" defer></script>`, 0},
		{"theme script not deferred", `<script src="static/search.js"></script>`, 1},
		{"script from elsewhere", `<script src="https://evil.example/static.js" defer></script>`, 1},
		{"script outside static", `<script src="../data/search.js" defer></script>`, 1},
		{"script with a handler", `<script src="static/search.js" defer onload="x()"></script>`, 2},
		{"theme script", `<script defer src="../../static/pains.js"></script>`, 0},
		{"theme script unquoted", `<script defer src=../static/pains.js></script>`, 0},
		{"script not deferred", `<script src="../static/pains.js"></script>`, 1},
		{"script with more", `<script defer src="../static/pains.js" onload="x()"></script>`, 2},
		{"handler unquoted", `<img src=x onerror=alert(1)>`, 1},
		{"handler in svg", `<svg onload="x"></svg>`, 1},
		{"unsafe href", `<a href="JavaScript:alert(1)">x</a>`, 1},
		{"entity-encoded scheme", `<a href="javascript&#58;alert(1)">x</a>`, 1},
		{"tag text in comment", `<!-- <script> --><p>ok</p>`, 0},
		{"tag text in title", `<title><script></title>`, 0},
		{"style raw text", `<style>a::after{content:"<script>"}</style>`, 0},
		{"theme script", `<script src="../static/compare.js" defer></script>`, 0},
		{"theme script from the root", `<script src="static/compare.js" defer></script>`, 0},
		{"script from elsewhere", `<script src="https://evil.example/x.js" defer></script>`, 1},
		{"script outside static", `<script src="../x/compare.js" defer></script>`, 1},
		{"script from the host root", `<script src="/static/compare.js" defer></script>`, 1},
		{"theme script not deferred", `<script src="static/compare.js"></script>`, 1},
		{"theme script with a handler", `<script src="static/compare.js" defer onload="x()"></script>`, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Problems(tt.doc, unsafe); len(got) != tt.want {
				t.Errorf("got %v, want %d problems", got, tt.want)
			}
		})
	}
}
