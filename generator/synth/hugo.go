package synth

import (
	"os"
	"path/filepath"
)

// The Hugo site is the fair baseline of a minimal theme: every page shows
// its title and rendered body, section pages list their pages, and the home
// page lists the sections. Taxonomies (the content has none) and RSS feeds
// are switched off, so Hugo does no work cxatlas does not do; goldmark runs
// with the extensions cxatlas enables and nothing more.

const hugoConfig = `disableKinds = ["taxonomy", "term", "RSS"]
enableRobotsTXT = false

[markup.goldmark.extensions]
definitionList = false
footnote = false
linkify = true
strikethrough = true
table = true
taskList = true
typographer = false
`

const hugoBaseof = `<!DOCTYPE html>
<html lang="{{ .Site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ .Site.Title }}</title>
</head>
<body>
<header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></header>
<main>
{{ block "main" . }}{{ end }}
</main>
</body>
</html>
`

const hugoSingle = `{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
{{ .Content }}
</article>
{{ end }}
`

const hugoList = `{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul>
{{ end }}
`

const hugoIndex = `{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>
{{ range .Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> ({{ len .Pages }})</li>
{{ end }}</ul>
{{ end }}
`

func writeHugoSite(dir string, p *plan) error {
	pg := &page{}
	pg.str("baseURL", "https://cx.example.com/")
	pg.str("languageCode", "en")
	pg.str("title", p.title())
	pg.raw(hugoConfig)
	files := []struct{ name, text string }{
		{"config.toml", string(pg.b)},
		{"layouts/_default/baseof.html", hugoBaseof},
		{"layouts/_default/single.html", hugoSingle},
		{"layouts/_default/list.html", hugoList},
		{"layouts/index.html", hugoIndex},
	}
	for _, f := range files {
		path := filepath.Join(dir, filepath.FromSlash(f.name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, []byte(f.text), 0o644); err != nil {
			return err
		}
	}
	return nil
}
