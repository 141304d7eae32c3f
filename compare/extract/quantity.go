package extract

import "github.com/crosscheck/crosscheck/compare"

// Quantity finds figures with their unit and what they count.
var Quantity = &Extractor{
	Name:  "quantity",
	Kinds: []compare.Kind{compare.KindQuantity},
	Run:   func(*Env) []compare.Claim { return nil },
}
