// Package align groups claims across documents by slot and decides when
// two values agree: dates by granularity, places by containment, people by
// kb identity. It never compares all pairs of documents: claims are keyed
// by slot, and within a slot by canonical value.
package align

import (
	"cmp"
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/kb"
)

// Group buckets claims by slot. Groups are sorted by slot; claims within a
// group by document ID then offset.
func Group(claims []compare.Claim) []compare.Group {
	idx := map[string]int{}
	var groups []compare.Group
	for _, c := range claims {
		key := c.Slot()
		i, ok := idx[key]
		if !ok {
			i = len(groups)
			idx[key] = i
			groups = append(groups, compare.Group{Slot: key, Kind: c.Kind, Subject: c.Subject, Attr: c.Attr})
		}
		groups[i].Claims = append(groups[i].Claims, c)
	}
	slices.SortFunc(groups, func(a, b compare.Group) int { return strings.Compare(a.Slot, b.Slot) })
	for i := range groups {
		slices.SortStableFunc(groups[i].Claims, func(a, b compare.Claim) int {
			if c := strings.Compare(a.Doc.ID, b.Doc.ID); c != 0 {
				return c
			}
			return cmp.Compare(a.Span.Start, b.Span.Start)
		})
	}
	return groups
}

// Value is one distinct canonical value in a group with the claims that
// state it.
type Value struct {
	Value  string
	Claims []compare.Claim
}

// Docs returns the distinct document IDs stating the value, sorted.
func (v Value) Docs() []string { return compare.DocIDs(v.Claims) }

// Values splits a group's claims by canonical value, in order of first
// appearance (claims are sorted by document then offset).
func Values(g compare.Group) []Value {
	idx := map[string]int{}
	var out []Value
	for _, c := range g.Claims {
		i, ok := idx[c.Value]
		if !ok {
			i = len(out)
			idx[c.Value] = i
			out = append(out, Value{Value: c.Value})
		}
		out[i].Claims = append(out[i].Claims, c)
	}
	return out
}

// Compatible reports whether two claims of one slot can both be true.
func Compatible(k *kb.KB, a, b compare.Claim) bool {
	if a.Value == b.Value {
		return true
	}
	switch a.Kind {
	case compare.KindDate:
		return datesCompatible(a, b)
	case compare.KindLocation:
		return k != nil && (k.Within(a.Value, b.Value) || k.Within(b.Value, a.Value))
	case compare.KindQuantity:
		return a.Low <= b.High && b.Low <= a.High
	}
	return false
}

// datesCompatible compares dates at the coarser granularity: "2025-04"
// agrees with "2025-04-12"; "2025-04-11" and "2025-04-12" do not.
func datesCompatible(a, b compare.Claim) bool {
	if a.When.Known() && b.When.Known() {
		return a.When.From.Before(b.When.To) && b.When.From.Before(a.When.To)
	}
	// Fall back to prefix comparison of TIMEX3 values.
	va, vb := a.Value, b.Value
	if len(va) > len(vb) {
		va, vb = vb, va
	}
	return len(va) > 0 && vb[:len(va)] == va
}
