package render

import (
	"testing"

	"github.com/cxatlas/cxatlas/generator/i18n"
)

func TestInlineMessages(t *testing.T) {
	cat, err := i18n.Parse("en", `plain = "Tom's <b> & \"quote\""
link_html = "<a href=\"{url}\">x</a>"
braces = "a {{b}} c"`)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, src, want string }{
		{"plain text is escaped", `<p>{{T "plain"}}</p>`, `<p>Tom&#39;s &lt;b&gt; &amp; &#34;quote&#34;</p>`},
		{"in an attribute", `<p title="{{T "plain"}}">`, `<p title="Tom&#39;s &lt;b&gt; &amp; &#34;quote&#34;">`},
		{"in a single-quoted attribute", `<p title='{{T "plain"}}'>`, `<p title='Tom&#39;s &lt;b&gt; &amp; &#34;quote&#34;'>`},
		{"html kept, placeholders stay", `{{T "link_html"}}`, `<a href="{url}">x</a>`},
		{"delimiters are text", `{{T "braces"}}`, `a {{"{{"}}b}} c`},
		{"call with arguments stays", `{{T "link_html" "url" .U}}`, `{{T "link_html" "url" .U}}`},
		{"unknown key stays", `{{T "nope"}}`, `{{T "nope"}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(inlineMessages([]byte(tt.src), cat)); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}
