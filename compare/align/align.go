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
// group by document ID then offset. A claim is a large struct, so each is
// copied once, into one array that the groups share (each group's slice
// clipped), rather than appended group by group.
func Group(claims []compare.Claim) []compare.Group {
	var g Grouper
	return g.Group(claims)
}

// Grouper is Group on buffers reused from call to call: the slot index,
// the groups and the array of their claims. A story's claims are grouped
// kind by kind, story after story, and allocating these afresh each time
// was most of what grouping cost. The zero value is ready; a Grouper is
// not safe for concurrent use.
type Grouper struct {
	// slots maps a slot key to its string, kept from call to call so that
	// a slot seen before costs no allocation, and to its group in the call
	// numbered gen.
	slots  map[string]slotRef
	gen    uint32
	which  []int // the group of each claim, in the call
	counts []int // the claims of each group, in the call
	// groups and claims hold what the calls since Reset returned.
	groups []compare.Group
	claims []compare.Claim
	// dirty is how much of claims' array may hold claims of calls before
	// the last Reset: cleared at the next Reset past what it makes room
	// for, overwritten before.
	dirty int
}

type slotRef struct {
	slot string
	gen  uint32
	n    int // the group's number in call gen
}

// maxSlots bounds the slot strings a Grouper keeps between calls.
const maxSlots = 1 << 14

// Reset lets the Grouper reuse the memory of the groups it returned
// since the last Reset, which must no longer be used, and makes room for
// the groups of n claims.
func (gr *Grouper) Reset(n int) {
	// The calls up to the next Reset overwrite what they use of the
	// buffers; what lies past it is cleared so that the buffers do not
	// keep the claims' memory alive. Calls that group n claims in all
	// leave nothing of the last ones' behind.
	gr.claims = gr.claims[:max(len(gr.claims), gr.dirty)]
	clear(gr.claims[min(n, len(gr.claims)):])
	gr.dirty = min(n, len(gr.claims))
	clear(gr.groups)
	gr.groups = gr.groups[:0]
	gr.claims = slices.Grow(gr.claims[:0], n)
	if len(gr.slots) > maxSlots {
		clear(gr.slots)
	}
}

// Group is the package's Group. The groups and their claims stay valid
// until Reset; calls in between add to them.
func (gr *Grouper) Group(claims []compare.Claim) []compare.Group {
	if gr.slots == nil {
		gr.slots = map[string]slotRef{}
	}
	gr.gen++
	if gr.gen == 0 { // wrapped: an old entry could pass for this call's
		clear(gr.slots)
		gr.gen = 1
	}
	first := len(gr.groups)
	which, counts := gr.which[:0], gr.counts[:0]
	var buf [64]byte
	key := buf[:0]
	var ref slotRef
	for i := range claims {
		c := &claims[i]
		// Claims of one slot often come in a row: the slot of the claim
		// before needs no lookup.
		if i == 0 || !sameSlot(c, &claims[i-1]) {
			key = appendSlot(key[:0], c)
			var ok bool
			ref, ok = gr.slots[string(key)]
			if !ok || ref.gen != gr.gen {
				if !ok {
					ref.slot = string(key)
				}
				ref.gen, ref.n = gr.gen, len(counts)
				gr.slots[ref.slot] = ref
				gr.groups = append(gr.groups, compare.Group{Slot: ref.slot, Kind: c.Kind, Subject: c.Subject, Attr: c.Attr})
				counts = append(counts, 0)
			}
		}
		which = append(which, ref.n)
		counts[ref.n]++
	}
	groups := gr.groups[first:]
	// Each group's claims are a clipped slice of one array. When the array
	// must grow, the groups of earlier calls keep the old one.
	start := len(gr.claims)
	gr.claims = slices.Grow(gr.claims, len(claims))
	for n := range groups {
		groups[n].Claims = gr.claims[start : start : start+counts[n]]
		start += counts[n]
	}
	gr.claims = gr.claims[:start]
	gr.dirty = max(gr.dirty, start)
	for i := range claims {
		g := &groups[which[i]]
		g.Claims = append(g.Claims, claims[i])
	}
	gr.which, gr.counts = which, counts
	slices.SortFunc(groups, func(a, b compare.Group) int { return strings.Compare(a.Slot, b.Slot) })
	// Claims usually come sorted (extract.SortClaims), and so do the
	// claims of each group then: sorting them again would move large
	// structs for nothing, and checking each group would compare them
	// again.
	if !sortedByDocOffset(claims) {
		for i := range groups {
			if !sortedByDocOffset(groups[i].Claims) {
				slices.SortStableFunc(groups[i].Claims, byDocOffset)
			}
		}
	}
	return slices.Clip(groups)
}

