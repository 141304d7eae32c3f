package rules

import (
	"github.com/crosscheck/crosscheck/compare"
)

// LocationMismatch reports sources that place one event in different
// places; a city and the country it lies in agree.
var LocationMismatch = &compare.Rule{
	Name: "location-mismatch",
	Doc: `sources place the event in different places

Venues are compared with containment from the knowledge base: Muscat is
in Oman, so "in Muscat" and "in Oman" agree.

Fires: "talks in Muscat" vs "talks in Rome" for the same round.

Does not fire: "in Muscat" vs "in Oman"; "the first round was held in Muscat" vs "the second round, in Rome".`,
	Type:     compare.Contradiction,
	Kind:     compare.KindLocation,
	Severity: compare.Error,
	Needs:    []compare.Kind{compare.KindLocation},
	Run: func(pass *compare.Pass) error {
		var cf conflictFinder
		for g := range mainEventGroups(pass, compare.KindLocation) {
			for _, c := range crossDocument(cf.conflicts(pass, g, nil)) {
				reportConflict(pass, c, "the venue of "+subjectPhrase(g.Subject))
			}
		}
		return nil
	},
}
