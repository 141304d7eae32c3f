package rules

import (
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/align"
	"github.com/crosscheck/crosscheck/compare/extract"
)

// conflict is two incompatible values of one slot.
type conflict struct {
	group compare.Group
	a, b  align.Value
}

// crossDocument keeps the conflicts whose two sides are stated by
// different documents. One article naming two dates or places for events
// of one kind is usually naming two events (two deaths, the strike and the
// retaliation); only sources disagreeing are reliable contradictions.
//
// For the same reason, when every document on one side also states the
// other side's value, those documents name both (the bombings "in Kenya
// and … in Tanzania"), and the other source agrees with one of them.
func crossDocument(cs []conflict) []conflict {
	out := cs[:0]
	for _, c := range cs {
		if !oneDocument(c.a.Claims, c.b.Claims) && !statesBoth(c.a.Claims, c.b.Claims) && !statesBoth(c.b.Claims, c.a.Claims) {
			out = append(out, c)
		}
	}
	return out
}

// statesBoth reports whether every document of claims a also has a claim
// in b.
func statesBoth(a, b []*compare.Claim) bool {
	for _, x := range a {
		found := false
		for _, y := range b {
			if y.Doc == x.Doc {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// oneDocument reports whether the claims of all the lists come from at
// most one document.
func oneDocument(lists ...[]*compare.Claim) bool {
	var first *compare.Claim
	for _, cs := range lists {
		for _, c := range cs {
			if first == nil {
				first = c
			} else if c.Doc.ID != first.Doc.ID {
				return false
			}
		}
	}
	return true
}

// conflictFinder finds conflicts group after group on the same buffers:
// a rule is done with one group's conflicts before it asks for the next.
type conflictFinder struct {
	vr  align.Valuer
	out []conflict
}

// conflicts returns the pairs of distinct values in a group that cannot
// both be true, counting only the claims keep accepts (all when nil).
// Values are few per slot, so comparing them pairwise is cheap; documents
// are never compared pairwise. What it returns stays valid until the
// next call.
func (cf *conflictFinder) conflicts(pass *compare.Pass, g compare.Group, keep func(*compare.Claim) bool) []conflict {
	vals := cf.vr.Values(g)
	if keep != nil {
		vals = keepClaims(vals, keep)
	}
	if g.Kind == compare.KindLocation {
		vals = mergeContained(pass, vals)
	}
	clear(cf.out)
	out := cf.out[:0]
	for i := range vals {
		for j := i + 1; j < len(vals); j++ {
			if !align.Compatible(pass.KB, vals[i].Claims[0], vals[j].Claims[0]) {
				out = append(out, conflict{group: g, a: vals[i], b: vals[j]})
			}
		}
	}
	cf.out = out
	return out
}

// keepClaims keeps the claims of each value that keep accepts and the
// values left with any. It filters in place: the values are the caller's,
// fresh from a Valuer.
func keepClaims(vals []align.Value, keep func(*compare.Claim) bool) []align.Value {
	out := vals[:0]
	for _, v := range vals {
		v.Claims = filterClaims(v.Claims, keep)
		if len(v.Claims) > 0 {
			out = append(out, v)
		}
	}
	return out
}

// filterClaims keeps the claims keep accepts, in place.
func filterClaims(cs []*compare.Claim, keep func(*compare.Claim) bool) []*compare.Claim {
	out := cs[:0]
	for _, c := range cs {
		if keep(c) {
			out = append(out, c)
		}
	}
	return out
}

// claimValues copies claims into a finding's list, in order: a finding
// owns its claims, and only reported claims are worth copying.
func claimValues(lists ...[]*compare.Claim) []compare.Claim {
	n := 0
	for _, cs := range lists {
		n += len(cs)
	}
	out := make([]compare.Claim, 0, n)
	for _, cs := range lists {
		for _, c := range cs {
			out = append(out, *c)
		}
	}
	return out
}

// reportConflict reports a contradiction between two values with every
// claim of both as evidence, the first claim of a primary.
func reportConflict(pass *compare.Pass, c conflict, what string) {
	pass.Report(compare.Finding{
		Subject: c.group.Subject,
		Message: fmt.Sprintf("%s %s: %s (%s) vs %s (%s)", disagreePrefix(c), what,
			display(c.a.Claims[0]), joinShortIDs(c.a.Docs()),
			display(c.b.Claims[0]), joinShortIDs(c.b.Docs())),
		Claims: claimValues(c.a.Claims, c.b.Claims),
	})
}

func disagreePrefix(c conflict) string {
	if oneDocument(c.a.Claims, c.b.Claims) {
		return "the article contradicts itself on"
	}
	return "sources disagree on"
}

// display renders a claim's value for messages: places and people by
// their written form, other values canonically.
func display(c *compare.Claim) string {
	switch c.Kind {
	case compare.KindLocation, compare.KindOffice, compare.KindAdministration:
		return c.Text
	}
	return c.Value
}

// joinShortIDs lists document IDs, shortened, for messages.
func joinShortIDs(ids []string) string {
	n := 0
	for _, id := range ids {
		n += len(shortID(id)) + len(", ")
	}
	var b strings.Builder
	b.Grow(n)
	for i, id := range ids {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(shortID(id))
	}
	return b.String()
}

// appendShortIDs appends joinShortIDs(ids) to b.
func appendShortIDs(b []byte, ids []string) []byte {
	for i, id := range ids {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = append(b, shortID(id)...)
	}
	return b
}

// shortID shortens a document ID like "001_444b98ae168bb563" to "001".
func shortID(id string) string {
	if i := strings.IndexByte(id, '_'); i > 0 && i <= 8 {
		return id[:i]
	}
	return id
}

// slotPhrase names a slot's subject for messages, with kb names for kb
// events and offices.
func slotPhrase(pass *compare.Pass, subject string) string {
	if pass.KB != nil {
		if id, ok := strings.CutPrefix(subject, "person/"); ok {
			if p, found := pass.KB.Person(id); found {
				return p.Name
			}
		}
		base, action, _ := strings.Cut(subject, "/")
		if ev, ok := pass.KB.Event(base); ok {
			if action != "" {
				return "the " + action + " from the " + ev.Name
			}
			return "the " + ev.Name
		}
		if o, ok := pass.KB.Office(subject); ok && o.Title != "" {
			return "the " + o.Title
		}
	}
	return subjectPhrase(subject)
}

// subjectPhrase names a slot's subject for messages.
func subjectPhrase(subject string) string {
	switch {
	case extract.IsMainEvent(subject):
		subject, round, series := strings.Cut(subject, align.SeriesRound)
		event := "the main event"
		if _, fam, ok := strings.Cut(subject, ":"); ok {
			event = "the " + fam
		}
		if series {
			return "round " + round + " of " + event // a series' event (align.SplitSeries)
		}
		return event
	case strings.HasPrefix(subject, "date@"):
		return "a date"
	case strings.HasPrefix(subject, "round-"):
		return "round " + strings.TrimPrefix(subject, "round-")
	}
	return subject
}

// groupsOf returns the pass's groups of one kind.
func groupsOf(pass *compare.Pass, kind compare.Kind) iter.Seq[compare.Group] {
	return func(yield func(compare.Group) bool) {
		for _, g := range pass.Groups {
			if g.Kind == kind && !yield(g) {
				return
			}
		}
	}
}

// mainEventGroups returns the groups of one kind about main events:
// sub-events named in passing (the next round, the funeral) are too
// loosely scoped to contradict anything.
func mainEventGroups(pass *compare.Pass, kind compare.Kind) iter.Seq[compare.Group] {
	return func(yield func(compare.Group) bool) {
		for g := range groupsOf(pass, kind) {
			if extract.IsMainEvent(g.Subject) && !yield(g) {
				return
			}
		}
	}
}

// mergeContained joins place values that lie one inside the other
// ("Muscat" and "Oman") so they count as one statement of the venue. A
// value joins the first cluster all of whose values it is compatible with.
// It merges in place: the values are the caller's, fresh from
// align.Values, and a cluster's claims grow only into its own first
// value's slice (clipped by align.Values) or a new one.
func mergeContained(pass *compare.Pass, vals []align.Value) []align.Value {
	out := vals[:0]
	for _, v := range vals {
		joined := false
		for i := range out {
			ok := true
			for _, c := range out[i].Claims {
				if !align.Compatible(pass.KB, c, v.Claims[0]) {
					ok = false
					break
				}
			}
			if ok {
				out[i].Claims = append(out[i].Claims, v.Claims...)
				joined = true
				break
			}
		}
		if !joined {
			out = append(out, v)
		}
	}
	return out
}

// firstPerDoc keeps the first claim of each document; docs are the
// documents' IDs, in the same order.
func firstPerDoc(cs []*compare.Claim) (first []*compare.Claim, docs []string) {
	var buf firstClaims
	return buf.of(cs)
}

// firstClaims is firstPerDoc's buffers, for a rule that keeps the first
// claims of one list after another.
type firstClaims struct {
	first []*compare.Claim
	set   docSet
}

// of is firstPerDoc; what it returns stays valid until the next call.
func (b *firstClaims) of(cs []*compare.Claim) (first []*compare.Claim, docs []string) {
	b.first = slices.Grow(b.first[:0], len(cs))
	b.set.ids = slices.Grow(b.set.ids[:0], len(cs))
	if b.set.in != nil {
		clear(b.set.in)
	}
	b.set.big = false
	for _, c := range cs {
		if b.set.add(c.Doc.ID) {
			b.first = append(b.first, c)
		}
	}
	return b.first, b.set.ids
}

// manyDocs is the size past which a docSet looks IDs up in a map rather
// than scanning its list: a story has a handful of documents.
const manyDocs = 16

// docSet is a set of document IDs, in order of addition.
type docSet struct {
	ids []string
	in  map[string]bool // once the list is long (big)
	big bool
}

// add adds id and reports whether it was new.
func (s *docSet) add(id string) bool {
	if s.big && s.in[id] || !s.big && slices.Contains(s.ids, id) {
		return false
	}
	s.ids = append(s.ids, id)
	switch {
	case s.big:
		s.in[id] = true
	case len(s.ids) > manyDocs:
		if s.in == nil {
			s.in = make(map[string]bool, 2*len(s.ids))
		}
		for _, x := range s.ids {
			s.in[x] = true
		}
		s.big = true
	}
	return true
}
