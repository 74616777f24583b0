package csvguard

import "testing"

func TestGuard(t *testing.T) {
	for _, tc := range []struct{ in, guarded string }{
		{"plain", "plain"},
		{"", ""},
		{"=SUM(A1:A2)", "'=SUM(A1:A2)"},
		{"+1 555", "'+1 555"},
		{"-2 points", "'-2 points"},
		{"@mention", "'@mention"},
		{"\tindent", "'\tindent"},
		{"'=already", "''=already"},
		{"'quoted", "'quoted"},
		{"''", "''"},
		{"Выбор", "Выбор"},
	} {
		if got := Guard(tc.in); got != tc.guarded {
			t.Errorf("Guard(%q) = %q, want %q", tc.in, got, tc.guarded)
		}
		if got := Unguard(Guard(tc.in)); got != tc.in {
			t.Errorf("Unguard(Guard(%q)) = %q", tc.in, got)
		}
	}
}

func FuzzGuard(f *testing.F) {
	for _, s := range []string{"=1", "'=1", "''-x", "a", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got := Unguard(Guard(s)); got != s {
			t.Fatalf("Unguard(Guard(%q)) = %q", s, got)
		}
	})
}
