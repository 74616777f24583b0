// Package config reads a portal's config.toml and fills in the defaults.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/cxatlas/cxatlas/generator/diag"
)

// FileName is the name of the configuration file in a site directory.
const FileName = "config.toml"

// Config is a portal's configuration. Load fills in every default, so the
// fields can be used as they are.
type Config struct {
	// Title is the portal's name, shown in every page's header.
	Title string `toml:"title"`
	// BaseURL is where the portal is published, used only for sitemap.xml;
	// pages link to each other with relative links.
	BaseURL string `toml:"baseURL"`
	// Language is the BCP 47 tag of the content, for <html lang>.
	Language string `toml:"language"`
	// EditURL, when set, is the prefix of "edit this page" links: the path of
	// the source file relative to the site directory is appended to it.
	EditURL string `toml:"editURL"`
	// CommitURL, when set, is the prefix of links to commits: a commit's
	// full hash is appended to it.
	CommitURL string `toml:"commitURL"`
	// History says how much of the repository's history the portal shows.
	History History `toml:"history"`
	// Emotion is the scale of emotion scores.
	Emotion Scale `toml:"emotion"`
	// Minify says whether pages are minified.
	Minify bool `toml:"minify"`
	// Unsafe lets raw HTML in Markdown through. Off by default: raw HTML is
	// shown as text.
	Unsafe bool `toml:"unsafe"`
	// ContentDir is the content folder, relative to the site directory.
	ContentDir string `toml:"contentDir"`
	// PublishDir is the output folder, relative to the site directory
	// unless it is absolute. The build refuses one outside the site
	// directory: only a folder named on the command line may be.
	PublishDir string `toml:"publishDir"`
	// PublishDirAt is where config.toml sets publishDir; no position when
	// it does not.
	PublishDirAt diag.Pos `toml:"-"`
	// Theme is the name of a folder under themes/ that overrides the
	// embedded default theme file by file; "default" or empty uses the
	// embedded theme alone.
	Theme string `toml:"theme"`
	// StaleAfter is how many days after its review date a persona is
	// reported as stale.
	StaleAfter int `toml:"staleAfter"`
	// MaxFileSize is the largest content file, in bytes, that is read.
	MaxFileSize int64 `toml:"maxFileSize"`
}

// History is the [history] table: what the portal shows of the history of
// its content in git.
type History struct {
	// Baseline is what each map's earlier curve is drawn from: a git ref
	// (a tag such as "workshop-2026-09", a branch, a commit) or a duration
	// back from the build ("90d", "12w"); empty means the revision of each
	// map at its previous review date.
	Baseline string `toml:"baseline"`
	// Window is how many of the latest commits that change the content the
	// changes page and feed describe.
	Window int `toml:"window"`
	// StaleDays is how many days a map's content may change after its
	// review date before check warns that nobody reviewed the change.
	StaleDays int `toml:"staleDays"`
}

// BaselineDays returns the number of days of a duration baseline ("90d",
// "12w"), and false when the baseline is not a duration.
func (h History) BaselineDays() (int, bool) {
	s := strings.TrimSpace(h.Baseline)
	if len(s) < 2 {
		return 0, false
	}
	n, err := strconv.Atoi(s[:len(s)-1])
	if err != nil || n <= 0 || n > 100000 {
		return 0, false
	}
	switch s[len(s)-1] {
	case 'd':
		return n, true
	case 'w':
		return 7 * n, true
	}
	return 0, false
}

// Scale is the range of emotion scores, from the most negative to the most
// positive.
type Scale struct {
	Min int `toml:"min"`
	Max int `toml:"max"`
}

// Default returns the configuration used when config.toml is missing or
// leaves a field out.
func Default() *Config {
	return &Config{
		Title:       "Customer journeys",
		Language:    "en",
		Emotion:     Scale{Min: -2, Max: 2},
		Minify:      true,
		ContentDir:  "content",
		PublishDir:  "public",
		Theme:       "default",
		StaleAfter:  180,
		MaxFileSize: 5 << 20,
		History:     History{Window: 100, StaleDays: 30},
	}
}

// Load reads config.toml from siteDir. A missing file gives the defaults.
// Problems are reported as diagnostics with positions; the returned Config
// is usable whenever the list holds no errors.
func Load(siteDir string) (*Config, diag.List) {
	cfg := Default()
	var diags diag.List
	data, err := os.ReadFile(filepath.Join(siteDir, FileName))
	if errors.Is(err, fs.ErrNotExist) {
		return cfg, nil
	}
	if err != nil {
		diags.Errorf(FileName, diag.Pos{}, "cannot read the configuration: %v", err)
		return cfg, diags
	}
	diags = Parse(cfg, data)
	return cfg, diags
}

