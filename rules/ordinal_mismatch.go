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
later rounds named in background are other events. Figures count as words
do ("the 18th summit"). Reports of successive rounds of a series, each
published on its round's day, are reports of different events (later
rounds on later days, published later); reports published together stay
one event.

Fires: "this marks the second round of talks" vs "the two sides met for the first time"; "the summit was the 18th meeting of G20 leaders" vs "the summit, the 17th meeting of G20 leaders".

Does not fire: "the first round was held in Muscat" in an article about the second round; "a third round is expected next week"; "the first day of a two-day summit" (a day, not a round); "beat Thompson in the second round on Wednesday" (published Wednesday) vs "beat Wawrinka in the third round on Friday" (published Friday).`,
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
