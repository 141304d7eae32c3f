package rules

import (
	"fmt"

	"github.com/crosscheck/crosscheck/compare"
)

// QuantityUpdate notes a toll or tally that rises in a later report.
var QuantityUpdate = &compare.Rule{
	Name: "quantity-update",
	Doc: `a count rises in a later report

Death tolls and vote tallies grow as a story develops: a later article
with a higher count updates an earlier one rather than contradicting it.
Reported as information so the reader sees the newest figure; a count
that falls in a later report stays a quantity-mismatch. Reports are
ordered by publication date, else by reference time.

Fires:
  10 April: At least 12 people were killed in the blast.
  12 April: The death toll rose to 15 killed.

Does not fire:
  10 April: 15 people were killed.
  12 April: 12 people were killed.`,
	Type:     compare.Agreement,
	Kind:     compare.KindQuantity,
	Severity: compare.Info,
	Needs:    []compare.Kind{compare.KindQuantity},
	Run: func(pass *compare.Pass) error {
		return eachQuantityConflict(pass, false, func(a, b *compare.Claim) bool {
			return !attributedApart(a, b) && isUpdate(a, b)
		}, func(a, b *compare.Claim) compare.Finding {
			earlier, later, _ := updateOrder(a, b)
			return compare.Finding{
				Subject: a.Subject,
				Message: fmt.Sprintf("%s updated: %s (%s, %s) → %s (%s, %s)", quantityWhat(a),
					earlier.Text, earlier.Doc.ID, reportTime(earlier.Doc).Format("2006-01-02"),
					later.Text, later.Doc.ID, reportTime(later.Doc).Format("2006-01-02")),
				Claims: []compare.Claim{*later, *earlier},
			}
		})
	},
}
