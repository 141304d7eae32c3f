package rules

import (
	"fmt"

	"github.com/crosscheck/crosscheck/compare"
)

// EventYearMismatch reports a referenced event given the wrong year: by
// sources against each other, or against the knowledge base.
var EventYearMismatch = &compare.Rule{
	Name: "event-year-mismatch",
	Doc: `a referenced event is given different years

Background references ("the 2015 nuclear deal", "withdrew in 2018") are
checked against each other and against the dated events of the knowledge
base.

Fires: "the 2016 nuclear deal" (the JCPOA was agreed on 2015-07-14).

Does not fire: "the 2015 nuclear deal" in one article and "the JCPOA, agreed in 2015" in another.`,
	Type:     compare.Contradiction,
	Kind:     compare.KindDate,
	Severity: compare.Error,
	Needs:    []compare.Kind{compare.KindDate},
	Run: func(pass *compare.Pass) error {
		var cf conflictFinder
		for g := range groupsOf(pass, compare.KindDate) {
			if g.Attr != "year" {
				continue
			}
			for _, c := range cf.conflicts(pass, g, nil) {
				reportConflict(pass, c, "the year of "+slotPhrase(pass, g.Subject))
			}
			if pass.KB == nil {
				continue
			}
			ev, ok := pass.KB.Event(g.Subject)
			if !ok || ev.From.IsZero() {
				continue
			}
			for _, cl := range g.Claims {
				if cl.Value == fmt.Sprint(ev.From.Year()) || (!ev.To.IsZero() && cl.Value >= fmt.Sprint(ev.From.Year()) && cl.Value <= fmt.Sprint(ev.To.Year())) {
					continue
				}
				pass.Report(compare.Finding{
					Subject:  g.Subject,
					Message:  fmt.Sprintf("%q gives %s the year %s; the knowledge base dates it %s", cl.Text, ev.Name, cl.Value, ev.From.Format("2006-01-02")),
					Claims:   []compare.Claim{cl},
					Evidence: []compare.Evidence{{Text: fmt.Sprintf("%s: %s", ev.Name, ev.From.Format("2006-01-02")), Source: ev.Source}},
				})
			}
		}
		return nil
	},
}
