package rules

import (
	"github.com/crosscheck/crosscheck/compare"
)

// DateMismatch reports sources that date one event differently, at the
// granularity both give: "April 2025" agrees with "12 April 2025".
var DateMismatch = &compare.Rule{
	Name: "date-mismatch",
	Doc: `sources give incompatible dates for one event

Dates are compared as intervals at the precision each source gives. A
relative date ("on Friday", "next month") counts only when it resolves
against the article's own publication date: resolved against --as-of or
today it would be a guess, and the weekday rule already compares weekdays.

Fires: "on April 12, 2025" vs "on April 19, 2025" for the same talks.

Does not fire: "in April" vs "on April 12"; "the talks will be held on Thursday" (published Monday) vs "the talks held yesterday" (published Friday).`,
	Type:     compare.Contradiction,
	Kind:     compare.KindDate,
	Severity: compare.Error,
	Needs:    []compare.Kind{compare.KindDate},
	Run: func(pass *compare.Pass) error {
		anchored := func(c compare.Claim) bool {
			if c.Attr != "date" {
				return false
			}
			if c.Marker == "relative" || c.Marker == "weekday" {
				return c.Doc.ReferenceFrom == "published"
			}
			return true
		}
		for _, g := range mainEventGroups(pass, compare.KindDate) {
			for _, c := range conflicts(pass, g, anchored) {
				if allMarked(c.a.Claims, "weekday") && allMarked(c.b.Claims, "weekday") {
					continue // two weekdays: the weekday rule reports it
				}
				reportConflict(pass, c, "the date of "+subjectPhrase(g.Subject))
			}
		}
		return nil
	},
}

func allMarked(cs []compare.Claim, marker string) bool {
	for _, c := range cs {
		if c.Marker != marker {
			return false
		}
	}
	return true
}
