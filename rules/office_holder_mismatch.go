package rules

import (
	"github.com/crosscheck/crosscheck/compare"
)

// OfficeHolderMismatch reports sources that name different holders of one
// single-seat office at the time of the same event.
var OfficeHolderMismatch = &compare.Rule{
	Name: "office-holder-mismatch",
	Doc: `sources name different holders of one office at one time

Names are compared as kb identities, so spelling variants (Araghchi,
Araqchi) agree. Only claims about the time of the main event count.

Fires: "Iranian Foreign Minister Abbas Araghchi" in one report and "Iranian Foreign Minister Amir-Abdollahian" in another, about the same talks.

Does not fire: "Foreign Minister Araghchi" and "then-foreign minister Zarif".`,
	Type:     compare.Contradiction,
	Kind:     compare.KindOffice,
	Severity: compare.Error,
	Needs:    []compare.Kind{compare.KindOffice},
	Run: func(pass *compare.Pass) error {
		var cf conflictFinder
		atEvent := func(c *compare.Claim) bool {
			return atEventTime(c) && (c.Marker == "" || c.Marker == "acting" || c.Marker == "outgoing")
		}
		for g := range groupsOf(pass, compare.KindOffice) {
			if pass.KB != nil {
				if o, ok := pass.KB.Office(g.Subject); ok && o.Seats > 1 {
					continue
				}
			}
			reportHolderConflicts(pass, cf.conflicts(pass, g, atEvent), "who was "+officeTitle(pass, g.Subject))
		}
		return nil
	},
}

func officeTitle(pass *compare.Pass, id string) string {
	if pass.KB != nil {
		if o, ok := pass.KB.Office(id); ok && o.Title != "" {
			return o.Title
		}
	}
	return id
}

// allHeld reports whether the kb confirms every claim: its person held
// the office at the claim's time.
func allHeld(pass *compare.Pass, cs []*compare.Claim) bool {
	for _, c := range cs {
		if !held(pass, c) {
			return false
		}
	}
	return true
}

// held reports whether the kb confirms one claim.
func held(pass *compare.Pass, c *compare.Claim) bool {
	p := personOf(c)
	return p != "" && heldDuring(pass.KB, p, c.Subject, c.When.From, c.When.To)
}

// refuted returns the claims whose person the kb says did not hold the
// office at the claim's time (a new slice: the value's is the group's).
func refuted(pass *compare.Pass, cs []*compare.Claim) []*compare.Claim {
	out := make([]*compare.Claim, 0, len(cs))
	for _, c := range cs {
		if !held(pass, c) {
			out = append(out, c)
		}
	}
	return out
}

// reportHolderConflicts reports conflicts between named holders. Where the
// kb confirms both sides (a handover day, an acting holder, a death in
// office) there is no contradiction. Where it confirms one side only, the
// refuted name is reported once, against every confirmed name, rather than
// once per pair.
func reportHolderConflicts(pass *compare.Pass, cs []conflict, what string) {
	if pass.KB == nil {
		for _, c := range cs {
			reportConflict(pass, c, what)
		}
		return
	}
	var order []string
	against := map[string]*conflict{}
	for _, c := range cs {
		aHeld, bHeld := allHeld(pass, c.a.Claims), allHeld(pass, c.b.Claims)
		switch {
		case aHeld && bHeld:
			continue
		case aHeld || bHeld:
			wrong, right := c.b, c.a
			if bHeld {
				wrong, right = c.a, c.b
			}
			m, ok := against[wrong.Value]
			if !ok {
				m = &conflict{group: c.group, a: wrong}
				// Only the refuted claims: a report that named the same
				// person on a day they held the office (the handover day)
				// is not wrong with the one that named them the day after.
				m.a.Claims = refuted(pass, wrong.Claims)
				m.b.Value = right.Value
				against[wrong.Value] = m
				order = append(order, wrong.Value)
			}
			first, _ := firstPerDoc(right.Claims)
			m.b.Claims = append(m.b.Claims, first...)
		default:
			reportConflict(pass, c, what)
		}
	}
	for _, v := range order {
		reportConflict(pass, *against[v], what)
	}
}
