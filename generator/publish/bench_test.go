package publish

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"
)

// benchFiles returns n pages of about size bytes at pretty URLs, one
// directory each, as a large portal has. Version v changes every page.
func benchFiles(n, size, v int) []File {
	sections := []string{"personas", "stages", "touchpoints"}
	r := rand.New(rand.NewPCG(uint64(v), 1))
	words := []string{"customer", "journey", "touchpoint", "семья", "pain", "opportunity", "stage", "emotion"}
	files := make([]File, n)
	for i := range files {
		data := fmt.Appendf(nil, "<!doctype html><title>page %d v%d</title><p>", i, v)
		for len(data) < size {
			data = append(data, words[r.IntN(len(words))]...)
			data = append(data, ' ')
		}
		files[i] = File{Path: fmt.Sprintf("%s/p%05d/index.html", sections[i%len(sections)], i), Data: data}
	}
	return files
}

const (
	benchN    = 10_000
	benchSize = 8 << 10
)

// BenchmarkWrite measures Write on 10,000 pages of 8 KB: into a new
// directory, over identical content, and over content that all changed.
func BenchmarkWrite(b *testing.B) {
	v1, v2 := benchFiles(benchN, benchSize, 1), benchFiles(benchN, benchSize, 2)
	b.Run("fresh", func(b *testing.B) {
		base := b.TempDir()
		defer sysTime(b)()
		i := 0
		for b.Loop() {
			dir := filepath.Join(base, "public")
			mustWrite(b, dir, v1, Report{Written: benchN})
			// Deleting 10,000 files is slow; leave it to the clean-up of
			// the temporary directory, after the measurement.
			b.StopTimer()
			if err := os.Rename(dir, filepath.Join(base, fmt.Sprint("done", i))); err != nil {
				b.Fatal(err)
			}
			i++
			b.StartTimer()
		}
	})
	b.Run("unchanged", func(b *testing.B) {
		dir := filepath.Join(b.TempDir(), "public")
		mustWrite(b, dir, v1, Report{Written: benchN})
		defer sysTime(b)()
		for b.Loop() {
			mustWrite(b, dir, v1, Report{Unchanged: benchN})
		}
	})
	b.Run("changed", func(b *testing.B) {
		dir := filepath.Join(b.TempDir(), "public")
		mustWrite(b, dir, v1, Report{Written: benchN})
		versions := [][]File{v2, v1}
		i := 0
		defer sysTime(b)()
		for b.Loop() {
			mustWrite(b, dir, versions[i%2], Report{Written: benchN})
			i++
		}
	})
	// swap is the strategy Write does not use: build a complete new tree
	// beside the old one, swap them with two renames and delete the old.
	// It rewrites every file whether it changed or not.
	b.Run("swap", func(b *testing.B) {
		dir := filepath.Join(b.TempDir(), "public")
		mustWrite(b, dir, v1, Report{Written: benchN})
		versions := [][]File{v2, v1}
		i := 0
		defer sysTime(b)()
		for b.Loop() {
			if err := swapWrite(dir, versions[i%2]); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
}

// sysTime starts measuring the CPU time the kernel spends for the process
// and returns the function that reports it per operation. File-system work is
// mostly system time; wall time on a shared machine is noisy.
func sysTime(b *testing.B) func() {
	start := rusageSys(b)
	return func() {
		b.ReportMetric((rusageSys(b)-start).Seconds()/float64(b.N), "sys-s/op")
	}
}

func rusageSys(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Stime.Nano())
}

func mustWrite(b *testing.B, dir string, files []File, want Report) {
	b.Helper()
	rep, err := Write(dir, files, Options{})
	if err != nil {
		b.Fatal(err)
	}
	if rep != want {
		b.Fatalf("report %+v, want %+v", rep, want)
	}
}

// swapWrite publishes files by building a new tree and swapping it in.
func swapWrite(dir string, files []File) error {
	next := dir + ".next"
	old := dir + ".old"
	if _, err := writeFresh(next, files, Options{Workers: runtime.GOMAXPROCS(0)}); err != nil {
		return err
	}
	if err := os.Rename(dir, old); err != nil {
		return err
	}
	if err := os.Rename(next, dir); err != nil {
		return err
	}
	return os.RemoveAll(old)
}
