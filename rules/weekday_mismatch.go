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

Fires: "the talks, which began on Friday" vs "the talks, which took place on Saturday".

Does not fire: "on Saturday" vs "on April 12" when April 12 is a Saturday; weekdays of different events ("another meeting is scheduled for Friday").`,
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
				reportConflict(pass, c, "the weekday of "+subjectPhrase(g.Subject))
			}
		}
		return nil
	},
}

func allDerived(cs []*compare.Claim) bool {
	for _, c := range cs {
		if c.Marker != "derived" {
			return false
		}
	}
	return true
}
