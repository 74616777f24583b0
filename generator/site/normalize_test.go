package site

import (
	"strings"
	"testing"
)

// normalizeSlow is the definition NormalizePain must agree with.
func normalizeSlow(text string) string {
	return strings.Join(strings.Fields(strings.ToLower(text)), " ")
}

var normalizeCases = []string{
	"", " ", "  ", "a", "A", "slow delivery", "Slow  Delivery", " slow delivery ", "slow\tdelivery\n",
	"a\v\fb\rc", "already normal text", "trailing ", " leading", "double  space",
	"Prices above expectations (Fibre)", "The coverage check needs a phone call (Word of mouth — Fibre)",
	"ÉCOLE  Straße", "non\u00a0breaking", "next\u0085line", "ideographic\u3000space", "\u2028line sep",
	"Ⱥ grows when lowered", "İstanbul", "ΣΑΣ", "invalid \xff byte", "\xc3", "ok \xe2\x80 cut",
	"emoji 😀 Smile", "a \u200b zero width",
}

func TestNormalizePain(t *testing.T) {
	for _, text := range normalizeCases {
		if got, want := NormalizePain(text), normalizeSlow(text); got != want {
			t.Errorf("NormalizePain(%q) = %q, want %q", text, got, want)
		}
	}
}

func FuzzNormalizePain(f *testing.F) {
	for _, text := range normalizeCases {
		f.Add(text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := NormalizePain(text), normalizeSlow(text); got != want {
			t.Errorf("NormalizePain(%q) = %q, want %q", text, got, want)
		}
	})
}
