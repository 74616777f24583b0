package publish

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// DefaultLockWait is how long Write waits, unless told otherwise, for
// another write to the same publish directory to finish.
const DefaultLockWait = 5 * time.Second

// lockPoll is how often a waiting Write tries the lock again.
const lockPoll = 50 * time.Millisecond

// ErrBusy is returned, wrapped in a *LockError, when another write to the
// same publish directory did not finish within the wait.
var ErrBusy = errors.New("publish directory busy")

// LockError says that a publish directory is being written by someone
// else: which directory, who holds its lock, and how long Write waited.
type LockError struct {
	// Dir is the publish directory.
	Dir string
	// Lock is the lock file.
	Lock string
	// Holder describes the holder of the lock, such as
	// "pid 4242 on host ci-7 (cxatlas build -d public) since 17:02:03 UTC";
	// "another build" when the lock file says nothing.
	Holder string
	// Waited is how long Write waited for the lock.
	Waited time.Duration
}

func (e *LockError) Error() string {
	return fmt.Sprintf("publish: %s is being written by %s; waited %s for it to finish; try again once it has (the lock is %s)",
		e.Dir, e.Holder, e.Waited, e.Lock)
}

// Unwrap returns ErrBusy.
func (e *LockError) Unwrap() error { return ErrBusy }

// lockPath is the lock file of the publish directory root. It lies beside
// root, not in it, because a new publish directory is built under another
// name and renamed into place.
func lockPath(root string) string {
	return filepath.Join(filepath.Dir(root), "."+filepath.Base(root)+".lock")
}

// dirLock is a held lock on a publish directory.
type dirLock struct {
	path string
	file *os.File
	// madeDirs lists the parents of the lock file that locking created,
	// parents first, to remove if they are left empty.
	madeDirs []string
}

// Lock takes the lock that Write takes on the publish directory dir,
// waiting up to wait (DefaultLockWait when zero) for another holder to
// let go, and returns the function that releases it. A script that reads
// the folder after a build, to upload it say, can hold the lock meanwhile
// so that no build changes the folder under it; a Write in the same
// process waits for it like any other.
func Lock(dir string, wait time.Duration) (unlock func() error, err error) {
	root, err := resolve(dir)
	if err != nil {
		return nil, fmt.Errorf("publish: %w", err)
	}
	l, err := lockDir(root, wait)
	if err != nil {
		return nil, err
	}
	return l.release, nil
}

// lockDir takes the lock on the publish directory root, waiting up to wait
// (DefaultLockWait when zero) for another holder to let go.
func lockDir(root string, wait time.Duration) (*dirLock, error) {
	if wait <= 0 {
		wait = DefaultLockWait
	}
	path := lockPath(root)
	made, err := mkdirAllTracked(filepath.Dir(path))
	if err != nil {
		return nil, fmt.Errorf("publish: lock: %w", err)
	}
	deadline := time.Now().Add(wait)
	for {
		f, err := tryLock(path)
		switch {
		case err == nil && f != nil:
			writeHolder(f)
			return &dirLock{path: path, file: f, madeDirs: made}, nil
		case err == nil:
			continue // the file was replaced while we locked it
		case errors.Is(err, fs.ErrNotExist) && time.Now().Before(deadline):
			// A holder that had created the folder for its lock removed
			// it as it let go.
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				return nil, fmt.Errorf("publish: lock: %w", err)
			}
			continue
		case !errors.Is(err, errLocked):
			removeDirs(made)
			return nil, fmt.Errorf("publish: lock %s: %w", path, err)
		case time.Now().After(deadline):
			removeDirs(made)
			return nil, &LockError{Dir: root, Lock: path, Holder: readHolder(path), Waited: wait}
		}
		time.Sleep(lockPoll)
	}
}

// errLocked is what tryLock returns when someone else holds the lock.
var errLocked = errors.New("locked")

// release lets go of the lock and removes the lock file; see unlockFile.
func (l *dirLock) release() error {
	err := unlockFile(l.path, l.file)
	removeDirs(l.madeDirs) // fails, harmlessly, on the parents now in use
	if err != nil {
		return fmt.Errorf("publish: unlock: %w", err)
	}
	return nil
}

// writeHolder records in the lock file who holds it, for the message of
// whoever waits for it.
func writeHolder(f *os.File) {
	host, _ := os.Hostname()
	args := slices.Clone(os.Args)
	if len(args) > 0 {
		args[0] = filepath.Base(args[0])
	}
	cmd := strings.Join(args, " ")
	if len(cmd) > 200 {
		cmd = cmd[:200] + "..."
	}
	fmt.Fprintf(f, "pid %d\nhost %s\ncommand %s\nsince %s\n", os.Getpid(), host, cmd, time.Now().UTC().Format("2006-01-02 15:04:05 UTC"))
}

// readHolder describes the holder recorded in the lock file at path.
func readHolder(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return "another build"
	}
	defer f.Close()
	fields := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, _ := strings.Cut(sc.Text(), " ")
		fields[k] = v
	}
	if fields["pid"] == "" {
		return "another build"
	}
	return fmt.Sprintf("pid %s on host %s (%s) since %s", fields["pid"], fields["host"], fields["command"], fields["since"])
}
