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
	b = appendJSONArrayOptional(b, "profile", p.Profile, func(b []byte, f jsonField) []byte {
		b = append(b, `{"key":`...)
		b = appendJSONString(b, f.Key)
		b = appendJSONField(b, "value", f.Value)
		return append(b, '}')
	})
	b = append(b, `,"emotion":`...)
	b = p.Emotion.append(b)
	b = append(b, `,"stages":`...)
	b = appendJSONArray(b, p.Stages, func(b []byte, r jsonRollup) []byte {
		b = append(b, `{"stage":`...)
		b = appendJSONString(b, r.Stage)
		b = append(b, `,"emotion":`...)
		b = r.Emotion.append(b)
		if r.Pains != 0 {
			b = append(b, `,"pains":`...)
			b = strconv.AppendInt(b, int64(r.Pains), 10)
		}
		return append(b, '}')
	})
	b = append(b, `,"steps":`...)
	b = appendJSONArray(b, p.Steps, func(b []byte, s jsonStep) []byte { return s.append(b) })
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
	b = appendJSONArrayOptional(b, "pains", s.Pains, func(b []byte, m jsonMention) []byte {
		b = append(b, `{"pain":`...)
		b = appendJSONString(b, m.Pain)
		b = appendJSONField(b, "severity", m.Severity)
		b = appendJSONOptional(b, "text", m.Text)
		b = appendJSONOptional(b, "id", m.ID)
		return append(b, '}')
	})
	b = appendJSONArrayOptional(b, "opportunities", s.Opportunities, func(b []byte, o jsonOpportunity) []byte {
		b = append(b, `{"text":`...)
		b = appendJSONString(b, o.Text)
		b = appendJSONField(b, "impact", o.Impact)
		return append(b, '}')
	})
	b = appendJSONArrayOptional(b, "evidence", s.Evidence, func(b []byte, e jsonEvidence) []byte {
		b = append(b, `{"text":`...)
		b = appendJSONString(b, e.Text)
		b = appendJSONOptional(b, "url", e.URL)
		return append(b, '}')
	})
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
	b = appendJSONArray(b, p.Steps, appendJSONInts)
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

// appendJSONName appends `,"name":`.
func appendJSONName(b []byte, name string) []byte {
	b = append(b, ',', '"')
	b = append(b, name...)
	return append(b, '"', ':')
}

// appendJSONField appends `,"name":` and s.
func appendJSONField(b []byte, name, s string) []byte {
	return appendJSONString(appendJSONName(b, name), s)
}

// appendJSONOptional appends a string field tagged omitempty.
func appendJSONOptional(b []byte, name, s string) []byte {
	if s == "" {
		return b
	}
	return appendJSONField(b, name, s)
}

// appendJSONArray appends items as an array, each written by each, or
// null when items is nil, as encoding/json writes a slice.
func appendJSONArray[T any](b []byte, items []T, each func([]byte, T) []byte) []byte {
	if items == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, it := range items {
		if i > 0 {
			b = append(b, ',')
		}
		b = each(b, it)
	}
	return append(b, ']')
}

// appendJSONArrayOptional appends a slice field tagged omitempty.
func appendJSONArrayOptional[T any](b []byte, name string, items []T, each func([]byte, T) []byte) []byte {
	if len(items) == 0 {
		return b
	}
	return appendJSONArray(appendJSONName(b, name), items, each)
}

// appendJSONStringsOptional appends a []string field tagged omitempty.
func appendJSONStringsOptional(b []byte, name string, ss []string) []byte {
	return appendJSONArrayOptional(b, name, ss, appendJSONString)
}

// appendJSONStrings appends ss as an array, or null when ss is nil.
func appendJSONStrings(b []byte, ss []string) []byte {
	return appendJSONArray(b, ss, appendJSONString)
}

// appendJSONInts appends ns as an array, or null when ns is nil.
func appendJSONInts(b []byte, ns []int) []byte {
	return appendJSONArray(b, ns, func(b []byte, n int) []byte { return strconv.AppendInt(b, int64(n), 10) })
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
