package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
	"runtime"
	"strings"
)

// ErrUnsafeDir is returned, wrapped, when Write refuses a publish directory
// because emptying it could destroy files that are not build output.
var ErrUnsafeDir = errors.New("unsafe publish directory")

// DirError is a publish directory that Write refuses: which one, why, and
// what to do instead. It wraps ErrUnsafeDir.
type DirError struct {
	// Dir is the publish directory as it was given.
	Dir string
	// Reason says which rule it breaks, such as "it is the home folder".
	Reason string
	// Advice says what to do instead.
	Advice string
}

func (e *DirError) Error() string {
	return fmt.Sprintf("publish: refusing %s: %s; %s", e.Dir, e.Reason, e.Advice)
}

// Unwrap returns ErrUnsafeDir.
func (e *DirError) Unwrap() error { return ErrUnsafeDir }

// adviceElsewhere is the advice for a folder that can never hold a portal.
const adviceElsewhere = "choose a folder of its own for the portal, such as public inside the site folder"

// Guard reports whether Write would refuse to publish files to dir with
// opts, reading the directory but writing and locking nothing, and returns
// the directory as Write would use it: absolute and clean, with symlinks
// evaluated. A refusal is a *DirError.
func Guard(dir string, files []File, opts Options) (string, error) {
	root, err := guardDir(dir, opts)
	if err != nil {
		return "", err
	}
	return root, guardContents(dir, root, files, opts)
}

// guardDir resolves dir to an absolute, clean path with symlinks evaluated
// and refuses it if it is the file-system root, a home folder or one of its
// ancestors, equal to or an ancestor of a protected directory, or outside
// opts.Inside when that is set. It reads nothing inside dir.
func guardDir(dir string, opts Options) (string, error) {
	if dir == "" {
		return "", &DirError{Dir: `""`, Reason: "the publish folder is empty", Advice: "name a folder"}
	}
	root, err := resolve(dir)
	if err != nil {
		return "", fmt.Errorf("publish: %w", err)
	}
	if filepath.Dir(root) == root {
		return "", &DirError{Dir: dir, Reason: "it is the file-system root", Advice: adviceElsewhere}
	}
	if reason := homeHeld(root); reason != "" {
		return "", &DirError{Dir: dir, Reason: reason, Advice: adviceElsewhere}
	}
	for _, p := range opts.Protected {
		rp, err := resolve(p)
		if err != nil {
			return "", fmt.Errorf("publish: protected directory: %w", err)
		}
		if contains(root, rp) {
			return "", &DirError{Dir: dir, Reason: "it is or contains " + p + ", which must never be emptied", Advice: adviceElsewhere}
		}
	}
	if opts.Inside != "" {
		in, err := resolve(opts.Inside)
		if err != nil {
			return "", fmt.Errorf("publish: %w", err)
		}
		if !contains(in, root) {
			return "", &DirError{Dir: dir, Reason: "it is outside the site folder " + in,
				Advice: "choose a folder inside the site, or name this one on the command line (cxatlas build -d) to publish there"}
		}
	}
	return root, nil
}

// homeHeld says which home folder root is or contains, or "" when none.
// The homes are the current user's, from $HOME and from the user database
// (so an unset or wrong $HOME changes nothing), and, by convention, /root
// and every folder directly in /home (Linux) or /Users (macOS), whoever
// owns it.
func homeHeld(root string) string {
	var homes []string
	if h, err := os.UserHomeDir(); err == nil && h != "" {
		homes = append(homes, h)
	}
	if u, err := user.Current(); err == nil && u.HomeDir != "" {
		homes = append(homes, u.HomeDir)
	}
	if runtime.GOOS != "windows" {
		homes = append(homes, "/root")
		for _, parent := range []string{"/home", "/Users"} {
			rp, err := resolve(parent)
			switch {
			case err != nil:
			case contains(root, rp):
				return "it is or contains " + parent + ", the folder of the users' home folders"
			case filepath.Dir(root) == rp:
				return "it is the home folder of a user, in " + parent
			}
		}
	}
	for _, h := range homes {
		if rh, err := resolve(h); err == nil && contains(root, rh) {
			return "it is or contains the home folder " + h
		}
	}
	return ""
}

// contains reports whether p is dir or lies below it. Both are clean and
// absolute.
func contains(dir, p string) bool {
	if p == dir {
		return true
	}
	return strings.HasPrefix(p, strings.TrimSuffix(dir, string(filepath.Separator))+string(filepath.Separator))
}

// resolve makes p absolute and clean and evaluates the symlinks of its
// longest existing prefix; the parts that do not exist yet are kept as
// written.
func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var rest []string
	for {
		real, err := filepath.EvalSymlinks(abs)
		if err == nil {
			return filepath.Join(append([]string{real}, rest...)...), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return "", err
		}
		rest = append([]string{filepath.Base(abs)}, rest...)
		abs = parent
	}
}
