package content

import (
	"html"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestLinksResolvedLikeIDs(t *testing.T) {
	md := NewMarkdown(false)
	body := "[a](/touchpoints/%D1%81%D0%B0%D0%B9%D1%82/) [b](" + norm.NFD.String("/touchpoints/йота/") + ") [c](../%d0%b9/)\n"
	html, links, warns, err := md.Convert([]byte(body), "personas/x/", 1)
	if err != nil || len(warns) > 0 {
		t.Fatal(err, warns)
	}
	var got []string
	for _, l := range links {
		got = append(got, l.Target)
	}
	if want := "touchpoints/сайт touchpoints/йота personas/й"; strings.Join(got, " ") != want {
		t.Errorf("targets %q, want %q", strings.Join(got, " "), want)
	}
	// goldmark percent-encodes the href: "й" composed is D0 B9, decomposed
	// it would be D0 B8 CC 86.
	if !strings.Contains(string(html), `href="../../touchpoints/%D0%B9%D0%BE%D1%82%D0%B0/"`) {
		t.Errorf("decomposed link not published composed: %s", html)
	}
}

// FuzzUnsafeLinkMessage checks that no destination a browser would read
// as a javascript: or data: link is let through, however it is disguised.
func FuzzUnsafeLinkMessage(f *testing.F) {
	for _, s := range []string{"jav&#x61;script:alert(1)", "java&Tab;script:x", "java%73cript:x", "/stages/buy/", "https://x.example/", "data:x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, dest string) {
		msg := unsafeLinkMessage(dest)
		if scheme := revealedScheme(html.UnescapeString(dest)); (scheme == "javascript" || scheme == "data") && msg == "" {
			t.Errorf("%q (a %s: link) is let through", dest, scheme)
		}
	})
}
