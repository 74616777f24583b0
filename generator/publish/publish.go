// Package publish is the last stage of the pipeline: it minifies the rendered
// pages of a portal and writes them to the publish directory, all or nothing,
// rewriting only the files whose bytes changed and removing what an earlier
// build left behind.
package publish

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime"
	"time"
)

// File is one rendered output file.
type File struct {
	// Path is slash-separated and relative to the publish directory, such as
	// "personas/família/index.html". Ids may use letters of any script.
	Path string
	// Data is the file's content, before minification.
	Data []byte
	// Render, when set, writes the file's content into w instead of Data.
	// Write calls it once, on one of its workers, just before the file is
	// compared and staged, so that the pages of a large site are never all
	// held in memory at once. An error from it fails the write like any
	// staging error: nothing is published.
	Render func(w *bytes.Buffer) error
	// Stream, when set, writes the file's content to w instead of Data or
	// Render, for files too large to hold in memory whole, such as a
	// site's data export. Write calls it once, on one of its workers; the
	// content goes through a small buffer straight to the file system,
	// compared with the existing file as it comes, and is not minified.
	Stream func(w io.Writer) error
	// Minified says the content is already as small as the minifier would
	// make it (such as JSON written without spaces), so Write does not
	// minify it again.
	Minified bool
}

// bytes returns the file's content as it is written: rendered into sc
// when the file has a Render function, then minified unless it is
// Minified. When opts keep a record, its checksum goes to s. The result is
// valid until sc is used again.
func (f File) bytes(opts Options, sc *workerScratch, s *staged) ([]byte, error) {
	data, err := f.content(sc)
	if err != nil {
		return nil, err
	}
	if opts.Minifier != nil && !f.Minified {
		if data, err = opts.Minifier.Minify(f.Path, data); err != nil {
			return nil, fmt.Errorf("minify %s: %w", f.Path, err)
		}
	}
	if opts.Record != "" {
		s.sum = checksum(data)
	}
	return data, nil
}

// content returns the file's bytes, rendering them into sc when the file
// has a Render function. The result is valid until sc is used again.
func (f File) content(sc *workerScratch) ([]byte, error) {
	if f.Render == nil {
		return f.Data, nil
	}
	sc.render.Reset()
	if err := f.Render(&sc.render); err != nil {
		return nil, fmt.Errorf("render %s: %w", f.Path, err)
	}
	return sc.render.Bytes(), nil
}

// Options tunes Write.
type Options struct {
	// Protected lists directories that must never be emptied: Write refuses a
	// publish directory that is one of them or contains one. The build passes
	// the site directory and the content directory.
	Protected []string
	// Inside, when set, is the folder the publish directory must lie in:
	// the build passes the site folder for a publishDir of config.toml, and
	// nothing for a folder named on the command line.
	Inside string
	// Marker makes Write publish only into a directory that does not exist,
	// holds no entries but dot-files and the top-level names of the files,
	// or holds the marker file (MarkerName) of an earlier Write; and leave
	// the marker after each successful write.
	Marker bool
	// LockWait is how long Write waits for another write to the same
	// directory to finish before it fails with a *LockError; zero means
	// DefaultLockWait.
	LockWait time.Duration
	// Minifier, when set, minifies every file not marked Minified before
	// it is compared and written. A nil Minifier writes files as given.
	Minifier *Minifier
	// Workers bounds how many files are rendered, minified, staged and
	// renamed at once, and how many folders the stale sweep reads at once;
	// zero means runtime.GOMAXPROCS(0).
	Workers int
	// Record, when set, names a file where Write keeps the size,
	// modification and change times, inode number and checksum of every
	// file it leaves in the publish directory, so that the next Write to
	// the same directory finds unchanged files without reading them back;
	// a file of which any of these differ is compared byte by byte. It
	// belongs outside the publish directory (a cache folder); a missing,
	// damaged or foreign record only costs the byte-by-byte comparison.
	// Files with a Stream are not recorded.
	Record string
	// NoSync skips flushing the file system before and after the journal,
	// for a folder nobody keeps, such as the temporary folder of a preview
	// server, where a flush of everything written since the first build
	// would cost more than the change itself. A write killed midway is
	// still finished or undone by the next; after a power loss it may not be.
	NoSync bool

	// stageHook, when set, runs before each file is staged; an error from it
	// fails the staging step. Tests use it to fail a build half-way.
	stageHook func(path string) error
	// crashHook, when set, runs before each step of a write that changes
	// the file system: staging a file, writing the journal, each rename and
	// removal, deleting the journal. Tests kill the process there.
	crashHook func(step string)
}

// crash runs the crash hook, if any, before step.
func (o Options) crash(step string) {
	if o.crashHook != nil {
		o.crashHook(step)
	}
}

// sync flushes the file system holding dir, unless NoSync is set.
func (o Options) sync(dir string) error {
	if o.NoSync {
		return nil
	}
	return syncFS(dir)
}

// hook runs the stage hook, if any, for the file at path.
func (o Options) hook(path string) error {
	o.crash("stage " + path)
	if o.stageHook == nil {
		return nil
	}
	return o.stageHook(path)
}

