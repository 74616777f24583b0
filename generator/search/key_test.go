package search

import "testing"

// TestWordForms checks that a query word finds the other grammatical forms
// of the words of a portal by the rule the browser follows: the key a
// text's word is stored under matches the query word.
func TestWordForms(t *testing.T) {
	tests := []struct {
		name   string
		text   string // the words of the portal
		query  string
		typing bool
		want   bool
	}{
		{"russian noun, another case", "Навязывание услуг", "навязывания", false, true},
		{"russian noun, instrumental", "Интервал доставки на весь день", "доставкой", false, true},
		{"russian verb and noun", "оплатить заказ", "оплата", false, true},
		{"russian ё folded", "Ещё раз звонить", "звонит", false, true},
		{"english plural", "Orders with next-day delivery", "deliveries", false, true},
		{"english singular", "Missed deliveries", "delivery", false, true},
		{"english -ing", "Waiting for the engineer", "waits", false, true},
		{"english derived form kept whole", "The cancellation fee", "cancellation", false, true},
		{"other word with the same start", "Delivery date", "deliberate", false, false},
		{"short word is not a prefix of a long one", "car park", "cardboard", false, false},
		{"prefix while typing", "Removal is hidden", "remo", true, true},
		{"prefix when not typing", "Removal is hidden", "remo", false, false},
		{"two letters do not complete", "Removal is hidden", "re", true, false},
		{"cyrillic prefix while typing", "Навязывание услуг", "навя", true, true},
		{"number", "48 hours", "48", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kk := newKeyer()
			kk.see(tt.text)
			q := Words(tt.query)[0]
			got := false
			for _, w := range Words(tt.text) {
				for _, k := range kk.appendKeys(nil, w) {
					got = got || Matches(k, q, tt.typing)
				}
			}
			if got != tt.want {
				t.Errorf("%q finds %q: %v, want %v", tt.query, tt.text, got, tt.want)
			}
		})
	}
}

func TestStem(t *testing.T) {
	tests := []struct{ word, want string }{
		{"навязывание", "навязыван"},
		{"навязывания", "навязыван"},
		{"deliveries", "deliveri"},
		{"delivery", "deliveri"},
		{"the", ""},
		{"и", ""},
		{"2026", "2026"},
		{"東京", "東京"},
	}
	for _, tt := range tests {
		if got := Stem(tt.word); got != tt.want {
			t.Errorf("Stem(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

func TestSlackAndShard(t *testing.T) {
	tests := []struct {
		key   string
		slack int
		shard string
	}{
		{"go", 1, "go"},
		{"car", 1, "car"},
		{"deliv", 3, "del"},
		{"deliver", 4, "del"},
		{"навязыван", 4, "нав"},
		{"е", 1, "е"},
	}
	for _, tt := range tests {
		if got := Slack(tt.key); got != tt.slack {
			t.Errorf("Slack(%q) = %d, want %d", tt.key, got, tt.slack)
		}
		if got := shardName(tt.key); got != tt.shard {
			t.Errorf("shardName(%q) = %q, want %q", tt.key, got, tt.shard)
		}
	}
	if got, want := ShardPath("нав"), "search/t/d0bdd0b0d0b2.json"; got != want {
		t.Errorf("ShardPath = %q, want %q", got, want)
	}
}
