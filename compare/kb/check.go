package kb

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
)

// handover is the overlap tolerated between successive holders of a
// single-seat office: sources often date the outgoing term's end and the
// incoming term's start to adjacent days.
const handover = 24 * time.Hour

// Check returns the consistency problems of the data, sorted by position:
// facts without a source, terms of unknown people or offices, terms before
// birth or after death, overlapping holders of a single-seat office
// (acting terms and a one-day handover aside), offices with an unknown
// country or a role without any phrase, places within unknown places, and
// names shared by two people alive at the same time that are not marked
// ambiguous.
func (k *KB) Check() []Problem {
	var out []Problem
	add := func(key, format string, args ...any) {
		out = append(out, Problem{Pos: k.pos[key], Msg: fmt.Sprintf(format, args...)})
	}
	for _, c := range k.Countries() {
		if c.Source == "" {
			add("country:"+c.Code, "country %s has no source", c.Code)
		}
		if c.Name == "" {
			add("country:"+c.Code, "country %s has no name", c.Code)
		}
	}
	for _, p := range k.Places() {
		if p.Source == "" {
			add("place:"+p.ID, "place %s has no source", p.ID)
		}
		if p.Name == "" {
			add("place:"+p.ID, "place %s has no name", p.ID)
		}
		if p.Within != "" {
			if _, ok := k.Place(p.Within); !ok {
				add("place:"+p.ID, "place %s is within unknown place %q", p.ID, p.Within)
			}
		}
	}
	for _, e := range k.Events() {
		if e.Source == "" {
			add("event:"+e.ID, "event %s has no source", e.ID)
		}
		if e.Name == "" {
			add("event:"+e.ID, "event %s has no name", e.ID)
		}
	}
	roles := map[string]bool{}
	for _, r := range k.roles {
		roles[r.Role] = true
	}
	for _, o := range k.idx.offices {
		key := "office:" + o.ID
		if o.Source == "" {
			add(key, "office %s has no source", o.ID)
		}
		if _, ok := k.countries[o.Country]; !ok {
			add(key, "office %s: unknown country or organisation %q (add it to countries.yaml)", o.ID, o.Country)
		}
		if !roles[o.Role] {
			add(key, "office %s: role %q has no phrase in roles (add one to roles.yaml)", o.ID, o.Role)
		}
	}
	for _, p := range k.idx.people {
		if p.Source == "" {
			add("person:"+p.ID, "person %s has no source", p.ID)
		}
		for _, a := range p.Ambiguous {
			if !slices.Contains(p.Aliases, a) && a != p.Name {
				add("person:"+p.ID, "person %s: ambiguous %q is not one of the names", p.ID, a)
			}
		}
	}
	out = append(out, k.checkTerms()...)
	out = append(out, k.checkNames()...)
	slices.SortFunc(out, func(a, b Problem) int { return cmp.Or(comparePos(a.Pos, b.Pos), cmp.Compare(a.Msg, b.Msg)) })
	return out
}

func (k *KB) checkTerms() []Problem {
	var out []Problem
	for _, o := range k.idx.offices {
		terms := k.idx.byOffice[o.ID]
		for i, t := range terms {
			key := termKey{t.Person, t.Office, t.From}.String()
			add := func(format string, args ...any) {
				out = append(out, Problem{Pos: k.pos[key], Msg: fmt.Sprintf(format, args...)})
			}
			if t.Source == "" {
				add("term of %s as %s from %s has no source", t.Person, t.Office, day(t.From))
			}
			if p, ok := k.people[t.Person]; ok {
				if !p.Born.IsZero() && t.From.Before(p.Born) {
					add("%s holds %s from %s, before being born (%s)", t.Person, t.Office, day(t.From), day(p.Born))
				}
				if !p.Died.IsZero() {
					if t.From.After(p.Died) {
						add("%s holds %s from %s, after dying (%s)", t.Person, t.Office, day(t.From), day(p.Died))
					} else if t.To.IsZero() || t.To.Sub(p.Died) > handover {
						add("%s's term as %s goes on after death (%s): set to: %s", t.Person, t.Office, day(p.Died), day(p.Died))
					}
				}
			}
			if o.Seats > 1 || t.Acting {
				continue
			}
			for _, u := range terms[i+1:] {
				if u.Acting {
					continue
				}
				// u starts at or after t (sorted by From).
				if !t.To.IsZero() && u.From.Sub(t.To) >= -handover {
					break
				}
				// Reported at the later term: usually the newer fact.
				out = append(out, Problem{Pos: k.pos[termKey{u.Person, u.Office, u.From}.String()], Msg: fmt.Sprintf(
					"%s (from %s) and %s (from %s) hold the single-seat office %s at once", t.Person, day(t.From), u.Person, day(u.From), o.ID)})
				break
			}
		}
	}
	return out
}

// checkNames reports folded names or aliases shared by two people alive at
// the same time unless both mark the name ambiguous.
func (k *KB) checkNames() []Problem {
	var out []Problem
	keys := make([]string, 0, len(k.idx.names))
	for f := range k.idx.names {
		keys = append(keys, f)
	}
	slices.Sort(keys)
	for _, f := range keys {
		refs := k.idx.names[f]
		for i, a := range refs {
			for _, b := range refs[i+1:] {
				if a.person == b.person {
					continue
				}
				pa, pb := k.people[a.person], k.people[b.person]
				if !lifetimesOverlap(pa, pb) {
					continue
				}
				for _, p := range []*Person{pa, pb} {
					if !marksAmbiguous(p, f) {
						out = append(out, Problem{Pos: k.pos["person:"+p.ID], Msg: fmt.Sprintf(
							"name %q of %s is shared by %s and %s, alive at the same time: list it under ambiguous",
							nameWithFold(p, f), p.ID, pa.ID, pb.ID)})
					}
				}
			}
		}
	}
	return out
}

func marksAmbiguous(p *Person, folded string) bool {
	for _, a := range p.Ambiguous {
		if Fold(a) == folded {
			return true
		}
	}
	return false
}

func nameWithFold(p *Person, folded string) string {
	for _, n := range append([]string{p.Name}, p.Aliases...) {
		if Fold(n) == folded {
			return n
		}
	}
	return folded
}

// lifetimesOverlap is true unless one died before the other was born; an
// unknown date is unbounded.
func lifetimesOverlap(a, b *Person) bool {
	if !a.Died.IsZero() && !b.Born.IsZero() && a.Died.Before(b.Born) {
		return false
	}
	if !b.Died.IsZero() && !a.Born.IsZero() && b.Died.Before(a.Born) {
		return false
	}
	return true
}

// comparePos orders "file:line:col" positions by file, then numerically.
func comparePos(a, b string) int {
	fa, la, ca := splitPos(a)
	fb, lb, cb := splitPos(b)
	return cmp.Or(cmp.Compare(fa, fb), cmp.Compare(la, lb), cmp.Compare(ca, cb))
}

func splitPos(p string) (file string, line, col int) {
	i := strings.LastIndexByte(p, ':')
	if i < 0 {
		return p, 0, 0
	}
	j := strings.LastIndexByte(p[:i], ':')
	if j < 0 {
		return p, 0, 0
	}
	fmt.Sscan(p[j+1:i], &line)
	fmt.Sscan(p[i+1:], &col)
	return p[:j], line, col
}
