package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ErrUnsafeDir is returned, wrapped, when Write refuses a publish directory
// because emptying it could destroy files that are not build output.
var ErrUnsafeDir = errors.New("unsafe publish directory")

// guardDir resolves dir to an absolute, clean path with symlinks evaluated
// and refuses it if it is "/", the home directory or one of its ancestors, or
// equal to or an ancestor of a protected directory.
func guardDir(dir string, protected []string) (string, error) {
	if dir == "" {
		return "", fmt.Errorf("publish: empty publish directory: %w", ErrUnsafeDir)
	}
	root, err := resolve(dir)
	if err != nil {
		return "", fmt.Errorf("publish: %w", err)
	}
	if filepath.Dir(root) == root {
		return "", fmt.Errorf("publish: refusing %s: it is the file-system root: %w", dir, ErrUnsafeDir)
	}
	if home, err := os.UserHomeDir(); err == nil && home != "" {
		h, err := resolve(home)
		if err != nil {
			return "", fmt.Errorf("publish: home directory: %w", err)
		}
		if contains(root, h) {
			return "", fmt.Errorf("publish: refusing %s: it is or contains the home directory %s: %w", dir, h, ErrUnsafeDir)
		}
	}
	for _, p := range protected {
		rp, err := resolve(p)
		if err != nil {
			return "", fmt.Errorf("publish: protected directory: %w", err)
		}
		if contains(root, rp) {
			return "", fmt.Errorf("publish: refusing %s: it is or contains %s, which must not be emptied; choose another publishDir: %w", dir, p, ErrUnsafeDir)
		}
	}
	return root, nil
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
