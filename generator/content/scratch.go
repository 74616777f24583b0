package content

// scratch is what one loading goroutine reuses from one file to the next:
// the open folders and the read buffer, and the TOML fast path's parser
// with its node storage.
// Nothing decoded from a file may point into it: strings are copied out of
// the text (string conversions copy), and decoders keep positions, never
// nodes. Reusing both roughly halves what loading a portal allocates.
type scratch struct {
	dirs dirCache
	buf  []byte
	toml fastParser
}
