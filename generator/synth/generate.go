package synth

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
)

// Generate writes the portal spec describes to dir, in the content format:
// config.toml and content/ with its stages, touchpoints, personas and
// _index.md. dir may exist, but must not hold a content folder yet.
func Generate(dir string, spec Spec) error {
	return generate(dir, spec, writePortalConfig)
}

// GenerateHugo writes the same portal as Generate, file for file and body
// for body, as a Hugo site with a minimal theme: Hugo's config.toml,
// layouts/ and the same content/. Hugo keeps the portal's own front-matter
// keys as page parameters.
func GenerateHugo(dir string, spec Spec) error {
	return generate(dir, spec, writeHugoSite)
}

func generate(dir string, spec Spec, site func(dir string, p *plan) error) error {
	if err := spec.Validate(); err != nil {
		return err
	}
	content := filepath.Join(dir, "content")
	if _, err := os.Stat(content); err == nil {
		return fmt.Errorf("%s already exists; remove it or choose another directory", content)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	for _, sub := range []string{"stages", "touchpoints", "personas"} {
		if err := os.MkdirAll(filepath.Join(content, sub), 0o755); err != nil {
			return err
		}
	}
	p := newPlan(spec)
	if err := site(dir, p); err != nil {
		return err
	}
	return p.writeContent(content)
}

// writeContent writes every content file, spread over all cores. Each file
// draws from its own random source, so the order does not matter.
func (p *plan) writeContent(dir string) error {
	n := p.spec.Files()
	var (
		next   atomic.Int64
		failed atomic.Bool
		mu     sync.Mutex
		first  error
		wg     sync.WaitGroup
	)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			pg := &page{b: make([]byte, 0, 64<<10)}
			for !failed.Load() {
				j := int(next.Add(1)) - 1
				if j >= n {
					return
				}
				pg.b = pg.b[:0]
				name := p.writeFile(pg, j)
				if err := os.WriteFile(filepath.Join(dir, name), pg.b, 0o644); err != nil {
					mu.Lock()
					if first == nil {
						first = err
					}
					mu.Unlock()
					failed.Store(true)
				}
			}
		})
	}
	wg.Wait()
	return first
}

// writeFile writes content file j into pg and returns its path in the
// content folder. Personas come first: they are the largest files, and
// starting with them spreads the work evenly.
func (p *plan) writeFile(pg *page, j int) string {
	if j < len(p.personas) {
		p.writePersona(pg, j)
		return filepath.Join("personas", p.personas[j].id+".md")
	}
	j -= len(p.personas)
	if j < len(p.touchpoints) {
		p.writeTouchpoint(pg, j)
		return filepath.Join("touchpoints", p.touchpoints[j].id+".md")
	}
	j -= len(p.touchpoints)
	if j < len(p.stages) {
		p.writeStage(pg, j)
		return filepath.Join("stages", p.stages[j].id+".md")
	}
	p.writeHome(pg)
	return "_index.md"
}

func (p *plan) writeStage(pg *page, i int) {
	g := newRNG(p.spec.Seed, streamStage, i)
	st := p.stages[i]
	pg.line("+++")
	pg.str("title", st.title)
	pg.num("order", st.order)
	pg.str("goal", st.words.goal)
	pg.strs("questions", st.words.questions)
	pg.strs("kpis", st.words.kpis)
	pg.line("+++")
	pg.blank()
	p.stageBody(pg, g, st)
}

func (p *plan) writeTouchpoint(pg *page, i int) {
	g := newRNG(p.spec.Seed, streamTouchpoint, i)
	tp := p.touchpoints[i]
	w := tp.words
	pg.line("+++")
	pg.str("title", tp.title)
	pg.str("channel", w.channel)
	pg.str("mode", w.mode)
	if !w.managed {
		pg.line("managed = false")
	} else if g.chance(0.3) {
		pg.line("managed = true")
	}
	if g.chance(0.9) {
		pg.str("owner", w.owner)
	}
	ids := make([]string, len(tp.stages))
	for k, s := range tp.stages {
		ids[k] = p.stages[s].id
	}
	pg.strs("stages", ids)
	pg.strs("kpis", g.sample(p.v.kpis, g.between(1, 2)))
	pg.line("+++")
	pg.blank()
	p.touchpointBody(pg, g, tp)
}

func (p *plan) writeHome(pg *page) {
	g := newRNG(p.spec.Seed, streamHome, 0)
	pg.line("+++")
	pg.str("title", p.v.company+" customer journeys")
	pg.line("+++")
	pg.blank()
	p.homeBody(pg, g)
}

// title is the portal's name in its configuration.
func (p *plan) title() string {
	t := p.v.company + " customer journeys (synthetic"
	if p.spec.Name != "" {
		t += ", " + p.spec.Name
	}
	return t + ")"
}

func writePortalConfig(dir string, p *plan) error {
	pg := &page{}
	pg.str("title", p.title())
	pg.str("baseURL", "https://cx.example.com/")
	pg.str("language", "en")
	pg.str("editURL", "https://git.example.com/cx/portal/edit/main/")
	pg.line("minify = true")
	pg.blank()
	pg.line("[emotion]")
	pg.line("min = -2")
	pg.line("max = 2")
	return os.WriteFile(filepath.Join(dir, "config.toml"), pg.b, 0o644)
}
