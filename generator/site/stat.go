package site

// add counts one emotion score into the aggregate.
func (s *Stat) add(v int) {
	if s.N == 0 || v < s.Min {
		s.Min = v
	}
	if s.N == 0 || v > s.Max {
		s.Max = v
	}
	s.N++
	s.Sum += v
	s.Mean = float64(s.Sum) / float64(s.N)
}

// addStep counts the step's emotion, if it has one.
func (s *Stat) addStep(st *Step) {
	if st.HasEmotion {
		s.add(st.Emotion)
	}
}
