package site

import (
	"cmp"
	"slices"
	"strings"
)

// owners groups touchpoints by owner, and gathers the pains met at each
// owner's touchpoints. It needs Site.Pains sorted and the pains of the
// touchpoints.
func (l *linker) owners() {
	// byIndex follows l.ownerNames; ownerOf gives each touchpoint's.
	byIndex := make([]*Owner, len(l.ownerNames))
	for i, name := range l.ownerNames {
		byIndex[i] = &Owner{Name: name}
	}
	l.s.Owners = slices.Grow(l.s.Owners, len(byIndex))
	l.s.Owners = append(l.s.Owners, byIndex...)
	for _, tp := range l.s.Touchpoints {
		o := byIndex[l.ownerOf[tp.index]]
		o.Touchpoints = append(o.Touchpoints, tp)
	}
	// An owner's pains are the union of its touchpoints' pains; visiting
	// the pains in order puts each list in Site.Pains order.
	for _, p := range l.s.Pains {
		for _, tp := range p.Touchpoints {
			o := byIndex[l.ownerOf[tp.index]]
			if n := len(o.Pains); n == 0 || o.Pains[n-1] != p {
				o.Pains = append(o.Pains, p)
			}
		}
	}
	slices.SortFunc(l.s.Owners, func(a, b *Owner) int {
		if (a.Name == "") != (b.Name == "") {
			if a.Name == "" {
				return 1
			}
			return -1
		}
		return cmp.Or(cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)), strings.Compare(a.Name, b.Name))
	})
	taken := make(map[string]bool, len(l.s.Owners))
	for _, o := range l.s.Owners {
		o.Key = ownerKey(o.Name, taken)
	}
}

// ownerKey gives an owner a fragment id that stays the same from build to
// build, whoever else owns touchpoints: a hash of the name, so that the
// links to an owner change only with the owner.
func ownerKey(name string, taken map[string]bool) string {
	if name == "" {
		return claimKey("owner-none", taken)
	}
	return claimKey(hashKey("owner-", name), taken)
}

// indexOwners names the owner of every touchpoint once: l.ownerNames are
// the distinct owners in Site.Touchpoints order, "" for none, and
// l.ownerOf[tp.index] is the index of tp's owner among them.
func (l *linker) indexOwners() {
	byName := map[string]int{}
	l.ownerOf = make([]int, len(l.s.Touchpoints))
	for _, tp := range l.s.Touchpoints {
		name := tp.Owner
		i, ok := byName[name]
		if !ok {
			i = len(l.ownerNames)
			byName[name] = i
			l.ownerNames = append(l.ownerNames, name)
		}
		l.ownerOf[tp.index] = i
	}
}
