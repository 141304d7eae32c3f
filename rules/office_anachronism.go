package rules

import (
	"fmt"

	"github.com/crosscheck/crosscheck/compare"
)

// OfficeAnachronism reports an official named in an office the knowledge
// base says they did not hold, or after their death, at the time the
// claim speaks of.
var OfficeAnachronism = &compare.Rule{
	Name: "office-anachronism",
	Doc: `an official is named in an office they did not hold at the time

The time is the article's main event unless a marker moves it: "then-",
"former", "previously", past perfect and "in 2018" speak of another time
and are not flagged; so does a title in the sentence of its holder's death
in office ("the crash that killed President Raisi", "the funeral of
Foreign Minister X"). The last day of a term is still the holder's. The
evidence names the person's term and death.

Fires: "Iranian Foreign Minister Amir-Abdollahian" in a report of April 2025 (he died on 2024-05-19).

Does not fire: "then-foreign minister Mohammad Javad Zarif negotiated the 2015 deal"; "a year after the helicopter crash that killed President Ebrahim Raisi" in May 2025; "Prime Minister Rishi Sunak conceded defeat" on 5 July 2024, the day he left office.`,
	Type:     compare.Anachronism,
	Kind:     compare.KindOffice,
	Severity: compare.Error,
	Needs:    []compare.Kind{compare.KindOffice},
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
			p, _ := k.Person(person)
			why := "did not hold that office"
			if p != nil && !p.Died.IsZero() && p.Died.Add(deathGrace).Before(c.When.From) {
				why = fmt.Sprintf("had died on %s", p.Died.Format("2006-01-02"))
			}
			pass.Report(compare.Finding{
				Subject: c.Subject,
				Message: fmt.Sprintf("%q: at the time the article speaks of (%s), %s %s%s", c.Text, dayString(c.When.From, c.When.Gran),
					personName(k, person), why, holdersNote(k, c.Subject, c.When.From)),
				Claims:   []compare.Claim{*c},
				Evidence: anachronismEvidence(k, c, office),
			})
		}
		return nil
	},
}
