// Package fuzzmain runs the tests of a package that has fuzz targets, with
// a bound on how long the fuzzer minimises each new input.
//
// When fuzzing finds an input that reaches new code, go test minimises it
// before going on, trying by default for a minute: removing every byte,
// then every run of bytes, one run of the target each. A target that
// reaches new code often then spends most of its time minimising, and the
// count of inputs it runs stalls. Bounding each minimisation to a number
// of runs keeps the search going; the inputs it keeps are a little longer.
// A -fuzzminimizetime given on the command line still wins.
package fuzzmain

import (
	"flag"
	"os"
	"testing"
)

// MinimizeRuns is how many runs of the target each minimisation may take.
const MinimizeRuns = "200x"

// Run parses the test flags, bounds minimisation unless the command line
// says otherwise, and runs the tests. Call it from TestMain.
func Run(m *testing.M) {
	flag.Parse()
	set := false
	flag.Visit(func(f *flag.Flag) { set = set || f.Name == "test.fuzzminimizetime" })
	if !set {
		_ = flag.Set("test.fuzzminimizetime", MinimizeRuns)
	}
	os.Exit(m.Run())
}
