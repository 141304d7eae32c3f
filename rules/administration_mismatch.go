package rules

import (
	"github.com/crosscheck/crosscheck/compare"
)

// AdministrationMismatch reports sources that put different governments
// in power at the time of the same event.
var AdministrationMismatch = &compare.Rule{
	Name: "administration-mismatch",
	Doc: `sources name different sitting governments

"The Biden administration" in one report and "the Trump administration"
in another cannot both be the government at the time of the same talks.
References to other times ("the Trump administration's withdrawal in
2018") do not count.

Fires: "For the Biden administration, preventing a nuclear crisis is a priority" vs "the threat of military action from the Trump administration".

Does not fire: "the Trump administration's withdrawal from the JCPOA in 2018" vs "the Biden administration" in a report of 2022.`,
	Type:     compare.Contradiction,
	Kind:     compare.KindAdministration,
	Severity: compare.Error,
	Needs:    []compare.Kind{compare.KindAdministration},
	Run: func(pass *compare.Pass) error {
		var cf conflictFinder
		atEvent := func(c *compare.Claim) bool { return atEventTime(c) && c.Marker == "" }
		for g := range groupsOf(pass, compare.KindAdministration) {
			reportHolderConflicts(pass, cf.conflicts(pass, g, atEvent), "the government in office")
		}
		return nil
	},
}
