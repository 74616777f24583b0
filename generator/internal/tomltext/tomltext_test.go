package tomltext

import (
	"testing"

	"github.com/BurntSushi/toml"
)

// TestQuoted checks that every text comes back from a TOML decoder as it
// was written.
func TestQuoted(t *testing.T) {
	for _, s := range []string{"", "plain", `say "hi"`, `back\slash`, "two\nlines\r\n", "tab\there",
		"bell\x07 del\x7f nul\x00", "+++", "Семья «Ёлки» 🙂", "\\u0041"} {
		var v struct{ V string }
		if _, err := toml.Decode("V = "+Quoted(s), &v); err != nil || v.V != s {
			t.Errorf("Quoted(%q) = %s: decoded %q, %v", s, Quoted(s), v.V, err)
		}
	}
}
