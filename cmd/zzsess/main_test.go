package sessprof

import (
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"runtime/pprof"
	"testing"
	"time"

	"github.com/cxatlas/cxatlas/generator/build"
)

func TestProf(t *testing.T) {
	dir := "/work/big/site"
	s := build.NewSession(build.Options{SiteDir: dir, OutDir: "/work/big/out", Logger: slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug})), Now: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)})
	var early time.Duration
	var start time.Time
	s.Early = func(*build.Result) { early = time.Since(start) }
	if _, err := s.Build(nil); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "content/touchpoints", os.Getenv("TP"))
	re := regexp.MustCompile(`(?m)^title = ".*"$`)
	data, _ := os.ReadFile(path)
	f, _ := os.Create("/tmp/sess.prof")
	pprof.StartCPUProfile(f)
	for i := range 8 {
		data = re.ReplaceAll(data, []byte(`title = "T`+string(rune('A'+i))+`"`))
		os.WriteFile(path, data, 0o644)
		start = time.Now()
		res, err := s.Build([]string{path})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("early %v total %v rendered %d", early, time.Since(start), res.Rendered)
	}
	pprof.StopCPUProfile()
}
