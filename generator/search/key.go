package search

import (
	"strings"
	"unicode"
)

// A key is what the index stores a word under. It is the longest common
// prefix of the word's Snowball stem and of every form of that stem met in
// the portal, so that it is a prefix of each of those forms: "delivery"
// and "deliveries" (stem "deliveri") are both stored under "deliver", and
// "навязывание" and "навязывания" under "навязыван"; an English stem's final
// "i", which the stemmer writes for "y", is left out. The browser, which has
// no stemmer, matches a key against a query word when the key is a prefix
// of the word with at most Slack(key) characters left over. A form that
// this rule would not reach from its own key ("cancellation", stored under
// "cancel") is stored under the whole form as well.

// Slack returns how many characters a query word may have after the key k
// for k to match it: one for keys of up to three characters, up to four
// for keys of six or more.
func Slack(k string) int { return min(4, max(1, runes(k)-2)) }

// Matches reports whether key k matches the folded query word q by the
// rule the browser follows; typing reports whether q is the word being
// typed, which also matches the keys it begins.
func Matches(k, q string, typing bool) bool {
	if n := len(k); n <= len(q) && q[:n] == k {
		return runes(q)-runes(k) <= Slack(k)
	}
	return typing && runes(q) >= ShardPrefix && len(q) <= len(k) && k[:len(q)] == q
}

// keyer works out the keys of the words of one portal.
type keyer struct {
	stems *stemmer
	// prefix holds, for each stem, the common prefix of the stem and all
	// the forms seen.
	prefix map[string]string
	// seenText holds the texts seen, which portals often repeat.
	seenText map[string]bool
}

func newKeyer() *keyer {
	return &keyer{stems: newStemmer(), prefix: make(map[string]string), seenText: make(map[string]bool)}
}

// see records the forms of the words of text.
func (kk *keyer) see(text string) {
	if kk.seenText[text] {
		return
	}
	kk.seenText[text] = true
	for _, w := range Words(text) {
		st := kk.stems.Stem(w)
		if st == "" {
			continue
		}
		p, ok := kk.prefix[st]
		if !ok {
			p = st
			// The English stemmer writes a final "y" as "i" ("delivery",
			// "deliveries": "deliveri"); the key stops before it, so that
			// every form of the stem begins with it.
			if script(st) == unicode.Latin {
				p = strings.TrimSuffix(p, "i")
			}
		}
		kk.prefix[st] = commonPrefix(p, w)
	}
}

// appendKeys appends to ks the keys of the folded word w, seen before:
// none for a stop word, else its stem's key, and w itself when that key
// does not match w.
func (kk *keyer) appendKeys(ks []string, w string) []string {
	st := kk.stems.Stem(w)
	if st == "" {
		return ks
	}
	k := kk.prefix[st]
	switch {
	case k == "":
		return append(ks, w)
	case Matches(k, w, false):
		return append(ks, k)
	}
	return append(ks, k, w)
}