// Parse decodes the TOML in data over cfg and validates the result.
func Parse(cfg *Config, data []byte) diag.List {
	var diags diag.List
	md, err := toml.Decode(string(data), cfg)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			diags.Errorf(FileName, diag.Pos{Line: pe.Position.Line, Col: pe.Position.Col}, "malformed TOML: %s", pe.Message)
		} else if m := typeErrorRE.FindStringSubmatch(err.Error()); m != nil {
			line, _ := strconv.Atoi(m[1])
			diags.Errorf(FileName, diag.Pos{Line: line}, "%s must be %s, not %s", m[2], typeWords(m[4]), typeWords(m[3]))
		} else if m := tableErrorRE.FindStringSubmatch(err.Error()); m != nil {
			line, _ := strconv.Atoi(m[1])
			diags.Errorf(FileName, diag.Pos{Line: line}, "%s must be a table, not %s", m[2], typeWords(m[3]))
		} else {
			diags.Errorf(FileName, diag.Pos{}, "%v", strings.TrimPrefix(err.Error(), "toml: "))
		}
		return diags
	}
	for _, k := range md.Undecoded() {
		diags.Warnf(FileName, diag.Pos{}, "unknown setting %q is ignored", k.String())
	}
	at := func(key string) diag.Pos { return keyPos(data, "", key) }
	cfg.PublishDirAt = at("publishDir")
	checkScale(cfg.Emotion, data, &diags)
	checkText(cfg, data, &diags)
	checkURLs(cfg, data, &diags)
	if cfg.StaleAfter < 0 {
		diags.Errorf(FileName, at("staleAfter"), "staleAfter must be a number of days, 0 or more")
	}
	checkHistory(cfg.History, data, &diags)
	if cfg.MaxFileSize <= 0 {
		diags.Errorf(FileName, at("maxFileSize"), "maxFileSize must be a positive number of bytes")
	}
	for _, kv := range [][2]string{{"contentDir", cfg.ContentDir}, {"publishDir", cfg.PublishDir}} {
		if strings.TrimSpace(kv[1]) == "" {
			diags.Errorf(FileName, at(kv[0]), "%s must not be empty", kv[0])
		}
	}
	if cfg.Theme != "default" && cfg.Theme != "" && (strings.ContainsAny(cfg.Theme, `/\`) || cfg.Theme == ".." || cfg.Theme == ".") {
		diags.Errorf(FileName, at("theme"), "theme %q must be the name of a folder in themes/", cfg.Theme)
	}
	if cfg.BaseURL != "" && !strings.HasSuffix(cfg.BaseURL, "/") {
		cfg.BaseURL += "/"
	}
	return diags.Sort()
}

// keyPos returns the position of the first line of the configuration that
// sets key in table ("" for the top level): under the table's [header], or
// as "table.key" at the top level. No position when no line does.
func keyPos(data []byte, table, key string) diag.Pos {
	current := ""
	for i, line := range strings.Split(string(data), "\n") {
		trimmed := strings.TrimLeft(line, " \t")
		if header, ok := strings.CutPrefix(trimmed, "["); ok {
			header, _, _ = strings.Cut(header, "]")
			current = strings.TrimSpace(header)
			continue
		}
		name := key
		switch {
		case current == table:
		case current == "" && table != "":
			name = table + "." + key
		default:
			continue
		}
		if rest, ok := strings.CutPrefix(trimmed, name); ok && strings.HasPrefix(strings.TrimLeft(rest, " \t"), "=") {
			return diag.Pos{Line: i + 1, Col: len(line) - len(trimmed) + 1}
		}
	}
	return diag.Pos{}
}

// typeErrorRE and tableErrorRE match BurntSushi/toml's messages for a
// value of the wrong type, which have no structured form.
var (
	typeErrorRE  = regexp.MustCompile(`line (\d+) \(last key "([^"]+)"\): incompatible types: TOML value has type (\S+); destination has type (.+)$`)
	tableErrorRE = regexp.MustCompile(`line (\d+) \(last key "([^"]+)"\): type mismatch for \S+: expected table but found (\S+)$`)
)

// typeWords names in a writer's words the types in those messages: the
// value's, which BurntSushi/toml gives as a Go type, and the setting's,
// which it names in TOML's terms.
func typeWords(t string) string {
	switch t {
	case "string", "primitive (string-like)":
		return "text"
	case "bool", "boolean":
		return "true or false"
	case "int64", "integer":
		return "a whole number"
	case "float64", "float":
		return "a number"
	case "time.Time":
		return "a date"
	case "[]any", "slice":
		return "a list"
	case "map[string]any", "map":
		return "a table"
	case "[]map[string]any":
		return "a list of tables"
	}
	return t
}

// String describes the scale, e.g. "-2 to 2".
func (s Scale) String() string { return fmt.Sprintf("%d to %d", s.Min, s.Max) }
