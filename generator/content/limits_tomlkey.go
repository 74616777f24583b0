package content

// Keys and table headers for the TOML pre-scan of limits_toml.go.

// keyValue reads "key =" where a key may start, in a table whose key path
// is prefix bytes long and which has read *keys keys so far.
func (s *tomlLimits) keyValue(prefix int, keys *int) *LimitError {
	pos := s.pos()
	_, n, parts, err := s.key()
	if err != nil || parts == 0 {
		return err
	}
	s.skipSpace()
	if s.peek() != '=' {
		return nil
	}
	s.adv()
	if prefix > 0 {
		n += prefix + 1
	}
	if n > MaxKeyLen {
		return keyLenError(pos, n)
	}
	s.pathLen, s.keyParts = n, parts
	*keys++
	s.values++
	if *keys > MaxTableKeys {
		return tableError(pos)
	}
	if s.values > MaxValues {
		return valuesError(pos)
	}
	return nil
}

// key reads a key, dotted or not, returning its name (quotes left out,
// escapes kept), length and number of parts, 0 when there is no key at
// s.i.
func (s *tomlLimits) key() (name []byte, n, parts int, err *LimitError) {
	pos := s.pos()
	name = s.name[:0]
	defer func() { s.name = name[:0] }()
	for parts = 1; ; parts++ {
		if parts > MaxKeyParts {
			return nil, 0, 0, keyPartsError(pos)
		}
		s.skipSpace()
		start := s.i
		switch q := s.peek(); q {
		case '"', '\'':
			s.adv()
			for s.i < len(s.src) && s.src[s.i] != q && s.src[s.i] != '\n' {
				if s.src[s.i] == '\\' && q == '"' && s.i+1 < len(s.src) && s.src[s.i+1] != '\n' {
					s.adv()
				}
				s.adv()
			}
			if s.peek() != q {
				return nil, 0, 0, nil
			}
			s.adv()
			n += s.i - start - 2
			if n <= MaxKeyLen {
				name = append(name, s.src[start+1:s.i-1]...)
			}
		default:
			for s.i < len(s.src) && isBareKeyByte(s.src[s.i]) {
				s.adv()
			}
			if s.i == start {
				return nil, 0, 0, nil
			}
			n += s.i - start
			if n <= MaxKeyLen {
				name = append(name, s.src[start:s.i]...)
			}
		}
		if n > MaxKeyLen {
			return nil, 0, 0, keyLenError(pos, n)
		}
		s.skipSpace()
		if s.peek() != '.' {
			return name, n, parts, nil
		}
		s.adv()
		name = append(name, '.')
		n++
	}
}

// header reads a table header, [name] or [[name]].
func (s *tomlLimits) header() *LimitError {
	pos := s.pos()
	s.adv()
	array := s.peek() == '['
	if array {
		s.adv()
	}
	name, n, parts, err := s.key()
	if err != nil || parts == 0 {
		return err
	}
	s.keys, s.nameLen, s.pathLen, s.sectionDepth = 0, n, n, parts
	if array {
		s.sectionDepth++ // the array and its table
	}
	s.values++
	if s.values > MaxValues {
		return valuesError(pos)
	}
	if array {
		n := count(s.aot, name)
		if n > MaxListLen {
			return listError(pos)
		}
		if n > 1 {
			return nil
		}
	}
	if count(s.children, name[:max(0, lastDot(name))]) > MaxTableKeys {
		return tableError(pos)
	}
	return nil
}

// count adds one to the count of name in m and returns it. Only a new name
// costs an allocation: the same header comes back thousands of times.
func count(m map[string]*int, name []byte) int {
	n := m[string(name)]
	if n == nil {
		n = new(int)
		m[string(name)] = n
	}
	*n++
	return *n
}

func lastDot(name []byte) int {
	for i := len(name) - 1; i >= 0; i-- {
		if name[i] == '.' {
			return i
		}
	}
	return -1
}

// looksLikeHeader reports whether the line at s.i, inside an array, is a
// table header such as [name] or [[name]]: it cannot be an element, so
// the array was never closed.
func (s *tomlLimits) looksLikeHeader() bool {
	rest := s.src[s.i:]
	if end := indexNewline(rest); end >= 0 {
		rest = rest[:end]
	}
	i := 1
	if len(rest) > 1 && rest[1] == '[' {
		i = 2
	}
	start := i
	for i < len(rest) && (isBareKeyByte(rest[i]) || rest[i] == '.') {
		i++
	}
	word := string(rest[start:i])
	if word == "" || i >= len(rest) || rest[i] != ']' {
		return false
	}
	c := word[0]
	letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
	return letter && word != "true" && word != "false" && word != "inf" && word != "nan"
}

func indexNewline(b []byte) int {
	for i, c := range b {
		if c == '\n' {
			return i
		}
	}
	return -1
}
