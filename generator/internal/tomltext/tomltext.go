// Package tomltext writes text as TOML values, for the code that writes
// content files: the example generator and the importer.
package tomltext

// AppendQuoted appends s to b as a TOML basic string: quotes and
// backslashes escaped, line breaks and tabs as \n and \t, other control
// characters as \uXXXX.
func AppendQuoted(b []byte, s string) []byte {
	const hex = "0123456789ABCDEF"
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c == '\n':
			b = append(b, '\\', 'n')
		case c == '\t':
			b = append(b, '\\', 't')
		case c < 0x20 || c == 0x7f:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}

// Quoted returns s as a TOML basic string.
func Quoted(s string) string { return string(AppendQuoted(nil, s)) }
