package importer

import (
	"testing"

	"github.com/cxatlas/cxatlas/generator/config"
)

// TestLaneField checks the names lanes and columns are known by.
func TestLaneField(t *testing.T) {
	for name, want := range map[string]Field{
		"Stage": FieldStage, "  ЭТАП ": FieldStage, "1. Stage": FieldStage, "Фаза": FieldStage,
		"Doing": FieldAction, "Действия клиента": FieldAction,
		"Touch points": FieldTouchpoints, "Точки контакта": FieldTouchpoints, "Channels": FieldTouchpoints,
		"Мысли": FieldThought, "Чувства": FieldFeeling,
		"Emotion (1-5)": FieldEmotion, "Feelings score": FieldEmotion, "Эмоции": FieldEmotion, "Удовлетворённость": FieldEmotion,
		"Pain points": FieldPains, "Барьеры": FieldPains, "Боли": FieldPains,
		"Решения": FieldOpportunities, "Opportunities": FieldOpportunities,
		"Свидетельства": FieldEvidence, "Длительность": FieldDuration,
		"Step id": FieldStepID, "ID шага": FieldStepID,
		"Thought 1": NoField, "Mood swings": NoField, "": NoField, "😀": NoField,
	} {
		if got := laneField(name); got != want {
			t.Errorf("laneField(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestNameScale checks the scales a lane name may note.
func TestNameScale(t *testing.T) {
	for name, want := range map[string]*config.Scale{
		"Emotion (1-5)":       {Min: 1, Max: 5},
		"Оценка эмоции 1–10":  {Min: 1, Max: 10},
		"Mood -3..3":          {Min: -3, Max: 3},
		"Score 0 to 100":      {Min: 0, Max: 100},
		"Эмоция (от −2 до 2)": {Min: -2, Max: 2},
		"Emotion":             nil,
		"Emotion (5-1)":       nil,
	} {
		got := nameScale(name)
		if (got == nil) != (want == nil) || got != nil && *got != *want {
			t.Errorf("nameScale(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestEmotionScale checks which scale the numbers of a sheet are read on
// and where they land on the portal's -2..2.
func TestEmotionScale(t *testing.T) {
	for _, c := range []struct {
		name, lane string
		cells      []string
		want       []int
	}{
		{"portal scale kept", "Emotion", []string{"-2", "0", "2"}, []int{-2, 0, 2}},
		{"1-5", "Emotion", []string{"1", "3", "5", "4"}, []int{-2, 0, 2, 1}},
		{"-3..3", "Emotion", []string{"-3", "0", "3"}, []int{-2, 0, 2}},
		{"1-10", "Emotion", []string{"1", "10", "8"}, []int{-2, 2, 1}},
		{"0-100 with percent", "Emotion", []string{"0%", "50%", "100%", "80"}, []int{-2, 0, 2, 1}},
		{"decimal comma", "Emotion", []string{"4,5", "1"}, []int{2, -2}},
		{"scale in the name", "Emotion (0-10)", []string{"0", "5", "2"}, []int{-2, 0, -1}},
		{"words and emoji", "Emotion", []string{"happy", "Frustrated!", "😐", "тревога"}, []int{2, -2, 0, -1}},
	} {
		t.Run(c.name, func(t *testing.T) {
			sheet := "Stage"
			for range c.cells {
				sheet += ",S"
			}
			sheet += "\n" + c.lane
			for _, v := range c.cells {
				sheet += ",\"" + v + "\""
			}
			sheet = "\"" + sheet[:5] + "\"" + sheet[5:]
			r, err := ReadCSV("e.csv", []byte(sheet+"\n"), CSVOptions{Scale: config.Scale{Min: -2, Max: 2}})
			if err != nil {
				t.Fatal(err)
			}
			for i, st := range r.Journey.Steps {
				if !st.HasEmotion || st.Emotion != c.want[i] {
					t.Errorf("%q -> %v/%d, want %d (mapping %v, notes %v)", c.cells[i], st.HasEmotion, st.Emotion, c.want[i], r.Mapping, r.Unplaced)
				}
			}
		})
	}
}
