package render

import (
	"net/url"
	"strings"

	"github.com/cxatlas/cxatlas/generator/site"
)

// File paths of the detail pages use the raw id (ids are letters, digits,
// "-" and "_", in any script); links percent-encode it.
func personaPath(id string) string    { return "personas/" + id + "/" }
func stagePath(id string) string      { return "stages/" + id + "/" }
func touchpointPath(id string) string { return "touchpoints/" + id + "/" }

// rootOf returns the relative path from the folder of the page at path
// back to the publish folder: "" for "index.html", "../../" for
// "personas/family/index.html".
func rootOf(path string) string {
	return strings.Repeat("../", strings.Count(path, "/"))
}

// links builds the hrefs of one page, all relative to it, so a portal works
// from any sub-path of any host.
type links struct {
	root string
	// d holds the per-site lookups: where each pain's row is, each
	// owner's key.
	d *derived
}

// Root is the path back to the publish folder.
func (l links) Root() string { return l.root }

// Home links to the home page.
func (l links) Home() string {
	if l.root == "" {
		return "./"
	}
	return l.root
}

// To links to a folder or file given from the publish folder, such as
// "personas/" or "static/cxatlas.css".
func (l links) To(path string) string { return l.root + path }

// Persona links to a persona's page.
func (l links) Persona(p *site.Persona) string {
	return l.root + personaPath(url.PathEscape(p.ID))
}

// Step links to a step's column on its persona's page.
func (l links) Step(st *site.Step) string {
	return l.Persona(st.Persona) + "#" + url.PathEscape(st.Anchor)
}

// Stage links to a stage's page.
func (l links) Stage(st *site.Stage) string {
	return l.root + stagePath(url.PathEscape(st.ID))
}

// Touchpoint links to a touchpoint's page.
func (l links) Touchpoint(t *site.Touchpoint) string {
	return l.root + touchpointPath(url.PathEscape(t.ID))
}

// Pain links to a pain's row in the pain-point index, on the page that
// holds it.
func (l links) Pain(p *site.Pain) string {
	return l.root + l.d.painRef(p)
}

// PainPage links to page n of the pain-point index.
func (l links) PainPage(n int) string { return l.root + painPagePath(n) }

// PainDetail links to the page of a pain's mentions; only pains whose row
// in the index is summarised have one (see derived.painPaged).
func (l links) PainDetail(p *site.Pain) string {
	return l.root + painDetailPath(url.PathEscape(p.Key))
}

// Owner links to an owner's page, by the owner's name.
func (l links) Owner(name string) string {
	return l.root + ownerPath(l.d.ownerKey[name])
}

// OwnerPage links to owner o's page.
func (l links) OwnerPage(o *site.Owner) string { return l.root + ownerPath(o.Key) }

// The methods below write the same hrefs as the links methods into a
// markup, without building a string per link.

// detailURL writes the href of the detail page of id in section
// ("personas/", "stages/" or "touchpoints/").
func (m *markup) detailURL(l links, section, id string) {
	m.href(l.root)
	m.raw(section)
	m.urlPart(url.PathEscape(id))
	m.raw("/")
}

// personaURL writes the href of a persona's page.
func (m *markup) personaURL(l links, p *site.Persona) { m.detailURL(l, "personas/", p.ID) }

// stepURL writes the href of a step's column on its persona's page.
func (m *markup) stepURL(l links, st *site.Step) {
	m.personaURL(l, st.Persona)
	m.raw("#")
	m.urlPart(url.PathEscape(st.Anchor))
}

// stageURL writes the href of a stage's page.
func (m *markup) stageURL(l links, st *site.Stage) { m.detailURL(l, "stages/", st.ID) }

// touchpointURL writes the href of a touchpoint's page.
func (m *markup) touchpointURL(l links, t *site.Touchpoint) { m.detailURL(l, "touchpoints/", t.ID) }

// painURL writes the href of a pain's row in the pain-point index.
func (m *markup) painURL(l links, p *site.Pain) {
	m.href(l.root)
	m.urlPart(l.d.painRef(p))
}

// ownerURL writes the href of an owner's page.
func (m *markup) ownerURL(l links, name string) {
	m.href(l.root)
	m.raw("owners/")
	m.urlPart(l.d.ownerKey[name])
	m.raw("/")
}

// painDetailURL writes the href of the page of a pain's mentions.
func (m *markup) painDetailURL(l links, p *site.Pain) {
	m.href(l.root)
	m.raw("pains/")
	m.urlPart(url.PathEscape(p.Key))
	m.raw("/")
}

// PortalLinks gives the links of the pages of one site from the publish
// folder ("personas/family/#step-3", "pains/page/2/#pain-1a2b3c4d"), for
// files other than pages that point into them, such as the search index.
type PortalLinks struct{ l links }

// PortalLinks returns the links of the pages of s from the publish folder.
func (r *Renderer) PortalLinks(s *site.Site) PortalLinks {
	return PortalLinks{links{d: r.derive(s)}}
}

// Persona links to a persona's page.
func (p PortalLinks) Persona(per *site.Persona) string { return p.l.Persona(per) }

// Stage links to a stage's page.
func (p PortalLinks) Stage(st *site.Stage) string { return p.l.Stage(st) }

// Touchpoint links to a touchpoint's page.
func (p PortalLinks) Touchpoint(t *site.Touchpoint) string { return p.l.Touchpoint(t) }

// Step links to a step's column on its persona's map.
func (p PortalLinks) Step(st *site.Step) string { return p.l.Step(st) }

// Pain links to a pain's row in the pain-point index.
func (p PortalLinks) Pain(pain *site.Pain) string { return p.l.Pain(pain) }

// Owner links to an owner's section of the owners page.
func (p PortalLinks) Owner(name string) string { return p.l.Owner(name) }
