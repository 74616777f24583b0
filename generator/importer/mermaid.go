package importer

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/cxatlas/cxatlas/generator/config"
)

// mermaidScale is the scale of task scores in a Mermaid journey.
var mermaidScale = config.Scale{Min: 1, Max: 5}

// ReadMermaid reads a Mermaid journey diagram: its title names the
// persona, each section is a stage, each task a step whose score (1 to 5)
// is mapped onto scale and whose actors are listed after its action, in
// brackets. The diagram may stand alone or sit in a ```mermaid block of a
// Markdown file.
func ReadMermaid(file string, data []byte, scale config.Scale) (*Read, error) {
	txt, enc, err := decodeText(file, data)
	if err != nil {
		return nil, err
	}
	// cleanCell drops the control characters a content file may not hold,
	// as it does for the cells of a sheet.
	lines := strings.Split(cleanCell(txt), "\n")
	start, end, err := journeyBlock(file, lines)
	if err != nil {
		return nil, err
	}
	res := &Read{}
	var cells []emotionCell
	section := ""
	for i := start + 1; i < end; i++ {
		line := strings.TrimSpace(lines[i])
		if strings.HasPrefix(line, "accDescr") && strings.HasSuffix(line, "{") {
			// A description over several lines, up to the closing brace.
			for i < end-1 && !strings.HasSuffix(strings.TrimSpace(lines[i]), "}") {
				i++
			}
			continue
		}
		at := Cell{Row: i + 1, Col: 1 + len(lines[i]) - len(strings.TrimLeft(lines[i], " \t")), Line: true}
		key, rest := firstWord(line)
		switch {
		case line == "" || strings.HasPrefix(line, "%%"):
		case key == "title":
			res.Journey.Title = rest
		case key == "section":
			if rest == "" {
				return nil, &Error{File: file, Cell: at, Msg: "a section without a name", Hint: "write its name after \"section\""}
			}
			section = rest
		case key == "accTitle:" || key == "accDescr:" || strings.HasPrefix(line, "accDescr") || strings.HasPrefix(line, "accTitle"):
		default:
			st, raw, err := mermaidTask(file, line, at, section)
			if err != nil {
				return nil, err
			}
			if len(res.Journey.Steps) == MaxSteps {
				return nil, &Error{File: file, Cell: at, Msg: fmt.Sprintf("more than %d tasks", MaxSteps), Hint: "split the journey"}
			}
			cells = append(cells, emotionCell{step: len(res.Journey.Steps), cell: Cell{Row: at.Row, Col: at.Col + strings.Index(line, ":") + 1, Line: true}, raw: raw})
			res.Journey.Steps = append(res.Journey.Steps, st)
		}
	}
	if len(res.Journey.Steps) == 0 {
		return nil, &Error{File: file, Cell: Cell{Row: start + 1, Col: 1, Line: true}, Msg: "the journey has no tasks",
			Hint: "add a section and tasks below it: \"section Buy\" then \"Pay: 3: Me\""}
	}
	from := mermaidScale
	res.Mapping, res.Unplaced = mapEmotions(res.Journey.Steps, cells, scale, &from)
	res.Format = fmt.Sprintf("%s, Mermaid journey, %d steps", enc, len(res.Journey.Steps))
	return res, nil
}

// journeyBlock finds the lines of the journey diagram: from its
// "journey" line to the end of the file or, in a Markdown file, to the end
// of the first ```mermaid block that holds a journey.
func journeyBlock(file string, lines []string) (int, int, error) {
	markdown := false
	for _, l := range lines {
		t := strings.TrimSpace(l)
		markdown = markdown || strings.HasPrefix(t, "```mermaid") || strings.HasPrefix(t, "~~~mermaid")
	}
	inBlock := !markdown
	for i, l := range lines {
		t := strings.TrimSpace(l)
		isFence := strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~")
		switch {
		case markdown && isFence:
			inBlock = !inBlock && strings.Contains(t, "mermaid")
			continue
		case !inBlock || t == "" || strings.HasPrefix(t, "%%"):
			continue
		case t == "journey":
			end := len(lines)
			for j := i + 1; markdown && j < len(lines); j++ {
				if s := strings.TrimSpace(lines[j]); strings.HasPrefix(s, "```") || strings.HasPrefix(s, "~~~") {
					end = j
					break
				}
			}
			return i, end, nil
		case !markdown:
			return 0, 0, &Error{File: file, Cell: Cell{Row: i + 1, Col: 1 + len(l) - len(strings.TrimLeft(l, " \t")), Line: true},
				Msg: fmt.Sprintf("a Mermaid journey starts with the line \"journey\", not %q", clip(t)), Hint: "only journey diagrams can be imported"}
		}
	}
	return 0, 0, &Error{File: file, Msg: "no Mermaid journey diagram in the file", Hint: "the diagram starts with a line \"journey\""}
}

// mermaidTask reads "Task name: score: actor, actor".
func mermaidTask(file, line string, at Cell, section string) (Step, string, error) {
	parts := strings.SplitN(line, ":", 3)
	if len(parts) < 2 {
		return Step{}, "", &Error{File: file, Cell: at, Msg: fmt.Sprintf("%q is not a task", clip(line)),
			Hint: "write a task as \"name: score: actors\", such as \"Make tea: 5: Me\", or start a section with \"section NAME\""}
	}
	name, score := strings.TrimSpace(parts[0]), strings.TrimSpace(parts[1])
	if name == "" {
		return Step{}, "", &Error{File: file, Cell: at, Msg: "a task without a name", Hint: "write its name before the first \":\""}
	}
	if _, err := strconv.Atoi(score); err != nil {
		return Step{}, "", &Error{File: file, Cell: Cell{Row: at.Row, Col: at.Col + len(parts[0]) + 1, Line: true},
			Msg: fmt.Sprintf("the score %q of task %q is not a whole number", clip(score), clip(name)), Hint: "scores go from 1 (worst) to 5 (best)"}
	}
	if section == "" {
		return Step{}, "", &Error{File: file, Cell: at, Msg: fmt.Sprintf("task %q comes before any section", clip(name)),
			Hint: "start a section with \"section NAME\" above it: sections become stages"}
	}
	st := Step{Stage: section, Action: name, Cell: at}
	if len(parts) == 3 {
		var actors []string
		for _, a := range strings.Split(parts[2], ",") {
			if a = strings.TrimSpace(a); a != "" {
				actors = append(actors, a)
			}
		}
		if len(actors) > 0 {
			st.Action += " (" + strings.Join(actors, ", ") + ")"
		}
	}
	return st, score, nil
}

// firstWord splits a line at its first space.
func firstWord(line string) (string, string) {
	w, rest, _ := strings.Cut(line, " ")
	return w, strings.TrimSpace(rest)
}

// clip shortens a text quoted in a message.
func clip(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}
