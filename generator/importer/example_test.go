package importer_test

import (
	"fmt"

	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/importer"
)

// A sheet saved by Excel with semicolons: lanes as rows, merged stage
// cells, bullets in a cell, emotions on a 1-5 scale.
func ExampleReadCSV() {
	sheet := "\ufeffStage;Search;;Buy\r\n" +
		"Doing;Reads reviews;Compares prices;Pays\r\n" +
		"Pain points;;\"• Hidden fees [high]\n• Slow site\";\r\n" +
		"Emotion;4;2;5\r\n"
	r, err := importer.ReadCSV("map.csv", []byte(sheet), importer.CSVOptions{Scale: config.Scale{Min: -2, Max: 2}})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Format)
	for _, st := range r.Journey.Steps {
		fmt.Printf("%s: %s, emotion %d, pains %v\n", st.Stage, st.Action, st.Emotion, st.Pains)
	}
	for _, m := range r.Mapping {
		fmt.Println(m)
	}
	// Output:
	// UTF-8 with byte-order mark, semicolon-separated, lanes as rows, 3 steps
	// Search: Reads reviews, emotion 1, pains []
	// Search: Compares prices, emotion -1, pains [{Hidden fees high} {Slow site }]
	// Buy: Pays, emotion 2, pains []
	// emotion numbers read on the scale 1 to 5 and mapped onto the portal's scale -2 to 2:
	//   2 -> -1
	//   4 -> 1
	//   5 -> 2
}

// The journey diagram of Mermaid's documentation.
func ExampleReadMermaid() {
	diagram := `journey
    title My working day
    accDescr {
      A day at the office
    }
    section Go to work
      Make tea: 5: Me
      Do work: 1: Me, Cat`
	r, err := importer.ReadMermaid("day.mmd", []byte(diagram), config.Scale{Min: -2, Max: 2})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Journey.Title)
	for _, st := range r.Journey.Steps {
		fmt.Printf("%s: %s, emotion %d\n", st.Stage, st.Action, st.Emotion)
	}
	// Output:
	// My working day
	// Go to work: Make tea (Me), emotion 2
	// Go to work: Do work (Me, Cat), emotion -2
}
