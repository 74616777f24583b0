package render

import (
	"bytes"
	"encoding/xml"
	"html"
	"io"
	"net/url"
	"time"

	"github.com/cxatlas/cxatlas/generator/site"
)

// writeChangesFeed writes changes/index.xml: the changes page as an Atom
// 1.0 feed, an entry per commit, newest first. Atom allows no relative
// links, so the feed links to the portal only when baseURL is set; its ids
// then are the URLs of the changes page and of each commit's heading, and
// without baseURL they are URNs made of commit hashes, which stay the same
// from build to build.
func writeChangesFeed(w io.Writer, s *site.Site, wd *words) error {
	h, cfg, cat := s.History, s.Config, wd.cat
	base := cfg.BaseURL
	c := common{Site: s, Config: cfg, words: wd, Link: links{root: base}}
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?>` + "\n" + `<feed xmlns="http://www.w3.org/2005/Atom">` + "\n")
	text := func(tag, v string) {
		b.WriteString("<" + tag + ">")
		xml.EscapeText(&b, []byte(v))
		b.WriteString("</" + tag + ">\n")
	}
	link := func(rel, href string) {
		b.WriteString(`<link rel="` + rel + `" href="`)
		xml.EscapeText(&b, []byte(href))
		b.WriteString(`"/>` + "\n")
	}
	text("title", cat.T("changes.title")+" · "+s.Title)
	id := "urn:cxatlas:changes"
	if h.Head != nil {
		id += ":" + h.Head.Hash
	}
	if len(h.Commits) > 0 {
		// The oldest commit of the content names the portal for good.
		id = "urn:cxatlas:changes:" + h.Commits[len(h.Commits)-1].Hash
	}
	if base != "" {
		id = base + "changes/"
		link("self", base+"changes/index.xml")
		link("alternate", base+"changes/")
	}
	text("id", id)
	updated := time.Unix(0, 0).UTC()
	if len(h.Changes) > 0 {
		updated = h.Changes[0].Commit.Date
	} else if h.Head != nil {
		updated = h.Head.Date
	}
	text("updated", updated.UTC().Format(time.RFC3339))
	b.WriteString("<author>")
	text("name", s.Title)
	b.WriteString("</author>\n")
	for _, ch := range h.Changes {
		cm := ch.Commit
		e := changeEntryOf(c, ch, base != "")
		b.WriteString("<entry>\n")
		text("title", cm.Subject)
		entryID := "urn:cxatlas:commit:" + cm.Hash
		if base != "" {
			entryID = base + "changes/#" + url.PathEscape(e.Anchor)
			link("alternate", entryID)
		}
		if cfg.CommitURL != "" {
			link("related", cfg.CommitURL+cm.Hash)
		}
		text("id", entryID)
		text("updated", cm.Date.UTC().Format(time.RFC3339))
		b.WriteString("<author>")
		text("name", cm.Author)
		b.WriteString("</author>\n")
		var body bytes.Buffer
		body.WriteString("<p>" + string(e.Meta) + "</p><ul>")
		for _, en := range e.Entities {
			body.WriteString("<li>" + string(en.Name) + " (" + html.EscapeString(en.Kind))
			if en.Status != "" {
				body.WriteString(", " + html.EscapeString(en.Status))
			}
			body.WriteString(")")
			if len(en.Items) > 0 {
				body.WriteString("<ul>")
				for _, it := range en.Items {
					body.WriteString("<li>" + string(it) + "</li>")
				}
				body.WriteString("</ul>")
			}
			body.WriteString("</li>")
		}
		body.WriteString("</ul>")
		if e.More != "" {
			body.WriteString("<p>" + html.EscapeString(e.More) + "</p>")
		}
		b.WriteString(`<content type="html">`)
		xml.EscapeText(&b, body.Bytes())
		b.WriteString("</content>\n</entry>\n")
	}
	b.WriteString("</feed>\n")
	_, err := w.Write(b.Bytes())
	return err
}