// Report counts what Write did.
type Report struct {
	// Written counts files created or replaced.
	Written int
	// Unchanged counts files whose bytes were already on disk.
	Unchanged int
	// Removed counts stale files and directories deleted, and entries of an
	// older build that stood where a new file or directory had to go.
	Removed int
}

// Write publishes files to dir and makes dir hold exactly those files.
//
// Write refuses, before touching anything, a dir that is "/", a home
// folder or one of its ancestors, equal to or an ancestor of a directory in
// opts.Protected, or outside opts.Inside (all compared as absolute paths
// with symlinks resolved), with a *DirError; and any file path that is
// absolute, has an empty, "." or ".." segment, a backslash, a NUL, or that
// names a file and a directory at once.
//
// Write then takes a lock on dir, held until it returns, waiting up to
// opts.LockWait for another write to finish; the lock is a file beside dir,
// named "."+base+".lock", removed when the write ends. Only with the lock
// held does it read dir: with opts.Marker set, it refuses a dir that holds
// entries the files do not explain (see Guard).
//
// The write is all or nothing. Every changed file is first staged in a
// temporary file next to its target; a file whose bytes are already on disk
// is left alone, so its modification time is kept. If staging fails, every
// temporary file and every directory Write created are removed and dir is
// left as it was (directory modification times aside). Only then are the
// staged files flushed to disk and a journal written in dir (".cxatlas-journal")
// that lists every rename and removal still to do; then the staged files
// are renamed over their targets, each rename atomic, so a reader never
// sees a half-written file, the stale entries are removed and the journal
// is deleted. A dir that does not exist yet is built whole under a
// temporary name beside it and renamed into place.
//
// Files under dir that are not in files are removed, and so are
// directories left empty, except entries whose name starts with "."
// (".gitkeep", ".nojekyll", the ".git" of a gh-pages worktree): those, and
// everything below them, are never removed as stale. An entry of an older
// build that stands where a new file or directory must go is replaced, even
// if its name starts with ".".
//
// A write that is killed, or fails while renaming, leaves either the older
// build with hidden temporary files, or a journal. Before anything else,
// Write (and Recover) finishes the change from a journal, which yields the
// new build of the interrupted write, and removes the temporary files and
// the temporary folder of a killed write; so once recovered, dir holds one
// whole build, the old or the new. On Linux the staged files and the
// journal are synced before the first rename, so this holds after a power
// loss too; a dir built whole for the first time is not synced.
//
// Writes to the same dir, from any process, run one after the other.
func Write(dir string, files []File, opts Options) (rep Report, err error) {
	root, lock, err := enter(dir, files, opts)
	if err != nil {
		return Report{}, err
	}
	defer func() {
		if err == nil && opts.Marker {
			err = writeMarker(root)
		}
		if rerr := lock.release(); rerr != nil {
			err = errors.Join(err, rerr)
		}
	}()
	if err := guardContents(dir, root, files, opts); err != nil {
		return Report{}, err
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	fi, err := os.Lstat(root)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return writeFresh(root, files, opts)
	case err != nil:
		return Report{}, fmt.Errorf("publish: %w", err)
	case !fi.IsDir():
		return Report{}, fmt.Errorf("publish: %s is not a directory", root)
	}
	return update(root, files, opts)
}

// update publishes files into the existing directory root. It first
// finishes or undoes a write that was killed, then stages the changed
// files, and commits them through a journal.
func update(root string, files []File, opts Options) (Report, error) {
	var rep Report
	recovered, err := recoverJournal(root, opts)
	rep.Removed += recovered
	if err == nil {
		err = removeTempDirs(root)
	}
	if err != nil {
		return rep, err
	}
	plan, err := planDirs(root, files)
	if err != nil {
		return rep, err
	}
	stale, temps, err := findStale(root, files, plan, opts.Workers)
	rep.Removed += temps
	if err != nil {
		return rep, err
	}
	st, err := stage(plan, files, opts, loadRecord(opts.Record, root))
	if err != nil {
		return rep, err
	}
	rep.count(st)
	removed, err := commit(plan, st, stale, opts)
	rep.Removed += removed
	if err == nil && opts.Record != "" {
		opts.crash("record")
		restat(root, st, opts.Workers)
		saveRecord(opts.Record, root, recordOf(st))
	}
	return rep, err
}

// enter begins a Write or a Patch of files into dir: it checks the paths
// and the folder, and takes the folder's lock.
func enter(dir string, files []File, opts Options) (string, *dirLock, error) {
	if err := validatePaths(files); err != nil {
		return "", nil, err
	}
	root, err := guardDir(dir, opts)
	if err != nil {
		return "", nil, err
	}
	lock, err := lockDir(root, opts.LockWait)
	if err != nil {
		return "", nil, err
	}
	return root, lock, nil
}

// count adds the staged files to the report: written, or left as they
// were when their bytes had not changed.
func (r *Report) count(st []staged) {
	for _, s := range st {
		if s.tmp == "" {
			r.Unchanged++
		} else {
			r.Written++
		}
	}
}
