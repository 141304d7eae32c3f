package rules

import (
	"strings"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/extract"
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
		var cf conflictFinder
		anchored := func(c *compare.Claim) bool {
			if c.Attr != "date" && c.Attr != extract.AttrClosingDate {
				return false
			}
			if c.Marker == "relative" || c.Marker == "weekday" {
				return c.Doc.ReferenceFrom == "published"
			}
			return true
		}
		for g := range mainEventGroups(pass, compare.KindDate) {
			for _, c := range crossDocument(cf.conflicts(pass, g, anchored)) {
				if allBareWeekdays(c.a.Claims) && allBareWeekdays(c.b.Claims) {
					continue // "Sunday" and "Sunday": which week is the tagger's guess
				}
				if allWrittenWeekdays(c.a.Claims) && allWrittenWeekdays(c.b.Claims) &&
					c.a.Claims[0].When.From.Weekday() != c.b.Claims[0].When.From.Weekday() {
					continue // "Friday" vs "Saturday (April 12)": the weekday rule reports it
				}
				reportConflict(pass, c, "the "+attrPhrase(g.Attr)+" of "+subjectPhrase(g.Subject))
			}
		}
		return nil
	},
}

// allWrittenWeekdays reports whether every claim was written with a
// weekday ("Friday", "Saturday, April 12").
func allWrittenWeekdays(cs []*compare.Claim) bool {
	for _, c := range cs {
		if c.Marker != "weekday" && !hasWeekdayName(c.Text) {
			return false
		}
	}
	return true
}

func hasWeekdayName(s string) bool {
	l := strings.ToLower(s)
	for _, d := range []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"} {
		if strings.Contains(l, d) {
			return true
		}
	}
	return false
}

func allBareWeekdays(cs []*compare.Claim) bool {
	for _, c := range cs {
		if c.Marker != "weekday" {
			return false
		}
	}
	return true
}
