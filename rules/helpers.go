package rules

import (
	"fmt"
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
func crossDocument(cs []conflict) []conflict {
	out := cs[:0]
	for _, c := range cs {
		if len(compare.DocIDs(append(append([]compare.Claim{}, c.a.Claims...), c.b.Claims...))) > 1 {
			out = append(out, c)
		}
	}
	return out
}

// conflicts returns the pairs of distinct values in a group that cannot
// both be true. Values are few per slot, so comparing them pairwise is
// cheap; documents are never compared pairwise.
func conflicts(pass *compare.Pass, g compare.Group, keep func(compare.Claim) bool) []conflict {
	var vals []align.Value
	for _, v := range align.Values(g) {
		var cs []compare.Claim
		for _, c := range v.Claims {
			if keep == nil || keep(c) {
				cs = append(cs, c)
			}
		}
		if len(cs) > 0 {
			v.Claims = cs
			vals = append(vals, v)
		}
	}
	if g.Kind == compare.KindLocation {
		vals = mergeContained(pass, vals)
	}
	var out []conflict
	for i := range vals {
		for j := i + 1; j < len(vals); j++ {
			if !align.Compatible(pass.KB, vals[i].Claims[0], vals[j].Claims[0]) {
				out = append(out, conflict{group: g, a: vals[i], b: vals[j]})
			}
		}
	}
	return out
}

// reportConflict reports a contradiction between two values with every
// claim of both as evidence, the first claim of a primary.
func reportConflict(pass *compare.Pass, c conflict, what string) {
	claims := append(append([]compare.Claim{}, c.a.Claims...), c.b.Claims...)
	pass.Report(compare.Finding{
		Subject: c.group.Subject,
		Message: fmt.Sprintf("%s %s: %s (%s) vs %s (%s)", disagreePrefix(c), what,
			display(c.a.Claims[0]), strings.Join(shortIDs(c.a.Docs()), ", "),
			display(c.b.Claims[0]), strings.Join(shortIDs(c.b.Docs()), ", ")),
		Claims: claims,
	})
}

func disagreePrefix(c conflict) string {
	docs := map[string]bool{}
	for _, v := range []align.Value{c.a, c.b} {
		for _, id := range v.Docs() {
			docs[id] = true
		}
	}
	if len(docs) == 1 {
		return "the article contradicts itself on"
	}
	return "sources disagree on"
}

// display renders a claim's value for messages: places and people by
// their written form, other values canonically.
func display(c compare.Claim) string {
	switch c.Kind {
	case compare.KindLocation, compare.KindOffice, compare.KindAdministration:
		return c.Text
	}
	return c.Value
}

// shortIDs shortens document IDs like "001_444b98ae168bb563" to "001".
func shortIDs(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = shortID(id)
	}
	return out
}

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
		if _, fam, ok := strings.Cut(subject, ":"); ok {
			return "the " + fam
		}
		return "the main event"
	case strings.HasPrefix(subject, "date@"):
		return "a date"
	case strings.HasPrefix(subject, "round-"):
		return "round " + strings.TrimPrefix(subject, "round-")
	}
	return subject
}

// groupsOf returns the pass's groups of one kind.
func groupsOf(pass *compare.Pass, kind compare.Kind) []compare.Group {
	var out []compare.Group
	for _, g := range pass.Groups {
		if g.Kind == kind {
			out = append(out, g)
		}
	}
	return out
}

// mainEventGroups returns the groups of one kind about main events:
// sub-events named in passing (the next round, the funeral) are too
// loosely scoped to contradict anything.
func mainEventGroups(pass *compare.Pass, kind compare.Kind) []compare.Group {
	var out []compare.Group
	for _, g := range pass.Groups {
		if g.Kind == kind && extract.IsMainEvent(g.Subject) {
			out = append(out, g)
		}
	}
	return out
}

// mergeContained joins place values that lie one inside the other
// ("Muscat" and "Oman") so they count as one statement of the venue. A
// value joins the first cluster all of whose values it is compatible with.
func mergeContained(pass *compare.Pass, vals []align.Value) []align.Value {
	var out []align.Value
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
			out = append(out, align.Value{Value: v.Value, Claims: append([]compare.Claim(nil), v.Claims...)})
		}
	}
	return out
}
