package publish

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestWriteReportsLockHolder(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "public")
	makeTree(t, dir, map[string]string{"index.html": "old"})
	unlock, err := Lock(dir, 0)
	if err != nil {
		t.Fatal(err)
	}
	snap := snapshot(t, base)
	_, err = Write(dir, filesAs(portalFiles, "data"), Options{LockWait: 10 * time.Millisecond})
	var le *LockError
	if !errors.As(err, &le) || !errors.Is(err, ErrBusy) {
		t.Fatalf("Write while locked: error = %v, want a LockError", err)
	}
	host, _ := os.Hostname()
	for _, want := range []string{
		"publish: " + dir + " is being written by pid " + fmt.Sprint(os.Getpid()) + " on host " + host + " (",
		"waited 10ms for it to finish; try again once it has (the lock is " + filepath.Join(base, ".public.lock") + ")",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q\nlacks %q", err, want)
		}
	}
	if after := snapshot(t, base); !maps.Equal(after, snap) {
		t.Errorf("a write that found the folder locked changed the tree")
	}
	if err := unlock(); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(dir, filesAs(portalFiles, "data"), Options{LockWait: 10 * time.Millisecond}); err != nil {
		t.Fatalf("Write after unlock: %v", err)
	}
	if _, err := os.Lstat(lockPath(dir)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the lock file outlived the write: %v", err)
	}
}

func TestWriteWaitsForLock(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	unlock, err := Lock(dir, 0)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := Write(dir, filesAs(portalFiles, "data"), Options{LockWait: time.Minute})
		done <- err
	}()
	// Give Write time to find the lock taken, a few times over; a Write
	// that gave up, or did not wait, has returned by then.
	select {
	case err := <-done:
		t.Fatalf("Write returned while the folder was locked: %v", err)
	case <-time.After(3 * lockPoll):
	}
	if err := unlock(); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatalf("Write waiting for the lock: %v", err)
	}
	if got := contents(snapshot(t, dir)); !maps.Equal(got, portalFiles) {
		t.Errorf("files after = %q", got)
	}
}

// TestConcurrentWrites runs writes of different builds into one folder at
// once: each must wait for the one before, and the folder must end up
// holding one whole build.
func TestConcurrentWrites(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site", "public")
	const n = 8
	builds := make([]map[string]string, n)
	for i := range builds {
		builds[i] = map[string]string{}
		for j := range 40 {
			builds[i][fmt.Sprintf("p%d/index.html", (i+j)%50)] = fmt.Sprintf("build %d", i)
		}
	}
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range builds {
		wg.Go(func() {
			_, errs[i] = Write(dir, filesAs(builds[i], "data"), Options{Workers: 2, Marker: true, LockWait: time.Minute})
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatalf("concurrent writes: %v", err)
	}
	got := contents(snapshot(t, dir))
	delete(got, MarkerName)
	whole := false
	for _, b := range builds {
		whole = whole || maps.Equal(got, b)
	}
	if !whole {
		t.Errorf("the folder holds no single build: %q", got)
	}
	if entries, _ := os.ReadDir(filepath.Dir(dir)); len(entries) != 1 {
		t.Errorf("entries beside the publish folder: %v", entries)
	}
}

// TestUnlockExclClosesFirst checks that the lock of systems without flock
// is closed before it is removed, as Windows removes no open file: the
// remove below fails, as it would there, while the file is open.
func TestUnlockExclClosesFirst(t *testing.T) {
	path := filepath.Join(t.TempDir(), ".public.lock")
	f, err := tryLockExcl(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tryLockExcl(path); !errors.Is(err, errLocked) {
		t.Fatalf("second tryLockExcl: %v, want errLocked", err)
	}
	removeLikeWindows := func(p string) error {
		if _, err := f.Stat(); !errors.Is(err, os.ErrClosed) {
			return fmt.Errorf("remove %s: the file is still open", p)
		}
		return os.Remove(p)
	}
	if err := unlockExcl(path, f, removeLikeWindows); err != nil {
		t.Fatalf("unlockExcl: %v", err)
	}
	if _, err := os.Lstat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the lock file outlived the unlock: %v", err)
	}
}
