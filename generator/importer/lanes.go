package importer

import (
	"strings"
	"unicode"
)

// Field is a field of a step that a lane (a row of a lanes-as-rows sheet)
// or a column (of a steps-as-rows sheet) fills.
type Field int

// The fields a lane can fill.
const (
	NoField Field = iota
	FieldStage
	FieldAction
	FieldTouchpoints
	FieldThought
	FieldFeeling
	FieldEmotion
	FieldPains
	FieldOpportunities
	FieldEvidence
	FieldDuration
	// FieldStepID is the "Step id" lane cxatlas exports write; steps have
	// no id in content, so it is read and set aside.
	FieldStepID
)

// laneNames maps lane names, folded by foldName, to their fields: the
// names cxatlas exports write, in English and Russian, and the synonyms
// journey-map templates use.
var laneNames = buildLaneNames()

func buildLaneNames() map[string]Field {
	m := map[string]Field{}
	for f, names := range map[Field][]string{
		FieldStage: {"stage", "stages", "phase", "phases", "journey stage", "этап", "этапы", "стадия", "стадии",
			"фаза", "фазы", "этап пути"},
		FieldAction: {"action", "actions", "doing", "doings", "does", "activities", "activity", "customer actions",
			"what they do", "user actions", "tasks", "task", "действие", "действия", "что делает", "действия клиента",
			"активности", "задачи"},
		FieldTouchpoints: {"touchpoints", "touchpoint", "touch points", "touch point", "channels", "channel",
			"points of contact", "точки контакта", "точка контакта", "каналы", "канал", "точки касания", "точка касания"},
		FieldThought: {"thought", "thoughts", "thinking", "thinks", "what they think", "questions", "мысли", "мысль",
			"думает", "что думает", "вопросы"},
		FieldFeeling: {"feeling", "feelings", "feels", "what they feel", "чувства", "чувство", "ощущения",
			"что чувствует"},
		FieldEmotion: {"emotion", "emotions", "emotion score", "emotional score", "feelings score", "feeling score",
			"mood", "sentiment", "satisfaction", "emotional curve", "эмоция", "эмоции", "оценка эмоции",
			"эмоциональная оценка", "настроение", "удовлетворенность", "эмоциональная кривая"},
		FieldPains: {"pains", "pain", "pain points", "pain point", "painpoints", "barriers", "problems", "frustrations",
			"боли", "боль", "барьеры", "барьер", "проблемы", "болевые точки", "трудности"},
		FieldOpportunities: {"opportunities", "opportunity", "ideas", "solutions", "improvements", "возможности",
			"возможность", "решения", "идеи", "улучшения", "точки роста"},
		FieldEvidence: {"evidence", "sources", "source", "research", "data", "proof", "свидетельства", "источники",
			"источник", "данные", "доказательства"},
		FieldDuration: {"duration", "time", "time spent", "длительность", "время", "продолжительность"},
		FieldStepID:   {"step id", "id", "id шага", "шаг id"},
	} {
		for _, n := range names {
			m[foldName(n)] = f
		}
	}
	return m
}

// foldName folds a lane name for matching: lower case, ё as е, without
// punctuation, emoji, a leading number ("1. Stage") or a trailing note in
// brackets ("Emotion (1-5)"), and with single spaces.
func foldName(s string) string {
	if i := strings.IndexAny(s, "([{"); i > 0 {
		s = s[:i]
	}
	s = strings.TrimLeftFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	s = strings.ToLower(strings.ReplaceAll(strings.ReplaceAll(s, "ё", "е"), "Ё", "Е"))
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return b.String()
}

// laneField finds the field a lane or column name stands for.
func laneField(name string) Field {
	return laneNames[foldName(name)]
}

// String names the field the way content files do.
func (f Field) String() string {
	return [...]string{"", "stage", "action", "touchpoints", "thought", "feeling", "emotion", "pains",
		"opportunities", "evidence", "duration", "step id"}[f]
}
