// Package themes holds the default theme of cxatlas, embedded in the binary
// so that one self-contained executable can build a portal. A site's own
// theme folder overrides it file by file (see render.OpenTheme).
package themes

import "embed"

// Default is the embedded default theme: templates/*.html for the pages and
// static/ for the files copied to the portal as they are. Paths inside it
// start with "default/". The "all:" prefix keeps the layout templates,
// whose names start with "_".
//
//go:embed all:default
var Default embed.FS
