package rules

import "github.com/crosscheck/crosscheck/compare"

// QuantityDisagreement is being written.
var QuantityDisagreement = &compare.Rule{
	Name:     "quantity-disagreement",
	Doc:      "quantity-disagreement\n\nFires: x\n\nDoes not fire: y",
	Type:     compare.Contradiction,
	Kind:     compare.KindQuantity,
	Severity: compare.Error,
	Run:      func(*compare.Pass) error { return nil },
}
