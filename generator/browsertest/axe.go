package browsertest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
)

// Violation is one axe-core rule a page breaks.
type Violation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"` // target selector and failure summary of each node
}

func (v Violation) String() string {
	return fmt.Sprintf("%s (%s): %s\n    %s", v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n    "))
}

// ErrNoAxe is returned when no copy of axe-core is found.
var ErrNoAxe = errors.New("axe-core not found: set AXE_JS to axe.min.js or run `npm install axe-core`")

var axeSource struct {
	sync.Once
	src string
	err error
}

// axePaths lists where axe.min.js is looked for: $AXE_JS, node_modules in
// the working folder and its parents, and the folder CI installs it into.
func axePaths() []string {
	var paths []string
	if p := os.Getenv("AXE_JS"); p != "" {
		paths = append(paths, p)
	}
	if dir, err := os.Getwd(); err == nil {
		for {
			paths = append(paths, filepath.Join(dir, "node_modules", "axe-core", "axe.min.js"))
			parent := filepath.Dir(dir)
			if parent == dir {
				break
			}
			dir = parent
		}
	}
	if home, err := os.UserHomeDir(); err == nil {
		paths = append(paths, filepath.Join(home, ".cache", "cxatlas-ci", "axe", "node_modules", "axe-core", "axe.min.js"))
	}
	return paths
}

func loadAxe() (string, error) {
	axeSource.Do(func() {
		axeSource.err = ErrNoAxe
		for _, p := range axePaths() {
			if b, err := os.ReadFile(p); err == nil {
				axeSource.src, axeSource.err = string(b), nil
				return
			}
		}
	})
	return axeSource.src, axeSource.err
}

// NeedAxe skips tb outside CI when axe-core is not installed, and fails it
// in CI.
func NeedAxe(tb testing.TB) {
	tb.Helper()
	if _, err := loadAxe(); err != nil {
		if os.Getenv("CI") != "" {
			tb.Fatal(err)
		}
		tb.Skip(err)
	}
}

// Axe injects axe-core into the page of ctx and returns the violations of
// the rules with the given tags (such as "wcag2a", "wcag21aa").
func Axe(ctx context.Context, tags ...string) ([]Violation, error) {
	src, err := loadAxe()
	if err != nil {
		return nil, err
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](src)); err != nil {
		return nil, fmt.Errorf("inject axe-core: %w", err)
	}
	list := `["` + strings.Join(tags, `","`) + `"]`
	run := `axe.run(document, {runOnly: {type: "tag", values: ` + list + `}, resultTypes: ["violations"]})
  .then(r => r.violations.map(v => ({id: v.id, impact: v.impact || "", help: v.help,
    nodes: v.nodes.map(n => n.target.join(" ") + ": " + (n.failureSummary || "").replace(/\s+/g, " "))})))`
	out, err := chromedp.Run(ctx, chromedp.Evaluate[[]Violation](run, chromedp.EvalAwaitPromise))
	if err != nil {
		return nil, fmt.Errorf("run axe-core: %w", err)
	}
	return out, nil
}
