package search

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestWords(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"english", "Orders next-day delivery!", []string{"orders", "next", "day", "delivery"}},
		{"apostrophe inside a word", "The customer's car; 'quoted'", []string{"the", "customer's", "car", "quoted"}},
		{"typographic apostrophe", "customer’s", []string{"customer's"}},
		{"numbers with separators", "4,000 a month, 1.5 hours, n=31.", []string{"4,000", "a", "month", "1.5", "hours", "n", "31"}},
		{"russian with ё", "Ещё ЁЛКА — всё", []string{"еще", "елка", "все"}},
		{"mixed scripts", "Заказ через app и call-центр", []string{"заказ", "через", "app", "и", "call", "центр"}},
		{"decomposed letters are composed", "e\u0301te\u0301 й", []string{"été", "й"}},
		{"punctuation only", "— … «» !", nil},
		{"empty", "", nil},
		{"guillemets and dashes", "«Поместится ли?»—нет", []string{"поместится", "ли", "нет"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Words(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("Words(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Навязывание", "навязывание"},
		{"ЁЖИК ёжик", "ежик ежик"},
		{"DELIVERY", "delivery"},
		{"Cafe\u0301", "café"},
		{"it’s", "it's"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzWords checks that the tokeniser, given any text, returns folded,
// non-empty, valid words that occur in the folded text, without a panic.
func FuzzWords(f *testing.F) {
	for _, s := range []string{"", "Ещё доставка", "customer's 4,000", "a'", "'b", "1,", ",1", "\xff\xfe", "e\u0301", "x’y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		folded := Fold(s)
		for _, w := range Words(s) {
			if w == "" || !utf8.ValidString(w) {
				t.Fatalf("Words(%q) has the word %q", s, w)
			}
			if Fold(w) != w {
				t.Fatalf("Words(%q) has %q, which is not folded", s, w)
			}
			if !strings.Contains(folded, w) {
				t.Fatalf("Words(%q) has %q, which is not in the folded text %q", s, w, folded)
			}
		}
	})
}
