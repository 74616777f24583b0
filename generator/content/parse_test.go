package content

// The tests parse with a parser of their own each time.

// parseTOML decodes TOML front matter that starts on line firstLine of its
// file into a table node.
func parseTOML(src []byte, firstLine int) (*Node, error) {
	return parseTOMLWith(new(fastParser), src, firstLine)
}

// parseTOMLFast parses src, which starts on line firstLine of its file.
func parseTOMLFast(src []byte, firstLine int) (*Node, error) {
	return new(fastParser).parse(src, firstLine)
}
