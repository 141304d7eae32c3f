package rules

import (
	"github.com/crosscheck/crosscheck/compare"
)

// OrdinalMismatch reports sources that count the main event differently.
var OrdinalMismatch = &compare.Rule{
	Name: "ordinal-mismatch",
	Doc: `sources count the event differently

"The second round" and "met for the first time" cannot both describe the
same talks. Only ordinals tied to the reported event count: earlier and
later rounds named in background are other events.

Fires: "this marks the second round of talks" vs "the two sides met for the first time".

Does not fire: "the first round was held in Muscat" in an article about the second round; "a third round is expected next week".`,
	Type:     compare.Contradiction,
	Kind:     compare.KindOrdinal,
	Severity: compare.Error,
	Needs:    []compare.Kind{compare.KindOrdinal},
	Run: func(pass *compare.Pass) error {
		var cf conflictFinder
		for g := range groupsOf(pass, compare.KindOrdinal) {
			for _, c := range cf.conflicts(pass, g, nil) {
				reportConflict(pass, c, "which round "+subjectPhrase(g.Subject)+" was")
			}
		}
		return nil
	},
}
