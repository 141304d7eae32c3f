package rules

import "github.com/crosscheck/crosscheck/compare"

// QuantityMismatch is being written.
var QuantityMismatch = &compare.Rule{
	Name:     "quantity-mismatch",
	Doc:      "quantity-mismatch\n\nFires: x\n\nDoes not fire: y",
	Type:     compare.Contradiction,
	Kind:     compare.KindQuantity,
	Severity: compare.Error,
	Run:      func(*compare.Pass) error { return nil },
}
