package rules

import "github.com/crosscheck/crosscheck/compare"

// QuantityUpdate is being written.
var QuantityUpdate = &compare.Rule{
	Name:     "quantity-update",
	Doc:      "quantity-update\n\nFires: x\n\nDoes not fire: y",
	Type:     compare.Contradiction,
	Kind:     compare.KindQuantity,
	Severity: compare.Error,
	Run:      func(*compare.Pass) error { return nil },
}
