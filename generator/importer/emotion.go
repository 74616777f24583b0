package importer

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/cxatlas/cxatlas/generator/config"
)

// feelingWords places emotion words and emoji on a scale from -1 (worst)
// to 1 (best), to be stretched onto the portal's scale.
var feelingWords = map[string]float64{
	"delighted": 1, "excited": 1, "happy": 1, "very happy": 1, "love": 1, "great": 1, "thrilled": 1, "very positive": 1,
	"pleased": 0.5, "positive": 0.5, "good": 0.5, "satisfied": 0.5, "content": 0.5, "hopeful": 0.5, "curious": 0.5,
	"confident": 0.5, "relieved": 0.5, "interested": 0.5,
	"neutral": 0, "ok": 0, "okay": 0, "fine": 0, "indifferent": 0, "calm": 0, "mixed": 0,
	"uncertain": -0.5, "unsure": -0.5, "confused": -0.5, "worried": -0.5, "anxious": -0.5, "bored": -0.5,
	"annoyed": -0.5, "disappointed": -0.5, "negative": -0.5, "sad": -0.5, "unhappy": -0.5, "impatient": -0.5, "bad": -0.5,
	"frustrated": -1, "angry": -1, "furious": -1, "very negative": -1, "very unhappy": -1, "terrible": -1, "awful": -1,
	"stressed": -1, "desperate": -1,
	"восторг": 1, "в восторге": 1, "радость": 1, "рад": 1, "очень доволен": 1, "счастлив": 1, "отлично": 1,
	"очень позитивно": 1, "доволен": 0.5, "позитивно": 0.5, "хорошо": 0.5, "интерес": 0.5, "надежда": 0.5,
	"уверенность": 0.5, "облегчение": 0.5, "любопытство": 0.5, "удовлетворение": 0.5,
	"нейтрально": 0, "нормально": 0, "спокойно": 0, "безразлично": 0, "спокойствие": 0,
	"сомнение": -0.5, "неуверенность": -0.5, "тревога": -0.5, "беспокойство": -0.5, "скука": -0.5, "растерянность": -0.5,
	"недоволен": -0.5, "разочарование": -0.5, "негативно": -0.5, "грусть": -0.5, "плохо": -0.5, "раздражение": -0.5,
	"злость": -1, "гнев": -1, "ярость": -1, "фрустрация": -1, "очень недоволен": -1, "ужасно": -1, "очень негативно": -1,
	"стресс": -1, "отчаяние": -1,
	"😍": 1, "🤩": 1, "😀": 1, "😃": 1, "😄": 1, "😁": 1, "🥰": 1, "😊": 1, "👍": 0.5, "🙂": 0.5, "☺": 0.5,
	"😐": 0, "😶": 0, "🤔": 0, "😑": 0, "😕": -0.5, "🙁": -0.5, "☹": -0.5, "😟": -0.5, "😞": -0.5, "😒": -0.5, "😔": -0.5,
	"😩": -1, "😫": -1, "😠": -1, "😡": -1, "🤬": -1, "😢": -1, "😭": -1, "👎": -0.5,
}

// numericScales are the scales sheets score emotions on, tried in this
// order after the portal's own: the first that holds every number wins.
var numericScales = []config.Scale{{Min: 1, Max: 5}, {Min: -3, Max: 3}, {Min: 1, Max: 7}, {Min: -5, Max: 5},
	{Min: 1, Max: 10}, {Min: 0, Max: 10}, {Min: 0, Max: 100}, {Min: -100, Max: 100}}

// emotionCell is a cell of the emotion lane, waiting for its scale.
type emotionCell struct {
	step int
	cell Cell
	raw  string
}

