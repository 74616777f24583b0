package content

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestIDKey(t *testing.T) {
	nfd := norm.NFD.String
	tests := []struct {
		name string
		a, b string
		same bool
	}{
		{"case", "Urgent-Replacer", "urgent-replacer", true},
		{"unicode form", nfd("сайт-йота"), "сайт-йота", true},
		{"cyrillic look-alike", "sitе", "site", true},
		{"greek look-alike", "ΚΟΡ", "kop", true},
		{"cyrillic capitals", "ВАН", "bah", true},
		{"different words", "сайт", "саит", false},
		{"different ids", "search", "shop", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IDKey(tt.a) == IDKey(tt.b); got != tt.same {
				t.Errorf("IDKey(%q) == IDKey(%q): %v, want %v", tt.a, tt.b, got, tt.same)
			}
		})
	}
}

func TestSuggestIDKeepsTheWord(t *testing.T) {
	tests := []struct{ in, want string }{
		{norm.NFD.String("сайт йота"), "сайт-йота"},
		{"Café Crème", "café-crème"},
		{"हिंदी पेज", "हिंदी-पेज"},
		{"a..b", "a-b"},
	}
	for _, tt := range tests {
		if got := suggestID(tt.in); got != tt.want || !ValidID(got) {
			t.Errorf("suggestID(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLookAlike(t *testing.T) {
	got := LookAlike("sitе", "site")
	want := `its "е" is Cyrillic where "site" has Latin "e"`
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
