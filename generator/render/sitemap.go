package render

import (
	"encoding/xml"
	"io"
	"net/url"
	"strings"

	"github.com/cxatlas/cxatlas/generator/site"
)

// sitemapSet is the root element of sitemap.xml.
type sitemapSet struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc string `xml:"loc"`
}

// writeSitemap lists every HTML page but 404.html, by its pretty URL:
// absolute under Config.BaseURL when that is set, else relative to the
// publish folder.
func writeSitemap(w io.Writer, s *site.Site, pages []Page) error {
	base := ""
	if s.Config != nil {
		base = s.Config.BaseURL
	}
	set := sitemapSet{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	for _, p := range pages {
		if !strings.HasSuffix(p.Path, "index.html") {
			continue
		}
		loc := base + escapePath(strings.TrimSuffix(p.Path, "index.html"))
		if loc == "" {
			loc = "./"
		}
		set.URLs = append(set.URLs, sitemapURL{Loc: loc})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", " ")
	if err := enc.Encode(set); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// escapePath percent-encodes each segment of a slash-separated path.
func escapePath(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}
