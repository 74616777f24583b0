package config

import (
	"fmt"
	"net/url"
	"strings"
	"unicode"

	"github.com/cxatlas/cxatlas/generator/diag"
)

// ScaleLimit bounds the emotion scale: min and max lie within -ScaleLimit
// and ScaleLimit, so that charts and averages stay in range.
const ScaleLimit = 100

// checkScale reports an emotion scale that is out of bounds, inverted or
// wider than 100 steps.
func checkScale(s Scale, data []byte, diags *diag.List) {
	for _, b := range []struct {
		key string
		v   int
	}{{"min", s.Min}, {"max", s.Max}} {
		if b.v < -ScaleLimit || b.v > ScaleLimit {
			diags.Errorf(FileName, keyPos(data, "emotion", b.key), "emotion scale %s (%d) must be between -%d and %d", b.key, b.v, ScaleLimit, ScaleLimit).Hint =
				"use a small scale such as -2 to 2 or -5 to 5"
			return
		}
	}
	if s.Min >= s.Max {
		diags.Errorf(FileName, keyPos(data, "emotion", "min"), "emotion scale min (%d) must be below max (%d)", s.Min, s.Max)
	}
	if s.Max-s.Min > 100 {
		diags.Errorf(FileName, keyPos(data, "emotion", "max"), "emotion scale from %d to %d is too wide; use at most 100 steps", s.Min, s.Max)
	}
}

// checkText reports control characters in the settings that are shown to
// readers or put into links.
func checkText(cfg *Config, data []byte, diags *diag.List) {
	for _, kv := range [][2]string{{"title", cfg.Title}, {"language", cfg.Language}, {"theme", cfg.Theme}, {"baseURL", cfg.BaseURL}, {"editURL", cfg.EditURL}, {"commitURL", cfg.CommitURL}} {
		for i, r := range []rune(kv[1]) {
			if unicode.IsControl(r) {
				diags.Errorf(FileName, keyPos(data, "", kv[0]), "%s holds the control character %U at character %d", kv[0], r, i+1).Hint =
					"remove it"
				break
			}
		}
	}
}

// checkURLs requires baseURL (when set) and editURL (when set) to be full
// http or https addresses: baseURL makes the absolute links of sitemap.xml
// and 404.html, and a link with another scheme would run code or lead
// nowhere. An address holding a control character is left to checkText,
// which names the character.
func checkURLs(cfg *Config, data []byte, diags *diag.List) {
	if msg := webAddress(cfg.BaseURL, false); msg != "" {
		diags.Errorf(FileName, keyPos(data, "", "baseURL"), "baseURL %q %s", clip(cfg.BaseURL), msg).Hint =
			"write the full address the portal is published at, such as https://cx.example.com/journeys/, or leave baseURL out"
	}
	if msg := webAddress(cfg.CommitURL, true); msg != "" {
		diags.Errorf(FileName, keyPos(data, "", "commitURL"), "commitURL %q %s", clip(cfg.CommitURL), msg).Hint =
			"write the address commit hashes are added to, such as https://git.example.com/cx/portal/commit/, or leave commitURL out"
	}
	if msg := webAddress(cfg.EditURL, true); msg != "" {
		diags.Errorf(FileName, keyPos(data, "", "editURL"), "editURL %q %s", clip(cfg.EditURL), msg).Hint =
			"write the address the file paths are added to, such as https://git.example.com/cx/portal/edit/main/, or leave editURL out"
	}
}

// webAddress says what is wrong with raw as an http or https address, or
// returns "" when it is one, is empty, or holds a control character
// (checkText names that). A query is allowed only if withQuery is set.
func webAddress(raw string, withQuery bool) string {
	if raw == "" || strings.IndexFunc(raw, unicode.IsControl) >= 0 {
		return ""
	}
	u, err := url.Parse(raw)
	switch {
	case err != nil:
		return "is not a valid address"
	case u.Scheme == "":
		return "must be a full http or https address, not a relative one"
	case !strings.EqualFold(u.Scheme, "http") && !strings.EqualFold(u.Scheme, "https"):
		return fmt.Sprintf("must be an http or https address, not a %s: link", strings.ToLower(u.Scheme))
	case u.Host == "":
		return "has no host name"
	case u.Fragment != "" || strings.Contains(raw, "#"):
		return "must not hold a fragment (#...)"
	case u.RawQuery != "" && !withQuery:
		return "must not hold a query (?...)"
	}
	return ""
}

func clip(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}

// checkHistory checks the [history] table.
func checkHistory(h History, data []byte, diags *diag.List) {
	if h.Window < 1 || h.Window > 10000 {
		diags.Errorf(FileName, keyPos(data, "history", "window"), "history window must be a number of commits from 1 to 10000, not %d", h.Window)
	}
	if h.StaleDays < 0 {
		diags.Errorf(FileName, keyPos(data, "history", "staleDays"), "history staleDays must be a number of days, 0 or more")
	}
	b := strings.TrimSpace(h.Baseline)
	if _, ok := h.BaselineDays(); ok || b == "" {
		return
	}
	if strings.HasPrefix(b, "-") || strings.ContainsAny(b, " \t\n:") || strings.IndexFunc(b, unicode.IsControl) >= 0 {
		diags.Errorf(FileName, keyPos(data, "history", "baseline"), "history baseline %q is neither a git ref nor a duration", clip(b)).Hint =
			"write a tag, branch or commit (baseline = \"workshop-2026-09\"), or days or weeks back from the build (baseline = \"90d\")"
	}
}
