package content

import (
	"html"
	"net/url"
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

// TestEscapedLinksPublishedComposed checks that a link written with
// percent-escapes is checked and published under the same path: an escaped
// decomposed id is rewritten to the composed one pages sit under, and an
// escaped dot segment is resolved as a browser does.
func TestEscapedLinksPublishedComposed(t *testing.T) {
	nfdEscaped := url.PathEscape(norm.NFD.String("йота"))
	tests := []struct {
		dest, target, href string
	}{
		{"/touchpoints/" + nfdEscaped + "/", "touchpoints/йота", `href="../../touchpoints/%D0%B9%D0%BE%D1%82%D0%B0/"`},
		{"../" + nfdEscaped + "/#top", "personas/йота", `href="../%D0%B9%D0%BE%D1%82%D0%B0/#top"`},
		{"/personas/%2e%2e/stages/x/", "stages/x", `href="../../personas/%2e%2e/stages/x/"`},
		{"../%2E%2E/stages/x/", "stages/x", `href="../%2E%2E/stages/x/"`},
	}
	md := NewMarkdown(false)
	for _, tt := range tests {
		html, links, warns, err := md.Convert([]byte("[a]("+tt.dest+")\n"), "personas/x/", 1)
		if err != nil || len(warns) > 0 || len(links) != 1 {
			t.Fatal(tt.dest, err, warns, links)
		}
		if links[0].Target != tt.target {
			t.Errorf("%s: target %q, want %q", tt.dest, links[0].Target, tt.target)
		}
		if !strings.Contains(string(html), tt.href) {
			t.Errorf("%s: published %s, want %s", tt.dest, html, tt.href)
		}
	}
}
