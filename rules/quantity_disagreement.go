package rules

import (
	"fmt"

	"github.com/crosscheck/crosscheck/compare"
)

// QuantityDisagreement reports figures that sources attribute to
// different parties: a disagreement the story reports, not an error.
var QuantityDisagreement = &compare.Rule{
	Name: "quantity-disagreement",
	Doc: `different parties give different figures for the same thing

When a figure is attributed ("Iran said 100 were killed; the US said 120")
the article reports a claim, not a fact. Parties disagreeing is news, not
an editorial error, but an editor should see that the figures conflict and
that no source settles them. Reported as a warning, in one article or
across several.

Fires:
  Iran said 100 people were killed. The US said 120 people were killed.

Does not fire:
  Iran said 100 people were killed. The US said about 100 people were killed.`,
	Type:     compare.Contradiction,
	Kind:     compare.KindQuantity,
	Severity: compare.Warning,
	Needs:    []compare.Kind{compare.KindQuantity},
	Run: func(pass *compare.Pass) error {
		return eachQuantityConflict(pass, true, attributedApart, func(a, b *compare.Claim) compare.Finding {
			return compare.Finding{
				Subject: a.Subject,
				Message: fmt.Sprintf("parties disagree on %s: %s says %s, %s says %s",
					quantityWhat(a), a.Speaker, a.Text, b.Speaker, b.Text),
				Claims: []compare.Claim{*a, *b},
			}
		})
	},
}
