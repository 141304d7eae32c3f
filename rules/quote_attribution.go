package rules

import "github.com/crosscheck/crosscheck/compare"

// QuoteAttribution is being written.
var QuoteAttribution = &compare.Rule{
	Name:     "quote-attribution",
	Doc:      "quote-attribution\n\nFires: x\n\nDoes not fire: y",
	Type:     compare.Contradiction,
	Kind:     compare.KindQuantity,
	Severity: compare.Error,
	Run:      func(*compare.Pass) error { return nil },
}
