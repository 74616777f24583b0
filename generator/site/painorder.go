package site

import (
	"cmp"
	"fmt"
	"hash/fnv"
	"slices"
	"strconv"
	"strings"
)

// sortPains sorts pains most urgent first: by severity, then by the number
// of personas they hurt, then by the number of mentions, then by text. No
// two pains have the same normalised text (mentions with the same one are
// one pain), so the order is total and needs no stable sort. The keys are
// copied out first, so that comparing them does not chase pointers.
func sortPains(pains []*Pain) {
	type key struct {
		severity           Severity
		personas, mentions int
		norm               string
		p                  *Pain
	}
	keys := make([]key, len(pains))
	for i, p := range pains {
		keys[i] = key{p.Severity, len(p.Personas), len(p.Mentions), p.norm, p}
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(cmp.Compare(b.severity, a.severity), cmp.Compare(b.personas, a.personas),
			cmp.Compare(b.mentions, a.mentions), strings.Compare(a.norm, b.norm))
	})
	for i, k := range keys {
		pains[i] = k.p
	}
}

// painKey gives a pain a fragment id that stays the same from build to
// build: its writer's id, or a hash of its normalised text.
func painKey(p *Pain, taken map[string]bool) string {
	if p.ID != "" {
		return claimKey("pain-"+p.ID, taken)
	}
	return claimKey(hashKey("pain-", p.norm), taken)
}

// hashKey is prefix followed by the 32-bit FNV-1a hash of s in hex.
func hashKey(prefix, s string) string {
	h := fnv.New32a()
	h.Write([]byte(s))
	return fmt.Sprintf("%s%08x", prefix, h.Sum32())
}

// claimKey returns key, or key with a suffix ("-2", "-3", ...) when taken
// already holds it, and records the result in taken.
func claimKey(key string, taken map[string]bool) string {
	base := key
	for i := 2; taken[key]; i++ {
		key = base + "-" + strconv.Itoa(i)
	}
	taken[key] = true
	return key
}
