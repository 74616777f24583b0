package render

import (
	"math"
	"strconv"
	"unicode/utf8"
)

// The append methods below encode the data.json structs the way
// encoding/json does, byte for byte (field order, omitempty, HTML-safe
// string escapes, float format), without its reflection: data.json holds
// the whole model, and encoding it by reflection costs more than building
// it.

func (s jsonScale) append(b []byte) []byte {
	b = append(b, `{"min":`...)
	b = strconv.AppendInt(b, int64(s.Min), 10)
	b = append(b, `,"max":`...)
	b = strconv.AppendInt(b, int64(s.Max), 10)
	return append(b, '}')
}

func (s jsonStat) append(b []byte) []byte {
	b = append(b, `{"n":`...)
	b = strconv.AppendInt(b, int64(s.N), 10)
	if s.Mean != nil {
		b = append(b, `,"mean":`...)
		b = appendJSONFloat(b, *s.Mean)
	}
	if s.Min != nil {
		b = append(b, `,"min":`...)
		b = strconv.AppendInt(b, int64(*s.Min), 10)
	}
	if s.Max != nil {
		b = append(b, `,"max":`...)
		b = strconv.AppendInt(b, int64(*s.Max), 10)
	}
	return append(b, '}')
}

func (p *jsonPersona) append(b []byte) []byte {
	b = append(b, `{"id":`...)
	b = appendJSONString(b, p.ID)
	b = appendJSONField(b, "title", p.Title)
	b = appendJSONField(b, "url", p.URL)
	b = appendJSONOptional(b, "source", p.Source)
	b = appendJSONOptional(b, "summary", p.Summary)
	b = appendJSONOptional(b, "quote", p.Quote)
	if p.Priority != 0 {
		b = append(b, `,"priority":`...)
		b = strconv.AppendInt(b, int64(p.Priority), 10)
	}
	b = appendJSONOptional(b, "reviewed", p.Reviewed)
	b = append(b, `,"stale":`...)
	b = strconv.AppendBool(b, p.Stale)
	b = appendJSONStringsOptional(b, "goals", p.Goals)
	b = appendJSONStringsOptional(b, "needs", p.Needs)
	b = appendJSONStringsOptional(b, "frustrations", p.Frustrations)
	b = appendJSONStringsOptional(b, "channels", p.Channels)
	if len(p.Profile) > 0 {
		b = append(b, `,"profile":[`...)
		for i, f := range p.Profile {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"key":`...)
			b = appendJSONString(b, f.Key)
			b = appendJSONField(b, "value", f.Value)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	b = append(b, `,"emotion":`...)
	b = p.Emotion.append(b)
	b = append(b, `,"stages":`...)
	if p.Stages == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, r := range p.Stages {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"stage":`...)
			b = appendJSONString(b, r.Stage)
			b = append(b, `,"emotion":`...)
			b = r.Emotion.append(b)
			if r.Pains != 0 {
				b = append(b, `,"pains":`...)
				b = strconv.AppendInt(b, int64(r.Pains), 10)
			}
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	b = append(b, `,"steps":`...)
	if p.Steps == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range p.Steps {
			if i > 0 {
				b = append(b, ',')
			}
			b = p.Steps[i].append(b)
		}
		b = append(b, ']')
	}
	if len(p.Critical) > 0 {
		b = append(b, `,"critical":`...)
		b = appendJSONInts(b, p.Critical)
	}
	return append(b, '}')
}

