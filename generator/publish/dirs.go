package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
)

// dirState is what a directory needed by the new build is, or will be, on
// disk.
type dirState uint8

const (
	// dirExists: a real directory is already there.
	dirExists dirState = iota
	// dirMissing: nothing is there; staging creates it.
	dirMissing
	// dirBlocked: the directory or one of its ancestors is a file or a
	// symlink of an older build; it can only be replaced when committing.
	dirBlocked
)

// dirPlan knows every directory the new build needs, below the root.
type dirPlan struct {
	root  string
	state map[string]dirState // by slash-separated path; "" is the root
	// created lists the directories staging made, parents first.
	created []string
}

// planDirs classifies the directories that files need. It looks at each
// with Lstat, so a symlinked directory is treated as something to replace
// and never written through.
func planDirs(root string, files []File) (*dirPlan, error) {
	p := &dirPlan{root: root, state: map[string]dirState{"": dirExists}}
	var dirs []string
	for _, f := range files {
		for d := parentOf(f.Path); d != ""; d = parentOf(d) {
			if _, ok := p.state[d]; ok {
				break
			}
			p.state[d] = dirExists // placeholder, set below
			dirs = append(dirs, d)
		}
	}
	// Sorting puts every directory after its parent.
	slices.Sort(dirs)
	for _, d := range dirs {
		if parent := p.state[parentOf(d)]; parent != dirExists {
			p.state[d] = parent
			continue
		}
		fi, err := os.Lstat(p.abs(d))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			p.state[d] = dirMissing
		case err != nil:
			return nil, fmt.Errorf("publish: %w", err)
		case fi.IsDir():
			p.state[d] = dirExists
		default:
			p.state[d] = dirBlocked
		}
	}
	return p, nil
}

// abs returns the file-system path of the slash-separated rel.
func (p *dirPlan) abs(rel string) string {
	return filepath.Join(p.root, filepath.FromSlash(rel))
}

// inState returns the needed directories in the given state, parents first.
func (p *dirPlan) inState(s dirState) []string {
	var out []string
	for d, st := range p.state {
		if st == s && d != "" {
			out = append(out, d)
		}
	}
	slices.Sort(out)
	return out
}

// createMissing makes the missing directories, remembering each so that
// removeCreated can undo it.
func (p *dirPlan) createMissing() error {
	for _, d := range p.inState(dirMissing) {
		if err := os.Mkdir(p.abs(d), 0o755); err != nil {
			return fmt.Errorf("publish: %w", err)
		}
		p.created = append(p.created, d)
	}
	return nil
}

// removeCreated removes the directories createMissing made, children
// first.
func (p *dirPlan) removeCreated() error {
	abs := make([]string, len(p.created))
	for i, d := range p.created {
		abs[i] = p.abs(d)
	}
	p.created = nil
	return removeDirs(abs)
}

// stageDir returns the directory, slash-separated, where the temporary file
// for a target in dir is staged: dir itself once it exists, or for a blocked
// dir its nearest ancestor that is a real directory.
func (p *dirPlan) stageDir(dir string) string {
	for p.state[dir] == dirBlocked {
		dir = parentOf(dir)
	}
	return dir
}
