package rules

import (
	"strings"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/extract"
)

// WeekdayMismatch reports sources that give the same event different
// weekdays, and a weekday written beside a date that falls on another.
var WeekdayMismatch = &compare.Rule{
	Name: "weekday-mismatch",
	Doc: `sources give different weekdays for one event

The weekday is the detail that AI-written and hastily rewritten copy gets
wrong most often, and readers notice it. A weekday beside a date that
falls on another weekday ("on Monday, July 14, 2015") is caught too.

The day an event ends is its own slot: "the summit ends on Sunday" is
compared with other reports of its closing day, never with the day it
opened.

Fires: "the talks, which began on Friday" vs "the talks, which took place on Saturday"; "the summit ends on Sunday" vs "the meeting closes on Monday".

Does not fire: "on Saturday" vs "on April 12" when April 12 is a Saturday; "met on Saturday" vs "the summit ends on Sunday"; "on Sunday, the second day of the summit"; weekdays of different events ("another meeting is scheduled for Friday"); two weekdays in one article, which name the days of a narrative more often than a slip (a weekday against a date written in the headline or lede still fires).`,
	Type:     compare.Contradiction,
	Kind:     compare.KindWeekday,
	Severity: compare.Error,
	Needs:    []compare.Kind{compare.KindWeekday},
	Run: func(pass *compare.Pass) error {
		var cf conflictFinder
		for _, g := range pass.Groups {
			if g.Kind != compare.KindWeekday || !(extract.IsMainEvent(g.Subject) || strings.HasPrefix(g.Subject, "date@")) {
				continue
			}
			for _, c := range cf.conflicts(pass, g, nil) {
				if allDerived(c.a.Claims) && allDerived(c.b.Claims) {
					continue // two written dates: the date rule reports it
				}
				if oneDocument(c.a.Claims, c.b.Claims) && !samePhrase(c.a.Claims, c.b.Claims) &&
					!leadDated(c.a.Claims) && !leadDated(c.b.Claims) {
					// Two weekdays in one article are the days of a
					// narrative ("touring Dar es Salaam Thursday and meeting
					// police leaders Friday morning") far more often than a
					// slip; only a weekday beside a date it contradicts
					// ("Wednesday, April 24" of a Thursday), or a date the
					// headline or lede writes, pins the event's day.
					continue
				}
				reportConflict(pass, c, "the "+attrPhrase(g.Attr)+" of "+subjectPhrase(g.Subject))
			}
		}
		return nil
	},
}

// samePhrase reports whether a claim of a and one of b stand at one
// place: a written weekday and the weekday its date implies.
func samePhrase(a, b []*compare.Claim) bool {
	for _, x := range a {
		for _, y := range b {
			if x.Span == y.Span {
				return true
			}
		}
	}
	return false
}

// leadDated reports whether a weekday stands with a written date in the
// headline or the lede: implied by one ("April 12, 2025") or beside one
// ("Saturday, April 12").
func leadDated(cs []*compare.Claim) bool {
	for _, c := range cs {
		if (c.Segment == compare.SegHeadline || c.Segment == compare.SegLede) &&
			(c.Marker == "derived" || strings.ContainsAny(c.Text, "0123456789")) {
			return true
		}
	}
	return false
}

func allDerived(cs []*compare.Claim) bool {
	for _, c := range cs {
		if c.Marker != "derived" {
			return false
		}
	}
	return true
}