func (s *jsonStep) append(b []byte) []byte {
	b = append(b, `{"stage":`...)
	b = appendJSONString(b, s.Stage)
	b = appendJSONStringsOptional(b, "touchpoints", s.Touchpoints)
	b = appendJSONOptional(b, "action", s.Action)
	b = appendJSONOptional(b, "thought", s.Thought)
	b = appendJSONOptional(b, "feeling", s.Feeling)
	if s.Emotion != nil {
		b = append(b, `,"emotion":`...)
		b = strconv.AppendInt(b, int64(*s.Emotion), 10)
	}
	if s.Assumed {
		b = append(b, `,"assumed":true`...)
	}
	if s.Critical {
		b = append(b, `,"critical":true`...)
	}
	b = appendJSONOptional(b, "criticalReason", s.CriticalReason)
	if len(s.Pains) > 0 {
		b = append(b, `,"pains":[`...)
		for i, m := range s.Pains {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"pain":`...)
			b = appendJSONString(b, m.Pain)
			b = appendJSONField(b, "severity", m.Severity)
			b = appendJSONOptional(b, "text", m.Text)
			b = appendJSONOptional(b, "id", m.ID)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	if len(s.Opportunities) > 0 {
		b = append(b, `,"opportunities":[`...)
		for i, o := range s.Opportunities {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"text":`...)
			b = appendJSONString(b, o.Text)
			b = appendJSONField(b, "impact", o.Impact)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	if len(s.Evidence) > 0 {
		b = append(b, `,"evidence":[`...)
		for i, e := range s.Evidence {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"text":`...)
			b = appendJSONString(b, e.Text)
			b = appendJSONOptional(b, "url", e.URL)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	b = appendJSONOptional(b, "duration", s.Duration)
	b = appendJSONStringsOptional(b, "artifacts", s.Artifacts)
	if s.Line != 0 {
		b = append(b, `,"line":`...)
		b = strconv.AppendInt(b, int64(s.Line), 10)
	}
	return append(b, '}')
}

func (s *jsonStage) append(b []byte) []byte {
	b = append(b, `{"id":`...)
	b = appendJSONString(b, s.ID)
	b = appendJSONField(b, "title", s.Title)
	b = appendJSONField(b, "url", s.URL)
	b = appendJSONOptional(b, "source", s.Source)
	b = append(b, `,"order":`...)
	b = strconv.AppendInt(b, int64(s.Order), 10)
	b = appendJSONOptional(b, "goal", s.Goal)
	b = appendJSONStringsOptional(b, "questions", s.Questions)
	b = appendJSONStringsOptional(b, "kpis", s.KPIs)
	b = appendJSONStringsOptional(b, "touchpoints", s.Touchpoints)
	b = append(b, `,"emotion":`...)
	b = s.Emotion.append(b)
	return append(b, '}')
}

func (t *jsonTouchpoint) append(b []byte) []byte {
	b = append(b, `{"id":`...)
	b = appendJSONString(b, t.ID)
	b = appendJSONField(b, "title", t.Title)
	b = appendJSONField(b, "url", t.URL)
	b = appendJSONOptional(b, "source", t.Source)
	b = appendJSONOptional(b, "channel", t.Channel)
	b = appendJSONOptional(b, "mode", t.Mode)
	b = append(b, `,"managed":`...)
	b = strconv.AppendBool(b, t.Managed)
	b = appendJSONOptional(b, "owner", t.Owner)
	b = appendJSONStringsOptional(b, "declaredStages", t.DeclaredStages)
	b = appendJSONStringsOptional(b, "stages", t.Stages)
	b = appendJSONStringsOptional(b, "kpis", t.KPIs)
	b = append(b, `,"emotion":`...)
	b = t.Emotion.append(b)
	return append(b, '}')
}

func (p *jsonPain) append(b []byte) []byte {
	b = append(b, `{"key":`...)
	b = appendJSONString(b, p.Key)
	b = appendJSONOptional(b, "id", p.ID)
	b = appendJSONField(b, "text", p.Text)
	b = appendJSONField(b, "severity", p.Severity)
	b = appendJSONField(b, "url", p.URL)
	b = append(b, `,"personas":`...)
	b = appendJSONStrings(b, p.Personas)
	b = append(b, `,"steps":`...)
	if p.Steps == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, ns := range p.Steps {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONInts(b, ns)
		}
		b = append(b, ']')
	}
	b = appendJSONStringsOptional(b, "stages", p.Stages)
	b = appendJSONStringsOptional(b, "touchpoints", p.Touchpoints)
	b = appendJSONStringsOptional(b, "owners", p.Owners)
	return append(b, '}')
}

func (o *jsonOwner) append(b []byte) []byte {
	b = append(b, `{"name":`...)
	b = appendJSONString(b, o.Name)
	b = append(b, `,"touchpoints":`...)
	b = appendJSONStrings(b, o.Touchpoints)
	return append(b, '}')
}

// appendJSONField appends `,"name":` and s.
func appendJSONField(b []byte, name, s string) []byte {
	b = append(b, ',', '"')
	b = append(b, name...)
	b = append(b, '"', ':')
	return appendJSONString(b, s)
}

// appendJSONOptional appends a string field tagged omitempty.
func appendJSONOptional(b []byte, name, s string) []byte {
	if s == "" {
		return b
	}
	return appendJSONField(b, name, s)
}

// appendJSONStringsOptional appends a []string field tagged omitempty.
func appendJSONStringsOptional(b []byte, name string, ss []string) []byte {
	if len(ss) == 0 {
		return b
	}
	b = append(b, ',', '"')
	b = append(b, name...)
	b = append(b, '"', ':')
	return appendJSONStrings(b, ss)
}

// appendJSONStrings appends ss as an array, or null when ss is nil.
func appendJSONStrings(b []byte, ss []string) []byte {
	if ss == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, s)
	}
	return append(b, ']')
}

// appendJSONInts appends ns as an array, or null when ns is nil.
func appendJSONInts(b []byte, ns []int) []byte {
	if ns == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, n := range ns {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(n), 10)
	}
	return append(b, ']')
}

// appendJSONFloat appends f as encoding/json writes a float64: the
// shortest decimal form, in exponent form only for very small or large
// magnitudes. f must be finite.
func appendJSONFloat(b []byte, f float64) []byte {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// e-09 becomes e-9, as encoding/json writes it.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// appendJSONString appends s quoted as encoding/json quotes it with HTML
// escaping on: <, > and & as \u003c and so on, control characters
// escaped, invalid UTF-8 as \ufffd and U+2028 and U+2029 escaped. The
// HTML escapes keep any host that guesses a file's type from taking
// data.json for HTML.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if jsonSafe[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// jsonSafe marks the ASCII bytes appendJSONString copies as they are.
var jsonSafe = func() (t [utf8.RuneSelf]bool) {
	for c := ' '; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()
