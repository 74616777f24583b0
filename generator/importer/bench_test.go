package importer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/cxatlas/cxatlas/generator/config"
)

// BenchmarkReadCSV reads a lanes-as-rows sheet of 1,000 steps with
// multi-item cells, as Excel saves it.
func BenchmarkReadCSV(b *testing.B) {
	const steps = 1000
	lanes := []string{"Stage", "Action", "Touchpoints", "Thought", "Emotion", "Pains", "Opportunities", "Evidence"}
	var sb strings.Builder
	sb.WriteString("\ufeff")
	for _, l := range lanes {
		sb.WriteString(l)
		for i := 0; i < steps; i++ {
			var c string
			switch l {
			case "Stage":
				c = fmt.Sprintf("Stage %d", i/50)
			case "Emotion":
				c = fmt.Sprint(i%5 + 1)
			case "Touchpoints", "Pains":
				c = fmt.Sprintf("\"• %s %d [high]\n• Other %d\"", l, i%7, i)
			default:
				c = fmt.Sprintf("%s of step %d, in a few words", l, i)
			}
			sb.WriteString(";" + c)
		}
		sb.WriteString("\r\n")
	}
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ReadCSV("b.csv", data, CSVOptions{Scale: config.Scale{Min: -2, Max: 2}}); err != nil {
			b.Fatal(err)
		}
	}
}
