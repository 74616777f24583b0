package content

import (
	"testing"
	"unicode/utf8"

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

func TestValidID(t *testing.T) {
	tests := []struct {
		id   string
		want bool
	}{
		{"search-ads", true},
		{"сайт_йота", true},
		{norm.NFD.String("йота"), true}, // и + combining breve
		{"हिंदी", true},                 // vowel signs are marks
		{"\u0301a", false},              // a mark cannot start an id
		{"site\uFE0F", false},           // a variation selector shows nothing
		{"si\u034Fte", false},           // nor does the grapheme joiner
		{"site\u3164", false},           // nor the Hangul filler, a letter to Unicode
		{"\u115Fsite", false},           // the Hangul choseong filler
		{"si\u1160te", false},           // the Hangul jungseong filler
		{"site\uFFA0", false},           // the halfwidth Hangul filler
		{"한국어", true},
		{"a b", false},
		{"a.b", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := ValidID(tt.id); got != tt.want {
			t.Errorf("ValidID(%q) = %v, want %v", tt.id, got, tt.want)
		}
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

// FuzzIDs checks the id rules on any file name: a suggested id is valid
// and keeps the composed form, and the key of an id does not depend on
// the Unicode form it is written in.
func FuzzIDs(f *testing.F) {
	for _, s := range []string{"сайт йота", norm.NFD.String("сайт-йота"), "Café", "sitе", "\u0301a", "..", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		id := suggestID(s)
		if !ValidID(id) || !norm.NFC.IsNormalString(id) {
			t.Errorf("suggestID(%q) = %q, not a valid composed id", s, id)
		}
		if IDKey(s) != IDKey(norm.NFD.String(s)) {
			t.Errorf("IDKey(%q) depends on the Unicode form", s)
		}
		if ValidID(s) && Clash(s, norm.NFD.String(s)) == "" {
			t.Errorf("%q and its decomposed form do not clash", s)
		}
	})
}