// sameSlot reports whether two claims have one slot.
func sameSlot(a, b *compare.Claim) bool {
	return a.Kind == b.Kind && a.Subject == b.Subject && a.Attr == b.Attr
}

// sortedByDocOffset is slices.IsSortedFunc(cs, byDocOffset) comparing
// the claims in place, not copies of them.
func sortedByDocOffset(cs []compare.Claim) bool {
	for i := 1; i < len(cs); i++ {
		if compareDocOffset(&cs[i-1], &cs[i]) > 0 {
			return false
		}
	}
	return true
}

// appendSlot appends the bytes of c.Slot(), the claim's slot key, without
// making a string of them.
func appendSlot(b []byte, c *compare.Claim) []byte {
	b = append(b, c.Kind...)
	b = append(b, ':')
	b = append(b, c.Subject...)
	b = append(b, '/')
	return append(b, c.Attr...)
}

func byDocOffset(a, b compare.Claim) int { return compareDocOffset(&a, &b) }

func compareDocOffset(a, b *compare.Claim) int {
	if c := strings.Compare(a.Doc.ID, b.Doc.ID); c != 0 {
		return c
	}
	return cmp.Compare(a.Span.Start, b.Span.Start)
}

// Value is one distinct canonical value in a group with the claims that
// state it. Claims point into the group's claims: a claim is a large
// struct, and copying every claim of every group once per rule was most
// of what the rules allocated.
type Value struct {
	Value  string
	Claims []*compare.Claim
}

// Docs returns the distinct document IDs stating the value, sorted.
func (v Value) Docs() []string { return DocIDs(v.Claims) }

// DocIDs returns the distinct document IDs of claims, sorted.
func DocIDs(cs []*compare.Claim) []string {
	ids := make([]string, len(cs))
	for i, c := range cs {
		ids[i] = c.Doc.ID
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// manyValues is the number of distinct values past which Values looks
// values up in a map rather than scanning them: a slot has few values.
const manyValues = 16

// Values splits a group's claims by canonical value, in order of first
// appearance (claims are sorted by document then offset). The values'
// claims share one buffer that the caller owns; each value's slice is
// clipped, so appending to one never overwrites another, and filtering
// one in place is safe.
func Values(g compare.Group) []Value {
	var vr Valuer
	return vr.Values(g)
}

// Valuer is Values on buffers reused from group to group: a rule that
// splits every group of a story by value, and is done with one group's
// values before the next, need not allocate them each time. The zero
// value is ready; a Valuer is not safe for concurrent use.
type Valuer struct {
	vals   []Value
	ptrs   []*compare.Claim
	counts []int
	idx    map[string]int
}

// Values is the package's Values. The values and their claims' buffer
// are the Valuer's: the caller may filter and reorder them, and they stay
// valid until the next call.
func (vr *Valuer) Values(g compare.Group) []Value {
	clear(vr.vals)
	out := vr.vals[:0]
	var idx map[string]int
	counts := vr.counts[:0]
	for i := range g.Claims {
		v := g.Claims[i].Value
		if n := valueIndex(out, idx, v); n >= 0 {
			counts[n]++
			continue
		}
		out = append(out, Value{Value: v})
		counts = append(counts, 1)
		if idx != nil {
			idx[v] = len(out) - 1
		} else if len(out) > manyValues {
			idx = vr.index(2 * len(out))
			for n, o := range out {
				idx[o.Value] = n
			}
		}
	}
	clear(vr.ptrs)
	buf := slices.Grow(vr.ptrs[:0], len(g.Claims))[:len(g.Claims)]
	start := 0
	for n := range out {
		out[n].Claims = buf[start : start : start+counts[n]]
		start += counts[n]
	}
	for i := range g.Claims {
		v := &out[valueIndex(out, idx, g.Claims[i].Value)]
		v.Claims = append(v.Claims, &g.Claims[i])
	}
	vr.vals, vr.ptrs, vr.counts = out, buf, counts
	if len(out) == 0 {
		return nil // as a fresh Values
	}
	return out
}

// index returns the Valuer's map of values, empty.
func (vr *Valuer) index(size int) map[string]int {
	if vr.idx == nil {
		vr.idx = make(map[string]int, size)
	}
	clear(vr.idx)
	return vr.idx
}

// valueIndex is the number of the value v among vals, or -1.
func valueIndex(vals []Value, idx map[string]int, v string) int {
	if idx != nil {
		if n, ok := idx[v]; ok {
			return n
		}
		return -1
	}
	for n := range vals {
		if vals[n].Value == v {
			return n
		}
	}
	return -1
}

// Compatible reports whether two claims of one slot can both be true.
// The claims are passed by pointer: they are large.
func Compatible(k *kb.KB, a, b *compare.Claim) bool {
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
func datesCompatible(a, b *compare.Claim) bool {
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