// mapEmotions puts the emotion cells onto the portal's scale: numbers
// from the first scale that holds them all (the portal's own first, so a
// map exported from a portal comes back unchanged), or from the scale
// given; emotion words and emoji by their meaning. It fills the steps and
// returns the mapping, one line per rule, and the cells it could not read.
func mapEmotions(steps []Step, cells []emotionCell, to config.Scale, from *config.Scale) ([]string, []Note) {
	var nums []float64
	var notes []Note
	for _, c := range cells {
		if v, ok := parseNumber(c.raw); ok {
			nums = append(nums, v)
		}
	}
	src := to
	if from != nil {
		src = *from
	} else if len(nums) > 0 {
		src = pickScale(nums, to)
	}
	var mapping []string
	seen := map[string]bool{}
	record := func(line string) {
		if !seen[line] {
			seen[line] = true
			mapping = append(mapping, line)
		}
	}
	switch {
	case src != to && len(nums) > 0:
		record(fmt.Sprintf("emotion numbers read on the scale %s and mapped onto the portal's scale %s:", src, to))
	case len(nums) > 0:
		record(fmt.Sprintf("emotion numbers read on the portal's scale %s, kept as they are", to))
	}
	for _, c := range cells {
		raw := strings.TrimSpace(c.raw)
		if v, ok := parseNumber(raw); ok {
			if v < float64(src.Min) || v > float64(src.Max) {
				notes = append(notes, Note{Cell: c.cell, Msg: fmt.Sprintf("emotion %q is outside the scale %s; left out", raw, src)})
				continue
			}
			out := stretch((v-float64(src.Min))/float64(src.Max-src.Min), to)
			if src != to || v != math.Trunc(v) {
				record(fmt.Sprintf("  %s -> %d", raw, out))
			}
			steps[c.step].HasEmotion, steps[c.step].Emotion = true, out
			continue
		}
		w, ok := feelingWords[strings.ToLower(strings.Trim(raw, " .!\uFE0F"))]
		if !ok {
			notes = append(notes, Note{Cell: c.cell, Msg: fmt.Sprintf("emotion %q is neither a number nor a known emotion word or emoji; left out", raw)})
			continue
		}
		out := stretch((w+1)/2, to)
		record(fmt.Sprintf("emotion words and emoji placed on the portal's scale %s:", to))
		record(fmt.Sprintf("  %s -> %d", raw, out))
		steps[c.step].HasEmotion, steps[c.step].Emotion = true, out
	}
	sortMapping(mapping)
	return mapping, notes
}

// sortMapping puts the headings of a mapping first and orders its value
// lines by their result, so the report reads from the worst to the best.
func sortMapping(lines []string) {
	sort.SliceStable(lines, func(i, j int) bool {
		hi, hj := !strings.HasPrefix(lines[i], "  "), !strings.HasPrefix(lines[j], "  ")
		if hi || hj {
			return hi && !hj
		}
		return result(lines[i]) < result(lines[j])
	})
}

// result reads the number after "-> " of a mapping line.
func result(line string) int {
	_, r, _ := strings.Cut(line, "-> ")
	n, _ := strconv.Atoi(r)
	return n
}

// pickScale chooses the scale numbers were written on.
func pickScale(nums []float64, portal config.Scale) config.Scale {
	lo, hi := nums[0], nums[0]
	for _, v := range nums {
		lo, hi = min(lo, v), max(hi, v)
	}
	for _, s := range append([]config.Scale{portal}, numericScales...) {
		if lo >= float64(s.Min) && hi <= float64(s.Max) {
			return s
		}
	}
	return portal
}

// stretch puts a place from 0 (worst) to 1 (best) onto a scale, rounding
// to the nearest whole number.
func stretch(x float64, to config.Scale) int {
	return int(math.Round(float64(to.Min) + x*float64(to.Max-to.Min)))
}

// parseNumber reads a score: "3", "-1", "+2", "4.5", "4,5", "80%".
func parseNumber(s string) (float64, bool) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	s = strings.Replace(strings.TrimPrefix(s, "+"), ",", ".", 1)
	s = strings.Replace(s, "−", "-", 1) // minus sign
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || s == "" || strings.ContainsAny(s, "eExXpP_") {
		return 0, false
	}
	return v, true
}

// scaleInName matches a scale noted in a lane name: "Emotion (1-5)",
// "Оценка, 1–10", "Mood -3..3", "Score 0 to 100".
var scaleInName = regexp.MustCompile(`(-?\d+)\s*(?:\.\.|-|–|—|to|до)\s*(-?\d+)`)

// nameScale reads the scale a lane or column name notes, if any.
func nameScale(name string) *config.Scale {
	m := scaleInName.FindStringSubmatch(strings.ReplaceAll(name, "−", "-"))
	if m == nil {
		return nil
	}
	lo, err1 := strconv.Atoi(m[1])
	hi, err2 := strconv.Atoi(m[2])
	if err1 != nil || err2 != nil || lo >= hi || lo < -1000 || hi > 1000 {
		return nil
	}
	return &config.Scale{Min: lo, Max: hi}
}

// ParseScale reads a scale written "1..5" or "-3..3".
func ParseScale(s string) (config.Scale, error) {
	a, b, ok := strings.Cut(s, "..")
	lo, err1 := strconv.Atoi(strings.TrimSpace(a))
	hi, err2 := strconv.Atoi(strings.TrimSpace(b))
	if !ok || err1 != nil || err2 != nil || lo >= hi {
		return config.Scale{}, fmt.Errorf("scale %q: write the lowest and highest score as MIN..MAX, such as 1..5", s)
	}
	return config.Scale{Min: lo, Max: hi}, nil
}
