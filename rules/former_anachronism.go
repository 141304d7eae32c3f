package rules

import (
	"fmt"

	"github.com/crosscheck/crosscheck/compare"
)

// FormerAnachronism reports "former" used of someone who holds the office
// at the time the article speaks of.
var FormerAnachronism = &compare.Rule{
	Name: "former-anachronism",
	Doc: `a "former" official is in office at the time

"Former President Trump" in a report of April 2025 gets the time wrong: he
was president again from 2025-01-20.

Fires: "former President Trump" in an article about talks on 2025-04-11.

Does not fire: "former Vice President Joe Biden, the Democratic nominee" in September 2020.`,
	Type:     compare.Anachronism,
	Kind:     compare.KindOffice,
	Severity: compare.Error,
	Needs:    []compare.Kind{compare.KindOffice, compare.KindAdministration},
	Run: func(pass *compare.Pass) error {
		k := pass.KB
		if k == nil {
			return nil
		}
		for i := range pass.Claims {
			c := &pass.Claims[i]
			person := personOf(c)
			if person == "" || c.Marker != "former" || !checkable(c) {
				continue
			}
			if !heldDuring(k, person, c.Subject, c.When.From, c.When.To) {
				continue
			}
			office, ok := k.Office(c.Subject)
			if !ok {
				continue
			}
			pass.Report(compare.Finding{
				Kind:    c.Kind,
				Subject: c.Subject,
				Message: fmt.Sprintf("%q: %s held the office of %s at the time the article speaks of (%s), so was not a former holder",
					c.Text, personName(k, person), office.Title, dayString(c.When.From, c.When.Gran)),
				Claims:   []compare.Claim{*c},
				Evidence: holderEvidence(k, office, c.When.From),
			})
		}
		return nil
	},
}
