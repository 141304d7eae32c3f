package rules

import (
	"fmt"
	"time"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/extract"
	"github.com/crosscheck/crosscheck/compare/kb"
)

// atEventTime reports whether a claim speaks of the time of its article's
// main event (or the article's reference time), as opposed to an earlier
// time that a marker or the context gives.
func atEventTime(c *compare.Claim) bool { return c.AtEventTime() }

// checkable reports whether a claim's time is known well enough to test
// it against the kb: the event's time or an explicit year. A document with
// no date of its own (no publication date, no --as-of, no dated story)
// whose text does not date its event speaks of an unknown time: its
// reference is only the run date, and nothing is an anachronism against it.
func checkable(c *compare.Claim) bool {
	if c.Doc != nil && c.Doc.ReferenceFrom == "run-date" && c.When.Basis != "explicit" && c.When.Basis != "event" {
		return false
	}
	return c.When.Known() && (atEventTime(c) || c.When.Basis == "explicit")
}

// personOf strips the "person/" prefix of a claim value.
func personOf(c *compare.Claim) string {
	if len(c.Value) > 7 && c.Value[:7] == "person/" {
		return c.Value[7:]
	}
	return ""
}

// deathGrace is how long after dying in office a person is still named
// by the office without error: the coverage of the death and funeral.
const deathGrace = 30 * 24 * time.Hour

// heldDuring reports whether the person held the office at some time in
// [from, to), alive, the last day of a term included.
func heldDuring(k *kb.KB, person, office string, from, to time.Time) bool {
	if to.IsZero() || !to.After(from) {
		to = from.Add(24 * time.Hour)
	}
	p, _ := k.Person(person)
	for t := range k.TenuresSeq(person) {
		if t.Office != office {
			continue
		}
		end := t.To
		if !end.IsZero() {
			// The day a term ends is the successor's first and still the
			// holder's last: "Prime Minister Sunak tendered his
			// resignation" on 5 July 2024.
			end = end.AddDate(0, 0, 1)
		}
		if diedInTerm(p, t.To) {
			// Reports of the death and its aftermath still name the
			// office ("President Raisi was killed").
			end = p.Died.Add(deathGrace)
		}
		if t.From.Before(to) && (end.IsZero() || from.Before(end)) {
			return true
		}
	}
	return false
}

// diedInTerm reports whether the person died in a term ending at
// termEnd (zero: never ended), or within a day after it.
func diedInTerm(p *kb.Person, termEnd time.Time) bool {
	return p != nil && !p.Died.IsZero() && (termEnd.IsZero() || !p.Died.After(termEnd.AddDate(0, 0, 1)))
}

// holdersNote names who held the office at a time, for messages.
func holdersNote(k *kb.KB, office string, at time.Time) string {
	hs := k.Holders(office, at)
	if len(hs) == 0 {
		return ""
	}
	var names []string
	for _, h := range hs {
		n := h.Person
		if p, ok := k.Person(h.Person); ok {
			n = p.Name
		}
		if h.Acting {
			n += " (acting)"
		}
		names = append(names, n)
	}
	return fmt.Sprintf("; the holder then was %s", joinAnd(names))
}

// holderEvidence is the kb term of whoever held the office at a time.
func holderEvidence(k *kb.KB, office *kb.Office, at time.Time) []compare.Evidence {
	var out []compare.Evidence
	for _, h := range k.Holders(office.ID, at) {
		p, _ := k.Person(h.Person)
		for _, e := range extract.TermEvidence(p, office, []kb.Term{h}) {
			if e.Died == nil {
				out = append(out, e)
			}
		}
	}
	return out
}

func joinAnd(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	s := ""
	for i, x := range xs {
		switch {
		case i == 0:
			s = x
		case i == len(xs)-1:
			s += " and " + x
		default:
			s += ", " + x
		}
	}
	return s
}

func dayString(t time.Time, g compare.Granularity) string {
	switch g {
	case compare.GranMonth:
		return t.Format("January 2006")
	case compare.GranYear:
		return t.Format("2006")
	}
	return t.Format("2006-01-02")
}

func personName(k *kb.KB, id string) string {
	if p, ok := k.Person(id); ok {
		return p.Name
	}
	return id
}

// outOfOffice returns the office of a claim naming a current holder
// ("Foreign Minister X", "the Biden administration", "acting President
// X") whose person the kb says did not hold it at the claim's time.
func outOfOffice(k *kb.KB, c *compare.Claim) (person string, office *kb.Office, ok bool) {
	person = personOf(c)
	if person == "" || !checkable(c) {
		return "", nil, false
	}
	switch c.Marker {
	case "", "acting", "outgoing":
	default:
		return "", nil, false
	}
	office, found := k.Office(c.Subject)
	if !found || heldDuring(k, person, c.Subject, c.When.From, c.When.To) {
		return "", nil, false
	}
	return person, office, true
}

// anachronismEvidence is the claim's own kb facts and the term of whoever
// held the office at its time.
func anachronismEvidence(k *kb.KB, c *compare.Claim, office *kb.Office) []compare.Evidence {
	return append(append([]compare.Evidence{}, c.Evidence...), holderEvidence(k, office, c.When.From)...)
}
