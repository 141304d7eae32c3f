package rules

import (
	"fmt"

	"github.com/crosscheck/crosscheck/compare"
)

// AdministrationAnachronism reports a government named as in office at a
// time when its leader was not.
var AdministrationAnachronism = &compare.Rule{
	Name: "administration-anachronism",
	Doc: `a government is named as in office when it was not

The knowledge base knows each leader's terms; "the Biden administration"
acting in April 2025 is out of its time (Biden left office on
2025-01-20).

"President X" and "Vice President X" name a government too.

Fires: "The Biden administration has expressed a willingness to re-enter the JCPOA" in a report of April 2025; "President Biden" in October 2020.

Does not fire: "the Trump administration's withdrawal from the JCPOA in 2018"; "the previous Obama administration".`,
	Type:     compare.Anachronism,
	Kind:     compare.KindAdministration,
	Severity: compare.Error,
	Needs:    []compare.Kind{compare.KindAdministration},
	Run: func(pass *compare.Pass) error {
		k := pass.KB
		if k == nil {
			return nil
		}
		for i := range pass.Claims {
			c := &pass.Claims[i]
			person, office, ok := outOfOffice(k, c)
			if !ok {
				continue
			}
			pass.Report(compare.Finding{
				Subject: c.Subject,
				Message: fmt.Sprintf("%q: %s was not in office at the time the article speaks of (%s)%s",
					c.Text, personName(k, person), dayString(c.When.From, c.When.Gran), holdersNote(k, office.ID, c.When.From)),
				Claims:   []compare.Claim{*c},
				Evidence: anachronismEvidence(k, c, office),
			})
		}
		return nil
	},
}
