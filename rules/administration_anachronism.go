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

Fires: "The Biden administration has expressed a willingness to re-enter the JCPOA" in a report of April 2025.

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
		for _, c := range pass.Claims {
			person := personOf(c)
			if person == "" || c.Marker != "" || !checkable(c) {
				continue
			}
			office := headOfficeOf(pass, c, person)
			if office == "" || heldDuring(k, person, office, c.When.From, c.When.To) {
				continue
			}
			o, _ := k.Office(office)
			pass.Report(compare.Finding{
				Subject: c.Subject,
				Message: fmt.Sprintf("%q: %s was not in office at the time the article speaks of (%s)%s",
					c.Text, personName(k, person), dayString(c.When.From, c.When.Gran), holdersNote(k, office, c.When.From)),
				Claims:   []compare.Claim{c},
				Evidence: append(append([]compare.Evidence{}, c.Evidence...), holderEvidence(k, o, c.When.From)...),
			})
		}
		return nil
	},
}

// headOfficeOf returns the office whose holder leads the government the
// claim names: the one its evidence is about, else any head office of the
// country the person held.
func headOfficeOf(pass *compare.Pass, c compare.Claim, person string) string {
	country := c.Subject
	if i := len(country) - len("/government"); i > 0 {
		country = country[:i]
	}
	for _, role := range []string{"president", "prime-minister", "chancellor"} {
		o, ok := pass.KB.OfficeFor(country, role)
		if !ok {
			continue
		}
		for _, t := range pass.KB.Tenures(person) {
			if t.Office == o.ID {
				return o.ID
			}
		}
	}
	return ""
}
